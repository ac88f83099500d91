import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { curlyQuotes } from '../src/annotate/article-text.ts';

describe('curlyQuotes', () => {
  it('pairs straight double quotes in a line of Chinese, unit for unit', () => {
    const line = '他說："不會退讓。"又說："會繼續談。"';
    const out = curlyQuotes(line);
    assert.equal(out, '他說：“不會退讓。”又說：“會繼續談。”');
    assert.equal(out.length, line.length);
  });
  it('leaves a line with an odd count, a line with no Han and the other lines alone', () => {
    assert.equal(curlyQuotes('他說："不會退讓。'), '他說："不會退讓。');
    assert.equal(curlyQuotes('He said "no".'), 'He said "no".');
    assert.equal(curlyQuotes('甲"乙"\nHe said "no".'), '甲“乙”\nHe said "no".');
  });
});
