import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { toSimplified, toTraditional } from '../src/normalize/index.ts';
import {
  BANDS,
  bandKeys,
  comparableText,
  compareSketches,
  decodeSketch,
  encodeSketch,
  HASHES,
  likeness,
  MIN_CONTAINMENT,
  SAMPLE_RATE,
  type Sketch,
  sameStory,
  shingles,
  signature,
  sketchOf,
  storyPrint,
  storyText,
} from '../src/store/minhash.ts';
import { closestStory } from '../src/store/story-verify.ts';

/** A story of our own, six paragraphs, Simplified. */
const STORY = [
  '市政府昨日宣布，新建的滨江公园将于下月初向市民开放，公园占地约12公顷，设有步道、草坪和儿童游乐区。',
  '市园林局负责人表示，公园建设历时两年，共种植乔木3200株，并保留了沿江的多处历史建筑。',
  '据介绍，公园开放后每日接待能力约为2万人次，周末将安排志愿者在主要入口引导游客。',
  '为方便市民出行，公交公司将新增两条途经公园的线路，并在附近设置临时停车场。',
  '有市民表示，期待公园开放后能有更多休闲去处，也希望管理部门加强环境卫生维护。',
  '市政府还表示，将在公园内举办系列文化活动，首场活动为下月中旬的江边音乐会。',
];

const text = (paragraphs: readonly string[]) => paragraphs.join('\n');
const print = (paragraphs: readonly string[]) =>
  storyPrint(comparableText(toSimplified(text(paragraphs))));

describe('what an article is compared on', () => {
  test('letters and digits only: punctuation, spaces and line breaks left out, width folded', () => {
    assert.equal(
      comparableText('中俄，關係「良好」\n ＣＯＶＩＤ－１９ G20'),
      '中俄關係良好covid19g20',
    );
  });

  test('the headline line is left out when there is one', () => {
    assert.equal(storyText('标题\n正文，第一段。\n第二段', true), '正文第一段第二段');
    assert.equal(storyText('正文，第一段。\n第二段', false), '正文第一段第二段');
    assert.equal(storyText('只有标题', true), '');
  });

  test('shingles: distinct, ascending; a text shorter than a shingle is one', () => {
    const s = shingles('甲乙丙丁戊甲乙丙丁戊');
    // Ten characters, six 5-grams, of which 甲乙丙丁戊 twice.
    assert.equal(s.length, 5);
    assert.ok(s.every((v, i) => i === 0 || v > (s[i - 1] as number)));
    assert.equal(shingles('中俄').length, 1);
    assert.equal(shingles('').length, 0);
    // A character outside the BMP is one character.
    assert.equal(shingles('𠀋一二三四').length, 1);
  });

  test('the same story in the other script, re-punctuated, gives the same shingles', () => {
    const traditional = toTraditional(text(STORY)).replaceAll('，', ', ').replaceAll('。', '.\n');
    assert.deepEqual(print([toSimplified(traditional)]).shingles, print(STORY).shingles);
  });
});

describe('signatures and bands', () => {
  test('a signature has HASHES minima, the same for the same shingles', () => {
    const a = signature(print(STORY).shingles);
    assert.equal(a.length, HASHES);
    assert.deepEqual(signature(print(STORY).shingles), a);
  });

  test('signatures and keys are those the archive stored before (they are compared across runs)', () => {
    const first = print([STORY[0] as string]);
    const sig = signature(first.shingles);
    assert.deepEqual([...sig.slice(0, 4)], [5120729, 150821465, 97638309, 491588517]);
    assert.deepEqual(bandKeys(sig).slice(0, 3), [35375786712076, 64403127909902, 114181743835563]);
    assert.deepEqual([...signature(new Uint32Array()).slice(0, 2)], [0xffffffff, 0xffffffff]);
  });

  test('the share of equal minima estimates the Jaccard similarity', () => {
    const whole = print(STORY);
    const cut = print(STORY.slice(0, 4));
    const a = signature(whole.shingles);
    const b = signature(cut.shingles);
    const estimate = a.filter((v, i) => v === b[i]).length / HASHES;
    const jaccard = likeness(whole, cut).jaccard;
    assert.ok(Math.abs(estimate - jaccard) < 0.15, `${estimate} ≈ ${jaccard}`);
  });

  test('BANDS keys below 2^47, one per band; a copy shares keys, another story none', () => {
    const keys = bandKeys(signature(print(STORY).shingles));
    assert.equal(keys.length, BANDS);
    assert.equal(new Set(keys).size, BANDS);
    for (const k of keys) assert.ok(Number.isInteger(k) && k >= 0 && k < 2 ** 47);
    const copy = bandKeys(signature(print([...STORY.slice(0, 3), ...STORY.slice(4)]).shingles));
    assert.ok(copy.some((k) => keys.includes(k)));
    const other = bandKeys(
      signature(
        print([
          '市体育局昨日宣布，新建的体育中心将于明年春季落成，中心设有游泳馆、篮球馆和田径场。',
          '体育局负责人表示，中心建成后将承办省运会部分赛事，并在平日向市民开放。',
          '据介绍，体育中心总投资约8亿元，建设期间将尽量减少对周边居民的影响。',
        ]).shingles,
      ),
    );
    assert.ok(!other.some((k) => keys.includes(k)));
  });
});

