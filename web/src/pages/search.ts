import * as api from '../api.ts';
import { mentionsChart } from '../chart.ts';
import type { PageContext } from '../context.ts';
import { field, h, replace } from '../dom.ts';
import { choiceSelect, copiesSwitch, SCRIPT_CHOICES, textInput } from '../listing-page.ts';
import { ENTITY_TYPES } from '../marks.ts';
import { articlePath, pathWith, storyPath } from '../routes.ts';
import { zh, zhLang } from '../script.ts';
import {
  countLine,
  emptyState,
  errorBox,
  exportLinks,
  highlighted,
  intParam,
  loading,
  metaLine,
  pager,
} from '../ui.ts';

/**
 * Search: the CLI's query language over the archive, with the same filters, results with
 * their snippets highlighted, a page at a time. Without a query it lists the newest articles
 * and shows what the archive holds.
 */

/** Results a page by default; `?limit=` asks for 1 to 100. */
const LIMIT = 20;
const MAX_LIMIT = 100;
const FILTERS = ['outlet', 'from', 'to', 'entity', 'speaker', 'script'] as const;
/** The orders a reader can pick; relevance needs query text. */
const SORTS: readonly [string, string][] = [
  ['', 'Best match'],
  ['newest', 'Newest first'],
  ['oldest', 'Oldest first'],
];
const SCRIPT_NAMES: Record<string, string> = {
  traditional: 'Traditional',
  simplified: 'Simplified',
  mixed: 'Mixed',
  unknown: 'Unknown',
};

function searchForm(ctx: PageContext, outlets: readonly string[]): HTMLFormElement {
  const p = ctx.params;
  const q = textInput('q', p.get('q') ?? '', {
    type: 'search',
    placeholder: '中俄 OR 外交部 NOT 制裁',
    spellcheck: 'false',
  });
  const filtersOpen = [...FILTERS, 'copies'].some((f) => (p.get(f) ?? '') !== '');
  const outlet = textInput('outlet', p.get('outlet') ?? '', { list: 'outlet-list' });
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
        field('From', textInput('from', p.get('from') ?? '', { type: 'date' })),
        field('To', textInput('to', p.get('to') ?? '', { type: 'date' })),
        field(
          'Mentions entity',
          textInput('entity', p.get('entity') ?? '', { placeholder: '習近平 or PER:习近平' }),
        ),
        field(
          'Quotes speaker',
          textInput('speaker', p.get('speaker') ?? '', { placeholder: '王毅' }),
        ),
        field('Script', choiceSelect('script', p.get('script') ?? '', SCRIPT_CHOICES)),
      ),
      copiesSwitch(p.get('copies') === '1'),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const values: Record<string, string> = {};
    for (const name of ['q', ...FILTERS, 'copies']) {
      values[name] = String(data.get(name) ?? '').trim();
    }
    // The order chosen stays with a new query.
    values.sort = p.get('sort') ?? '';
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
      hit.copies > 1
        ? h('a', { class: 'copies-note', href: storyPath(hit.story) }, `${hit.copies} copies`)
        : null,
    ),
    h('p', { class: 'snippet', lang }, highlighted(hit.snippet.text, hit.snippet.highlights)),
  );
}

function statsCard(stats: api.ArchiveStats): HTMLElement {
  const figure = (value: number | string, label: string, href?: string) => {
    const body = [
      h(
        'span',
        { class: 'figure-value' },
        typeof value === 'number' ? value.toLocaleString('en') : value,
      ),
      h('span', { class: 'figure-label' }, label),
    ];
    return href === undefined
      ? h('div', { class: 'figure' }, body)
      : h('a', { class: 'figure figure-link', href }, body);
  };
  const span =
    stats.firstDate === null
      ? 'undated'
      : `${stats.firstDate} – ${stats.lastDate ?? stats.firstDate}`;
  return h(
    'section',
    { class: 'stats-card', 'aria-label': 'What the archive holds' },
    figure(stats.documents, 'pages'),
    figure(stats.articles, 'articles'),
    figure(stats.entities, 'entities', '/entities'),
    figure(stats.quotes, 'quotes', '/quotes'),
    figure(stats.stances, 'stances', '/stances'),
    figure(span, 'dates'),
  );
}

/** A facet's groups as links that narrow the search to one of them. */
function facetList(
  title: string,
  rows: readonly { label: string; count: number; href: string; lang?: string }[],
): HTMLElement | null {
  if (rows.length === 0) return null;
  return h(
    'div',
    { class: 'facet' },
    h('h3', {}, title),
    h(
      'ul',
      {},
      rows.map((r) =>
        h(
          'li',
          {},
          h(
            'a',
            { href: r.href, ...(r.lang === undefined ? {} : { lang: r.lang }) },
            h('span', { class: 'facet-label' }, r.label),
            h('span', { class: 'facet-count' }, r.count.toLocaleString('en')),
          ),
        ),
      ),
    ),
  );
}

