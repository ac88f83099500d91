import type { QuoteRow, StanceRow } from './api.ts';
import { h } from './dom.ts';
import { STANCE_CLASSES } from './marks.ts';
import { articlePath, entityIdPath } from './routes.ts';
import { zh } from './script.ts';
import { emptyState, metaLine, tableRegion } from './ui.ts';

/** Quotes and stances of the archive as lists and tables, each row linked to its article. */

function sourceLink(row: {
  articleId: number;
  outlet: string | null;
  date: string | null;
}): HTMLElement {
  const meta = metaLine([row.outlet, row.date]);
  return h(
    'a',
    { class: 'row-source', href: articlePath(row.articleId) },
    meta === '' ? `Article ${row.articleId}` : meta,
  );
}

/** "3 copies in 2 outlets" for a row counted once that copies of its story repeat. */
export function copiesNote(row: { copies?: number; outlets?: number }): HTMLElement | null {
  const copies = row.copies ?? 1;
  if (copies < 2) return null;
  const outlets = row.outlets ?? 0;
  const text =
    outlets === 0
      ? `${copies} copies`
      : `${copies} copies in ${outlets} outlet${outlets === 1 ? '' : 's'}`;
  return h('span', { class: 'copies-note' }, text);
}

/** A quote's cue and its words: a direct quote in <q>, reported speech as plain text. */
export function quoteWords(q: { kind: string; cue: string; text: string }): HTMLElement[] {
  return [
    h('span', { class: 'quote-cue' }, zh(q.cue)),
    q.kind === 'direct' ? h('q', {}, zh(q.text)) : h('span', { class: 'reported' }, zh(q.text)),
  ];
}

/** Quotes as a list: speaker chip, cue, the words, where. */
export function quoteList(rows: readonly QuoteRow[], empty: string): HTMLElement {
  if (rows.length === 0) return emptyState(empty);
  return h(
    'ul',
    { class: 'quote-list', lang: 'zh' },
    rows.map((q) =>
      h(
        'li',
        {},
        q.speakerId === null
          ? h('span', { class: `chip chip-quote chip-${q.kind}` }, zh(q.speaker))
          : h(
              'a',
              { class: `chip chip-quote chip-${q.kind}`, href: entityIdPath(q.speakerId) },
              zh(q.speaker),
            ),
        quoteWords(q),
        sourceLink(q),
        copiesNote(q),
      ),
    ),
  );
}

/** A stance class as a coloured chip, with "not" when negated. */
export function classChip(cls: string, negated: boolean): HTMLElement {
  const label = STANCE_CLASSES[cls]?.label ?? cls;
  return h(
    'span',
    { class: `class-chip cls-${cls}${negated ? ' negated' : ''}` },
    negated ? `not ${label}` : label,
  );
}

function actorCell(row: StanceRow): HTMLElement {
  const cell = h('td', { class: 'actors', lang: 'zh' });
  row.actors.forEach((name, i) => {
    if (i > 0) cell.append('、');
    const id = row.actorIds[i];
    cell.append(id === undefined ? zh(name) : h('a', { href: entityIdPath(id) }, zh(name)));
  });
  if (row.actors.length === 0) cell.append('?');
  return cell;
}

/** Stances as a table: actor × class × target, cue, where. */
export function stanceTable(rows: readonly StanceRow[], label: string, empty: string): HTMLElement {
  if (rows.length === 0) return emptyState(empty);
  const table = h(
    'table',
    { class: 'data-table stance-table' },
    h('caption', { class: 'sr-only' }, label),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ['Actor', 'Stance', 'Target', 'Cue', 'Where'].map((c) => h('th', { scope: 'col' }, c)),
      ),
    ),
    h(
      'tbody',
      {},
      rows.map((row) =>
        h(
          'tr',
          {},
          actorCell(row),
          h(
            'td',
            {},
            classChip(row.class, row.negated),
            h('span', { class: 'plover' }, row.plover),
          ),
          h('td', { class: 'target', lang: 'zh' }, zh(row.target)),
          h('td', { class: 'cue', lang: 'zh' }, zh(row.cue)),
          h('td', { class: 'where' }, sourceLink(row), copiesNote(row)),
        ),
      ),
    ),
  );
  return tableRegion(label, table);
}
