import type { ArticleView, ArticleViewArticle, ArticleViewBlock } from '../tree/article-view.ts';
import { extraSources, type Labels, labelsFor, listLevel, metaLine, segments } from './common.ts';

/**
 * Escapes text so Markdown shows it as written: inline markup characters always, and the
 * characters that start a block (#, >, -, +, 1.) only where a line begins.
 */
function escapeInline(text: string): string {
  return text
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/[\\`*_~[\]|]/g, '\\$&')
    .replace(/<(?=[A-Za-z/!?])/g, '\\<')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');
}

function escapeLine(text: string): string {
  return escapeInline(text.trim())
    .replace(/^([#>+=-])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** A heading's text: a trailing # would be read as a closing sequence. */
function escapeHeading(text: string): string {
  return escapeLine(text).replace(/#$/, '\\#');
}

function listItem(block: Extract<ArticleViewBlock, { type: 'list-item' }>): string {
  const body = segments(block.text.trim(), block.emphasis)
    .map((s) => (s.emphasis ? `**${escapeInline(s.text)}**` : escapeInline(s.text)))
    .join('');
  // Two spaces per level put a nested item inside the content of the item above it.
  const marker = `${'  '.repeat(listLevel(block.level) - 1)}- `;
  return marker + body.replace(/^([#>+=-])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

function block(b: ArticleViewBlock): string {
  switch (b.type) {
    case 'heading':
      return `## ${escapeHeading(b.text)}`;
    case 'paragraph':
      return escapeLine(b.text);
    case 'dialogue':
      return `**${escapeInline(b.speaker.trim())}**：${escapeInline(b.text.trim())}`;
    case 'list-item':
      return listItem(b);
  }
}

function article(a: ArticleViewArticle, labels: Labels, format: 'text' | 'html'): string {
  const parts: string[] = [];
  if (a.headline.trim() !== '') parts.push(`# ${escapeHeading(a.headline)}`);
  for (const sub of a.subheadlines) parts.push(`**${escapeLine(sub)}**`);
  const meta = metaLine(a, format);
  if (meta !== null) parts.push(`*${escapeLine(meta)}*`);
  for (const line of a.bylines) parts.push(`*${escapeLine(line)}*`);
  for (const name of extraSources(a)) parts.push(`*${labels.source}：${escapeInline(name)}*`);

  // Consecutive list items form one tight list; every other block is its own paragraph.
  let list: string[] | null = null;
  for (const b of a.blocks) {
    if (b.type === 'list-item') {
      if (list === null) {
        list = [];
        parts.push('');
      }
      list.push(block(b));
      parts[parts.length - 1] = list.join('\n');
      continue;
    }
    list = null;
    parts.push(block(b));
  }

  for (const c of a.captions) {
    const credit = c.credit === null ? '' : `（${escapeInline(c.credit.trim())}）`;
    parts.push(`> ${labels.figure}：${escapeInline(c.text.trim())}${credit}`);
  }
  return parts.join('\n\n');
}

/**
 * Renders an article view as clean Markdown: the headline as `#`, subheadlines as a bold
 * deck line, bylines and outlets not named in a byline as italic metadata lines, section
 * headings as `##` (a web page's article also gets an italic line of its date, authors and
 * outlet under the headline), list items as `-` indented two spaces per level with `**emphasis**`,
 * dialogue as `**普京**：「…」`, captions as figure notes (`> 圖：…（新華社）`) after the
 * body, and articles separated by `---`.
 */
export function renderMarkdown(view: ArticleView): string {
  const labels = labelsFor(view.source.script);
  const format = view.source.format;
  const articles = view.articles.map((a) => article(a, labels, format)).filter((md) => md !== '');
  return articles.length === 0 ? '' : `${articles.join('\n\n---\n\n')}\n`;
}
