import type { Line, Wrap } from './types.ts';

/** Fewest full lines, and smallest share of all text lines, that make a page hard-wrapped. */
const MIN_FULL_LINES = 4;
const MIN_FULL_SHARE = 0.3;
/** Largest share of lines longer than the width that a wrapped page may have (stray headers). */
const MAX_OVER_SHARE = 0.05;
/** Shortest width we believe in: below it, equal lengths are more likely list items. */
const MIN_WIDTH = 8;

/**
 * Finds the width a page was hard-wrapped at (text copied from a PDF or narrow columns):
 * the most common line length, when many lines reach it and almost none pass it.
 * Tries code points first, then display width (wide characters count 2), since wrappers
 * use either. Returns null for a page whose lines end where its paragraphs do.
 */
export function detectHardWrap(lines: readonly Line[]): Wrap | null {
  const text = lines.filter((l) => l.length > 0);
  if (text.length < MIN_FULL_LINES) return null;
  let best: (Wrap & { share: number }) | null = null;
  for (const measure of ['chars', 'display'] as const) {
    const tolerance = measure === 'chars' ? 0 : 1;
    const size = (l: Line) => (measure === 'chars' ? l.length : l.width);
    const counts = new Map<number, number>();
    for (const l of text) {
      const s = size(l);
      if (s >= MIN_WIDTH) counts.set(s, (counts.get(s) ?? 0) + 1);
    }
    // With a tolerance, a full line is `width` or one less: count both into the mode.
    let width = 0;
    let top = 0;
    for (const s of counts.keys()) {
      let c = 0;
      for (let t = 0; t <= tolerance; t++) c += counts.get(s - t) ?? 0;
      if (c > top || (c === top && s > width)) {
        top = c;
        width = s;
      }
    }
    if (width === 0) continue;
    let over = 0;
    for (const l of text) if (size(l) > width) over++;
    const share = top / text.length;
    if (top < MIN_FULL_LINES || share < MIN_FULL_SHARE || over > MAX_OVER_SHARE * text.length) {
      continue;
    }
    if (best === null || share > best.share + 0.05) best = { width, measure, tolerance, share };
  }
  return best === null
    ? null
    : { width: best.width, measure: best.measure, tolerance: best.tolerance };
}

/** True when `line` reaches the wrap width, so the text surely goes on in the next line. */
export function isFull(line: Line, wrap: Wrap | null): boolean {
  if (wrap === null || line.length === 0) return false;
  const size = wrap.measure === 'chars' ? line.length : line.width;
  return size >= wrap.width - wrap.tolerance;
}
