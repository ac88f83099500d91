import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type RunningServer, type ServeOptions, startServer } from '../src/serve/index.ts';
import { OpenParseGate } from '../src/serve/open-parse.ts';
import { openStore, type SqliteStore } from '../src/store/index.ts';
import { call, fillTestArchive, makeWebRoot, TOKEN } from './helpers/serve.ts';
import { G20_PAGE } from './helpers/store-pages.ts';

/*
 * The server's open door: POST /api/parse without the token is held to a smaller page, a
 * rate per client, one page at a time and a shorter time, so two slow pages cannot take
 * both readers from the searches. With the token the usual limits apply. And a client that
 * sends its headers slowly is cut off at the header limit, not half a minute later.
 */

let dir = '';
let db = '';
let archive: SqliteStore;
let webRoot = '';

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'jiedu-limits-'));
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

function start(options: Partial<ServeOptions> = {}): Promise<RunningServer> {
  return startServer({
    archive,
    port: 0,
    webRoot,
    token: TOKEN,
    log: () => {},
    readers: { path: db, size: 2 },
    ...options,
  });
}

/** A server whose open parse gets `timeLimitMs` (pages up to 2 MB), and the lines it logs. */
async function startOpenLogged(
  timeLimitMs: number,
): Promise<{ server: RunningServer; lines: string[] }> {
  const lines: string[] = [];
  const server = await start({
    openParse: { timeLimitMs, maxBytes: 2 * 1024 * 1024 },
    log: (line) => lines.push(line),
  });
  return { server, lines };
}

const post = (body: string, token?: string) =>
  ({
    method: 'POST',
    body,
    ...(token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } }),
  }) as const;

/** A page of about `kb` KB of composed news text. */
const pageOf = (kb: number) =>
  Array.from({ length: Math.ceil((kb * 1024) / Buffer.byteLength(G20_PAGE)) }, () => G20_PAGE).join(
    '\n',
  );

describe('the open parse gate', () => {
  test('counts requests per address in a sliding minute and says when to come back', () => {
    const gate = new OpenParseGate({ perMinute: 2, atOnce: 5 });
    gate.admit('a', 0)();
    gate.admit('a', 10_000)();
    assert.throws(
      () => gate.admit('a', 20_000),
      (err: Error & { status?: number; headers?: Record<string, string> }) =>
        err.status === 429 && err.headers?.['retry-after'] === '40',
    );
    // Another address has its own count; the first is let in again once a minute passed.
    gate.admit('b', 20_000)();
    gate.admit('a', 60_001)();
  });

  test('lets one page run at a time, and a released place is free again', () => {
    const gate = new OpenParseGate({ atOnce: 1 });
    const release = gate.admit('a', 0);
    assert.throws(() => gate.admit('b', 0), /one at a time/);
    release();
    release(); // twice is harmless
    gate.admit('b', 0)();
  });

  test('refuses limits that are not positive whole numbers', () => {
    assert.throws(() => new OpenParseGate({ perMinute: 0 }), /perMinute/);
    assert.throws(() => new OpenParseGate({ maxBytes: 1.5 }), /maxBytes/);
  });
});

