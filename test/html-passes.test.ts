import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { collapseWhitespace } from '../src/html/collect-paragraphs.ts';
import { parseDocument } from '../src/html/dom.ts';
import { findDensestBlock } from '../src/html/find-densest-block.ts';
import { parseHtml } from '../src/html/index.ts';
import { keepFirstPost } from '../src/html/keep-first-post.ts';
import { findDates, formatIso, parseDate } from '../src/html/normalize-date.ts';
import { readCredits, readPublisher, readSourceOutlet } from '../src/html/read-credits.ts';
import { readJsonLd } from '../src/html/read-json-ld.ts';
import {
  isPersonName,
  readMetaTags,
  readTimeElements,
  tidyName,
} from '../src/html/read-meta-tags.ts';
import { findPublishedInText, readNameLine, readSignature } from '../src/html/read-text-meta.ts';
import { isFurniture, nameWords } from '../src/html/remove-boilerplate.ts';
import { encodingOfLabel, sniffMetaCharset } from '../src/html/sniff-charset.ts';
import {
  isCopyrightLine,
  isMetaLine,
  isNoticeHeading,
  isUiLine,
  tidyParagraphs,
  trimDatedList,
} from '../src/html/tidy-paragraphs.ts';

const latin = (s: string) => new TextEncoder().encode(s);

describe('sniff-charset', () => {
  test('reads <meta charset> and http-equiv, whichever comes first', () => {
    assert.equal(sniffMetaCharset(latin('<meta charset="GBK"><title>x</title>')), 'GBK');
    assert.equal(
      sniffMetaCharset(latin('<meta http-equiv="Content-Type" content="text/html; charset=big5">')),
      'big5',
    );
    assert.equal(sniffMetaCharset(latin('<meta name="keywords" content="charset=x">')), undefined);
    assert.equal(sniffMetaCharset(latin('<p>no meta</p>')), undefined);
  });

  test('maps the labels pages use onto the encodings jiedu reads', () => {
    assert.equal(encodingOfLabel('GB2312'), 'gb18030');
    assert.equal(encodingOfLabel('x-gbk'), 'gb18030');
    assert.equal(encodingOfLabel('Big5-HKSCS'), 'big5');
    assert.equal(encodingOfLabel('UTF8'), 'utf-8');
    assert.equal(encodingOfLabel('iso-8859-1'), undefined);
  });
});

describe('normalize-date', () => {
  const cases: [string, string | undefined][] = [
    ['2021年6月29日 08:15', '2021-06-29T08:15'],
    ['2021年06月29日08:15:30', '2021-06-29T08:15:30'],
    ['2021-06-29T08:15:00+08:00', '2021-06-29T08:15:00+08:00'],
    ['2021-06-29T00:15:00.000Z', '2021-06-29T00:15:00Z'],
    ['2021/6/29', '2021-06-29'],
    ['2021.06.29 8:05', '2021-06-29T08:05'],
    ['2021年6月29日（星期二）08:15', '2021-06-29T08:15'],
    ['2021年6月29日 星期二 08:15', '2021-06-29T08:15'],
    ['2021/06/29 下午 08:15', '2021-06-29T20:15'],
    ['2021年6月29日週二上午9:05', '2021-06-29T09:05'],
    // Year last: day first unless it cannot be; AM/PM honoured.
    ['06/02/2022 - 13:48', '2022-02-06T13:48'],
    ['9/17/2004 5:54:13 AM', '2004-09-17T05:54:13'],
    ['7/5/2005 9:23:57 PM', '2005-05-07T21:23:57'],
    ['2021-02-30', undefined],
    ['2021年13月1日', undefined],
  ];
  for (const [input, expected] of cases) {
    test(`${input} → ${expected}`, () => {
      const parts = parseDate(input);
      assert.equal(parts === undefined ? undefined : formatIso(parts), expected);
    });
  }

  test('finds dates inside text, not inside longer numbers', () => {
    const found = findDates('发布时间：2005-5-7 21:23:57 来源：新华网 编号12021-01-01');
    assert.deepEqual(
      found.map((d) => formatIso(d.parts)),
      ['2005-05-07T21:23:57'],
    );
  });

  test('a periodical issue dates a reprint when nothing else does', () => {
    const lines = ['某篇文章', '正文一段，没有日期。', '——《北京之春》1998年3月号'];
    const found = findPublishedInText(lines, '某篇文章');
    assert.equal(found === undefined ? undefined : formatIso(found.parts), '1998-03');
  });

  test('a date after 日期为 in a sentence is not labelled as the publication date', () => {
    const lines = ['招生简章', '一、报名日期为2003年11月1日至2003年11月30日。'];
    assert.equal(findPublishedInText(lines, '招生简章')?.labelled, false);
  });

  test('the publication date is the labelled one in the header, not a date in the story', () => {
    const lines = [
      '首页 > 国内',
      '某市举行防汛演练',
      '2022年7月1日 来源：某某网 发布时间：2022-07-02 10:20',
      '6月30日，演练在2022年6月30日举行。',
    ];
    const parts = findPublishedInText(lines, '某市举行防汛演练')?.parts;
    assert.equal(parts === undefined ? undefined : formatIso(parts), '2022-07-02T10:20');
  });
});

