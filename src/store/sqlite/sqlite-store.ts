import { statSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { PageNode } from '../../tree/types.ts';
import type { StoryTime } from '../story-verify.ts';
import type {
  Archive,
  ArchiveFilter,
  ArchiveStats,
  ArticleRecord,
  BatchResult,
  CooccurrenceRow,
  CountRow,
  DayCount,
  DocumentInput,
  EntityDetail,
  EntityMention,
  EntityOptions,
  EntityQuery,
  EntityRow,
  GraphQuery,
  OutletComparison,
  OutletQuery,
  Page,
  PutResult,
  QuoteGroup,
  QuoteQuery,
  QuoteRow,
  SearchFacets,
  SearchHit,
  SearchQuery,
  SlowPage,
  StanceGraph,
  StanceGroup,
  StanceQuery,
  StanceRow,
  StoredArticle,
  StoryQuery,
  StoryRow,
} from '../types.ts';
import { checkFilterAfter, checkMergeEvery } from './join-story.ts';
import { migrate, schemaVersion } from './migrations.ts';
import { registerStoryFunctions, withSpread } from './once-per-story.ts';
import { readArticle } from './read-article.ts';
import { readArticlePage } from './read-article-page.ts';
import {
  cooccurring,
  documentArticles,
  documentText,
  entityMentions,
  getEntity,
  setFrequentThreshold,
} from './read-entity.ts';
import { facets } from './read-facets.ts';
import { stanceGraph } from './read-graph.ts';
import {
  countEntities,
  countQuotes,
  countStances,
  exportArticles,
  exportEntities,
  exportQuotes,
  exportStances,
  listEntities,
  listQuotes,
  listStances,
  registerFunctions,
  totalEntities,
  totalQuotes,
  totalStances,
} from './read-lists.ts';
import { compareOutlets } from './read-outlets.ts';
import { listStories, totalStories } from './read-stories.ts';
import { countMatches, timeline } from './read-timeline.ts';
import { readStory } from './read-versions.ts';
import { search } from './search.ts';
import { PARTITION_SETTING, SearchIndex } from './search-index.ts';
import { DocumentWriter } from './write-document.ts';

/** Options for opening a SQLite archive. */
export interface SqliteStoreOptions {
  /** Create the file when it does not exist (default true); false makes a missing archive
   * an error, for commands that only read. */
  create?: boolean;
  /** Milliseconds to wait for another writer's lock before failing; default 10000. */
  busyTimeout?: number;
  /** How many of a query's newest matches BM25 ranks (default 1000; 0: all of them). See
   * search.ts: it keeps broad queries fast in a large archive. */
  rankWindow?: number;
  /** Articles per search partition (default 65536), for tests of a many-partition archive:
   * taken only by an archive that has indexed nothing yet, which then keeps it. */
  searchPartitionSize?: number;
  /** Articles above which an entity counts as frequent (default 2000): the articles that
   * mention it are read in date order up to the page instead of gathered and sorted. For
   * tests of that path on a small archive. */
  frequentEntity?: number;
  /** false: no story detection; each article is a story of its own, and nothing is looked
   * up or stored to find copies. Only for measuring what story detection costs an ingest
   * (bench:archive --without-stories); not for an archive that is kept. */
  findStories?: boolean;
  /** Articles whose band keys wait (in `story_pending`, looked up there too) before one
   * sorted merge into the band index (default 4096; see sqlite/join-story.ts). For tests of
   * the merge and for measuring it. */
  storyMergeEvery?: number;
  /** Articles a writer stores, with no other connection writing in between, before it
   * builds a filter of the band keys stored and looks up only those it may hold (default
   * 1024, and only once they are an eighth of the archive; Infinity: never; see
   * sqlite/join-story.ts). For tests of the filter and for measuring it. */
  storyFilterAfter?: number;
}

/**
 * Matches BM25 ranks by default. Measured on a million composed articles (16 partitions),
 * 400 queries of one to four words: p95 6 ms at 1000, 14 ms at 2000, 29 ms at 5000 (a
 * query whose words are common but rarely together reads every partition to fill a large
 * window).
 */
const RANK_WINDOW = 1000;

/** An error opening an archive: no such file, not an archive, a schema too new. */
export class StoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreError';
  }
}

