import * as api from '../api.ts';
import type { PageContext } from '../context.ts';
import { field, h, replace } from '../dom.ts';
import { ENTITY_TYPES } from '../marks.ts';
import { entityIdPath, pathWith } from '../routes.ts';
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
 * The entity directory: every person, organisation, place and work the archive knows, most
 * written about first, with the roles pages gave them (外交部发言人, 国家主席); narrowed by
 * type, by a piece of the name in either script, and by outlet and dates. Each row opens
 * the entity's page; the rows on screen download as CSV or JSON.
 */

const LIMIT = 50;
const MAX_LIMIT = 200;
const PARAMS = ['name', 'type', 'outlet', 'from', 'to', 'script'] as const;
/** The types a reader picks from, in the order they matter to news. */
const TYPES = ['PER', 'ORG', 'LOC', 'WORK', 'EVENT'] as const;
const SCRIPT_LABELS: Record<string, string> = {
  traditional: 'Traditional pages',
  simplified: 'Simplified pages',
};

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
        input('name', p.get('name') ?? '', { type: 'search', placeholder: '王毅 or 外交' }),
      ),
      field(
        'Type',
        select('type', p.get('type') ?? '', [
          ['', 'Every type'],
          ...TYPES.map((t): [string, string] => [t, ENTITY_TYPES[t] ?? t]),
        ]),
      ),
      field('Outlet', input('outlet', p.get('outlet') ?? '')),
      field('From', input('from', p.get('from') ?? '', { type: 'date' })),
      field('To', input('to', p.get('to') ?? '', { type: 'date' })),
      field(
        'Script',
        select('script', p.get('script') ?? '', [
          ['', 'Both scripts'],
          ...Object.entries(SCRIPT_LABELS),
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
    ctx.navigate(pathWith('/entities', values));
  });
  return form;
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
export async function entitiesPage(ctx: PageContext): Promise<void> {
  const p = ctx.params;
  ctx.setTitle('Entities');
  const offset = intParam(p, 'offset', 0);
  const limit = Math.min(MAX_LIMIT, Math.max(1, intParam(p, 'limit', LIMIT)));
  const values: Record<string, string | number> = {};
  for (const name of PARAMS) values[name] = p.get(name) ?? '';
  const results = h(
    'section',
    { class: 'results', 'aria-labelledby': 'entities-title' },
    loading(),
  );
  replace(
    ctx.main,
    h('h1', { class: 'page-title' }, 'Entities'),
    h(
      'p',
      { class: 'lede muted' },
      'Everyone and everything the archive names, most written about first, with the offices pages gave them.',
    ),
    directoryForm(ctx),
    results,
  );
  const asked = { ...values, limit, offset };
  let found: api.Listing<'entities', api.EntityRow>;
  try {
    found = await api.entities(asked);
  } catch (error) {
    replace(results, errorBox(error, 'The entities could not be listed'));
    return;
  }
  const rows = found.entities;
  const hrefFor = (o: number) =>
    pathWith('/entities', {
      ...values,
      ...(limit === LIMIT ? {} : { limit }),
      offset: o || undefined,
    });
  replace(
    results,
    h('h2', { id: 'entities-title', class: 'section-title' }, 'Entities'),
    h(
      'div',
      { class: 'list-head' },
      countLine(offset, rows.length, found.total, 'entity', 'entities'),
      rows.length === 0 ? null : exportLinks('/entities', asked, 'entities', 'these entities'),
    ),
    rows.length === 0
      ? emptyState('No entity matches.', 'Try part of the name, another type, or fewer filters.')
      : entityTable(rows),
    rows.length < limit && offset === 0
      ? null
      : pager(offset, limit, rows.length, hrefFor, 'Entity pages'),
  );
}