describe('read-credits', () => {
  const cases: [string, [string, string][]][] = [
    ['●香港文匯報記者 葛沖 北京報道', [['reporter', '葛沖']]],
    [
      '本报记者 王建宏 张文攀',
      [
        ['reporter', '王建宏'],
        ['reporter', '张文攀'],
      ],
    ],
    ['记者王建宏报道', [['reporter', '王建宏']]],
    ['（责任编辑：孙桂芳）', [['editor', '孙桂芳']]],
    ['作者：茉莉 发布时间：2005-5-7', [['author', '茉莉']]],
    ['文/赵培', [['author', '赵培']]],
    [
      '本報記者 李明、張華 台北報道',
      [
        ['reporter', '李明'],
        ['reporter', '張華'],
      ],
    ],
    [
      '摄影：王五 编辑：赵六',
      [
        ['photographer', '王五'],
        ['editor', '赵六'],
      ],
    ],
    [
      '通讯员 周航 记者 陈默',
      [
        ['correspondent', '周航'],
        ['reporter', '陈默'],
      ],
    ],
    ['全文：很好', []],
    ['记者了解到，该项目已经开工建设', []],
  ];
  for (const [line, expected] of cases) {
    test(line, () => {
      assert.deepEqual(
        readCredits(line).map((c) => [c.role, c.name]),
        expected,
      );
    });
  }

  test('a later piece must start with a surname; a Latin handle only comes first', () => {
    assert.deepEqual(
      readCredits('作者：魑皇 关注').map((c) => c.name),
      ['魑皇'],
    );
    assert.deepEqual(
      readCredits('[责任编辑：韩保林 PK155]').map((c) => c.name),
      ['韩保林'],
    );
    assert.deepEqual(
      readCredits('作者:zboygirl 阅读(1660)').map((c) => c.name),
      ['zboygirl'],
    );
  });

  test('a closing signature in brackets and a name line under the headline', () => {
    assert.deepEqual(
      readSignature(['正文。', '……过一个平安的新春佳节。（常书香 马丹阳 ）']).map((c) => c.name),
      ['常书香', '马丹阳'],
    );
    assert.deepEqual(readSignature(['正文。（完）']), []);
    assert.deepEqual(readSignature(['正文。（新华社）']), []);
    assert.deepEqual(
      readNameLine(['赵延东、风笑天', '近年来……']).map((c) => c.name),
      ['赵延东', '风笑天'],
    );
    // Words are not names: 昨天 and 指出 start with no surname.
    assert.deepEqual(readNameLine(['昨天', '指出']), []);
  });

  test('publisher and source outlet', () => {
    assert.equal(readPublisher('香港文匯報記者 葛沖 北京報道'), '香港文匯報');
    assert.equal(readPublisher('香港文汇报讯 据新华社报道'), '香港文汇报');
    assert.equal(readPublisher('本报记者 王五'), undefined);
    assert.equal(readSourceOutlet('2021-06-29 来源：新华网 作者：王五'), '新华网');
    assert.equal(readSourceOutlet('來源：央視網'), '央視網');
  });
});

