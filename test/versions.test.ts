import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type StoryVersions, storyVersions } from '../src/compare/index.ts';
import { type RunningServer, startServer } from '../src/serve/index.ts';
import { openStore, type SqliteStore } from '../src/store/index.ts';
import { runJiedu } from './helpers/cli.ts';
import { call, makeWebRoot, OpenApiChecker } from './helpers/serve.ts';
import { STATEMENT_A_SIMP, STATEMENT_A_TRAD, STATEMENT_B_SIMP } from './helpers/statements.ts';
import { documentFor } from './helpers/store-pages.ts';

/*
 * A story's versions: the composed statement as written (Traditional, dated the 16th), its
 * later version (Simplified, the 17th: a sentence cut, one added, four changed) and the
 * statement in Simplified dated the 15th, stored in that order: one story of three copies,
 * the earliest the 15th's, whatever the order stored.
 */

let dir = '';
let db = '';
let archive: SqliteStore;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jiedu-versions-'));
  db = join(dir, 'archive.db');
  archive = openStore(db);
  archive.putDocument(
    documentFor(STATEMENT_A_TRAD, { source: 'a.txt', outlet: '文匯報', date: '2024-05-16' }),
  );
  archive.putDocument(
    documentFor(STATEMENT_B_SIMP, { source: 'b.txt', outlet: '大公报', date: '2024-05-17' }),
  );
  archive.putDocument(
    documentFor(STATEMENT_A_SIMP, { source: 'c.txt', outlet: '人民日报', date: '2024-05-15' }),
  );
});

after(async () => {
  archive.close();
  await rm(dir, { recursive: true, force: true });
});

function checkVersions(v: StoryVersions): void {
  assert.equal(v.story, 1);
  assert.equal(v.articles, 3);
  assert.equal(v.earliest.id, 3);
  assert.equal(v.earliest.date, '2024-05-15');
  assert.deepEqual(
    v.copies.map((c) => c.id),
    [1, 2],
  );
  const [same, later] = v.copies as [StoryVersions['copies'][0], StoryVersions['copies'][0]];
  assert.deepEqual(same.sentences, { same: 8, changed: 0, cut: 0, added: 0 });
  assert.equal(same.script, 'traditional');
  assert.deepEqual(later.sentences, { same: 3, changed: 4, cut: 1, added: 1 });
  const cut = later.comparison.sentences.find((s) => s.status === 'dropped');
  assert.equal(cut?.a?.text, '中国赞赏马来西亚为会议所作的安排。');
  const added = later.comparison.sentences.find((s) => s.status === 'added');
  assert.equal(added?.b?.text, '双方同意加强海上合作。');
  assert.deepEqual(later.comparison.summary.positions, {
    same: 1,
    changed: 4,
    added: 1,
    dropped: 1,
  });
}

describe('story versions', () => {
  test('each copy against the earliest by date, from any article of the story', () => {
    for (const id of [1, 2, 3]) {
      const story = archive.getStory(id);
      assert.ok(story !== undefined);
      const v = storyVersions(story, (a) => archive.articlePage(a));
      assert.ok(v !== undefined);
      checkVersions(v);
    }
    assert.equal(archive.getStory(99), undefined);
  });

  test('jiedu stories --story: the cut, added and changed sentences; json', async () => {
    const jiedu = (args: string[]) => runJiedu(args, { cwd: dir, env: { JIEDU_DB: '' } });
    const text = await jiedu(['stories', '--db', db, '--story', '2']);
    assert.equal(text.code, 0, text.stderr);
    assert.match(
      text.stdout,
      /^Story 1: 東盟與中國發表聯合聲明\n3 articles; the earliest: #3 人民日报 2024-05-15 \(c\.txt\)/,
    );
    assert.match(
      text.stdout,
      /#1 文匯報 2024-05-16 \(a\.txt\): 8 sentences the same, 0 changed, 0 cut, 0 added/,
    );
    assert.match(text.stdout, / {2}- cut: {5}中国赞赏马来西亚为会议所作的安排。\n/);
    assert.match(text.stdout, / {2}\+ added: {3}双方同意加强海上合作。\n/);
    assert.match(text.stdout, / {2}dropped: 中国 praise 马来西亚为会议所作的安排\n/);
    const json = await jiedu(['stories', '--db', db, '--story', '3', '--format', 'json']);
    assert.equal(json.code, 0, json.stderr);
    checkVersions(JSON.parse(json.stdout));
    const missing = await jiedu(['stories', '--db', db, '--story', '9']);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /no article 9/);
    const csv = await jiedu(['stories', '--db', db, '--story', '1', '--format', 'csv']);
    assert.equal(csv.code, 2);
    const bad = await jiedu(['stories', '--db', db, '--story', 'x']);
    assert.equal(bad.code, 2);
  });

  test('GET /api/stories/{id}, checked against the OpenAPI document', async () => {
    const webRoot = makeWebRoot();
    const server: RunningServer = await startServer({ archive, port: 0, webRoot, log: () => {} });
    try {
      const api = new OpenApiChecker((await call(server.url, '/openapi.json')).json);
      const answer = await call(server.url, '/api/stories/1');
      assert.equal(answer.status, 200, answer.text);
      api.check('get', '/api/stories/{id}', answer);
      checkVersions(answer.json);
      for (const [path, status] of [
        ['/api/stories/99', 404],
        ['/api/stories/0', 400],
      ] as const) {
        const error = await call(server.url, path);
        assert.equal(error.status, status);
        api.check('get', '/api/stories/{id}', error);
      }
    } finally {
      await server.close();
      await rm(webRoot, { recursive: true, force: true });
    }
  });
});
