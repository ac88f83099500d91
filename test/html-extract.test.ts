import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { annotate } from '../src/annotate/index.ts';
import { isNameValue } from '../src/html/extract-article.ts';
import { looksLikeHtml, parseHtml, sniffHtml } from '../src/html/index.ts';
import { parse } from '../src/pipeline.ts';
import { renderMarkdown, renderText, toArticleView } from '../src/render/index.ts';
import type { ArticleViewArticle } from '../src/tree/article-view.ts';
import { encodeBig5, encodeGb18030, encodeUtf8 } from './helpers/encode.ts';

/** A composed page of test/fixtures/html, as text. */
function fixture(name: string): string {
  return readFileSync(new URL(`fixtures/html/${name}`, import.meta.url), 'utf8');
}

/** The one article of an HTML page, parsed through the public pipeline. */
function article(input: Uint8Array | string, path = 'page.html'): ArticleViewArticle {
  const view = toArticleView(parse(input, { path }));
  assert.equal(view.articles.length, 1, 'one article');
  return view.articles[0] as ArticleViewArticle;
}

/** The body of an article as one string. */
function body(a: ArticleViewArticle): string {
  return a.blocks.map((b) => b.text).join('\n');
}

describe('HTML news page → article view', () => {
  const page = fixture('portal-simplified.html');

  test('keeps the main text and drops navigation, share bar, related links, comments and footer', () => {
    const a = article(page);
    assert.equal(a.headline, '东湖新区启用智能公交调度系统 早高峰候车时间缩短三成');
    assert.equal(a.blocks.length, 4);
    assert.match(body(a), /^本报讯（记者 林晓雯 郑开元）4月11日起/);
    assert.match(body(a), /完成全部站台电子站牌的更换。$/);
    const all = parse(page).text;
    for (const junk of [
      '首页',
      '分享到',
      '相关新闻',
      '网友评论',
      '湖边散步的人',
      '版权所有',
      '当前位置',
    ]) {
      assert.ok(!all.includes(junk), `no ${junk}`);
    }
  });

  test('reads metadata from JSON-LD, Open Graph and the canonical link', () => {
    const a = article(page);
    assert.equal(a.published, '2023-04-12T07:30:00+08:00');
    assert.deepEqual(a.authors, ['林晓雯', '郑开元']);
    assert.equal(a.outlet, '江城日报');
    assert.equal(a.url, 'https://news.example.cn/2023/0412/bus.html');
    // The editor is credited with a role, not counted among the authors.
    assert.deepEqual(
      a.credits.find((c) => c.role === 'editor'),
      { role: 'editor', name: '宋雨桐' },
    );
    assert.deepEqual(a.bylines, ['（责任编辑：宋雨桐）']);
  });

  test('Markdown and text show the date, authors and outlet under the headline', () => {
    const view = toArticleView(parse(page));
    const md = renderMarkdown(view);
    assert.match(
      md,
      /^# 东湖新区.*\n\n\*2023-04-12 07:30:00\+08:00 · 林晓雯 郑开元 · 江城日报\*\n/,
    );
    assert.match(
      renderText(view),
      /^东湖新区.*\n2023-04-12 07:30:00\+08:00 · 林晓雯 郑开元 · 江城日报\n/,
    );
  });

  test('every offset slices its own text out of the extracted text', () => {
    const tree = parse(page);
    for (const node of tree.children[0]?.children ?? []) {
      assert.equal(tree.text.slice(node.start, node.end), node.text);
    }
    assert.deepEqual(JSON.parse(JSON.stringify(tree)), tree);
  });

  test('the source says it was HTML and which charset the page declared', () => {
    const view = toArticleView(parse(encodeUtf8(page), { path: 'bus.html' }));
    assert.equal(view.source.format, 'html');
    assert.equal(view.source.declaredCharset, 'utf-8');
    assert.equal(view.source.encoding, 'utf-8');
  });
});

