import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { toSimplified } from '../src/normalize/index.ts';
import {
  type Archive,
  type AsyncArchive,
  asyncArchive,
  type DocumentInput,
  openArchive,
  openPgArchive,
  openStore,
  type SearchHit,
} from '../src/store/index.ts';
import { PG_SCHEMA_VERSION } from '../src/store/postgres/migrations.ts';
import {
  createTestDatabase,
  dropTestDatabases,
  PG_SKIP,
  POSTGRES,
  prepareDatabases,
  SQLITE,
} from './helpers/backends.ts';
import { ROOT } from './helpers/cli.ts';
import {
  documentFor,
  G20_PAGE,
  SIMP_PAGE,
  TRAD_PAGE,
  testDocuments,
} from './helpers/store-pages.ts';
import { storyDocument, storySet } from './helpers/story-set.ts';

/**
 * The PostgreSQL archive answers as the SQLite one does: the same documents stored in both,
 * every read of the Archive interface compared (search scores aside: FTS5's bm25 and
 * PostgreSQL's ts_rank differ, so relevance order is compared as sets). Skipped, with a
 * message, when no PostgreSQL server is given (JIEDU_TEST_PG).
 */

const skip = PG_SKIP === null ? undefined : `PostgreSQL half skipped: ${PG_SKIP}`;

/** What schema 3 changed, undone: the search vectors back in the article rows. */
const UNDO_SCHEMA_3 = `ALTER TABLE articles ADD COLUMN search tsvector;
  UPDATE articles a SET search = s.search FROM article_search s WHERE s.article = a.id;
  ALTER TABLE articles ALTER COLUMN search SET NOT NULL;
  CREATE INDEX articles_search ON articles USING gin (search) WITH (fastupdate = off);
  DROP TABLE article_search;
  DELETE FROM settings WHERE key = 'search_partition_size'`;

/** What schemas 4 to 6 added, dropped: story sketches, entities' totals per story and
 * repeated passages. */
const UNDO_SCHEMA_4_TO_6 = `DROP TABLE story_sketches; ALTER TABLE story_bands DROP COLUMN story;
  ALTER TABLE entities DROP COLUMN stories; ALTER TABLE entities DROP COLUMN story_mentions;
  DROP TABLE passage_repeats; DROP TABLE passage_keys`;

/** The test pages, the fixture pages and a set of composed stories (copies in other
 * outlets and scripts). */
function documents(): DocumentInput[] {
  const fixtures = readdirSync(join(ROOT, 'test', 'fixtures'))
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .slice(0, 12)
    .map((name, k) =>
      documentFor(readFileSync(join(ROOT, 'test', 'fixtures', name), 'utf8'), {
        source: name,
        date: `2024-0${1 + (k % 9)}-1${k % 10}`,
        outlet: k % 2 === 0 ? '文匯報' : '新华社',
      }),
    );
  return [
    ...testDocuments(),
    ...fixtures,
    ...storySet().slice(0, 40).map(storyDocument),
    ...copiesAndRepeats(),
  ];
}

/** A paragraph with a quote and a stance of its own, that one copy of the meeting adds. */
const ADDED = '王毅補充說：「中方願同俄方加強在聯合國的協調。」中方反對干涉別國內政。';

/** The meeting page (the first test page) again in three more outlets (in Simplified, with
 * CRLF line ends, with a paragraph more), and a page of two articles whose second repeats
 * a passage of the first (a quote and a stance). */
