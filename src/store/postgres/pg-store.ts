import type pg from 'pg';
import type { PageNode } from '../../tree/types.ts';
import type { AsyncArchive } from '../async-archive.ts';
import { PARTITION_SETTING } from '../sqlite/search-index.ts';
import type {
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
import {
  connectError,
  createPool,
  type PoolOptions,
  Sql,
  shownUrl,
  transaction,
} from './connection.ts';
import { migratePg, pgSchemaVersion } from './migrations.ts';
import { withSpread } from './once-per-story.ts';
import { readArticle } from './read-article.ts';
import { readArticlePage } from './read-article-page.ts';
import {
  cooccurring,
  documentArticles,
  documentText,
  entityMentions,
  getEntity,
} from './read-entity.ts';
import { facets } from './read-facets.ts';
import { stanceGraph } from './read-graph.ts';
import {
  articlePage,
  countEntities,
  countQuotes,
  countStances,
  entityPage,
  listEntities,
  listQuotes,
  listStances,
  quotePage,
  stancePage,
  totalEntities,
  totalQuotes,
  totalStances,
} from './read-lists.ts';
import { compareOutlets } from './read-outlets.ts';
import { listStories, totalStories } from './read-stories.ts';
import { countMatches, timeline } from './read-timeline.ts';
import { readStory } from './read-versions.ts';
import { search } from './search.ts';
import { overEveryMatch, searchExtent } from './search-index.ts';
import { checkInput, writeDocument } from './write-document.ts';

/** Options for opening a PostgreSQL archive. */
export interface PgStoreOptions extends PoolOptions {
  /** Create the archive's tables in a database that has none (default true); false makes
   * a database without an archive an error, for commands that only read. */
  create?: boolean;
  /** Matches ranked per search (default 1000; 0: all), as the SQLite store's option. */
  rankWindow?: number;
  /** Articles per search partition (default 65,536), as the SQLite store's option: the
   * archive's own, fixed once it indexes. */
  searchPartitionSize?: number;
}

/** Rows an export reads at a time. */
const EXPORT_PAGE = 500;

/** An error opening a PostgreSQL archive: no server, not an archive, a schema too new. */
export class PgStoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreError';
  }
}

/**
 * The archive on a PostgreSQL server (`pg`), asynchronous. Open it with {@link openPgArchive}:
 * connecting checks the server and applies any missing migrations.
 */
export class PgArchive implements AsyncArchive {
  readonly url: string;
  readonly pool: pg.Pool;
  readonly #sql: Sql;
  readonly #rankWindow: number;

  constructor(url: string, pool: pg.Pool, rankWindow: number) {
    this.url = url;
    this.pool = pool;
    this.#sql = new Sql(pool);
    this.#rankWindow = rankWindow;
  }

  /** A read over every match of a query's text: in a transaction whose planner uses the
   * search index (see overEveryMatch); without text, as any read. */
  #overMatches<T>(query: SearchQuery, read: (sql: Sql) => Promise<T>): Promise<T> {
    if (query.text === undefined || query.text.trim() === '') return read(this.#sql);
    return transaction(this.pool, async (sql) => {
      await overEveryMatch(sql);
      return read(sql);
    });
  }

  async hasDocument(hash: string): Promise<boolean> {
    return (await this.#sql.get('SELECT 1 FROM documents WHERE hash = ?', [hash])) !== undefined;
  }

  async putDocument(doc: DocumentInput): Promise<PutResult> {
    checkInput(doc);
    return transaction(this.pool, (sql) => writeDocument(sql, doc));
  }

  /** Each document in a transaction of its own: several writers interleave between them. */
  async putDocuments(docs: readonly DocumentInput[]): Promise<BatchResult[]> {
    if (!Array.isArray(docs)) throw new TypeError('putDocuments: `docs` must be an array');
    const out: BatchResult[] = [];
    for (const doc of docs) {
      try {
        out.push({ result: await this.putDocument(doc) });
      } catch (err) {
        out.push({ error: err instanceof Error ? err : new Error(String(err)) });
      }
    }
    return out;
  }

  async slowPage(hash: string): Promise<SlowPage | undefined> {
    return this.#sql.get<SlowPage>(
      'SELECT hash, source, limit_ms AS "limitMs", at FROM slow_pages WHERE hash = ?',
      [hash],
    );
  }