describe('charsets', () => {
  const hk = fixture('hk-traditional.html');
  const blog = fixture('blog-gb.html');

  test('a Big5 page that says big5 (http-equiv) is read as Big5', () => {
    const view = toArticleView(parse(encodeBig5(hk)));
    assert.equal(view.source.encoding, 'big5');
    assert.equal(view.articles[0]?.headline, '港鐵屯馬綫新車站周日啟用');
  });

  test('a GBK page that says gb2312 is read as GB18030, its superset', () => {
    const view = toArticleView(parse(encodeGb18030(blog)));
    assert.equal(view.source.encoding, 'gb18030');
    assert.equal(view.source.declaredCharset, 'gb2312');
    assert.equal(view.articles[0]?.headline, '雨后的西湖');
  });

  test('a Big5 page that claims gb2312 is read as Big5, with a warning', () => {
    const lying = hk.replace('charset=big5', 'charset=gb2312');
    const tree = parse(encodeBig5(lying));
    assert.equal(tree.source.encoding, 'big5');
    assert.match(tree.diagnostics.map((d) => d.message).join('\n'), /declares charset gb2312/);
    assert.match(tree.text, /港鐵表示，新站啟用初期/);
  });

  test('a GBK page that claims utf-8 is read as GB18030', () => {
    const lying = blog.replace('charset=gb2312', 'charset=utf-8');
    const a = article(encodeGb18030(lying));
    assert.match(body(a), /雨后的空气格外清新/);
  });

  test('a GBK page that declares nothing is detected', () => {
    const bare = blog.replace(/<meta[^>]*>/, '');
    const tree = parse(encodeGb18030(bare));
    assert.equal(tree.source.encoding, 'gb18030');
    assert.equal(tree.source.declaredCharset, undefined);
  });

  test('a UTF-8 page that claims big5 is read as UTF-8', () => {
    // The fixture file itself: UTF-8 bytes under a big5 declaration.
    const tree = parse(encodeUtf8(hk));
    assert.equal(tree.source.encoding, 'utf-8');
    assert.match(tree.text, /區議員陳家豪/);
  });

  test('a stray invalid byte becomes U+FFFD rather than failing the page', () => {
    const bytes = encodeGb18030(blog);
    const at = Buffer.from(bytes).indexOf(Buffer.from(encodeGb18030('走到断桥')));
    const broken = Uint8Array.from(bytes);
    broken[at] = 0xff;
    const tree = parse(broken);
    assert.equal(tree.source.encoding, 'gb18030');
    assert.match(tree.diagnostics.map((d) => d.message).join('\n'), /replaced by U\+FFFD/);
  });
});

describe('Chinese metadata in the page text', () => {
  test('a Traditional-Chinese outlet page: 發佈時間, ●記者 byline, 來源', () => {
    const a = article(encodeBig5(fixture('hk-traditional.html')));
    assert.equal(a.published, '2021-06-29T08:15');
    assert.deepEqual(a.authors, ['鄭嘉欣']);
    assert.deepEqual(a.credits, [{ role: 'reporter', name: '鄭嘉欣' }]);
    assert.equal(a.outlet, '香港文匯報');
    assert.deepEqual(a.sources, ['香港文匯報']);
    assert.equal(a.blocks.length, 3);
    assert.ok(!body(a).includes('即時新聞'), 'the link column is not body');
  });

  test('a Taiwanese page in Big5 that claims UTF-8: 下午 time, 記者X／地方報導, comments left out', () => {
    const tree = parse(encodeBig5(fixture('tw-news.html')));
    assert.equal(tree.source.encoding, 'big5');
    assert.equal(tree.source.declaredCharset, 'utf-8');
    const a = toArticleView(tree).articles[0];
    assert.ok(a);
    assert.equal(a.headline, '高鐵新增彰化停靠班次 通勤族叫好');
    assert.equal(a.published, '2021-06-29T20:15');
    assert.deepEqual(a.authors, ['王小明']);
    assert.equal(a.outlet, '寶島日報');
    assert.equal(a.blocks.length, 3);
    for (const junk of ['讀者留言', '彰化人', '標籤', '版權所有', '首頁']) {
      assert.ok(!tree.text.includes(junk), `no ${junk}`);
    }
  });

  test('a blog: 作者：, 发表于 and a comment section left out', () => {
    const a = article(encodeGb18030(fixture('blog-gb.html')));
    assert.equal(a.published, '2006-05-20T21:07');
    assert.deepEqual(a.authors, ['听雨轩']);
    assert.equal(a.blocks.length, 4);
    assert.ok(!body(a).includes('路人甲'), 'no comment');
    assert.ok(!body(a).includes('我的分类'), 'no sidebar');
  });
});

describe('short articles', () => {
  test('a one-sentence news flash among link lists is kept', () => {
    const a = article(fixture('short-flash.html'));
    assert.equal(a.headline, '快讯：南湾大桥今晨恢复通行');
    assert.deepEqual(
      a.blocks.map((b) => b.text),
      ['经过连夜抢修，南湾大桥今晨6时恢复双向通行，交警提醒司机途经时减速慢行。'],
    );
    assert.equal(a.published, '2022-11-03T06:45:12');
    assert.equal(a.outlet, '滨海新闻网');
  });

  test('a saved page wrapped in an archive element before <html> is read whole', () => {
    const wrapped = `<text id="https://example.cn/a" encoding="utf-8">\n${fixture('blog-gb.html')}</text>`;
    assert.equal(sniffHtml(wrapped), 'document');
    const a = article(wrapped);
    assert.equal(a.headline, '雨后的西湖');
    assert.equal(a.published, '2006-05-20T21:07');
  });

  test('a page with no text gives no article', () => {
    const tree = parseHtml('<!doctype html><html><head><title></title></head><body></body></html>');
    assert.equal(tree.children.length, 0);
  });
});

