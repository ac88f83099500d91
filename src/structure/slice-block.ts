import type { LayoutBlock, Segment } from '../layout/types.ts';
import type { Range } from '../tree/types.ts';
import type { TextView } from '../tree/view.ts';
import { viewRangeToSource } from '../tree/view.ts';

/** A stretch of a block's joined text and the source ranges it came from. */
export interface Slice extends Range {
  text: string;
  pieces: Range[];
}

/**
 * Maps `[from, to)` of a block's joined text back to source ranges, one per line it
 * touches, after trimming spaces at both ends. Separators inserted by joins map nowhere.
 */
export function sliceBlock(block: LayoutBlock, from: number, to: number, view: TextView): Slice {
  const text = block.text;
  while (from < to && isSpace(text.charCodeAt(from))) from++;
  while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
  const pieces: Range[] = [];
  for (const seg of block.segments) {
    const segEnd = seg.at + (seg.end - seg.start);
    const a = Math.max(from, seg.at);
    const b = Math.min(to, segEnd);
    if (a >= b) continue;
    pieces.push(viewRangeToSource(view, seg.start + (a - seg.at), seg.start + (b - seg.at)));
  }
  const first = pieces[0];
  const last = pieces[pieces.length - 1];
  const start = first === undefined ? sourceAt(block.segments, from, view) : first.start;
  return {
    text: collapseSpaces(text.slice(from, to)),
    pieces,
    start,
    end: last === undefined ? start : last.end,
  };
}

/** Source offset of a position in the block text (for empty slices). */
function sourceAt(segments: readonly Segment[], at: number, view: TextView): number {
  let seg = segments[0] as Segment;
  for (const s of segments) if (s.at <= at) seg = s;
  const n = Math.min(seg.start + Math.max(0, at - seg.at), seg.end);
  return viewRangeToSource(view, n, n).start;
}

/** Runs of spaces become one: what a reader sees. */
export function collapseSpaces(text: string): string {
  return text.includes('  ') ? text.replace(/ {2,}/g, ' ') : text;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09;
}
