import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import iconv from 'iconv-lite';
import { STANCES } from '../src/cli/run-stances.ts';
import { ROUTES } from '../src/serve/routes.ts';
import {
  call,
  ingest,
  makeWebRoot,
  OpenApiChecker,
  startTestServer,
  stopTestServer,
  type TestServer,
  TOKEN,
} from './helpers/serve.ts';
import { G20_PAGE, SIMP_PAGE } from './helpers/store-pages.ts';

/*
 * The API against a temporary archive (the composed test pages and two fixtures): every
 * route's real answers validated against the OpenAPI document the server serves.
 */

let server: TestServer;
let api: OpenApiChecker;

/** GETs a route, checks its answer against the document and returns it. */
async function get(route: string, path: string, status = 200) {
  const answer = await call(server.url, path);
  assert.equal(answer.status, status, `${path}: ${answer.text.slice(0, 300)}`);
  api.check('get', route, answer);
  return answer;
}

/** POSTs to a route, checks the answer against the document and returns it. */
async function post(route: string, path: string, init: RequestInit, status: number) {
  const answer = await call(server.url, path, { method: 'POST', ...init });
  assert.equal(answer.status, status, `${path}: ${answer.text.slice(0, 300)}`);
  api.check('post', route, answer);
  return answer;
}

const q = (params: Record<string, string>) => new URLSearchParams(params).toString();

before(async () => {
  server = await startTestServer();
  const doc = await call(server.url, '/openapi.json');
  assert.equal(doc.status, 200);
  api = new OpenApiChecker(doc.json);
});

after(() => stopTestServer(server));

describe('the OpenAPI document', () => {
  test('is OpenAPI 3.1 and describes every route the server has, with its parameters', () => {
    assert.equal(api.doc.openapi, '3.1.0');
    for (const route of ROUTES) {
      const op = api.doc.paths[route.path]?.[route.method.toLowerCase()];
      assert.ok(op, `${route.method} ${route.path}`);
      assert.ok(op.responses, `${route.path} responses`);
    }
    const documented = Object.entries(api.doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops as object).map((m) => `${m.toUpperCase()} ${path}`),
    );
    assert.deepEqual(documented.sort(), ROUTES.map((r) => `${r.method} ${r.path}`).sort());
    for (const name of [
      'SearchHit',
      'StoredArticle',
      'EntityRow',
      'QuoteRow',
      'StanceRow',
      'Error',
    ]) {
      assert.ok(api.doc.components.schemas[name], name);
    }
  });
  test('the checker refuses bodies that do not match (so the checks below can fail)', () => {
    const stats = (json: unknown) => ({ status: 200, headers: new Headers(), text: '', json });
    assert.throws(() => api.check('get', '/api/stats', stats({})));
    assert.throws(() => api.check('get', '/healthz', stats({ ok: true, extra: 1 })));
    const hit = { hits: [{ articleId: 'one' }], limit: 20, offset: 0 };
    assert.throws(() => api.check('get', '/api/search', stats(hit)));
  });
});