/** The last day of a month YYYY-MM. */
function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(last).padStart(2, '0')}`;
}

/** The facets of a search: each group narrows the current search (its other filters kept). */
function facetsPanel(facets: api.SearchFacets, current: Record<string, string>): HTMLElement {
  const narrow = (change: Record<string, string>) => pathWith('/', { ...current, ...change });
  const entityLists = facets.entities.map((f) =>
    facetList(
      `${ENTITY_TYPES[f.type] ?? f.type}s`.replace('Persons', 'People'),
      f.rows.map((e) => ({
        label: zh(e.name),
        count: e.articles,
        href: narrow({ entity: e.id }),
        lang: 'zh',
      })),
    ),
  );
  // Open beside the results on a wide screen; folded above them on a narrow one, where
  // it would push the results a screen down.
  const wide = window.matchMedia('(min-width: 1001px)').matches;
  return h(
    'details',
    { class: 'panel facets-panel', open: wide },
    h('summary', {}, h('h2', { id: 'facets-title' }, 'Narrow the matches')),
    facets.counted < 5000
      ? null
      : h('p', { class: 'muted' }, 'Counted over the newest 5,000 matches.'),
    facetList(
      'Outlet',
      facets.outlets
        .filter((o) => o.key !== '')
        .map((o) => ({
          label: zh(o.key),
          count: o.count,
          href: narrow({ outlet: o.key }),
          lang: 'zh',
        })),
    ),
    facetList(
      'Month',
      facets.months.map((m) => ({
        label: m.key,
        count: m.count,
        href: narrow({ from: `${m.key}-01`, to: monthEnd(m.key) }),
      })),
    ),
    facets.scripts.length < 2
      ? null
      : facetList(
          'Script',
          facets.scripts.map((x) => ({
            label: SCRIPT_NAMES[x.key] ?? x.key,
            count: x.count,
            href: narrow({ script: x.key }),
          })),
        ),
    entityLists,
  );
}

/** The order of the results: a select that reloads the search in the order picked. */
function sortControl(
  ctx: PageContext,
  current: Record<string, string>,
  hasText: boolean,
): HTMLElement {
  const value = ctx.params.get('sort') ?? '';
  const options = hasText ? SORTS : SORTS.filter(([v]) => v !== '');
  const control = h(
    'select',
    { name: 'sort', id: 'sort-order' },
    options.map(([v, label]) =>
      h(
        'option',
        { value: v, selected: v === value || (!hasText && v === 'newest' && value === '') },
        label,
      ),
    ),
  );
  control.addEventListener('change', () => {
    ctx.navigate(pathWith('/', { ...current, sort: control.value, offset: undefined }));
  });
  return h('p', { class: 'sort-control' }, h('label', { for: 'sort-order' }, 'Order '), control);
}

/** Draws the search page. */
export async function searchPage(ctx: PageContext): Promise<void> {
  const p = ctx.params;
  const q = p.get('q') ?? '';
  const sort = p.get('sort') ?? '';
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
  // The filters as the URL gives them, read once for the calls and the links.
  const filters: Record<string, string> = {};
  for (const f of FILTERS) filters[f] = p.get(f) ?? '';
  // copies=1: every copy of a story is a hit, and the timeline counts every copy.
  const copies = p.get('copies') === '1' ? '1' : '';
  const current: Record<string, string> = { q, ...filters, sort, copies };
  const asked = { q, ...filters, sort, copies, limit, offset };
  const [statsResult, searchResult, timelineResult, facetsResult] = await Promise.allSettled([
    api.stats(),
    api.search(asked),
    filtered
      ? api.get<{ days: api.DayCount[] }>('/api/timeline', { q, ...filters, copies })
      : Promise.resolve(null),
    filtered ? api.facets({ q, ...filters }) : Promise.resolve(null),
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
  const hrefFor = (o: number) => {
    const values: Record<string, string | number> = { ...current };
    if (limit !== LIMIT) values.limit = limit;
    if (o > 0) values.offset = o;
    return pathWith('/', values);
  };
  const days = timelineResult.status === 'fulfilled' ? (timelineResult.value?.days ?? []) : [];
  const facets = facetsResult.status === 'fulfilled' ? facetsResult.value : null;
  // Beside the results on a wide screen, above them on a narrow one: when the matches were
  // published, and what they hold, at a glance.
  const asides: HTMLElement[] = [];
  if (days.length >= 2) {
    asides.push(
      h(
        'section',
        { class: 'panel timeline-panel', 'aria-labelledby': 'timeline-title' },
        h('h2', { id: 'timeline-title' }, 'Matches over time'),
        mentionsChart(days, 'Matching articles per day'),
        exportLinks('/api/timeline', { q, ...filters }, 'timeline', 'the matches per day'),
      ),
    );
  }
  if (facets !== null && hits.length > 0) asides.push(facetsPanel(facets, current));
  if (asides.length > 0) {
    aside.hidden = false;
    replace(aside, asides);
  }
  replace(
    results,
    h('h2', { id: 'results-title', class: 'section-title' }, title),
    hits.length === 0
      ? null
      : h(
          'div',
          { class: 'list-head' },
          countLine(
            offset,
            hits.length,
            total,
            copies === '1' ? 'article' : 'story',
            copies === '1' ? 'articles' : 'stories',
          ),
          sortControl(ctx, current, q !== ''),
          exportLinks('/search', asked, 'search', 'these results'),
        ),
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
