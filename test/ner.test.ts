import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  countSpans,
  type NerCounts,
  readCluener,
  readPeoplesDaily,
  readUner,
  readWeibo,
} from '../scripts/lib/eval-ner.ts';
import {
  extractFeatures,
  extractHashedFeatures,
  FEATURES_PER_UNIT,
  HASHED_PER_UNIT,
} from '../src/annotate/ner/extract-features.ts';
import { findModelsDir } from '../src/annotate/ner/find-models.ts';
import { Gazetteer } from '../src/annotate/ner/gazetteer.ts';
import { gazetteerOf, nerModel, tagEntities } from '../src/annotate/ner/index.ts';
import { decodeModel, encodeModel } from '../src/annotate/ner/model.ts';
import {
  allowed,
  allowedFirst,
  allowedLast,
  spansToTags,
  TAG_COUNT,
  TAG_NAMES,
  tagsToSpans,
} from '../src/annotate/ner/tags.ts';
import { viterbi } from '../src/annotate/ner/viterbi.ts';
import { hashString, wordInfo } from '../src/annotate/ner/word-info.ts';
import { toSimplified } from '../src/normalize/index.ts';
import { runJiedu, runNode } from './helpers/cli.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** `text[start, end)/TYPE` for each span, for readable comparisons. */
function show(text: string, spans: readonly { start: number; end: number; type: string }[]) {
  return spans.map((s) => `${text.slice(s.start, s.end)}/${s.type}`);
}

function tagged(text: string): string[] {
  return show(text, tagEntities(text));
}

// Sentences composed for these tests, in the news register the tagger is trained for.
const SENTENCES: readonly { traditional: string; expected: readonly string[] }[] = [
  {
    traditional: '國家主席習近平在北京會見俄羅斯總統普京',
    expected: ['習近平/PER', '北京/LOC', '俄羅斯/LOC', '普京/PER'],
  },
  {
    traditional: '俄羅斯總統普京昨日抵達北京。',
    expected: ['俄羅斯/LOC', '普京/PER', '北京/LOC'],
  },
  {
    traditional: '外交部發言人毛寧在例行記者會上說，中方堅決反對美國的做法。',
    expected: ['外交部/ORG', '毛寧/PER', '美國/LOC'],
  },
  {
    traditional: '新華社記者王小明報道：外交部發言人華春瑩表示，中方歡迎聯合國安理會的決定。',
    expected: ['新華社/ORG', '王小明/PER', '外交部/ORG', '華春瑩/PER', '聯合國安理會/ORG'],
  },
  {
    traditional: '美國總統拜登與日本首相岸田文雄在華盛頓舉行會談。',
    expected: ['美國/LOC', '拜登/PER', '日本/LOC', '岸田文雄/PER', '華盛頓/LOC'],
  },
  {
    // jieba's dictionary calls 熱烈祝賀 a place: the name before it must stay a name.
    traditional: '馬克龍熱烈祝賀中國國家隊奪冠。',
    expected: ['馬克龍/PER'],
  },
];

