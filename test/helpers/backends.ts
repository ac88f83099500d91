import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Archive, openArchive, openStore } from '../../src/store/index.ts';

/**
 * The store's tests run on both backends: SQLite always, PostgreSQL when JIEDU_TEST_PG
 * names a server that answers (a URL of a role that may create databases; `.ci/run` sets
 * one up). Each archive a test opens on PostgreSQL is a database of its own, created for it
 * and dropped at the end, so test files running at once never meet. Without a server the
 * PostgreSQL half is skipped, and says so.
 */

export interface Backend {
  name: 'sqlite' | 'postgres';
  /** A new, empty archive. */
  open(options?: { rankWindow?: number }): Archive;
  /** Where the last archive opened lives (a file path or a postgres:// URL). */
  location(): string;
}

export const PG_URL = process.env.JIEDU_TEST_PG ?? '';

/** Why the PostgreSQL half cannot run, or null when it can. */
async function pgProblem(): Promise<string | null> {
  if (PG_URL === '') return 'JIEDU_TEST_PG is not set';
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (err) {
    return `cannot connect to JIEDU_TEST_PG (${(err as Error).message})`;
  } finally {
    await client.end().catch(() => {});
  }
}

export const PG_SKIP = await pgProblem();

const created: string[] = [];

/** A new, empty database on the test server; its URL. Dropped by {@link dropTestDatabases}. */
export async function createTestDatabase(): Promise<string> {
  const name = `jiedu_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  created.push(name);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Drops a database, ending its connections first. A connection the test role may not end
 * (an autovacuum worker, which runs as the superuser) makes FORCE fail with 42501: it
 * finishes within moments, so the drop is tried again a few times.
 */
async function dropDatabase(client: pg.Client, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      return;
    } catch (err) {
      if ((err as { code?: string }).code !== '42501' || attempt === 20) throw err;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/** Drops the databases this process created (their connections ended first). */
export async function dropTestDatabases(): Promise<void> {
  if (created.length === 0) return;
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    for (const name of created.splice(0)) await dropDatabase(client, name);
  } finally {
    await client.end();
  }
}

/** Databases made ahead, so that `open` stays synchronous as the SQLite one is. */
const ready: string[] = [];

/** Makes `n` databases ahead for the PostgreSQL backend's `open` (call in a `before`). */
export async function prepareDatabases(n: number): Promise<void> {
  if (PG_SKIP !== null) return;
  for (let i = 0; i < n; i++) ready.push(await createTestDatabase());
}

let last = '';

export const SQLITE: Backend = {
  name: 'sqlite',
  open: (options = {}) => {
    last = ':memory:';
    return openStore(':memory:', options);
  },
  location: () => last,
};

export const POSTGRES: Backend = {
  name: 'postgres',
  open: (options = {}) => {
    const url = ready.shift();
    if (url === undefined) throw new Error('POSTGRES.open: call prepareDatabases first');
    last = url;
    return openArchive(url, options);
  },
  location: () => last,
};

/** The backends to run on, each with the note to skip it (undefined: run). */
export const BACKENDS: readonly { backend: Backend; skip: string | undefined }[] = [
  { backend: SQLITE, skip: undefined },
  {
    backend: POSTGRES,
    skip: PG_SKIP === null ? undefined : `PostgreSQL half skipped: ${PG_SKIP}`,
  },
];

if (PG_SKIP !== null && process.env.JIEDU_TEST_PG_QUIET === undefined) {
  process.stderr.write(`# PostgreSQL half of the store tests skipped: ${PG_SKIP}\n`);
}
