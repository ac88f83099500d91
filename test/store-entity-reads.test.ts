import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openStore, type SqliteStore } from '../src/store/index.ts';
import { documentFor, fillStore } from './helpers/store-pages.ts';

/*
 * The archive's reads behind the served entity page, timeline and actor graph, on the
 * composed test pages (article 1–2: Traditional, 2024-05-16; 3: Simplified, 2024-05-17;
 * 4: no date) and one more page about Putin written later.
 */

const LATER = [
  '普京會見哈薩克總統',
  '',
  '新華社莫斯科6月2日電 俄羅斯總統普京在莫斯科會見哈薩克斯坦總統。普京表示，俄方支持上海合作組織擴大合作。',
  '',
].join('\n');

let store: SqliteStore;

before(() => {
  store = openStore(':memory:');
  fillStore(store);
  store.putDocument(documentFor(LATER, { source: 'later.txt', date: '2024-06-02' }));
});

after(() => store.close());

describe('getEntity', () => {
  test('by id or by name in either script: one entity with the names pages gave it', () => {
    const byId = store.getEntity('PER:习近平');
    const byName = store.getEntity('習近平');
    assert.deepEqual(byName, byId);
    assert.equal(byId?.name, '习近平');
    assert.equal(byId?.type, 'PER');
    assert.deepEqual(byId?.names.sort(), ['习近平', '習近平']);
  });

  test('group references (雙方, 彼此) are not names; aliases are', () => {
    const china = store.getEntity('中国');
    assert.ok(china !== undefined);
    for (const group of ['雙方', '双方', '两国', '兩國', '彼此']) {
      assert.ok(!china.names.includes(group), group);
    }
    assert.ok(china.names.includes('中方'));
  });

  test('an unknown name is undefined', () => {
    assert.equal(store.getEntity('PER:nobody'), undefined);
    assert.equal(store.getEntity(''), undefined);
  });
});

describe('entityMentions', () => {
  test('newest first, each with the mentions highlighted in the snippet', () => {
    const rows = store.entityMentions('普京');
    assert.deepEqual(
      rows.map((r) => [r.articleId, r.date]),
      [
        [5, '2024-06-02'],
        [1, '2024-05-16'],
      ],
    );
    for (const row of rows) {
      assert.ok(row.snippet.highlights.length > 0);
      for (const h of row.snippet.highlights) {
        assert.equal(row.snippet.text.slice(h.start, h.end), '普京');
      }
    }
  });

  test('filters and paging', () => {
    assert.deepEqual(
      store.entityMentions('普京', { from: '2024-06-01' }).map((r) => r.articleId),
      [5],
    );
    assert.deepEqual(
      store.entityMentions('普京', { limit: 1, offset: 1 }).map((r) => r.articleId),
      [1],
    );
    assert.deepEqual(store.entityMentions('nobody'), []);
  });
});

describe('cooccurring', () => {
  test('entities of the same articles, most shared first, never the entity itself', () => {
    const rows = store.cooccurring('PER:普京');
    assert.ok(!rows.some((r) => r.id === 'PER:普京'));
    const russia = rows.find((r) => r.id === 'LOC:俄罗斯');
    assert.equal(russia?.articles, 2);
    assert.equal(rows[0]?.articles, 2);
    const xi = rows.find((r) => r.id === 'PER:习近平');
    assert.equal(xi?.articles, 1);
    for (let i = 1; i < rows.length; i++) {
      assert.ok((rows[i - 1]?.articles ?? 0) >= (rows[i]?.articles ?? 0));
    }
  });

  test('the filter narrows the articles counted', () => {
    const rows = store.cooccurring('PER:普京', { from: '2024-06-01' });
    assert.ok(!rows.some((r) => r.id === 'PER:习近平'));
  });
});

describe('quotes and stances mentioning an entity', () => {
  test('quotes whose content mentions it: 俄方 and 中俄 are Russia', () => {
    const quotes = store.quotes({ mentioning: 'LOC:俄罗斯' });
    assert.ok(quotes.length >= 2);
    assert.ok(quotes.some((q) => q.speakerId === 'PER:普京'));
    assert.deepEqual(store.quotes({ mentioning: 'nobody' }), []);
    const later = store.quotes({ mentioning: 'LOC:俄罗斯', from: '2024-05-17' });
    assert.ok(later.length > 0);
    assert.ok(later.every((q) => (q.date ?? '') >= '2024-05-17'));
  });

  test('stances whose target mentions it: who stands where on Putin', () => {
    const stances = store.stances({ mentioning: '普京' });
    assert.ok(stances.length > 0);
    for (const s of stances) {
      assert.ok(s.actorIds.includes('PER:习近平'));
      assert.match(s.target, /普京/);
    }
  });
});

