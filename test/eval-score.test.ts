import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  blockKey,
  mapGold,
  metrics,
  prf,
  type ScoredArticle,
  type ScoredPage,
  scorePage,
  shortfalls,
  squash,
  stripDateline,
  thresholdsFor,
  validateThresholds,
} from '../scripts/lib/score.ts';
import { toCrlf, wrapHard, wrapWords } from '../scripts/lib/wrap.ts';

function article(overrides: Partial<ScoredArticle> = {}): ScoredArticle {
  return {
    headline: '',
    subheadlines: [],
    bylines: [],
    sources: [],
    blocks: [],
    captions: [],
    ...overrides,
  };
}

// A composed gold page: a lead story with a dateline and a caption, and a dialogue box.
const GOLD: ScoredPage = {
  articles: [
    article({
      headline: '新界北新市鎮 規劃諮詢展開',
      subheadlines: ['居民可於下月底前提交意見'],
      bylines: ['香港文匯報訊 據政府新聞處報道'],
      sources: ['政府新聞處'],
      blocks: [
        { type: 'paragraph', text: '發展局昨日公布新市鎮規劃大綱。' },
        { type: 'heading', text: '交通配套' },
        { type: 'list-item', level: 1, text: '興建鐵路支線' },
        { type: 'list-item', level: 2, text: '設三個車站' },
      ],
      captions: [{ text: '規劃範圍示意圖。', credit: '政府新聞處' }],
    }),
    article({
      headline: '居民心聲',
      blocks: [{ type: 'dialogue', speaker: '陳先生', text: '「希望早日通車。」' }],
      captions: [{ text: '區內現有道路。', credit: null }],
    }),
  ],
};

describe('prf', () => {
  test('matches multisets', () => {
    assert.deepEqual(prf(['a', 'a', 'b'], ['a', 'b', 'b', 'c']), {
      precision: 0.5,
      recall: 2 / 3,
      f1: (2 * 0.5 * (2 / 3)) / (0.5 + 2 / 3),
      matched: 2,
      gold: 3,
      predicted: 4,
    });
  });

  test('handles empty sides', () => {
    assert.equal(prf([], []).f1, 1);
    assert.deepEqual(
      [prf(['a'], []).precision, prf(['a'], []).recall, prf(['a'], []).f1],
      [1, 0, 0],
    );
    assert.deepEqual(
      [prf([], ['a']).precision, prf([], ['a']).recall, prf([], ['a']).f1],
      [0, 1, 0],
    );
  });
});

describe('text keys', () => {
  test('squash removes every kind of whitespace', () => {
    assert.equal(
      squash(' 新界北\u3000新市鎮\n規劃\u00a0諮詢\u200b展開\t'),
      '新界北新市鎮規劃諮詢展開',
    );
  });

  test('block keys carry type, text, speaker and level', () => {
    assert.equal(
      blockKey({ type: 'paragraph', text: '一 二' }),
      blockKey({ type: 'paragraph', text: '一二' }),
    );
    assert.notEqual(
      blockKey({ type: 'paragraph', text: '一' }),
      blockKey({ type: 'heading', text: '一' }),
    );
    assert.notEqual(
      blockKey({ type: 'dialogue', speaker: '甲', text: '「好。」' }),
      blockKey({ type: 'dialogue', speaker: '乙', text: '「好。」' }),
    );
    assert.notEqual(
      blockKey({ type: 'list-item', level: 1, text: '項' }),
      blockKey({ type: 'list-item', level: 2, text: '項' }),
    );
  });

  test('stripDateline drops a known dateline and the punctuation after it', () => {
    const datelines = ['香港文匯報訊', '香港文匯報訊 據政府新聞處報道'];
    assert.equal(
      stripDateline('香港文匯報訊 據政府新聞處報道，發展局昨日公布。', datelines),
      '發展局昨日公布。',
    );
    assert.equal(stripDateline('香港文匯報訊：發展局昨日公布。', datelines), '發展局昨日公布。');
    assert.equal(stripDateline('發展局昨日公布。', datelines), '發展局昨日公布。');
    assert.equal(stripDateline('發展局 昨日公布。', []), '發展局昨日公布。');
  });
});