/** Records a partition size in an archive whose index is still empty. */
function setPartitionSize(db: Database.Database, size: number): void {
  if (!Number.isInteger(size) || size < 1) {
    throw new TypeError('openStore: `searchPartitionSize` must be a positive whole number');
  }
  const current = new SearchIndex(db);
  if (current.size === size) return;
  if (current.partitions().length > 0) {
    throw new TypeError('openStore: `searchPartitionSize` is fixed once the archive indexes');
  }
  db.prepare('UPDATE settings SET value = ? WHERE key = ?').run(String(size), PARTITION_SETTING);
}

/** Runs `work`, again while SQLite says the database is locked, for up to `ms`. */
function whileLocked<T>(ms: number, work: () => T): T {
  const until = Date.now() + ms;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      return work();
    } catch (err) {
      const code = (err as { code?: string }).code;
      if ((code !== 'SQLITE_BUSY' && code !== 'SQLITE_LOCKED') || Date.now() >= until) throw err;
      // A short, jittered wait: the process that holds the lock needs milliseconds.
      Atomics.wait(pause, 0, 0, 10 + Math.random() * 40);
    }
  }
}

/**
 * The archive in one SQLite file (better-sqlite3), in WAL mode so searches run while an
 * ingest writes. Opening it applies any missing migrations.
 */
export class SqliteStore implements Archive {
  readonly path: string;
  readonly #db: Database.Database;
  readonly #writer: DocumentWriter;
  readonly #rankWindow: number;
  readonly #index: SearchIndex;
  /** Ingest asks for every new page: prepared once, on first use. */
  #findSlow: Database.Statement<[string], SlowPage> | undefined;

