import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { toSimplified } from '../src/normalize/index.ts';
import { type RunningServer, startServer } from '../src/serve/index.ts';
import { openStore, type SqliteStore } from '../src/store/index.ts';
import { call, makeWebRoot, OpenApiChecker } from './helpers/serve.ts';
import { documentFor, TRAD_PAGE } from './helpers/store-pages.ts';
import { storyDocument, storySet } from './helpers/story-set.ts';

/*
 * Stories over HTTP: /api/stories and its twins, and /api/search counting a story once
 * (copies=1 lists every copy), on an archive of two topics of the composed story set (four
 * stories of seven pages, article ids 1–28) and a test page annotated, in Traditional and
 * converted to Simplified (ids 29–32: the meeting twice, the aquarium notice twice, too
 * short to be a story with another); every answer checked against the OpenAPI document the
 * server serves.
 */

let archive: SqliteStore;
let server: RunningServer;
let webRoot = '';
let api: OpenApiChecker;

async function get(route: string, path: string, status = 200) {
  const answer = await call(server.url, path);
  assert.equal(answer.status, status, `${path}: ${answer.text.slice(0, 300)}`);
  api.check('get', route, answer);
  return answer;
}

before(async () => {
  archive = openStore(':memory:');
  for (const page of storySet(['eu-tariffs', 'hang-seng'])) {
    archive.putDocument(storyDocument(page));
  }
  archive.putDocument(documentFor(TRAD_PAGE, { source: 'trad.txt' }));
  archive.putDocument(documentFor(toSimplified(TRAD_PAGE), { source: 'simp.txt' }));
  webRoot = makeWebRoot();
  server = await startServer({ archive, port: 0, webRoot, log: () => {} });
  api = new OpenApiChecker((await call(server.url, '/openapi.json')).json);
});

after(async () => {
  await server.close();
  archive.close();
  rmSync(webRoot, { recursive: true, force: true });
});

describe('GET /api/stories', () => {
  test('stories, most copies first, each with its articles, and the total', async () => {
    const all = (await get('/api/stories', '/api/stories')).json;
    assert.equal(all.total, 7);
    assert.deepEqual(
      all.stories.map((s: { story: number; copies: number }) => [s.story, s.copies]),
      [
        [22, 7],
        [15, 7],
        [8, 7],
        [1, 7],
        [29, 2],
        [32, 1],
        [30, 1],
      ],
    );
    assert.deepEqual(all.stories[3].articles[0], {
      id: 1,
      outlet: '新华社',
      date: '2024-06-13',
      path: 'stories/eu-tariffs-a/original.txt',
    });
    const page = (await get('/api/stories', '/api/stories?limit=1&offset=1&min-copies=7')).json;
    assert.deepEqual([page.total, page.limit, page.offset, page.stories[0].story], [4, 1, 1, 15]);
    const two = (await get('/api/stories', '/api/stories?min-copies=2&limit=2')).json;
    assert.deepEqual([two.total, two.stories.length], [5, 2]);
    const none = (await get('/api/stories', '/api/stories?min-copies=8')).json;
    assert.deepEqual([none.total, none.stories], [0, []]);
    for (const bad of ['0', 'x', '-1']) {
      await get('/api/stories', `/api/stories?min-copies=${bad}`, 400);
    }
  });

  test('/api/stories.json answers the same; /api/stories.csv the same rows as CSV', async () => {
    const listed = (await get('/api/stories', '/api/stories?limit=2')).json;
    assert.deepEqual((await get('/api/stories.json', '/api/stories.json?limit=2')).json, listed);
    const csv = await call(server.url, '/api/stories.csv?limit=2');
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
    assert.match(csv.headers.get('content-disposition') ?? '', /filename=stories\.csv/);
    const lines = csv.text.split('\r\n').filter((l) => l !== '');
    assert.equal(lines[0], 'story,headline,copies,outlets,articles,paths');
    assert.deepEqual(
      lines.slice(1).map((l) => Number(l.split(',')[0])),
      listed.stories.map((s: { story: number }) => s.story),
    );
  });
});

