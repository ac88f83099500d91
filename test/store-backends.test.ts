import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  type Archive,
  type AsyncArchive,
  asyncArchive,
  type DocumentInput,
  openArchive,
  openPgArchive,
  type SearchHit,
} from '../src/store/index.ts';
import {
  createTestDatabase,
  dropTestDatabases,
  PG_SKIP,
  POSTGRES,
  prepareDatabases,
  SQLITE,
} from './helpers/backends.ts';
import { ROOT } from './helpers/cli.ts';
import { documentFor, testDocuments } from './helpers/store-pages.ts';
import { storyDocument, storySet } from './helpers/story-set.ts';

/**
 * The PostgreSQL archive answers as the SQLite one does: the same documents stored in both,
 * every read of the Archive interface compared (search scores aside: FTS5's bm25 and
 * PostgreSQL's ts_rank differ, so relevance order is compared as sets). Skipped, with a
 * message, when no PostgreSQL server is given (JIEDU_TEST_PG).
 */

const skip = PG_SKIP === null ? undefined : `PostgreSQL half skipped: ${PG_SKIP}`;

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
  return [...testDocuments(), ...fixtures, ...storySet().slice(0, 40).map(storyDocument)];
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
    ]) {
      assert.deepEqual(pg.entities({ ...q, limit: 100 }), lite.entities({ ...q, limit: 100 }));
      assert.deepEqual(pg.countEntities(q), lite.countEntities(q));
      assert.equal(pg.totalEntities(q), lite.totalEntities(q));
    }
    for (const q of [
      {},
      { kind: 'direct' as const },
      { about: '制裁' },
      { speaker: '王毅' },
      { mentioning: '中国' },
    ]) {
      assert.deepEqual(pg.quotes({ ...q, limit: 200 }), lite.quotes({ ...q, limit: 200 }));
      assert.equal(pg.totalQuotes(q), lite.totalQuotes(q));
      for (const by of ['speaker', 'cue', 'kind', 'outlet', 'date'] as const) {
        assert.deepEqual(pg.countQuotes(q, by), lite.countQuotes(q, by), by);
      }
    }
    for (const q of [
      {},
      { class: 'support' as const },
      { about: '中' },
      { actor: '中国' },
      { negated: true },
    ]) {
      assert.deepEqual(pg.stances({ ...q, limit: 200 }), lite.stances({ ...q, limit: 200 }));
      assert.equal(pg.totalStances(q), lite.totalStances(q));
      for (const by of ['class', 'actor', 'cue', 'plover', 'target', 'outlet', 'date'] as const) {
        assert.deepEqual(pg.countStances(q, by), lite.countStances(q, by), by);
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

  test('a bad query is a QueryError, bad arguments TypeErrors, as on SQLite', () => {
    assert.throws(() => pg.search({ text: '(中' }), { name: 'QueryError' });
    assert.throws(() => pg.search({ text: '中', limit: -1 }), TypeError);
    assert.throws(
      () => pg.putDocument({ ...(testDocuments()[0] as DocumentInput), hash: '' }),
      /doc\.hash/,
    );
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
