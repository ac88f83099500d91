/**
 * The DNS-rebinding check (a server on loopback answers only requests addressed to it) is
 * decided from the address the socket bound, not from how --host spelled it.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { isLoopbackAddress, startServer } from '../src/serve/index.ts';
import { openStore, type SqliteStore } from '../src/store/index.ts';

let dir: string;
let archive: SqliteStore;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'jiedu-loopback-'));
  archive = openStore(join(dir, 'archive.db'));
});

after(() => {
  archive.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The status of GET /api/stats sent to 127.0.0.1:port with the given Host header. */
function ask(port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: '/api/stats', headers: { host } },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('loopback, however it is spelled', () => {
  test('bound addresses: 127.0.0.0/8, ::1 and IPv4-mapped 127.x are loopback; others not', () => {
    for (const a of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1', '::FFFF:127.0.0.2']) {
      assert.ok(isLoopbackAddress(a), a);
    }
    for (const a of ['0.0.0.0', '::', '10.0.0.1', '::ffff:10.0.0.1', '128.0.0.1']) {
      assert.ok(!isLoopbackAddress(a), a);
    }
  });

  for (const host of ['127.1', '0x7f.0.0.1', '2130706433']) {
    test(`--host ${host} binds loopback, and a rebound name is refused`, async () => {
      const running = await startServer({ archive, host, port: 0, log: () => {} });
      try {
        assert.equal(running.loopback, true);
        assert.equal(await ask(running.port, `evil.example:${running.port}`), 421);
        assert.equal(await ask(running.port, `127.0.0.1:${running.port}`), 200);
        assert.equal(await ask(running.port, `localhost:${running.port}`), 200);
      } finally {
        await running.close();
      }
    });
  }
});
