import { REPORTER_TAIL } from '../text/patterns.ts';
import type { BylineNode } from '../tree/types.ts';
import type { Item } from './classify-blocks.ts';

/**
 * A wrap that breaks lines at spaces can cut a reporter line in two (●香港文匯報記者 葛沖 /
 * 北京報道): the tail line right below it goes back onto the byline.
 */
export function mendBylines(items: readonly Item[]): Item[] {
  const out: Item[] = [];
  for (const item of items) {
    const prev = out[out.length - 1];
    const byline = prev?.nodes[0];
    if (
      prev?.role === 'reporter' &&
      byline?.type === 'byline' &&
      item.block.blankBefore === 0 &&
      (item.role === 'title' || item.role === 'paragraph') &&
      REPORTER_TAIL.test(item.block.text)
    ) {
      const tail = item.nodes[0] as { pieces: BylineNode['pieces']; end: number; text: string };
      const merged: BylineNode = {
        ...byline,
        text: `${byline.text} ${tail.text}`,
        pieces: [...byline.pieces, ...tail.pieces],
        end: tail.end,
      };
      out[out.length - 1] = { ...prev, nodes: [merged, ...prev.nodes.slice(1)] };
      continue;
    }
    out.push(item);
  }
  return out;
}
