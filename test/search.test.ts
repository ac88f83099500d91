import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  type Archive,
  openStore,
  QueryError,
  type SearchHit,
  type SqliteStore,
} from '../src/store/index.ts';
import { findMatches, makeSnippet } from '../src/store/search/highlight.ts';
import { indexStream, RUN_END } from '../src/store/search/index-stream.ts';
import { compilePhrase, compileQuery } from '../src/store/search/parse-query.ts';
import { BACKENDS, dropTestDatabases, prepareDatabases } from './helpers/backends.ts';
import {
  documentFor,
  fillStore,
  G20_PAGE,
  SIMP_PAGE,
  TRAD_PAGE,
  testDocuments,
} from './helpers/store-pages.ts';

const E = RUN_END;

describe('the index stream', () => {
  test('a run of characters becomes its pairs, then the end mark and its last character', () => {
    assert.equal(indexStream('习近平'), `习近 近平 ${E}平`);
    assert.equal(indexStream('中'), `${E}中`);
  });

  test('punctuation and spaces separate runs; words are folded to lower case, half width', () => {
    assert.equal(indexStream('中俄，关系'), `中俄 ${E}俄 关系 ${E}系`);
    assert.equal(indexStream('G20峰会 ＣＯＶＩＤ-19'), `g20 峰会 ${E}会 covid 19`);
  });

  test('a character outside the BMP is one character', () => {
    assert.equal(indexStream('𠀋中'), `𠀋中 ${E}中`);
  });
});

describe('queries', () => {
  const match = (q: string) => compileQuery(q)?.match;

  const cases: [string, string][] = [
    ['习近平', '"习近 近平"'],
    ['習近平', '"习近 近平"'],
    ['近平', '"近平"'],
    ['中', `("中"* OR "${E}中")`],
    ['中*', '"中"*'],
    ['中俄*', '"中俄 俄"*'],
    ['covid*', '"covid"*'],
    ['中俄 制裁', '("中俄" AND "制裁")'],
    ['中俄 AND 制裁', '("中俄" AND "制裁")'],
    ['普京 OR 王毅', '("普京" OR "王毅")'],
    ['制裁 NOT 普京', '("制裁" NOT "普京")'],
    ['(普京 OR 王毅) 制裁', '(("普京" OR "王毅") AND "制裁")'],
    ['"中俄 关系"', '"中俄 俄关 关系"'],
    ['“睦鄰友好”', '"睦邻 邻友 友好"'],
    ['"climate change"', '"climate change"'],
    ['G20峰会', '("g20" AND "峰会")'],
    ['中俄，关系', '("中俄" AND "关系")'],
    ['and or', '("and" AND "or")'],
  ];
  for (const [query, expected] of cases) {
    test(`${query} → ${expected}`, () => assert.equal(match(query), expected));
  }

  test('a blank query is no query', () => {
    assert.equal(compileQuery('  \u3000 '), null);
  });

  test('the pieces to highlight leave out what follows NOT', () => {
    const compiled = compileQuery('制裁 NOT 普京');
    assert.deepEqual(
      compiled?.positive.map((p) => (p.kind === 'cjk' ? p.chars.join('') : p.words.join(' '))),
      ['制裁'],
    );
  });

  const bad: [string, RegExp][] = [
    ['(中俄', /unclosed \(/],
    ['中俄)', /unbalanced \)/],
    ['"中俄', /unclosed quote/],
    ['中俄 OR', /ends where a word was expected/],
    ['AND 中俄', /AND where a word was expected/],
    ['NOT 中俄', /NOT where a word was expected/],
    ['，。', /nothing to search for/],
  ];
  for (const [query, message] of bad) {
    test(`'${query}' is refused: ${message.source}`, () => {
      assert.throws(
        () => compileQuery(query),
        (err: unknown) => {
          assert.ok(err instanceof QueryError);
          assert.match((err as Error).message, message);
          return true;
        },
      );
    });
  }

  test('what one query costs is bounded: repeats dropped, terms and nesting capped', () => {
    // A word repeated is searched once, in AND and OR alike; its highlight is marked once.
    assert.equal(match(Array(400).fill('中').join(' ')), match('中'));
    assert.equal(match(Array(300).fill('制裁').join(' OR ')), match('制裁'));
    assert.equal(compileQuery('制裁 制裁 制裁')?.positive.length, 1);
    // 32 different words are searched; 33 are refused with the count.
    const words = Array.from({ length: 33 }, (_, i) => `w${i}`);
    assert.ok(match(words.slice(0, 32).join(' ')));
    assert.throws(
      () => compileQuery(words.join(' ')),
      /33 different words and phrases; at most 32/,
    );
    // Brackets: 16 deep are read, deeper is refused, never a stack overflow.
    assert.ok(match(`${'('.repeat(16)}中俄${')'.repeat(16)}`));
    assert.throws(
      () => compileQuery(`${'('.repeat(17)}中俄${')'.repeat(17)}`),
      (err: unknown) => err instanceof QueryError && /nested more than 16 deep/.test(err.message),
    );
    assert.throws(() => compileQuery(`${'('.repeat(20_000)}中俄`), QueryError);
    assert.throws(() => compileQuery(`${'('.repeat(999)}中俄`), /nested more than 16 deep/);
    // A query of 20,000 words is refused before it is read into a tree.
    assert.throws(() => compileQuery('中 '.repeat(20_000)), /at most 1000/);
    assert.throws(() => compileQuery('中 NOT 俄 '.repeat(5_000)), QueryError);
    // A pasted paragraph is searched by its first 64 characters.
    const run = '甲乙丙丁戊己庚辛壬癸'.repeat(10);
    assert.equal(match(run), match(run.slice(0, 64)));
  });

  test('a phrase for filters takes operators as text', () => {
    assert.equal(compilePhrase('單邊制裁'), '"单边 边制 制裁"');
    assert.equal(compilePhrase('OR'), '"or"');
    assert.equal(compilePhrase('，'), null);
  });
});

