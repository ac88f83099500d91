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

/** An export of a synchronous archive as an async iterable, a row at a time. */
async function* rowsOf<T>(rows: Iterable<T>): AsyncIterable<T> {
  for (const row of rows) yield row;
}

/**
 * A synchronous archive (the SQLite store) behind the asynchronous interface, so code
 * written for `AsyncArchive` runs on either backend. Each call runs at once and its result
 * comes back as a settled promise: no thread, no change in what it returns or throws (a
 * throw becomes a rejection).
 */
export function asyncArchive(archive: Archive): AsyncArchive {
  const wrap =
    <A extends unknown[], R>(call: (...args: A) => R) =>
    async (...args: A): Promise<R> =>
      call(...args);
  return {
    hasDocument: wrap((hash: string) => archive.hasDocument(hash)),
    putDocument: wrap((doc: Parameters<Archive['putDocument']>[0]) => archive.putDocument(doc)),
    putDocuments: wrap((docs: readonly Parameters<Archive['putDocument']>[0][]) =>
      archive.putDocuments === undefined
        ? docs.map((doc) => {
            try {
              return { result: archive.putDocument(doc) };
            } catch (err) {
              return { error: err instanceof Error ? err : new Error(String(err)) };
            }
          })
        : archive.putDocuments(docs),
    ),
    slowPage: wrap((hash: string) => archive.slowPage?.(hash)),
    markSlow: wrap((page: Parameters<NonNullable<Archive['markSlow']>>[0]) => {
      archive.markSlow?.(page);
    }),
    forgetSlow: wrap((hash: string) => {
      archive.forgetSlow?.(hash);
    }),
    close: wrap(() => archive.close()),
    search: wrap(archive.search.bind(archive)),
    getArticle: wrap(archive.getArticle.bind(archive)),
    articlePage: wrap(archive.articlePage.bind(archive)),
    getStory: wrap(archive.getStory.bind(archive)),
    compareOutlets: wrap(archive.compareOutlets.bind(archive)),
    entities: wrap(archive.entities.bind(archive)),
    quotes: wrap(archive.quotes.bind(archive)),
    countQuotes: wrap(archive.countQuotes.bind(archive)),
    stances: wrap(archive.stances.bind(archive)),
    countStances: wrap(archive.countStances.bind(archive)),
    countEntities: wrap(archive.countEntities.bind(archive)),
    totalEntities: wrap(archive.totalEntities.bind(archive)),
    totalQuotes: wrap(archive.totalQuotes.bind(archive)),
    totalStances: wrap(archive.totalStances.bind(archive)),
    facets: wrap(archive.facets.bind(archive)),
    stats: wrap(archive.stats.bind(archive)),
    documentText: wrap(archive.documentText.bind(archive)),
    documentArticles: wrap(archive.documentArticles.bind(archive)),
    getEntity: wrap(archive.getEntity.bind(archive)),
    entityMentions: wrap(archive.entityMentions.bind(archive)),
    cooccurring: wrap(archive.cooccurring.bind(archive)),
    timeline: wrap(archive.timeline.bind(archive)),
    countMatches: wrap(archive.countMatches.bind(archive)),
    stories: wrap(archive.stories.bind(archive)),
    totalStories: wrap(archive.totalStories.bind(archive)),
    stanceGraph: wrap(archive.stanceGraph.bind(archive)),
    exportArticles: (filter) => rowsOf(archive.exportArticles(filter)),
    exportQuotes: (filter) => rowsOf(archive.exportQuotes(filter)),
    exportStances: (filter) => rowsOf(archive.exportStances(filter)),
    exportEntities: () => rowsOf(archive.exportEntities()),
  };
}
