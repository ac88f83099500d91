import { simplifiedView } from '../../normalize/index.ts';
import { type ArticleSpans, articleText } from '../article-text.ts';
import {
  compareSketches,
  decodeSketch,
  encodeSketch,
  MIN_STORY_CHARS,
  type Sketch,
  type StoryPrint,
  sketchOf,
  storyPrint,
  storyText,
} from '../minhash.ts';
import type { StoryInput } from '../story-input.ts';
import { candidateStories, closestStory, PER_KEY, type StoryTime } from '../story-verify.ts';
import type { Sql } from './connection.ts';

/**
 * Stories at ingest, as sqlite/join-story.ts does them (the same prints, band keys,
 * candidates, sketches and verification; see there): an article joins the story of the
 * closest stored copy, or starts its own. The candidates of all its band keys are read in
 * one query, their sketches in another, and the texts of those the sketches cannot decide
 * in a third. Writers take the archive's write lock first (write-document.ts), so two
 * workers never miss each other's copies.
 */

/** Puts a stored article in a story and returns the story's id; `input` is what it is
 * compared on (story-input.ts). */
export async function joinStory(
  sql: Sql,
  articleId: number,
  { print, keys, sketch }: StoryInput,
): Promise<number> {
  if (sketch === null || keys.length === 0) {
    await sql.run('INSERT INTO stories (id, copies) VALUES (?, 1)', [articleId]);
    await sql.run('UPDATE articles SET story = ? WHERE id = ?', [articleId, articleId]);
    return articleId;
  }
  const found = await findStory(sql, articleId, print, sketch, keys);
  if (found === undefined)
    await sql.run('INSERT INTO stories (id, copies) VALUES (?, 1)', [articleId]);
  else await sql.run('UPDATE stories SET copies = copies + 1 WHERE id = ?', [found]);
  const story = found ?? articleId;
  await sql.run('UPDATE articles SET story = ? WHERE id = ?', [story, articleId]);
  await sql.run(
    `INSERT INTO story_bands (key, article, story) SELECT k, ?, ? FROM unnest(?::bigint[]) k
      ON CONFLICT DO NOTHING`,
    [articleId, story, keys.map(String)],
  );
  await putSketch(sql, articleId, sketch);
  return story;
}

async function putSketch(sql: Sql, articleId: number, sketch: Sketch): Promise<void> {
  await sql.run(
    `INSERT INTO story_sketches (article, sketch) VALUES (?, ?)
       ON CONFLICT (article) DO UPDATE SET sketch = EXCLUDED.sketch`,
    [articleId, Buffer.from(encodeSketch(sketch))],
  );
}

async function findStory(
  sql: Sql,
  articleId: number,
  print: StoryPrint,
  sketch: Sketch,
  keys: readonly number[],
): Promise<number | undefined> {
  // Rows stored before the story was kept with them (schema 2) read it from the article.
  const rows = await sql.all<{ article: number; story: number | null }>(
    `SELECT b.article,
            coalesce(b.story, (SELECT a.story FROM articles a WHERE a.id = b.article)) AS story
       FROM unnest(?::bigint[]) k(key)
       CROSS JOIN LATERAL (SELECT article, story FROM story_bands WHERE key = k.key
                            ORDER BY article DESC LIMIT ${PER_KEY}) b
      WHERE b.article <> ?`,
    [keys.map(String), articleId],
  );
  const stories = candidateStories(rows);
  if (stories.length === 0) return undefined;
  const candidates = stories.flatMap(([, list]) => list.map((c) => c.article));
  const sketches = new Map<number, Sketch>();
  for (const row of await sql.all<{ article: number; sketch: Buffer }>(
    'SELECT article, sketch FROM story_sketches WHERE article = ANY(?::int[])',
    [candidates],
  )) {
    sketches.set(row.article, decodeSketch(row.sketch));
  }
  // The texts of the candidates their sketches cannot decide, read in one query.
  const unsure = candidates.filter((article) => {
    const other = sketches.get(article);
    return other === undefined || compareSketches(sketch, other).verdict === 'unsure';
  });
  const prints = new Map<number, StoryPrint | null>();
  if (unsure.length > 0) {
    const texts = await sql.all<{ id: number; headline: string; spans: string; text: string }>(
      `SELECT a.id, a.headline, a.spans, t.text FROM articles a
         JOIN document_texts t ON t.document = a.document WHERE a.id = ANY(?::int[])`,
      [unsure],
    );
    for (const row of texts) {
      const text = articleText(row.text, JSON.parse(row.spans) as ArticleSpans).text;
      const found = storyPrint(storyText(simplifiedView(text).text, row.headline !== ''));
      const exact = found.chars >= MIN_STORY_CHARS ? found : null;
      prints.set(row.id, exact);
      // An article stored before sketches were gets one now.
      if (exact !== null && !sketches.has(row.id)) await putSketch(sql, row.id, sketchOf(exact));
    }
  }
  const time: StoryTime = { ms: 0, articles: 0, copies: 0, reads: 0, sketched: 0, workerMs: 0 };
  return closestStory(
    print,
    sketch,
    stories,
    (article) => sketches.get(article) ?? null,
    (article) => prints.get(article) ?? null,
    time,
  );
}