describe('highlights and snippets', () => {
  test('matches are found in the Simplified text, inside longer runs, by whole words', () => {
    const pieces = compileQuery('近平 g20')?.positive ?? [];
    const text = '习近平出席g20峰会，g200不算';
    assert.deepEqual(
      findMatches(text, pieces).map((r) => text.slice(r.start, r.end)),
      ['近平', 'g20'],
    );
  });

  test('a prefix needs a character after it in the same run', () => {
    const pieces = compileQuery('中俄*')?.positive ?? [];
    const text = '中俄。中俄关系';
    assert.deepEqual(findMatches(text, pieces), [{ start: 3, end: 5 }]);
  });

  test('a snippet cuts around the densest matches, marks the cuts and keeps offsets right', () => {
    const text = `${'甲'.repeat(100)}中俄${'乙'.repeat(100)}`;
    const snippet = makeSnippet(text, [{ start: 100, end: 102 }], 20);
    assert.ok(snippet.text.startsWith('…') && snippet.text.endsWith('…'));
    const [h] = snippet.highlights;
    assert.ok(h !== undefined);
    assert.equal(snippet.text.slice(h.start, h.end), '中俄');
  });

  test('the text before bodyStart is left out unless only it matches', () => {
    const text = '標題中俄\n正文中俄關係';
    const both = makeSnippet(
      text,
      [
        { start: 2, end: 4 },
        { start: 7, end: 9 },
      ],
      40,
      5,
    );
    assert.equal(both.text, '正文中俄關係');
    const only = makeSnippet(text, [{ start: 2, end: 4 }], 40, 5);
    assert.equal(only.text, '標題中俄 正文中俄關係');
  });
});

