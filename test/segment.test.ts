import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadUserDictionary } from '../src/annotate/lexicon/index.ts';
import { jiebaCut, segment, segmentLines, segmentWords } from '../src/annotate/segment/index.ts';
import { toSimplified, toTraditional } from '../src/normalize/index.ts';
import type { Token } from '../src/tree/annotations.ts';
import { runJiedu } from './helpers/cli.ts';
import { encodeBig5 } from './helpers/encode.ts';

// Sentences composed for these tests, in the register of diplomatic news.
const TRADITIONAL = [
  '國家主席習近平昨日在北京會見俄羅斯總統普京，雙方就中俄關係交換了意見。',
  '外交部發言人表示，中方支持聯合國在國際事務中發揮核心作用。',
  '香港文匯報記者報道，上海合作組織成員國外長會議將於下月舉行。',
  '「一帶一路」倡議提出十年來，已有一百五十多個國家參與合作。',
];
const SIMPLIFIED = TRADITIONAL.map(toSimplified);
const MIXED = [
  '俄羅斯外长拉夫罗夫說，俄方愿与東盟加强合作。',
  '美國國務卿表示，美方关注朝鮮半岛局势。 新华社 北京  电',
  'ＡＰＥＣ峰会2023年11月15日在旧金山举行，与会者约２１个经济体。',
];

/** Every token slices back out of the text, in order, without overlap or whitespace. */
function assertMapsBack(text: string, tokens: readonly Token[]): void {
  let last = 0;
  for (const t of tokens) {
    assert.equal(text.slice(t.start, t.end), t.text, `token ${JSON.stringify(t)}`);
    assert.ok(t.start >= last, `token ${JSON.stringify(t)} overlaps the one before`);
    assert.ok(t.end > t.start);
    assert.ok(t.text.trim() !== '', 'whitespace is not a token');
    assert.equal(typeof t.pos, 'string');
    last = t.end;
  }
  // Nothing but whitespace is left out.
  const covered = tokens.map((t) => t.text).join('');
  assert.equal(covered, text.replace(/[\s\u3000]+/g, ''));
}

describe('segment: offsets', () => {
  for (const [name, sentences] of [
    ['Traditional', TRADITIONAL],
    ['Simplified', SIMPLIFIED],
    ['mixed', MIXED],
  ] as const) {
    test(`${name} sentences map back to the decoded text`, () => {
      for (const sentence of sentences) assertMapsBack(sentence, segment(sentence));
      const page = sentences.join('\n\n');
      assertMapsBack(page, segment(page));
    });
  }

  test('tokens keep the original script', () => {
    const words = segmentWords(TRADITIONAL[0] as string);
    assert.ok(words.includes('俄羅斯'));
    assert.ok(words.includes('會見'));
    assert.ok(!words.includes('俄罗斯'));
  });

  test('Traditional and Simplified cut at the same places', () => {
    for (let i = 0; i < TRADITIONAL.length; i++) {
      const trad = segment(TRADITIONAL[i] as string).map((t) => [t.start, t.end]);
      const simp = segment(SIMPLIFIED[i] as string).map((t) => [t.start, t.end]);
      assert.deepEqual(trad, simp, TRADITIONAL[i]);
    }
  });

  test('俄羅斯 and 俄罗斯 are one token each, tagged as places', () => {
    for (const text of ['俄羅斯總統', '俄罗斯总统']) {
      const [first] = segment(text);
      assert.equal(first?.text, text.slice(0, 3));
      assert.equal(first?.pos, 'ns');
    }
  });

  test('a phrase the conversion changes in length maps to its whole source range', () => {
    // opencc turns some Hong Kong phrases into Simplified ones of another length; whatever
    // the view does, tokens must stay inside the text and in order.
    const text = '聯合國秘書長古特雷斯於周二出席記者會，談及烏克蘭局勢。';
    assertMapsBack(text, segment(text));
  });

  test('empty and whitespace-only text give no tokens', () => {
    assert.deepEqual(segment(''), []);
    assert.deepEqual(segment(' \u3000\n\t'), []);
  });

  test('a wrong argument is a TypeError', () => {
    assert.throws(() => segment(42 as unknown as string), TypeError);
  });

  test('tokens are plain JSON', () => {
    const tokens = segment(MIXED[0] as string);
    assert.deepEqual(JSON.parse(JSON.stringify(tokens)), tokens);
  });
});

