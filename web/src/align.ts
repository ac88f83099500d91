/**
 * Where each character of a shown text came from in the decoded text. The article view
 * gives a block's text with its line breaks repaired (two lines joined, `**` and `- `
 * markers removed) and the range it was read from; annotations point into the decoded text.
 * Aligning the two lets every mark land on the right characters of the clean text.
 */

/** How far the aligner looks past characters the shown text dropped (markers, a speaker). */
const MAX_SKIPPED = 8;

function isSpace(code: number): boolean {
  // ASCII whitespace, the ideographic space and the no-break space: what joins remove.
  return code <= 0x20 || code === 0x3000 || code === 0xa0;
}

/**
 * Where `shown` starts in `source[from, to)`: at its first few characters if they occur
 * there (a dialogue's text starts after the speaker; a list item's after its marker),
 * else at `from`.
 */
function locate(shown: string, source: string, from: number, to: number): number {
  for (const length of [6, 3, 1]) {
    const probe = shown.slice(0, length);
    if (probe.length < length && length > 1) continue;
    const found = source.indexOf(probe, from);
    if (found >= 0 && found < to) return found;
  }
  return from;
}

/**
 * For each UTF-16 unit of `shown`, its offset in `source`, looking in `[from, to)`; -1 for a
 * unit the source does not have there (a space the join added). Whitespace and at most a
 * few other characters of the source may be passed over between two shown characters.
 */
export function alignText(shown: string, source: string, from: number, to: number): number[] {
  const offsets = new Array<number>(shown.length).fill(-1);
  let at = locate(shown, source, from, to);
  for (let i = 0; i < shown.length; i++) {
    const unit = shown.charCodeAt(i);
    let k = at;
    let skipped = 0;
    while (k < to && source.charCodeAt(k) !== unit) {
      if (!isSpace(source.charCodeAt(k))) skipped++;
      if (skipped > MAX_SKIPPED) break;
      k++;
    }
    if (k < to && source.charCodeAt(k) === unit) {
      offsets[i] = k;
      at = k + 1;
    }
  }
  return offsets;
}

/** The identity alignment of `source[from, to)`, for the original-layout view. */
export function identity(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
}
