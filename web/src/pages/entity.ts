import * as api from '../api.ts';
import { mentionsChart } from '../chart.ts';
import type { PageContext } from '../context.ts';
import { h, replace, srOnly } from '../dom.ts';
import { classChip, copiesNote, quoteList, stanceTable } from '../lists.ts';
import { ENTITY_TYPES } from '../marks.ts';
import { outletTable } from '../outlets-view.ts';
import { articlePath, entityIdPath, pathWith } from '../routes.ts';
import { zh } from '../script.ts';
import { emptyState, errorBox, exportLinks, highlighted, loading, metaLine, panel } from '../ui.ts';

/**
 * An entity's page: how often the archive mentions it over time, who it quotes and who
 * quotes it, its stances and the stances about it, and the entities it appears with.
 */

/** How many rows the server gives each list of the entity page (its default page size). */
const PAGE = 20;

/**
 * The entity an id names. An id built from a name the reader saw may spell it differently
 * from the archive (a Traditional form the converter simplified otherwise): then the
 * entities of that type whose name matches are tried.
 */
async function findEntity(id: string, params: api.Params): Promise<api.EntityResponse> {
  try {
    return await api.entity(id, params);
  } catch (error) {
    const colon = id.indexOf(':');
    if (!(error instanceof api.ApiError) || error.status !== 404 || colon < 0) throw error;
    const type = id.slice(0, colon);
    const name = id.slice(colon + 1);
    const { entities } = await api.entities({ type, name, limit: 5 });
    const match = entities.find((e) => e.name === name) ?? entities[0];
    if (match === undefined) throw error;
    return api.entity(match.id, params);
  }
}

function mentionList(mentions: readonly api.EntityMention[]): HTMLElement {
  if (mentions.length === 0) return emptyState('No mentions.');
  return h(
    'ul',
    { class: 'mention-list', lang: 'zh' },
    mentions.map((m) =>
      h(
        'li',
        {},
        h(
          'a',
          { href: articlePath(m.articleId), class: 'mention-title' },
          m.headline === '' ? `Article ${m.articleId}` : zh(m.headline),
        ),
        h('span', { class: 'hit-meta' }, metaLine([m.outlet, m.date]), copiesNote(m)),
        h('p', { class: 'snippet' }, highlighted(m.snippet.text, m.snippet.highlights)),
      ),
    ),
  );
}

function stanceSummary(rows: readonly api.StanceRow[]): HTMLElement | null {
  if (rows.length === 0) return null;
  const counts = new Map<string, { cls: string; negated: boolean; n: number }>();
  for (const r of rows) {
    const key = `${r.negated ? 'not ' : ''}${r.class}`;
    const entry = counts.get(key) ?? { cls: r.class, negated: r.negated, n: 0 };
    entry.n++;
    counts.set(key, entry);
  }
  return h(
    'p',
    { class: 'class-summary' },
    [...counts.values()]
      .sort((a, b) => b.n - a.n)
      .map((c) => h('span', {}, classChip(c.cls, c.negated), ` ×${c.n}`)),
  );
}

/** "Quotes by X (20 of 312)": a list's heading with what it shows of how many. */
function counted(title: string, shown: number, total: number): string {
  return shown < total
    ? `${title} (${shown} of ${total.toLocaleString('en')})`
    : `${title} (${shown})`;
}

/** The CSV and JSON of one of the page's lists: the API listing it came from, with the same
 * page (the entity page asks each list for its first PAGE rows). */
function listExport(
  path: string,
  params: api.Params,
  name: string,
  shown: number,
): HTMLElement | null {
  if (shown === 0) return null;
  return exportLinks(path, { ...params, limit: PAGE, offset: 0 }, name, name.replaceAll('-', ' '));
}

/** "All 312 →": the browser page that lists every row of one of the entity's lists. */
function allLink(href: string, shown: number, total: number, what: string): HTMLElement | null {
  if (shown >= total) return null;
  return h('p', { class: 'more' }, h('a', { href }, `All ${total.toLocaleString('en')} ${what} →`));
}

