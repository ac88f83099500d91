import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseHTML } from 'linkedom';
import { annotate } from '../src/annotate/index.ts';
import { parse, toArticleView } from '../src/index.ts';
import type { ArticleViewArticle } from '../src/tree/article-view.ts';
import type { PageNode } from '../src/tree/types.ts';

/*
 * A story's own source line (來源：中央社, （來源：明報）, 資料來源：…) is kept: the article
 * view carries it as printed, with its range, in `sourceLines`; it is not a headline, a
 * subheadline, a body block or a quote; a web page's one under the headline is not dropped
 * with the site's metadata; and the reader shows it where the page prints it.
 */

function read(input: string): { page: PageNode; articles: ArticleViewArticle[] } {
  const page = parse(input);
  return { page, articles: toArticleView(page).articles };
}

/** Every text of an article outside `sourceLines`: where a source line must not be. */
function otherTexts(a: ArticleViewArticle): string[] {
  return [
    a.headline,
    ...a.subheadlines,
    ...a.bylines,
    ...a.blocks.map((b) => b.text),
    ...a.captions.map((c) => c.text),
  ];
}

/** The article's source lines as printed, checked against the page text by their ranges. */
function sourceLinesOf(page: PageNode, a: ArticleViewArticle): { text: string; outlet: string }[] {
  for (const s of a.sourceLines) {
    assert.equal(page.text.slice(s.start, s.end), s.text, 'the range is where the line is');
    assert.ok(s.start >= a.start && s.end <= a.end, 'inside its article');
  }
  return a.sourceLines.map(({ text, outlet }) => ({ text, outlet }));
}

/** A one-story page keeps `line` as its only source line, naming `outlet`, and nowhere else. */
function assertKept(input: string, line: string, outlet: string, headline: string): void {
  const { page, articles } = read(input);
  assert.equal(articles.length, 1);
  const a = articles[0] as ArticleViewArticle;
  assert.equal(a.headline, headline, 'the headline is the headline, not the source line');
  assert.deepEqual(sourceLinesOf(page, a), [{ text: line, outlet }]);
  assert.ok(a.sources.includes(outlet), `sources name ${outlet}`);
  for (const text of otherTexts(a)) assert.ok(!text.includes(line), `not also in: ${text}`);
}

const TRAD_HEADLINE = '港府公布新一輪消費券計劃';
const TRAD_BODY = [
  '特區政府昨日公布，新一輪消費券將於七月起分兩期發放，每名合資格市民可獲五千元。',
  '財政司司長李明德表示：「計劃有助刺激本地消費，支持中小企業渡過難關。」',
];
const SIMP_HEADLINE = '江南古镇迎来旅游旺季';
const SIMP_BODY = [
  '清明假期期间，江南多个古镇游客数量明显增加，部分景区实行限流措施。',
  '当地文旅部门负责人说，今年将继续推进智慧景区建设，改善游客体验。',
];

/** A text page: headline, then `lines`, a blank line between each. */
const textPage = (headline: string, ...lines: string[]) => `${[headline, ...lines].join('\n\n')}\n`;

describe('a text page keeps its source line', () => {
  test('來源： closing a Traditional story', () => {
    assertKept(
      textPage(TRAD_HEADLINE, ...TRAD_BODY, '來源：中央社'),
      '來源：中央社',
      '中央社',
      TRAD_HEADLINE,
    );
  });

  test('来源： under a Simplified headline', () => {
    assertKept(
      textPage(SIMP_HEADLINE, '来源：江城晚报', ...SIMP_BODY),
      '来源：江城晚报',
      '江城晚报',
      SIMP_HEADLINE,
    );
  });

  test('in brackets: （來源：明報） and 【来源：南方日报】', () => {
    assertKept(
      textPage(TRAD_HEADLINE, ...TRAD_BODY, '（來源：明報）'),
      '（來源：明報）',
      '明報',
      TRAD_HEADLINE,
    );
    assertKept(
      textPage(SIMP_HEADLINE, ...SIMP_BODY, '【来源：南方日报】'),
      '【来源：南方日报】',
      '南方日报',
      SIMP_HEADLINE,
    );
  });

  test('資料來源： / 资料来源： is a source line, not a section heading', () => {
    assertKept(
      textPage(
        '本港失業率回落',
        '統計處昨日公布，最新失業率較上一期下跌零點二個百分點，零售業改善最明顯。',
        '資料來源：政府統計處',
      ),
      '資料來源：政府統計處',
      '政府統計處',
      '本港失業率回落',
    );
    assertKept(
      textPage(
        '本市空气质量持续改善',
        '今年一季度，本市空气质量优良天数比例同比上升五个百分点。',
        '资料来源：市生态环境局',
      ),
      '资料来源：市生态环境局',
      '市生态环境局',
      '本市空气质量持续改善',
    );
  });

  test('a portal date line with 来源： under the headline is a source line, not a subheadline', () => {
    const line = '2026年04月05日 09:30 来源：江城晚报';
    // The date line sits right under the headline, no blank line between.
    const input = `${SIMP_HEADLINE}\n${line}\n\n${SIMP_BODY.join('\n\n')}\n`;
    assertKept(input, line, '江城晚报', SIMP_HEADLINE);
  });

  test('a source closing the last paragraph stays in that paragraph', () => {
    const last = '區議員歡迎工程展開，但希望施工期間減少對居民的影響。（來源：明報）';
    const { articles } = read(
      textPage('海濱長廊延長工程展開', '海濱長廊延長工程昨日展開，預計明年底完成。', last),
    );
    assert.equal(articles[0]?.blocks.at(-1)?.text, last);
  });

  test('two stories each keep their own source line', () => {
    const input = textPage(
      TRAD_HEADLINE,
      TRAD_BODY[0] as string,
      '來源：中央社',
      '海濱長廊延長工程展開',
      '海濱長廊延長工程昨日展開，預計明年底完成，屆時市民可沿海步行至東區。',
      '（來源：明報）',
    );
    const { page, articles } = read(input);
    assert.deepEqual(
      articles.map((a) => [a.headline, sourceLinesOf(page, a).map((s) => s.text)]),
      [
        [TRAD_HEADLINE, ['來源：中央社']],
        ['海濱長廊延長工程展開', ['（來源：明報）']],
      ],
    );
  });

  test('a source line is no quote and no stance, though the story has both', () => {
    const input = textPage(TRAD_HEADLINE, ...TRAD_BODY, '來源：中央社');
    const page = annotate(parse(input));
    const a = toArticleView(page).articles[0] as ArticleViewArticle;
    const [line] = a.sourceLines;
    assert.ok(line !== undefined);
    assert.ok((a.quotes ?? []).length > 0, 'the quote in the body is found');
    for (const q of [...(a.quotes ?? []), ...(a.stances ?? [])]) {
      assert.ok(q.end <= line.start || q.start >= line.end, `${q.start}–${q.end} stays off it`);
    }
  });
});