function copiesAndRepeats(): DocumentInput[] {
  const added = TRAD_PAGE.replace('\n\n●香港文匯報記者', `\n\n${ADDED}\n\n●香港文匯報記者`);
  const repeated = [
    '習近平會見俄羅斯總統普京',
    '',
    '香港文匯報訊 據新華社報道，國家主席習近平前日在北京會見俄羅斯總統普京。習近平表示，中俄堅持睦鄰友好，雙方支持彼此維護核心利益。',
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
  return [
    { text: toSimplified(TRAD_PAGE), outlet: '大公报', source: 'takung.txt' },
    { text: TRAD_PAGE.replace(/\n/g, '\r\n'), outlet: '星島日報', source: 'singtao.txt' },
    { text: added, outlet: '明報', source: 'mingpao.txt' },
    { text: repeated, outlet: '香港商報', source: 'repeated.txt' },
  ].map((c, k) =>
    documentFor(c.text, { source: c.source, outlet: c.outlet, date: `2024-05-${16 + (k % 2)}` }),
  );
}

/** A hit without its score, for comparing. */
const plain = (hits: SearchHit[]) => hits.map(({ score: _, ...hit }) => hit);
const stories = (hits: SearchHit[]) => hits.map((h) => [h.story, h.copies]).sort();
const byId = (hits: SearchHit[]) => plain(hits).sort((a, b) => a.articleId - b.articleId);

describe('the PostgreSQL archive answers as the SQLite one', { skip }, () => {
  let lite: Archive;
  let pg: Archive;

  before(async () => {
    await prepareDatabases(2);
    lite = SQLITE.open();
    pg = POSTGRES.open();
    for (const doc of documents()) {
      assert.deepEqual(pg.putDocument(doc), lite.putDocument(doc));
    }
  });
  after(async () => {
    lite?.close();
    pg?.close();
    await dropTestDatabases();
  });

  test('storing the same bytes again changes nothing', () => {
    const before = pg.stats();
    for (const doc of documents().slice(0, 5)) {
      const again = pg.putDocument({ ...doc, source: 'again.txt' });
      assert.equal(again.created, false);
    }
    assert.deepEqual({ ...pg.stats(), fileBytes: 0 }, { ...before, fileBytes: 0 });
    const [doc] = testDocuments() as [DocumentInput];
    assert.equal(pg.hasDocument(doc.hash), true);
    assert.equal(pg.hasDocument('nope'), false);
  });

  test('the same figures', () => {
    const strip = (s: ReturnType<Archive['stats']>) => ({ ...s, fileBytes: 0, schemaVersion: 0 });
    assert.deepEqual(strip(pg.stats()), strip(lite.stats()));
  });

  test('search: the same hits, snippets, highlights and matches, in every mode', () => {
    const queries = [
      '中国',
      '習近平',
      '俄',
      '中 NOT 美国',
      '"中俄 关系"',
      '制裁 OR 合作',
      '(普京 OR 王毅) NOT 制裁',
      '中俄*',
      'g20',
      '發展',
    ];
    for (const text of queries) {
      for (const copies of [true, false]) {
        const q = { text, copies, limit: 10_000 };
        if (copies) assert.deepEqual(byId(pg.search(q)), byId(lite.search(q)), text);
        // A story's copy that stands for it is its best ranked: the scores differ, so may it.
        else assert.deepEqual(stories(pg.search(q)), stories(lite.search(q)), text);
        for (const sort of ['newest', 'oldest'] as const) {
          const s = { ...q, sort, limit: 7, offset: 2 };
          assert.deepEqual(plain(pg.search(s)), plain(lite.search(s)), `${text} ${sort}`);
        }
        assert.equal(pg.countMatches(q), lite.countMatches(q), text);
        assert.deepEqual(pg.timeline(q), lite.timeline(q), text);
        assert.deepEqual(pg.facets(q), lite.facets(q), text);
      }
      const filtered = { text, outlet: '文汇报', from: '2024-03-01', limit: 10_000 };
      assert.deepEqual(byId(pg.search(filtered)), byId(lite.search(filtered)), text);
    }
    for (const q of [{}, { entity: '俄羅斯' }, { script: 'traditional' as const }]) {
      assert.deepEqual(plain(pg.search(q)), plain(lite.search(q)));
      assert.deepEqual(pg.facets(q), lite.facets(q));
    }
  });

  test('entities, quotes, stances: listings, counts, totals and exports', () => {
    for (const q of [
      {},
      { type: 'PER' as const },
      { name: '中' },
      { filter: { outlet: '新華社' } },
      { copies: true },
      { filter: { outlet: '新華社' }, copies: true },
      { filter: { script: 'simplified' as const } },
    ]) {
      assert.deepEqual(pg.entities({ ...q, limit: 100 }), lite.entities({ ...q, limit: 100 }));
      assert.deepEqual(pg.countEntities(q), lite.countEntities(q));
      assert.equal(pg.totalEntities(q), lite.totalEntities(q));
    }
    for (const base of [
      {},
      { kind: 'direct' as const },
      { about: '制裁' },
      { speaker: '王毅' },
      { speaker: '普京' },
      { mentioning: '中国' },
      { outlet: '大公報' },
      { outlet: '星島日報', from: '2024-05-01' },
    ]) {
      for (const copies of [false, true]) {
        const q = { ...base, copies };
        const label = JSON.stringify(q);
        assert.deepEqual(pg.quotes({ ...q, limit: 300 }), lite.quotes({ ...q, limit: 300 }), label);
        assert.deepEqual(
          pg.quotes({ ...q, limit: 5, offset: 3 }),
          lite.quotes({ ...q, limit: 5, offset: 3 }),
          label,
        );
        assert.equal(pg.totalQuotes(q), lite.totalQuotes(q), label);
        for (const by of ['speaker', 'cue', 'kind', 'outlet', 'date'] as const) {
          assert.deepEqual(pg.countQuotes(q, by), lite.countQuotes(q, by), `${label} ${by}`);
        }
      }
    }
    for (const base of [
      {},
      { class: 'support' as const },
      { class: 'oppose' as const },
      { about: '中' },
      { actor: '中国' },
      { negated: true },
      { outlet: '大公報' },
      { outlet: '明報', to: '2024-12-31' },
    ]) {
      for (const copies of [false, true]) {
        const q = { ...base, copies };
        const label = JSON.stringify(q);
        assert.deepEqual(
          pg.stances({ ...q, limit: 300 }),
          lite.stances({ ...q, limit: 300 }),
          label,
        );
        assert.equal(pg.totalStances(q), lite.totalStances(q), label);
        for (const by of ['class', 'actor', 'cue', 'plover', 'target', 'outlet', 'date'] as const) {
          assert.deepEqual(pg.countStances(q, by), lite.countStances(q, by), `${label} ${by}`);
        }
      }
    }
    assert.deepEqual(pg.stanceGraph({}), lite.stanceGraph({}));
    assert.deepEqual([...pg.exportArticles()], [...lite.exportArticles()]);
    assert.deepEqual([...pg.exportQuotes()], [...lite.exportQuotes()]);
    assert.deepEqual([...pg.exportStances()], [...lite.exportStances()]);
    assert.deepEqual([...pg.exportEntities()], [...lite.exportEntities()]);
  });

  test('one article, one document, one entity', () => {
    const total = lite.stats().articles;
    for (let id = 1; id <= total; id++) {
      const a = pg.getArticle(id);
      const b = lite.getArticle(id);
      assert.deepEqual(
        a === undefined ? a : { ...a, document: { ...a.document, storedAt: '' } },
        b === undefined ? b : { ...b, document: { ...b.document, storedAt: '' } },
      );
    }
    assert.equal(pg.getArticle(10_000_000_000), undefined);
    for (let id = 1; id <= 5; id++) {
      assert.equal(pg.documentText(id), lite.documentText(id));
      assert.deepEqual(pg.documentArticles(id), lite.documentArticles(id));
    }
    for (const name of ['中国', '習近平', 'PER:普京', '没有这个人']) {
      assert.deepEqual(pg.getEntity(name), lite.getEntity(name), name);
      assert.deepEqual(pg.entityMentions(name), lite.entityMentions(name), name);
      assert.deepEqual(pg.cooccurring(name), lite.cooccurring(name), name);
    }
  });

  test('stories: the same copies joined', () => {
    assert.deepEqual(pg.stories({ limit: 100 }), lite.stories({ limit: 100 }));
    assert.equal(pg.totalStories({ minCopies: 2 }), lite.totalStories({ minCopies: 2 }));
    assert.ok(lite.totalStories({ minCopies: 2 }) > 0, 'the set has stories of several copies');
  });

  test('a story counts once: the set has copies and a repeated passage, on both alike', () => {
    // The set holds what is counted once: a quote in four copies of one story, in four
    // outlets, and a page that repeats a quote and a stance in its second article.
    const putin = (rows: { text: string; copies?: number; outlets?: number }[]) =>
      rows.filter((q) => toSimplified(q.text).includes('单边制裁'));
    const liteOnce = putin(lite.quotes({ speaker: '普京', limit: 300 }));
    const liteEvery = putin(lite.quotes({ speaker: '普京', copies: true, limit: 300 }));
    assert.ok(liteOnce.some((q) => (q.copies ?? 0) >= 4 && (q.outlets ?? 0) >= 4));
    assert.ok(liteEvery.length > liteOnce.length + 3, 'copies and the repeat listed');
    const repeatedDoc = { outlet: '香港商報', limit: 300 };
    const repeated = lite.quotes({ ...repeatedDoc, copies: true })[0]?.documentId ?? 0;
    const [first, second] = lite.documentArticles(repeated);
    assert.ok(first !== undefined && second !== undefined, 'the repeating page has two articles');
    const of = <R extends { articleId: number }>(rows: R[], id: number) =>
      rows.filter((r) => r.articleId === id);
    assert.equal(putin(of(lite.quotes({ ...repeatedDoc, copies: true }), second)).length, 1);
    assert.equal(putin(of(lite.quotes(repeatedDoc), second)).length, 0);
    // PostgreSQL answers alike, copies and outlets of each row included.
    assert.deepEqual(putin(pg.quotes({ speaker: '普京', limit: 300 })), liteOnce);
    assert.deepEqual(pg.quotes(repeatedDoc), lite.quotes(repeatedDoc));
    assert.deepEqual(pg.stances(repeatedDoc), lite.stances(repeatedDoc));
    for (const copies of [false, true]) {
      for (const text of ['普京', '制裁', '中俄', '習近平']) {
        const q = { text, copies };
        assert.deepEqual(pg.timeline(q), lite.timeline(q), text);
        assert.equal(pg.countMatches(q), lite.countMatches(q), text);
      }
      for (const q of [{}, { class: 'oppose' as const }, { outlet: '明報' }, { min: 2 }]) {
        const g = { ...q, copies };
        assert.deepEqual(pg.stanceGraph(g), lite.stanceGraph(g), JSON.stringify(g));
      }
    }
    const g = lite.stanceGraph({});
    const all = lite.stanceGraph({ copies: true });
    const weight = (x: typeof g) => x.edges.reduce((n, e) => n + e.weight, 0);
    assert.ok(weight(all) > weight(g), 'the graph counts copies once');
    // The entity's own page: its detail, and what it says with and without copies.
    for (const name of ['PER:普京', '王毅', '中国']) {
      assert.deepEqual(pg.getEntity(name), lite.getEntity(name), name);
      for (const copies of [false, true]) {
        assert.deepEqual(pg.getEntity(name, { copies }), lite.getEntity(name, { copies }), name);
        for (const filter of [{}, { outlet: '新華社' }, { script: 'traditional' as const }]) {
          const m = { ...filter, copies, limit: 100 };
          assert.deepEqual(pg.entityMentions(name, m), lite.entityMentions(name, m), name);
        }
        const q = { speaker: name, copies, limit: 100 };
        assert.deepEqual(pg.quotes(q), lite.quotes(q), name);
        assert.equal(pg.totalQuotes(q), lite.totalQuotes(q), name);
        const about = { mentioning: name, copies, limit: 100 };
        assert.deepEqual(pg.quotes(about), lite.quotes(about), name);
        const st = { actor: name, copies, limit: 100 };
        assert.deepEqual(pg.stances(st), lite.stances(st), name);
        assert.deepEqual(pg.countStances(st, 'class'), lite.countStances(st, 'class'), name);
        const on = { mentioning: name, copies, limit: 100 };
        assert.deepEqual(pg.stances(on), lite.stances(on), name);
        assert.deepEqual(
          pg.timeline({ entity: name, copies }),
          lite.timeline({ entity: name, copies }),
          name,
        );
      }
    }
  });

  test('articlePage and getStory: every article as a page of its own, and its story', () => {
    const total = lite.stats().articles;
    let joined = 0;
    for (let id = 1; id <= total; id++) {
      assert.deepEqual(pg.articlePage(id), lite.articlePage(id), `article ${id}`);
      const story = lite.getStory(id);
      assert.deepEqual(pg.getStory(id), story, `story of ${id}`);
      if ((story?.articles.length ?? 0) > 1) joined++;
    }
    assert.ok(joined >= 4, 'articles of stories of several copies');
    assert.ok(lite.articlePage(1)?.children[0]?.annotations !== undefined);
    for (const id of [0, -1, total + 1, 10_000_000_000, 1.5]) {
      assert.equal(pg.articlePage(id), lite.articlePage(id), String(id));
      assert.equal(pg.getStory(id), lite.getStory(id), String(id));
    }
  });

  test('compareOutlets: the same outlets, speakers, quotes and stances', () => {
    const queries = [
      {},
      { text: '普京' },
      { text: '制裁 OR 合作' },
      { entity: '俄羅斯' },
      { outlet: '明報' },
      { from: '2024-05-01', to: '2024-05-31' },
      { script: 'simplified' as const },
      { outlets: 2, speakers: 1 },
      { outlets: 100, speakers: 100 },
      { text: '没有这样的字' },
    ];
    for (const base of queries) {
      for (const copies of [false, true]) {
        const q = { ...base, copies };
        assert.deepEqual(pg.compareOutlets(q), lite.compareOutlets(q), JSON.stringify(q));
      }
    }
    const once = lite.compareOutlets({});
    const every = lite.compareOutlets({ copies: true });
    assert.ok(once.outlets.length >= 4 && once.speakers.length > 0 && once.stances.length > 0);
    const sum = (c: typeof once) => c.outlets.reduce((n, o) => n + o.quotes + o.stances, 0);
    assert.ok(sum(every) > sum(once), 'an outlet counts a story it printed twice once');
    for (const bad of [{ outlets: 0 }, { speakers: 101 }, { outlets: 1.5 }]) {
      assert.throws(() => lite.compareOutlets(bad), TypeError);
      assert.throws(() => pg.compareOutlets(bad), TypeError);
    }
    assert.throws(() => pg.compareOutlets({ text: '(中' }), { name: 'QueryError' });
  });

  test('a bad query is a QueryError, bad arguments TypeErrors, as on SQLite', () => {
    assert.throws(() => pg.search({ text: '(中' }), { name: 'QueryError' });
    assert.throws(() => pg.search({ text: '中', limit: -1 }), TypeError);
    assert.throws(
      () => pg.putDocument({ ...(testDocuments()[0] as DocumentInput), hash: '' }),
      /doc\.hash/,
    );
  });
});

describe('a PostgreSQL archive of schema 1', { skip }, () => {
  test('gains the comparable keys of its quotes and stances: a story counts once there too', async () => {
    const docs = copiesAndRepeats();
    const url = await createTestDatabase();
    const lite = SQLITE.open();
    try {
      // An archive as schema 1 wrote it: no keys, version 1.
      const first = await openPgArchive(url);
      for (const doc of docs) await first.putDocument(doc);
      await first.close();
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        // Schema 1 also kept the search vectors in the article rows (schema 3 moved them).
        await client.query(`ALTER TABLE quotes DROP COLUMN story_key;
          ALTER TABLE stances DROP COLUMN story_key; ${UNDO_SCHEMA_4_TO_6}; ${UNDO_SCHEMA_3};
          UPDATE jiedu_schema SET version = 1`);
      } finally {
        await client.end();
      }
      const upgraded = await openPgArchive(url);
      try {
        assert.equal((await upgraded.stats()).schemaVersion, PG_SCHEMA_VERSION);
        for (const doc of docs) lite.putDocument(doc);
        const once = await upgraded.quotes({ limit: 100 });
        assert.ok(once.length < (await upgraded.totalQuotes({ copies: true })));
        assert.deepEqual(once, lite.quotes({ limit: 100 }));
        assert.deepEqual(await upgraded.stances({ limit: 100 }), lite.stances({ limit: 100 }));
        assert.deepEqual(await upgraded.compareOutlets({}), lite.compareOutlets({}));
        // The vectors moved into their partitions find what SQLite finds.
        for (const text of ['中方', '聯合國', '協調 NOT 干涉']) {
          const q = { text, copies: true, limit: 100 };
          assert.deepEqual(
            byId(await upgraded.search(q)).map((h) => h.articleId),
            byId(lite.search(q)).map((h) => h.articleId),
            text,
          );
          assert.equal(await upgraded.countMatches(q), lite.countMatches(q), text);
        }
        // The entities' counts of a story once, computed for the entities stored before.
        assert.deepEqual(await upgraded.entities({ limit: 100 }), lite.entities({ limit: 100 }));
      } finally {
        await upgraded.close();
      }
    } finally {
      lite.close();
      await dropTestDatabases();
    }
  });
});

