import type { LayoutRoot } from '../layout/types.ts';
import type { JieduFile } from '../tree/file.ts';
import type { Diagnostic, PageNode } from '../tree/types.ts';
import { attachCredits } from './attach-credits.ts';
import { classifyBlocks } from './classify-blocks.ts';
import { mendBylines } from './mend-bylines.ts';
import { numberListLevels } from './number-list-levels.ts';
import { splitArticles } from './split-articles.ts';

/**
 * Structure: blocks → Page{articles}. Reads each block's role (caption, byline, source,
 * dialogue, list item, title, paragraph), settles them in context (credits after captions,
 * bylines cut by a wrap), then splits the page into articles and titles into headlines,
 * subheadlines and section headings.
 */
export function structure(root: LayoutRoot, file: JieduFile): PageNode {
  const view = file.normalized;
  const passes = [attachCredits, mendBylines];
  let items = classifyBlocks(root.children, view);
  for (const pass of passes) items = pass(items);
  const { articles, diagnostics } = splitArticles(items, root.blankGap, view);
  numberListLevels(items, articles);
  const all: Diagnostic[] = [...file.messages, ...root.diagnostics, ...diagnostics];
  all.sort((a, b) => a.start - b.start || a.end - b.end);
  return {
    type: 'page',
    start: 0,
    end: file.text.length,
    text: file.text,
    source: file.source,
    children: articles,
    diagnostics: all,
  };
}