describe('tagEntities', () => {
  test('finds people, places and organisations, with offsets into the text', () => {
    const text = '國家主席習近平在北京會見俄羅斯總統普京';
    assert.deepEqual(tagEntities(text), [
      { start: 4, end: 7, type: 'PER' },
      { start: 8, end: 10, type: 'LOC' },
      { start: 12, end: 15, type: 'LOC' },
      { start: 17, end: 19, type: 'PER' },
    ]);
    // The others, in the conventions of Simplified news (MSRA's, which the Simplified model
    // follows): at least these, each on the right characters. (People's Daily and MSRA tag
    // 中 in 中方 as a place too.)
    for (const { traditional, expected } of SENTENCES) {
      const found = show(traditional, tagEntities(traditional, { script: 'simplified' }));
      for (const e of expected) assert.ok(found.includes(e), `${traditional}: ${e} in ${found}`);
    }
  });

  test('each script has its model; with the same model both scripts give the same spans', () => {
    for (const { traditional } of SENTENCES) {
      const simplified = toSimplified(traditional);
      assert.notEqual(simplified, traditional);
      assert.equal(simplified.length, traditional.length);
      // By default Traditional text is read in the Traditional model's conventions.
      assert.deepEqual(
        tagEntities(traditional),
        tagEntities(traditional, { script: 'traditional' }),
      );
      assert.deepEqual(tagEntities(simplified), tagEntities(simplified, { script: 'simplified' }));
      for (const script of ['simplified', 'traditional'] as const) {
        assert.deepEqual(
          tagEntities(simplified, { script }),
          tagEntities(traditional, { script }),
          `${traditional} (${script})`,
        );
      }
    }
    assert.notEqual(nerModel('simplified'), nerModel('traditional'));
  });

  test('offsets count UTF-16 units: an astral character before a name shifts it by two', () => {
    const plain = '習近平在北京會見普京。';
    const emoji = '😀習近平在北京會見普京。';
    const shifted = tagEntities(plain).map((s) => ({ ...s, start: s.start + 2, end: s.end + 2 }));
    assert.deepEqual(tagEntities(emoji), shifted);
    assert.deepEqual(tagged(emoji), ['習近平/PER', '北京/LOC', '普京/PER']);
  });

  test('several lines and long lines are tagged piece by piece, offsets into the whole', () => {
    const line = '俄羅斯總統普京昨日抵達北京。';
    const text = `${line}\n\n${line.repeat(30)}`;
    const spans = tagEntities(text, { script: 'simplified' });
    assert.equal(spans.length, 3 * 31);
    for (const s of spans) {
      assert.ok(['俄羅斯', '普京', '北京'].includes(text.slice(s.start, s.end)));
      assert.ok(!text.slice(s.start, s.end).includes('\n'));
    }
    for (let i = 1; i < spans.length; i++) {
      assert.ok((spans[i - 1]?.end as number) <= (spans[i]?.start as number), 'in order');
    }
  });

  test('the result does not depend on what was tagged before (buffers are reused)', () => {
    const text = '習近平同普京舉行會談。';
    const first = tagEntities(text);
    tagEntities(
      '新華社記者王小明報道：外交部發言人華春瑩表示，中方歡迎聯合國安理會的決定。'.repeat(9),
    );
    tagEntities('北');
    assert.deepEqual(tagEntities(text), first);
  });

  test('empty text has no entities; a non-string is a TypeError', () => {
    assert.deepEqual(tagEntities(''), []);
    assert.deepEqual(tagEntities('，。！'), []);
    assert.throws(() => tagEntities(42 as unknown as string), TypeError);
  });

  test('a caller gazetteer (a lexicon) adds its names as evidence', () => {
    // A made-up body the model alone does not find.
    const text = '代表团昨天参观了晨光合作体的总部。';
    assert.ok(!tagged(text).includes('晨光合作体/ORG'));
    const gazetteer = gazetteerOf([['晨光合作体', 'ORG']]);
    assert.deepEqual(gazetteer(text), [{ start: 8, end: 13, type: 'ORG' }]);
    assert.ok(show(text, tagEntities(text, { gazetteer })).includes('晨光合作体/ORG'));
  });
});

describe('word facts for the features', () => {
  test('a cue the dictionary tags as a name reads as a verb; names keep their tags', () => {
    const text = '普京热烈祝贺王毅表示祝贺';
    const words = [
      { start: 0, end: 2, pos: 'nr' },
      { start: 2, end: 6, pos: 'ns' },
      { start: 6, end: 8, pos: 'nr' },
      { start: 8, end: 12, pos: 'n' },
    ];
    const info = wordInfo(text, 0, text.length, words);
    const tags = Array.from(info.tag.subarray(0, text.length));
    assert.equal(tags[0], hashString('nr'));
    assert.equal(tags[2], hashString('v'), '热烈祝贺 ends in a cue');
    assert.equal(tags[6], hashString('nr'));
    assert.equal(tags[8], hashString('v'), '表示祝贺 ends in a cue');
  });
});

