import type { ArticleView, ArticleViewArticle, ArticleViewBlock } from '../tree/article-view.ts';
import { extraSources, type Labels, labelsFor, listLevel, segments } from './common.ts';

/** Options for {@link renderHtml}. */
export interface RenderHtmlOptions {
  /** The page title; defaults to the first headline, else the source file name, else "jiedu". */
  title?: string;
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML content and attribute values alike. */
function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

// Sans-serif for titles, serif for reading; each list names fonts for both scripts so the
// browser picks the right glyph forms from the page's lang.
const STYLE = `
:root { color-scheme: light dark; --fg: #1b1b1b; --muted: #5f5f5f; --rule: #d8d8d8; --bg: #fdfdfb; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e8e8e6; --muted: #a6a6a6; --rule: #3a3a3a; --bg: #161616; }
}
html { background: var(--bg); color: var(--fg); }
body {
  margin: 0 auto; padding: 2rem 1.25rem 4rem; max-width: 42rem;
  font: 1.0625rem/1.85 "Noto Serif CJK TC", "Source Han Serif TC", "Songti TC", PMingLiU,
    "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", SimSun, serif;
  text-align: justify; line-break: strict; overflow-wrap: anywhere;
}
body:lang(zh-Hans) {
  font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", SimSun, serif;
}
h1, h2, .subheadline, .dialogue .speaker, figcaption, .meta {
  font-family: "PingFang TC", "Noto Sans CJK TC", "Source Han Sans TC", "Microsoft JhengHei",
    "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif;
}
:lang(zh-Hans) :is(h1, h2, .subheadline, .dialogue .speaker, figcaption, .meta) {
  font-family: "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei",
    sans-serif;
}
h1 { font-size: 1.75rem; line-height: 1.35; margin: 0 0 .4rem; text-align: start; }
h2 { font-size: 1.2rem; line-height: 1.5; margin: 2rem 0 .5rem; text-align: start; }
hgroup { margin: 0 0 .75rem; }
.subheadline { font-size: 1.15rem; color: var(--muted); margin: 0; text-align: start; }
.meta { font-size: .9rem; color: var(--muted); margin: .1rem 0; text-align: start; }
p { margin: 0 0 1rem; }
ul { margin: 0 0 1rem; padding-inline-start: 1.5em; }
li { margin: .25rem 0; }
li.nested { list-style: none; }
.dialogue .speaker { font-weight: 700; }
figure { margin: 1.5rem 0; padding: .5rem 0 .5rem 1rem; border-inline-start: 3px solid var(--rule); }
figcaption { font-size: .9rem; color: var(--muted); text-align: start; }
.credit { white-space: nowrap; }
hr { border: 0; border-top: 1px solid var(--rule); margin: 3rem 0; }
article > header { margin-bottom: 1.5rem; }
`.trim();

function emphasised(text: string, emphasis: readonly string[]): string {
  return segments(text, emphasis)
    .map((s) => (s.emphasis ? `<strong>${esc(s.text)}</strong>` : esc(s.text)))
    .join('');
}

/** Writes a run of list items as nested lists; a level may jump by more than one. */
function list(items: Extract<ArticleViewBlock, { type: 'list-item' }>[]): string {
  let out = '';
  let depth = 0;
  for (const item of items) {
    const level = listLevel(item.level);
    if (level > depth) {
      // The previous item stays open so the deeper list nests inside it.
      out += '<ul>';
      depth++;
      while (depth < level) {
        out += '<li class="nested"><ul>';
        depth++;
      }
    } else {
      out += '</li>';
      while (depth > level) {
        out += '</ul></li>';
        depth--;
      }
    }
    out += `<li>${emphasised(item.text, item.emphasis)}`;
  }
  if (depth > 0) out += '</li>';
  while (depth > 1) {
    out += '</ul></li>';
    depth--;
  }
  return depth === 1 ? `${out}</ul>` : out;
}

function block(b: Exclude<ArticleViewBlock, { type: 'list-item' }>): string {
  switch (b.type) {
    case 'heading':
      return `<h2>${esc(b.text)}</h2>`;
    case 'paragraph':
      return `<p>${esc(b.text)}</p>`;
    case 'dialogue':
      return `<p class="dialogue"><span class="speaker">${esc(b.speaker)}</span>：${esc(b.text)}</p>`;
  }
}

function article(a: ArticleViewArticle, labels: Labels): string {
  const head: string[] = [];
  if (a.headline !== '' || a.subheadlines.length > 0) {
    const subs = a.subheadlines.map((s) => `<p class="subheadline">${esc(s)}</p>`);
    const h1 = a.headline === '' ? '' : `<h1>${esc(a.headline)}</h1>`;
    head.push(`<hgroup>${h1}${subs.join('')}</hgroup>`);
  }
  for (const line of a.bylines) head.push(`<p class="meta byline">${esc(line)}</p>`);
  for (const name of extraSources(a)) {
    head.push(`<p class="meta source">${esc(labels.source)}：${esc(name)}</p>`);
  }

  const body: string[] = [];
  if (head.length > 0) body.push(`<header>${head.join('\n')}</header>`);
  let items: Extract<ArticleViewBlock, { type: 'list-item' }>[] = [];
  for (const b of a.blocks) {
    if (b.type === 'list-item') {
      items.push(b);
      continue;
    }
    if (items.length > 0) body.push(list(items));
    items = [];
    body.push(block(b));
  }
  if (items.length > 0) body.push(list(items));
  for (const c of a.captions) {
    const credit = c.credit === null ? '' : `<span class="credit">（${esc(c.credit)}）</span>`;
    body.push(
      `<figure><figcaption>${esc(labels.figure)}：${esc(c.text)}${credit}</figcaption></figure>`,
    );
  }
  return `<article>\n${body.join('\n')}\n</article>`;
}

function defaultTitle(view: ArticleView): string {
  const headline = view.articles.find((a) => a.headline.trim() !== '')?.headline.trim();
  if (headline !== undefined) return headline;
  const path = view.source.path;
  if (path !== undefined && path !== '' && path !== '-') {
    return path.split(/[\\/]/).pop() || 'jiedu';
  }
  return 'jiedu';
}

/**
 * Renders an article view as one standalone, readable HTML page: inline CSS with a CJK font
 * stack, `lang` zh-Hant or zh-Hans from the source script (zh when mixed), and every piece of
 * text escaped, so a page that contains `<script>` stays inert (a Content-Security-Policy
 * that forbids scripts backs this up).
 */
export function renderHtml(view: ArticleView, options: RenderHtmlOptions = {}): string {
  const labels = labelsFor(view.source.script);
  const title = options.title ?? defaultTitle(view);
  const articles = view.articles.map((a) => article(a, labels));
  return `<!doctype html>
<html lang="${esc(labels.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="generator" content="jiedu">
<title>${esc(title)}</title>
<style>
${STYLE}
</style>
</head>
<body>
<main>
${articles.join('\n<hr>\n')}
</main>
</body>
</html>
`;
}
