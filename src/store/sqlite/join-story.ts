import type Database from 'better-sqlite3';
import { toSimplified } from '../../normalize/index.ts';
import { type ArticleSpans, articleText } from '../article-text.ts';
import {
  BANDS,
  bandKeys,
  likeness,
  MIN_STORY_CHARS,
  type StoryPrint,
  sameStory,
  signature,
  storyPrint,
  storyText,
} from '../minhash.ts';

/**
 * Stories at ingest: each stored article joins the story of a copy already stored, or
 * starts one of its own, whose id is the article's (so a story id never changes). The
 * article's band keys (minhash.ts) go into `story_bands`; the articles that share a key with
 * it are its candidates, read through the table's primary key (key, article), so finding
 * them costs BANDS index lookups whatever the archive's size. Each candidate story is
 * verified on the exact shingles of one or two of its articles, rebuilt from the stored
 * text. Stories are never merged: an article that is a copy of two stories joins the one it
 * is closest to, and earlier ids stay as they were.
 */

/** Articles read per band key, newest first: a key shared by thousands of articles (a
 * much-copied notice) costs no more than this. */
const PER_KEY = 32;
/** Candidate stories verified, those sharing most keys first. */
const VERIFY_STORIES = 8;
/** Articles of one candidate story verified, those sharing most keys first. */
const VERIFY_PER_STORY = 2;
/** Prints of stored articles kept (a few kB each): copies of one story tend to arrive
 * together, and a story's articles are verified again for each new copy. */
const CACHED_PRINTS = 2048;

/** Puts stored articles in stories; one per connection that writes. */
export class StoryFinder {
  readonly #s;
  readonly #prints = new Map<number, StoryPrint | null>();
  /** What finding stories cost this writer: milliseconds, articles, how many joined a
   * story already stored, and how many stored articles' texts were read to verify a
   * candidate (npm run bench:archive reports it). */
  readonly time = { ms: 0, articles: 0, copies: 0, reads: 0 };

  constructor(db: Database.Database) {
    this.#s = {
      textOf: db.prepare<[number], { headline: string; spans: string; text: string }>(
        `SELECT a.headline, a.spans, t.text FROM articles a
           JOIN document_texts t ON t.document = a.document WHERE a.id = ?`,
      ),
      newStory: db.prepare('INSERT INTO stories (id, copies) VALUES (?, 1)'),
      addCopy: db.prepare('UPDATE stories SET copies = copies + 1 WHERE id = ?'),
      setStory: db.prepare('UPDATE articles SET story = ? WHERE id = ?'),
      band: db.prepare('INSERT OR IGNORE INTO story_bands (key, article) VALUES (?, ?)'),
      // A key's newest PER_KEY articles, each with its story.
      keyCandidates: db.prepare<[number, number], { article: number; story: number | null }>(
        `SELECT sb.article, a.story FROM story_bands sb JOIN articles a ON a.id = sb.article
          WHERE sb.key = ? ORDER BY sb.article DESC LIMIT ?`,
      ),
      // An article's BANDS keys stored in one statement.
      allBands: db.prepare(
        `INSERT OR IGNORE INTO story_bands (key, article) VALUES ${Array.from({ length: BANDS }, () => '(?, ?)').join(', ')}`,
      ),
    };
  }

  /**
   * Puts a stored article in a story and returns the story's id. `simplified` is the
   * article's text in Simplified (the search index's, one block a line); `hasHeadline` says
   * whether its first line is the headline. Call inside the article's transaction.
   */
  join(articleId: number, simplified: string, hasHeadline: boolean): number {
    const started = performance.now();
    const story = this.#join(articleId, simplified, hasHeadline);
    this.time.ms += performance.now() - started;
    this.time.articles++;
    if (story !== articleId) this.time.copies++;
    return story;
  }

  #join(articleId: number, simplified: string, hasHeadline: boolean): number {
    const print = storyPrint(storyText(simplified, hasHeadline));
    const keys = print.chars >= MIN_STORY_CHARS ? bandKeys(signature(print.shingles)) : [];
    const found = keys.length === 0 ? undefined : this.#find(print, keys);
    const s = this.#s;
    if (found === undefined) s.newStory.run(articleId);
    else s.addCopy.run(found);
    const story = found ?? articleId;
    s.setStory.run(story, articleId);
    if (keys.length === BANDS) s.allBands.run(...keys.flatMap((key) => [key, articleId]));
    else for (const key of keys) s.band.run(key, articleId);
    this.#remember(articleId, keys.length === 0 ? null : print);
    return story;
  }

  /** Forgets what it read, after a rollback (an article id may be given again). */
  reset(): void {
    this.#prints.clear();
  }

  /** The story of the closest copy among the articles that share a key, if any is one. */
  #find(print: StoryPrint, keys: readonly number[]): number | undefined {
    const s = this.#s;
    const sharedKeys = new Map<number, number>();
    // Each candidate comes with its story: no query per candidate.
    const storyOf = new Map<number, number | null>();
    for (const key of keys) {
      for (const c of s.keyCandidates.all(key, PER_KEY)) {
        sharedKeys.set(c.article, (sharedKeys.get(c.article) ?? 0) + 1);
        storyOf.set(c.article, c.story);
      }
    }
    if (sharedKeys.size === 0) return undefined;
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
        const other = this.#print(candidate.article);
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
  #print(articleId: number): StoryPrint | null {
    const cached = this.#prints.get(articleId);
    if (cached !== undefined) return cached;
    this.time.reads++;
    const row = this.#s.textOf.get(articleId);
    let print: StoryPrint | null = null;
    if (row !== undefined) {
      const text = articleText(row.text, JSON.parse(row.spans) as ArticleSpans).text;
      // The text alone (the same as the view's), without the view's maps back to offsets.
      const found = storyPrint(storyText(toSimplified(text), row.headline !== ''));
      print = found.chars >= MIN_STORY_CHARS ? found : null;
    }
    this.#remember(articleId, print);
    return print;
  }

  #remember(articleId: number, print: StoryPrint | null): void {
    if (this.#prints.size >= CACHED_PRINTS) {
      const oldest = this.#prints.keys().next().value;
      if (oldest !== undefined) this.#prints.delete(oldest);
    }
    this.#prints.set(articleId, print);
  }
}
