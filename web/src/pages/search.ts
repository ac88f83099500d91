import * as api from '../api.ts';
import { mentionsChart } from '../chart.ts';
import type { PageContext } from '../context.ts';
import { field, h, replace } from '../dom.ts';
import { articlePath, pathWith } from '../routes.ts';
import { zh, zhLang } from '../script.ts';
import { emptyState, errorBox, highlighted, intParam, loading, metaLine, pager } from '../ui.ts';

/**
 * Search: the CLI's query language over the archive, with the same filters, results with
 * their snippets highlighted, a page at a time. Without a query it lists the newest articles
 * and shows what the archive holds.
 */

/** Results a page by default; `?limit=` asks for 1 to 100. */
const LIMIT = 20;
const MAX_LIMIT = 100;
const FILTERS = ['outlet', 'from', 'to', 'entity', 'speaker'] as const;

function input(name: string, value: string, attrs: Record<string, string> = {}): HTMLInputElement {
  return h('input', { name, value, type: 'text', autocomplete: 'off', ...attrs });
}

function searchForm(ctx: PageContext, outlets: readonly string[]): HTMLFormElement {
  const p = ctx.params;
  const q = input('q', p.get('q') ?? '', {
    type: 'search',
    placeholder: '中俄 OR 外交部 NOT 制裁',
    spellcheck: 'false',
  });
  const filtersOpen = FILTERS.some((f) => (p.get(f) ?? '') !== '');
  const outlet = input('outlet', p.get('outlet') ?? '', { list: 'outlet-list' });
  const form = h(
    'form',
    { class: 'search-form', role: 'search', 'aria-label': 'Archive search' },
    h(
      'div',
      { class: 'search-row' },
      field(
        'Search the archive',
        q,
        'Words or "phrases" in either script; AND (default), OR, NOT, ( ) and a trailing * for a prefix.',
      ),
      h('button', { type: 'submit', class: 'button primary' }, 'Search'),
    ),
    h(
      'details',
      { class: 'filters', open: filtersOpen },
      h('summary', {}, 'Filters'),
      h(
        'div',
        { class: 'filter-grid' },
        field('Outlet', outlet),
        h(
          'datalist',
          { id: 'outlet-list' },
          outlets.map((o) => h('option', { value: o })),
        ),
        field('From', input('from', p.get('from') ?? '', { type: 'date' })),
        field('To', input('to', p.get('to') ?? '', { type: 'date' })),
        field(
          'Mentions entity',
          input('entity', p.get('entity') ?? '', { placeholder: '習近平 or PER:习近平' }),
        ),
        field('Quotes speaker', input('speaker', p.get('speaker') ?? '', { placeholder: '王毅' })),
      ),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const values: Record<string, string> = {};
    for (const name of ['q', ...FILTERS]) values[name] = String(data.get(name) ?? '').trim();
    ctx.navigate(pathWith('/', values));
  });
  return form;
}

function hitItem(hit: api.SearchHit): HTMLElement {
  const lang = zhLang(hit.script);
  return h(
    'li',
    { class: 'hit' },
    h(
      'h3',
      { class: 'hit-title', lang },
      h(
        'a',
        { href: articlePath(hit.articleId) },
        hit.headline === '' ? '(no headline)' : zh(hit.headline),
      ),
    ),
    h(
      'p',
      { class: 'hit-meta' },
      h('span', { lang }, metaLine([hit.outlet, hit.date])),
      h('span', { class: 'hit-source' }, hit.source),
    ),
    h('p', { class: 'snippet', lang }, highlighted(hit.snippet.text, hit.snippet.highlights)),
  );
}

function statsCard(stats: api.ArchiveStats): HTMLElement {
  const figure = (value: number | string, label: string) =>
    h(
      'div',
      { class: 'figure' },
      h('span', { class: 'figure-value' }, String(value)),
      h('span', { class: 'figure-label' }, label),
    );
  const span =
    stats.firstDate === null
      ? 'undated'
      : `${stats.firstDate} – ${stats.lastDate ?? stats.firstDate}`;
  return h(
    'section',
    { class: 'stats-card', 'aria-label': 'What the archive holds' },
    figure(stats.documents, 'pages'),
    figure(stats.articles, 'articles'),
    figure(stats.entities, 'entities'),
    figure(stats.quotes, 'quotes'),
    figure(stats.stances, 'stances'),
    figure(span, 'dates'),
  );
}

