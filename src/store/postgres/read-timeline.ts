import type { DayCount, SearchQuery } from '../types.ts';
import type { Sql } from './connection.ts';
import { addFilter, Where } from './filters.ts';
import { compileTsQuery } from './search-index.ts';

/** The articles (`a`) a search finds: its filters, and its text through the index. */
export async function matching(sql: Sql, query: SearchQuery): Promise<Where> {
  const where = await addFilter(sql, new Where(), query);
  const compiled =
    query.text === undefined || query.text.trim() === '' ? null : compileTsQuery(query.text);
  if (compiled !== null)
    where.add(
      'a.id IN (SELECT article FROM article_search WHERE search @@ ?::tsquery)',
      compiled.query,
    );
  return where;
}

/** Articles per publication day for a search (see sqlite/read-timeline.ts): a story counts
 * once a day (its copies of that day are one), unless `copies`. */
export async function timeline(sql: Sql, query: SearchQuery): Promise<DayCount[]> {
  const where = (await matching(sql, query)).add('a.date IS NOT NULL AND length(a.date) = 10');
  return sql.all<DayCount>(
    `SELECT a.date AS date, ${query.copies === true ? 'count(*)' : 'count(DISTINCT coalesce(a.story, a.id))'} AS count
       FROM articles a${where} GROUP BY a.date ORDER BY a.date`,
    where.params,
  );
}

/** How many articles (with `copies`) or stories a search matches. */
export async function countMatches(sql: Sql, query: SearchQuery): Promise<number> {
  const where = await matching(sql, query);
  const text =
    query.copies === true
      ? `SELECT count(*) AS n FROM articles a${where}`
      : where.clauses.length === 0
        ? 'SELECT count(*) AS n FROM stories'
        : `SELECT count(DISTINCT coalesce(a.story, a.id)) AS n FROM articles a${where}`;
  const row = await sql.get<{ n: number }>(text, where.params);
  return row?.n ?? 0;
}