describe('POST /api/parse without the token', () => {
  test('a page over the open size is a 413 that says the token lifts it', async () => {
    const server = await start({ openParse: { maxBytes: 64 * 1024 } });
    try {
      const big = pageOf(80);
      const open = await call(server.url, '/api/parse?annotate=0', post(big));
      assert.equal(open.status, 413);
      assert.match(open.json.message, /65536 bytes.*token/);
      const withToken = await call(server.url, '/api/parse?annotate=0', post(big, TOKEN));
      assert.equal(withToken.status, 200);
      // A wrong token is no token: the open limits apply.
      const wrong = await call(server.url, '/api/parse?annotate=0', post(big, 'not-the-token'));
      assert.equal(wrong.status, 413);
    } finally {
      await server.close();
    }
  });

  test('past its rate a client gets a 429 with Retry-After', async () => {
    const server = await start({ openParse: { perMinute: 2 } });
    try {
      const page = pageOf(2);
      for (let i = 0; i < 2; i++) {
        assert.equal((await call(server.url, '/api/parse', post(page))).status, 200);
      }
      const third = await call(server.url, '/api/parse', post(page));
      assert.equal(third.status, 429);
      assert.equal(third.json.error, 'too-many-requests');
      const wait = Number(third.headers.get('retry-after'));
      assert.ok(wait >= 1 && wait <= 60, `Retry-After ${wait}`);
      // The token holder is not counted.
      assert.equal((await call(server.url, '/api/parse', post(page, TOKEN))).status, 200);
    } finally {
      await server.close();
    }
  });

  test("a reader's first page is timed for its own work, not for loading the models", async () => {
    // Loading what annotation reads takes about two seconds on a fresh reader; a small page
    // then takes milliseconds. Both readers are fresh here, so the page meets the loading.
    const { server, lines } = await startOpenLogged(400);
    try {
      const answer = await call(server.url, '/api/parse', post(pageOf(2)));
      assert.equal(answer.status, 200, `${JSON.stringify(answer.json)}\n${lines.join('\n')}`);
      assert.ok(!lines.some((line) => /ran past/.test(line)), lines.join('\n'));
    } finally {
      await server.close();
    }
  });

  test('a slow page is stopped at the open time limit and logged; searches go on meanwhile', async () => {
    const { server, lines } = await startOpenLogged(1000);
    try {
      // Both readers warm (each has run a search), so the timing below is the search's own.
      const search = '/api/search?q=%E5%88%B6%E8%A3%81';
      const warm = await Promise.all([call(server.url, search), call(server.url, search)]);
      assert.deepEqual(
        warm.map((answer) => answer.status),
        [200, 200],
      );
      // About 1 MB: parsing and annotating it takes well over a second.
      const slowPage = pageOf(1000);
      let settled = false;
      const first = call(server.url, '/api/parse', post(slowPage)).finally(() => {
        settled = true;
      });
      // Give the first page time to reach its reader; a second one is refused, not queued.
      await new Promise((resolve) => setTimeout(resolve, 100));
      const second = await call(server.url, '/api/parse', post(pageOf(2)));
      assert.equal(second.status, 429);
      assert.match(second.json.message, /one at a time/);
      // The other reader answers searches while the page is parsed.
      const found = await call(server.url, search);
      assert.equal(found.status, 200);
      assert.equal(settled, false, 'the search was answered while the page was parsed');
      const slow = await first;
      assert.equal(slow.status, 503);
      assert.equal(slow.json.error, 'timeout');
      assert.ok(
        lines.some((line) => /POST \/api\/parse ran past 1 s/.test(line)),
        lines.join('\n'),
      );
      // The place is free again.
      assert.equal((await call(server.url, '/api/parse', post(pageOf(2)))).status, 200);
    } finally {
      await server.close();
    }
  });
});

describe('HTTP time limits', () => {
  test('headers sent too slowly are cut off at the header limit, not half a minute later', async () => {
    const server = await start({ timeouts: { headersMs: 1000 } });
    try {
      const socket = connect(server.port, '127.0.0.1');
      const started = performance.now();
      const answer = await new Promise<string>((resolve, reject) => {
        let text = '';
        socket.on('connect', () => socket.write('GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\n'));
        socket.on('data', (chunk) => {
          text += chunk.toString('latin1');
        });
        socket.on('close', () => resolve(text));
        socket.on('error', reject);
        setTimeout(() => {
          socket.destroy();
          reject(new Error('the connection was still open after 6 s'));
        }, 6000).unref();
      });
      const seconds = (performance.now() - started) / 1000;
      assert.ok(seconds < 3.5, `closed after ${seconds.toFixed(1)} s`);
      assert.match(answer, /^HTTP\/1\.1 408/);
    } finally {
      await server.close();
    }
  });
});
