import pg from 'pg';

/**
 * The archive's connection to PostgreSQL: a pool of `pg` clients (node-postgres, the
 * maintained client most Node code uses; pure JavaScript, so nothing is built at install).
 * Queries are written with `?` placeholders, as the SQLite store's are, and numbered here
 * ($1, $2, …), so a query ported from the SQLite folder keeps its shape. Whole numbers come
 * back as numbers (count(*) and bigint columns included), not as strings.
 */

/** Whether `location` names a PostgreSQL server rather than a SQLite file. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(location);
}

/** The URL without its password, for messages. */
export function shownUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return url.replace(/:[^:@/]*@/, ':***@');
  }
}

/** bigint (20) and numeric (1700) as numbers: ids, counts and sums stay well below 2^53. */
const NUMERIC_OIDS = new Set([20, 1700]);
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (NUMERIC_OIDS.has(oid) && format !== 'binary') {
      return (value: string) => (value === null ? null : Number(value));
    }
    return pg.types.getTypeParser(oid, format ?? 'text');
  },
};

/** `?` placeholders numbered $1, $2, … (outside quoted literals and identifiers). */
export function numbered(sql: string): string {
  let out = '';
  let n = 0;
  let quote: string | null = null;
  for (const ch of sql) {
    if (quote !== null) {
      if (ch === quote) quote = null;
      out += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      out += ch;
    } else if (ch === '?') {
      out += `$${++n}`;
    } else {
      out += ch;
    }
  }
  return out;
}

/** What runs queries: the pool, or one client inside a transaction. */
export interface Queryable {
  query(sql: string, params?: readonly unknown[]): Promise<pg.QueryResult>;
}

/** Queries over a pool or a transaction's client, with `?` placeholders. */
export class Sql {
  readonly #on: Queryable;

  constructor(on: Queryable) {
    this.#on = on;
  }

  async all<T = Record<string, unknown>>(
    sql: string,
    params: readonly unknown[] = [],
  ): Promise<T[]> {
    const result = await this.#on.query(numbered(sql), params as unknown[]);
    return result.rows as T[];
  }

  async get<T = Record<string, unknown>>(
    sql: string,
    params: readonly unknown[] = [],
  ): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  async run(sql: string, params: readonly unknown[] = []): Promise<number> {
    const result = await this.#on.query(numbered(sql), params as unknown[]);
    return result.rowCount ?? 0;
  }

  /** Several statements without parameters, in one round trip. */
  async exec(sql: string): Promise<void> {
    await this.#on.query(sql);
  }
}

/** Options for a pool. */
export interface PoolOptions {
  /** Connections at most (default 4). */
  max?: number;
  /** Longest one statement may run (ms); default 60000. */
  statementTimeout?: number;
}

/** A pool for `url`; the first connection is made (and checked) by {@link connect}. */
export function createPool(url: string, options: PoolOptions = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 4,
    types: types as unknown as pg.CustomTypesConfig,
    statement_timeout: options.statementTimeout ?? 60_000,
    connectionTimeoutMillis: 10_000,
    application_name: 'jiedu',
  });
  // An idle client that loses its server is dropped by the pool; without a listener the
  // error would end the process.
  pool.on('error', () => {});
  return pool;
}

/** The message of a failed connection, plainly: which server, and why. */
export function connectError(url: string, err: unknown): string {
  const e = err as { code?: string; message?: string };
  const why =
    e.code === 'ECONNREFUSED'
      ? 'connection refused (is the server running, and on that port?)'
      : e.code === 'ENOTFOUND'
        ? 'no such host'
        : e.code === '28P01'
          ? 'password authentication failed'
          : e.code === '3D000'
            ? 'no such database'
            : (e.message ?? String(err));
  return `cannot connect to ${shownUrl(url)}: ${why}`;
}

/** Runs `work` in a transaction on one client of the pool; rolled back when it throws. */
export async function transaction<T>(pool: pg.Pool, work: (sql: Sql) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(new Sql(client));
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}
