import type { StoryArticle, StoryRow } from '../types.ts';
import type { Sql } from './connection.ts';

/** One story of the archive, found by any of its articles (see sqlite/read-versions.ts). */

/** Copies read for one story at most. */
const ARTICLES_READ = 1000;

/** The story an article belongs to, with its articles in the order they were stored. */
export async function readStory(sql: Sql, articleId: number): Promise<StoryRow | undefined> {
  if (!Number.isInteger(articleId) || articleId < 0 || articleId > 2_147_483_647) return undefined;
  const found = await sql.get<{ story: number }>(
    'SELECT coalesce(story, id) AS story FROM articles WHERE id = ?',
    [articleId],
  );
  if (found === undefined) return undefined;
  const articles = await sql.all<StoryArticle & { outletKey: string | null }>(
    `SELECT a.id, d.outlet, d.outlet_key AS "outletKey", d.date, d.source AS path
       FROM articles a JOIN documents d ON d.id = a.document
      WHERE a.story = ? OR a.id = ? ORDER BY a.id LIMIT ${ARTICLES_READ}`,
    [found.story, found.story],
  );
  const head = await sql.get<{ headline: string | null; copies: number | null }>(
    `SELECT a.headline, (SELECT copies FROM stories WHERE id = a.id) AS copies
       FROM articles a WHERE a.id = ?`,
    [found.story],
  );
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
