import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type RunningServer, startServer } from '../src/serve/index.ts';
import { openStore, type SqliteStore } from '../src/store/index.ts';
import { call, fillTestArchive, ingest, makeWebRoot, TOKEN } from './helpers/serve.ts';
import { G20_PAGE } from './helpers/store-pages.ts';

/*
 * The server with reader threads: the same answers as on the main thread, writes seen by
 * the readers, and a request that runs past the time limit stopped with a 503 while the
 * server goes on.
 */

let dir = '';
let db = '';
let archive: SqliteStore;
let webRoot = '';

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'jiedu-readers-'));
  db = join(dir, 'archive.db');
  archive = openStore(db);
  fillTestArchive(archive);
  webRoot = makeWebRoot();
});

after(() => {
  archive.close();
  rmSync(dir, { recursive: true, force: true });
  rmSync(webRoot, { recursive: true, force: true });
});

const PATHS = [
  '/api/stats',
  '/api/search?q=%E5%88%B6%E8%A3%81',
  '/api/search?q=(',
  '/api/articles/4',
  '/api/articles/5',
  '/api/articles/999',
  '/api/entities?type=PER',
  `/api/entities/${encodeURIComponent('PER:习近平')}`,
  '/api/quotes?by=speaker',
  '/api/stances?class=oppose',
  '/api/stances.csv',
  '/api/timeline?q=%E5%88%B6%E8%A3%81',
  '/api/graph',
  '/api/graph?min=0',
];

/** A server over the archive file with reader threads, ingest open to the test token. */
function startThreaded(readers: { size: number; timeLimitMs?: number }): Promise<RunningServer> {
  return startServer({
    archive,
    port: 0,
    webRoot,
    token: TOKEN,
    log: () => {},
    readers: { path: db, ...readers },
  });
}

describe('reader threads', () => {
  test('answer every route as the main thread does', async () => {
    const main = await startServer({ archive, port: 0, webRoot, log: () => {} });
    const threaded = await startServer({
      archive,
      port: 0,
      webRoot,
      log: () => {},
      readers: { path: db, size: 2 },
    });
    try {
      for (const path of PATHS) {
        const [a, b] = await Promise.all([call(main.url, path), call(threaded.url, path)]);
        assert.equal(b.status, a.status, path);
        assert.equal(b.text, a.text, path);
      }
      const [a, b] = await Promise.all(
        [main, threaded].map((s) => call(s.url, '/api/parse', { method: 'POST', body: G20_PAGE })),
      );
      assert.equal(b?.status, 200);
      assert.equal(b?.text, a?.text);
    } finally {
      await main.close();
      await threaded.close();
    }
  });

  test('see what ingest (on the main thread) just stored', async () => {
    const server = await startThreaded({ size: 1 });
    try {
      const page =
        '瀾湄合作部長會在昆明舉行\n\n新華社昆明7月1日電 瀾湄合作外長會今日在昆明舉行。\n';
      const stored = await ingest(server.url, page);
      assert.equal(stored.status, 201);
      const hits = await call(server.url, '/api/search?q=%E6%BE%9C%E6%B9%84%E5%90%88%E4%BD%9C');
      assert.deepEqual(
        hits.json.hits.map((h: { articleId: number }) => h.articleId),
        stored.json.articles,
      );
    } finally {
      await server.close();
    }
  });

  test('a request past the time limit is a 503 (parse, ingest), and the server goes on', async () => {
    const server = await startThreaded({ size: 1, timeLimitMs: 100 });
    try {
      // Warm the reader up (its start-up is not the request's time).
      assert.equal((await call(server.url, '/api/stats')).status, 200);
      // A page of about 430 KB: parsing and annotating it takes a second or more.
      const big = Array.from({ length: 1500 }, () => G20_PAGE).join('\n');
      const slow = await call(server.url, '/api/parse', {
        method: 'POST',
        body: big,
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      assert.equal(slow.status, 503);
      assert.equal(slow.json.error, 'timeout');
      // Ingest parses and annotates on a reader too, under the same limit; nothing stored.
      const before = archive.stats().documents;
      const refused = await ingest(server.url, big);
      assert.equal(refused.status, 503);
      assert.equal(refused.json.error, 'timeout');
      assert.equal(archive.stats().documents, before);
      const after = await call(server.url, '/api/stats');
      assert.equal(after.status, 200);
      assert.equal(after.json.documents, archive.stats().documents);
    } finally {
      await server.close();
    }
  });
});
