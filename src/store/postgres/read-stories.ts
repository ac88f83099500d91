import type { StoryArticle, StoryQuery, StoryRow } from '../types.ts';
import type { Sql } from './connection.ts';
import { pageOf } from './filters.ts';

/** The stories of the archive, most copies first (see sqlite/read-stories.ts). */

const ARTICLES_LISTED = 1000;

function minCopiesOf(query: StoryQuery): number {
  const min = query.minCopies ?? 1;
  if (!Number.isInteger(min) || min < 1) {
    throw new TypeError('`minCopies` must be a whole number of 1 or more');
  }
  return min;
}

export async function listStories(sql: Sql, query: StoryQuery = {}): Promise<StoryRow[]> {
  const { limit, offset } = pageOf(query);
  const rows = await sql.all<{ story: number; copies: number; headline: string }>(
    `SELECT s.id AS story, s.copies, coalesce(a.headline, '') AS headline
       FROM stories s LEFT JOIN articles a ON a.id = s.id
      WHERE s.copies >= ? ORDER BY s.copies DESC, s.id DESC LIMIT ? OFFSET ?`,
    [minCopiesOf(query), limit, offset],
  );
  const out: StoryRow[] = [];
  for (const row of rows) {
    const found = await sql.all<StoryArticle & { outletKey: string | null }>(
      `SELECT a.id, d.outlet, d.outlet_key AS "outletKey", d.date, d.source AS path
         FROM articles a JOIN documents d ON d.id = a.document
        WHERE a.story = ? ORDER BY a.id LIMIT ${ARTICLES_LISTED}`,
      [row.story],
    );
    const outlets = new Map<string, string>();
    for (const a of found) {
      if (a.outlet !== null && a.outletKey !== null && !outlets.has(a.outletKey)) {
        outlets.set(a.outletKey, a.outlet);
      }
    }
    out.push({
      story: row.story,
      headline: row.headline,
      copies: row.copies,
      outlets: [...outlets.values()],
      articles: found.map(({ id, outlet, date, path }) => ({ id, outlet, date, path })),
    });
  }
  return out;
}

export async function totalStories(sql: Sql, query: StoryQuery = {}): Promise<number> {
  return (
    (
      await sql.get<{ n: number }>('SELECT count(*) AS n FROM stories WHERE copies >= ?', [
        minCopiesOf(query),
      ])
    )?.n ?? 0
  );
}