describe('timeline', () => {
  test('articles per day for a query in either script, with filters', () => {
    assert.deepEqual(store.timeline({ text: '單邊制裁' }), [
      { date: '2024-05-16', count: 1 },
      { date: '2024-05-17', count: 1 },
    ]);
    assert.deepEqual(store.timeline({ text: '制裁', outlet: '新华社' }), [
      { date: '2024-05-17', count: 1 },
    ]);
  });

  test('for an entity, or every dated article', () => {
    assert.deepEqual(store.timeline({ entity: '普京' }), [
      { date: '2024-05-16', count: 1 },
      { date: '2024-06-02', count: 1 },
    ]);
    assert.deepEqual(store.timeline({}), [
      { date: '2024-05-16', count: 2 },
      { date: '2024-05-17', count: 1 },
      { date: '2024-06-02', count: 1 },
    ]);
  });

  test('a query it cannot read throws QueryError', () => {
    assert.throws(() => store.timeline({ text: '(制裁' }), { name: 'QueryError' });
  });
});

describe('stanceGraph', () => {
  test('an edge from each actor to the entities its target names, counted per class', () => {
    const graph = store.stanceGraph({});
    const meet = graph.edges.find((e) => e.source === 'PER:习近平' && e.target === 'PER:普京');
    assert.ok(meet);
    assert.equal(meet.weight, meet.classes.meet);
    for (const e of graph.edges) {
      const sum = Object.values(e.classes).reduce((a, b) => a + (b ?? 0), 0);
      assert.equal(e.weight, sum);
      assert.notEqual(e.source, e.target);
    }
    const node = graph.nodes.find((n) => n.id === 'PER:普京');
    assert.deepEqual({ name: node?.name, type: node?.type }, { name: '普京', type: 'PER' });
    const weights = graph.edges.map((e) => e.weight);
    assert.deepEqual(
      weights,
      [...weights].sort((a, b) => b - a),
    );
  });

  test('filters, class, min and limit', () => {
    assert.deepEqual(store.stanceGraph({ min: 1000 }), { nodes: [], edges: [] });
    assert.ok(store.stanceGraph({ class: 'oppose' }).edges.every((e) => 'oppose' in e.classes));
    assert.equal(store.stanceGraph({ limit: 1 }).edges.length, 1);
    const later = store.stanceGraph({ from: '2024-06-01' });
    assert.ok(!later.edges.some((e) => e.source === 'PER:习近平'));
  });
});

describe('a frequent entity', () => {
  test('its mentions read in date order give what gathering its articles gives', () => {
    // Every entity counts as frequent here: the other query plan, the same answers.
    const frequent = openStore(':memory:', { frequentEntity: 0 });
    try {
      fillStore(frequent);
      frequent.putDocument(documentFor(LATER, { source: 'later.txt', date: '2024-06-02' }));
      for (const entity of ['普京', 'LOC:俄罗斯', 'LOC:中国', '王毅', 'nobody']) {
        for (const filter of [{}, { from: '2024-05-17' }, { limit: 1, offset: 1 }]) {
          const what = `${entity} ${JSON.stringify(filter)}`;
          assert.deepEqual(
            frequent.entityMentions(entity, filter),
            store.entityMentions(entity, filter),
            what,
          );
        }
      }
      assert.ok(frequent.entityMentions('LOC:俄罗斯').length > 0);
    } finally {
      frequent.close();
    }
  });
});

describe('documents', () => {
  test('the decoded text and the article ids of a document', () => {
    const hit = store.search({ text: '哈薩克' })[0];
    assert.ok(hit);
    assert.equal(store.documentText(hit.documentId), LATER);
    assert.deepEqual(store.documentArticles(hit.documentId), [hit.articleId]);
    assert.equal(store.documentText(999), undefined);
    assert.deepEqual(store.documentArticles(999), []);
  });
});
