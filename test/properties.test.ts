import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DecodeError } from '../src/decode/index.ts';
import { parse } from '../src/pipeline.ts';
import type { PageNode, Range } from '../src/tree/types.ts';

/** What a reader cannot see: whitespace and the zero-width characters normalization drops. */
const INVISIBLE = /[\s\u200b-\u200d\u2060\ufeff]/;

/** Lines a news page is made of, in both scripts, with the marks that make roles. */
const line = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\u3000\u3000',
    '\t',
    '兩國元首宣布發表聯合聲明，正式決定條約延期。',
    '双方强调，共同维护以联合国为核心的国际体系，',
    '外長：雙方應加強溝通',
    '●外長在記者會上發言。 網上圖片',
    '●两国代表团举行会谈。',
    '新華社',
    '來源：中通社',
    '香港文匯報訊 據中新社報道，會議昨日舉行。',
    '新华社北京3月5日电（记者 李明）会议今日开幕。',
    '●香港文匯報記者 林靜 北京報道',
    '主持人：「歡迎各位。」',
    '- 深化**互利合作**，',
    ' - 推進人文交流。',
    '聯合聲明要點',
    '楊明、陳華等出席上述活動。',
    '是要把本國的利益凌',
    '駕到其他國家之上。',
    '「在此背景下，合作有助於和平。」他強調。',
    '**',
    '（記者',
    '。」',
  ),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
);
const page = fc
  .tuple(fc.array(line, { maxLength: 40 }), fc.constantFrom('\n', '\r\n', '\r'))
  .map(([lines, eol]) => lines.join(eol));

function ranges(page: PageNode): Range[] {
  const out: Range[] = [page];
  for (const article of page.children) {
    out.push(article);
    for (const block of article.children) {
      out.push(block, ...block.pieces);
      if ('emphasis' in block) out.push(...block.emphasis);
      if (block.type === 'dialogue') out.push(block.speakerRange);
    }
  }
  for (const d of page.diagnostics) out.push(d, ...(d.ranges ?? []));
  return out;
}

function checkPage(text: string): void {
  const tree = parse(text);
  for (const r of ranges(tree)) {
    assert.ok(
      r.start >= 0 && r.start <= r.end && r.end <= text.length,
      `range ${r.start}-${r.end}`,
    );
    for (const at of [r.start, r.end]) {
      const lo = text.charCodeAt(at);
      const hi = text.charCodeAt(at - 1);
      const splits = lo >= 0xdc00 && lo <= 0xdfff && hi >= 0xd800 && hi <= 0xdbff;
      assert.ok(!splits, `offset ${at} splits a surrogate pair`);
    }
  }
  const owners = new Uint8Array(text.length);
  for (const article of tree.children) {
    for (const block of article.children) {
      for (const p of block.pieces)
        for (let i = p.start; i < p.end; i++) owners[i] = (owners[i] ?? 0) + 1;
    }
  }
  for (let i = 0; i < text.length; i++) {
    if (INVISIBLE.test(text[i] as string)) continue;
    assert.equal(
      owners[i],
      1,
      `character ${JSON.stringify(text[i])} at ${i} belongs to ${owners[i]} nodes`,
    );
  }
  assert.deepEqual(JSON.parse(JSON.stringify(tree)), tree);
}

describe('parse on any input', () => {
  it('never throws, keeps offsets inside the text, and gives every visible character one node', () => {
    fc.assert(fc.property(page, checkPage), { numRuns: 400 });
  });
  it('holds for arbitrary strings too', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), checkPage), {
      numRuns: 300,
    });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), checkPage), {
      numRuns: 300,
    });
  });
  it('reads any bytes as a page or refuses them with a DecodeError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        try {
          parse(bytes, { path: 'random.bin' });
        } catch (error) {
          assert.ok(error instanceof DecodeError, String(error));
          assert.match((error as Error).message, /random\.bin/);
        }
      }),
      { numRuns: 300 },
    );
  });
});