describe('GET routes', () => {
  test('/healthz and /api/stats', async () => {
    assert.deepEqual((await get('/healthz', '/healthz')).json, { ok: true });
    const stats = (await get('/api/stats', '/api/stats')).json;
    assert.equal(stats.documents, 5);
    assert.ok(stats.articles >= 6);
  });

  test('/api/search: either script, filters, paging; a bad query is a 400', async () => {
    const hits = (await get('/api/search', `/api/search?${q({ q: '單邊制裁' })}`)).json;
    assert.deepEqual(hits.hits.map((h: { articleId: number }) => h.articleId).sort(), [1, 3]);
    assert.equal(hits.limit, 20);
    const page2 = (
      await get('/api/search', `/api/search?${q({ q: '制裁', limit: '1', offset: '1' })}`)
    ).json;
    assert.equal(page2.hits.length, 1);
    assert.equal(page2.offset, 1);
    // The total counts every match, whatever the page shows.
    const all = (await get('/api/search', `/api/search?${q({ q: '制裁', limit: '200' })}`)).json;
    assert.equal(page2.total, all.hits.length);
    assert.equal(all.total, all.hits.length);
    assert.equal(hits.total, 2);
    const filtered = (
      await get(
        '/api/search',
        `/api/search?${q({ q: '制裁', outlet: '新華社', from: '2024-05-17' })}`,
      )
    ).json;
    assert.deepEqual(
      filtered.hits.map((h: { articleId: number }) => h.articleId),
      [3],
    );
    const hit = filtered.hits[0];
    assert.ok(hit.snippet.highlights.length > 0);
    const bad = await get('/api/search', `/api/search?${q({ q: '(制裁' })}`, 400);
    assert.equal(bad.json.error, 'bad-query');
    const malformed: Record<string, string>[] = [
      { limit: '0' },
      { limit: '201' },
      { limit: 'ten' },
      { offset: '-1' },
      { from: '2024-02-30' },
      { from: '2024-05-20', to: '2024-05-01' },
      { q: 'x'.repeat(501) },
    ];
    for (const params of malformed) {
      const answer = await get('/api/search', `/api/search?${q(params)}`, 400);
      assert.equal(answer.json.error, 'bad-request', JSON.stringify(params));
    }
  });

  test('/api/articles/{id}: the view with annotations, the text and the repairs', async () => {
    const answer = await get('/api/articles/{id}', '/api/articles/4');
    const { article, text, repairs } = answer.json;
    const view = article.view.articles[0];
    assert.equal(text, G20_PAGE);
    assert.equal(text.slice(view.start, view.end).split('\n')[0], 'G20峰会在里约热内卢开幕');
    assert.ok(view.entities.length > 0, 'annotated');
    // 凌|驾: a word split by a line break, rejoined.
    const join = repairs.find((r: { note: string }) => r.note.includes('凌|驾'));
    assert.equal(join.kind, 'join');
    assert.equal(text.slice(join.start, join.end), '\n');
    await get('/api/articles/{id}', '/api/articles/999', 404);
    await get('/api/articles/{id}', '/api/articles/abc', 400);
    await get('/api/articles/{id}', '/api/articles/0', 400);
  });

  test('/api/articles/{id}: a caption that cut a paragraph, and blank lines dropped', async () => {
    const { text, repairs } = (await get('/api/articles/{id}', '/api/articles/5')).json;
    const moved = repairs.find((r: { kind: string }) => r.kind === 'caption-moved');
    assert.ok(moved, JSON.stringify(repairs));
    assert.match(text.slice(moved.start, moved.end), /^●藍廳論壇現場/);
    const blank = repairs.find((r: { kind: string }) => r.kind === 'blank-dropped');
    assert.ok(blank);
    assert.match(text.slice(blank.start, blank.end), /^\s*\n\s*\n\s*$/);
  });

  test('/api/entities: listing, type and name filters', async () => {
    const people = (await get('/api/entities', '/api/entities?type=PER')).json.entities;
    assert.ok(people.length > 0);
    assert.ok(people.every((e: { type: string }) => e.type === 'PER'));
    const named = (await get('/api/entities', `/api/entities?${q({ name: '習' })}`)).json;
    assert.deepEqual(
      named.entities.map((e: { id: string }) => e.id),
      ['PER:习近平'],
    );
    await get('/api/entities', '/api/entities?type=PERSON', 400);
  });

  test('/api/entities/{id}: mentions, quotes and stances by and about it, timeline', async () => {
    const path = `/api/entities/${encodeURIComponent('PER:习近平')}`;
    const page = (await get('/api/entities/{id}', path)).json;
    assert.equal(page.entity.id, 'PER:习近平');
    assert.ok(page.entity.names.includes('習近平'));
    assert.deepEqual(
      page.mentions.map((m: { articleId: number }) => m.articleId),
      [1],
    );
    assert.ok(page.mentions[0].snippet.highlights.length > 0);
    assert.ok(page.cooccurring.some((e: { id: string }) => e.id === 'PER:普京'));
    assert.ok(page.quotesBy.length > 0);
    assert.ok(page.quotesBy.every((x: { speakerId: string }) => x.speakerId === 'PER:习近平'));
    assert.ok(page.stancesBy.length > 0);
    assert.deepEqual(page.timeline, [{ date: '2024-05-16', count: 1 }]);
    // By a Traditional name: the same entity; who stands where on Putin (習近平 meets him).
    const putin = (await get('/api/entities/{id}', '/api/entities/普京')).json;
    assert.ok(
      putin.stancesAbout.some((s: { actorIds: string[] }) => s.actorIds.includes('PER:习近平')),
    );
    const russia = (
      await get('/api/entities/{id}', `/api/entities/${encodeURIComponent('俄羅斯')}`)
    ).json;
    assert.equal(russia.entity.id, 'LOC:俄罗斯');
    assert.ok(russia.quotesAbout.length > 0, 'quotes whose content mentions Russia (中俄, 俄方)');
    await get('/api/entities/{id}', '/api/entities/nobody', 404);
    await get('/api/entities/{id}', '/api/entities/%E4%B9', 400);
  });

  test('/api/quotes: listing, kind and about filters, counts', async () => {
    const list = (await get('/api/quotes', `/api/quotes?${q({ about: '制裁' })}`)).json;
    assert.ok(list.quotes.length >= 2);
    assert.ok(list.quotes.every((x: { text: string }) => /制裁/.test(x.text)));
    const direct = (await get('/api/quotes', '/api/quotes?kind=direct')).json.quotes;
    assert.ok(direct.every((x: { kind: string }) => x.kind === 'direct'));
    const counts = (await get('/api/quotes', '/api/quotes?by=speaker')).json.counts;
    assert.ok(counts.length > 0);
    await get('/api/quotes', '/api/quotes?by=colour', 400);
    await get('/api/quotes', '/api/quotes?kind=indirect', 400);
  });

  test('/api/stances: filters and counts; bad values are 400', async () => {
    const oppose = (await get('/api/stances', '/api/stances?class=oppose')).json.stances;
    assert.ok(oppose.length >= 2);
    assert.ok(oppose.every((s: { class: string }) => s.class === 'oppose'));
    const byClass = (await get('/api/stances', '/api/stances?by=class')).json.counts;
    assert.ok(byClass.some((c: { key: string }) => c.key === 'oppose'));
    const actor = (await get('/api/stances', `/api/stances?${q({ actor: '中國', negated: '0' })}`))
      .json.stances;
    assert.ok(actor.every((s: { actorIds: string[] }) => s.actorIds.includes('LOC:中国')));
    await get('/api/stances', '/api/stances?class=love', 400);
    await get('/api/stances', '/api/stances?negated=maybe', 400);
  });

  test('/api/stances.csv: the columns of jiedu stances --format csv, as an attachment', async () => {
    const answer = await call(server.url, '/api/stances.csv?class=oppose');
    assert.equal(answer.status, 200);
    assert.match(answer.headers.get('content-type') ?? '', /^text\/csv/);
    assert.match(
      answer.headers.get('content-disposition') ?? '',
      /attachment; filename=stances\.csv/,
    );
    const lines = answer.text.split('\r\n').filter((l) => l !== '');
    assert.equal(lines[0], STANCES.csv.header.join(','));
    const listed = (await get('/api/stances', '/api/stances?class=oppose&limit=200')).json.stances;
    assert.equal(lines.length - 1, listed.length);
    assert.ok(lines.slice(1).every((l) => l.includes(',oppose,')));
    const bad = await call(server.url, '/api/stances.csv?limit=10001');
    assert.equal(bad.status, 400);
  });

  test('every listing answers with its total, and its .json and .csv twins hold the same rows', async () => {
    const cases: [string, string, string, string][] = [
      // [route, query, rows key, first CSV column of a row]
      ['/api/search', q({ q: '制裁', limit: '1' }), 'hits', 'articleId'],
      ['/api/entities', q({ type: 'PER', limit: '2' }), 'entities', 'id'],
      ['/api/quotes', q({ limit: '2', offset: '1' }), 'quotes', 'id'],
      ['/api/stances', q({ class: 'oppose', limit: '1' }), 'stances', 'id'],
    ];
    for (const [route, query, key, idField] of cases) {
      const listed = (await get(route, `${route}?${query}`)).json;
      const rows = listed[key] as Record<string, unknown>[];
      assert.ok(rows.length > 0, route);
      const everything = (
        await get(
          route,
          `${route}?${q({ ...Object.fromEntries(new URLSearchParams(query)), limit: '200', offset: '0' })}`,
        )
      ).json;
      assert.equal(listed.total, everything[key].length, `${route}: the total counts every row`);
      assert.ok(listed.total > rows.length || listed.offset > 0 || rows.length === listed.total);
      // /api/X.json and the UI view's /X.json answer exactly as /api/X.
      const view = route.replace('/api', '');
      for (const twin of [`${route}.json`, `${view}.json`]) {
        const same = await get(twin, `${twin}?${query}`);
        assert.deepEqual(same.json, listed, twin);
      }
      // /api/X.csv and /X.csv: a header and the same rows, in the same order.
      for (const twin of [`${route}.csv`, `${view}.csv`]) {
        const answer = await call(server.url, `${twin}?${query}`);
        assert.equal(answer.status, 200, twin);
        assert.match(answer.headers.get('content-type') ?? '', /^text\/csv/);
        const name = `${route.split('/').pop()}.csv`;
        assert.match(
          answer.headers.get('content-disposition') ?? '',
          new RegExp(`filename=${name.replace('.', '\\.')}`),
        );
        const lines = answer.text.split('\r\n').filter((l) => l !== '');
        assert.equal(lines.length - 1, rows.length, twin);
        assert.deepEqual(
          lines.slice(1).map((l) => l.split(',')[0]),
          rows.map((r) => String(r[idField])),
          `${twin}: the rows of the JSON`,
        );
      }
    }
    // A CSV may ask for more rows than a JSON page, up to 10000.
    assert.equal((await call(server.url, '/api/quotes.csv?limit=5000')).status, 200);
    await get('/api/quotes', '/api/quotes?limit=5000', 400);
    // Counts as CSV: the group and its count.
    const counts = await call(server.url, '/api/stances.csv?by=class');
    assert.equal(counts.text.split('\r\n')[0], 'class,count');
  });

  test('/api/search sort, the script filter and /api/facets', async () => {
    const newest = (await get('/api/search', `/api/search?${q({ q: '制裁', sort: 'newest' })}`))
      .json;
    const dates = newest.hits.map((h: { date: string }) => h.date);
    assert.deepEqual(dates, [...dates].sort().reverse());
    const oldest = (await get('/api/search', `/api/search?${q({ q: '制裁', sort: 'oldest' })}`))
      .json;
    assert.deepEqual(
      oldest.hits.map((h: { date: string }) => h.date),
      [...dates].reverse(),
    );
    await get('/api/search', '/api/search?sort=random', 400);
    const trad = (await get('/api/search', '/api/search?script=traditional&limit=200')).json;
    assert.ok(trad.hits.length > 0);
    assert.ok(trad.hits.every((h: { script: string }) => h.script === 'traditional'));
    const simp = (await get('/api/search', '/api/search?script=simplified&limit=200')).json;
    assert.ok(simp.hits.every((h: { script: string }) => h.script === 'simplified'));
    await get('/api/search', '/api/search?script=klingon', 400);

    const facets = (await get('/api/facets', `/api/facets?${q({ q: '制裁' })}`)).json;
    const total = (await get('/api/search', `/api/search?${q({ q: '制裁' })}`)).json.total;
    assert.equal(facets.counted, total);
    const sum = (rows: { count: number }[]) => rows.reduce((n, r) => n + r.count, 0);
    assert.equal(sum(facets.outlets), total, 'every match has one outlet group');
    assert.equal(sum(facets.scripts), total);
    assert.ok(facets.months.every((m: { key: string }) => /^\d{4}-\d{2}$/.test(m.key)));
    const places = facets.entities.find((f: { type: string }) => f.type === 'LOC');
    assert.ok(places.rows.length > 0);
    // An entity's count is its matching articles: narrowing by it finds as many.
    const top = places.rows[0];
    const narrowed = (await get('/api/search', `/api/search?${q({ q: '制裁', entity: top.id })}`))
      .json;
    assert.equal(narrowed.total, top.articles);
  });

  test("an entity's lists: totals on its page, mentions and cooccurring as listings", async () => {
    const id = encodeURIComponent('PER:习近平');
    const page = (await get('/api/entities/{id}', `/api/entities/${id}`)).json;
    assert.equal(page.totals.quotesBy, page.quotesBy.length);
    assert.equal(page.totals.mentions, page.mentions.length);
    const mentions = (await get('/api/entities/{id}/mentions', `/api/entities/${id}/mentions`))
      .json;
    assert.deepEqual(mentions.mentions, page.mentions);
    assert.equal(mentions.total, page.totals.mentions);
    const with_ = (
      await get('/api/entities/{id}/cooccurring', `/api/entities/${id}/cooccurring?limit=3`)
    ).json;
    assert.deepEqual(with_.cooccurring, page.cooccurring.slice(0, 3));
    const csv = await call(server.url, `/api/entities/${id}/cooccurring.csv?limit=3`);
    assert.equal(csv.text.split('\r\n')[0], 'id,type,name,articles');
    await get('/api/entities/{id}/mentions', '/api/entities/nobody/mentions', 404);
    // Quotes and stances whose words mention an entity, as the page lists them.
    const about = (await get('/api/quotes', `/api/quotes?${q({ mentioning: 'LOC:俄罗斯' })}`)).json;
    const russia = (
      await get('/api/entities/{id}', `/api/entities/${encodeURIComponent('LOC:俄罗斯')}`)
    ).json;
    assert.deepEqual(about.quotes, russia.quotesAbout);
    assert.equal(about.total, russia.totals.quotesAbout);
  });

  test('entities carry the roles pages wrote with their names', async () => {
    const people = (await get('/api/entities', '/api/entities?type=PER&limit=200')).json.entities;
    assert.ok(people.every((e: { roles: unknown }) => Array.isArray(e.roles)));
    const withRoles = people.filter((e: { roles: string[] }) => e.roles.length > 0);
    assert.ok(withRoles.length > 0, 'some person has a role');
    const xi = (
      await get('/api/entities/{id}', `/api/entities/${encodeURIComponent('PER:习近平')}`)
    ).json.entity;
    assert.deepEqual(xi.roles, ['國家主席'], 'as the page writes it');
    const putin = people.find((e: { id: string }) => e.id === 'PER:普京');
    assert.deepEqual(putin.roles, ['俄羅斯總統']);
  });

  test('/api/timeline: articles per day for a query, an entity, or everything', async () => {
    const query = (await get('/api/timeline', `/api/timeline?${q({ q: '制裁' })}`)).json.days;
    assert.deepEqual(query, [
      { date: '2024-05-16', count: 1 },
      { date: '2024-05-17', count: 1 },
    ]);
    const entity = (await get('/api/timeline', `/api/timeline?${q({ entity: '王毅' })}`)).json.days;
    assert.deepEqual(entity, [{ date: '2024-05-17', count: 1 }]);
    const all = (await get('/api/timeline', '/api/timeline')).json.days;
    assert.ok(all.some((d: { date: string }) => d.date === '2024-06-01'));
    await get('/api/timeline', `/api/timeline?${q({ q: 'A OR' })}`, 400);
  });

  test('/api/graph: actor → entity edges weighted by stances, per class', async () => {
    const graph = (await get('/api/graph', '/api/graph')).json;
    const edge = graph.edges.find(
      (e: { source: string; target: string }) =>
        e.source === 'PER:习近平' && e.target === 'PER:普京',
    );
    assert.ok(edge, JSON.stringify(graph.edges));
    assert.ok(edge.classes.meet >= 1);
    const ids = new Set(graph.nodes.map((n: { id: string }) => n.id));
    for (const e of graph.edges) assert.ok(ids.has(e.source) && ids.has(e.target));
    const heavy = (await get('/api/graph', '/api/graph?min=1000')).json;
    assert.deepEqual(heavy, { nodes: [], edges: [] });
    const support = (await get('/api/graph', '/api/graph?class=support')).json;
    for (const e of support.edges) assert.deepEqual(Object.keys(e.classes), ['support']);
    await get('/api/graph', '/api/graph?min=0', 400);
  });
});