describe('segment: conventions', () => {
  const cases: [string, string, string[]][] = [
    ['a date in digits', '2024年3月5日外长会晤', ['2024年', '3月', '5日']],
    ['full-width digits and Latin', '２０２４年ＡＰＥＣ工商领导人', ['２０２４年', 'ＡＰＥＣ']],
    ['a year read digit by digit', '一九九七年香港回归', ['一九九七年']],
    ['a month and its day', '十二月三十一日发表声明', ['十二月', '三十一日']],
    ['a percentage and a magnitude', '增长3.5%，达到1.2万亿美元', ['3.5%', '1.2万亿']],
    ['a percentage in words', '支持率为百分之五十', ['百分之五十']],
    ['a decimal in Chinese numerals', '跌幅为三．六％', ['三．六％']],
    ['a dash run', '新征程——中俄合作', ['——']],
    ['an ellipsis run', '他说……', ['……']],
    ['the plural suffix', '朋友们，同志们', ['朋友', '们', '同志']],
    ['有的 at the head of a clause', '有的国家表示支持', ['有的']],
  ];
  for (const [name, text, expected] of cases) {
    test(name, () => {
      const words = segmentWords(text);
      for (const word of expected) assert.ok(words.includes(word), `${word} in ${words.join('|')}`);
    });
  }

  test('durations and decades keep jieba’s cut', () => {
    assert.ok(!segmentWords('过去10年').includes('10年'));
    assert.ok(segmentWords('八十年代初').join('|').includes('年代'));
    assert.ok(!segmentWords('所有的国家').includes('有的'));
    assert.ok(segmentWords('我们和他们').includes('我们'));
  });

  test('conventions off gives jieba’s cut of the Simplified view', () => {
    const text = '2024年3月5日';
    assert.deepEqual(segmentWords(text, { conventions: false }), jiebaCut(text));
  });
});

describe('segmentLines', () => {
  test('one word list per line, empty lines included', () => {
    const lines = [...TRADITIONAL, '', ...MIXED];
    const out = segmentLines(lines);
    assert.equal(out.length, lines.length);
    for (const [i, line] of lines.entries()) assert.deepEqual(out[i], segmentWords(line), line);
    assert.deepEqual(out[TRADITIONAL.length], []);
  });
});

describe('user dictionaries', () => {
  test('a jieba line keeps a new word whole, in either script', () => {
    const word = '瀾湄青年創新營';
    assert.ok(!segmentWords(`舉辦${word}活動`).includes(word));
    assert.deepEqual(loadUserDictionary(`# a comment\n${toSimplified(word)}\n`), {
      entries: 0,
      words: 1,
    });
    assert.ok(segmentWords(`舉辦${word}活動`).includes(word));
    assert.ok(segmentWords(`举办${toSimplified(word)}活动`).includes(toSimplified(word)));
  });

  test('a lexicon row adds an entry whose forms are words', () => {
    const name = '澜沧江湄公河合作秘书处';
    assert.ok(!segmentWords(`${name}发布报告`).includes(name));
    loadUserDictionary(`${name}\tORG\t澜湄秘书处\n`);
    assert.ok(segmentWords(`${name}发布报告`).includes(name));
    assert.ok(segmentWords(`${toTraditional(name)}發佈報告`).includes(toTraditional(name)));
  });
});

