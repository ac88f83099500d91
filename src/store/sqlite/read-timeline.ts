import type Database from 'better-sqlite3';
import { compileQuery } from '../search/parse-query.ts';
import type { DayCount, SearchQuery } from '../types.ts';
import { addFilter, Where } from './filters.ts';
import type { SearchIndex } from './search-index.ts';

/** The articles (`a`) a search finds: its filters, and its text through the index. */
export function matching(db: Database.Database, index: SearchIndex, query: SearchQuery): Where {
  const where = addFilter(db, new Where(), query);
  const compiled =
    query.text === undefined || query.text.trim() === '' ? null : compileQuery(query.text);
  if (compiled !== null) {
    const ids = index.matchingIds(compiled.match);
    where.add(`a.id IN ${ids.sql}`, ...ids.params);
  }
  return where;
}

/**
 * Articles per publication day for a search: the same query language and filters as
 * `search`, but every match counts (no ranking, so no window): the index gives the ids of
 * the matching articles and the articles' date index does the grouping. A story counts
 * once a day (its copies of that day are one), unless `copies`.
 */
export function timeline(
  db: Database.Database,
  index: SearchIndex,
  query: SearchQuery,
): DayCount[] {
  const where = matching(db, index, query).add('a.date IS NOT NULL AND length(a.date) = 10');
  return db
    .prepare(
      `SELECT a.date AS date, ${query.copies === true ? 'count(*)' : 'count(DISTINCT coalesce(a.story, a.id))'} AS count
         FROM articles a${where} GROUP BY a.date ORDER BY a.date`,
    )
    .all(...where.params) as DayCount[];
}

/** How many articles a search matches (with `copies`): every match, as the timeline counts
 * them, dated or not; else how many stories they belong to, as search lists them. */
export function countMatches(
  db: Database.Database,
  index: SearchIndex,
  query: SearchQuery,
): number {
  const where = matching(db, index, query);
  const sql =
    query.copies === true
      ? `SELECT count(*) AS n FROM articles a${where}`
      : where.clauses.length === 0
        ? 'SELECT count(*) AS n FROM stories'
        : `SELECT count(DISTINCT a.story) AS n FROM articles a${where}`;
  const row = db.prepare(sql).get(...where.params) as { n: number };
  return row.n;
}
