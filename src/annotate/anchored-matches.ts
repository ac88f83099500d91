/**
 * Where the matches of a pattern can start: a few units before a character every match
 * holds at a known distance from its start (the 年 of 2021年, the 、 of 杨洁篪、王毅等参加).
 */
export interface Anchor {
  /** 1 at the code unit of every character that can be the anchor. */
  units: Uint8Array;
  /** The least and the most units between a match's start and its anchor. */
  nearest: number;
  farthest: number;
}

/** An anchor on any of `chars` (each one code unit). */
export function anchorOn(chars: string, nearest: number, farthest: number): Anchor {
  const units = new Uint8Array(65536);
  for (let i = 0; i < chars.length; i++) units[chars.charCodeAt(i)] = 1;
  return { units, nearest, farthest };
}

/**
 * The matches a global search with `pattern` would find in `text`, left to right and never
 * overlapping, found by trying the sticky `pattern` only from `nearest` to `farthest` units
 * before each anchor character. When every match holds an anchor at such a distance from
 * its start, no other position can start one, so the result is the same; and a pattern
 * that opens with a class of common characters (digits, any Han character) costs a scan
 * for one rare character instead of an attempt at every position of the text.
 */
export function anchoredMatches(text: string, pattern: RegExp, anchor: Anchor): RegExpExecArray[] {
  if (!pattern.sticky) throw new TypeError('anchoredMatches: the pattern must be sticky');
  const { units, nearest, farthest } = anchor;
  const out: RegExpExecArray[] = [];
  // The first position not tried yet and not inside a match found: where a global search
  // would go on from.
  let next = 0;
  for (let a = 0; a < text.length; a++) {
    if (units[text.charCodeAt(a)] !== 1) continue;
    for (let p = Math.max(next, a - farthest); p <= a - nearest; p++) {
      pattern.lastIndex = p;
      const m = pattern.exec(text);
      if (m === null) continue;
      out.push(m);
      next = p + m[0].length;
      p = next - 1;
    }
    next = Math.max(next, a - nearest + 1);
  }
  return out;
}

/** A sticky pattern whose every match opens with one of a known set of code units. */
export interface Opened {
  pattern: RegExp;
  /** 1 at every code unit a match can open with. */
  first: Uint8Array;
}

/** `pattern` (sticky) whose matches each open with the first unit of one of `words`. */
export function openedBy(pattern: RegExp, words: readonly string[]): Opened {
  if (!pattern.sticky) throw new TypeError('openedBy: the pattern must be sticky');
  const first = new Uint8Array(65536);
  for (const w of words) first[w.charCodeAt(0)] = 1;
  return { pattern, first };
}

/**
 * The first match starting in `[from, to)`, the one a global search from `from` finds
 * (leftmost, then first in the pattern), without reading on past `to` to the next match
 * of the whole text: a search per line or clause that ran on to the next match anywhere
 * made a long article cost its lines times its length.
 */
export function firstMatchIn(
  text: string,
  from: number,
  to: number,
  { pattern, first }: Opened,
): RegExpExecArray | null {
  for (let i = from; i < to; i++) {
    if (first[text.charCodeAt(i)] !== 1) continue;
    pattern.lastIndex = i;
    const m = pattern.exec(text);
    if (m !== null) return m;
  }
  return null;
}