describe('whether two articles are one story', () => {
  test('a paragraph cut: the shorter is contained in the longer', () => {
    const l = likeness(print(STORY), print(STORY.slice(0, 5)));
    assert.equal(l.containment, 1);
    assert.ok(l.jaccard < 1 && l.sizeRatio > 0.8);
    assert.ok(sameStory(l));
  });

  test('a sentence reworded and a dateline added are still the story', () => {
    const edited = [
      `新华社上海5月2日电 ${STORY[0]}`,
      '市园林局负责人说，公园建了两年，一共栽种了3200株乔木，沿江的多处历史建筑都保留了下来。',
      ...STORY.slice(2),
    ];
    const l = likeness(print(STORY), print(edited));
    assert.ok(l.containment > MIN_CONTAINMENT + 0.2, String(l.containment));
    assert.ok(sameStory(l));
  });

  test('another story on the same topic is not, though it shares phrases', () => {
    const other = [
      '市政府昨日宣布，滨江公园二期工程将于明年动工，建成后公园面积将扩大一倍。',
      '市园林局负责人表示，二期工程将新建一座湿地展示馆，并修复沿江的旧码头。',
      '有市民表示，希望二期工程施工期间不影响一期的正常开放。',
      '市政府还表示，二期工程的设计方案将在下月公示，广泛听取市民意见。',
    ];
    assert.ok(!sameStory(likeness(print(STORY), print(other))));
  });

  test('a brief quoted whole inside a much longer article is no copy of it', () => {
    const roundup = [...STORY, ...STORY.map((p) => p.replace('公园', '广场').replace('市', '县'))];
    const brief = STORY.slice(0, 2);
    const l = likeness(print(roundup), print(brief));
    assert.equal(l.containment, 1);
    assert.ok(!sameStory(l), String(l.sizeRatio));
  });

  test("a report written from a template is a new story every day: the day's figures differ", () => {
    const day = (points: number, change: number, turnover: number, top: number) => [
      `恒生指数昨日收报${points}点，上升${change}点，全日成交额为${turnover}亿元，市场气氛平稳。`,
      `科技股普遍上扬，科技指数上升${top}点，投资者继续关注美国利率走向及内地经济数据。`,
      `分析师表示，恒指短期支持位在${points - 400}点，阻力位在${points + 200}点，建议投资者审慎部署。`,
    ];
    const a = print(day(17651, 324, 1206, 95));
    const b = print(day(17780, 129, 985, 41));
    const l = likeness(a, b);
    // The sentences are the same, the figures not: more than half the shingles are shared.
    assert.ok(l.containment > MIN_CONTAINMENT, String(l.containment));
    assert.ok(l.numbers < 0.5);
    assert.ok(!sameStory(l));
    // The same day's report in another paper is a copy.
    assert.ok(sameStory(likeness(a, print(day(17651, 324, 1206, 95).slice(0, 2)))));
  });
});

/** A seeded sequence of whole numbers below 2^32. */
function numbersFrom(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x;
  };
}

/** A paragraph of `n` characters drawn from the common CJK block, with a number in it. */
function paragraph(next: () => number, n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += String.fromCharCode(0x4e00 + (next() % 2500));
  return `${out}${next() % 10000}。`;
}