describe('POST /api/parse', () => {
  test('a raw GB18030 page: decoded, parsed, annotated, repairs; nothing stored', async () => {
    const before = server.archive.stats().documents;
    const bytes = new Uint8Array(iconv.encode(G20_PAGE, 'gb18030'));
    const answer = await post(
      '/api/parse',
      '/api/parse?annotate=1&date=2024-11-18',
      { body: bytes, headers: { 'content-type': 'application/octet-stream' } },
      200,
    );
    const { page, text, encoding, script, repairs } = answer.json;
    assert.equal(encoding, 'gb18030');
    assert.equal(script, 'simplified');
    assert.equal(text, G20_PAGE);
    assert.equal(page.articles[0].headline, 'G20峰会在里约热内卢开幕');
    assert.ok(page.articles[0].entities.length > 0);
    assert.ok(repairs.some((r: { note: string }) => r.note.includes('凌|驾')));
    assert.equal(server.archive.stats().documents, before);
  });

  test('a file in a multipart form; annotate=0 leaves the annotations out', async () => {
    const form = new FormData();
    form.append('note', 'ignored');
    form.append('file', new Blob([SIMP_PAGE], { type: 'text/plain' }), 'page.txt');
    const answer = await post('/api/parse', '/api/parse?annotate=0', { body: form }, 200);
    const article = answer.json.page.articles[0];
    assert.equal(article.headline, '外交部就中俄关系答记者问');
    assert.equal(article.entities, undefined);
  });

  test('input-format: told by content by default, or as told', async () => {
    const piece =
      '<div><h1>議會通過年度預算案</h1><p>2024年6月3日</p><p>財政司司長表示，預算案獲得通過。</p></div>';
    const auto = await post('/api/parse', '/api/parse?annotate=0', { body: piece }, 200);
    assert.equal(auto.json.page.source.format, 'html');
    assert.equal(auto.json.page.articles[0].headline, '議會通過年度預算案');
    const asText = await post(
      '/api/parse',
      '/api/parse?annotate=0&input-format=text',
      { body: piece },
      200,
    );
    assert.equal(asText.json.page.source.format, 'text');
    assert.match(asText.json.text, /^<div><h1>/);
    const bad = await post('/api/parse', '/api/parse?input-format=pdf', { body: piece }, 400);
    assert.match(bad.json.message, /'input-format' must be one of auto, text, html/);
  });

  test('too large, empty, not text, a form without the file, a JSON body', async () => {
    const big = new Uint8Array(2 * 1024 * 1024 + 1).fill(0x41);
    const tooBig = await post('/api/parse', '/api/parse', { body: big }, 413);
    assert.equal(tooBig.json.error, 'payload-too-large');
    await post('/api/parse', '/api/parse', { body: '' }, 400);
    const binary = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 0xff, 0xfe, 0, 1, 2, 3]);
    const notText = await post('/api/parse', '/api/parse', { body: binary }, 400);
    assert.equal(notText.json.error, 'not-text');
    const form = new FormData();
    form.append('other', new Blob(['x']), 'x.txt');
    await post('/api/parse', '/api/parse', { body: form }, 400);
    const jsonBody = { body: '{}', headers: { 'content-type': 'application/json' } };
    await post('/api/parse', '/api/parse', jsonBody, 415);
    await post('/api/parse', '/api/parse?date=yesterday', { body: 'x' }, 400);
    // The server still answers after all that.
    assert.equal((await call(server.url, '/healthz')).status, 200);
  });
});

