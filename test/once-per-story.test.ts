import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { toSimplified } from '../src/normalize/index.ts';
import { type RunningServer, startServer } from '../src/serve/index.ts';
import { openStore, type SqliteStore } from '../src/store/index.ts';
import { call, makeWebRoot, OpenApiChecker } from './helpers/serve.ts';
import { documentFor, TRAD_PAGE } from './helpers/store-pages.ts';

/*
 * Counted once: the meeting page of store-pages in three outlets (as written, in
 * Simplified, with CRLF line ends) and a fourth copy that adds a paragraph with a quote and
 * a stance of its own. Quotes, stances, their counts, the timeline and the graph count
 * each position of the story once, saying in how many copies and outlets it is; copies
 * lists every copy's rows; a filter that leaves out the first copy counts the next.
 */

const ADDED = '王毅補充說：「中方願同俄方加強在聯合國的協調。」中方反對干涉別國內政。';

/** The meeting page with one more paragraph, before the byline. */
function withParagraph(page: string): string {
  return page.replace('\n\n●香港文匯報記者', `\n\n${ADDED}\n\n●香港文匯報記者`);
}

const COPIES = [
  { text: TRAD_PAGE, outlet: '文匯報', source: 'wenwei.txt' },
  { text: toSimplified(TRAD_PAGE), outlet: '大公报', source: 'takung.txt' },
  { text: TRAD_PAGE.replace(/\n/g, '\r\n'), outlet: '星島日報', source: 'singtao.txt' },
  { text: withParagraph(TRAD_PAGE), outlet: '明報', source: 'mingpao.txt' },
];

let archive: SqliteStore;

before(() => {
  assert.ok(withParagraph(TRAD_PAGE).includes(ADDED));
  archive = openStore(':memory:');
  for (const c of COPIES) {
    archive.putDocument(
      documentFor(c.text, { source: c.source, outlet: c.outlet, date: '2024-05-16' }),
    );
  }
});

after(() => archive.close());

describe('a story counts once', () => {
  test('the meeting is one story of four copies', () => {
    const meeting = archive.stories({ limit: 10 }).find((s) => s.copies === 4);
    assert.ok(meeting !== undefined, JSON.stringify(archive.stories({ limit: 10 })));
  });

  test('quotes: each once, with its copies and outlets; copies lists all', () => {
    const every = archive.quotes({ limit: 100, copies: true });
    const once = archive.quotes({ limit: 100 });
    assert.ok(once.length > 0);
    assert.ok(once.length < every.length);
    const putin = once.filter((q) => q.text.includes('單邊制裁') || q.text.includes('单边制裁'));
    assert.equal(putin.length, 1);
    assert.equal(putin[0]?.copies, 4);
    assert.equal(putin[0]?.outlets, 4);
    // The added paragraph's quote is in one copy, listed from it.
    const added = once.filter((q) => q.text.includes('聯合國的協調'));
    assert.equal(added.length, 1);
    assert.equal(added[0]?.copies, 1);
    assert.equal(added[0]?.outlet, '明報');
    // Every listed row stands for its copies: they add up to every copy's rows.
    assert.equal(
      once.reduce((n, q) => n + (q.copies ?? 0), 0),
      every.length,
    );
    assert.ok(every.every((q) => q.copies === undefined));
    assert.equal(archive.totalQuotes({}), once.length);
    assert.equal(archive.totalQuotes({ copies: true }), every.length);
    const bySpeaker = archive.countQuotes({}, 'speaker');
    assert.equal(
      bySpeaker.reduce((n, r) => n + r.count, 0),
      once.length,
    );
  });

  test('stances and their counts: each once', () => {
    const every = archive.stances({ limit: 100, copies: true });
    const once = archive.stances({ limit: 100 });
    assert.ok(once.length < every.length);
    const sanctions = once.filter((s) => s.class === 'oppose' && /制裁/.test(s.target));
    assert.equal(sanctions.length, 1);
    assert.equal(sanctions[0]?.copies, 4);
    assert.equal(
      once.reduce((n, s) => n + (s.copies ?? 0), 0),
      every.length,
    );
    const byClass = archive.countStances({}, 'class');
    const byClassEvery = archive.countStances({ copies: true }, 'class');
    const oppose = (rows: { key: string; count: number }[]) =>
      rows.find((r) => r.key === 'oppose')?.count ?? 0;
    assert.equal(oppose(byClass), once.filter((s) => s.class === 'oppose').length);
    assert.ok(oppose(byClassEvery) > oppose(byClass));
    assert.equal(archive.totalStances({ class: 'oppose' }), oppose(byClass));
  });

  test('a filter that leaves out the first copy counts the next one', () => {
    const takung = archive.quotes({ limit: 100, outlet: '大公報' });
    assert.ok(takung.length > 0);
    assert.ok(takung.every((q) => q.outlet === '大公报'));
    const later = archive.quotes({ limit: 100, outlet: '星島日報' });
    assert.equal(later.length, takung.length);
    const stances = archive.stances({ limit: 100, outlet: '大公報', class: 'oppose' });
    assert.ok(stances.length > 0);
  });

  test('the timeline counts a story once a day; the graph each stance once', () => {
    const once = archive.timeline({ text: '普京' });
    const every = archive.timeline({ text: '普京', copies: true });
    assert.deepEqual(once, [{ date: '2024-05-16', count: 1 }]);
    assert.deepEqual(every, [{ date: '2024-05-16', count: 4 }]);
    const graph = archive.stanceGraph({});
    const all = archive.stanceGraph({ copies: true });
    const weight = (g: typeof graph) => g.edges.reduce((n, e) => n + e.weight, 0);
    assert.ok(weight(graph) > 0);
    assert.ok(weight(all) > weight(graph));
  });

  test('an export holds every copy', () => {
    assert.equal([...archive.exportQuotes()].length, archive.totalQuotes({ copies: true }));
    assert.equal([...archive.exportStances()].length, archive.totalStances({ copies: true }));
  });
});

