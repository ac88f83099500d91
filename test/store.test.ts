import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { toArticleView } from '../src/render/index.ts';
import {
  type DocumentInput,
  openStore,
  SCHEMA_VERSION,
  type SqliteStore,
  StoreError,
} from '../src/store/index.ts';
import {
  documentFor,
  fillStore,
  SIMP_PAGE,
  TRAD_PAGE,
  testDocuments,
} from './helpers/store-pages.ts';

let dir = '';
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jiedu-store-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('storing documents', () => {
  test('the same hash twice: created false, the same id, nothing duplicated', () => {
    const store = openStore(':memory:');
    const [doc] = testDocuments() as [DocumentInput];
    assert.equal(store.hasDocument(doc.hash), false);
    const first = store.putDocument(doc);
    assert.deepEqual(first, { documentId: 1, created: true });
    assert.equal(store.hasDocument(doc.hash), true);
    const before = store.stats();
    const again = store.putDocument(
      documentFor(TRAD_PAGE, { source: 'elsewhere.txt', outlet: 'x' }),
    );
    assert.deepEqual(again, { documentId: 1, created: false });
    const afterStats = store.stats();
    assert.deepEqual({ ...afterStats, fileBytes: 0 }, { ...before, fileBytes: 0 });
    assert.equal(afterStats.documents, 1);
    assert.equal(afterStats.articles, 2);
    assert.equal(store.search({ text: '普京' }).length, 1);
    assert.equal(store.entities({ name: '普京' })[0]?.articles, 1);
    store.close();
  });

  test('a document is stored whole or not at all', () => {
    const store = openStore(':memory:');
    const doc = documentFor(TRAD_PAGE, { source: 'a.txt' });
    // The second article fails to write once the first is in: the transaction rolls back.
    const broken = structuredClone(doc);
    Object.defineProperty(broken.page.children[1] as object, 'annotations', {
      get() {
        throw new Error('disk full');
      },
    });
    assert.throws(() => store.putDocument(broken), /disk full/);
    assert.equal(store.hasDocument(doc.hash), false);
    const empty = store.stats();
    assert.deepEqual(
      [empty.documents, empty.articles, empty.blocks, empty.entities, empty.mentions],
      [0, 0, 0, 0, 0],
    );
    assert.deepEqual(store.search({ text: '普京' }), []);
    // The entities it created were rolled back too; storing the page again works.
    assert.equal(store.putDocument(doc).created, true);
    assert.equal(store.search({ text: '普京' }).length, 1);
    assert.equal(store.entities({ name: '普京' })[0]?.mentions, 3);
    store.close();
  });

  test('a batch: one commit, each document all or nothing, a result or an error each', () => {
    const store = openStore(':memory:');
    const [trad, simp, g20] = testDocuments() as [DocumentInput, DocumentInput, DocumentInput];
    const broken = structuredClone(simp);
    Object.defineProperty(broken.page.children[0] as object, 'annotations', {
      get() {
        throw new Error('disk full');
      },
    });
    const results = store.putDocuments([trad, broken, { ...g20, date: 'yesterday' }, g20, trad]);
    assert.deepEqual(results[0], { result: { documentId: 1, created: true } });
    assert.match(results[1]?.error?.message ?? '', /disk full/);
    assert.match(results[2]?.error?.message ?? '', /doc\.date/);
    assert.deepEqual(results[3], { result: { documentId: 2, created: true } });
    assert.deepEqual(results[4], { result: { documentId: 1, created: false } });
    const stats = store.stats();
    assert.deepEqual([stats.documents, stats.articles], [2, 3]);
    assert.equal(store.hasDocument(simp.hash), false);
    assert.deepEqual(store.search({ text: '扎哈罗娃' }), []);
    // The document that failed goes in on its own later, entities and all.
    assert.deepEqual(store.putDocuments([simp]), [{ result: { documentId: 3, created: true } }]);
    assert.equal(store.quotes({ speaker: '扎哈罗娃' }).length, 1);
    assert.deepEqual(store.putDocuments([]), []);
    store.close();
  });

  test('misuse is a TypeError naming the argument', () => {
    const store = openStore(':memory:');
    const [doc] = testDocuments() as [DocumentInput];
    assert.throws(() => store.putDocument({ ...doc, hash: '' }), /doc\.hash/);
    assert.throws(() => store.putDocument({ ...doc, date: '16/05/2024' }), /doc\.date/);
    assert.throws(
      () => store.putDocument({ ...doc, page: {} as DocumentInput['page'] }),
      /doc\.page/,
    );
    assert.throws(() => openStore(''), TypeError);
    assert.throws(() => openStore(':memory:', { rankWindow: -1 }), TypeError);
    store.close();
  });

  test('dates at the precision known: a month or a year is kept and filtered by the days in it', () => {
    const store = openStore(':memory:');
    const day = documentFor(SIMP_PAGE, { source: 'day.txt', date: '1998-03-20' });
    const month = { ...documentFor(TRAD_PAGE, { source: 'month.txt' }), date: '1998-03' };
    const year = { ...documentFor(`${SIMP_PAGE}\n补记。`, { source: 'year.txt' }), date: '1997' };
    for (const doc of [day, month, year]) store.putDocument(doc);
    // The documents found (a page may hold several articles).
    const sources = (filter: { from?: string; to?: string }) => [
      ...new Set(
        store
          .search(filter)
          .map((h) => store.getArticle(h.articleId)?.document.source)
          .sort(),
      ),
    ];
    assert.deepEqual(sources({ from: '1998-03-15' }), ['day.txt', 'month.txt']);
    assert.deepEqual(sources({ to: '1998-03-10' }), ['month.txt', 'year.txt']);
    assert.deepEqual(sources({ from: '1997-06-01', to: '1997-12-31' }), ['year.txt']);
    assert.deepEqual(sources({ from: '1998-04-01' }), []);
    assert.equal(
      store.countMatches({ from: '1998-03-15' }),
      sources({ from: '1998-03-15' }).length + 1,
    );
    // The timeline counts days: a month or a year is no day.
    assert.deepEqual(store.timeline({}), [{ date: '1998-03-20', count: 1 }]);
    // A date that is not one is refused, at any precision.
    assert.throws(
      () => store.putDocument({ ...day, hash: 'x'.repeat(64), date: '1998-13' }),
      /doc\.date/,
    );
    store.close();
  });

  test('a page without annotations is stored and searchable', () => {
    const store = openStore(':memory:');
    const doc = documentFor(SIMP_PAGE, { source: 's.txt' });
    const bare = {
      ...doc,
      page: { ...doc.page, children: doc.page.children.map(({ annotations: _a, ...a }) => a) },
    };
    store.putDocument(bare);
    assert.deepEqual(
      store.search({ text: '睦鄰' }).map((h) => h.articleId),
      [1],
    );
    const view = store.getArticle(1)?.view.articles[0];
    assert.equal(view?.entities, undefined);
    assert.equal(store.stats().mentions, 0);
    store.close();
  });
});

