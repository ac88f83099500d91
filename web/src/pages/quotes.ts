import * as api from '../api.ts';
import type { PageContext } from '../context.ts';
import { field, h } from '../dom.ts';
import {
  choiceSelect,
  copiesSwitch,
  drawListingPage,
  navigateOnSubmit,
  SCRIPT_CHOICES,
  textInput,
} from '../listing-page.ts';
import { copiesNote, quoteWords } from '../lists.ts';
import { articlePath, entityIdPath } from '../routes.ts';
import { zh } from '../script.ts';
import { tableRegion } from '../ui.ts';

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
  'copies',
] as const;

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
        textInput('speaker', p.get('speaker') ?? '', { placeholder: '王毅 or PER:王毅' }),
      ),
      field(
        'Words contain',
        textInput('about', p.get('about') ?? '', { type: 'search', placeholder: '制裁' }),
      ),
      field(
        'Mentions entity',
        textInput('mentioning', p.get('mentioning') ?? '', { placeholder: '美國 or LOC:美国' }),
      ),
      field(
        'Kind',
        choiceSelect('kind', p.get('kind') ?? '', [
          ['', 'Direct and reported'],
          ['direct', 'Direct (「…」)'],
          ['reported', 'Reported'],
        ]),
      ),
      field('Outlet', textInput('outlet', p.get('outlet') ?? '')),
      field('From', textInput('from', p.get('from') ?? '', { type: 'date' })),
      field('To', textInput('to', p.get('to') ?? '', { type: 'date' })),
      field('Script', choiceSelect('script', p.get('script') ?? '', SCRIPT_CHOICES)),
    ),
    copiesSwitch(p.get('copies') === '1'),
    h('button', { type: 'submit', class: 'button primary' }, 'Find'),
  );
  return navigateOnSubmit(form, ctx, '/quotes', PARAMS);
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
          h('td', { class: 'outlet', lang: 'zh' }, zh(q.outlet ?? ''), copiesNote(q)),
          h('td', { class: 'date' }, q.date ?? ''),
          h('td', { class: 'where' }, h('a', { href: articlePath(q.articleId) }, 'Article')),
        ),
      ),
    ),
  );
  return tableRegion(label, table);
}

/** Draws /quotes. */
export function quotesPage(ctx: PageContext): Promise<void> {
  return drawListingPage(ctx, {
    path: '/quotes',
    title: 'Quotes',
    lede: 'Who said what, with where and when it was printed.',
    params: PARAMS,
    form: quoteForm,
    fetch: api.quotes,
    key: 'quotes',
    one: 'quote',
    many: 'quotes',
    empty: ['No quote matches.', 'Try another spelling of the speaker, or fewer filters.'],
    pagerLabel: 'Quote pages',
    table: (rows) => quoteTable(rows, 'Quotes'),
    limit: LIMIT,
    maxLimit: MAX_LIMIT,
  });
}