describe('a passage a page repeats counts once', () => {
  /** A page of two articles: the meeting, then a commentary that repeats 普京's words. */
  const PAGE = [
    '習近平會見俄羅斯總統普京',
    '',
    '香港文匯報訊 據新華社報道，國家主席習近平昨日在北京會見俄羅斯總統普京。習近平表示，中俄堅持睦鄰友好，雙方支持彼此維護核心利益。',
    '',
    '普京說：「俄方反對單邊制裁，願同中方加強合作。」',
    '',
    '●香港文匯報記者 葛沖 北京報道',
    '',
    '',
    '',
    '專家：中俄合作有助穩定',
    '',
    '香港文匯報訊 多名專家昨日表示，中俄關係穩定發展，有助於地區和平。',
    '',
    '普京說：「俄方反對單邊制裁，願同中方加強合作。」',
    '',
    '專家指出，兩國在能源和貿易領域的合作將進一步深化。',
    '',
  ].join('\n');

  test("the later article's repeat of a quote and a stance is left out; copies lists it", () => {
    const store = openStore(':memory:');
    try {
      store.putDocument(documentFor(PAGE, { source: 'page.txt', date: '2024-05-16' }));
      assert.equal(store.documentArticles(1).length, 2);
      const putin = <R extends { speaker: string }>(rows: R[]) =>
        rows.filter((q) => q.speaker === '普京');
      assert.equal(putin(store.quotes({ limit: 50, copies: true })).length, 2);
      const once = putin(store.quotes({ limit: 50 }));
      assert.equal(once.length, 1);
      assert.equal(once[0]?.articleId, 1);
      const sanctions = (rows: { class: string; target: string }[]) =>
        rows.filter((s) => s.class === 'oppose' && s.target === '單邊制裁');
      assert.equal(sanctions(store.stances({ limit: 50, copies: true })).length, 2);
      assert.equal(sanctions(store.stances({ limit: 50 })).length, 1);
      assert.equal(store.totalStances({ class: 'oppose' }), 1);
      // Only the repeat goes: the commentary's own words stay.
      assert.ok(store.quotes({ limit: 50 }).length >= 2);
    } finally {
      store.close();
    }
  });
});

describe('over HTTP', () => {
  let server: RunningServer;
  let webRoot = '';
  let api: OpenApiChecker;
  before(async () => {
    webRoot = makeWebRoot();
    server = await startServer({ archive, port: 0, webRoot, log: () => {} });
    api = new OpenApiChecker((await call(server.url, '/openapi.json')).json);
  });
  after(async () => {
    await server.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  async function get(route: string, path: string) {
    const answer = await call(server.url, path);
    assert.equal(answer.status, 200, `${path}: ${answer.text.slice(0, 300)}`);
    api.check('get', route, answer);
    return answer.json;
  }

  test('quotes, stances, timeline, graph and the entity page; copies=1 lists every copy', async () => {
    const quotes = await get('/api/quotes', '/api/quotes?limit=100');
    const everyQuote = await get('/api/quotes', '/api/quotes?limit=100&copies=1');
    assert.equal(quotes.total, archive.totalQuotes({}));
    assert.equal(everyQuote.total, archive.totalQuotes({ copies: true }));
    assert.ok(
      quotes.quotes.some(
        (q: { copies: number; outlets: number }) => q.copies === 4 && q.outlets === 4,
      ),
    );
    const stances = await get('/api/stances', '/api/stances?limit=100&class=oppose');
    const everyStance = await get('/api/stances', '/api/stances?limit=100&class=oppose&copies=1');
    assert.ok(stances.total < everyStance.total);
    const days = await get('/api/timeline', '/api/timeline?q=普京');
    assert.deepEqual(days.days, [{ date: '2024-05-16', count: 1 }]);
    const allDays = await get('/api/timeline', '/api/timeline?q=普京&copies=1');
    assert.deepEqual(allDays.days, [{ date: '2024-05-16', count: 4 }]);
    await get('/api/graph', '/api/graph?copies=1');
    const entity = await get(
      '/api/entities/{id}',
      `/api/entities/${encodeURIComponent('PER:普京')}`,
    );
    const entityAll = await get(
      '/api/entities/{id}',
      `/api/entities/${encodeURIComponent('PER:普京')}?copies=1`,
    );
    assert.equal(entity.totals.quotesBy, 1);
    assert.equal(entity.quotesBy[0].copies, 4);
    assert.equal(entityAll.totals.quotesBy, 4);
    assert.deepEqual(entity.timeline, [{ date: '2024-05-16', count: 1 }]);
  });
});
