import type {
  Archive,
  ArchiveFilter,
  ArticleRecord,
  EntityRow,
  QuoteRow,
  StanceRow,
} from './types.ts';

/**
 * The archive's contract for a store reached over the network (PostgreSQL): every query of
 * `Archive`, returning a promise, and exports as async iterables. The synchronous
 * `Archive` stays what the CLI and the server call; a PostgreSQL archive serves it through
 * a connection thread (postgres/sync-store.ts), and code that is asynchronous anyway (the
 * queue's workers, the benchmark) uses this interface directly.
 */
type Exports = 'exportArticles' | 'exportQuotes' | 'exportStances' | 'exportEntities';

export type AsyncArchive = {
  [K in Exclude<keyof Archive, Exports>]-?: Archive[K] extends
    | ((...args: infer A) => infer R)
    | undefined
    ? (...args: A) => Promise<R>
    : never;
} & {
  exportArticles(filter?: ArchiveFilter): AsyncIterable<ArticleRecord>;
  exportQuotes(filter?: ArchiveFilter): AsyncIterable<QuoteRow>;
  exportStances(filter?: ArchiveFilter): AsyncIterable<StanceRow>;
  exportEntities(): AsyncIterable<EntityRow>;
};
