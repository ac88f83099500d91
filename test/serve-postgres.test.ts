import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createTestDatabase, dropTestDatabases, PG_SKIP } from './helpers/backends.ts';
import { runJiedu } from './helpers/cli.ts';
import { type Serving, spawnServing } from './helpers/serve-process.ts';

/**
 * `jiedu serve --db postgres://…`: several server processes over one PostgreSQL archive at
 * once (stateless: any of them answers any request), answering the API as a server over a
 * SQLite archive of the same pages does; a page posted to one (with the token) is found
 * through the other. Skipped, with a message, without a PostgreSQL server (JIEDU_TEST_PG).
 */

const skip = PG_SKIP === null ? undefined : `PostgreSQL half skipped: ${PG_SKIP}`;
const TOKEN = 'serve-postgres-token';

/** GET requests whose answers must agree (search scores aside). */
const PATHS = [
  '/api/search?q=中国&copies=1&limit=100',
  '/api/search?q=習近平 OR 林國棟&copies=1&limit=50',
  '/api/search?q=外交部&sort=newest&offset=3',
  '/api/search?q="南海" NOT 菲律宾&outlet=新华社',
  '/api/search?script=traditional',
  '/api/facets?q=合作',
  '/api/timeline?q=制裁',
  '/api/entities?type=PER&limit=30',
  '/api/entities/PER:林国栋',
  '/api/entities/PER:林国栋/mentions',
  '/api/entities/LOC:中国/cooccurring',
  '/api/quotes?limit=50',
  '/api/quotes?speaker=周晴',
  '/api/stances?limit=50',
  '/api/graph',
  '/api/stories?limit=50',
  '/api/articles/7',
  '/api/articles/999999',
  // A story's repeated quotes and stances once, and every copy's.
  '/api/quotes?limit=50&copies=1',
  '/api/stances?limit=50&copies=1',
  '/api/stances?class=oppose',
  '/api/timeline?q=制裁&copies=1',
  '/api/graph?copies=1',
  '/api/entities/PER:林国栋?copies=1',
  '/api/outlets',
  '/api/outlets?copies=1&outlets=3&speakers=2',
  '/api/outlets?q=中国',
  '/api/stories/7',
  '/api/stories/999999',
  '/api/compare?a=7&b=8',
  '/api/compare?a=1&b=999999',
];

async function json(server: Serving, path: string): Promise<{ status: number; body: unknown }> {
  const answer = await fetch(new URL(encodeURI(path), server.url));
  return { status: answer.status, body: await answer.json() };
}

/** A body without what differs by design: search scores, and the archive's own figures. */
function comparable(body: unknown): unknown {
  return JSON.parse(JSON.stringify(body), (key, value) =>
    key === 'score' || key === 'fileBytes' || key === 'schemaVersion' || key === 'storedAt'
      ? undefined
      : value,
  );
}

describe('serving a PostgreSQL archive from several processes', { skip }, () => {
  let dir: string;
  let url: string;
  const servers: Serving[] = [];
  let lite: Serving;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jiedu-serve-pg-'));
    url = await createTestDatabase();
    const file = join(dir, 'archive.db');
    for (const db of [url, file]) {
      // One worker: pages stored in the order read, so both archives number them alike.
      const run = await runJiedu(['ingest', 'samples', '--db', db, '--workers', '1']);
      assert.equal(run.code, 0, run.stderr);
    }
    const env = { JIEDU_TOKEN: TOKEN };
    for (let i = 0; i < 2; i++)
      servers.push(await spawnServing(['serve', '--db', url, '--port', '0'], { env }));
    lite = await spawnServing(['serve', '--db', file, '--port', '0']);
  });
  after(async () => {
    await Promise.all([...servers, lite].filter(Boolean).map((s) => s.stop()));
    await dropTestDatabases();
    rmSync(dir, { recursive: true, force: true });
  });

  test('both processes answer as the SQLite server does', async () => {
    for (const path of PATHS) {
      const [a, b, c] = await Promise.all([
        json(servers[0] as Serving, path),
        json(servers[1] as Serving, path),
        json(lite, path),
      ]);
      assert.deepEqual(a, b, path);
      assert.equal(a.status, c.status, path);
      if (path.startsWith('/api/search?q=中国') || path.startsWith('/api/search?q=習近平')) {
        // Ranked by different scores: the same hits, perhaps in another order.
        const ids = (x: unknown) =>
          (x as { hits: { articleId: number }[] }).hits.map((h) => h.articleId).sort();
        assert.deepEqual(ids(a.body), ids(c.body), path);
      } else {
        assert.deepEqual(comparable(a.body), comparable(c.body), path);
      }
    }
  });

  test('a page posted to one process is found through the other', async () => {
    const page =
      '中俄舉行戰略安全磋商\n\n新華社北京6月3日電 中俄兩國代表在北京舉行戰略安全磋商，雙方同意加強協調。\n';
    const post = (server: Serving) =>
      fetch(new URL('/api/ingest?source=api-test&date=2024-06-03', server.url), {
        method: 'POST',
        body: page,
        headers: { authorization: `Bearer ${TOKEN}` },
      });
    const first = await post(servers[0] as Serving);
    assert.equal(first.status, 201);
    const stored = (await first.json()) as { articles: number[] };
    const again = await post(servers[1] as Serving);
    assert.equal(again.status, 200);
    const found = await json(servers[1] as Serving, '/api/search?q=战略安全磋商');
    assert.deepEqual(
      (found.body as { hits: { articleId: number }[] }).hits.map((h) => h.articleId),
      stored.articles,
    );
  });

  test('a server whose PostgreSQL cannot be reached says so and exits', async () => {
    const run = await runJiedu([
      'serve',
      '--db',
      'postgres://nobody:secret@127.0.0.1:1/none',
      '--port',
      '0',
    ]);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /cannot connect to postgres:\/\/nobody:\*\*\*@127\.0\.0\.1:1\/none/);
    assert.doesNotMatch(run.stderr, /secret/);
  });
});
