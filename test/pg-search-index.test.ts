import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
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
