import type { OutletComparison } from './api.ts';
import { h } from './dom.ts';
import { classChip } from './lists.ts';
import { entityIdPath } from './routes.ts';
import { zh } from './script.ts';
import { emptyState, tableRegion } from './ui.ts';

/**
 * Outlets compared, as a table: each outlet with how many quotes and stances it printed,
 * whom it quotes (of the most quoted) and its stances by class, most first.
 */
export function outletTable(c: OutletComparison, label: string): HTMLElement {
  if (c.outlets.length === 0) {
    return emptyState('No outlet quotes anyone or takes a stance here.');
  }
  const names = new Map(c.speakers.map((s) => [s.id, s.name]));
  const table = h(
    'table',
    { class: 'data-table outlet-table' },
    h('caption', { class: 'sr-only' }, label),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ['Outlet', 'Quotes', 'Stances', 'Quotes whom', 'Stances by class'].map((t) =>
          h('th', { scope: 'col' }, t),
        ),
      ),
    ),
    h(
      'tbody',
      {},
      c.outlets.map((o) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row', lang: 'zh' }, zh(o.outlet)),
          h('td', { class: 'num' }, o.quotes),
          h('td', { class: 'num' }, o.stances),
          h(
            'td',
            { lang: 'zh' },
            c.quotes
              .filter((q) => q.outlet === o.outlet)
              .map((q) =>
                h(
                  'a',
                  { class: 'tag', href: entityIdPath(q.speaker) },
                  zh(names.get(q.speaker) ?? q.speaker),
                  h('span', { class: 'tag-count' }, String(q.count)),
                ),
              ),
          ),
          h(
            'td',
            {},
            c.stances
              .filter((s) => s.outlet === o.outlet)
              .map((s) =>
                h(
                  'span',
                  { class: 'outlet-class' },
                  classChip(s.class, false),
                  h('span', { class: 'tag-count' }, String(s.count)),
                ),
              ),
          ),
        ),
      ),
    ),
  );
  return tableRegion(label, table);
}
