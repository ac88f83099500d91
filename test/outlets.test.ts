import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { toSimplified } from '../src/normalize/index.ts';
import { type RunningServer, startServer } from '../src/serve/index.ts';
import { openStore, type SqliteStore } from '../src/store/index.ts';
import { runJiedu } from './helpers/cli.ts';
import { call, makeWebRoot, OpenApiChecker } from './helpers/serve.ts';
import { documentFor, SIMP_PAGE, TRAD_PAGE } from './helpers/store-pages.ts';

/*
 * Outlets compared: the meeting page printed by 文匯報 twice (as written and with CRLF line
 * ends) and by 大公报 in Simplified, and the ministry page by 新华社. Which outlets quote
 * whom, and their stances by class; an outlet's reprint counts once unless copies.
 */

let dir = '';
let db = '';
let archive: SqliteStore;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jiedu-outlets-'));
  db = join(dir, 'archive.db');
  archive = openStore(db);
  const put = (text: string, source: string, outlet: string, date: string) =>
    archive.putDocument(documentFor(text, { source, outlet, date }));
  put(TRAD_PAGE, 'wenwei-1.txt', '文匯報', '2024-05-16');
  put(toSimplified(TRAD_PAGE), 'takung.txt', '大公报', '2024-05-16');
  put(TRAD_PAGE.replace(/\n/g, '\r\n'), 'wenwei-2.txt', '文匯報', '2024-05-16');
  put(SIMP_PAGE, 'xinhua.txt', '新华社', '2024-05-17');
});

after(async () => {
  archive.close();
  await rm(dir, { recursive: true, force: true });
});

describe('outlets compared', () => {
  test('which outlets quote whom; a reprint counts once', () => {
    const c = archive.compareOutlets({});
    assert.deepEqual(
      c.outlets.map((o) => [o.outlet, o.quotes]),
      [
        ['新华社', 3],
        ['大公报', 2],
        ['文匯報', 2],
      ],
    );
    const whom = (outlet: string) =>
      c.quotes
        .filter((q) => q.outlet === outlet)
        .map((q) => `${q.speaker} ${q.count}`)
        .sort();
    assert.deepEqual(whom('文匯報'), ['PER:习近平 1', 'PER:普京 1']);
    assert.deepEqual(whom('新华社'), ['PER:扎哈罗娃 1', 'PER:王毅 2']);
    assert.deepEqual(
      c.speakers
        .map((s) => s.id)
        .slice(0, 3)
        .sort(),
      ['PER:习近平', 'PER:普京', 'PER:王毅'],
    );
    const oppose = c.stances.filter((s) => s.class === 'oppose');
    assert.deepEqual(
      oppose.map((s) => [s.outlet, s.count]),
      [
        ['新华社', 2],
        ['大公报', 1],
        ['文匯報', 1],
      ],
    );
    // Every stance of an outlet is in its classes.
    for (const o of c.outlets) {
      const sum = c.stances.filter((s) => s.outlet === o.outlet).reduce((n, s) => n + s.count, 0);
      assert.equal(sum, o.stances, o.outlet);
    }
  });

  test('every copy, an entity, a query, and fewer outlets', () => {
    const every = archive.compareOutlets({ copies: true });
    assert.deepEqual(every.outlets[0], { outlet: '文匯報', quotes: 4, stances: 6 });
    const putin = archive.compareOutlets({ entity: '普京' });
    assert.deepEqual(putin.outlets.map((o) => o.outlet).sort(), ['大公报', '文匯報'].sort());
    const sanctions = archive.compareOutlets({ text: '扎哈罗娃' });
    assert.deepEqual(
      sanctions.outlets.map((o) => o.outlet),
      ['新华社'],
    );
    assert.equal(archive.compareOutlets({ outlets: 1 }).outlets.length, 1);
    assert.deepEqual(archive.compareOutlets({ text: '不存在的詞' }), {
      outlets: [],
      speakers: [],
      quotes: [],
      stances: [],
    });
    assert.throws(() => archive.compareOutlets({ outlets: 0 }), /outlets/);
  });

  test('jiedu outlets: a table, or json', async () => {
    const jiedu = (args: string[]) => runJiedu(args, { cwd: dir, env: { JIEDU_DB: '' } });
    const table = await jiedu(['outlets', '--db', db]);
    assert.equal(table.code, 0, table.stderr);
    const lines = table.stdout.split('\n');
    assert.match(lines[0] ?? '', /^outlet\s+quotes\s+stances\s+quotes whom\s+stances by class$/);
    assert.match(table.stdout, /新华社\s+3\s+3\s+王毅 2、扎哈罗娃 1\s+oppose 2, support 1/);
    const json = await jiedu(['outlets', '--db', db, '--entity', '普京', '--format', 'json']);
    assert.equal(json.code, 0, json.stderr);
    assert.equal(JSON.parse(json.stdout).outlets.length, 2);
    const bad = await jiedu(['outlets', '--db', db, '--outlets', '0']);
    assert.equal(bad.code, 2);
    const none = await jiedu(['outlets', '不存在的詞', '--db', db]);
    assert.equal(none.code, 0);
    assert.match(none.stderr, /No outlet/);
  });

  test('GET /api/outlets, checked against the OpenAPI document', async () => {
    const webRoot = makeWebRoot();
    const server: RunningServer = await startServer({ archive, port: 0, webRoot, log: () => {} });
    try {
      const api = new OpenApiChecker((await call(server.url, '/openapi.json')).json);
      for (const [path, outlets] of [
        ['/api/outlets', 3],
        ['/api/outlets?entity=PER:普京', 2],
        ['/api/outlets?copies=1&outlets=1', 1],
        ['/api/outlets?q=扎哈罗娃', 1],
      ] as const) {
        const answer = await call(server.url, path);
        assert.equal(answer.status, 200, answer.text);
        api.check('get', '/api/outlets', answer);
        assert.equal(answer.json.outlets.length, outlets, path);
      }
      const bad = await call(server.url, '/api/outlets?speakers=0');
      assert.equal(bad.status, 400);
      api.check('get', '/api/outlets', bad);
    } finally {
      await server.close();
      await rm(webRoot, { recursive: true, force: true });
    }
  });
});
