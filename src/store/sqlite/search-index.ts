import type Database from 'better-sqlite3';

/**
 * The full-text index, cut by article id into partitions of PARTITION_SIZE articles, each a
 * contentless FTS5 table over the index stream (search/index-stream.ts); the `ascii`
 * tokenizer splits at the stream's spaces and leaves its Chinese tokens alone.
 *
 * Why partitions: FTS5's bm25() first counts, for every phrase of the query, the articles
 * that contain it, reading the phrase's whole list of articles (about 25 ns an article).
 * In one index of a million articles a common word (发展, 合作) costs 25 ms before a single
 * result is ranked. A search reads the partitions newest first and stops once it holds
 * enough matches to rank, so that count never reads more than a partition or two, whatever
 * the archive's size; BM25's statistics come from the partitions read, which for a large
 * partition differ little from the whole archive's.
 */

/** Articles per partition: ids 0–65535 in the first, 65536–131071 in the next, … The
 * archive records its own (settings.search_partition_size), fixed once it indexes. */
export const PARTITION_SIZE = 65_536;

/** The setting that holds an archive's partition size. */
export const PARTITION_SETTING = 'search_partition_size';

/** The FTS5 table of a partition. */
export function partitionTable(partition: number): string {
  return `article_search_${partition}`;
}

const TABLE_NAME = /^article_search_(\d+)$/;

/** The partitions a connection sees, newest first, and the writes into them. */
export class SearchIndex {
  readonly #db: Database.Database;
  #schemaVersion = -1;
  #partitions: number[] = [];
  readonly #inserts = new Map<number, Database.Statement>();
  readonly #size: number;

  constructor(db: Database.Database) {
    this.#db = db;
    const row = db
      .prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?')
      .get(PARTITION_SETTING);
    this.#size = row === undefined ? PARTITION_SIZE : Number(row.value);
  }

  /** Articles per partition in this archive. */
  get size(): number {
    return this.#size;
  }

  /** The partition an article id belongs to. */
  partitionOf(articleId: number): number {
    return Math.floor(articleId / this.#size);
  }

  /** Every partition, newest first; re-read when another connection changed the schema. */
  partitions(): readonly number[] {
    const version = this.#db.pragma('schema_version', { simple: true }) as number;
    if (version !== this.#schemaVersion) {
      this.#schemaVersion = version;
      this.#partitions = this.#db
        .prepare<[], { name: string }>(
          "SELECT name FROM sqlite_schema WHERE type = 'table' AND name GLOB 'article_search_[0-9]*'",
        )
        .all()
        .map((row) => TABLE_NAME.exec(row.name))
        .filter((m) => m !== null)
        .map((m) => Number(m[1]))
        .sort((a, b) => b - a);
    }
    return this.#partitions;
  }

  /** Indexes an article's stream, creating its partition on first use. Call inside the
   * article's transaction. */
  insert(articleId: number, stream: string): void {
    const partition = this.partitionOf(articleId);
    let insert = this.#inserts.get(partition);
    if (insert === undefined) {
      const table = partitionTable(partition);
      this.#db.exec(
        `CREATE VIRTUAL TABLE IF NOT EXISTS ${table} USING fts5 (
           tokens, content = '', contentless_delete = 1, tokenize = 'ascii'
         )`,
      );
      insert = this.#db.prepare(`INSERT INTO ${table} (rowid, tokens) VALUES (?, ?)`);
      this.#inserts.set(partition, insert);
    }
    insert.run(articleId, stream);
  }

  /** Forgets prepared inserts, after a rollback may have undone a partition's creation. */
  reset(): void {
    this.#inserts.clear();
    this.#schemaVersion = -1;
  }

  /**
   * `(SELECT rowid … UNION ALL …)`: the ids of every article that matches `match`, for an
   * IN clause, with its parameters; `(NULL)` when the index is empty.
   */
  matchingIds(match: string): { sql: string; params: string[] } {
    const partitions = this.partitions();
    if (partitions.length === 0) return { sql: '(NULL)', params: [] };
    const parts = partitions.map((p) => {
      const t = partitionTable(p);
      return `SELECT rowid FROM ${t} WHERE ${t} MATCH ?`;
    });
    return { sql: `(${parts.join(' UNION ALL ')})`, params: partitions.map(() => match) };
  }
}
