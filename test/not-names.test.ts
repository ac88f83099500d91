import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { segment } from '../src/annotate/index.ts';
import { tagger, tagWords } from '../src/annotate/segment/jieba.ts';
import notNames from '../src/annotate/segment/not-names.generated.json' with { type: 'json' };
import { assertGeneratedUpToDate } from './helpers/generated.ts';

/*
 * Words jieba's dictionary tags as a person's name that the NER training splits show are
 * none (scripts/build-not-names.ts): the segmenter tags them as the splits show.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SHARED = join(ROOT, '..', 'shared', 'eval', 'ner-train');
type Row = [string, string, number, number, number, number];
const rows = notNames.words as unknown as Row[];

describe('words the dictionary calls names that are none', () => {
  test('the generated file is what the script makes of the training splits', {
    skip: existsSync(SHARED) ? false : `no training splits at ${SHARED}`,
  }, () => {
    assertGeneratedUpToDate('build-not-names.ts');
  });

  test('every entry is justified by its counts, and given the tag they show', () => {
    assert.ok(rows.length > 500, `${rows.length} words`);
    for (const [word, tag, seen, person, place, body] of rows) {
      assert.ok(word.length >= 2, word);
      assert.ok(seen >= 2 && person <= 0.1 * seen, `${word}: ${seen} seen, ${person} as a name`);
      const shown = place > seen / 2 ? 'ns' : body > seen / 2 ? 'nt' : 'nc';
      assert.equal(tag, shown, word);
    }
  });

  test('the segmenter tags them so, by either tagger; other words keep their tags', () => {
    const tagOf = tagger();
    const listed = new Map(rows.map(([word, tag]) => [word, tag]));
    // 卫星 and 友谊 are nr to jieba's dictionary.
    for (const word of ['卫星', '友谊']) {
      assert.equal(listed.get(word), 'nc', word);
      assert.equal(tagOf(word), 'nc', word);
    }
    const words = tagWords('卫星发射成功，两国友谊长存。');
    assert.equal(words.find((w) => w.word === '卫星')?.tag, 'nc');
    assert.equal(words.find((w) => w.word === '友谊')?.tag, 'nc');
    // A name the dictionary has is still one.
    assert.match(tagOf('刘少奇'), /^nr/);
    const seg = segment('卫星发射成功。');
    assert.ok(
      seg.some((w) => w.text === '卫星' && w.pos === 'nc'),
      JSON.stringify(seg),
    );
  });
});