/** Draws /entity/:id. */
export async function entityPage(ctx: PageContext, id: string): Promise<void> {
  ctx.setTitle('Entity');
  // copies=1: every copy's quotes and stances; by default a story counts once.
  const everyCopy = ctx.params.get('copies') === '1';
  replace(ctx.main, loading('Loading the entity…'));
  let data: api.EntityResponse;
  try {
    data = await findEntity(id, { copies: everyCopy ? 1 : undefined });
  } catch (error) {
    replace(
      ctx.main,
      h('h1', { class: 'page-title' }, 'Entity'),
      errorBox(error, `No entity ${id}`),
    );
    return;
  }
  const { entity } = data;
  ctx.setTitle(zh(entity.name));
  const otherNames = entity.names.filter((n) => n !== entity.name);
  const totals = data.totals;
  const eid = entity.id;
  const head = h(
    'header',
    { class: 'entity-head' },
    h(
      'h1',
      { class: 'page-title', lang: 'zh' },
      h(
        'span',
        { class: `type-chip ent-${entity.type}` },
        ENTITY_TYPES[entity.type] ?? entity.type,
      ),
      zh(entity.name),
    ),
    h(
      'p',
      { class: 'entity-facts' },
      `${entity.articles} articles · ${entity.mentions} mentions · id `,
      h('code', {}, entity.id),
    ),
    entity.roles.length === 0
      ? null
      : h(
          'p',
          { class: 'entity-roles', lang: 'zh' },
          'Roles seen: ',
          entity.roles.map(zh).join('、'),
        ),
    otherNames.length === 0
      ? null
      : h(
          'p',
          { class: 'entity-names', lang: 'zh' },
          'Also written: ',
          otherNames.map(zh).join('、'),
        ),
    h(
      'p',
      { class: 'entity-links' },
      h(
        'a',
        { class: 'button', href: pathWith('/', { entity: entity.id }) },
        'Articles mentioning',
      ),
      h('a', { class: 'button', href: pathWith('/stances', { actor: entity.id }) }, 'Stances by'),
      h('a', { class: 'button', href: pathWith('/quotes', { speaker: entity.id }) }, 'Quotes by'),
      h('a', { class: 'button', href: pathWith('/', { speaker: entity.id }) }, 'Articles quoting'),
    ),
    h(
      'p',
      { class: 'copies-line' },
      everyCopy
        ? 'Every copy of a story is counted. '
        : 'A story counts once: its copies in other outlets are one row. ',
      h(
        'a',
        { href: pathWith(window.location.pathname, { copies: everyCopy ? undefined : 1 }) },
        everyCopy ? 'Count a story once' : 'Count every copy',
      ),
    ),
  );
  const chart =
    data.timeline.length === 0
      ? emptyState(
          'No dated mentions to chart.',
          'Articles without a publication date are not counted here.',
        )
      : mentionsChart(data.timeline, `Articles mentioning ${zh(entity.name)} per day`);
  // Outlets compared comes after the rest: the page does not wait for it.
  const outletsSlot = panel(
    'sec-outlets',
    'Outlets compared',
    h(
      'p',
      { class: 'muted' },
      'Which outlets quote whom in the articles that mention it, and their stances.',
    ),
    loading('Comparing outlets…'),
  );
  void api.outlets({ entity: eid, copies: everyCopy ? 1 : undefined }).then(
    (found) => {
      outletsSlot.lastElementChild?.replaceWith(
        outletTable(found, `Outlets in articles mentioning ${zh(entity.name)}`),
      );
    },
    (error) => {
      outletsSlot.lastElementChild?.replaceWith(
        errorBox(error, 'The outlets could not be compared'),
      );
    },
  );
  replace(
    ctx.main,
    h(
      'nav',
      { class: 'crumbs', 'aria-label': 'Breadcrumb' },
      h('a', { href: '/' }, 'Search'),
      ' / ',
      h('span', { 'aria-current': 'page' }, zh(entity.name)),
    ),
    head,
    h(
      'div',
      { class: 'entity-grid' },
      panel(
        'sec-timeline',
        'Mentions over time',
        chart,
        data.timeline.length === 0
          ? null
          : exportLinks(
              '/api/timeline',
              { entity: eid },
              'mentions-per-day',
              'the mentions per day',
            ),
      ),
      panel(
        'sec-cooccur',
        'Appears with',
        data.cooccurring.length === 0
          ? emptyState('No other entities in the same articles.')
          : h(
              'ul',
              { class: 'tag-list', lang: 'zh' },
              data.cooccurring.map((c) =>
                h(
                  'li',
                  {},
                  h(
                    'a',
                    { class: `tag ent ent-${c.type}`, href: entityIdPath(c.id) },
                    zh(c.name),
                    h('span', { class: 'tag-count' }, `${c.articles}`),
                    srOnly(` articles, ${ENTITY_TYPES[c.type] ?? c.type}`),
                  ),
                ),
              ),
            ),
        listExport(
          `/api/entities/${encodeURIComponent(eid)}/cooccurring`,
          {},
          'appears-with',
          data.cooccurring.length,
        ),
      ),
    ),
    h(
      'div',
      { class: 'entity-grid' },
      panel(
        'sec-quotes-by',
        counted(`Quotes by ${zh(entity.name)}`, data.quotesBy.length, totals.quotesBy),
        listExport('/api/quotes', { speaker: eid }, 'quotes-by', data.quotesBy.length),
        quoteList(data.quotesBy, 'No quotes by them.'),
        allLink(
          pathWith('/quotes', { speaker: eid }),
          data.quotesBy.length,
          totals.quotesBy,
          'quotes',
        ),
      ),
      panel(
        'sec-quotes-about',
        counted(`Quotes about ${zh(entity.name)}`, data.quotesAbout.length, totals.quotesAbout),
        listExport('/api/quotes', { mentioning: eid }, 'quotes-about', data.quotesAbout.length),
        quoteList(data.quotesAbout, 'No quotes about them.'),
        allLink(
          pathWith('/quotes', { mentioning: eid }),
          data.quotesAbout.length,
          totals.quotesAbout,
          'quotes',
        ),
      ),
    ),
    panel(
      'sec-stances-by',
      counted(`Stances by ${zh(entity.name)}`, data.stancesBy.length, totals.stancesBy),
      listExport('/api/stances', { actor: eid }, 'stances-by', data.stancesBy.length),
      stanceSummary(data.stancesBy),
      stanceTable(data.stancesBy, 'Stances by this entity', 'No stances by them.'),
      allLink(
        pathWith('/stances', { actor: eid }),
        data.stancesBy.length,
        totals.stancesBy,
        'stances',
      ),
    ),
    panel(
      'sec-stances-about',
      counted(`Stances about ${zh(entity.name)}`, data.stancesAbout.length, totals.stancesAbout),
      listExport('/api/stances', { mentioning: eid }, 'stances-about', data.stancesAbout.length),
      stanceSummary(data.stancesAbout),
      stanceTable(data.stancesAbout, 'Stances about this entity', 'No stances about them.'),
    ),
    outletsSlot,
    panel(
      'sec-mentions',
      counted('Mentions', data.mentions.length, totals.mentions),
      listExport(
        `/api/entities/${encodeURIComponent(eid)}/mentions`,
        everyCopy ? { copies: 1 } : {},
        'mentions',
        data.mentions.length,
      ),
      mentionList(data.mentions),
      allLink(
        pathWith('/', { entity: eid, copies: everyCopy ? 1 : undefined }),
        data.mentions.length,
        totals.mentions,
        `articles mentioning ${zh(entity.name)}`,
      ),
    ),
  );
}
