import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { parse } from '../src/index.ts';
import { renderHtml, renderMarkdown, renderText, toArticleView } from '../src/render/index.ts';
import type { ArticleView } from '../src/tree/article-view.ts';
import type {
  ArticleNode,
  BlockNode,
  Emphasis,
  PageNode,
  Script,
  SourceInfo,
} from '../src/tree/types.ts';

/**
 * Builds page trees by hand, as the parser would, over a text made of the given lines: each
 * block gets the offsets of its own line, so the trees are realistic without the parser.
 */
class PageBuilder {
  text = '';
  articles: ArticleNode[] = [];

  constructor(readonly script: Script = 'traditional') {}

  /** Appends a source line and returns its range; `text` defaults to the line itself. */
  private line(raw: string) {
    const start = this.text.length;
    this.text += `${raw}\n\n`;
    return { start, end: start + raw.length };
  }

  private emphasis(raw: string, offset: number): Emphasis[] {
    const out: Emphasis[] = [];
    let removed = 0;
    for (const m of raw.matchAll(/\*\*(.+?)\*\*/g)) {
      const at = (m.index ?? 0) - removed;
      out.push({ type: 'emphasis', text: m[1] ?? '', start: offset + at, end: offset + at + 4 });
      removed += 4;
    }
    return out;
  }

  block(type: BlockNode['type'], raw: string, extra: Record<string, unknown> = {}): BlockNode {
    const range = this.line(raw);
    const text = (extra.text as string | undefined) ?? raw.replace(/\*\*/g, '');
    const base = { ...range, text, pieces: [range] };
    switch (type) {
      case 'paragraph':
        return { type, ...base, emphasis: this.emphasis(raw, range.start) };
      case 'list-item':
        return {
          type,
          ...base,
          level: (extra.level as number | undefined) ?? 1,
          emphasis: this.emphasis(raw, range.start),
        };
      case 'byline':
        return {
          type,
          ...base,
          kind: (extra.kind as 'dateline' | 'reporter' | undefined) ?? 'dateline',
          outlets: (extra.outlets as string[] | undefined) ?? [],
        };
      case 'source':
        return { type, ...base, outlet: extra.outlet as string };
      case 'dialogue':
        return {
          type,
          ...base,
          speaker: extra.speaker as string,
          speakerRange: { start: range.start, end: range.start + (extra.speaker as string).length },
        };
      default:
        return { type, ...base };
    }
  }

  article(...children: BlockNode[]): this {
    const first = children[0];
    const last = children[children.length - 1];
    this.articles.push({
      type: 'article',
      start: first?.start ?? this.text.length,
      end: last?.end ?? this.text.length,
      children,
    });
    return this;
  }

  page(path?: string): PageNode {
    const source: SourceInfo = {
      ...(path === undefined ? {} : { path }),
      encoding: 'utf-8',
      confidence: 1,
      bom: false,
      lineEnding: 'lf',
      script: this.script,
      bytes: Buffer.byteLength(this.text),
      chars: this.text.length,
    };
    return {
      type: 'page',
      start: 0,
      end: this.text.length,
      text: this.text,
      source,
      children: this.articles,
      diagnostics: [],
    };
  }
}

/** A composed two-article page touching every role. */
function samplePage(): PageNode {
  const b = new PageBuilder();
  return b
    .article(
      b.block('headline', '港珠澳大橋客流創新高 旅遊業界盼延長通關時間'),
      b.block('subheadline', '假期首三日逾十萬人次'),
      b.block('byline', '香港文匯報訊 據中通社報道', { outlets: ['中通社'] }),
      b.block('paragraph', '大橋管理局昨日公布，假期首三日經大橋往來三地的旅客逾十萬人次。'),
      b.block('caption', '●旅客在口岸排隊過關。', { text: '旅客在口岸排隊過關。' }),
      b.block('credit', '中通社'),
      b.block('heading', '業界：配套要跟上'),
      b.block('paragraph', '旅遊業議會表示，希望當局研究延長通關時間。'),
      b.block('source', '來源：中通社', { outlet: '中通社' }),
    )
    .article(
      b.block('headline', '街坊對話'),
      b.block('dialogue', '陳太：「今年人多咗好多。」', {
        speaker: '陳太',
        text: '「今年人多咗好多。」',
      }),
      b.block('list-item', '- **交通安排**', { level: 1, text: '交通安排' }),
      b.block('list-item', ' - 加開**接駁巴士**班次。', { level: 2, text: '加開接駁巴士班次。' }),
      b.block('caption', '●口岸大樓外景。', { text: '口岸大樓外景。' }),
      b.block('paragraph', '記者在現場所見，人流大致暢順。'),
      b.block('byline', '●香港文匯報記者 李明 珠海報道', {
        kind: 'reporter',
        text: '香港文匯報記者 李明 珠海報道',
      }),
      b.block('source', '來源：央廣網', { outlet: '央廣網' }),
    )
    .page('samples/bridge.txt');
}

