import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { convertText } from '../src/normalize/convert-pieces.ts';
import { decideScript } from '../src/normalize/detect-script.ts';
import * as normalize from '../src/normalize/index.ts';
import {
  detectLineEnding,
  detectScript,
  normalizeText,
  simplifiedView,
  toSimplified,
  toTraditional,
} from '../src/normalize/index.ts';
import { mapConversion } from '../src/normalize/map-conversion.ts';
import type { TextView } from '../src/tree/view.ts';
import { viewRangeToSource } from '../src/tree/view.ts';

/** Asserts the invariants every view must keep, whatever its source. */
function assertValidView(source: string, view: TextView): void {
  const n = view.text.length;
  assert.equal(view.starts.length, n + 1, 'starts has one extra slot');
  assert.equal(view.ends.length, n + 1, 'ends has one extra slot');
  assert.equal(view.starts[n], source.length);
  assert.equal(view.ends[n], source.length);
  for (let i = 0; i < n; i++) {
    const s = view.starts[i] as number;
    const e = view.ends[i] as number;
    assert.ok(s >= 0 && s < e && e <= source.length, `unit ${i} maps to [${s}, ${e})`);
    if (i > 0) {
      assert.ok(s >= (view.starts[i - 1] as number), `starts monotonic at ${i}`);
      assert.ok(e >= (view.ends[i - 1] as number), `ends monotonic at ${i}`);
    }
    // A mapped range never starts or ends inside a surrogate pair.
    assert.ok(!isLow(source.charCodeAt(s)) || !isHigh(source.charCodeAt(s - 1)), 'start splits');
    assert.ok(!isLow(source.charCodeAt(e)) || !isHigh(source.charCodeAt(e - 1)), 'end splits');
  }
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** The source text behind view range `[start, end)`. */
function sourceOf(source: string, view: TextView, start: number, end: number): string {
  const range = viewRangeToSource(view, start, end);
  return source.slice(range.start, range.end);
}

/** Characters that exercise every normalization and conversion rule. */
const tricky = fc.constantFrom(
  '\r\n',
  '\r',
  '\n',
  ' ',
  '\t',
  '\u00a0',
  '\u3000',
  '\u2003',
  '\u200b',
  '\u200d',
  '\u2060',
  '\ufeff',
  '𠮷',
  '\ud842',
  '\udfb7',
  '二噁英',
  '兩國',
  '衞生',
  '隨著',
  '著名',
  '发表',
  '，',
  '。',
  'a',
);
const trickyString = fc.string({
  unit: fc.oneof(tricky, fc.string({ unit: 'binary', maxLength: 1 })),
});

describe('normalizeText', () => {
  test('CRLF becomes one LF that maps to both source units', () => {
    const source = '兩國元首\r\n發表聲明';
    const view = normalizeText(source);
    assert.equal(view.text, '兩國元首\n發表聲明');
    assertValidView(source, view);
    assert.equal(sourceOf(source, view, 4, 5), '\r\n');
    assert.equal(sourceOf(source, view, 5, 9), '發表聲明');
  });

  test('a lone CR becomes LF', () => {
    const source = '甲\r乙\r';
    const view = normalizeText(source);
    assert.equal(view.text, '甲\n乙\n');
    assertValidView(source, view);
    assert.equal(sourceOf(source, view, 1, 2), '\r');
  });

  test('NBSP, ideographic space, em space and tab become plain spaces, 1:1', () => {
    const source = 'A\u00a0B\u3000C\u2003D\tE';
    const view = normalizeText(source);
    assert.equal(view.text, 'A B C D E');
    assertValidView(source, view);
    assert.equal(sourceOf(source, view, 1, 2), '\u00a0');
    assert.equal(sourceOf(source, view, 3, 4), '\u3000');
    assert.equal(sourceOf(source, view, 5, 6), '\u2003');
    assert.equal(sourceOf(source, view, 7, 8), '\t');
  });

  test('zero-width characters disappear but stay inside mapped ranges', () => {
    const source = '\ufeff聯合\u200b聲明\u200d\u2060發表';
    const view = normalizeText(source);
    assert.equal(view.text, '聯合聲明發表');
    assertValidView(source, view);
    assert.equal(sourceOf(source, view, 0, 4), '聯合\u200b聲明');
    assert.equal(sourceOf(source, view, 4, 6), '發表');
  });

  test('whitespace-only lines become empty; text lines keep their spaces', () => {
    const source = '　　第一段 \r\n \u3000\t\r\n\u200b\n  \n第二段';
    const view = normalizeText(source);
    assert.equal(view.text, '  第一段 \n\n\n\n第二段');
    assertValidView(source, view);
    assert.equal(sourceOf(source, view, 0, 2), '　　');
    assert.equal(sourceOf(source, view, 5, 6), ' ');
    assert.equal(sourceOf(source, view, 7, 8), '\r\n');
    assert.equal(sourceOf(source, view, 10, 13), '第二段');
  });

  test('a trailing whitespace-only line is emptied too', () => {
    const source = '完\n \t';
    const view = normalizeText(source);
    assert.equal(view.text, '完\n');
    assertValidView(source, view);
  });

  test('both halves of a surrogate pair map to the whole pair', () => {
    const source = '\t𠮷野家\r\n';
    const view = normalizeText(source);
    assert.equal(view.text, ' 𠮷野家\n');
    assertValidView(source, view);
    assert.equal(sourceOf(source, view, 1, 2), '𠮷');
    assert.equal(sourceOf(source, view, 2, 3), '𠮷');
    assert.equal(sourceOf(source, view, 1, 3), '𠮷');
  });

  test('clean text comes back unchanged with an identity map', () => {
    const source = '外交部發言人表示，雙方將保持溝通。\nReuters, 2024.\n';
    const view = normalizeText(source);
    assert.equal(view.text, source);
    assertValidView(source, view);
    for (let i = 0; i < source.length; i++) {
      assert.equal(view.starts[i], i);
      assert.equal(view.ends[i], i + 1);
    }
  });

  test('empty and all-blank inputs', () => {
    assert.deepEqual(normalizeText(''), {
      text: '',
      starts: Int32Array.of(0),
      ends: Int32Array.of(0),
    });
    const view = normalizeText(' \u200b\t');
    assert.equal(view.text, '');
    assertValidView(' \u200b\t', view);
  });

  test('property: valid maps, only the promised changes, nothing lost', () => {
    fc.assert(
      fc.property(trickyString, (source) => {
        const view = normalizeText(source);
        assertValidView(source, view);
        assert.doesNotMatch(view.text, /[\r\t\u00a0\u3000\u200b-\u200d\u2060\ufeff]/);
        for (let i = 0; i < view.text.length; i++) {
          const c = view.text[i] as string;
          const original = source.slice(view.starts[i], view.ends[i]);
          if (c === '\n') assert.match(original, /^(\r\n|\r|\n)$/);
          else if (c === ' ') assert.match(original, /^[\s\u00a0\u3000\u2000-\u200a]$/);
          else assert.ok(original.includes(c), `unit ${i} comes from its range`);
        }
        // Without zero-width characters or blank lines, every line survives.
        assert.equal(view.text.split('\n').length, source.split(/\r\n|\r|\n/).length);
      }),
      { numRuns: 500 },
    );
  });
});

describe('detectLineEnding', () => {
  const cases: [string, string][] = [
    ['一\n二\n', 'lf'],
    ['一\r\n二\r\n', 'crlf'],
    ['一\r二\r', 'cr'],
    ['一\r\n二\n', 'mixed'],
    ['一\r二\n', 'mixed'],
    ['\r\n\r', 'mixed'],
    ['一行', 'none'],
    ['', 'none'],
  ];
  for (const [text, expected] of cases) {
    test(`${JSON.stringify(text)} → ${expected}`, () => {
      assert.equal(detectLineEnding(text), expected);
    });
  }
});

describe('detectScript', () => {
  const traditional =
    '兩國元首發表聯合聲明，重申將在聯合國等多邊機制內加強溝通與協調。雙方外長會談後表示，' +
    '兩國關係正處於歷史最好時期。';
  const simplified =
    '两国元首发表联合声明，重申将在联合国等多边机制内加强沟通与协调。双方外长会谈后表示，' +
    '两国关系正处于历史最好时期。';

  test('Traditional (Hong Kong and Taiwan forms)', () => {
    assert.equal(detectScript(traditional), 'traditional');
    assert.equal(detectScript('特區政府衞生署發言人表示，局長拿着文件走進會議室。'), 'traditional');
    assert.equal(detectScript('隨著談判取得進展，雙方代表在臺北簽署備忘錄。'), 'traditional');
  });

  test('Simplified', () => {
    assert.equal(detectScript(simplified), 'simplified');
    assert.equal(detectScript('外交部发言人就两国关系答记者问。'), 'simplified');
  });

  test('mixed when both scripts are substantial', () => {
    assert.equal(detectScript(traditional + simplified), 'mixed');
    assert.equal(
      detectScript(
        '外交部發言人表示，双方将继续加强沟通协调，兩國關係發展良好，共同维护地区和平稳定。',
      ),
      'mixed',
    );
  });

  test('a stray character of the other script does not make a text mixed', () => {
    assert.equal(detectScript(`${traditional}这`), 'traditional');
    assert.equal(detectScript(`${simplified}這個`), 'simplified');
  });

  test('unknown without Han text or without telling characters', () => {
    assert.equal(detectScript('Reuters reported the summit on 15 June 2024.'), 'unknown');
    assert.equal(detectScript(''), 'unknown');
    assert.equal(detectScript('中文人口'), 'unknown');
  });

  test('long texts are sampled', () => {
    const long = `${traditional}\n`.repeat(2000);
    assert.ok(long.length > 100_000);
    assert.equal(detectScript(long), 'traditional');
    assert.equal(detectScript(`${simplified}\n`.repeat(2000)), 'simplified');
    assert.equal(detectScript(`${traditional}\n${simplified}\n`.repeat(1000)), 'mixed');
  });

  test('decision thresholds', () => {
    assert.equal(decideScript(0, 0), 'unknown');
    assert.equal(decideScript(40, 2), 'traditional');
    assert.equal(decideScript(2, 40), 'simplified');
    assert.equal(decideScript(30, 20), 'mixed');
    assert.equal(decideScript(100, 10), 'traditional');
    assert.equal(decideScript(1, 1), 'traditional');
  });
});

describe('simplifiedView', () => {
  test('a Traditional paragraph converts unit by unit', () => {
    const source =
      '兩國元首發表聯合聲明，重申將在聯合國等多邊機制內加強溝通與協調。\r\n' +
      '雙方外長會談後表示，兩國關係正處於歷史最好時期，願意擴大貿易往來、深化人文交流。';
    const view = simplifiedView(source);
    assert.equal(
      view.text,
      '两国元首发表联合声明，重申将在联合国等多边机制内加强沟通与协调。\r\n' +
        '双方外长会谈后表示，两国关系正处于历史最好时期，愿意扩大贸易往来、深化人文交流。',
    );
    assertValidView(source, view);
    const at = view.text.indexOf('联合声明');
    assert.equal(sourceOf(source, view, at, at + 4), '聯合聲明');
    const later = view.text.indexOf('历史');
    assert.equal(sourceOf(source, view, later, later + 2), '歷史');
  });

  test('Simplified text comes back unchanged with an identity map', () => {
    const source = '两国元首发表联合声明。他拿着文件说，著名学者的著作影响显著。𠮷';
    const view = simplifiedView(source);
    assert.equal(view.text, source);
    assertValidView(source, view);
    for (let i = 0; i < source.length - 2; i++) {
      assert.equal(view.starts[i], i);
      assert.equal(view.ends[i], i + 1);
    }
  });

  test('Hong Kong and Taiwan variants: 衞/衛, 着/著', () => {
    assert.equal(toSimplified('衞生署'), '卫生署');
    assert.equal(toSimplified('衛星'), '卫星');
    assert.equal(toSimplified('保衞國家'), '保卫国家');
    assert.equal(toSimplified('局長拿着文件，裏面坐着官員'), '局长拿着文件，里面坐着官员');
    assert.equal(
      toSimplified('隨著談判進展，意味著雙方有著共同願景，並將著手籌備'),
      '随着谈判进展，意味着双方有着共同愿景，并将着手筹备',
    );
    assert.equal(
      toSimplified('這部著作很著名，原著作者的專著影響顯著，土著文化'),
      '这部著作很著名，原著作者的专著影响显著，土著文化',
    );
    assert.equal(toSimplified('有著名學者'), '有著名学者');
    assert.equal(toSimplified('影響顯著地擴大'), '影响显著地扩大');
  });

  test('a phrase that changes length maps its chunk as a whole', () => {
    // opencc-js writes 二噁英 (dioxin) as 二𫫇英: one unit longer.
    const source = '食物安全中心檢出二噁英，結果已通報。';
    const view = simplifiedView(source);
    assert.equal(view.text, '食物安全中心检出二𫫇英，结果已通报。');
    assert.equal(view.text.length, source.length + 1);
    assertValidView(source, view);
    const chunk = '食物安全中心檢出二噁英，';
    const at = view.text.indexOf('𫫇');
    assert.equal(sourceOf(source, view, at, at + 2), chunk);
    assert.equal(sourceOf(source, view, 0, 1), chunk);
    // The chunk after the comma still maps unit by unit.
    const after = view.text.indexOf('结果');
    assert.equal(sourceOf(source, view, after, after + 2), '結果');
    assert.equal(toSimplified(source), view.text);
  });

  test('chunk mapping with a fake converter', () => {
    const fake = (s: string): string => s.replaceAll('AB', 'xyz').replaceAll('Q', '');
    // The first line keeps its length (AB grows, Q goes) but its breaks move: chunk path.
    const source = 'cAB, d Q!\nplain line\n';
    const view = mapConversion(source, fake);
    assert.equal(view.text, 'cxyz, d !\nplain line\n');
    assertValidView(source, view);
    // 'cAB,' became 'cxyz,': every unit maps to the whole chunk.
    for (let i = 0; i < 5; i++) {
      assert.equal(view.starts[i], 0);
      assert.equal(view.ends[i], 4);
    }
    // ' ' and 'd ' kept their shape; 'Q!' became '!', mapped to the chunk 'Q!'.
    assert.equal(sourceOf(source, view, 6, 7), 'd');
    assert.equal(sourceOf(source, view, 8, 9), 'Q!');
    // The second line kept its shape and maps 1:1.
    const line = view.text.indexOf('plain');
    assert.equal(view.starts[line], source.indexOf('plain'));
    assert.equal(sourceOf(source, view, line, line + 10), 'plain line');
    assert.equal(convertText(source, fake), view.text);
  });

  test('long lines without breaks are cut, never inside a surrogate pair', () => {
    const source = '兩國𠮷'.repeat(3000);
    const view = simplifiedView(source);
    assert.equal(view.text, '两国𠮷'.repeat(3000));
    assertValidView(source, view);
  });

  test('property: maps are monotonic, within bounds and never throw', () => {
    fc.assert(
      fc.property(trickyString, (source) => {
        const view = simplifiedView(source);
        assertValidView(source, view);
        assert.equal(toSimplified(source), view.text);
      }),
      { numRuns: 300 },
    );
  });
});

describe('toTraditional', () => {
  test('Simplified → Hong Kong Traditional', () => {
    assert.equal(
      toTraditional('两国元首发表联合声明，卫生署发言人表示关系正处于历史最好时期。'),
      '兩國元首發表聯合聲明，衞生署發言人表示關係正處於歷史最好時期。',
    );
    assert.equal(toTraditional(''), '');
  });
});

test('the normalize module exports exactly its API', () => {
  assert.deepEqual(Object.keys(normalize).sort(), [
    'detectLineEnding',
    'detectScript',
    'normalizeText',
    'simplifiedView',
    'toSimplified',
    'toTraditional',
  ]);
});
