import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Comparison } from '../src/compare/index.ts';
import { type RunningServer, startServer } from '../src/serve/index.ts';
import { openStore, type SqliteStore } from '../src/store/index.ts';
import { call, makeWebRoot, OpenApiChecker } from './helpers/serve.ts';
import {
  STATEMENT_A_SIMP,
  STATEMENT_A_TRAD,
  STATEMENT_B_SIMP,
  STATEMENT_B_TRAD,
} from './helpers/statements.ts';
import { documentFor } from './helpers/store-pages.ts';

/*
 * /api/compare: two archive articles (GET ?a=&b=), two posted statements (POST, a form
 * with fields a and b), or one posted and one stored; every answer, errors included,
 * checked against the OpenAPI document the server serves.
 */

let archive: SqliteStore;
let server: RunningServer;
let webRoot = '';
let api: OpenApiChecker;

before(async () => {
  archive = openStore(':memory:');
  archive.putDocument(documentFor(STATEMENT_A_TRAD, { source: 'a-trad.txt' }));
  archive.putDocument(documentFor(STATEMENT_B_SIMP, { source: 'b-simp.txt' }));
  webRoot = makeWebRoot();
  server = await startServer({ archive, port: 0, webRoot, log: () => {} });
  api = new OpenApiChecker((await call(server.url, '/openapi.json')).json);
});

after(async () => {
  await server.close();
  archive.close();
  rmSync(webRoot, { recursive: true, force: true });
});

/** What the composed statements differ by (test/helpers/statements.ts). */
function checkFindings(c: Comparison): void {
  assert.deepEqual(c.summary.positions, { same: 1, changed: 4, added: 1, dropped: 1 });
  const changes = c.positions
    .filter((p) => p.status === 'changed')
    .map((p) => p.change)
    .sort();
  assert.deepEqual(changes, ['class', 'modality', 'negated', 'target']);
  const dropped = c.positions.find((p) => p.status === 'dropped');
  assert.equal(dropped?.class, 'praise');
  assert.equal(dropped?.b, null);
}

function form(a: string | null, b: string | null): FormData {
  const f = new FormData();
  if (a !== null) f.set('a', new Blob([a], { type: 'text/plain' }), 'a.txt');
  if (b !== null) f.set('b', b);
  return f;
}

describe('GET /api/compare', () => {
  test('two archive articles', async () => {
    const answer = await call(server.url, '/api/compare?a=1&b=2');
    assert.equal(answer.status, 200, answer.text);
    api.check('get', '/api/compare', answer);
    checkFindings(answer.json);
    assert.equal(answer.json.a.label, '#1');
    assert.equal(answer.json.b.script, 'simplified');
  });

  test('errors: a missing side, a bad id, no such article, an unknown parameter', async () => {
    for (const [path, status, message] of [
      ['/api/compare?a=1', 400, /give a and b/],
      ['/api/compare?a=1&b=x', 400, /b: an article id is a positive whole number/],
      ['/api/compare?a=1&b=99', 404, /b: no article 99/],
      ['/api/compare?a=1&b=2&c=3', 400, /does not take 'c'/],
    ] as const) {
      const answer = await call(server.url, path);
      assert.equal(answer.status, status, `${path}: ${answer.text}`);
      api.check('get', '/api/compare', answer);
      assert.match(answer.json.message, message);
    }
  });
});

describe('POST /api/compare', () => {
  test('two posted statements, a file and a text field, in the two scripts', async () => {
    const answer = await call(server.url, '/api/compare', {
      method: 'POST',
      body: form(STATEMENT_A_SIMP, STATEMENT_B_TRAD),
    });
    assert.equal(answer.status, 200, answer.text);
    api.check('post', '/api/compare', answer);
    checkFindings(answer.json);
    assert.equal(answer.json.a.label, 'a.txt');
    assert.equal(answer.json.b.label, 'b');
  });

  test('a posted statement against an archive article', async () => {
    const answer = await call(server.url, '/api/compare?b=2', {
      method: 'POST',
      body: form(STATEMENT_A_SIMP, null),
    });
    assert.equal(answer.status, 200, answer.text);
    api.check('post', '/api/compare', answer);
    checkFindings(answer.json);
    assert.equal(answer.json.b.label, '#2');
  });

  test('errors: a side missing, given twice, empty, not text, not a form', async () => {
    const cases: [string, RequestInit, number, RegExp][] = [
      ['/api/compare', { method: 'POST', body: form(STATEMENT_A_SIMP, null) }, 400, /b: post it/],
      [
        '/api/compare?a=1',
        { method: 'POST', body: form(STATEMENT_A_SIMP, STATEMENT_B_SIMP) },
        400,
        /a is both posted/,
      ],
      [
        '/api/compare',
        { method: 'POST', body: form('', STATEMENT_B_SIMP) },
        400,
        /'a' field is empty/,
      ],
      [
        '/api/compare',
        {
          method: 'POST',
          body: (() => {
            const f = form(null, STATEMENT_B_SIMP);
            f.set('a', new Blob([new Uint8Array([0, 0, 0xff, 0xfe, 0, 1, 0, 0])]), 'x.bin');
            return f;
          })(),
        },
        400,
        /^a: cannot decode as text/,
      ],
      ['/api/compare', { method: 'POST', body: 'just text' }, 415, /multipart\/form-data/],
    ];
    for (const [path, init, status, message] of cases) {
      const answer = await call(server.url, path, init);
      assert.equal(answer.status, status, `${path}: ${answer.text}`);
      api.check('post', '/api/compare', answer);
      assert.match(answer.json.message, message);
    }
  });
});