describe('GET /api/search and stories', () => {
  test('a story is one hit with its copies, total counts stories; copies=1 lists every copy', async () => {
    const once = (await get('/api/search', `/api/search?q=${encodeURIComponent('关税')}`)).json;
    assert.equal(once.total, 2);
    assert.deepEqual(
      once.hits.map((h: { copies: number }) => h.copies),
      [7, 7],
    );
    const every = (
      await get('/api/search', `/api/search?q=${encodeURIComponent('关税')}&copies=1&limit=5`)
    ).json;
    assert.equal(every.total, 11);
    assert.equal(every.hits.length, 5);
    // Without a query, newest first: a page of stories, its total every story.
    const listed = (await get('/api/search', '/api/search?limit=3')).json;
    assert.deepEqual([listed.total, listed.hits.length], [7, 3]);
    const copies = (await get('/api/search', '/api/search?limit=3&copies=true')).json;
    assert.equal(copies.total, 32);
    await get('/api/search', '/api/search?copies=all', 400);
    // The CSV of the search page carries them too.
    const csv = await call(server.url, `/search.csv?q=${encodeURIComponent('恒指')}`);
    const [header, ...rows] = csv.text.split('\r\n').filter((l) => l !== '');
    assert.match(header ?? '', /,story,copies$/);
    assert.equal(rows.length, 2);
  });

  test("a search by entity counts the story once, and so do the entity's mentions", async () => {
    const found = (await get('/api/search', `/api/search?entity=${encodeURIComponent('習近平')}`))
      .json;
    assert.equal(found.total, 1);
    assert.deepEqual(
      found.hits.map((h: { articleId: number; copies: number }) => [h.articleId, h.copies]),
      [[31, 2]],
    );
    const id = encodeURIComponent('PER:习近平');
    const page = (await get('/api/entities/{id}', `/api/entities/${id}`)).json;
    assert.equal(page.totals.mentions, 1);
    assert.deepEqual(
      page.mentions.map((m: { articleId: number; copies: number }) => [m.articleId, m.copies]),
      [[31, 2]],
    );
    const mentions = (
      await get('/api/entities/{id}/mentions', `/api/entities/${id}/mentions?limit=1&copies=1`)
    ).json;
    assert.deepEqual([mentions.total, mentions.mentions.length], [2, 1]);
  });
});

describe('entities count a story once over HTTP', () => {
  test('the directory, an entity page and its mentions; copies=1 counts every copy', async () => {
    const once = (await get('/api/entities', '/api/entities?limit=100')).json;
    const every = (await get('/api/entities', '/api/entities?limit=100&copies=1')).json;
    type Row = { id: string; articles: number };
    const counted = new Map<string, number>(once.entities.map((e: Row) => [e.id, e.articles]));
    // The meeting in Traditional and in Simplified is one story of two copies.
    const twice = (every.entities as Row[]).filter(
      (e) => e.articles === 2 && counted.get(e.id) === 1,
    );
    assert.ok(twice.length > 0, 'entities of the meeting, counted once');
    const id = encodeURIComponent((twice[0] as Row).id);
    const page = (await get('/api/entities/{id}', `/api/entities/${id}`)).json;
    assert.equal(page.entity.articles, 1);
    assert.equal(page.mentions.length, 1);
    assert.deepEqual([page.mentions[0].copies, page.totals.mentions], [2, 1]);
    const all = (await get('/api/entities/{id}', `/api/entities/${id}?copies=1`)).json;
    assert.equal(all.entity.articles, 2);
    assert.equal(all.mentions.length, 2);
    assert.equal(all.mentions[0].copies, undefined);
    assert.equal(all.totals.mentions, 2);
    const list = (await get('/api/entities/{id}/mentions', `/api/entities/${id}/mentions`)).json;
    // The newest copy stands for the story: the later of the two stored, as both are undated.
    assert.deepEqual(
      list.mentions.map((m: { articleId: number; copies: number }) => [m.articleId, m.copies]),
      [[31, 2]],
    );
    const listAll = (
      await get('/api/entities/{id}/mentions', `/api/entities/${id}/mentions?copies=1&limit=1`)
    ).json;
    assert.deepEqual([listAll.mentions.length, listAll.total], [1, 2]);
  });
});
