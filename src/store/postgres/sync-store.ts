import {
  MessageChannel,
  type MessagePort,
  receiveMessageOnPort,
  Worker,
} from 'node:worker_threads';
import type { PageNode } from '../../tree/types.ts';
import { QueryError } from '../search/parse-query.ts';
import { StoreError } from '../sqlite/sqlite-store.ts';
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
import type { PgStoreOptions } from './pg-store.ts';

/**
 * The PostgreSQL archive behind the synchronous `Archive` interface the CLI and the server
 * call, so that neither changes for it: a thread of its own holds the connections and runs
 * the asynchronous archive (pg-store.ts); each call is posted to it and the caller waits on
 * a shared word until the answer is on its port (Atomics.wait, receiveMessageOnPort). This
 * is the blocking model the SQLite store has anyway (better-sqlite3 is synchronous), and
 * the server already keeps such calls off its main thread in reader threads, each with its
 * archive. A call costs a message each way (tens of microseconds) beside the query itself.
 */

/** Starts the thread: the built .js, or the TypeScript source through tsx. */
function startThread(data: unknown, transfer: MessagePort[]): Worker {
  const here = new URL(import.meta.url);
  const options = {
    workerData: data,
    transferList: transfer,
    resourceLimits: { codeRangeSizeMb: 32 },
  };
  if (!here.pathname.endsWith('.ts')) return new Worker(new URL('./pg-thread.js', here), options);
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./pg-thread.ts', here).href;
  const boot = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { ...options, eval: true });
}

function rebuild(error: { name: string; message: string; code?: string }): Error {
  switch (error.name) {
    case 'QueryError':
      return new QueryError(error.message);
    case 'TypeError':
      return new TypeError(error.message);
    case 'StoreError':
      return new StoreError(error.message);
    default: {
      const err = new Error(error.message);
      if (error.code !== undefined) (err as { code?: string }).code = error.code;
      return err;
    }
  }
}

/** A PostgreSQL archive with the synchronous interface. */
export class PgSyncStore implements Archive {
  readonly url: string;
  readonly #worker: Worker;
  readonly #port: MessagePort;
  readonly #flag: Int32Array;
  #open = true;

  constructor(url: string, options: PgStoreOptions = {}) {
    this.url = url;
    const signal = new SharedArrayBuffer(4);
    this.#flag = new Int32Array(signal);
    const { port1, port2 } = new MessageChannel();
    this.#port = port1;
    this.#worker = startThread({ url, options, signal, port: port2 }, [port2]);
    this.#worker.unref();
    port1.unref();
    try {
      this.#wait();
    } catch (err) {
      this.#open = false;
      void this.#worker.terminate();
      throw err instanceof StoreError ? err : new StoreError((err as Error).message);
    }
  }