describe('content sniffing', () => {
  test('HTML is told by its opening, not by a tag somewhere in a text page', () => {
    assert.ok(looksLikeHtml('<!DOCTYPE html><html>'));
    assert.ok(looksLikeHtml('\ufeff\n  <html lang="zh">'));
    assert.ok(looksLikeHtml('<!-- saved page -->\n<head><meta charset="gbk">'));
    assert.equal(sniffHtml('<meta charset="gbk"><p>x'), 'fragment');
    assert.equal(sniffHtml('<script>alert(1)</script>新聞標題'), 'no');
    assert.ok(!looksLikeHtml('港鐵新車站啟用\n\n記者寫道 <b> 是粗體'));
    assert.ok(!looksLikeHtml('<<港鐵>> 新車站'));
  });

  test('a piece of a page scraped without its head is HTML, by its markup, whatever its name', () => {
    const piece = [
      '<div class="content">',
      '<h1>運輸署公布新巴士路線</h1>',
      '<p class="time">2024年5月8日 10:30</p>',
      '<p>運輸署發言人表示，新路線下月通車，班次每十五分鐘一班。</p>',
      '<p>區議員歡迎有關安排，但希望當局增加晚間班次。</p>',
      '</div>',
    ].join('\n');
    assert.equal(sniffHtml(piece), 'markup');
    for (const path of ['piece.html', 'piece.txt', undefined]) {
      const page = parse(piece, path === undefined ? {} : { path });
      assert.equal(page.source.format, 'html', String(path));
      const view = toArticleView(page).articles[0];
      assert.equal(view?.headline, '運輸署公布新巴士路線');
      assert.equal(view?.published, '2024-05-08T10:30');
      assert.ok(
        view?.blocks.every((b) => !b.text.includes('<')),
        'no markup left in the text',
      );
    }
    // Told otherwise, it is text.
    assert.equal(parse(piece, { format: 'text' }).source.format, undefined);
    // A text page that opens with one tag, or names a few in its prose, is still text.
    assert.equal(sniffHtml('<b>快訊</b>\n港鐵新車站今日啟用，居民期待多年。'), 'no');
    assert.equal(sniffHtml('網頁用<p>和<br>分段\n其餘是文字'), 'no');
  });

  test("a portal's furniture is no author or outlet: user ids, 关注, …举报", () => {
    const html =
      '<html><head><title>市政府公布新方案</title><meta name="author" content="104363">' +
      '<meta property="og:site_name" content="违法和不良信息举报">' +
      '<script type="application/ld+json">{"@type":"NewsArticle","headline":"市政府公布新方案","author":[{"name":"关注"},{"name":"王小明"}]}</script>' +
      '</head><body><article><h1>市政府公布新方案</h1><p>市政府今日公布新的交通方案，市民可於網上提出意見。</p></article></body></html>';
    const view = toArticleView(parse(html, { path: 'p.html' })).articles[0];
    assert.ok(!view?.authors.includes('104363'));
    assert.ok(!view?.authors.includes('关注'));
    assert.notEqual(view?.outlet, '违法和不良信息举报');
    assert.ok(isNameValue('王小明') && isNameValue('香港文匯報') && isNameValue('Reuters'));
    assert.ok(!isNameValue('104363') && !isNameValue('点击关注') && !isNameValue('http://a.cn'));
  });

  test('昨日 on a web page is the day before the page says it was published', () => {
    const html =
      '<html><head><title>港府公布新措施</title><meta property="article:published_time" content="2024-03-15T09:00:00+08:00"></head>' +
      '<body><article><h1>港府公布新措施</h1><p>政務司司長昨日表示，新措施將於2024年4月1日實施。</p></article></body></html>';
    const page = annotate(parse(html, { path: 'a.html' }), { tagger: null });
    const dates = page.children.flatMap((a) => a.annotations?.dates ?? []);
    assert.equal(dates.find((d) => d.text === '昨日')?.value, '2024-03-14');
  });

  test('a .txt name has the last word only over a page that opens like a fragment', () => {
    const fragment = '<meta charset="utf-8"><p>港鐵新車站啟用，居民期待多年。</p>';
    assert.equal(parse(fragment, { path: 'a.txt' }).source.format, undefined);
    assert.equal(parse(fragment, { path: 'a.html' }).source.format, 'html');
    const whole = `<!doctype html><html><body>${fragment}</body></html>`;
    assert.equal(parse(whole, { path: 'saved.txt' }).source.format, 'html');
    assert.equal(parse(whole, { path: 'saved.txt', format: 'text' }).source.format, undefined);
  });

  test('a text page keeps its text pipeline, and its bylines give authors and outlet', () => {
    const text = [
      '中俄兩國外長通電話 就地區局勢交換意見',
      '',
      '香港文匯報訊 據新華社報道，國務委員兼外長昨日應約同俄羅斯外長通電話。',
      '',
      '雙方表示將繼續保持密切溝通。',
      '',
      '●香港文匯報記者 葛沖 北京報道',
    ].join('\n');
    const view = toArticleView(parse(text));
    assert.equal(view.source.format, 'text');
    const a = view.articles[0];
    assert.ok(a);
    assert.deepEqual(a.authors, ['葛沖']);
    assert.deepEqual(a.credits, [{ role: 'reporter', name: '葛沖' }]);
    assert.equal(a.outlet, '香港文匯報');
    assert.equal(a.published, null);
    assert.equal(a.url, null);
  });
});
