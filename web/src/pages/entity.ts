import * as api from '../api.ts';
import { mentionsChart } from '../chart.ts';
import type { PageContext } from '../context.ts';
import { h, replace, srOnly } from '../dom.ts';
import { classChip, quoteList, stanceTable } from '../lists.ts';
import { ENTITY_TYPES } from '../marks.ts';
import { articlePath, entityIdPath, pathWith } from '../routes.ts';
import { zh } from '../script.ts';
import { emptyState, errorBox, highlighted, loading, metaLine, panel } from '../ui.ts';

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
async function findEntity(id: string): Promise<api.EntityResponse> {
  try {
    return await api.entity(id);
  } catch (error) {
    const colon = id.indexOf(':');
    if (!(error instanceof api.ApiError) || error.status !== 404 || colon < 0) throw error;
    const type = id.slice(0, colon);
    const name = id.slice(colon + 1);
    const { entities } = await api.entities({ type, name, limit: 5 });
    const match = entities.find((e) => e.name === name) ?? entities[0];
    if (match === undefined) throw error;
    return api.entity(match.id);
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
        h('span', { class: 'hit-meta' }, metaLine([m.outlet, m.date])),
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

/** Draws /entity/:id. */
export async function entityPage(ctx: PageContext, id: string): Promise<void> {
  ctx.setTitle('Entity');
  replace(ctx.main, loading('Loading the entity…'));
  let data: api.EntityResponse;
  try {
    data = await findEntity(id);
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
      h('a', { class: 'button', href: pathWith('/', { speaker: entity.id }) }, 'Articles quoting'),
    ),
  );
  const chart =
    data.timeline.length === 0
      ? emptyState(
          'No dated mentions to chart.',
          'Articles without a publication date are not counted here.',
        )
      : mentionsChart(data.timeline, `Articles mentioning ${zh(entity.name)} per day`);
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
      panel('sec-timeline', 'Mentions over time', chart),
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
      ),
    ),
    h(
      'div',
      { class: 'entity-grid' },
      panel(
        'sec-quotes-by',
        `Quotes by ${zh(entity.name)} (${data.quotesBy.length})`,
        quoteList(data.quotesBy, 'No quotes by them.'),
      ),
      panel(
        'sec-quotes-about',
        `Quotes about ${zh(entity.name)} (${data.quotesAbout.length})`,
        quoteList(data.quotesAbout, 'No quotes about them.'),
      ),
    ),
    panel(
      'sec-stances-by',
      `Stances by ${zh(entity.name)} (${data.stancesBy.length})`,
      stanceSummary(data.stancesBy),
      stanceTable(data.stancesBy, 'Stances by this entity', 'No stances by them.'),
    ),
    panel(
      'sec-stances-about',
      `Stances about ${zh(entity.name)} (${data.stancesAbout.length})`,
      stanceSummary(data.stancesAbout),
      stanceTable(data.stancesAbout, 'Stances about this entity', 'No stances about them.'),
    ),
    panel(
      'sec-mentions',
      `Mentions (${data.mentions.length < PAGE ? data.mentions.length : `first ${PAGE}`})`,
      mentionList(data.mentions),
      data.mentions.length < PAGE
        ? null
        : h(
            'p',
            { class: 'more' },
            h(
              'a',
              { href: pathWith('/', { entity: entity.id }) },
              `All ${entity.articles} articles mentioning ${zh(entity.name)} →`,
            ),
          ),
    ),
  );
}
