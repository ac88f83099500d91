import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { nextSpan } from '../src/store/postgres/search.ts';
import { compileTsQuery } from '../src/store/postgres/search-index.ts';

/** The two forms of a PostgreSQL query: exact (phrases by position) and the candidates the
 * GIN index decides alone (every exact match among them). No server needed. */
describe('compileTsQuery: the exact query and its candidates', () => {
  const forms = (text: string) => {
    const q = compileTsQuery(text);
    assert.ok(q !== null);
    return { query: q.query, candidate: q.candidate };
  };

  test('a word of two characters, or words AND/OR, is its own candidate', () => {
    for (const text of ['中国', '中國 合作', '制裁 OR 合作', '中 NOT 美国']) {
      const { query, candidate } = forms(text);
      assert.equal(candidate, query, text);
    }
  });

  test('a phrase of pairs becomes the AND of its pairs, repeats once', () => {
    assert.deepEqual(forms('记者会'), {
      query: "('记者' <-> '者会')",
      candidate: "('记者' & '者会')",
    });
    assert.deepEqual(forms('哈哈哈'), { query: "('哈哈' <-> '哈哈')", candidate: "'哈哈'" });
    assert.deepEqual(forms('中俄*'), {
      query: "('中俄' <-> '俄':*)",
      candidate: "('中俄' & '俄':*)",
    });
  });

  test('a phrase under NOT is left to the exact query: the candidates keep its articles', () => {
    const { query, candidate } = forms('制裁 NOT 记者会');
    assert.equal(query, "('制裁' & !('记者' <-> '者会'))");
    assert.equal(candidate, "'制裁'");
    // A NOT without a phrase stays in the candidates.
    assert.equal(forms('制裁 NOT 美国').candidate, "('制裁' & !'美国')");
  });
});

describe('nextSpan: how far back the next partition query reads', () => {
  const size = 65_536;
  test('one partition while the newest (often short) is all that was read', () => {
    assert.equal(nextSpan(100, 0, 1000, size), size);
  });
  test('a common word: one partition at a time', () => {
    assert.equal(nextSpan(size, 30_000, 1000, size), size);
  });
  test('a rarer one: the partitions that should hold twice what is still wanted', () => {
    // 350 matches in 82,496 ids; 650 wanted: some 306,000 ids, five partitions.
    assert.equal(nextSpan(82_496, 350, 650, size), 5 * size);
  });
  test('none found in a partition and more: all the rest at once', () => {
    assert.ok(nextSpan(size, 0, 1000, size) >= 2 ** 31);
  });
});
