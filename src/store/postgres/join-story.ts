import { simplifiedView } from '../../normalize/index.ts';
import { type ArticleSpans, articleText } from '../article-text.ts';
import {
  bandKeys,
  likeness,
  MIN_STORY_CHARS,
  type StoryPrint,
  sameStory,
  signature,
  storyPrint,
  storyText,
} from '../minhash.ts';
import type { Sql } from './connection.ts';

/**
 * Stories at ingest, as sqlite/join-story.ts does them (the same prints, band keys,
 * candidates and verification; see there): an article joins the story of the closest
 * stored copy, or starts its own. The candidates of all its band keys are read in one
 * query. Writers take the archive's write lock first (write-document.ts), so two workers
 * never miss each other's copies.
 */

const PER_KEY = 32;
const VERIFY_STORIES = 8;
const VERIFY_PER_STORY = 2;

/** Puts a stored article in a story and returns the story's id. */
export async function joinStory(
  sql: Sql,
  articleId: number,
  simplified: string,
  hasHeadline: boolean,
): Promise<number> {
  const print = storyPrint(storyText(simplified, hasHeadline));
  const keys = print.chars >= MIN_STORY_CHARS ? bandKeys(signature(print.shingles)) : [];
  const found = keys.length === 0 ? undefined : await findStory(sql, articleId, print, keys);
  if (found === undefined)
    await sql.run('INSERT INTO stories (id, copies) VALUES (?, 1)', [articleId]);
  else await sql.run('UPDATE stories SET copies = copies + 1 WHERE id = ?', [found]);
  const story = found ?? articleId;
  await sql.run('UPDATE articles SET story = ? WHERE id = ?', [story, articleId]);
  if (keys.length > 0) {
    await sql.run(
      `INSERT INTO story_bands (key, article) SELECT k, ? FROM unnest(?::bigint[]) k
        ON CONFLICT DO NOTHING`,
      [articleId, keys.map(String)],
    );
  }
  return story;
}

async function findStory(
  sql: Sql,
  articleId: number,
  print: StoryPrint,
  keys: readonly number[],
): Promise<number | undefined> {
  const rows = await sql.all<{ article: number; story: number | null }>(
    `SELECT b.article, a.story FROM unnest(?::bigint[]) k(key)
       CROSS JOIN LATERAL (SELECT article FROM story_bands WHERE key = k.key
                            ORDER BY article DESC LIMIT ${PER_KEY}) b
       JOIN articles a ON a.id = b.article
      WHERE b.article <> ?`,
    [keys.map(String), articleId],
  );
  if (rows.length === 0) return undefined;
  const sharedKeys = new Map<number, number>();
  const storyOf = new Map<number, number | null>();
  for (const { article, story } of rows) {
    sharedKeys.set(article, (sharedKeys.get(article) ?? 0) + 1);
    storyOf.set(article, story);
  }
  const byStory = new Map<number, { article: number; keys: number }[]>();
  for (const [article, n] of sharedKeys) {
    const story = storyOf.get(article);
    if (story === null || story === undefined) continue;
    const list = byStory.get(story) ?? [];
    list.push({ article, keys: n });
    byStory.set(story, list);
  }
  const best = (list: { keys: number }[]) => Math.max(...list.map((c) => c.keys));
  const stories = [...byStory]
    .sort(([a, x], [b, y]) => best(y) - best(x) || a - b)
    .slice(0, VERIFY_STORIES);
  let chosen: number | undefined;
  let closest = -1;
  for (const [story, list] of stories) {
    list.sort((x, y) => y.keys - x.keys || y.article - x.article);
    for (const candidate of list.slice(0, VERIFY_PER_STORY)) {
      const other = await printOf(sql, candidate.article);
      if (other === null) continue;
      const l = likeness(print, other);
      if (!sameStory(l)) continue;
      if (l.containment > closest) {
        closest = l.containment;
        chosen = story;
      }
      break;
    }
  }
  return chosen;
}

/** The print of a stored article, from its text (null when it is too short to have one). */
async function printOf(sql: Sql, articleId: number): Promise<StoryPrint | null> {
  const row = await sql.get<{ headline: string; spans: string; text: string }>(
    `SELECT a.headline, a.spans, t.text FROM articles a
       JOIN document_texts t ON t.document = a.document WHERE a.id = ?`,
    [articleId],
  );
  if (row === undefined) return null;
  const text = articleText(row.text, JSON.parse(row.spans) as ArticleSpans).text;
  const found = storyPrint(storyText(simplifiedView(text).text, row.headline !== ''));
  return found.chars >= MIN_STORY_CHARS ? found : null;
}