describe('reading an archive', () => {
  let store: SqliteStore;
  const docs = testDocuments();

  before(() => {
    store = openStore(':memory:');
    fillStore(store);
  });
  after(() => store.close());

  test('an article reads back as the article view of the page it came from', () => {
    for (const [documentId, doc] of docs.entries()) {
      const view = toArticleView(doc.page);
      view.articles.forEach((expected, index) => {
        const id = articleId(documentId, index);
        const stored = store.getArticle(id);
        assert.ok(stored !== undefined, `article ${id}`);
        assert.equal(stored.index, index);
        assert.deepEqual(stored.view.articles, [expected]);
        assert.deepEqual(stored.view.source, view.source);
        assert.equal(stored.view.version, view.version);
      });
    }
  });

  /** Article ids in storing order: two on the first page, one on each of the others. */
  function articleId(documentIndex: number, index: number): number {
    return ([1, 3, 4][documentIndex] as number) + index;
  }

  test('its document comes with it', () => {
    const stored = store.getArticle(3);
    assert.deepEqual(
      { ...stored?.document, storedAt: undefined },
      {
        id: 2,
        hash: docs[1]?.hash,
        source: 'feed.jsonl:1',
        outlet: '新华社',
        date: '2024-05-17',
        url: 'https://example.org/a/1',
        externalId: 'xh-1',
        bytes: docs[1]?.bytes,
        encoding: 'utf-8',
        script: 'simplified',
        storedAt: undefined,
      },
    );
    assert.match(stored?.document.storedAt ?? '', /^\d{4}-\d\d-\d\dT/);
    assert.equal(store.getArticle(99), undefined);
  });

  test('entities: most written about first, by type and name in either script', () => {
    // 新华社 in three articles; 俄罗斯 and 中国 in two, 俄罗斯 more often.
    const top = store.entities({ limit: 3 });
    assert.deepEqual(
      top.map((e) => e.id),
      ['ORG:新华社', 'LOC:俄罗斯', 'LOC:中国'],
    );
    assert.deepEqual(top[1], {
      id: 'LOC:俄罗斯',
      type: 'LOC',
      name: '俄罗斯',
      articles: 2,
      mentions: top[1]?.mentions,
      roles: [],
    });
    assert.ok((top[1]?.mentions ?? 0) > (top[2]?.mentions ?? 0));
    assert.ok(store.entities({ type: 'PER' }).every((e) => e.type === 'PER'));
    // The spokesperson's institution is an organisation of its own (GUIDELINES §1).
    assert.deepEqual(
      store.entities({ name: '羅斯' }).map((e) => e.id),
      ['LOC:俄罗斯', 'ORG:俄罗斯外交部'],
    );
    assert.deepEqual(store.entities({ name: '习近平', filter: { outlet: '新华社' } }), []);
    const byOutlet = store.entities({ name: '俄', filter: { from: '2024-05-17' } });
    assert.deepEqual(
      byOutlet.map((e) => [e.id, e.articles]),
      [
        ['LOC:俄罗斯', 1],
        ['ORG:俄罗斯外交部', 1],
      ],
    );
    const types = store.countEntities();
    assert.ok(types.some((t) => t.key === 'PER' && t.count >= 3));
    assert.equal(
      types.reduce((n, t) => n + t.count, 0),
      store.stats().entities,
    );
  });

  test('quotes: by speaker in either script, about a text, by kind; counted', () => {
    const wang = store.quotes({ speaker: '王毅' });
    assert.deepEqual(
      wang.map((q) => [q.speaker, q.cue, q.kind]),
      [
        ['王毅', '指出', 'reported'],
        ['王毅', '表示', 'reported'],
      ],
    );
    const putin = store.quotes({ speaker: 'PER:普京' });
    assert.deepEqual(
      putin.map((q) => [q.speaker, q.kind, q.text, q.date, q.outlet]),
      [['普京', 'direct', '俄方反對單邊制裁，願同中方加強合作。', '2024-05-16', '文匯報']],
    );
    const text = docs[0]?.page.text ?? '';
    assert.equal(
      text.slice(putin[0]?.start, putin[0]?.end),
      '普京說：「俄方反對單邊制裁，願同中方加強合作。」',
    );
    assert.deepEqual(
      store.quotes({ about: '单边制裁' }).map((q) => q.speaker),
      ['普京', '王毅', '扎哈罗娃'],
    );
    assert.deepEqual(
      store.quotes({ kind: 'direct' }).map((q) => q.speaker),
      ['普京'],
    );
    assert.deepEqual(store.countQuotes({}, 'speaker').slice(0, 1), [{ key: '王毅', count: 2 }]);
    // 表示 is written alike in both scripts; 說 and 说 are one cue counted in Simplified.
    const cues = store.countQuotes({}, 'cue');
    assert.deepEqual(
      cues.find((c) => c.key === '表示'),
      { key: '表示', count: 2 },
    );
    assert.deepEqual(
      cues.find((c) => c.key === '说'),
      { key: '说', count: 2 },
    );
    assert.deepEqual(store.countQuotes({ outlet: '文匯報' }, 'kind'), [
      { key: 'direct', count: 1 },
      { key: 'reported', count: 1 },
    ]);
  });

  test('stances: --actor 俄羅斯 --class oppose --about 制裁, and counts', () => {
    const rows = store.stances({ actor: '俄羅斯', class: 'oppose', about: '制裁' });
    assert.deepEqual(
      rows.map((s) => [s.actorIds, s.actors, s.class, s.cue, s.target, s.negated]),
      // 俄方反對單邊制裁 inside 普京's words has a subject of its own: 俄羅斯 holds it.
      [
        [['LOC:俄罗斯'], ['俄羅斯'], 'oppose', '反對', '單邊制裁', false],
        [['LOC:俄罗斯'], ['俄罗斯'], 'oppose', '反对', '单边制裁', false],
      ],
    );
    // Names in the page's own script: 中國、俄羅斯 on the Traditional page.
    const both = store.stances({ actor: 'LOC:俄罗斯' });
    assert.deepEqual(
      both.map((s) => s.actors),
      [['中國', '俄羅斯'], ['俄羅斯'], ['俄罗斯']],
    );
    assert.deepEqual(store.countStances({ about: '單邊制裁' }, 'class'), [
      { key: 'oppose', count: 3 },
    ]);
    const actors = store.countStances({ class: 'oppose' }, 'actor');
    assert.deepEqual(actors.map((a) => a.key).sort(), ['中国', '俄罗斯'].sort());
    assert.deepEqual(store.stances({ negated: true }), []);
    assert.ok(store.stances({ entity: '海洋公園' }).every((s) => s.articleId === 2));
  });

  test('exports: every article, quote, stance and entity, filtered', () => {
    const articles = [...store.exportArticles()];
    assert.deepEqual(
      articles.map((a) => [a.id, a.documentId, a.index, a.headline]),
      [
        [1, 1, 0, '習近平會見俄羅斯總統普京'],
        [2, 1, 1, '海洋公園新館下月開幕'],
        [3, 2, 0, '外交部就中俄关系答记者问'],
        [4, 3, 0, 'G20峰会在里约热内卢开幕'],
      ],
    );
    const first = articles[0];
    assert.equal(first?.text.split('\n')[0], '習近平會見俄羅斯總統普京');
    assert.ok(first?.text.includes('普京說：「俄方反對單邊制裁，願同中方加強合作。」'));
    assert.ok(first?.entities.includes('PER:习近平'));
    assert.ok((first?.keywords.length ?? 0) > 0);
    // 凌|驾 joined as layout joined it.
    assert.ok(articles[3]?.text.includes('不能凌驾于国际法之上'));
    assert.deepEqual(
      [...store.exportArticles({ outlet: '新華社' })].map((a) => a.id),
      [3],
    );
    assert.equal([...store.exportQuotes()].length, store.stats().quotes);
    // The headline's meeting repeats the body's, and headlines carry no statements.
    assert.equal([...store.exportStances({ to: '2024-05-16' })].length, 3);
    assert.equal([...store.exportEntities()].length, store.stats().entities);
  });

  test('stats', () => {
    const stats = store.stats();
    assert.equal(stats.schemaVersion, SCHEMA_VERSION);
    assert.equal(stats.documents, 3);
    assert.equal(stats.articles, 4);
    assert.equal(stats.quotes, 5);
    assert.equal(stats.firstDate, '2024-05-16');
    assert.equal(stats.lastDate, '2024-05-17');
    assert.deepEqual(stats.scripts, [
      { key: 'simplified', count: 2 },
      { key: 'traditional', count: 1 },
    ]);
    assert.equal(
      stats.inputBytes,
      docs.reduce((n, d) => n + d.bytes, 0),
    );
  });
});

