import type { Range } from './types.ts';

/**
 * A derived text (normalized, Simplified, …) with a map back to the decoded text.
 * Unit `i` of `text` came from decoded range `[starts[i], ends[i])`; both arrays have one
 * extra slot at `text.length` holding the end of the source, so empty ranges map too.
 * Lengths need not match the source: one unit may stand for several (CRLF → LF) or
 * several for one range (a phrase that converts to a different length).
 */
export interface TextView {
  text: string;
  starts: Int32Array;
  ends: Int32Array;
}

/** Maps `[start, end)` of a view back to the decoded text. */
export function viewRangeToSource(view: TextView, start: number, end: number): Range {
  const s = view.starts[start] ?? view.starts[view.text.length] ?? 0;
  if (end <= start) return { start: s, end: s };
  const e = view.ends[end - 1] ?? s;
  return { start: s, end: Math.max(s, e) };
}

/** The identity view of a text: every unit maps to itself, both halves of a surrogate
 * pair to the whole pair, so no mapped range splits one. */
export function identityView(text: string): TextView {
  const n = text.length;
  const starts = new Int32Array(n + 1);
  const ends = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        starts[i] = i;
        ends[i] = i + 2;
        starts[i + 1] = i;
        ends[i + 1] = i + 2;
        i++;
        continue;
      }
    }
    starts[i] = i;
    ends[i] = i + 1;
  }
  starts[n] = n;
  ends[n] = n;
  return { text, starts, ends };
}