describe('a PostgreSQL archive of schema 2 (band keys without their stories, no sketches)', {
  skip,
}, () => {
  test('keeps its stories, and new copies join them as on SQLite', async () => {
    const pages = storySet(['eu-tariffs', 'hang-seng']);
    const older = pages.filter((p) => p.variant !== 'all-at-once').map(storyDocument);
    const rest = pages.filter((p) => p.variant === 'all-at-once').map(storyDocument);
    const url = await createTestDatabase();
    const lite = SQLITE.open();
    try {
      const first = await openPgArchive(url);
      for (const doc of older) await first.putDocument(doc);
      const before = await first.stories({ limit: 100 });
      await first.close();
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(
          `${UNDO_SCHEMA_4_TO_6}; ${UNDO_SCHEMA_3}; UPDATE jiedu_schema SET version = 2`,
        );
      } finally {
        await client.end();
      }
      const upgraded = await openPgArchive(url);
      try {
        assert.equal((await upgraded.stats()).schemaVersion, PG_SCHEMA_VERSION);
        assert.deepEqual(await upgraded.stories({ limit: 100 }), before);
        for (const doc of rest) await upgraded.putDocument(doc);
        for (const doc of [...older, ...rest]) lite.putDocument(doc);
        assert.deepEqual(await upgraded.stories({ limit: 100 }), lite.stories({ limit: 100 }));
        assert.ok(lite.totalStories({ minCopies: 7 }) === 4, 'each story has its seven copies');
      } finally {
        await upgraded.close();
      }
    } finally {
      lite.close();
      await dropTestDatabases();
    }
  });
});

