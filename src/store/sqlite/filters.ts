import type Database from 'better-sqlite3';
import { toSimplified } from '../../normalize/index.ts';
import type { ArchiveFilter, Page } from '../types.ts';
import { outletKey } from './write-document.ts';

/** WHERE clauses joined by AND, and their parameters in order. */
export class Where {
  readonly clauses: string[] = [];
  readonly params: unknown[] = [];

  add(clause: string, ...params: unknown[]): this {
    this.clauses.push(clause);
    this.params.push(...params);
    return this;
  }

  /** ` WHERE …` or '' when there is nothing to filter. */
  toString(): string {
    return this.clauses.length === 0 ? '' : ` WHERE ${this.clauses.join(' AND ')}`;
  }
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkDate(name: string, value: string | undefined): void {
  if (value !== undefined && !DATE.test(value)) {
    throw new TypeError(`\`${name}\` must be a date YYYY-MM-DD, not '${value}'`);
  }
}

/** Limit and offset, checked: limit 0…10000 (default 20), offset ≥ 0. */
export function pageOf(page: Page, defaultLimit = 20): { limit: number; offset: number } {
  const limit = page.limit ?? defaultLimit;
  const offset = page.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 0 || limit > 10_000) {
    throw new TypeError('`limit` must be an integer from 0 to 10000');
  }
  if (!Number.isInteger(offset) || offset < 0) {
    throw new TypeError('`offset` must be an integer of 0 or more');
  }
  return { limit, offset };
}

/**
 * The entity ids a user's name for an entity stands for: an id (`PER:习近平`, any script,
 * any case of the type) or a canonical name in either script. Empty when nothing matches.
 */
export function resolveEntities(db: Database.Database, name: string): number[] {
  const trimmed = name.trim();
  const simplified = toSimplified(trimmed);
  const id = /^([A-Za-z]+):(.+)$/.exec(simplified);
  const key = id === null ? simplified : `${(id[1] as string).toUpperCase()}:${id[2]}`;
  return db
    .prepare<[string, string], { id: number }>(
      'SELECT id FROM entities WHERE key = ? OR name = ? ORDER BY id',
    )
    .all(key, simplified)
    .map((r) => r.id);
}

/** `IN (…)` for a list of ids; `IN (NULL)` matches nothing when the list is empty. */
export function inList(ids: readonly number[]): string {
  return ids.length === 0 ? 'IN (NULL)' : `IN (${ids.join(', ')})`;
}

/**
 * Adds the clauses of an archive filter, for a query whose articles are `a`. Entity and speaker names are resolved to ids first.
 */
export function addFilter(db: Database.Database, where: Where, filter: ArchiveFilter): Where {
  checkDate('from', filter.from);
  checkDate('to', filter.to);
  if (filter.outlet !== undefined) where.add('a.outlet_key = ?', outletKey(filter.outlet));
  // A date known to the month or the year (1998-03, 1998) sorts before the days in it: one
  // that holds `from` is in range too (both found through the date index).
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
    const ids = resolveEntities(db, filter.entity);
    where.add(`a.id IN (SELECT article FROM article_entities WHERE entity ${inList(ids)})`);
  }
  if (filter.speaker !== undefined) {
    const ids = resolveEntities(db, filter.speaker);
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

/** Whether a filter narrows anything. */
export function hasFilter(filter: ArchiveFilter): boolean {
  return (
    filter.outlet !== undefined ||
    filter.from !== undefined ||
    filter.to !== undefined ||
    filter.entity !== undefined ||
    filter.speaker !== undefined ||
    filter.script !== undefined
  );
}