describe('sketches: candidates verified without reading their texts back', () => {
  test('stored and read back, the same; what is not a sketch is refused', () => {
    const sketch = sketchOf(print(STORY));
    assert.deepEqual(decodeSketch(encodeSketch(sketch)), sketch);
    // Within a larger buffer, as a database driver may give it.
    const bytes = encodeSketch(sketch);
    const inside = new Uint8Array(bytes.length + 3);
    inside.set(bytes, 3);
    assert.deepEqual(decodeSketch(inside.subarray(3)), sketch);
    assert.throws(() => decodeSketch(new Uint8Array(3)), RangeError);
    assert.throws(() => decodeSketch(Uint8Array.of(1, 0, 0, 0, 9, 0, 1)), RangeError);
    // A whole-hash sketch whose sample is not a whole number of 4-byte values.
    assert.throws(() => decodeSketch(Uint8Array.of(1, 0, 0, 0x80, 0, 0, 0, 0, 1, 2)), RangeError);
  });

  test("an older archive's 16-bit sketches are still read and compared", () => {
    const long = [...STORY, ...STORY.map((p) => p.replace('公园', '广场').replace('市', '县'))];
    const wide = sketchOf(print(long));
    const narrow = (s: Sketch): Sketch => {
      const low = [...new Set(Array.from(s.sample, (v) => v & 0xffff))].sort((x, y) => x - y);
      return { ...s, sample: Uint32Array.from(low), bits: 16 };
    };
    const old = narrow(sketchOf(print(long.slice(0, 10))));
    // Stored as an older archive stored it: two bytes a value, the top bit of the count clear.
    const bytes = encodeSketch(old);
    assert.equal(bytes.length, 6 + 4 * old.numbers.length + 2 * old.sample.length);
    assert.equal((bytes[3] as number) & 0x80, 0);
    assert.deepEqual(decodeSketch(bytes), old);
    // A new sketch against an old one compares on 16 bits: a clear copy is still decided.
    assert.equal(compareSketches(wide, old).verdict, 'same');
    assert.equal(compareSketches(old, wide).verdict, 'same');
    // Too few values to tell on 16 bits: left to the texts.
    const tiny = narrow(sketchOf(print(STORY.slice(0, 1))));
    assert.equal(compareSketches(tiny, sketchOf(print(STORY.slice(0, 1)))).verdict, 'unsure');
  });

  test('about one shingle in SAMPLE_RATE is sampled, the same ones in every copy', () => {
    const whole = print(STORY);
    const sketch = sketchOf(whole);
    assert.equal(sketch.bits, 32);
    assert.equal(sketch.shingles, whole.shingles.length);
    const share = sketch.sample.length / whole.shingles.length;
    assert.ok(Math.abs(share - 1 / SAMPLE_RATE) < 0.12, String(share));
    // The copy with a paragraph cut samples a subset of the same values.
    const cut = sketchOf(print(STORY.slice(0, 5)));
    assert.ok(cut.sample.every((v) => sketch.sample.includes(v)));
    assert.ok(sketch.sample.every((v, i) => i === 0 || v > (sketch.sample[i - 1] as number)));
  });

  test('they decide what is clear as the exact comparison would, and leave the rest to it', () => {
    const long = [...STORY, ...STORY.map((p) => p.replace('公园', '广场').replace('市', '县'))];
    const verdict = (a: readonly string[], b: readonly string[]) =>
      compareSketches(sketchOf(print(a)), sketchOf(print(b))).verdict;
    // A copy with a paragraph cut.
    assert.equal(verdict(long, long.slice(0, 10)), 'same');
    // Too short a part of the longer: decided on the sizes, which are exact.
    assert.equal(verdict(long, long.slice(0, 2)), 'different');
    // Another story entirely.
    const next = numbersFrom(7);
    const other = Array.from({ length: 6 }, () => paragraph(next, 80));
    assert.equal(verdict(long, other), 'different');
    // Whole hashes decide even a short pair: a paragraph against itself.
    assert.equal(verdict(STORY.slice(0, 1), STORY.slice(0, 1)), 'same');
  });

  test('they decide every pair as the exact comparison does (600 pairs of shared paragraphs)', () => {
    const next = numbersFrom(15);
    const pool = Array.from({ length: 40 }, () => paragraph(next, 60 + (next() % 60)));
    const pick = (n: number) =>
      Array.from({ length: n }, () => pool[next() % pool.length] as string);
    let decided = 0;
    let same = 0;
    for (let i = 0; i < 600; i++) {
      const a = pick(4 + (next() % 6));
      // Some of a's paragraphs, in order, and some others: every degree of overlap.
      const b = [...a.filter(() => next() % 2 === 0), ...pick(next() % 8)];
      const pa = print(a);
      const pb = print(b);
      const judged = compareSketches(sketchOf(pa), sketchOf(pb));
      assert.notEqual(judged.verdict, 'unsure', `pair ${i}`);
      decided++;
      const exact = sameStory(likeness(pa, pb));
      if (exact) same++;
      assert.equal(judged.verdict === 'same', exact, `pair ${i}: ${judged.containment}`);
    }
    // Every pair is decided, both ways.
    assert.equal(decided, 600);
    assert.ok(same > 50 && decided - same > 50, `${same} of ${decided}`);
  });
});

describe('verifying candidate stories', () => {
  test('a copy holding nearly all of the shorter text ends the search; a weaker one does not', () => {
    const whole = print(STORY);
    const sketch = sketchOf(whole);
    const next = numbersFrom(3);
    const time = { ms: 0, articles: 0, copies: 0, reads: 0, sketched: 0, workerMs: 0 };
    const sketches = new Map<number, ReturnType<typeof sketchOf>>([
      [1, sketchOf(print(STORY))],
      [
        2,
        sketchOf(
          print([...STORY.slice(0, 4), ...Array.from({ length: 2 }, () => paragraph(next, 50))]),
        ),
      ],
      [3, sketchOf(print(STORY))],
    ]);
    /** The story chosen among `stories` (story, article, keys shared), and the articles read. */
    const verify = (stories: [number, number, number][]) => {
      const read: number[] = [];
      const story = closestStory(
        whole,
        sketch,
        stories.map(([story, article, keys]) => [story, [{ article, story, keys }]]),
        (article) => {
          read.push(article);
          return sketches.get(article) ?? null;
        },
        () => null,
        time,
      );
      return { story, read };
    };
    // The whole story first: the second candidate is never read.
    assert.deepEqual(
      verify([
        [10, 1, 9],
        [30, 3, 8],
      ]),
      { story: 10, read: [1] },
    );
    // A copy with two paragraphs of six rewritten first: the search goes on to the closer one.
    assert.deepEqual(
      verify([
        [20, 2, 9],
        [30, 3, 8],
      ]),
      { story: 30, read: [2, 3] },
    );
  });
});
