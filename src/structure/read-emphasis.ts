import type { LayoutBlock } from '../layout/types.ts';
import type { Emphasis } from '../tree/types.ts';
import type { TextView } from '../tree/view.ts';
import { collapseSpaces, sliceBlock } from './slice-block.ts';

/**
 * Reads `**…**` emphasis in `[from, to)` of a block: the visible text without the markers,
 * and each emphasized stretch with its source range. An unpaired `**` stays as written.
 */
export function readEmphasis(
  block: LayoutBlock,
  from: number,
  to: number,
  view: TextView,
): { text: string; emphasis: Emphasis[] } {
  const raw = block.text.slice(from, to);
  if (!raw.includes('**')) return { text: collapseSpaces(raw.trim()), emphasis: [] };
  const emphasis: Emphasis[] = [];
  let text = '';
  let i = 0;
  while (i < raw.length) {
    const open = raw.indexOf('**', i);
    const close = open === -1 ? -1 : raw.indexOf('**', open + 2);
    if (open === -1 || close === -1 || close === open + 2) {
      text += raw.slice(i);
      break;
    }
    text += raw.slice(i, open);
    const inner = raw.slice(open + 2, close);
    const slice = sliceBlock(block, from + open + 2, from + close, view);
    emphasis.push({ type: 'emphasis', start: slice.start, end: slice.end, text: slice.text });
    text += inner;
    i = close + 2;
  }
  return { text: collapseSpaces(text.trim()), emphasis };
}
