import * as api from '../api.ts';
import type { PageContext } from '../context.ts';
import { field, h, replace } from '../dom.ts';
import { quoteWords } from '../lists.ts';
import { articlePath, entityIdPath, pathWith } from '../routes.ts';
import { zh } from '../script.ts';
import {
  countLine,
  emptyState,
  errorBox,
  exportLinks,
  intParam,
  loading,
  pager,
  tableRegion,
} from '../ui.ts';

/**
 * The quote browser: who said what, in the order the archive stored it, narrowed by
 * speaker, by words the quote contains, by an entity it mentions, by direct or reported
 * speech, outlet and dates. Each row links its speaker's page and the article; the rows on
 * screen download as CSV or JSON.
 */

const LIMIT = 50;
const MAX_LIMIT = 200;
const PARAMS = [
  'speaker',
  'about',
  'mentioning',
  'kind',
  'outlet',
  'from',
  'to',
  'script',
] as const;

function input(name: string, value: string, attrs: Record<string, string> = {}): HTMLInputElement {
  return h('input', { name, value, type: 'text', autocomplete: 'off', ...attrs });
}

function select(
  name: string,
  value: string,
  options: readonly [string, string][],
): HTMLSelectElement {
  return h(
    'select',
    { name },
    options.map(([v, label]) => h('option', { value: v, selected: v === value }, label)),
  );
}

function quoteForm(ctx: PageContext): HTMLFormElement {
  const p = ctx.params;
  const form = h(
    'form',
    { class: 'list-form', role: 'search', 'aria-label': 'Find quotes' },
    h(
      'div',
      { class: 'filter-grid' },
      field(
        'Speaker',
        input('speaker', p.get('speaker') ?? '', { placeholder: '王毅 or PER:王毅' }),
      ),
      field(
        'Words contain',
        input('about', p.get('about') ?? '', { type: 'search', placeholder: '制裁' }),
      ),
      field(
        'Mentions entity',
        input('mentioning', p.get('mentioning') ?? '', { placeholder: '美國 or LOC:美国' }),
      ),
      field(
        'Kind',
        select('kind', p.get('kind') ?? '', [
          ['', 'Direct and reported'],
          ['direct', 'Direct (「…」)'],
          ['reported', 'Reported'],
        ]),
      ),
      field('Outlet', input('outlet', p.get('outlet') ?? '')),
      field('From', input('from', p.get('from') ?? '', { type: 'date' })),
      field('To', input('to', p.get('to') ?? '', { type: 'date' })),
      field(
        'Script',
        select('script', p.get('script') ?? '', [
          ['', 'Both scripts'],
          ['traditional', 'Traditional pages'],
          ['simplified', 'Simplified pages'],
        ]),
      ),
    ),
    h('button', { type: 'submit', class: 'button primary' }, 'Find'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const values: Record<string, string> = {};
    for (const name of PARAMS) values[name] = String(data.get(name) ?? '').trim();
    ctx.navigate(pathWith('/quotes', values));
  });
  return form;
}

/** Quotes as a table: speaker, words, outlet, date, each row linked to its article. */
export function quoteTable(rows: readonly api.QuoteRow[], label: string): HTMLElement {
  const table = h(
    'table',
    { class: 'data-table quote-table' },
    h('caption', { class: 'sr-only' }, label),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ['Speaker', 'Words', 'Outlet', 'Date', ''].map((c) =>
          h('th', { scope: 'col' }, c === '' ? h('span', { class: 'sr-only' }, 'Article') : c),
        ),
      ),
    ),
    h(
      'tbody',
      {},
      rows.map((q) =>
        h(
          'tr',
          { 'data-id': String(q.id) },
          h(
            'td',
            { class: 'speaker', lang: 'zh' },
            q.speakerId === null
              ? zh(q.speaker)
              : h('a', { href: entityIdPath(q.speakerId) }, zh(q.speaker)),
          ),
          h('td', { class: 'words', lang: 'zh' }, quoteWords(q)),
          h('td', { class: 'outlet', lang: 'zh' }, zh(q.outlet ?? '')),
          h('td', { class: 'date' }, q.date ?? ''),
          h('td', { class: 'where' }, h('a', { href: articlePath(q.articleId) }, 'Article')),
        ),
      ),
    ),
  );
  return tableRegion(label, table);
}

/** Draws /quotes. */
export async function quotesPage(ctx: PageContext): Promise<void> {
  const p = ctx.params;
  ctx.setTitle('Quotes');
  const offset = intParam(p, 'offset', 0);
  const limit = Math.min(MAX_LIMIT, Math.max(1, intParam(p, 'limit', LIMIT)));
  const values: Record<string, string> = {};
  for (const name of PARAMS) values[name] = p.get(name) ?? '';
  const results = h('section', { class: 'results', 'aria-labelledby': 'quotes-title' }, loading());
  replace(
    ctx.main,
    h('h1', { class: 'page-title' }, 'Quotes'),
    h('p', { class: 'lede muted' }, 'Who said what, with where and when it was printed.'),
    quoteForm(ctx),
    results,
  );
  const asked = { ...values, limit, offset };
  let found: api.Listing<'quotes', api.QuoteRow>;
  try {
    found = await api.quotes(asked);
  } catch (error) {
    replace(results, errorBox(error, 'The quotes could not be listed'));
    return;
  }
  const rows = found.quotes;
  const hrefFor = (o: number) =>
    pathWith('/quotes', {
      ...values,
      ...(limit === LIMIT ? {} : { limit }),
      offset: o || undefined,
    });
  replace(
    results,
    h('h2', { id: 'quotes-title', class: 'section-title' }, 'Quotes'),
    h(
      'div',
      { class: 'list-head' },
      countLine(offset, rows.length, found.total, 'quote', 'quotes'),
      rows.length === 0 ? null : exportLinks('/quotes', asked, 'quotes', 'these quotes'),
    ),
    rows.length === 0
      ? emptyState('No quote matches.', 'Try another spelling of the speaker, or fewer filters.')
      : quoteTable(rows, 'Quotes'),
    rows.length < limit && offset === 0
      ? null
      : pager(offset, limit, rows.length, hrefFor, 'Quote pages'),
  );
}