describe('toArticleView', () => {
  test('gathers each article into the contract shape', () => {
    const view = toArticleView(samplePage());
    assert.equal(view.version, 4);
    assert.equal(view.source.path, 'samples/bridge.txt');
    assert.equal(view.articles.length, 2);
    const [first, second] = view.articles;
    assert.ok(first && second);
    assert.equal(first.headline, '港珠澳大橋客流創新高 旅遊業界盼延長通關時間');
    assert.deepEqual(first.subheadlines, ['假期首三日逾十萬人次']);
    assert.deepEqual(first.bylines, ['香港文匯報訊 據中通社報道']);
    // 中通社 from the byline and from 來源：中通社: named once.
    assert.deepEqual(first.sources, ['中通社']);
    assert.deepEqual(
      first.blocks.map((b) => b.type),
      ['paragraph', 'heading', 'paragraph'],
    );
    assert.deepEqual(
      first.captions.map(({ text, credit }) => ({ text, credit })),
      [{ text: '旅客在口岸排隊過關。', credit: '中通社' }],
    );
    assert.deepEqual(second.bylines, ['香港文匯報記者 李明 珠海報道']);
    assert.deepEqual(second.sources, ['央廣網']);
    assert.deepEqual(second.blocks[0], {
      type: 'dialogue',
      speaker: '陳太',
      text: '「今年人多咗好多。」',
      start: second.blocks[0]?.start,
      end: second.blocks[0]?.end,
    });
    const item = second.blocks[2];
    assert.equal(item?.type, 'list-item');
    assert.ok(item?.type === 'list-item');
    assert.equal(item.level, 2);
    assert.deepEqual(item.emphasis, ['接駁巴士']);
    // A caption followed by a paragraph has no credit.
    assert.equal(second.captions[0]?.credit, null);
  });

  test('keeps the offsets of the tree and the documented key order', () => {
    const page = samplePage();
    const view = toArticleView(page);
    const para = view.articles[0]?.blocks[0];
    const node = page.children[0]?.children[3];
    assert.equal(para?.start, node?.start);
    assert.equal(para?.end, node?.end);
    assert.deepEqual(Object.keys(view), ['version', 'source', 'articles']);
    assert.deepEqual(Object.keys(view.source), [
      'path',
      'encoding',
      'confidence',
      'bom',
      'lineEnding',
      'script',
      'bytes',
      'chars',
      'format',
    ]);
    assert.deepEqual(Object.keys(view.articles[0] ?? {}), [
      'headline',
      'subheadlines',
      'bylines',
      'sources',
      'sourceLines',
      'blocks',
      'captions',
      'published',
      'authors',
      'credits',
      'outlet',
      'url',
      'start',
      'end',
    ]);
    assert.deepEqual(Object.keys(view.articles[1]?.blocks[2] ?? {}), [
      'type',
      'level',
      'text',
      'emphasis',
      'start',
      'end',
    ]);
    assert.deepEqual(JSON.parse(JSON.stringify(view)), view);
  });

  test('an article without a headline gets an empty one', () => {
    const b = new PageBuilder();
    const view = toArticleView(b.article(b.block('paragraph', '只有一段正文。')).page());
    assert.equal(view.articles[0]?.headline, '');
    assert.equal('path' in view.source, false);
  });

  test('a credit only belongs to the caption right before it', () => {
    const b = new PageBuilder();
    const view = toArticleView(
      b
        .article(
          b.block('credit', '網上圖片'),
          b.block('caption', '甲圖。'),
          b.block('paragraph', '正文。'),
          b.block('credit', '新華社'),
          b.block('caption', '乙圖。'),
          b.block('credit', '網上圖片'),
        )
        .page(),
    );
    assert.deepEqual(
      view.articles[0]?.captions.map(({ text, credit }) => ({ text, credit })),
      [
        { text: '甲圖。', credit: null },
        { text: '乙圖。', credit: '網上圖片' },
      ],
    );
  });

  test('rejects what is not a page', () => {
    assert.throws(() => toArticleView({} as PageNode), TypeError);
    assert.throws(() => toArticleView(null as unknown as PageNode), TypeError);
  });
});