/** The hash of the bias feature, the first slot of every unit. */
function biasHash(): number {
  const out = new Int32Array(FEATURES_PER_UNIT);
  extractFeatures('今', new Uint8Array(1), wordInfo('今', 0, 1, []), out);
  return out[0] as number;
}

describe('the model', () => {
  test('is found from src and from a dist-like folder, by the package.json above', () => {
    const models = join(ROOT, 'models');
    assert.equal(findModelsDir(join(ROOT, 'src', 'annotate', 'ner', 'index.ts')), models);
    assert.equal(findModelsDir(join(ROOT, 'dist', 'annotate', 'ner', 'index.js')), models);
  });

  test('is compact and loads once', () => {
    const model = nerModel();
    assert.equal(nerModel(), model);
    assert.deepEqual(model.header.tags, TAG_NAMES);
    assert.ok(model.header.features > 10_000);
  });

  test('scores from its tables exactly as from every feature hashed, whatever the text and hints', () => {
    const texts = [
      '外交部发言人林嘉欣周一在北京表示，中方欢迎此次会谈。',
      '國務院台灣事務辦公室發言人陳立說：「我們反對。」',
      'ＡＢＣ新闻 abc 123 二〇二四年 𠮷野家 …',
      '王',
      '',
    ];
    for (const script of ['simplified', 'traditional'] as const) {
      const model = nerModel(script);
      for (const raw of texts) {
        const text = toSimplified(raw);
        const n = text.length;
        if (n === 0) continue;
        const words = wordInfo(text, 0, n, []);
        // Hints of every kind, and some beyond what the built-in lists write.
        for (const hintAt of [
          (_: number) => 0,
          (i: number) => i % 16,
          (i: number) => (i * 37) % 256,
        ]) {
          const hints = Uint8Array.from({ length: n }, (_, i) => hintAt(i));
          const all = new Int32Array(n * FEATURES_PER_UNIT);
          extractFeatures(text, hints, words, all);
          const expected = new Float32Array(n * TAG_COUNT);
          model.score(all, n, expected);
          const hashed = new Int32Array(n * HASHED_PER_UNIT);
          const units = extractHashedFeatures(text, hints, words, hashed);
          const got = new Float32Array(n * TAG_COUNT);
          model.scoreUnits(hashed, units, n, got);
          assert.deepEqual(got, expected, `${script}: ${raw}`);
        }
      }
    }
  });

  test('loads and tags in a fresh process', async () => {
    const url = pathToFileURL(join(ROOT, 'src', 'annotate', 'ner', 'index.ts')).href;
    const code = `const { tagEntities } = await import(${JSON.stringify(url)});
      process.stdout.write(JSON.stringify(tagEntities('俄羅斯總統普京昨日抵達北京。')));`;
    const out = await runNode(['--import', 'tsx', '--input-type=module', '-e', code], {
      cwd: join(ROOT, 'test'),
    });
    assert.equal(out.code, 0, out.stderr);
    assert.deepEqual(JSON.parse(out.stdout), [
      { start: 0, end: 3, type: 'LOC' },
      { start: 5, end: 7, type: 'PER' },
      { start: 11, end: 13, type: 'LOC' },
    ]);
  });

  test('a model file round-trips through encode and decode', () => {
    const T = TAG_COUNT;
    const keys = Int32Array.from([11, 22, 33]);
    const weights = new Float32Array(3 * T);
    weights[0 * T + 1] = 2;
    weights[1 * T + 0] = -1;
    weights[1 * T + 5] = 0.5;
    // The third feature has no weight: it is left out of the file.
    const transitions = new Float32Array(T * T).fill(0.25);
    const model = decodeModel(
      encodeModel({
        keys,
        weights,
        transitions,
        start: new Float32Array(T),
        end: new Float32Array(T),
      }),
    );
    assert.equal(model.header.features, 2);
    assert.equal(model.transitions[7], 0.25);
    const scores = new Float32Array(2 * T);
    const features = new Int32Array(2 * FEATURES_PER_UNIT).fill(999);
    features[0] = 11;
    features[FEATURES_PER_UNIT] = 22;
    features[FEATURES_PER_UNIT + 1] = 22;
    model.score(features, 2, scores);
    assert.ok(Math.abs((scores[1] as number) - 2) < 1e-3);
    assert.ok(Math.abs((scores[T] as number) + 2) < 1e-3);
    assert.ok(Math.abs((scores[T + 5] as number) - 1) < 1e-3);
    assert.throws(() => decodeModel(new Uint8Array([1, 2, 3])));
  });

  test('a model given in the options is used in place of the shipped one', () => {
    const T = TAG_COUNT;
    // One feature, the bias every unit has, weighing every tag but O up: a model that sees
    // names in everything, unlike the shipped one.
    const text = '今天天气很好。';
    assert.deepEqual(tagEntities(text), []);
    const everything = decodeModel(
      encodeModel({
        keys: Int32Array.from([biasHash()]),
        weights: Float32Array.from({ length: T }, (_, t) => (t === 0 ? 0 : 100)),
        transitions: new Float32Array(T * T),
        start: new Float32Array(T),
        end: new Float32Array(T),
      }),
    );
    assert.notDeepEqual(tagEntities(text, { model: everything }), []);
    assert.deepEqual(tagEntities(text), [], 'the shipped model is untouched');
  });
});