for (const { backend, skip } of BACKENDS)
  describe(`searching an archive (${backend.name})`, { skip }, () => {
    let store: Archive;
    const ids = (hits: SearchHit[]) => hits.map((h) => h.articleId).sort((a, b) => a - b);
    const search = (text: string, more = {}) => ids(store.search({ text, ...more }));

    before(async () => {
      await prepareDatabases(backend.name === 'postgres' ? 1 : 0);
      store = backend.open();
      fillStore(store);
    });
    after(async () => {
      store.close();
      await dropTestDatabases();
    });

    test('the pages hold the articles the tests expect', () => {
      const [trad, simp, g20] = testDocuments();
      assert.equal(trad?.page.children.length, 2);
      assert.equal(simp?.page.children.length, 1);
      assert.equal(g20?.page.children.length, 1);
      assert.equal(trad?.page.source.script, 'traditional');
      assert.equal(simp?.page.source.script, 'simplified');
    });

    test('a query in either script finds the page in the other', () => {
      assert.deepEqual(search('习近平'), [1]);
      assert.deepEqual(search('習近平'), [1]);
      assert.deepEqual(search('单边制裁'), [1, 3]);
      assert.deepEqual(search('單邊制裁'), [1, 3]);
      assert.deepEqual(search('睦鄰友好'), [1, 3]);
      assert.deepEqual(search('睦邻友好'), [1, 3]);
    });

    test('a two-character word inside a longer word is found, whatever jieba made of it', () => {
      const tokens = testDocuments()[0]?.page.children[0]?.annotations?.tokens.map((t) => t.text);
      assert.ok(tokens?.includes('習近平') && tokens.includes('睦鄰友好'));
      assert.deepEqual(search('近平'), [1]);
      assert.deepEqual(search('睦鄰'), [1, 3]);
      assert.deepEqual(search('友好'), [1, 3]);
      assert.deepEqual(search('中俄'), [1, 3]);
      assert.deepEqual(search('邊制'), [1, 3]);
    });

    test('one character finds every article that holds it, at the end of a run too', () => {
      assert.deepEqual(search('俄'), [1, 3]);
      assert.deepEqual(search('館'), [2]);
      // 导 only in 领导人 (G20); 京 ends the run 普京 in article 1 and 北京 in 1 and 3.
      assert.deepEqual(search('導'), [4]);
      assert.deepEqual(search('京'), [1, 3]);
    });

    test('a word is not found across punctuation', () => {
      assert.deepEqual(search('好雙'), []);
      assert.deepEqual(search('好双'), []);
    });

    test('a word broken by a line end is found where layout rejoined it', () => {
      assert.deepEqual(search('凌驾'), [4]);
      assert.deepEqual(search('凌駕'), [4]);
    });

    test('phrases, AND, OR, NOT and brackets', () => {
      assert.deepEqual(search('"中俄关系"'), [3]);
      assert.deepEqual(search('"中俄 关系"'), [3]);
      assert.deepEqual(search('"中俄堅持"'), [1]);
      assert.deepEqual(search('制裁 普京'), [1]);
      assert.deepEqual(search('制裁 AND 王毅'), [3]);
      assert.deepEqual(search('普京 OR 王毅'), [1, 3]);
      assert.deepEqual(search('制裁 NOT 普京'), [3]);
      assert.deepEqual(search('(普京 OR 水族館) NOT 制裁'), [2]);
      assert.deepEqual(search('普京 王毅'), []);
    });

    test('prefixes: a Latin word, one character, a run', () => {
      assert.deepEqual(search('covid*'), [4]);
      assert.deepEqual(search('covid'), [4]);
      assert.deepEqual(search('cov'), []);
      assert.deepEqual(search('g2*'), [4]);
      // 俄* wants a character after 俄: 俄羅斯, 俄方, 俄关系 — but 中俄 alone does not count.
      assert.deepEqual(search('俄*'), [1, 3]);
      assert.deepEqual(search('中俄*'), [1, 3]);
      // 遊客 only ends a sentence (遊客。); 普京 runs on in 普京說.
      assert.deepEqual(search('遊客'), [2]);
      assert.deepEqual(search('遊客*'), []);
      assert.deepEqual(search('普京*'), [1]);
      assert.deepEqual(search('普*'), [1]);
    });

    test('digits and Latin words are words', () => {
      assert.deepEqual(search('G20'), [4]);
      assert.deepEqual(search('g20峰会'), [4]);
      assert.deepEqual(search('19'), [4]);
    });

    test('highlights sit on the matching characters of the page, in its own script', () => {
      const [trad] = testDocuments();
      const text = trad?.page.text ?? '';
      const [hit] = store.search({ text: '习近平' });
      assert.ok(hit !== undefined);
      assert.equal(hit.script, 'traditional');
      assert.ok(hit.matches.length >= 2);
      for (const m of hit.matches) assert.equal(text.slice(m.start, m.end), '習近平');
      assert.ok(hit.snippet.highlights.length >= 1);
      for (const h of hit.snippet.highlights) {
        assert.equal(hit.snippet.text.slice(h.start, h.end), '習近平');
      }
      // The headline is shown apart; the snippet opens with the body.
      assert.equal(hit.headline, '習近平會見俄羅斯總統普京');
      assert.ok(hit.snippet.text.startsWith('香港文匯報訊'));
    });

    test('a Simplified query marks Traditional characters, and the other way round', () => {
      const [hit1] = store.search({ text: '单边制裁', entity: '普京' });
      assert.deepEqual(
        hit1?.snippet.highlights.map((h) => hit1.snippet.text.slice(h.start, h.end)),
        ['單邊制裁'],
      );
      const [hit3] = store.search({ text: '單邊制裁', outlet: '新華社' });
      assert.deepEqual(
        hit3?.snippet.highlights.map((h) => hit3.snippet.text.slice(h.start, h.end)),
        ['单边制裁', '单边制裁'],
      );
      const simp = testDocuments()[1]?.page.text ?? '';
      assert.deepEqual(
        hit3?.matches.map((m) => simp.slice(m.start, m.end)),
        ['单边制裁', '单边制裁'],
      );
    });

    test('a phrase is highlighted in full, a NOT term not at all', () => {
      const [hit] = store.search({ text: '"中俄关系" NOT 普京' });
      assert.deepEqual(
        hit?.snippet.highlights.map((h) => hit.snippet.text.slice(h.start, h.end)),
        ['中俄关系'],
      );
    });

    test('filters: outlet (either script), dates, entity, speaker', () => {
      assert.deepEqual(search('制裁', { outlet: '文汇报' }), [1]);
      assert.deepEqual(search('制裁', { outlet: '新華社' }), [3]);
      assert.deepEqual(search('制裁', { from: '2024-05-17' }), [3]);
      assert.deepEqual(search('制裁', { to: '2024-05-16' }), [1]);
      assert.deepEqual(search('制裁', { from: '2024-05-17', to: '2024-05-17' }), [3]);
      assert.deepEqual(search('制裁', { entity: '習近平' }), [1]);
      assert.deepEqual(search('制裁', { entity: 'PER:习近平' }), [1]);
      assert.deepEqual(search('制裁', { entity: 'per:習近平' }), [1]);
      assert.deepEqual(search('制裁', { speaker: '王毅' }), [3]);
      assert.deepEqual(search('制裁', { speaker: '普京' }), [1]);
      assert.deepEqual(search('制裁', { entity: '沒有這個人' }), []);
    });

    test('filters alone list articles newest first, undated last', () => {
      assert.deepEqual(
        store.search({}).map((h) => h.articleId),
        [3, 2, 1, 4],
      );
      assert.deepEqual(ids(store.search({ entity: '俄羅斯' })), [1, 3]);
      const hit = store.search({ outlet: '文匯報', limit: 1 })[0];
      assert.equal(hit?.score, null);
      assert.equal(hit?.snippet.highlights.length, 0);
    });

    test('results are ranked, higher score first, and paged by limit and offset', () => {
      const all = store.search({ text: '俄' });
      assert.equal(all.length, 2);
      assert.ok((all[0]?.score ?? 0) >= (all[1]?.score ?? 0));
      assert.deepEqual(
        store.search({ text: '俄', limit: 1, offset: 1 }).map((h) => h.articleId),
        [all[1]?.articleId],
      );
      assert.deepEqual(store.search({ text: '俄', offset: 5 }), []);
    });

    test('every hit carries its document', () => {
      const [hit] = store.search({ text: '王毅' });
      assert.deepEqual(
        { ...hit, snippet: undefined, matches: undefined, score: undefined },
        {
          articleId: 3,
          documentId: 2,
          headline: '外交部就中俄关系答记者问',
          outlet: '新华社',
          date: '2024-05-17',
          source: 'feed.jsonl:1',
          url: 'https://example.org/a/1',
          script: 'simplified',
          score: undefined,
          snippet: undefined,
          matches: undefined,
          // A story of its own: no other page of the archive is a copy of it.
          story: 3,
          copies: 1,
        },
      );
    });

    test('wrong arguments are TypeErrors, a bad query a QueryError', () => {
      assert.throws(() => store.search({ text: '中', limit: -1 }), TypeError);
      assert.throws(() => store.search({ text: '中', from: '2024/05/01' }), TypeError);
      assert.throws(() => store.search({ text: '(中' }), QueryError);
    });
  });