describe('renderMarkdown', () => {
  test('writes headline, deck, metadata, body, figure notes and article breaks', () => {
    assert.equal(
      renderMarkdown(toArticleView(samplePage())),
      [
        '# 港珠澳大橋客流創新高 旅遊業界盼延長通關時間',
        '',
        '**假期首三日逾十萬人次**',
        '',
        '*香港文匯報訊 據中通社報道*',
        '',
        '大橋管理局昨日公布，假期首三日經大橋往來三地的旅客逾十萬人次。',
        '',
        '## 業界：配套要跟上',
        '',
        '旅遊業議會表示，希望當局研究延長通關時間。',
        '',
        '> 圖：旅客在口岸排隊過關。（中通社）',
        '',
        '---',
        '',
        '# 街坊對話',
        '',
        '*香港文匯報記者 李明 珠海報道*',
        '',
        '*來源：央廣網*',
        '',
        '**陳太**：「今年人多咗好多。」',
        '',
        '- **交通安排**',
        '  - 加開**接駁巴士**班次。',
        '',
        '記者在現場所見，人流大致暢順。',
        '',
        '> 圖：口岸大樓外景。',
        '',
      ].join('\n'),
    );
  });

  test('escapes markup in the text', () => {
    const b = new PageBuilder();
    const md = renderMarkdown(
      toArticleView(
        b
          .article(
            b.block('headline', '# 標題 #'),
            b.block('paragraph', '<script>alert(1)</script> 與 *星號* 及 [連結](x) &amp;'),
            b.block('paragraph', '- 不是清單'),
            b.block('paragraph', '1. 不是編號'),
          )
          .page(),
      ),
    );
    assert.equal(
      md,
      [
        '# \\# 標題 \\#',
        '',
        '\\<script>alert(1)\\</script> 與 \\*星號\\* 及 \\[連結\\](x) \\&amp;',
        '',
        '\\- 不是清單',
        '',
        '1\\. 不是編號',
        '',
      ].join('\n'),
    );
  });

  test('uses Simplified labels for a Simplified page', () => {
    const b = new PageBuilder('simplified');
    const md = renderMarkdown(
      toArticleView(
        b
          .article(
            b.block('headline', '标题'),
            b.block('source', '来源：新华社', { outlet: '新华社' }),
            b.block('caption', '图片说明。'),
            b.block('credit', '新华社'),
          )
          .page(),
      ),
    );
    assert.equal(md, '# 标题\n\n*来源：新华社*\n\n> 图：图片说明。（新华社）\n');
  });

  test('an empty page renders as nothing', () => {
    assert.equal(renderMarkdown(toArticleView(new PageBuilder().page())), '');
    assert.equal(renderText(toArticleView(new PageBuilder().page())), '');
  });
});

describe('renderText', () => {
  test('writes clean plain text', () => {
    assert.equal(
      renderText(toArticleView(samplePage())),
      [
        '港珠澳大橋客流創新高 旅遊業界盼延長通關時間',
        '假期首三日逾十萬人次',
        '香港文匯報訊 據中通社報道',
        '',
        '大橋管理局昨日公布，假期首三日經大橋往來三地的旅客逾十萬人次。',
        '',
        '業界：配套要跟上',
        '',
        '旅遊業議會表示，希望當局研究延長通關時間。',
        '',
        '圖：旅客在口岸排隊過關。（中通社）',
        '',
        '* * *',
        '',
        '街坊對話',
        '香港文匯報記者 李明 珠海報道',
        '來源：央廣網',
        '',
        '陳太：「今年人多咗好多。」',
        '',
        '• 交通安排',
        '  ◦ 加開接駁巴士班次。',
        '',
        '記者在現場所見，人流大致暢順。',
        '',
        '圖：口岸大樓外景。',
        '',
      ].join('\n'),
    );
  });
});