describe('markup metadata', () => {
  test('JSON-LD: an article inside @graph, authors as objects, invalid blocks skipped', () => {
    const doc = parseDocument(`<html><head>
      <script type="application/ld+json">{ broken, }</script>
      <script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"站"},
        {"@type":"NewsArticle","headline":"标题","datePublished":"2020-01-02T03:04:05+08:00",
         "author":[{"@type":"Person","name":"甲乙"},"丙丁"],"publisher":{"name":"某报"}}]}</script>
      </head><body></body></html>`);
    assert.deepEqual(readJsonLd(doc), {
      authors: ['甲乙', '丙丁'],
      title: '标题',
      published: '2020-01-02T03:04:05+08:00',
      outlet: '某报',
    });
  });

  test('a meta or JSON-LD author must be a person', () => {
    for (const name of ['林晓雯', 'Jane Doe', '魑皇']) assert.ok(isPersonName(name), name);
    for (const name of [
      '网易',
      'Discuz! Team',
      '云南日报报业集团',
      'name',
      '责任编辑：王五',
      'https://a.cn',
    ]) {
      assert.ok(!isPersonName(name), name);
    }
    assert.equal(tidyName('赵  培'), '赵培');
  });

  test('meta tags: Open Graph, article:published_time, author that is a person, canonical', () => {
    const doc = parseDocument(`<html><head>
      <meta property="og:site_name" content="新闻网"><meta name="author" content="新浪网">
      <meta property="article:published_time" content="2020-01-02 03:04">
      <link rel="canonical" href="https://example.cn/a.html"></head><body></body></html>`);
    assert.deepEqual(readMetaTags(doc), {
      authors: [],
      published: '2020-01-02 03:04',
      outlet: '新闻网',
      url: 'https://example.cn/a.html',
    });
  });

  test('<time datetime>', () => {
    const doc = parseDocument(
      '<html><body><time datetime="2020-05-06">5月6日</time></body></html>',
    );
    assert.equal(readTimeElements(doc), '2020-05-06');
  });
});