describe('POST /api/ingest', () => {
  const page =
    '中俄舉行戰略安全磋商\n\n新華社北京6月3日電 中俄兩國代表在北京舉行戰略安全磋商，雙方同意加強協調。\n';

  test('needs the bearer token: none or a wrong one is a 401', async () => {
    await post('/api/ingest', '/api/ingest', { body: page }, 401);
    const wrong = { body: page, headers: { authorization: 'Bearer not-the-token' } };
    const answer = await post('/api/ingest', '/api/ingest', wrong, 401);
    assert.equal(answer.headers.get('www-authenticate'), 'Bearer');
  });

  test('stores a page once (201, then 200 with created false); search finds it', async () => {
    const init = { body: page, headers: { authorization: `Bearer ${TOKEN}` } };
    const path = `/api/ingest?${q({ source: 'api-test', date: '2024-06-03' })}`;
    const first = (await post('/api/ingest', path, init, 201)).json;
    assert.equal(first.created, true);
    assert.equal(first.articles.length, 1);
    const again = (await post('/api/ingest', path, init, 200)).json;
    assert.deepEqual(again, { ...first, created: false });
    const hits = (await get('/api/search', `/api/search?${q({ q: '战略安全磋商' })}`)).json.hits;
    assert.deepEqual(
      hits.map((h: { articleId: number }) => h.articleId),
      first.articles,
    );
    assert.equal(hits[0].date, '2024-06-03');
  });

  test('a server without a token refuses ingest: 403', async () => {
    const readOnly = await startTestServer({ token: null });
    try {
      const answer = await ingest(readOnly.url, page);
      assert.equal(answer.status, 403);
      assert.equal(answer.json.error, 'read-only');
    } finally {
      await stopTestServer(readOnly);
    }
  });
});