describe('the archive file', () => {
  test('WAL mode; what one connection stores, another finds', () => {
    const path = join(dir, 'shared.db');
    const writer = openStore(path);
    const reader = openStore(path, { create: false });
    assert.deepEqual(reader.search({ text: '普京' }), []);
    fillStore(writer);
    // The reader sees the new search partition and its articles without reopening.
    assert.equal(reader.search({ text: '普京' }).length, 1);
    writer.close();
    reader.close();
    const db = new Database(path, { readonly: true });
    assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    db.close();
    const again = openStore(path, { create: false });
    assert.equal(again.stats().documents, 3);
    assert.equal(again.putDocument(testDocuments()[0] as DocumentInput).created, false);
    again.close();
  });

  test('a missing archive, a file that is not one, a newer schema: StoreError', async () => {
    assert.throws(
      () => openStore(join(dir, 'missing.db'), { create: false }),
      (err: unknown) => {
        assert.ok(err instanceof StoreError);
        assert.match((err as Error).message, /missing\.db: no archive there/);
        return true;
      },
    );
    const text = join(dir, 'notes.db');
    await writeFile(text, 'these are notes, not a database\n'.repeat(100));
    assert.throws(() => openStore(text), /not a jiedu archive/);

    const other = join(dir, 'other.db');
    const db = new Database(other);
    db.exec('CREATE TABLE people (name TEXT)');
    db.close();
    assert.throws(() => openStore(other), /not a jiedu archive/);

    const newer = join(dir, 'newer.db');
    openStore(newer).close();
    const raw = new Database(newer);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    assert.throws(() => openStore(newer), /newer than this jiedu understands/);
  });

  test('close twice is harmless; a closed store refuses work', () => {
    const store = openStore(':memory:');
    store.close();
    store.close();
    assert.throws(() => store.hasDocument('x'));
  });
});