describe('search partitions on PostgreSQL, read as on SQLite', { skip }, () => {
  test('the newest matches of every partition, phrases checked, stories once', async () => {
    const options = { searchPartitionSize: 3, rankWindow: 4 };
    const url = await createTestDatabase();
    const lite = openStore(':memory:', options);
    const pga = await openPgArchive(url, options);
    const ids = (hits: SearchHit[]) => hits.map((h) => h.articleId).sort((a, b) => a - b);
    try {
      // Copies of three pages, a line added to each, and two more: 14 articles, partitions
      // 0 to 4.
      for (let i = 0; i < 3; i++) {
        for (const [k, text] of [TRAD_PAGE, SIMP_PAGE, G20_PAGE].entries()) {
          const doc = documentFor(`${text}\n第${i}${k}號`, { source: `p${i}${k}.txt` });
          assert.deepEqual(await pga.putDocument(doc), lite.putDocument(doc));
        }
      }
      const last = documentFor(`${SIMP_PAGE}\n最後`, { source: 'last.txt' });
      assert.deepEqual(await pga.putDocument(last), lite.putDocument(last));
      // Every pair of 中俄关系, none of them in a row: the phrase's pairs propose it, its
      // positions rule it out.
      const apart = documentFor('中俄兩國會面。\n俄關注此事。雙方關係穩定。', {
        source: 'apart.txt',
      });
      assert.deepEqual(await pga.putDocument(apart), lite.putDocument(apart));
      const pairs = { text: '中俄 俄關 關係', limit: 100, copies: true };
      assert.ok(ids(await pga.search(pairs)).includes(14));
      assert.ok(!ids(await pga.search({ ...pairs, text: '"中俄關係"' })).includes(14));
      const parts = await pga.pool.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_inherits WHERE inhparent = 'article_search'::regclass",
      );
      assert.equal(parts.rows[0]?.n, 5);
      for (const text of [
        '凌驾',
        '制裁',
        '普京 OR 王毅',
        '"中俄 关系"',
        '单边制裁',
        '中 NOT 单边制裁',
        '制裁 NOT "中俄 关系"',
        '中俄*',
      ]) {
        // A page as large as the window holds the window: the same matches on both.
        for (const limit of [4, 7, 100]) {
          const q = { text, limit, copies: true };
          assert.deepEqual(ids(await pga.search(q)), ids(lite.search(q)), `${text} ${limit}`);
        }
        const once = { text, limit: 100 };
        assert.deepEqual(
          (await pga.search(once)).map((h) => [h.story, h.copies]).sort(),
          lite
            .search(once)
            .map((h) => [h.story, h.copies])
            .sort(),
          text,
        );
        assert.equal(await pga.countMatches(once), lite.countMatches(once), text);
      }
      // Seven articles match 制裁; the window holds the newest four.
      assert.deepEqual(
        ids(await pga.search({ text: '制裁', limit: 4, copies: true })),
        [7, 9, 11, 13],
      );
      const filtered = { text: '制裁', speaker: '普京', limit: 10, copies: true };
      assert.deepEqual(ids(await pga.search(filtered)), ids(lite.search(filtered)));
      await assert.rejects(
        openPgArchive(url, { searchPartitionSize: 5 }),
        /searchPartitionSize` is fixed/,
      );
    } finally {
      await pga.close();
      lite.close();
      await dropTestDatabases();
    }
  });
});

describe('a PostgreSQL URL that cannot be reached', () => {
  test('says so plainly, naming the server without its password', () => {
    assert.throws(
      () => openArchive('postgres://someone:secret@127.0.0.1:1/nothing'),
      (err: Error) =>
        err.name === 'StoreError' &&
        /cannot connect to postgres:\/\/someone:\*\*\*@127\.0\.0\.1:1\/nothing/.test(err.message) &&
        !err.message.includes('secret'),
    );
  });
});

describe('one asynchronous interface, both backends', () => {
  /** Code written once against AsyncArchive: stores the pages, then reads. */
  async function roundTrip(archive: AsyncArchive) {
    for (const doc of testDocuments()) await archive.putDocument(doc);
    const again = await archive.putDocument(testDocuments()[0] as DocumentInput);
    const hits = await archive.search({ text: '单边制裁', copies: true });
    const articles: string[] = [];
    for await (const a of archive.exportArticles()) articles.push(a.headline);
    await assert.rejects(archive.search({ text: '(中' }), { name: 'QueryError' });
    return {
      again: again.created,
      hits: hits.map((h) => [h.articleId, h.snippet]),
      articles,
      entities: (await archive.entities({ limit: 5 })).map((e) => e.id),
      page: await archive.articlePage(1),
      story: await archive.getStory(2),
      outlets: await archive.compareOutlets({ copies: true }),
      quotes: await archive.quotes({ limit: 20 }),
    };
  }

  test('SQLite behind AsyncArchive answers as it does directly', async () => {
    const sync = SQLITE.open();
    for (const doc of testDocuments()) sync.putDocument(doc);
    const wrapped = asyncArchive(SQLITE.open());
    const got = await roundTrip(wrapped);
    assert.equal(got.again, false);
    assert.deepEqual(
      got.hits,
      sync.search({ text: '单边制裁', copies: true }).map((h) => [h.articleId, h.snippet]),
    );
    assert.deepEqual(
      got.articles,
      [...sync.exportArticles()].map((a) => a.headline),
    );
    sync.close();
    await wrapped.close();
  });

  test('the same code on PostgreSQL (PgArchive) gives the same answers', { skip }, async () => {
    const lite = asyncArchive(SQLITE.open());
    const pg = await openPgArchive(await createTestDatabase());
    try {
      assert.deepEqual(await roundTrip(pg), await roundTrip(lite));
    } finally {
      await pg.close();
      await lite.close();
      await dropTestDatabases();
    }
  });
});
