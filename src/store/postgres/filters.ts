import { toSimplified } from '../../normalize/index.ts';
import { outletKey } from '../sqlite/write-document.ts';
import type { ArchiveFilter } from '../types.ts';
import type { Sql } from './connection.ts';

export { hasFilter, pageOf, Where } from '../sqlite/filters.ts';

import type { Where } from '../sqlite/filters.ts';

/**
 * The archive filters in PostgreSQL's SQL (see sqlite/filters.ts, whose Where, pageOf and
 * hasFilter it shares): the same clauses, with entity names resolved to ids first.
 */

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkDate(name: string, value: string | undefined): void {
  if (value !== undefined && !DATE.test(value)) {
    throw new TypeError(`\`${name}\` must be a date YYYY-MM-DD, not '${value}'`);
  }
}

/** The entity ids a user's name for an entity stands for (an id or a canonical name in
 * either script); empty when nothing matches. */
export async function resolveEntities(sql: Sql, name: string): Promise<number[]> {
  const simplified = toSimplified(name.trim());
  const id = /^([A-Za-z]+):(.+)$/.exec(simplified);
  const key = id === null ? simplified : `${(id[1] as string).toUpperCase()}:${id[2]}`;
  const rows = await sql.all<{ id: number }>(
    'SELECT id FROM entities WHERE key = ? OR name = ? ORDER BY id',
    [key, simplified],
  );
  return rows.map((r) => r.id);
}

/** `IN (…)` for a list of ids; `IN (NULL)` matches nothing when the list is empty. */
export function inList(ids: readonly number[]): string {
  return ids.length === 0 ? 'IN (NULL)' : `IN (${ids.map((id) => Math.trunc(id)).join(', ')})`;
}

/** Adds the clauses of an archive filter, for a query whose articles are `a`. */
export async function addFilter(sql: Sql, where: Where, filter: ArchiveFilter): Promise<Where> {
  checkDate('from', filter.from);
  checkDate('to', filter.to);
  if (filter.outlet !== undefined) where.add('a.outlet_key = ?', outletKey(filter.outlet));
  if (filter.from !== undefined) {
    where.add(
      '(a.date >= ? OR a.date IN (?, ?))',
      filter.from,
      filter.from.slice(0, 4),
      filter.from.slice(0, 7),
    );
  }
  if (filter.to !== undefined) where.add('a.date <= ?', filter.to);
  if (filter.entity !== undefined) {
    const ids = await resolveEntities(sql, filter.entity);
    where.add(`a.id IN (SELECT article FROM article_entities WHERE entity ${inList(ids)})`);
  }
  if (filter.speaker !== undefined) {
    const ids = await resolveEntities(sql, filter.speaker);
    where.add(`a.id IN (SELECT article FROM quotes WHERE speaker ${inList(ids)})`);
  }
  if (filter.script !== undefined) {
    where.add(
      'EXISTS (SELECT 1 FROM documents sd WHERE sd.id = a.document AND sd.script = ?)',
      filter.script,
    );
  }
  return where;
}