describe('boilerplate and tidying', () => {
  test('class and id words, split the way sites write them', () => {
    assert.deepEqual(nameWords('relatedNews main_comment-box'), [
      'related',
      'news',
      'main',
      'comment',
      'box',
    ]);
    const el = (attrs: string) =>
      parseDocument(`<html><body><div ${attrs}>x</div></body></html>`).querySelectorAll('div')[0];
    for (const attrs of ['class="comment-list"', 'id="xgxw"', 'class="ad-box"', 'class="footer"']) {
      assert.ok(isFurniture(el(attrs) as never), attrs);
    }
    for (const attrs of [
      'class="header"',
      'class="download"',
      'class="article-body"',
      'id="shadow"',
    ]) {
      assert.ok(!isFurniture(el(attrs) as never), attrs);
    }
  });

  test('page controls, copyright lines and header metadata lines', () => {
    assert.ok(isUiLine('【打印】【关闭窗口】'));
    assert.ok(isUiLine('字号：大 中 小'));
    assert.ok(!isUiLine('关闭工厂的决定引起争议'));
    assert.ok(isCopyrightLine('Copyright © 2023 某某网 版权所有'));
    assert.ok(
      !isCopyrightLine(
        '他说，这部作品的版权问题已经解决了，双方都很满意，也欢迎更多读者关注后续的改编计划和演出安排。'.repeat(
          3,
        ),
      ),
    );
    assert.ok(isMetaLine('2021-06-29 08:15 来源：新华网'));
    assert.ok(!isMetaLine('2021年6月29日，记者来到现场。'));
  });

  test('a closing legal notice and trailing link lists are not the article', () => {
    assert.ok(isNoticeHeading('反侵权公告：'));
    assert.ok(isNoticeHeading('【免責聲明】'));
    assert.ok(!isNoticeHeading('法律专家在声明中表示，该公告无效。'));
    const out = tidyParagraphs(
      [
        { text: '正文第一段，讲述事情的经过。', heading: false },
        { text: '正文第二段，继续讲述。', heading: false },
        { text: '[社会] 另一条新闻的标题很长很长', heading: false, linkShare: 0.9 },
        { text: '-', heading: false, linkShare: 0 },
        { text: '再一条新闻的标题也很长', heading: false, linkShare: 1 },
        { text: '版权声明：', heading: false },
        { text: '本站文章未经许可不得使用。', heading: false },
      ],
      '',
    );
    assert.deepEqual(
      out.map((p) => p.text),
      ['正文第一段，讲述事情的经过。', '正文第二段，继续讲述。'],
    );
  });

  test('a closing list of dated story titles goes; one dated line stays', () => {
    const p = (text: string) => ({ text, heading: false });
    const body = [p('正文第一段，讲述事情的经过。'), p('正文最后一段。')];
    const list = [p('另一条新闻的标题'), p('2019-09-09'), p('再一条新闻的标题'), p('2019-09-08')];
    assert.deepEqual(trimDatedList([...body, ...list]), body);
    const one = [...body, p('另一条新闻的标题'), p('2019-09-09')];
    assert.deepEqual(trimDatedList(one), one);
  });

  test('a blog front page: the first post is the article', () => {
    const post = (n: number) =>
      `<div class="post-title">第${n}篇</div><div class="post-body">${'这是一篇博客文章的正文，写了很多内容。'.repeat(8)}${n}</div>`;
    const doc = parseDocument(`<html><body>${post(1)}${post(2)}${post(3)}</body></html>`);
    assert.equal(keepFirstPost(doc), 4);
    const text = doc.body?.textContent ?? '';
    assert.ok(text.includes('第1篇') && !text.includes('第2篇') && !text.includes('第3篇'));
    // One post with short repeated parts is not a list.
    const single = parseDocument(
      `<html><body><div class="post-date">1</div><div class="post-date">2</div>${post(1)}</body></html>`,
    );
    assert.equal(keepFirstPost(single), 0);
  });

  test('tidying drops the repeated headline and the metadata line, keeps trailing credits', () => {
    const out = tidyParagraphs(
      [
        { text: '某市举行防汛演练', heading: true },
        { text: '原创 某市举行防汛演练', heading: false },
        { text: '2022-07-02 10:20 来源：某某网', heading: false },
        { text: '正文第一段。', heading: false },
        { text: '【打印】【关闭】', heading: false },
        { text: '（责任编辑：赵六）', heading: false },
      ],
      '某市举行防汛演练',
    );
    assert.deepEqual(
      out.map((p) => p.text),
      ['正文第一段。', '（责任编辑：赵六）'],
    );
  });

  test('whitespace: source wrapping between CJK goes, real spaces stay one', () => {
    assert.equal(collapseWhitespace('  中文\n   內容  和 \t 空格 '), '中文內容 和 空格');
    assert.equal(collapseWhitespace('記者\u3000\u3000王五'), '記者\u3000王五');
  });

  test('the densest block is the article, not the link lists around it', () => {
    const doc = parseDocument(`<html><body>
      <div id="links"><a href="1">一条很长的链接标题文字</a><a href="2">另一条很长的链接标题文字</a></div>
      <div id="story"><p>第一段正文，有逗号，也有句号。</p><p>第二段正文，同样是文章内容。</p></div>
      </body></html>`);
    const root = doc.body;
    assert.ok(root);
    assert.equal(findDensestBlock(root)?.getAttribute('id'), 'story');
  });
});

describe('properties', () => {
  /** Fragments real pages are made of, in any order and nesting. */
  const piece = fc.oneof(
    fc.constantFrom(
      '<p>',
      '</p>',
      '<div class="comment">',
      '<div class="post-body">',
      '</div>',
      '<br>',
      '<a href="/x">',
      '</a>',
      '<h1>',
      '</h1>',
      '<table><tr><td>',
      '</td></tr></table>',
      '<script>var a = "<p>";</script>',
      '<meta charset="gbk">',
      '<!-- c -->',
      '<title>',
      '</title>',
      '记者 王五 报道',
      '（责任编辑：赵六）',
      '2021年6月29日 08:15',
      '發佈時間：',
      '版权所有',
      '。',
      '，',
      '\n',
      '　　',
      '<',
      '>',
      '&amp;',
      '&#x4e2d;',
    ),
    fc.string({ maxLength: 12 }),
    fc.constantFrom('港鐵新車站啟用', '东湖新区启用智能公交调度系统', '居民期待多年'),
  );
  const page = fc.array(piece, { maxLength: 60 }).map((parts) => `<html><body>${parts.join('')}`);

  test('any markup gives a page whose nodes slice their own text, and round-trips as JSON', () => {
    fc.assert(
      fc.property(page, (html) => {
        const tree = parseHtml(html);
        for (const article of tree.children) {
          for (const node of article.children) {
            assert.equal(tree.text.slice(node.start, node.end), node.text);
          }
        }
        assert.deepEqual(JSON.parse(JSON.stringify(tree)), tree);
      }),
      { numRuns: 150 },
    );
  });
});
