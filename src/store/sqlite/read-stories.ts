import type Database from 'better-sqlite3';
import type { StoryArticle, StoryQuery, StoryRow } from '../types.ts';
import { pageOf } from './filters.ts';
import { prepared } from './statements.ts';

/**
 * The stories of the archive (see join-story.ts): most copies first, each with its
 * articles. Read through the stories table's index of copies, so a page costs the same
 * whatever the archive's size.
 */

/** Articles listed with a story: a notice copied thousands of times lists its first. */
const ARTICLES_LISTED = 1000;

/** `minCopies`, checked: a whole number of 1 or more (default 1). */
function minCopiesOf(query: StoryQuery): number {
  const min = query.minCopies ?? 1;
  if (!Number.isInteger(min) || min < 1) {
    throw new TypeError('`minCopies` must be a whole number of 1 or more');
  }
  return min;
}

/** Stories, most copies first and newest first among equals. */
export function listStories(db: Database.Database, query: StoryQuery = {}): StoryRow[] {
  const { limit, offset } = pageOf(query);
  const rows = db
    .prepare<[number, number, number], { story: number; copies: number; headline: string }>(
      `SELECT s.id AS story, s.copies, coalesce(a.headline, '') AS headline
         FROM stories s LEFT JOIN articles a ON a.id = s.id
        WHERE s.copies >= ? ORDER BY s.copies DESC, s.id DESC LIMIT ? OFFSET ?`,
    )
    .all(minCopiesOf(query), limit, offset);
  const articles = prepared(
    db,
    `SELECT a.id, d.outlet, d.outlet_key AS outletKey, d.date, d.source AS path
       FROM articles a JOIN documents d ON d.id = a.document
      WHERE a.story = ? ORDER BY a.id LIMIT ${ARTICLES_LISTED}`,
  );
  return rows.map((row) => {
    const found = articles.all(row.story) as (StoryArticle & { outletKey: string | null })[];
    // An outlet once, in the script it was first written in (文匯報 and 文汇报 are one).
    const outlets = new Map<string, string>();
    for (const a of found) {
      if (a.outlet !== null && a.outletKey !== null && !outlets.has(a.outletKey)) {
        outlets.set(a.outletKey, a.outlet);
      }
    }
    return {
      story: row.story,
      headline: row.headline,
      copies: row.copies,
      outlets: [...outlets.values()],
      articles: found.map(({ id, outlet, date, path }) => ({ id, outlet, date, path })),
    };
  });
}

/** How many stories the query selects. */
export function totalStories(db: Database.Database, query: StoryQuery = {}): number {
  return (
    db
      .prepare<[number], { n: number }>('SELECT count(*) AS n FROM stories WHERE copies >= ?')
      .get(minCopiesOf(query)) as { n: number }
  ).n;
}