describe('tags and decoding', () => {
  test('spans ↔ BIOES tags', () => {
    const spans = [
      { start: 0, end: 3, type: 'PER' as const },
      { start: 4, end: 5, type: 'LOC' as const },
      { start: 5, end: 7, type: 'ORG' as const },
    ];
    const tags = spansToTags(spans, 8);
    assert.deepEqual(
      [...tags].map((t) => TAG_NAMES[t]),
      ['B-PER', 'I-PER', 'E-PER', 'O', 'S-LOC', 'B-ORG', 'E-ORG', 'O'],
    );
    assert.deepEqual(tagsToSpans(tags), spans);
  });

  test('Viterbi only produces well-formed BIOES sequences', () => {
    // A seeded generator: the same scores every run.
    let seed = 7;
    const next = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    const T = TAG_COUNT;
    for (let round = 0; round < 50; round++) {
      const n = 1 + Math.floor(next() * 20);
      const scores = Float32Array.from({ length: n * T }, () => next() * 10 - 5);
      const weights = {
        transitions: Float32Array.from({ length: T * T }, () => next() * 4 - 2),
        start: Float32Array.from({ length: T }, () => next()),
        end: Float32Array.from({ length: T }, () => next()),
      };
      const tags = new Uint8Array(n);
      viterbi(scores, n, weights, tags);
      assert.ok(allowedFirst(tags[0] as number));
      assert.ok(allowedLast(tags[n - 1] as number));
      for (let i = 1; i < n; i++) assert.ok(allowed(tags[i - 1] as number, tags[i] as number));
    }
  });

  test('the gazetteer finds the longest names, left to right', () => {
    const g = new Gazetteer();
    g.add('中国', 'LOC');
    g.add('中国共产党', 'ORG');
    g.add('北京', 'LOC');
    assert.deepEqual(show('中国共产党在北京', g.find('中国共产党在北京')), [
      '中国共产党/ORG',
      '北京/LOC',
    ]);
  });
});

