import type Database from 'better-sqlite3';
import { toSimplified } from '../../normalize/index.ts';
import { type ArticleSpans, articleText } from '../article-text.ts';
import { BandFilter } from '../band-filter.ts';
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
 * articles that share a band key (minhash.ts) with it are its candidates, read through
 * `story_bands`' primary key (key, article), so finding them costs BANDS index lookups (one
 * statement) whatever the archive's size, and each row carries the article's story, so no
 * article is read. Each candidate story is verified on one or two of its articles: first on
 * their sketches (`story_sketches`, a few hundred bytes each, see minhash.ts), which decide
 * unless the estimate is near the threshold; only then is the stored text read back and its
 * exact shingles rebuilt. Stories are never merged: an article that is a copy of two stories
 * joins the one it is closest to, and earlier ids stay as they were.
 *
 * Band keys in batches: written one article at a time, an article's 32 keys land in 32
 * random pages of the band index, and at 100,000 articles those page writes (to the
 * write-ahead log at each commit, then to the file at each checkpoint) were most of what
 * story detection cost an ingest. So an article's keys are first stored as one row of
 * `story_pending` (appended in id order, with the article, in its transaction: nothing is
 * lost in a crash), and every MERGE_EVERY articles all waiting rows are merged into
 * `story_bands` in one transaction, in key order, which writes each page of the index about
 * once per merge instead of once per article. Look-ups read both: the waiting keys are kept
 * in memory too, read from the table as other articles (this writer's, or another's
 * committed since) arrive. Whoever writes next merges what another writer left waiting.
 */

/** Articles whose keys wait in `story_pending` before they are merged into `story_bands`:
 * at 100,000 articles (3.2 million keys, about 16,000 pages of the index) a merge of 4,096
 * articles writes most pages once, about 4 a merged article instead of 32, and keeps 131,072
 * keys in memory (about 8 MB: WaitingKeys). */
export const MERGE_EVERY = 4096;

/** Throws unless `n` is a whole number of articles, 1 or more (`what` names the setting). */
export function checkMergeEvery(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 1) {
    throw new TypeError(`${what} must be a whole number of articles ≥ 1`);
  }
}

/** Articles a writer joins, with no other connection committing in between, before it
 * builds a filter of the band keys stored (BandFilter) and looks up only the keys the filter
 * may hold: a bulk ingest, not a page or two. */
export const FILTER_AFTER = 1024;
/** ...and only once the articles it has joined so are at least this share of the archive's
 * (its largest article id): building reads every key stored (about a microsecond a key,
 * 3 s at 100,000 articles), which the look-ups saved (most of an article's 32) repay after
 * a few thousand articles. */
const FILTER_SHARE = 1 / 8;
/** Keys the filter's first layer is sized for at least (1 MB). */
const FILTER_MIN_KEYS = 1 << 20;

/** Rows a merge inserts per statement. */
const MERGE_ROWS = 256;

/** Sketches of stored articles kept (half a kB each), the most recently used. */
const CACHED_SKETCHES = 8192;
/** Exact prints kept (a few kB each), the most recently used: those of the articles just
 * stored, which their copies (arriving together) are compared with when the sketches cannot
 * tell, and those read back. */
const CACHED_PRINTS = 2048;

/**
 * The waiting keys in memory: for each key, its articles (with their stories), newest
 * first, as chains through typed arrays, so that a merge's worth (131,072 keys) costs a Map
 * entry a key and 20 bytes an entry, not an array and an object each for the collector.
 */
class WaitingKeys {
  readonly #head = new Map<number, number>();
  #article = new Float64Array(4096);
  #story = new Float64Array(4096);
  /** The entry before, for the same key (-1: none). */
  #next = new Int32Array(4096);
  #size = 0;
  /** Articles added, and the last one's id (they are added in id order). */
  articles = 0;
  last = 0;

  /** Adds an article's keys. */
  addArticle(article: number, story: number, keys: ArrayLike<number>): void {
    for (let i = 0; i < keys.length; i++) this.#add(article, story, keys[i] as number);
    this.articles++;
    this.last = article;
  }