describe('routing and the web UI', () => {
  test('a parameter the route does not take is a 400 that names it (a typo is no filter)', async () => {
    const typo = await get('/api/stances', '/api/stances?clas=oppose', 400);
    assert.equal(typo.json.error, 'unknown-parameter');
    assert.match(typo.json.message, /'clas' \(did you mean 'class'\?\)/);
    const none = await get('/api/stats', '/api/stats?x=1', 400);
    assert.match(none.json.message, /takes no parameters/);
    const wrongRoute = await get('/api/entities', '/api/entities?speaker=王毅', 400);
    assert.match(wrongRoute.json.message, /does not take 'speaker'/);
  });

  test('unknown API routes are 404, wrong methods 405 with Allow', async () => {
    const missing = await call(server.url, '/api/nothing');
    assert.equal(missing.status, 404);
    const wrong = await call(server.url, '/api/search', { method: 'POST', body: 'x' });
    assert.equal(wrong.status, 405);
    assert.equal(wrong.headers.get('allow'), 'GET, HEAD');
    const parse = await call(server.url, '/api/parse');
    assert.equal(parse.status, 405);
    assert.equal(parse.headers.get('allow'), 'POST');
    const head = await fetch(new URL('/api/stats', server.url), { method: 'HEAD' });
    assert.equal(head.status, 200);
  });

  test('on loopback, only requests addressed to it: no DNS rebinding', async () => {
    const { request } = await import('node:http');
    const ask = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const req = request(
          { host: '127.0.0.1', port: server.port, path: '/api/stats', headers: { host } },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.on('error', reject);
        req.end();
      });
    assert.equal(await ask(`127.0.0.1:${server.port}`), 200);
    assert.equal(await ask(`localhost:${server.port}`), 200);
    assert.equal(await ask(`evil.example:${server.port}`), 421);
    assert.equal(await ask('127.0.0.1'), 421);
  });

  test('serves the built UI: files, the SPA fallback, no way out of the root', async () => {
    const index = await call(server.url, '/');
    assert.equal(index.status, 200);
    assert.match(index.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(index.text, /<div id="app">/);
    const route = await call(server.url, '/entity/PER%3A%E4%B9%A0');
    assert.equal(route.text, index.text);
    const asset = await call(server.url, '/assets/app-1a2b3c.js');
    assert.match(asset.headers.get('content-type') ?? '', /^text\/javascript/);
    assert.match(asset.headers.get('cache-control') ?? '', /immutable/);
    assert.equal((await call(server.url, '/assets/missing.js')).status, 404);
    for (const path of [
      '/../package.json',
      '/%2e%2e/%2e%2e/package.json',
      '/assets/..%2f..%2fx.js',
    ]) {
      const answer = await call(server.url, path);
      assert.ok(answer.status === 404 || answer.text === index.text, path);
      assert.doesNotMatch(answer.text, /"name": "jiedu"/);
    }
    const csp = index.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.equal(index.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(index.headers.get('referrer-policy'), 'no-referrer');
  });

  test('without a built UI, pages are a 503 that says how to build it', async () => {
    const empty = makeWebRoot();
    rmSync(empty, { recursive: true, force: true });
    const bare = await startTestServer({ webRoot: empty });
    try {
      const answer = await call(bare.url, '/');
      assert.equal(answer.status, 503);
      assert.equal(answer.json.error, 'ui-not-built');
      assert.equal((await call(bare.url, '/api/stats')).status, 200);
    } finally {
      await stopTestServer(bare);
    }
  });
});