describe('renderHtml', () => {
  /** A tiny well-formedness check: every opened element is closed in order. */
  function assertBalanced(html: string): void {
    const voids = new Set(['meta', 'hr', 'br', 'link', 'img']);
    const stack: string[] = [];
    for (const m of html.matchAll(/<(\/?)([a-z][a-z0-9]*)[^>]*>/g)) {
      const [, close, name] = m;
      if (name === undefined || voids.has(name)) continue;
      if (close) assert.equal(stack.pop(), name, `</${name}> closes <${stack.at(-1)}>`);
      else stack.push(name);
    }
    assert.deepEqual(stack, []);
  }

  test('writes a standalone page in the script of the source', () => {
    const html = renderHtml(toArticleView(samplePage()));
    assert.match(html, /^<!doctype html>\n<html lang="zh-Hant">/);
    assert.match(html, /<meta charset="utf-8">/);
    assert.match(html, /<title>港珠澳大橋客流創新高 旅遊業界盼延長通關時間<\/title>/);
    assert.match(html, /<style>[\s\S]*Noto Sans CJK TC[\s\S]*<\/style>/);
    assert.match(html, /<h1>港珠澳大橋客流創新高 旅遊業界盼延長通關時間<\/h1>/);
    assert.match(html, /<p class="subheadline">假期首三日逾十萬人次<\/p>/);
    assert.match(html, /<h2>業界：配套要跟上<\/h2>/);
    assert.match(
      html,
      /<ul><li><strong>交通安排<\/strong><ul><li>加開<strong>接駁巴士<\/strong>班次。<\/li><\/ul><\/li><\/ul>/,
    );
    assert.match(
      html,
      /<figcaption>圖：旅客在口岸排隊過關。<span class="credit">（中通社）<\/span>/,
    );
    assert.equal(html.match(/<article>/g)?.length, 2);
    assert.equal(html.match(/<hr>/g)?.length, 1);
    assertBalanced(html);
  });

  test('picks lang from the script and the title from the options', () => {
    const b = new PageBuilder('simplified');
    const view = toArticleView(b.article(b.block('paragraph', '正文。')).page('a/b/page.txt'));
    assert.match(renderHtml(view), /<html lang="zh-Hans">/);
    assert.match(renderHtml(view), /<title>page\.txt<\/title>/);
    assert.match(renderHtml(view, { title: 'A & "B"' }), /<title>A &amp; &quot;B&quot;<\/title>/);
    const mixed: ArticleView = { ...view, source: { ...view.source, script: 'mixed' } };
    assert.match(renderHtml(mixed), /<html lang="zh">/);
  });

  test('escapes every piece of text, so a hostile page stays inert', () => {
    const evil = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const b = new PageBuilder();
    const page = b
      .article(
        b.block('headline', evil),
        b.block('subheadline', evil),
        b.block('byline', evil),
        b.block('source', evil, { outlet: evil }),
        b.block('heading', evil),
        b.block('paragraph', evil),
        b.block('dialogue', evil, { speaker: evil }),
        b.block('list-item', evil, { level: 3 }),
        b.block('caption', evil),
        b.block('credit', evil),
      )
      .page(evil);
    const html = renderHtml(toArticleView(page), { title: evil });
    assert.doesNotMatch(html, /<script/i);
    assert.doesNotMatch(html, /<img/i);
    assert.match(html, /&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt;/);
    assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
    assertBalanced(html);
  });

  test('nests lists whose levels jump', () => {
    const b = new PageBuilder();
    const html = renderHtml(
      toArticleView(
        b
          .article(
            b.block('list-item', '深', { level: 3 }),
            b.block('list-item', '淺', { level: 1 }),
            b.block('list-item', '中', { level: 2 }),
            b.block('paragraph', '段。'),
            b.block('list-item', '新', { level: 1 }),
          )
          .page(),
      ),
    );
    assert.match(
      html,
      /<ul><li class="nested"><ul><li class="nested"><ul><li>深<\/li><\/ul><\/li><\/ul><\/li><li>淺<ul><li>中<\/li><\/ul><\/li><\/ul>\n<p>段。<\/p>\n<ul><li>新<\/li><\/ul>/,
    );
    assertBalanced(html);
  });
});

