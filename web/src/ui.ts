import { ApiError, type Params, withParams } from './api.ts';
import { type Child, h } from './dom.ts';
import { zh } from './script.ts';

/** Small pieces every page uses: errors, empty states, pagers, metadata lines. */

/** A message for a failed call, announced to screen readers. */
export function errorBox(error: unknown, what: string): HTMLElement {
  const message =
    error instanceof ApiError
      ? error.message
      : error instanceof Error
        ? error.message
        : 'Something went wrong.';
  const status = error instanceof ApiError && error.status > 0 ? ` (${error.status})` : '';
  return h(
    'div',
    { class: 'notice notice-error', role: 'alert' },
    h('strong', {}, `${what}${status}`),
    h('p', {}, message),
  );
}

/** A quiet line saying there is nothing to show. */
export function emptyState(text: string, hint?: string): HTMLElement {
  return h(
    'div',
    { class: 'empty' },
    h('p', {}, text),
    hint === undefined ? null : h('p', { class: 'muted' }, hint),
  );
}

/**
 * A titled panel: a section labelled by its h2, so screen readers name it by its title.
 * `id` is the heading's id and must be unique on the page.
 */
export function panel(id: string, title: string, ...body: (Child | Child[])[]): HTMLElement {
  return h('section', { class: 'panel', 'aria-labelledby': id }, h('h2', { id }, title), ...body);
}

/** A "Loading…" line, announced politely. */
export function loading(what = 'Loading…'): HTMLElement {
  return h('p', { class: 'loading', role: 'status' }, what);
}

/** Outlet · date, in the reader's script; missing parts left out. */
export function metaLine(parts: (string | null | undefined)[]): string {
  return parts
    .filter((p): p is string => p !== null && p !== undefined && p !== '')
    .map(zh)
    .join(' · ');
}

/** Previous / next links for a listing with limit and offset; `hrefFor` builds each link. */
export function pager(
  offset: number,
  limit: number,
  shown: number,
  hrefFor: (offset: number) => string,
  label: string,
): HTMLElement {
  const from = shown === 0 ? 0 : offset + 1;
  const to = offset + shown;
  const hasPrevious = offset > 0;
  const hasNext = shown >= limit;
  const link = (enabled: boolean, href: string, text: string, rel: string): Child =>
    enabled
      ? h('a', { class: 'button', href, rel }, text)
      : h('span', { class: 'button', 'aria-disabled': 'true' }, text);
  return h(
    'nav',
    { class: 'pager', 'aria-label': label },
    link(hasPrevious, hrefFor(Math.max(0, offset - limit)), '← Previous', 'prev'),
    h(
      'span',
      { class: 'pager-status', 'aria-live': 'polite' },
      shown === 0 ? 'No results' : `${from}–${to}`,
    ),
    link(hasNext, hrefFor(offset + limit), 'Next →', 'next'),
  );
}

/** A whole number from a query parameter, else the default; never below 0. */
export function intParam(params: URLSearchParams, name: string, fallback: number): number {
  const value = Number.parseInt(params.get(name) ?? '', 10);
  return Number.isFinite(value) && value >= 0 ? value : fallback;
}

/** Text with highlights (offsets into it), each piece converted to the reader's script. */
export function highlighted(
  text: string,
  highlights: readonly { start: number; end: number }[],
): Child[] {
  const out: Child[] = [];
  let at = 0;
  const sorted = [...highlights].sort((a, b) => a.start - b.start);
  for (const range of sorted) {
    const start = Math.max(at, Math.min(range.start, text.length));
    const end = Math.max(start, Math.min(range.end, text.length));
    if (start > at) out.push(zh(text.slice(at, start)));
    if (end > start) out.push(h('mark', {}, zh(text.slice(start, end))));
    at = end;
  }
  if (at < text.length) out.push(zh(text.slice(at)));
  return out;
}

/** A table in a scrolling, focusable region (wide tables on a phone). */
export function tableRegion(label: string, table: HTMLTableElement): HTMLElement {
  return h(
    'div',
    { class: 'table-scroll', role: 'region', 'aria-label': label, tabindex: 0 },
    table,
  );
}

/** "1–20 of 3,412 quotes": where this page is among every row the query selects. */
export function countLine(
  offset: number,
  shown: number,
  total: number,
  one: string,
  many: string,
): HTMLElement | null {
  if (shown === 0) return null;
  const n = (x: number) => x.toLocaleString('en');
  return h(
    'p',
    { class: 'muted result-count' },
    `${n(offset + 1)}–${n(offset + shown)} of ${n(total)} ${total === 1 ? one : many}`,
  );
}

/**
 * CSV and JSON of exactly what a listing shows: the listing's own path with `.csv` or
 * `.json` and the same parameters, the page's limit and offset included, so the file holds
 * the rows on screen. `path` is a view of the UI (/quotes) or a listing of the API
 * (/api/quotes); `name` names the files.
 */
export function exportLinks(
  path: string,
  params: Params,
  name: string,
  label: string,
): HTMLElement {
  return h(
    'p',
    { class: 'export-links', role: 'group', 'aria-label': `Export ${label}` },
    h('span', { class: 'muted' }, 'Export'),
    h(
      'a',
      { class: 'button small', href: withParams(`${path}.csv`, params), download: `${name}.csv` },
      'CSV',
    ),
    h(
      'a',
      { class: 'button small', href: withParams(`${path}.json`, params), download: `${name}.json` },
      'JSON',
    ),
  );
}
