import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toSimplified } from '../src/normalize/index.ts';
import { parse } from '../src/pipeline.ts';
import { toArticleView } from '../src/render/index.ts';
import { encodeBig5, encodeGb18030, encodeUtf16 } from './helpers/encode.ts';
import { comparable, comparableGold, fixtures } from './helpers/gold.ts';
import { sliceWrap, wordWrap } from './helpers/wrap.ts';

const all = fixtures();
const read = (input: string | Uint8Array) => comparable(toArticleView(parse(input)));

describe('composed pages match their hand-written gold', () => {
  for (const { name, text, gold } of all) {
    it(name, () => assert.deepEqual(read(text), comparableGold(gold)));
  }
});

/** Pages laid out with blank lines and not already wrapped: the ones we re-lay out. */
const loose = all.filter((f) => !/wrap|tight/.test(f.name));

describe('the same page in another form gives the same articles', () => {
  for (const { name, text, gold } of loose) {
    const want = comparableGold(gold);
    it(`${name}: CRLF and CR line ends`, () => {
      assert.deepEqual(read(text.replace(/\n/g, '\r\n')), want);
      assert.deepEqual(read(text.replace(/\n/g, '\r')), want);
    });
    it(`${name}: converted to Simplified`, () => {
      const simplified = comparableGold(JSON.parse(toSimplified(JSON.stringify(gold))));
      assert.deepEqual(read(toSimplified(text)), simplified);
    });
    it(`${name}: saved as UTF-16 and as ${name.startsWith('trad') ? 'Big5' : 'GB18030'}`, () => {
      assert.deepEqual(read(encodeUtf16(text, 'le', true)), want);
      assert.deepEqual(read(encodeUtf16(text, 'be', true)), want);
      const legacy = name.startsWith('trad') ? encodeBig5(text) : encodeGb18030(text);
      assert.deepEqual(read(legacy), want);
    });
    for (const width of [15, 18, 22, 26, 30]) {
      it(`${name}: hard-wrapped at ${width} (cut and word-wrapped)`, () => {
        assert.deepEqual(read(sliceWrap(text, width)), want);
        assert.deepEqual(read(wordWrap(text, width)), want);
      });
    }
  }
});
