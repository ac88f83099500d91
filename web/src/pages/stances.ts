import * as api from '../api.ts';
import type { PageContext } from '../context.ts';
import { field, h, options, replace } from '../dom.ts';
import { actorGraph } from '../graph.ts';
import { copiesSwitch } from '../listing-page.ts';
import { classChip, stanceTable } from '../lists.ts';
import { STANCE_CLASSES } from '../marks.ts';
import { entityIdPath, pathWith } from '../routes.ts';
import {
  countLine,
  emptyState,
  errorBox,
  exportLinks,
  intParam,
  loading,
  pager,
  panel,
} from '../ui.ts';

/**
 * The stance explorer: who stands where, as the actor graph and the count per class, then
 * an actor × class × target table with the CLI's filters and a CSV of the same rows.
 */

const LIMIT = 50;
const FILTERS = ['actor', 'class', 'about', 'outlet', 'from', 'to', 'negated', 'copies'] as const;
type Filter = (typeof FILTERS)[number];

function filterValues(params: URLSearchParams): Record<Filter, string> {
  const values = {} as Record<Filter, string>;
  for (const f of FILTERS) values[f] = (params.get(f) ?? '').trim();
  return values;
}

function filterForm(ctx: PageContext, values: Record<Filter, string>): HTMLFormElement {
  const text = (name: Filter, placeholder = '') =>
    h('input', {
      name,
      value: values[name],
      type: 'text',
      autocomplete: 'off',
      placeholder,
      list: name === 'actor' ? 'actor-list' : undefined,
    });
  const date = (name: Filter) => h('input', { name, value: values[name], type: 'date' });
  const cls = h(
    'select',
    { name: 'class' },
    options(
      [['', 'Any class'], ...Object.keys(STANCE_CLASSES).map((c) => [c, c] as const)],
      values.class,
    ),
  );
  const negated = h(
    'select',
    { name: 'negated' },
    options(
      [
        ['', 'Both'],
        ['false', 'Plain only (支持)'],
        ['true', 'Negated only (不支持)'],
      ],
      values.negated,
    ),
  );
  const form = h(
    'form',
    { class: 'filter-form', 'aria-label': 'Stance filters' },
    h(
      'div',
      { class: 'filter-grid' },
      field('Actor', text('actor', '中方 or LOC:中国')),
      h('datalist', { id: 'actor-list' }),
      field('Class', cls),
      field('Target contains', text('about', '制裁')),
      field('Outlet', text('outlet')),
      field('From', date('from')),
      field('To', date('to')),
      field('Negation', negated),
    ),
    copiesSwitch(values.copies === '1'),
    h(
      'div',
      { class: 'form-actions' },
      h('button', { type: 'submit', class: 'button primary' }, 'Apply filters'),
      h('a', { class: 'button', href: '/stances' }, 'Clear'),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const next: Record<string, string> = {};
    for (const f of FILTERS) next[f] = String(data.get(f) ?? '').trim();
    ctx.navigate(pathWith('/stances', next));
  });
  return form;
}

function barFill(cls: string, share: number): HTMLElement {
  const fill = h('span', { class: `bar-fill cls-${cls}` });
  // Through the CSSOM, not a style attribute: nothing here depends on inline styles.
  fill.style.width = `${Math.round(share * 100)}%`;
  return fill;
}

function classCounts(
  counts: readonly api.CountRow[],
  values: Record<Filter, string>,
): HTMLElement | null {
  if (counts.length === 0) return null;
  const max = Math.max(...counts.map((c) => c.count));
  return panel(
    'class-counts',
    'By class',
    exportLinks(
      '/api/stances',
      { ...values, by: 'class' },
      'stance-classes',
      'the counts by class',
    ),
    h(
      'ul',
      { class: 'bar-list' },
      counts.map((c) =>
        h(
          'li',
          {},
          h(
            'a',
            { href: pathWith('/stances', { ...values, class: c.key }) },
            classChip(c.key, false),
          ),
          h('span', { class: 'bar' }, barFill(c.key, c.count / max)),
          h('span', { class: 'bar-count' }, c.count),
        ),
      ),
    ),
  );
}