  /** Waits for the thread's answer to the last message. */
  #wait(): unknown {
    for (;;) {
      Atomics.wait(this.#flag, 0, 0, 1000);
      const got = receiveMessageOnPort(this.#port);
      if (got === undefined) continue;
      Atomics.store(this.#flag, 0, 0);
      const message = got.message as {
        result?: unknown;
        error?: { name: string; message: string; code?: string };
      };
      if (message.error !== undefined) throw rebuild(message.error);
      return message.result;
    }
  }

  #call<T>(op: string, ...args: unknown[]): T {
    if (!this.#open) throw new StoreError(`${this.url}: the archive is closed`);
    Atomics.store(this.#flag, 0, 0);
    this.#port.postMessage({ op, args });
    return this.#wait() as T;
  }

  hasDocument(hash: string): boolean {
    return this.#call('hasDocument', hash);
  }
  putDocument(doc: DocumentInput): PutResult {
    return this.#call('putDocument', doc);
  }
  putDocuments(docs: readonly DocumentInput[]): BatchResult[] {
    return this.#call('putDocuments', docs);
  }
  slowPage(hash: string): SlowPage | undefined {
    return this.#call('slowPage', hash);
  }
  markSlow(page: SlowPage): void {
    this.#call('markSlow', page);
  }
  forgetSlow(hash: string): void {
    this.#call('forgetSlow', hash);
  }
  search(query: SearchQuery): SearchHit[] {
    return this.#call('search', query);
  }
  getArticle(id: number): StoredArticle | undefined {
    return this.#call('getArticle', id);
  }
  articlePage(id: number): PageNode | undefined {
    return this.#call('articlePage', id);
  }
  getStory(articleId: number): StoryRow | undefined {
    return this.#call('getStory', articleId);
  }
  compareOutlets(query: OutletQuery): OutletComparison {
    return this.#call('compareOutlets', query);
  }
  entities(query?: EntityQuery): EntityRow[] {
    return this.#call('entities', query);
  }
  quotes(query?: QuoteQuery): QuoteRow[] {
    return this.#call('quotes', query);
  }
  countQuotes(query: QuoteQuery, by: QuoteGroup): CountRow[] {
    return this.#call('countQuotes', query, by);
  }
  stances(query?: StanceQuery): StanceRow[] {
    return this.#call('stances', query);
  }
  countStances(query: StanceQuery, by: StanceGroup): CountRow[] {
    return this.#call('countStances', query, by);
  }
  countEntities(query?: EntityQuery): CountRow[] {
    return this.#call('countEntities', query);
  }
  totalEntities(query?: EntityQuery): number {
    return this.#call('totalEntities', query);
  }
  totalQuotes(query?: QuoteQuery): number {
    return this.#call('totalQuotes', query);
  }
  totalStances(query?: StanceQuery): number {
    return this.#call('totalStances', query);
  }
  facets(query: SearchQuery): SearchFacets {
    return this.#call('facets', query);
  }
  *#export<T>(kind: string, filter: ArchiveFilter): IterableIterator<T> {
    for (let after: number | string = kind === 'entities' ? '' : 0; ; ) {
      const page = this.#call<{ rows: T[]; last: number | string }>(
        'exportPage',
        kind,
        filter,
        after,
      );
      yield* page.rows;
      if (page.rows.length === 0 || page.last === after) return;
      after = page.last;
    }
  }
  exportArticles(filter: ArchiveFilter = {}): IterableIterator<ArticleRecord> {
    return this.#export('articles', filter);
  }
  exportQuotes(filter: ArchiveFilter = {}): IterableIterator<QuoteRow> {
    return this.#export('quotes', filter);
  }
  exportStances(filter: ArchiveFilter = {}): IterableIterator<StanceRow> {
    return this.#export('stances', filter);
  }
  exportEntities(): IterableIterator<EntityRow> {
    return this.#export('entities', {});
  }
  stats(): ArchiveStats {
    return this.#call('stats');
  }
  documentText(documentId: number): string | undefined {
    return this.#call('documentText', documentId);
  }
  documentArticles(documentId: number): number[] {
    return this.#call('documentArticles', documentId);
  }
  getEntity(name: string, options?: EntityOptions): EntityDetail | undefined {
    return this.#call('getEntity', name, options);
  }
  entityMentions(entity: string, query?: ArchiveFilter & Page & EntityOptions): EntityMention[] {
    return this.#call('entityMentions', entity, query);
  }
  cooccurring(entity: string, query?: ArchiveFilter & Page): CooccurrenceRow[] {
    return this.#call('cooccurring', entity, query);
  }
  timeline(query: SearchQuery): DayCount[] {
    return this.#call('timeline', query);
  }
  countMatches(query: SearchQuery): number {
    return this.#call('countMatches', query);
  }
  stories(query?: StoryQuery): StoryRow[] {
    return this.#call('stories', query);
  }
  totalStories(query?: StoryQuery): number {
    return this.#call('totalStories', query);
  }
  stanceGraph(query: GraphQuery): StanceGraph {
    return this.#call('stanceGraph', query);
  }
  /** Ends the connections and the thread. */
  close(): void {
    if (!this.#open) return;
    try {
      this.#call('close');
    } finally {
      this.#open = false;
      void this.#worker.terminate();
    }
  }
}