describe('corpus readers (formats of ../shared/eval/ner, on lines composed here)', () => {
  test("People's Daily: char tag, BIO", () => {
    const [s] = readPeoplesDaily('王 B-PER\n五 I-PER\n在 O\n上 B-LOC\n海 I-LOC\n\n');
    assert.equal(s?.text, '王五在上海');
    assert.deepEqual(show(s?.text ?? '', s?.spans ?? []), ['王五/PER', '上海/LOC']);
  });

  test('Weibo: char+segpos, only named mentions, GPE as LOC', () => {
    const raw = [
      '张0\tB-PER.NAM',
      '三1\tI-PER.NAM',
      '去0\tO',
      '北0\tB-GPE.NAM',
      '京1\tI-GPE.NAM',
      '老0\tB-PER.NOM',
      '师1\tI-PER.NOM',
      '',
    ].join('\n');
    const [s] = readWeibo(raw);
    assert.equal(s?.text, '张三去北京老师');
    assert.deepEqual(show(s?.text ?? '', s?.spans ?? []), ['张三/PER', '北京/LOC']);
  });

  test('UNER: words with IOB2 tags against the # text line, spaces kept', () => {
    const raw = [
      '# text = 李四 在台北工作。',
      '1\t李四\tB-PER\t-\t-',
      '2\t在\tO\t-\t-',
      '3\t台北\tB-LOC\t-\t-',
      '4\t工作\tO\t-\t-',
      '5\t。\tO\t-\t-',
      '',
    ].join('\n');
    const [s] = readUner(raw);
    assert.equal(s?.text, '李四 在台北工作。');
    assert.deepEqual(s?.spans, [
      { start: 0, end: 2, type: 'PER' },
      { start: 4, end: 6, type: 'LOC' },
    ]);
  });

  test('CLUENER: fine types mapped, inclusive code-point ends made UTF-16 and exclusive', () => {
    const raw = JSON.stringify({
      text: '😀赵六在深圳市的华为公司',
      label: {
        name: { 赵六: [[1, 2]] },
        address: { 深圳市: [[4, 6]] },
        company: { 华为公司: [[8, 11]] },
        position: { 经理: [[0, 1]] },
      },
    });
    const [s] = readCluener(raw);
    assert.deepEqual(show(s?.text ?? '', s?.spans ?? []), [
      '赵六/PER',
      '深圳市/LOC',
      '华为公司/ORG',
    ]);
  });

  test('span-exact counts', () => {
    const counts: Record<'PER' | 'LOC' | 'ORG', NerCounts> = {
      PER: { gold: 0, predicted: 0, correct: 0 },
      LOC: { gold: 0, predicted: 0, correct: 0 },
      ORG: { gold: 0, predicted: 0, correct: 0 },
    };
    countSpans(
      [
        { start: 0, end: 2, type: 'PER' },
        { start: 3, end: 5, type: 'LOC' },
      ],
      [
        { start: 0, end: 2, type: 'PER' },
        { start: 3, end: 6, type: 'LOC' },
      ],
      counts,
    );
    assert.deepEqual(counts.PER, { gold: 1, predicted: 1, correct: 1 });
    assert.deepEqual(counts.LOC, { gold: 1, predicted: 1, correct: 0 });
  });
});

describe('jiedu entities', () => {
  function jiedu(args: string[], input: string) {
    return runJiedu(args, { input });
  }

  test('--lines - prints one JSON object per line with [start, end, type] offsets', async () => {
    const input =
      '國家主席習近平在北京會見俄羅斯總統普京\r\n\n国家主席习近平在北京会见俄罗斯总统普京\n';
    const out = await jiedu(['entities', '--lines', '-', '--format', 'jsonl'], input);
    assert.equal(out.code, 0, out.stderr);
    const lines = out.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    const expected = [
      [4, 7, 'PER'],
      [8, 10, 'LOC'],
      [12, 15, 'LOC'],
      [17, 19, 'PER'],
    ];
    assert.deepEqual(lines, [
      { text: '國家主席習近平在北京會見俄羅斯總統普京', entities: expected },
      { text: '', entities: [] },
      { text: '国家主席习近平在北京会见俄罗斯总统普京', entities: expected },
    ]);
  });

  test('usage and read errors', async () => {
    // Without --lines, entities lists an archive: run where there is none (npm start makes
    // one in the repository folder).
    const none = await runJiedu(['entities'], { cwd: tmpdir(), env: { JIEDU_DB: '' } });
    assert.equal(none.code, 2);
    assert.match(none.stderr, /--lines/);
    const bad = await jiedu(['entities', '--lines', '-', '--format', 'csv'], '');
    assert.equal(bad.code, 2);
    const missing = await jiedu(['entities', '--lines', 'no-such-file.txt'], '');
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /^no-such-file\.txt: no such file or directory/);
    const empty = await jiedu(['entities', '--lines', '-'], '');
    assert.equal(empty.code, 0);
    assert.equal(empty.stdout, '');
  });
});