/** Draws /stances. */
export async function stancesPage(ctx: PageContext): Promise<void> {
  ctx.setTitle('Stances');
  const values = filterValues(ctx.params);
  const offset = intParam(ctx.params, 'offset', 0);
  // What the table asks for, and so what its CSV and JSON hold.
  const asked = { ...values, limit: LIMIT, offset };
  const graphParams = {
    outlet: values.outlet,
    from: values.from,
    to: values.to,
    class: values.class,
    copies: values.copies,
  };
  const tableSlot = h('div', {}, loading('Loading stances…'));
  // Empty until the counts come (and when there are none): the graph then takes the row.
  const countsSlot = h('div', { class: 'stance-side' });
  const graphSlot = h('div', {}, loading('Loading the actor graph…'));
  replace(
    ctx.main,
    h('div', { class: 'page-head' }, h('h1', { class: 'page-title' }, 'Stance explorer')),
    h(
      'p',
      { class: 'lede' },
      'Who supports, opposes, welcomes or criticises whom, across the archive.',
    ),
    filterForm(ctx, values),
    // The overview first (the graph with the count per class beside it), then the rows: a
    // long table must not bury the graph at the foot of the page.
    h(
      'div',
      { class: 'stance-layout' },
      panel('actor-graph', 'Actor graph', graphSlot),
      countsSlot,
    ),
    panel('stance-rows', 'Stances', tableSlot),
  );

  const [rows, counts, graph, actors] = await Promise.allSettled([
    api.stances(asked),
    api.get<{ counts: api.CountRow[] }>('/api/stances', { ...values, by: 'class' }),
    api.graph(graphParams),
    api.get<{ counts: api.CountRow[] }>('/api/stances', { by: 'actor', limit: 50 }),
  ]);
  // The most frequent actors, offered as the actor box is typed in.
  const actorList = ctx.main.querySelector('#actor-list');
  if (actors.status === 'fulfilled' && actorList !== null) {
    replace(
      actorList,
      actors.value.counts.map((c) => h('option', { value: c.key })),
    );
  }
  if (rows.status === 'rejected') {
    replace(tableSlot, errorBox(rows.reason, 'The stances could not be listed'));
  } else {
    const hrefFor = (o: number) =>
      pathWith('/stances', { ...values, offset: o > 0 ? o : undefined });
    const shown = rows.value.stances.length;
    replace(
      tableSlot,
      shown === 0
        ? null
        : h(
            'div',
            { class: 'list-head' },
            countLine(offset, shown, rows.value.total, 'stance', 'stances'),
            exportLinks('/stances', asked, 'stances', 'these stances'),
          ),
      stanceTable(
        rows.value.stances,
        'Stances matching the filters',
        'No stance matches these filters.',
      ),
      rows.value.stances.length < LIMIT && offset === 0
        ? null
        : pager(offset, LIMIT, rows.value.stances.length, hrefFor, 'Stance pages'),
    );
  }
  if (counts.status === 'fulfilled') replace(countsSlot, classCounts(counts.value.counts, values));
  if (graph.status === 'rejected') {
    replace(graphSlot, errorBox(graph.reason, 'The actor graph could not be drawn'));
  } else if (graph.value.edges.length === 0) {
    replace(
      graphSlot,
      emptyState(
        'No actor links for these filters.',
        'A link needs a stance whose target names another entity.',
      ),
    );
  } else {
    replace(
      graphSlot,
      exportLinks('/api/graph', graphParams, 'actor-graph', "the graph's links"),
      actorGraph(graph.value, (id) => ctx.navigate(entityIdPath(id))),
    );
  }
}