  #add(article: number, story: number, key: number): void {
    if (this.#size === this.#next.length) {
      const grow = <A extends Float64Array | Int32Array>(a: A): A => {
        const b = new (a.constructor as new (n: number) => A)(2 * a.length);
        b.set(a);
        return b;
      };
      this.#article = grow(this.#article);
      this.#story = grow(this.#story);
      this.#next = grow(this.#next);
    }
    const i = this.#size++;
    this.#article[i] = article;
    this.#story[i] = story;
    this.#next[i] = this.#head.get(key) ?? -1;
    this.#head.set(key, i);
  }

  /** The newest `limit` articles waiting with `key`, newest first; undefined when none. */
  of(key: number, limit: number): { article: number; story: number | null }[] | undefined {
    let i = this.#head.get(key);
    if (i === undefined) return undefined;
    const out: { article: number; story: number | null }[] = [];
    for (; i >= 0 && out.length < limit; i = this.#next[i] as number) {
      out.push({ article: this.#article[i] as number, story: this.#story[i] as number });
    }
    return out;
  }
}

/** StoryFinder's options. */
export interface StoryFinderOptions {
  /** false: no story detection, each article a story of its own (SqliteStoreOptions.findStories). */
  find?: boolean;
  /** false: each article's keys go into `story_bands` at once (for the migration of an archive
   * older than `story_pending`). */
  buffered?: boolean;
  /** Articles waiting before a merge (MERGE_EVERY; smaller in tests). */
  mergeEvery?: number;
  /** Articles joined (with no other connection committing) before the band filter is
   * built (FILTER_AFTER; Infinity: never). */
  filterAfter?: number;
}

/** Throws unless `n` is a whole number of articles ≥ 0, or Infinity (`what` names it). */
export function checkFilterAfter(n: number, what: string): void {
  if (!(n === Number.POSITIVE_INFINITY || (Number.isInteger(n) && n >= 0))) {
    throw new TypeError(`${what} must be a whole number of articles ≥ 0, or Infinity`);
  }
}

/** Puts stored articles in stories; one per connection that writes. */
export class StoryFinder {
  readonly #db: Database.Database;
  readonly #s;
  /** The statements on `story_pending`; null when keys go into the index at once. */
  readonly #pending;
  readonly #mergeEvery: number;
  /** The waiting keys read so far. */
  #waiting = new WaitingKeys();
  /** The archive's data version when the waiting keys were last read: while no other
   * connection has committed since, the table holds nothing this writer has not put in
   * memory itself. -1: to be read afresh (after a merge or a rollback). */
  #dataVersion = -1;
  /** Whether this connection has left keys waiting (then closing merges them). */
  #wrote = false;
  /** The band keys stored, as a filter (null until a bulk ingest has it built, and again
   * once another connection commits: its keys may be missing). */
  #filter: BandFilter | null = null;
  readonly #filterAfter: number;
  /** Articles joined since another connection last committed (or since opening). */
  #clean = 0;
  /** The value of #clean at which the filter's conditions are checked next. */
  #filterCheckAt: number;
  /** The archive's data version when this connection last read it (undefined: never). */
  #seenVersion: number | undefined;
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

  constructor(db: Database.Database, options: StoryFinderOptions = {}) {
    this.#db = db;
    this.#find = options.find !== false;
    this.#mergeEvery = options.mergeEvery ?? MERGE_EVERY;
    checkMergeEvery(this.#mergeEvery, 'StoryFinder: `mergeEvery`');
    this.#filterAfter = options.filterAfter ?? FILTER_AFTER;
    checkFilterAfter(this.#filterAfter, 'StoryFinder: `filterAfter`');
    this.#filterCheckAt = this.#filterAfter;
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
      candidates: db.prepare<[string], { key: number; article: number; story: number | null }>(
        `SELECT k.value AS key, sb.article,
                coalesce(sb.story, (SELECT a.story FROM articles a WHERE a.id = sb.article)) AS story
           FROM json_each(?) k JOIN story_bands sb ON sb.key = k.value
          WHERE sb.article >= coalesce((SELECT s2.article FROM story_bands s2 WHERE s2.key = k.value
                                        ORDER BY s2.article DESC LIMIT 1 OFFSET ${PER_KEY - 1}), 0)`,
      ),
      // An article's BANDS keys stored in one statement.
      allBands: db.prepare(
        `INSERT OR IGNORE INTO story_bands (key, article, story) VALUES ${Array.from({ length: BANDS }, () => '(?, ?, ?)').join(', ')}`,
      ),
      // A merge's rows, MERGE_ROWS to a statement.
      mergeRows: db.prepare(
        `INSERT OR IGNORE INTO story_bands (key, article, story) VALUES ${Array.from({ length: MERGE_ROWS }, () => '(?, ?, ?)').join(', ')}`,
      ),
    };
    this.#pending =
      options.buffered === false
        ? null
        : {
            put: db.prepare('INSERT INTO story_pending (article, story, keys) VALUES (?, ?, ?)'),
            after: db.prepare<[number], { article: number; story: number; keys: Buffer }>(
              'SELECT article, story, keys FROM story_pending WHERE article > ? ORDER BY article',
            ),
            clear: db.prepare('DELETE FROM story_pending WHERE article <= ?'),
            dataVersion: db.prepare<[], number>('PRAGMA data_version').pluck(),
            lastArticle: db.prepare<[], number | null>('SELECT max(id) FROM articles').pluck(),
            // The index's keys in its order, each once.
            storedKeys: db.prepare<[], number>('SELECT DISTINCT key FROM story_bands').pluck(),
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
      candidateStories(this.#candidates(keys)),
      (article) => this.#sketch(article),
      (article) => this.#print(article),
      this.time,
    );
    if (found === undefined) s.newStory.run(articleId);
    else s.addCopy.run(found);
    const story = found ?? articleId;
    s.setStory.run(story, articleId);
    if (this.#pending !== null) {
      this.#pending.put.run(articleId, story, encodeKeys(keys));
      this.#wrote = true;
      const filter = this.#filter;
      if (filter !== null) for (const key of keys) filter.add(key);
      // Unless the memory is to be read afresh anyway (then it is read back with the rest).
      if (this.#dataVersion !== -1) this.#waiting.addArticle(articleId, story, keys);
    } else if (keys.length === BANDS) {
      s.allBands.run(...keys.flatMap((key) => [key, articleId, story]));
    } else for (const key of keys) s.band.run(key, articleId, story);
    s.putSketch.run(articleId, encodeSketch(sketch));
    this.#sketches.set(articleId, sketch);
    this.#prints.set(articleId, print);
    return story;
  }

  /**
   * The articles that share a key with `keys`, one row per shared key: of each key, the
   * newest PER_KEY articles, from the merged index and the waiting keys together.
   */
  #candidates(keys: readonly number[]): { article: number; story: number | null }[] {
    if (this.#pending === null) return this.#s.candidates.all(JSON.stringify(keys));
    this.#readWaiting();
    this.#clean++;
    if (this.#filter === null && this.#clean >= this.#filterCheckAt) this.#buildFilter();
    const filter = this.#filter;
    let probed = keys;
    if (filter !== null) {
      probed = keys.filter((key) => filter.has(key));
      this.time.skipped = (this.time.skipped ?? 0) + keys.length - probed.length;
    }
    const stored = probed.length === 0 ? [] : this.#s.candidates.all(JSON.stringify(probed));
    // The keys some waiting article shares (few: mostly those of the article's copies).
    let shared: Map<number, { article: number; story: number | null }[]> | undefined;
    for (const key of keys) {
      const waiting = this.#waiting.of(key, PER_KEY);
      if (waiting === undefined) continue;
      shared ??= new Map();
      shared.set(key, waiting);
    }
    if (shared === undefined) return stored;
    const rows: { article: number; story: number | null }[] = [];
    for (const row of stored) {
      const list = shared.get(row.key);
      if (list === undefined) rows.push(row);
      else list.push(row);
    }
    // Of each shared key, the newest PER_KEY articles: the waiting ones are the newest
    // (another writer's merge may have put some of them in the index too: each counts once).
    for (const list of shared.values()) {
      list.sort((x, y) => y.article - x.article);
      let kept = 0;
      let last = -1;
      for (const row of list) {
        if (kept === PER_KEY) break;
        if (row.article === last) continue;
        last = row.article;
        rows.push(row);
        kept++;
      }
    }
    return rows;
  }

  /** Reads the waiting keys stored since the last read: this writer's own, and those of
   * another writer committed since. When they have grown well past a merge's worth (another
   * writer merged them), they are read afresh. */
  #readWaiting(): void {
    const pending = this.#pending;
    if (pending === null) return;
    const version = pending.dataVersion.get() as number;
    if (version !== this.#seenVersion) {
      // Another connection has committed: keys it stored (and may have merged) are not in
      // the filter. Without one until this writer has again joined enough on its own.
      if (this.#seenVersion !== undefined && (this.#filter !== null || this.#clean > 0)) {
        this.#filter = null;
        this.#clean = 0;
        this.#filterCheckAt = this.#filterAfter;
      }
      this.#seenVersion = version;
    }
    if (version === this.#dataVersion) return;
    if (this.#waiting.articles > 2 * this.#mergeEvery) this.#forgetWaiting();
    for (const row of pending.after.iterate(this.#waiting.last)) {
      this.#waiting.addArticle(row.article, row.story, decodeKeys(row.keys));
    }
    this.#dataVersion = version;
  }

  /**
   * Builds the band filter from every key stored (the index's and the waiting ones), when
   * the articles this writer has joined on its own are a large enough share of the
   * archive's; else checks again FILTER_AFTER articles later.
   */
  #buildFilter(): void {
    const pending = this.#pending;
    if (pending === null) return;
    const articles = pending.lastArticle.get() ?? 0;
    if (this.#clean < FILTER_SHARE * articles) {
      this.#filterCheckAt = this.#clean + Math.max(1, this.#filterAfter);
      return;
    }
    const started = performance.now();
    const filter = new BandFilter(Math.max(FILTER_MIN_KEYS, 2 * BANDS * articles));
    for (const key of pending.storedKeys.iterate()) filter.add(key);
    for (const row of pending.after.iterate(0)) {
      for (const key of decodeKeys(row.keys)) filter.add(key);
    }
    this.#filter = filter;
    this.time.filterBuilds = (this.time.filterBuilds ?? 0) + 1;
    this.time.filterMs = (this.time.filterMs ?? 0) + performance.now() - started;
  }

  #forgetWaiting(): void {
    this.#waiting = new WaitingKeys();
    this.#dataVersion = -1;
  }

  /**
   * After a commit: merges the waiting keys into the band index once MERGE_EVERY articles
   * wait (see the top of this file). Runs in a transaction of its own.
   */
  afterCommit(): void {
    if (this.#pending === null || !this.#find) return;
    this.#readWaiting();
    if (this.#waiting.articles >= this.#mergeEvery) this.merge();
  }

  /**
   * Merges every waiting key (this writer's and any other's) into `story_bands`, in key
   * order, in one transaction; returns how many articles' keys it merged.
   */
  merge(): number {
    const s = this.#s;
    const pending = this.#pending;
    if (pending === null) return 0;
    const started = performance.now();
    const merged = this.#db
      .transaction((): number => {
        const rows = pending.after.all(0);
        if (rows.length === 0) return 0;
        let total = 0;
        const decoded = rows.map((row) => {
          const keys = decodeKeys(row.keys);
          total += keys.length;
          return keys;
        });
        // (key, article, story) triples, ordered by key, then article: the index's own order.
        const keyOf = new Float64Array(total);
        const articleOf = new Float64Array(total);
        const storyOf = new Float64Array(total);
        let at = 0;
        rows.forEach((row, r) => {
          for (const key of decoded[r] as Float64Array) {
            keyOf[at] = key;
            articleOf[at] = row.article;
            storyOf[at] = row.story;
            at++;
          }
        });
        const order = mergeOrder(keyOf, articleOf);
        let i = 0;
        const args: number[] = new Array(3 * MERGE_ROWS);
        for (; i + MERGE_ROWS <= total; i += MERGE_ROWS) {
          for (let j = 0; j < MERGE_ROWS; j++) {
            const o = order[i + j] as number;
            args[3 * j] = keyOf[o] as number;
            args[3 * j + 1] = articleOf[o] as number;
            args[3 * j + 2] = storyOf[o] as number;
          }
          s.mergeRows.run(...args);
        }
        for (; i < total; i++) {
          const o = order[i] as number;
          s.band.run(keyOf[o], articleOf[o], storyOf[o]);
        }
        pending.clear.run((rows.at(-1) as { article: number }).article);
        return rows.length;
      })
      .immediate();
    // Everything read so far is merged now.
    this.#forgetWaiting();
    this.#wrote = false;
    const ms = performance.now() - started;
    this.time.ms += ms;
    this.time.merges = (this.time.merges ?? 0) + 1;
    this.time.mergeMs = (this.time.mergeMs ?? 0) + ms;
    return merged;
  }

  /** Before the connection closes: merges the keys this writer left waiting, so an archive
   * at rest has its whole index in `story_bands`. Best effort: keys that cannot be merged now
   * (another process holds the lock past the busy timeout) wait for the next writer. */
  close(): void {
    if (!this.#wrote) return;
    try {
      this.merge();
    } catch {
      // They stay in story_pending, where look-ups find them and the next merge takes them.
    }
  }

  /** Puts an article in a story of its own. */
  #ownStory(articleId: number): number {
    this.#s.newStory.run(articleId);
    this.#s.setStory.run(articleId, articleId);
    return articleId;
  }

  /** Forgets what it read, after a rollback (an article id may be given again, and the
   * waiting keys read inside the transaction were never stored). */
  reset(): void {
    this.#sketches.clear();
    this.#prints.clear();
    this.#forgetWaiting();
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

/** Bits of a merge entry's position packed under its key for the native sort (keys are
 * below 2^47: 47 + 17 = 64). */
const POSITION_BITS = 17;
const KEY_LIMIT = 2 ** 47;

/**
 * The positions of a merge's (key, article) entries in key order, then article order. The
 * entries come in article order, so a merge of at most 2^17 (a merge's worth, 4,096
 * articles of 32 keys) packs each key with its position into one 64-bit number and sorts
 * those natively (about ten times quicker than a comparator over 131,072 entries); more
 * (another writer's left waiting too), or a key out of range, are sorted with a comparator.
 */
export function mergeOrder(keyOf: Float64Array, articleOf: Float64Array): Uint32Array {
  const total = keyOf.length;
  let packable = total <= 2 ** POSITION_BITS;
  for (let i = 0; packable && i < total; i++) {
    const key = keyOf[i] as number;
    packable = Number.isInteger(key) && key >= 0 && key < KEY_LIMIT;
  }
  if (!packable) {
    return Uint32Array.from({ length: total }, (_, i) => i).sort(
      (x, y) =>
        (keyOf[x] as number) - (keyOf[y] as number) ||
        (articleOf[x] as number) - (articleOf[y] as number),
    );
  }
  const shift = BigInt(POSITION_BITS);
  const packed = new BigUint64Array(total);
  for (let i = 0; i < total; i++) packed[i] = (BigInt(keyOf[i] as number) << shift) | BigInt(i);
  packed.sort();
  const mask = (1n << shift) - 1n;
  const order = new Uint32Array(total);
  for (let i = 0; i < total; i++) order[i] = Number((packed[i] as bigint) & mask);
  return order;
}

/** An article's band keys as `story_pending` stores them: 8 bytes each (whole numbers below
 * 2^47, exact as Float64), little-endian. */
function encodeKeys(keys: readonly number[]): Buffer {
  const bytes = Buffer.alloc(8 * keys.length);
  for (let i = 0; i < keys.length; i++) bytes.writeDoubleLE(keys[i] as number, 8 * i);
  return bytes;
}

/** The keys of a `story_pending` row; throws on bytes that are not whole keys. */
function decodeKeys(bytes: Uint8Array): Float64Array {
  if (bytes.byteLength % 8 !== 0) throw new RangeError('story_pending: keys of 8 bytes expected');
  const keys = new Float64Array(bytes.byteLength / 8);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < keys.length; i++) keys[i] = view.getFloat64(8 * i, true);
  return keys;
}