/** A news site's page: navigation, the story in <article>, a footer. */
const htmlPage = (title: string, ...paragraphs: string[]) =>
  [
    '<!doctype html><html lang="zh"><head><meta charset="utf-8">',
    `<title>${title}</title></head><body>`,
    '<nav><a href="/">首頁</a> <a href="/news">要聞</a></nav>',
    `<article><h1>${title}</h1>`,
    ...paragraphs.map((p) => `<p>${p}</p>`),
    '</article><footer>版權所有</footer></body></html>',
  ].join('\n');

describe('a web page keeps its source line', () => {
  const trad = [
    '特區政府昨日公布，新一輪消費券將於七月起分兩期發放，每名合資格市民可獲五千元，登記下月開始。',
    '財政司司長表示，計劃有助刺激本地消費，支持中小企業渡過難關，預計帶動數百億元消費。',
  ];
  const simp = [
    '清明假期期间，江南多个古镇游客数量明显增加，部分景区实行限流措施，游客需要提前预约。',
    '当地文旅部门负责人说，今年将继续推进智慧景区建设，改善游客体验，并增加公共交通班次。',
  ];

  test('來源： right under the headline is the story, not the site header', () => {
    assertKept(
      htmlPage(TRAD_HEADLINE, '來源：中央社', ...trad),
      '來源：中央社',
      '中央社',
      TRAD_HEADLINE,
    );
  });

  test('（来源：…） closing the story', () => {
    assertKept(
      htmlPage(SIMP_HEADLINE, ...simp, '（来源：江城晚报）'),
      '（来源：江城晚报）',
      '江城晚报',
      SIMP_HEADLINE,
    );
  });
});

describe('the reader shows the source line', () => {
  // The reader builds DOM nodes: linkedom stands in for the browser.
  const { document, window } = parseHTML('<!doctype html><html><body></body></html>');
  Object.assign(globalThis, { document, window });

  async function cleanView(input: string, edit = (_a: ArticleViewArticle) => {}) {
    const { renderReader } = await import('../web/src/reader.ts');
    const page = annotate(parse(input));
    const article = toArticleView(page).articles[0] as ArticleViewArticle;
    edit(article);
    const reader = renderReader({ article, text: page.text, repairs: [], script: 'traditional' });
    const clean = reader.querySelector('.pane-clean .clean');
    assert.ok(clean !== null);
    // A source line by its text; a paragraph by its tag (marks and chips add to its text).
    return [...clean.children].map((el) =>
      el.className === 'source-line' ? `source-line:${el.textContent}` : el.tagName.toLowerCase(),
    );
  }

  test('where the page prints it: under the headline, or closing the story', async () => {
    assert.deepEqual(await cleanView(textPage(TRAD_HEADLINE, '來源：中央社', ...TRAD_BODY)), [
      'source-line:來源：中央社',
      'p',
      'p',
    ]);
    assert.deepEqual(await cleanView(textPage(TRAD_HEADLINE, ...TRAD_BODY, '（來源：明報）')), [
      'p',
      'p',
      'source-line:（來源：明報）',
    ]);
  });

  test('a view stored before version 4 shows the outlet its source line named', async () => {
    const lines = await cleanView(textPage(TRAD_HEADLINE, ...TRAD_BODY, '來源：中央社'), (a) => {
      delete (a as Partial<ArticleViewArticle>).sourceLines;
    });
    assert.deepEqual(lines, ['p', 'p', 'source-line:來源：中央社']);
  });
});
