import type Database from 'better-sqlite3';
import type { StoryArticle, StoryRow } from '../types.ts';

/**
 * One story of the archive, found by any of its articles: what its versions (the copies
 * side by side against the earliest) are read from.
 */

/** Copies read for one story at most. */
const ARTICLES_READ = 1000;

/** The story an article belongs to, with its articles in the order they were stored. */
export function readStory(db: Database.Database, articleId: number): StoryRow | undefined {
  const found = db
    .prepare<[number], { story: number }>(
      'SELECT coalesce(story, id) AS story FROM articles WHERE id = ?',
    )
    .get(articleId);
  if (found === undefined) return undefined;
  const articles = db
    .prepare<[number, number], StoryArticle & { outletKey: string | null }>(
      `SELECT a.id, d.outlet, d.outlet_key AS outletKey, d.date, d.source AS path
         FROM articles a JOIN documents d ON d.id = a.document
        WHERE a.story = ? OR a.id = ? ORDER BY a.id LIMIT ${ARTICLES_READ}`,
    )
    .all(found.story, found.story);
  const head = db
    .prepare<[number], { headline: string | null; copies: number | null }>(
      `SELECT a.headline, (SELECT copies FROM stories WHERE id = a.id) AS copies
         FROM articles a WHERE a.id = ?`,
    )
    .get(found.story);
  const outlets = new Map<string, string>();
  for (const a of articles) {
    if (a.outlet !== null && a.outletKey !== null && !outlets.has(a.outletKey)) {
      outlets.set(a.outletKey, a.outlet);
    }
  }
  return {
    story: found.story,
    headline: head?.headline ?? '',
    copies: head?.copies ?? articles.length,
    outlets: [...outlets.values()],
    articles: articles.map(({ id, outlet, date, path }) => ({ id, outlet, date, path })),
  };
}
