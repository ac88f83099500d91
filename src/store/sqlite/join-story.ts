import type Database from 'better-sqlite3';
import { toSimplified } from '../../normalize/index.ts';
import { type ArticleSpans, articleText } from '../article-text.ts';
import {
  BANDS,
  decodeSketch,
  encodeSketch,
  MIN_STORY_CHARS,
  type Sketch,
  type StoryPrint,
  sketchOf,
  storyPrint,
  storyText,
} from '../minhash.ts';
import { type StoryInput, storyInput } from '../story-input.ts';
import {
  candidateStories,
  closestStory,
  PER_KEY,
  Recent,
  type StoryTime,
} from '../story-verify.ts';

/**
 * Stories at ingest: each stored article joins the story of a copy already stored, or
 * starts one of its own, whose id is the article's (so a story id never changes). The
 * article's band keys (minhash.ts) go into `story_bands`; the articles that share a key with
 * it are its candidates, read through the table's primary key (key, article), so finding
 * them costs BANDS index lookups (one statement) whatever the archive's size, and each row
 * carries the article's story, so no article is read. Each candidate story is verified on
 * one or two of its articles: first on their sketches (`story_sketches`, a few hundred
 * bytes each, see minhash.ts), which decide unless the estimate is near the threshold; only
 * then is the stored text read back and its exact shingles rebuilt. Stories are never
 * merged: an article that is a copy of two stories joins the one it is closest to, and
 * earlier ids stay as they were.
 */

/** Sketches of stored articles kept (half a kB each), the most recently used. */
const CACHED_SKETCHES = 8192;
/** Exact prints kept (a few kB each), the most recently used: those of the articles just
 * stored, which their copies (arriving together) are compared with when the sketches cannot
 * tell, and those read back. */
const CACHED_PRINTS = 2048;

/** Puts stored articles in stories; one per connection that writes. */
export class StoryFinder {
  readonly #s;
  readonly #sketches = new Recent<Sketch | null>(CACHED_SKETCHES);
  readonly #prints = new Recent<StoryPrint | null>(CACHED_PRINTS);
  /** What finding stories cost this writer (see StoryTime). */
  readonly time: StoryTime = {
    ms: 0,
    articles: 0,
    copies: 0,
    reads: 0,
    sketched: 0,
    workerMs: 0,
  };

  /** Whether copies are looked for: without, each article is a story of its own. */
  readonly #find: boolean;

  /** `find` false: no story detection (SqliteStoreOptions.findStories). */
  constructor(db: Database.Database, find = true) {
    this.#find = find;
    this.#s = {
      textOf: db.prepare<[number], { headline: string; spans: string; text: string }>(
        `SELECT a.headline, a.spans, t.text FROM articles a
           JOIN document_texts t ON t.document = a.document WHERE a.id = ?`,
      ),
      sketchOf: db
        .prepare<[number], Buffer>('SELECT sketch FROM story_sketches WHERE article = ?')
        .pluck(),
      putSketch: db.prepare(
        'INSERT OR REPLACE INTO story_sketches (article, sketch) VALUES (?, ?)',
      ),
      newStory: db.prepare('INSERT INTO stories (id, copies) VALUES (?, 1)'),
      addCopy: db.prepare('UPDATE stories SET copies = copies + 1 WHERE id = ?'),
      setStory: db.prepare('UPDATE articles SET story = ? WHERE id = ?'),
      band: db.prepare('INSERT OR IGNORE INTO story_bands (key, article, story) VALUES (?, ?, ?)'),
      // Each key's newest PER_KEY articles (those from the PER_KEY-th newest on), with their
      // stories; rows stored before the story was kept with them (schema 7) read it from
      // the article.
      candidates: db.prepare<[string], { article: number; story: number | null }>(
        `SELECT sb.article,
                coalesce(sb.story, (SELECT a.story FROM articles a WHERE a.id = sb.article)) AS story
           FROM json_each(?) k JOIN story_bands sb ON sb.key = k.value
          WHERE sb.article >= coalesce((SELECT s2.article FROM story_bands s2 WHERE s2.key = k.value
                                        ORDER BY s2.article DESC LIMIT 1 OFFSET ${PER_KEY - 1}), 0)`,
      ),
      // An article's BANDS keys stored in one statement.
      allBands: db.prepare(
        `INSERT OR IGNORE INTO story_bands (key, article, story) VALUES ${Array.from({ length: BANDS }, () => '(?, ?, ?)').join(', ')}`,
      ),
    };
  }

  /**
   * Puts a stored article in a story and returns the story's id. `simplified` is the
   * article's text in Simplified (the search index's, one block a line), `hasHeadline`
   * whether its first line is the headline; `prepared`, what it is compared on (its print,
   * keys and sketch: story-input.ts) when an ingest worker computed it beforehand, else it
   * is computed here. Call inside the article's transaction.
   */
  join(
    articleId: number,
    simplified: string,
    hasHeadline: boolean,
    prepared?: { story: StoryInput; storyMs: number },
  ): number {
    if (!this.#find) return this.#ownStory(articleId);
    const started = performance.now();
    const input = prepared?.story ?? storyInput(simplified, hasHeadline);
    const story = this.#join(articleId, input);
    this.time.workerMs += prepared?.storyMs ?? 0;
    this.time.ms += performance.now() - started;
    this.time.articles++;
    if (story !== articleId) this.time.copies++;
    return story;
  }

  #join(articleId: number, { print, keys, sketch }: StoryInput): number {
    const s = this.#s;
    if (sketch === null || keys.length === 0) {
      this.#sketches.set(articleId, null);
      return this.#ownStory(articleId);
    }
    const found = closestStory(
      print,
      sketch,
      candidateStories(s.candidates.all(JSON.stringify(keys))),
      (article) => this.#sketch(article),
      (article) => this.#print(article),
      this.time,
    );
    if (found === undefined) s.newStory.run(articleId);
    else s.addCopy.run(found);
    const story = found ?? articleId;
    s.setStory.run(story, articleId);
    if (keys.length === BANDS) s.allBands.run(...keys.flatMap((key) => [key, articleId, story]));
    else for (const key of keys) s.band.run(key, articleId, story);
    s.putSketch.run(articleId, encodeSketch(sketch));
    this.#sketches.set(articleId, sketch);
    this.#prints.set(articleId, print);
    return story;
  }

  /** Puts an article in a story of its own. */
  #ownStory(articleId: number): number {
    this.#s.newStory.run(articleId);
    this.#s.setStory.run(articleId, articleId);
    return articleId;
  }

  /** Forgets what it read, after a rollback (an article id may be given again). */
  reset(): void {
    this.#sketches.clear();
    this.#prints.clear();
  }

  /** The sketch of a stored article; null when it has none (too short, or stored before
   * sketches were: then its exact print is read). */
  #sketch(articleId: number): Sketch | null {
    const cached = this.#sketches.get(articleId);
    if (cached !== undefined) return cached;
    const bytes = this.#s.sketchOf.get(articleId);
    const sketch = bytes === undefined ? null : decodeSketch(bytes);
    this.#sketches.set(articleId, sketch);
    return sketch;
  }

  /** The exact print of a stored article, from its text (null when it is too short to have
   * one). An article stored before sketches were gets one now. */
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
    if (print !== null && this.#sketch(articleId) === null) {
      const sketch = sketchOf(print);
      this.#s.putSketch.run(articleId, encodeSketch(sketch));
      this.#sketches.set(articleId, sketch);
    }
    this.#prints.set(articleId, print);
    return print;
  }
}
