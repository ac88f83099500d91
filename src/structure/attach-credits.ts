import { isCredit } from '../text/captions.ts';
import type { BlockNode } from '../tree/types.ts';
import type { Item } from './classify-blocks.ts';

/**
 * A lone short line right after a caption that names a photo source (新華社, 網上圖片) is
 * the caption's credit, not a title or a paragraph.
 */
export function attachCredits(items: readonly Item[]): Item[] {
  const out: Item[] = [];
  for (const item of items) {
    const prev = out[out.length - 1];
    const node = item.nodes[0] as BlockNode;
    if (
      prev?.role === 'caption' &&
      !prev.nodes.some((n) => n.type === 'credit') &&
      (item.role === 'title' || item.role === 'paragraph') &&
      isCredit(item.block.text)
    ) {
      out.push({
        ...item,
        role: 'credit',
        nodes: [{ ...node, type: 'credit', text: item.block.text }],
      });
      continue;
    }
    out.push(item);
  }
  return out;
}
