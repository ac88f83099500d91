import type { JieduFile } from '../tree/file.ts';
import { detectHardWrap } from './detect-hard-wrap.ts';
import { forgetHeadlineShapes } from './headline-shape.ts';
import { joinBrokenLines } from './join-broken-lines.ts';
import { splitLines } from './split-lines.ts';
import type { LayoutBlock, LayoutRoot } from './types.ts';

export { isFull } from './detect-hard-wrap.ts';
export type { LayoutBlock, LayoutRoot, Line, Segment, Wrap } from './types.ts';

/**
 * Layout: lines → blocks. Splits the normalized view into lines, finds whether the page
 * was hard-wrapped, and rejoins paragraphs broken across lines, columns and pages.
 */
export function layout(file: JieduFile): LayoutRoot {
  const view = file.normalized;
  forgetHeadlineShapes();
  const lines = splitLines(view.text);
  const wrap = detectHardWrap(lines);
  const { blocks, diagnostics } = joinBrokenLines(lines, wrap, view);
  return {
    type: 'layout',
    start: 0,
    end: file.text.length,
    children: blocks,
    wrap,
    blankGap: usualGap(blocks),
    diagnostics,
  };
}

/** The most common number of blank lines between two blocks (ties go to the smaller). */
function usualGap(blocks: readonly LayoutBlock[]): number {
  const counts = new Map<number, number>();
  for (let i = 1; i < blocks.length; i++) {
    const g = (blocks[i] as LayoutBlock).blankBefore;
    counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  let best = 0;
  let top = -1;
  for (const [g, c] of counts) {
    if (c > top || (c === top && g < best)) {
      best = g;
      top = c;
    }
  }
  return best;
}
