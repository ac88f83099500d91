import type { ArticleView, ArticleViewArticle, ArticleViewBlock } from '../tree/article-view.ts';
import { extraSources, type Labels, labelsFor, listLevel, metaLine } from './common.ts';

/** The line between two articles: a conventional section break. */
const ARTICLE_BREAK = '* * *';

/** One line of text: whatever line breaks a value still holds become spaces. */
function line(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

function block(b: ArticleViewBlock): string {
  switch (b.type) {
    case 'heading':
    case 'paragraph':
      return line(b.text);
    case 'dialogue':
      return `${line(b.speaker)}：${line(b.text)}`;
    case 'list-item': {
      const level = listLevel(b.level);
      return `${'  '.repeat(level - 1)}${level === 1 ? '•' : '◦'} ${line(b.text)}`;
    }
  }
}

function article(a: ArticleViewArticle, labels: Labels, format: 'text' | 'html'): string {
  // The title group (headline, subheadlines, a web page's date and authors, bylines,
  // outlets) is one block of lines.
  const meta = metaLine(a, format);
  const head = [
    a.headline,
    ...a.subheadlines,
    ...(meta === null ? [] : [meta]),
    ...a.bylines,
    ...extraSources(a).map((name) => `${labels.source}：${name}`),
  ]
    .map(line)
    .filter((l) => l !== '');
  const parts: string[] = head.length > 0 ? [head.join('\n')] : [];
  let inList = false;
  for (const b of a.blocks) {
    const isItem = b.type === 'list-item';
    if (isItem && inList) parts[parts.length - 1] += `\n${block(b)}`;
    else parts.push(block(b));
    inList = isItem;
  }
  for (const c of a.captions) {
    parts.push(
      `${labels.figure}：${line(c.text)}${c.credit === null ? '' : `（${line(c.credit)}）`}`,
    );
  }
  return parts.join('\n\n');
}

/**
 * Renders an article view as clean plain text: per article the title lines (headline,
 * subheadlines, bylines, outlets), then blocks separated by blank lines — list items as
 * • / ◦ bullets indented two spaces per level, dialogue as 普京：「…」 — then captions as
 * 圖：…（新華社）. Articles are separated by a `* * *` line.
 */
export function renderText(view: ArticleView): string {
  const labels = labelsFor(view.source.script);
  const articles = view.articles
    .map((a) => article(a, labels, view.source.format))
    .filter((t) => t !== '');
  return articles.length === 0 ? '' : `${articles.join(`\n\n${ARTICLE_BREAK}\n\n`)}\n`;
}
