import * as api from '../api.ts';
import type { PageContext } from '../context.ts';
import { field, h, options, replace } from '../dom.ts';
import { actorGraph } from '../graph.ts';
import { classChip, stanceTable } from '../lists.ts';
import { STANCE_CLASSES } from '../marks.ts';
import { entityIdPath, pathWith } from '../routes.ts';
import { emptyState, errorBox, intParam, loading, pager, panel } from '../ui.ts';

/**
 * The stance explorer: who stands where, as an actor × class × target table with the CLI's
 * filters, a CSV of the same rows, the count per class, and the actor graph.
 */

const LIMIT = 50;
const FILTERS = ['actor', 'class', 'about', 'outlet', 'from', 'to', 'negated'] as const;
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
  const csvHref = api.withParams('/api/stances.csv', values);
  const tableSlot = h('div', {}, loading('Loading stances…'));
  const countsSlot = h('div', {});
  const graphSlot = h('div', {}, loading('Loading the actor graph…'));
  replace(
    ctx.main,
    h(
      'div',
      { class: 'page-head' },
      h('h1', { class: 'page-title' }, 'Stance explorer'),
      h('a', { class: 'button', href: csvHref, download: 'stances.csv' }, 'Download CSV'),
    ),
    h(
      'p',
      { class: 'lede' },
      'Who supports, opposes, welcomes or criticises whom, across the archive.',
    ),
    filterForm(ctx, values),
    h(
      'div',
      { class: 'stance-layout' },
      panel('stance-rows', 'Stances', tableSlot),
      h('div', { class: 'stance-side' }, countsSlot),
    ),
    panel('actor-graph', 'Actor graph', graphSlot),
  );

  const [rows, counts, graph, actors] = await Promise.allSettled([
    api.stances({ ...values, limit: LIMIT, offset }),
    api.get<{ counts: api.CountRow[] }>('/api/stances', { ...values, by: 'class' }),
    api.graph({ outlet: values.outlet, from: values.from, to: values.to, class: values.class }),
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
    replace(
      tableSlot,
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
      actorGraph(graph.value, (id) => ctx.navigate(entityIdPath(id))),
    );
  }
}