describe('jiedu segment', () => {
  const ROOT = fileURLToPath(new URL('..', import.meta.url));
  let dir = '';

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'jiedu-segment-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  function jiedu(args: string[], input: string | Uint8Array = '') {
    return runJiedu(args, { input, cwd: dir || ROOT });
  }

  test('one line of space-separated words per input line, any script', async () => {
    const input = `${TRADITIONAL[0]}\n\n${SIMPLIFIED[1]}\r\n${MIXED[1]}\n`;
    const run = await jiedu(['segment', '--lines', '-'], input);
    assert.equal(run.code, 0, run.stderr);
    const lines = run.stdout.split('\n');
    assert.equal(lines.pop(), '');
    assert.equal(lines.length, 4);
    assert.equal(lines[0], segmentWords(TRADITIONAL[0] as string).join(' '));
    assert.equal(lines[1], '');
    assert.equal(lines[2], segmentWords(SIMPLIFIED[1] as string).join(' '));
    for (const line of lines) assert.ok(!/ {2}|^ | $/.test(line), `single spaces: ${line}`);
    assert.ok(lines[0]?.includes('俄羅斯 總統'));
  });

  test('a Big5 file is decoded', async () => {
    const file = join(dir, 'big5.txt');
    await writeFile(file, encodeBig5(`${TRADITIONAL[1]}\n`));
    const run = await jiedu(['segment', '--lines', file]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, `${segmentWords(TRADITIONAL[1] as string).join(' ')}\n`);
  });

  test('--dict adds a user dictionary', async () => {
    const word = '金磚青年領袖論壇';
    const plain = await jiedu(['segment', '--lines', '-'], `出席${word}`);
    assert.ok(!plain.stdout.split(' ').includes(word));
    const file = join(dir, 'dict.tsv');
    await writeFile(file, `# our names\n${word}\tEVENT\n`);
    const run = await jiedu(['segment', '--lines', '-', '--dict', file], `出席${word}\n`);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, `出席 ${word}\n`);
  });

  test('a bad dictionary line is reported with its place, exit 1', async () => {
    const file = join(dir, 'bad.tsv');
    await writeFile(file, '北約\tORG\n峰會\tMEETING\n');
    const run = await jiedu(['segment', '--lines', '-', '--dict', file], '北約峰會\n');
    assert.equal(run.code, 1);
    assert.match(run.stderr, /bad\.tsv:2: unknown type 'MEETING'/);
  });

  test('usage errors exit 2; a missing file exits 1', async () => {
    const none = await jiedu(['segment']);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /--lines/);
    const missing = await jiedu(['segment', '--lines', 'nope.txt']);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /nope\.txt: no such file or directory/);
  });
});

describe('segment: long and unusual text', () => {
  test('a line longer than one jieba call is cut at a sentence mark and maps back', () => {
    const sentence = '中俄兩國外長在莫斯科舉行會談，';
    const text = sentence.repeat(6000);
    const tokens = segment(text);
    assertMapsBack(text, tokens);
    const one = segmentWords(sentence);
    assert.deepEqual(
      tokens.slice(0, one.length).map((t) => t.text),
      one,
    );
  });

  test('long and short texts get the same tags (jieba’s tagger or the tag table)', () => {
    const lines = [...TRADITIONAL, ...SIMPLIFIED, ...MIXED, 'IBM 3.5% 2024 ABC123 …… 莫斯科'];
    const short = lines.map((line) => segment(line).map((t) => `${t.text}/${t.pos}`));
    const long: string[][] = lines.map(() => []);
    // Repeated past the size up to which jieba tags by itself.
    const text = Array.from({ length: 400 }, () => lines.join('\n')).join('\n');
    let line = 0;
    let lineEnd = (lines[0] as string).length;
    for (const t of segment(text)) {
      if (t.start >= lines.join('\n').length) break;
      while (t.start > lineEnd) lineEnd += 1 + (lines[++line] as string).length;
      long[line]?.push(`${t.text}/${t.pos}`);
    }
    assert.ok(text.length > 1 << 15);
    assert.deepEqual(long, short);
    assert.ok(short.at(-1)?.includes('莫斯科/ns'));
  });

  test('characters outside the BMP and emoji stay whole', () => {
    const text = '𠮷野家在香港開設分店😀，吸引不少市民。';
    const tokens = segment(text);
    assertMapsBack(text, tokens);
    assert.ok(tokens.some((t) => t.text.includes('𠮷')));
    assert.ok(tokens.some((t) => t.text === '😀'));
  });

  test('CRLF line ends are not tokens', () => {
    const text = '外長會晤\r\n\r\n雙方同意加強溝通。\r\n';
    assertMapsBack(text, segment(text));
  });
});