describe('docs/article-view.schema.json', () => {
  type Schema = Record<string, unknown>;
  const root = JSON.parse(
    readFileSync(new URL('../docs/article-view.schema.json', import.meta.url), 'utf8'),
  ) as Schema;

  /** A validator for the JSON Schema keywords the document uses; returns the problems. */
  function check(schema: Schema, value: unknown, at = '$'): string[] {
    if (typeof schema.$ref === 'string') {
      const name = schema.$ref.replace('#/$defs/', '');
      return check((root.$defs as Record<string, Schema>)[name] as Schema, value, at);
    }
    if (Array.isArray(schema.oneOf)) {
      const passing = schema.oneOf.filter((s) => check(s as Schema, value, at).length === 0);
      return passing.length === 1 ? [] : [`${at}: matches ${passing.length} of oneOf`];
    }
    const problems: string[] = [];
    if ('const' in schema && value !== schema.const) problems.push(`${at}: not ${schema.const}`);
    if (Array.isArray(schema.enum) && !schema.enum.includes(value))
      problems.push(`${at}: not in enum`);
    if (schema.type !== undefined) {
      const types = ([] as unknown[]).concat(schema.type);
      const actual =
        value === null
          ? 'null'
          : Array.isArray(value)
            ? 'array'
            : Number.isInteger(value)
              ? 'integer'
              : typeof value;
      const ok = types.some((t) => t === actual || (t === 'number' && actual === 'integer'));
      if (!ok) return [`${at}: ${actual} is not ${types.join('|')}`];
    }
    if (typeof value === 'number') {
      if (typeof schema.minimum === 'number' && value < schema.minimum)
        problems.push(`${at}: < min`);
      if (typeof schema.maximum === 'number' && value > schema.maximum)
        problems.push(`${at}: > max`);
    }
    if (Array.isArray(value) && schema.items !== undefined) {
      value.forEach((v, i) => {
        problems.push(...check(schema.items as Schema, v, `${at}[${i}]`));
      });
    }
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const props = (schema.properties ?? {}) as Record<string, Schema>;
      for (const key of (schema.required ?? []) as string[]) {
        if (!(key in value)) problems.push(`${at}: missing ${key}`);
      }
      for (const [key, v] of Object.entries(value)) {
        const sub = props[key];
        if (sub !== undefined) problems.push(...check(sub, v, `${at}.${key}`));
        else if (schema.additionalProperties === false) problems.push(`${at}: extra ${key}`);
      }
    }
    return problems;
  }

  test('describes the views toArticleView makes', () => {
    assert.deepEqual(check(root, toArticleView(samplePage())), []);
    assert.deepEqual(check(root, toArticleView(new PageBuilder().page())), []);
  });

  test('describes what the parser makes of the bundled samples', () => {
    const dir = new URL('../samples/', import.meta.url);
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
      const view = toArticleView(parse(readFileSync(new URL(name, dir)), { path: name }));
      assert.deepEqual(check(root, view), [], name);
    }
  });

  test('rejects what the contract does not allow', () => {
    const view = toArticleView(samplePage());
    const broken = JSON.parse(JSON.stringify(view));
    broken.version = 2;
    broken.articles[0].blocks[0].type = 'caption';
    delete broken.articles[1].captions[0].credit;
    broken.articles[1].extra = true;
    assert.deepEqual(check(root, broken), [
      '$.version: not 4',
      '$.articles[0].blocks[0]: matches 0 of oneOf',
      '$.articles[1].captions[0]: missing credit',
      '$.articles[1]: extra extra',
    ]);
  });
});
