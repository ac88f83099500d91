import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { transient } from '../src/queue/page-queue.ts';
import { openPgArchive } from '../src/store/index.ts';
import { createTestDatabase, dropTestDatabases, PG_SKIP } from './helpers/backends.ts';
import { BIN, runJiedu, spawnCaptured } from './helpers/cli.ts';

/**
 * Ingest by workers on the PostgreSQL queue: `ingest --queue`, then `jiedu worker`
 * processes, store every page exactly once, even when one of them is killed (SIGKILL) in
 * the middle of its work: the archive then equals a clean ingest of the same pages.
 * Skipped, with a message, without a PostgreSQL server (JIEDU_TEST_PG).
 */

const skip = PG_SKIP === null ? undefined : `PostgreSQL half skipped: ${PG_SKIP}`;
const PAGES = 'samples';

/** What an archive holds, without its ids (workers store pages in another order than a
 * clean ingest): every document by hash with its articles' text, entities and keywords,
 * and the stories as groups of (hash, article) pairs. */
async function contents(url: string) {
  const archive = await openPgArchive(url);
  try {
    const docs = await archive.pool.query<{ hash: string; id: number }>(
      'SELECT hash, id FROM documents ORDER BY hash',
    );
    const hashOf = new Map(docs.rows.map((r) => [Number(r.id), r.hash]));
    const articles: string[] = [];
    const keyOf = new Map<number, string>();
    for await (const a of archive.exportArticles()) {
      const key = `${hashOf.get(a.documentId)}#${a.index}`;
      keyOf.set(a.id, key);
      // Entities mentioned equally often are listed in entity-id order, which follows the
      // order pages were stored in: compared as a set.
      const entities = [...a.entities].sort();
      articles.push(
        JSON.stringify([key, a.headline, a.text, entities, a.keywords, a.outlet, a.date]),
      );
    }
    const stories = await archive.pool.query<{ story: number; id: number }>(
      'SELECT story, id FROM articles ORDER BY id',
    );
    const groups = new Map<number, string[]>();
    for (const r of stories.rows) {
      const list = groups.get(Number(r.story)) ?? [];
      list.push(keyOf.get(Number(r.id)) as string);
      groups.set(Number(r.story), list);
    }
    const stats = await archive.stats();
    return {
      hashes: docs.rows.map((r) => r.hash),
      articles: articles.sort(),
      stories: [...groups.values()].map((g) => g.sort().join(' ')).sort(),
      counts: { ...stats, fileBytes: 0, inputBytes: stats.inputBytes },
    };
  } finally {
    await archive.close();
  }
}

async function queueState(url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const rows = await client.query<{ state: string; n: string }>(
      "SELECT state::text AS state, count(*) AS n FROM pgboss.job WHERE name = 'jiedu-pages' GROUP BY state",
    );
    return Object.fromEntries(rows.rows.map((r) => [r.state, Number(r.n)]));
  } finally {
    await client.end();
  }
}

describe('ingest by workers on a PostgreSQL queue', { skip }, () => {
  let clean: string;
  let queued: string;

  before(async () => {
    clean = await createTestDatabase();
    queued = await createTestDatabase();
    const run = await runJiedu(['ingest', PAGES, '--db', clean]);
    assert.equal(run.code, 0, run.stderr);
  });
  after(dropTestDatabases);

  test('pages are queued once; two workers, one killed mid-run, store each exactly once', async () => {
    const first = await runJiedu([
      'ingest',
      PAGES,
      '--db',
      queued,
      '--queue',
      '--job-timeout',
      '3',
    ]);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stderr, /45 queued, 0 already/);
    const again = await runJiedu(['ingest', PAGES, '--db', queued, '--queue']);
    assert.match(again.stderr, /0 queued, 45 already stored or queued/);

    // A worker that is killed while it holds a page.
    const env = { JIEDU_FROM_SOURCE: '1', NO_COLOR: '1' };
    const doomed = spawnCaptured([BIN, 'worker', '--db', queued, '--job-timeout', '3'], { env });
    let active = 0;
    for (let i = 0; i < 600 && active === 0; i++) {
      await sleep(50);
      active = (await queueState(queued).catch(() => ({}) as Record<string, number>)).active ?? 0;
    }
    assert.ok(active > 0, 'the first worker took a page');
    await sleep(300);
    doomed.child.kill('SIGKILL');
    const killed = await doomed.exited;
    assert.equal(killed.signal, 'SIGKILL');
    const left = await queueState(queued);
    assert.ok((left.created ?? 0) + (left.retry ?? 0) + (left.active ?? 0) > 0, 'work was left');

    // Two workers finish the queue, the killed worker's page included once its job times out.
    const workers = [0, 1].map(() =>
      runJiedu(['worker', '--db', queued, '--until-idle', '--job-timeout', '3'], { env }),
    );
    const done = await Promise.all(workers);
    for (const w of done) assert.equal(w.code, 0, w.stderr);
    const state = await queueState(queued);
    assert.equal(state.completed, 45);
    assert.equal(state.failed ?? 0, 0);

    assert.deepEqual(await contents(queued), await contents(clean));
  });
});

describe('what a worker retries', () => {
  test('a lost connection is tried again; a page the archive refuses is not', () => {
    assert.equal(
      transient(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })),
      true,
    );
    assert.equal(transient(new Error('Connection terminated unexpectedly')), true);
    assert.equal(
      transient(Object.assign(new Error('terminating connection'), { code: '57P01' })),
      true,
    );
    assert.equal(transient(Object.assign(new Error('deadlock detected'), { code: '40P01' })), true);
    assert.equal(
      transient(new TypeError("putDocument: `doc.date` must be YYYY-MM-DD, not '7941-00-12'")),
      false,
    );
    assert.equal(transient(Object.assign(new Error('value too long'), { code: '22001' })), false);
  });
});