  async markSlow(page: SlowPage): Promise<void> {
    await this.#sql.run(
      `INSERT INTO slow_pages (hash, source, limit_ms, at) VALUES (?, ?, ?, ?)
       ON CONFLICT (hash) DO UPDATE SET source = excluded.source, limit_ms = excluded.limit_ms,
         at = excluded.at`,
      [page.hash, page.source, Math.round(page.limitMs), page.at],
    );
  }

  async forgetSlow(hash: string): Promise<void> {
    await this.#sql.run('DELETE FROM slow_pages WHERE hash = ?', [hash]);
  }

  /** Records a page that failed for good (the queue's failures log). */
  async logFailure(failure: {
    hash: string | null;
    source: string;
    reason: string;
  }): Promise<void> {
    await this.#sql.run('INSERT INTO failures (hash, source, reason, at) VALUES (?, ?, ?, ?)', [
      failure.hash,
      failure.source,
      failure.reason,
      new Date().toISOString(),
    ]);
  }

  /** The failures log, newest first. */
  async failures(limit = 100): Promise<{ source: string; reason: string; at: string }[]> {
    return this.#sql.all('SELECT source, reason, at FROM failures ORDER BY id DESC LIMIT ?', [
      limit,
    ]);
  }

  search(query: SearchQuery): Promise<SearchHit[]> {
    return search(this.pool, query, this.#rankWindow);
  }

  getArticle(id: number): Promise<StoredArticle | undefined> {
    return readArticle(this.#sql, id);
  }

  articlePage(id: number): Promise<PageNode | undefined> {
    return readArticlePage(this.#sql, id);
  }

  getStory(articleId: number): Promise<StoryRow | undefined> {
    return readStory(this.#sql, articleId);
  }

  compareOutlets(query: OutletQuery): Promise<OutletComparison> {
    return compareOutlets(this.#sql, query);
  }

  entities(query?: EntityQuery): Promise<EntityRow[]> {
    return listEntities(this.#sql, query);
  }

  countEntities(query?: EntityQuery): Promise<CountRow[]> {
    return countEntities(this.#sql, query);
  }

  totalEntities(query?: EntityQuery): Promise<number> {
    return totalEntities(this.#sql, query);
  }

  async quotes(query?: QuoteQuery): Promise<QuoteRow[]> {
    const rows = await listQuotes(this.#sql, query);
    return query?.copies === true ? rows : withSpread(this.#sql, 'quote', rows);
  }

  countQuotes(query: QuoteQuery, by: QuoteGroup): Promise<CountRow[]> {
    return countQuotes(this.#sql, query, by);
  }

  totalQuotes(query?: QuoteQuery): Promise<number> {
    return totalQuotes(this.#sql, query);
  }

  async stances(query?: StanceQuery): Promise<StanceRow[]> {
    const rows = await listStances(this.#sql, query);
    return query?.copies === true ? rows : withSpread(this.#sql, 'stance', rows);
  }

  countStances(query: StanceQuery, by: StanceGroup): Promise<CountRow[]> {
    return countStances(this.#sql, query, by);
  }

  totalStances(query?: StanceQuery): Promise<number> {
    return totalStances(this.#sql, query);
  }

  facets(query: SearchQuery): Promise<SearchFacets> {
    return this.#overMatches(query, (sql) => facets(sql, query));
  }

  /** One page of an export after `after` (an id; for entities, a key), and where the next
   * page starts: what the exports iterate. */
  async exportPage(
    kind: 'articles' | 'quotes' | 'stances' | 'entities',
    filter: ArchiveFilter,
    after: number | string,
    size = EXPORT_PAGE,
  ): Promise<{ rows: unknown[]; last: number | string }> {
    const id = typeof after === 'number' ? after : 0;
    switch (kind) {
      case 'articles': {
        const rows = await articlePage(this.#sql, filter, id, size);
        return { rows, last: rows.at(-1)?.id ?? after };
      }
      // An export holds every copy's rows.
      case 'quotes': {
        const rows = await quotePage(this.#sql, { ...filter, copies: true }, id, size);
        return { rows, last: rows.at(-1)?.id ?? after };
      }
      case 'stances': {
        const rows = await stancePage(this.#sql, { ...filter, copies: true }, id, size);
        return { rows, last: rows.at(-1)?.id ?? after };
      }
      case 'entities': {
        const rows = await entityPage(this.#sql, typeof after === 'string' ? after : '', size);
        return { rows, last: rows.at(-1)?.id ?? after };
      }
    }
  }

  async *#export<T>(
    kind: 'articles' | 'quotes' | 'stances' | 'entities',
    filter: ArchiveFilter,
  ): AsyncIterable<T> {
    for (let after: number | string = kind === 'entities' ? '' : 0; ; ) {
      const { rows, last } = await this.exportPage(kind, filter, after);
      for (const row of rows) yield row as T;
      if (rows.length < EXPORT_PAGE) return;
      after = last;
    }
  }

  exportArticles(filter: ArchiveFilter = {}): AsyncIterable<ArticleRecord> {
    return this.#export('articles', filter);
  }

  exportQuotes(filter: ArchiveFilter = {}): AsyncIterable<QuoteRow> {
    return this.#export('quotes', filter);
  }

  exportStances(filter: ArchiveFilter = {}): AsyncIterable<StanceRow> {
    return this.#export('stances', filter);
  }

  exportEntities(): AsyncIterable<EntityRow> {
    return this.#export('entities', {});
  }

  async stats(): Promise<ArchiveStats> {
    const sql = this.#sql;
    const counts = await sql.get<Record<string, number>>(
      `SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM blocks) AS blocks,
              (SELECT count(*) FROM entities) AS entities, (SELECT count(*) FROM mentions) AS mentions,
              (SELECT count(*) FROM quotes) AS quotes, (SELECT count(*) FROM stances) AS stances,
              pg_database_size(current_database()) AS "fileBytes"`,
    );
    const docs = await sql.get<{
      n: number;
      bytes: number;
      first: string | null;
      last: string | null;
    }>(
      'SELECT count(*) AS n, coalesce(sum(bytes), 0) AS bytes, min(date) AS first, max(date) AS last FROM documents',
    );
    const c = counts as Record<string, number>;
    const d = docs as { n: number; bytes: number; first: string | null; last: string | null };
    return {
      schemaVersion: await pgSchemaVersion(sql),
      documents: d.n,
      articles: c.articles as number,
      blocks: c.blocks as number,
      entities: c.entities as number,
      mentions: c.mentions as number,
      quotes: c.quotes as number,
      stances: c.stances as number,
      inputBytes: d.bytes,
      fileBytes: c.fileBytes as number,
      firstDate: d.first,
      lastDate: d.last,
      scripts: await sql.all<CountRow>(
        'SELECT script AS key, count(*) AS count FROM documents GROUP BY script ORDER BY count DESC, key',
      ),
      outlets: await sql.all<CountRow>(
        `SELECT coalesce(min(outlet), '') AS key, count(*) AS count FROM documents
          GROUP BY outlet_key ORDER BY count DESC, key LIMIT 20`,
      ),
    };
  }

  documentText(documentId: number): Promise<string | undefined> {
    return documentText(this.#sql, documentId);
  }

  documentArticles(documentId: number): Promise<number[]> {
    return documentArticles(this.#sql, documentId);
  }

  getEntity(name: string, options?: EntityOptions): Promise<EntityDetail | undefined> {
    return getEntity(this.#sql, name, options);
  }

  entityMentions(
    entity: string,
    query?: ArchiveFilter & Page & EntityOptions,
  ): Promise<EntityMention[]> {
    return entityMentions(this.#sql, entity, query);
  }

  cooccurring(entity: string, query?: ArchiveFilter & Page): Promise<CooccurrenceRow[]> {
    return cooccurring(this.#sql, entity, query);
  }

  timeline(query: SearchQuery): Promise<DayCount[]> {
    return this.#overMatches(query, (sql) => timeline(sql, query));
  }

  countMatches(query: SearchQuery): Promise<number> {
    return this.#overMatches(query, (sql) => countMatches(sql, query));
  }

  stories(query?: StoryQuery): Promise<StoryRow[]> {
    return listStories(this.#sql, query);
  }

  totalStories(query?: StoryQuery): Promise<number> {
    return totalStories(this.#sql, query);
  }

  stanceGraph(query: GraphQuery): Promise<StanceGraph> {
    return stanceGraph(this.#sql, query);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/**
 * Connects to the archive at a postgres:// URL, creating its tables on first use and
 * upgrading an older schema. Throws PgStoreError (named StoreError) with a plain message
 * when the server cannot be reached or the database is not an archive.
 */
export async function openPgArchive(url: string, options: PgStoreOptions = {}): Promise<PgArchive> {
  const rankWindow = options.rankWindow ?? 1000;
  if (!Number.isInteger(rankWindow) || rankWindow < 0) {
    throw new TypeError('openStore: `rankWindow` must be a whole number');
  }
  const partitionSize = options.searchPartitionSize;
  if (partitionSize !== undefined && (!Number.isInteger(partitionSize) || partitionSize < 1)) {
    throw new TypeError('openStore: `searchPartitionSize` must be a positive whole number');
  }
  let pool: pg.Pool;
  try {
    pool = createPool(url, options);
  } catch (err) {
    throw new PgStoreError(`${shownUrl(url)}: not a PostgreSQL URL (${(err as Error).message})`);
  }
  try {
    const client = await pool.connect();
    client.release();
  } catch (err) {
    await pool.end().catch(() => {});
    throw new PgStoreError(connectError(url, err));
  }
  try {
    if (options.create === false && (await pgSchemaVersion(new Sql(pool))) === 0) {
      throw new Error('no archive there');
    }
    await migratePg(pool);
    if (partitionSize !== undefined) await setPartitionSize(new Sql(pool), partitionSize);
  } catch (err) {
    if (err instanceof TypeError) {
      await pool.end().catch(() => {});
      throw err;
    }
    await pool.end().catch(() => {});
    throw new PgStoreError(`${shownUrl(url)}: ${(err as Error).message}`);
  }
  return new PgArchive(url, pool, rankWindow);
}

/** Records a partition size in an archive whose index is still empty. */
async function setPartitionSize(sql: Sql, size: number): Promise<void> {
  const { size: current, top } = await searchExtent(sql);
  if (current === size) return;
  if (top !== null) {
    throw new TypeError('openStore: `searchPartitionSize` is fixed once the archive indexes');
  }
  await sql.run('UPDATE settings SET value = ? WHERE key = ?', [String(size), PARTITION_SETTING]);
}