describe('scorePage', () => {
  test('the gold scores perfectly against itself', () => {
    const m = metrics(scorePage(GOLD, GOLD));
    for (const [name, value] of Object.entries(m)) assert.equal(value, 1, name);
  });

  test('a lead paragraph may keep its dateline; whitespace in headlines is not scored', () => {
    const first = GOLD.articles[0] as ScoredArticle;
    const predicted: ScoredPage = {
      articles: [
        {
          ...first,
          headline: '新界北新市鎮\n規劃諮詢展開',
          blocks: [
            {
              type: 'paragraph',
              text: '香港文匯報訊 據政府新聞處報道，發展局昨日公布新市鎮規劃大綱。',
            },
            ...first.blocks.slice(1),
          ],
        },
        GOLD.articles[1] as ScoredArticle,
      ],
    };
    const m = metrics(scorePage(GOLD, predicted));
    assert.equal(m['blocks.f1'], 1);
    assert.equal(m['headlines.ordered'], 1);
  });

  test('mistakes cost what they should', () => {
    const [first, second] = GOLD.articles as [ScoredArticle, ScoredArticle];
    // The two articles run together: one headline lost, the caption credit missed, the
    // list level flattened, a caption read as a paragraph.
    const predicted: ScoredPage = {
      articles: [
        {
          ...first,
          blocks: [
            ...first.blocks.slice(0, 3),
            { type: 'list-item', level: 1, text: '設三個車站' },
            { type: 'paragraph', text: '區內現有道路。' },
            ...second.blocks,
          ],
          captions: [{ text: '規劃範圍示意圖。', credit: null }],
        },
      ],
    };
    const score = scorePage(GOLD, predicted);
    assert.deepEqual(score.articles, { gold: 2, predicted: 1 });
    assert.deepEqual([score.blocks.matched, score.blocks.gold, score.blocks.predicted], [4, 5, 6]);
    assert.equal(score.headlines.ordered, 0.5);
    assert.equal(score.headlines.set.recall, 0.5);
    assert.equal(score.captions.matched, 0);
    assert.equal(score.captions.gold, 2);
    const m = metrics(score);
    assert.equal(m.articles, 0.5);
    assert.equal(m['sources.f1'], 1);
  });
});

describe('thresholds', () => {
  const thresholds = validateThresholds({
    default: { 'blocks.f1': 0.9, 'captions.f1': 1 },
    variants: { 'wrap-hard-15': { 'blocks.f1': 0.8 } },
    rows: { 'seed/wrap-hard-15': { 'captions.f1': 0.5 } },
  });

  test('later groups override earlier ones', () => {
    assert.deepEqual(thresholdsFor(thresholds, 'seed', 'original'), {
      'blocks.f1': 0.9,
      'captions.f1': 1,
    });
    assert.deepEqual(thresholdsFor(thresholds, 'other', 'wrap-hard-15'), {
      'blocks.f1': 0.8,
      'captions.f1': 1,
    });
    assert.deepEqual(thresholdsFor(thresholds, 'seed', 'wrap-hard-15'), {
      'blocks.f1': 0.8,
      'captions.f1': 0.5,
    });
  });

  test('shortfalls lists the metrics below their minimum', () => {
    const m = metrics(scorePage(GOLD, GOLD));
    assert.deepEqual(shortfalls(m, { 'blocks.f1': 1 }), []);
    assert.deepEqual(
      shortfalls({ ...m, 'blocks.f1': 0.85 }, thresholdsFor(thresholds, 'seed', 'original')),
      [{ metric: 'blocks.f1', value: 0.85, min: 0.9 }],
    );
  });

  test('a malformed file is rejected with the reason', () => {
    assert.throws(
      () => validateThresholds({ default: { 'block.f1': 1 } }),
      /unknown metric "block.f1"/,
    );
    assert.throws(() => validateThresholds({ default: { 'blocks.f1': 2 } }), /0\.\.1/);
    assert.throws(() => validateThresholds(null), TypeError);
  });
});

test('mapGold converts every text but not the block types', () => {
  const upper = mapGold(GOLD, (t) => `《${t}》`);
  assert.equal(upper.articles[0]?.headline, '《新界北新市鎮 規劃諮詢展開》');
  assert.equal(upper.articles[0]?.blocks[0]?.type, 'paragraph');
  assert.equal(upper.articles[0]?.blocks[2]?.level, 1);
  assert.equal(upper.articles[1]?.captions[0]?.credit, null);
});

describe('page variants', () => {
  const page = '標題 副題\n\n一二三四五六七八九十甲乙\n短行\n';

  test('wrapHard cuts long lines into chunks of the width', () => {
    assert.equal(wrapHard(page, 5), '標題 副題\n\n一二三四五\n六七八九十\n甲乙\n短行\n');
    // A character outside the BMP counts as one and is never split.
    assert.equal(wrapHard('𠀋𠀋𠀋', 2), '𠀋𠀋\n𠀋');
  });

  test('wrapWords breaks at spaces when it can, like textwrap', () => {
    assert.equal(wrapWords('香港文匯報訊 據中通社報道', 8), '香港文匯報訊\n據中通社報道');
    assert.equal(wrapWords('甲乙 丙丁戊己庚辛', 5), '甲乙 丙丁\n戊己庚辛');
    assert.equal(wrapWords(' - 第一項內容很長', 6), ' - 第一項\n內容很長');
    assert.equal(wrapWords(page, 5), '標題 副題\n\n一二三四五\n六七八九十\n甲乙\n短行\n');
  });

  test('toCrlf makes every line end CRLF', () => {
    assert.equal(toCrlf('a\nb\r\nc\rd'), 'a\r\nb\r\nc\r\nd');
  });
});
