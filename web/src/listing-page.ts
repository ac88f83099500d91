import type * as api from './api.ts';
import type { PageContext } from './context.ts';
import { h, options, replace } from './dom.ts';
import { pathWith } from './routes.ts';
import { countLine, emptyState, errorBox, exportLinks, intParam, loading, pager } from './ui.ts';

/**
 * The shape the browsing pages share (the entity directory, the quote browser): a form of
 * filters that navigates to the page's own path, then a page of rows with their count, their
 * CSV and JSON (the same path with .csv / .json and the same parameters), and a pager.
 */

/** A text box of a filter form, filled from the URL. */
export function textInput(
  name: string,
  value: string,
  attrs: Record<string, string> = {},
): HTMLInputElement {
  return h('input', { name, value, type: 'text', autocomplete: 'off', ...attrs });
}

/** A select of a filter form, its current value selected. */
export function choiceSelect(
  name: string,
  value: string,
  choices: readonly (readonly [value: string, label: string])[],
): HTMLSelectElement {
  return h('select', { name }, options(choices, value));
}

/** The script filter's choices. */
export const SCRIPT_CHOICES: readonly (readonly [string, string])[] = [
  ['', 'Both scripts'],
  ['traditional', 'Traditional pages'],
  ['simplified', 'Simplified pages'],
];

/**
 * The switch between counting a story once (the default: a quote or stance that copies of
 * one article repeat in other outlets is one row) and listing every copy (`copies=1`).
 */
export function copiesSwitch(checked: boolean): HTMLElement {
  return h(
    'label',
    { class: 'copies-switch' },
    h('input', { type: 'checkbox', name: 'copies', value: '1', checked }),
    ' Every copy ',
    h('span', { class: 'muted' }, '(else a story counts once)'),
  );
}

/** On submit, goes to `path` with the form's values of `params` (trimmed; empty left out). */
export function navigateOnSubmit(
  form: HTMLFormElement,
  ctx: PageContext,
  path: string,
  params: readonly string[],
): HTMLFormElement {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const values: Record<string, string> = {};
    for (const name of params) values[name] = String(data.get(name) ?? '').trim();
    ctx.navigate(pathWith(path, values));
  });
  return form;
}

/** What one browsing page is. */
export interface ListingPage<K extends string, T> {
  /** The page's path (/quotes), which its exports take .csv / .json after. */
  path: string;
  /** Its title and heading, and the lede under it. */
  title: string;
  lede: string;
  /** The query parameters it reads (besides limit and offset). */
  params: readonly string[];
  form: (ctx: PageContext) => HTMLFormElement;
  fetch: (asked: api.Params) => Promise<api.Listing<K, T>>;
  key: K;
  /** "quote", "quotes" for the count line; the name of the exported files. */
  one: string;
  many: string;
  empty: [text: string, hint: string];
  /** The pager's accessible name (Quote pages). */
  pagerLabel: string;
  table: (rows: readonly T[]) => HTMLElement;
  /** The page size by default and at most. */
  limit: number;
  maxLimit: number;
}

/** Draws a browsing page. */
export async function drawListingPage<K extends string, T>(
  ctx: PageContext,
  page: ListingPage<K, T>,
): Promise<void> {
  const p = ctx.params;
  ctx.setTitle(page.title);
  const offset = intParam(p, 'offset', 0);
  const limit = Math.min(page.maxLimit, Math.max(1, intParam(p, 'limit', page.limit)));
  const values: Record<string, string> = {};
  for (const name of page.params) values[name] = p.get(name) ?? '';
  const titleId = `${page.many}-title`;
  const results = h('section', { class: 'results', 'aria-labelledby': titleId }, loading());
  replace(
    ctx.main,
    h('h1', { class: 'page-title' }, page.title),
    h('p', { class: 'lede muted' }, page.lede),
    page.form(ctx),
    results,
  );
  const asked = { ...values, limit, offset };
  let found: api.Listing<K, T>;
  try {
    found = await page.fetch(asked);
  } catch (error) {
    replace(results, errorBox(error, `The ${page.many} could not be listed`));
    return;
  }
  const rows = found[page.key] as T[];
  const hrefFor = (o: number) =>
    pathWith(page.path, {
      ...values,
      ...(limit === page.limit ? {} : { limit }),
      offset: o || undefined,
    });
  replace(
    results,
    h('h2', { id: titleId, class: 'section-title' }, page.title),
    h(
      'div',
      { class: 'list-head' },
      countLine(offset, rows.length, found.total, page.one, page.many),
      rows.length === 0 ? null : exportLinks(page.path, asked, page.many, `these ${page.many}`),
    ),
    rows.length === 0 ? emptyState(...page.empty) : page.table(rows),
    rows.length < limit && offset === 0
      ? null
      : pager(offset, limit, rows.length, hrefFor, page.pagerLabel),
  );
}