/** Draws the search page. */
export async function searchPage(ctx: PageContext): Promise<void> {
  const p = ctx.params;
  const q = p.get('q') ?? '';
  const offset = intParam(p, 'offset', 0);
  const filtered = q !== '' || FILTERS.some((f) => (p.get(f) ?? '') !== '');
  ctx.setTitle(q === '' ? 'Search' : `${q} – Search`);

  const results = h('section', { class: 'results', 'aria-labelledby': 'results-title' }, loading());
  const statsSlot = h('div', {});
  const form = searchForm(ctx, []);
  const aside = h('aside', {
    class: 'search-aside',
    'aria-label': 'About the matches',
    hidden: true,
  });
  replace(
    ctx.main,
    h('h1', { class: 'page-title' }, 'Search'),
    form,
    statsSlot,
    h('div', { class: 'search-layout' }, results, aside),
  );

  const limit = Math.min(MAX_LIMIT, Math.max(1, intParam(p, 'limit', LIMIT)));
  // The filters as the URL gives them, read once for the two calls and the pager's links.
  const filters: Record<string, string> = {};
  for (const f of FILTERS) filters[f] = p.get(f) ?? '';
  const [statsResult, searchResult, timelineResult] = await Promise.allSettled([
    api.stats(),
    api.search({ q, limit, offset, ...filters }),
    filtered
      ? api.get<{ days: api.DayCount[] }>('/api/timeline', { q, ...filters })
      : Promise.resolve(null),
  ]);
  if (statsResult.status === 'fulfilled') {
    const outlets = statsResult.value.outlets
      .map((o) => o.key)
      .filter((k) => k !== '' && k !== '(none)');
    const list = form.querySelector('#outlet-list');
    if (list !== null)
      replace(
        list,
        outlets.map((o) => h('option', { value: o })),
      );
    if (!filtered) replace(statsSlot, statsCard(statsResult.value));
  }
  if (searchResult.status === 'rejected') {
    replace(results, errorBox(searchResult.reason, 'The search could not run'));
    return;
  }
  const { hits, total } = searchResult.value;
  const title = filtered ? 'Results' : 'Newest articles';
  // 1–20 of 3,412: where this page is among every match.
  const shown =
    hits.length === 0
      ? null
      : h(
          'p',
          { class: 'muted result-count' },
          `${(offset + 1).toLocaleString('en')}–${(offset + hits.length).toLocaleString('en')} of ${total.toLocaleString('en')} ${total === 1 ? 'article' : 'articles'}`,
        );
  const hrefFor = (o: number) => {
    const values: Record<string, string | number> = { q, ...filters };
    if (limit !== LIMIT) values.limit = limit;
    if (o > 0) values.offset = o;
    return pathWith('/', values);
  };
  const days = timelineResult.status === 'fulfilled' ? (timelineResult.value?.days ?? []) : [];
  // Beside the results on a wide screen, above them on a narrow one: when the matches were
  // published, at a glance.
  if (days.length >= 2) {
    aside.hidden = false;
    replace(
      aside,
      h(
        'section',
        { class: 'panel timeline-panel', 'aria-labelledby': 'timeline-title' },
        h('h2', { id: 'timeline-title' }, 'Matches over time'),
        mentionsChart(days, 'Matching articles per day'),
      ),
    );
  }
  replace(
    results,
    h('h2', { id: 'results-title', class: 'section-title' }, title),
    shown,
    hits.length > 0
      ? h('ol', { class: 'hits', start: offset + 1 }, hits.map(hitItem))
      : statsResult.status === 'fulfilled' && statsResult.value.articles === 0
        ? h(
            'div',
            { class: 'empty' },
            h('p', {}, 'The archive is empty.'),
            h(
              'p',
              { class: 'muted' },
              'Add pages with ',
              h('code', {}, 'jiedu ingest <files>'),
              ', or see what jiedu makes of one in ',
              h('a', { href: '/paste' }, 'Paste a page'),
              '.',
            ),
          )
        : emptyState('Nothing matches.', 'Try fewer words, OR between words, or fewer filters.'),
    hits.length < limit && offset === 0
      ? null
      : pager(offset, limit, hits.length, hrefFor, 'Result pages'),
  );
}
