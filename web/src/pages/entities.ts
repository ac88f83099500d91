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
import { ENTITY_TYPES } from '../marks.ts';
import { entityIdPath } from '../routes.ts';
import { zh } from '../script.ts';
import { tableRegion } from '../ui.ts';

/**
 * The entity directory: every person, organisation, place and work the archive knows, most
 * written about first, with the roles pages gave them (外交部发言人, 国家主席); narrowed by
 * type, by a piece of the name in either script, and by outlet and dates. Each row opens
 * the entity's page; the rows on screen download as CSV or JSON. A story's copies count once
 * unless "Every copy" is ticked (copies=1).
 */

const LIMIT = 50;
const MAX_LIMIT = 200;
const PARAMS = ['name', 'type', 'outlet', 'from', 'to', 'script', 'copies'] as const;
/** The types a reader picks from, in the order they matter to news. */
const TYPES = ['PER', 'ORG', 'LOC', 'WORK', 'EVENT'] as const;
function directoryForm(ctx: PageContext): HTMLFormElement {
  const p = ctx.params;
  const form = h(
    'form',
    { class: 'list-form', role: 'search', 'aria-label': 'Find entities' },
    h(
      'div',
      { class: 'filter-grid' },
      field(
        'Name contains',
        textInput('name', p.get('name') ?? '', { type: 'search', placeholder: '王毅 or 外交' }),
      ),
      field(
        'Type',
        choiceSelect('type', p.get('type') ?? '', [
          ['', 'Every type'],
          ...TYPES.map((t): [string, string] => [t, ENTITY_TYPES[t] ?? t]),
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
  return navigateOnSubmit(form, ctx, '/entities', PARAMS);
}

function entityTable(rows: readonly api.EntityRow[]): HTMLElement {
  const table = h(
    'table',
    { class: 'data-table entity-table' },
    h('caption', { class: 'sr-only' }, 'Entities'),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, 'Name'),
        h('th', { scope: 'col' }, 'Type'),
        h('th', { scope: 'col' }, 'Roles seen'),
        h('th', { scope: 'col', class: 'num' }, 'Articles'),
        h('th', { scope: 'col', class: 'num' }, 'Mentions'),
      ),
    ),
    h(
      'tbody',
      {},
      rows.map((e) =>
        h(
          'tr',
          { 'data-id': e.id },
          h(
            'td',
            { lang: 'zh' },
            h(
              'a',
              { class: `ent ent-${e.type} entity-name`, href: entityIdPath(e.id) },
              zh(e.name),
            ),
          ),
          h(
            'td',
            {},
            h('span', { class: `type-chip ent-${e.type}` }, ENTITY_TYPES[e.type] ?? e.type),
          ),
          h('td', { class: 'roles', lang: 'zh' }, (e.roles ?? []).map(zh).join('、')),
          h('td', { class: 'num' }, e.articles.toLocaleString('en')),
          h('td', { class: 'num' }, e.mentions.toLocaleString('en')),
        ),
      ),
    ),
  );
  return tableRegion('Entities', table);
}

/** Draws /entities. */
export function entitiesPage(ctx: PageContext): Promise<void> {
  return drawListingPage(ctx, {
    path: '/entities',
    title: 'Entities',
    lede: 'Everyone and everything the archive names, most written about first, with the offices pages gave them. A story counts once (its copies in other outlets, encodings or scripts are one article) unless every copy is asked for.',
    params: PARAMS,
    form: directoryForm,
    fetch: api.entities,
    key: 'entities',
    one: 'entity',
    many: 'entities',
    empty: ['No entity matches.', 'Try part of the name, another type, or fewer filters.'],
    pagerLabel: 'Entity pages',
    table: entityTable,
    limit: LIMIT,
    maxLimit: MAX_LIMIT,
  });
}
