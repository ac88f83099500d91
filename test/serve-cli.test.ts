import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runJiedu } from './helpers/cli.ts';
import { spawnServing } from './helpers/serve-process.ts';
import { SIMP_PAGE, TRAD_PAGE } from './helpers/store-pages.ts';

/* `jiedu serve` as a user runs it: the binary, an archive on disk, signals to stop it. */

let dir = '';
let db = '';

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jiedu-serve-'));
  db = join(dir, 'archive.db');
  await writeFile(join(dir, 'trad.txt'), TRAD_PAGE);
  const ingested = await runJiedu(['ingest', 'trad.txt', '--db', db, '--workers', '1'], {
    cwd: dir,
  });
  assert.equal(ingested.code, 0, ingested.stderr);
});

after(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('jiedu serve', () => {
  test('serves the archive read-only on loopback and stops cleanly on SIGTERM', async () => {
    const serving = await spawnServing(['serve', '--db', db, '--port', '0'], { cwd: dir });
    assert.match(serving.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    assert.match(serving.stdout(), /read-only/);
    const stats = await fetch(new URL('/api/stats', serving.url));
    assert.equal(((await stats.json()) as { documents: number }).documents, 1);
    const ingest = await fetch(new URL('/api/ingest', serving.url), {
      method: 'POST',
      body: SIMP_PAGE,
    });
    assert.equal(ingest.status, 403);
    const run = await serving.stop('SIGTERM');
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /jiedu serve: stopped/);
  });

  test('$JIEDU_TOKEN opens ingest to requests that carry it', async () => {
    const token = 'env-token-abcdef';
    const serving = await spawnServing(['serve', '--db', db, '--port', '0'], {
      cwd: dir,
      env: { JIEDU_TOKEN: token },
    });
    try {
      assert.doesNotMatch(serving.stdout(), /read-only/);
      const stored = await fetch(new URL('/api/ingest?source=simp.txt', serving.url), {
        method: 'POST',
        body: SIMP_PAGE,
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(stored.status, 201);
    } finally {
      const run = await serving.stop('SIGINT');
      assert.equal(run.code, 0, run.stderr);
    }
  });

  test('a missing archive, a busy port: exit 1 with the reason', async () => {
    const missing = await runJiedu(['serve', '--db', join(dir, 'none.db'), '--port', '0'], {
      cwd: dir,
    });
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /no archive there/);
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const busy = await runJiedu(['serve', '--db', db, '--port', String(port)], { cwd: dir });
      assert.equal(busy.code, 1);
      assert.match(busy.stderr, new RegExp(`port ${port} is in use`));
    } finally {
      blocker.close();
    }
  });

  test('a bad port or a short token is a usage error: exit 2', async () => {
    for (const args of [
      ['--port', '70000'],
      ['--port', 'http'],
      ['--token', 'short'],
    ]) {
      const r = await runJiedu(['serve', '--db', db, ...args], { cwd: dir });
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, /jiedu serve: .*\nRun 'jiedu help serve'/);
    }
  });
});