describe('an archive of many search partitions', () => {
  let store: SqliteStore;

  // The pages below are copies of three stories (the same page with a line added): these
  // tests of the partitions list every copy (`copies: true`); the last one counts stories.
  const copies = true;

  before(() => {
    // Three articles a partition: the 13 articles below fill partitions 0 to 4.
    store = openStore(':memory:', { searchPartitionSize: 3, rankWindow: 4 });
    for (let i = 0; i < 3; i++) {
      for (const [k, text] of [TRAD_PAGE, SIMP_PAGE, G20_PAGE].entries()) {
        const doc = documentFor(`${text}\n第${i}${k}號`, { source: `p${i}${k}.txt` });
        store.putDocument(doc);
      }
    }
    store.putDocument(documentFor(`${SIMP_PAGE}\n最後`, { source: 'last.txt' }));
  });
  after(() => store.close());

  test('a narrow query is ranked over every partition', () => {
    assert.deepEqual(
      store
        .search({ text: '凌驾', limit: 10, copies })
        .map((h) => h.articleId)
        .sort((a, b) => a - b),
      [4, 8, 12],
    );
  });

  test('a broad query ranks its newest matches across partitions, and pages past them', () => {
    const top = store.search({ text: '制裁', limit: 4, copies });
    // Seven articles match; the window holds the newest four (13, 11, 9, 7).
    assert.deepEqual(
      top.map((h) => h.articleId).sort((a, b) => a - b),
      [7, 9, 11, 13],
    );
    // Asking for more than the window widens it.
    assert.equal(store.search({ text: '制裁', limit: 7, copies }).length, 7);
    assert.equal(store.search({ text: '制裁', limit: 3, offset: 4, copies }).length, 3);
  });

  test('filters and --about look in every partition', () => {
    assert.deepEqual(
      store
        .search({ text: '制裁', speaker: '普京', limit: 10, copies })
        .map((h) => h.articleId)
        .sort((a, b) => a - b),
      [1, 5, 9],
    );
    // Each Simplified page has two stances against sanctions, the Traditional one has one.
    assert.equal(store.stances({ about: '單邊制裁', limit: 50, copies }).length, 11);
    // Counted once: the ministry story's two, the meeting story's one, each with its copies.
    const once = store.stances({ about: '單邊制裁', limit: 50 });
    assert.equal(once.length, 3);
    assert.equal(
      once.reduce((n, s) => n + (s.copies ?? 0), 0),
      11,
    );
  });

  test('by default a story counts once, across partitions: its best ranked or newest copy', () => {
    // 制裁: the meeting (articles 1, 5, 9) and the ministry (3, 7, 11, 13); seven matches.
    const hits = store.search({ text: '制裁', limit: 10 });
    assert.deepEqual(hits.map((h) => [h.story, h.copies]).sort(), [
      [1, 3],
      [3, 4],
    ]);
    assert.equal(store.countMatches({ text: '制裁' }), 2);
    assert.equal(store.countMatches({ text: '制裁', copies }), 7);
    // The window (four matches here) holds copies of one story only: it is read again,
    // larger, until the page holds its stories.
    assert.equal(store.search({ text: '制裁', limit: 2 }).length, 2);
    assert.deepEqual(
      store.search({ text: '制裁', limit: 1, offset: 1 }).map((h) => h.story),
      [hits[1]?.story],
    );
    // Newest first: each story's newest copy that matches (13 and 9).
    assert.deepEqual(
      store
        .search({ text: '制裁', sort: 'newest' })
        .map((h) => h.articleId)
        .sort(),
      [13, 9].sort(),
    );
    // Oldest first: the story's first copy stands for it.
    assert.deepEqual(
      store.search({ text: '凌驾', sort: 'oldest' }).map((h) => [h.articleId, h.copies]),
      [[4, 3]],
    );
    // Without text, newest first: one row per story, short articles each their own.
    assert.equal(store.search({ limit: 50 }).length, 6);
    assert.equal(store.countMatches({}), 6);
  });

  test("the partition size is the archive's, fixed once it indexes", () => {
    assert.throws(() => openStore(':memory:', { searchPartitionSize: 0 }), /searchPartitionSize/);
  });
});
