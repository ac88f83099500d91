import type { ArticleNode } from '../tree/types.ts';
import type { Item } from './classify-blocks.ts';

/**
 * Gives list items their nesting level from their indent: the least indented items of
 * the page are level 1, the next indent level 2, and so on.
 */
export function numberListLevels(items: readonly Item[], articles: ArticleNode[]): void {
  const indents = [
    ...new Set(items.filter((i) => i.role === 'list-item').map((i) => i.block.indent)),
  ];
  if (indents.length < 2) return;
  indents.sort((a, b) => a - b);
  const levelOf = new Map<number, number>();
  for (const item of items) {
    if (item.role !== 'list-item') continue;
    const node = item.nodes[0];
    if (node !== undefined) levelOf.set(node.start, indents.indexOf(item.block.indent) + 1);
  }
  for (const article of articles) {
    for (const node of article.children) {
      if (node.type === 'list-item') node.level = levelOf.get(node.start) ?? 1;
    }
  }
}