  constructor(path: string, options: SqliteStoreOptions = {}) {
    if (typeof path !== 'string' || path === '') {
      throw new TypeError('openStore: `path` must be a file path (or :memory:)');
    }
    this.path = path;
    this.#rankWindow = options.rankWindow ?? RANK_WINDOW;
    if (!Number.isInteger(this.#rankWindow) || this.#rankWindow < 0) {
      throw new TypeError('openStore: `rankWindow` must be a whole number');
    }
    if (options.storyMergeEvery !== undefined)
      checkMergeEvery(options.storyMergeEvery, 'openStore: `storyMergeEvery`');
    if (options.storyFilterAfter !== undefined)
      checkFilterAfter(options.storyFilterAfter, 'openStore: `storyFilterAfter`');
    try {
      this.#db = new Database(path, { fileMustExist: options.create === false });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      throw new StoreError(
        options.create === false && /unable to open|does not exist/i.test(message)
          ? `${path}: no archive there`
          : `${path}: ${message}`,
      );
    }
    const db = this.#db;
    try {
      const busyMs = options.busyTimeout ?? 10_000;
      db.pragma(`busy_timeout = ${busyMs}`);
      // Turning a new file to WAL takes an exclusive lock, and SQLite does not wait for it
      // (no busy handler): when several processes open one new archive at once, the others
      // are told "database is locked" at once. They try again, within the busy timeout.
      whileLocked(busyMs, () => db.pragma('journal_mode = WAL'));
      // NORMAL in WAL mode: a committed document survives a crash of the process (kill -9);
      // only a power cut may lose the last commits, never corrupt the file.
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      db.pragma('cache_size = -65536');
      db.pragma('temp_store = MEMORY');
      migrate(db);
    } catch (err) {
      db.close();
      const message = err instanceof Error ? err.message : String(err);
      throw new StoreError(
        `${path}: ${/not a database/i.test(message) ? 'not a jiedu archive (not a SQLite database)' : message}`,
      );
    }
    registerFunctions(db);
    registerStoryFunctions(db);
    if (options.frequentEntity !== undefined) setFrequentThreshold(db, options.frequentEntity);
    if (options.searchPartitionSize !== undefined)
      setPartitionSize(db, options.searchPartitionSize);
    this.#index = new SearchIndex(db);
    this.#writer = new DocumentWriter(db, this.#index, {
      find: options.findStories !== false,
      ...(options.storyMergeEvery === undefined ? {} : { mergeEvery: options.storyMergeEvery }),
      ...(options.storyFilterAfter === undefined ? {} : { filterAfter: options.storyFilterAfter }),
    });
  }

  hasDocument(hash: string): boolean {
    return this.#writer.has(hash);
  }

  putDocument(doc: DocumentInput): PutResult {
    return this.#writer.put(doc);
  }

  putDocuments(docs: readonly DocumentInput[]): BatchResult[] {
    return this.#writer.putMany(docs);
  }

  slowPage(hash: string): SlowPage | undefined {
    this.#findSlow ??= this.#db.prepare<[string], SlowPage>(
      'SELECT hash, source, limit_ms AS limitMs, at FROM slow_pages WHERE hash = ?',
    );
    return this.#findSlow.get(hash);
  }

  markSlow(page: SlowPage): void {
    this.#db
      .prepare('INSERT OR REPLACE INTO slow_pages (hash, source, limit_ms, at) VALUES (?, ?, ?, ?)')
      .run(page.hash, page.source, Math.round(page.limitMs), page.at);
  }

  forgetSlow(hash: string): void {
    this.#db.prepare('DELETE FROM slow_pages WHERE hash = ?').run(hash);
  }

  search(query: SearchQuery): SearchHit[] {
    return search(this.#db, this.#index, query, this.#rankWindow);
  }

  getArticle(id: number): StoredArticle | undefined {
    return readArticle(this.#db, id);
  }

  articlePage(id: number): PageNode | undefined {
    return readArticlePage(this.#db, id);
  }

  /** What finding stories has cost this connection's writes: milliseconds, articles, how
   * many joined a story already stored, texts read back and candidates decided on their
   * sketches (for npm run bench:archive). */
  storyTiming(): StoryTime {
    return this.#writer.storyTime;
  }

  /** Merges the band keys waiting in `story_pending` (any writer's) into the band index now,
   * as closing does; returns how many articles' keys it merged (see sqlite/join-story.ts). */
  mergeStoryKeys(): number {
    return this.#writer.mergeStoryKeys();
  }

  /** Milliseconds this connection's writes spent marking repeated passages (for npm run
   * bench:archive). */
  passageTiming(): number {
    return this.#writer.passageMs;
  }

  getStory(articleId: number): StoryRow | undefined {
    return readStory(this.#db, articleId);
  }

  compareOutlets(query: OutletQuery): OutletComparison {
    return compareOutlets(this.#db, this.#index, query);
  }

  entities(query?: EntityQuery): EntityRow[] {
    return listEntities(this.#db, query);
  }

  countEntities(query?: EntityQuery): CountRow[] {
    return countEntities(this.#db, query);
  }

  totalEntities(query?: EntityQuery): number {
    return totalEntities(this.#db, query);
  }

  totalQuotes(query?: QuoteQuery): number {
    return totalQuotes(this.#db, this.#index, query);
  }

  totalStances(query?: StanceQuery): number {
    return totalStances(this.#db, this.#index, query);
  }

  facets(query: SearchQuery): SearchFacets {
    return facets(this.#db, this.#index, query);
  }

  quotes(query?: QuoteQuery): QuoteRow[] {
    const rows = listQuotes(this.#db, this.#index, query);
    return query?.copies === true ? rows : withSpread(this.#db, 'quote', rows);
  }

  countQuotes(query: QuoteQuery, by: QuoteGroup): CountRow[] {
    return countQuotes(this.#db, this.#index, query, by);
  }

  stances(query?: StanceQuery): StanceRow[] {
    const rows = listStances(this.#db, this.#index, query);
    return query?.copies === true ? rows : withSpread(this.#db, 'stance', rows);
  }

  countStances(query: StanceQuery, by: StanceGroup): CountRow[] {
    return countStances(this.#db, this.#index, query, by);
  }

  exportArticles(filter?: ArchiveFilter): IterableIterator<ArticleRecord> {
    return exportArticles(this.#db, filter);
  }

  exportQuotes(filter?: ArchiveFilter): IterableIterator<QuoteRow> {
    // An export holds every copy's rows.
    const every: QuoteQuery = { ...filter, copies: true };
    return exportQuotes(this.#db, this.#index, every);
  }

  exportStances(filter?: ArchiveFilter): IterableIterator<StanceRow> {
    const every: StanceQuery = { ...filter, copies: true };
    return exportStances(this.#db, this.#index, every);
  }

  exportEntities(): IterableIterator<EntityRow> {
    return exportEntities(this.#db);
  }

  stats(): ArchiveStats {
    const db = this.#db;
    const count = (table: string) =>
      (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    const docs = db
      .prepare(
        'SELECT count(*) AS n, coalesce(sum(bytes), 0) AS bytes, min(date) AS first, max(date) AS last FROM documents',
      )
      .get() as { n: number; bytes: number; first: string | null; last: string | null };
    return {
      schemaVersion: schemaVersion(db),
      documents: docs.n,
      articles: count('articles'),
      blocks: count('blocks'),
      entities: count('entities'),
      mentions: count('mentions'),
      quotes: count('quotes'),
      stances: count('stances'),
      inputBytes: docs.bytes,
      fileBytes: this.#fileBytes(),
      firstDate: docs.first,
      lastDate: docs.last,
      scripts: db
        .prepare(
          'SELECT script AS key, count(*) AS count FROM documents GROUP BY script ORDER BY count DESC, key',
        )
        .all() as CountRow[],
      outlets: db
        .prepare(
          `SELECT coalesce(min(outlet), '') AS key, count(*) AS count FROM documents
            GROUP BY outlet_key ORDER BY count DESC, key LIMIT 20`,
        )
        .all() as CountRow[],
    };
  }

  documentText(documentId: number): string | undefined {
    return documentText(this.#db, documentId);
  }

  documentArticles(documentId: number): number[] {
    return documentArticles(this.#db, documentId);
  }

  getEntity(name: string, options?: EntityOptions): EntityDetail | undefined {
    return getEntity(this.#db, name, options);
  }

  entityMentions(entity: string, query?: ArchiveFilter & Page & EntityOptions): EntityMention[] {
    return entityMentions(this.#db, entity, query);
  }

  cooccurring(entity: string, query?: ArchiveFilter & Page): CooccurrenceRow[] {
    return cooccurring(this.#db, entity, query);
  }

  countMatches(query: SearchQuery): number {
    return countMatches(this.#db, this.#index, query);
  }

  stories(query?: StoryQuery): StoryRow[] {
    return listStories(this.#db, query);
  }

  totalStories(query?: StoryQuery): number {
    return totalStories(this.#db, query);
  }

  timeline(query: SearchQuery): DayCount[] {
    return timeline(this.#db, this.#index, query);
  }

  stanceGraph(query: GraphQuery): StanceGraph {
    return stanceGraph(this.#db, this.#index, query);
  }

  #fileBytes(): number {
    if (this.#db.memory) return 0;
    let total = 0;
    for (const file of [this.path, `${this.path}-wal`]) {
      try {
        total += statSync(file).size;
      } catch {
        // No write-ahead log right now: nothing to add.
      }
    }
    return total;
  }

  /** Closes the archive; a checkpoint folds the write-ahead log into the file. */
  close(): void {
    if (!this.#db.open) return;
    this.#writer.close();
    this.#db.close();
  }
}
