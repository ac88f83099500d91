/**
 * The tag set of the character tagger: BIOES over PER, LOC and ORG. Tag 0 is O; a type's
 * tags follow as B, I, E, S, so `1 + 4 * type + position`.
 */

/** The entity types the tagger knows, in tag order. GPE is folded into LOC. */
export const NER_TYPES = ['PER', 'LOC', 'ORG'] as const;

export type NerType = (typeof NER_TYPES)[number];

/** Position of a unit in its span: Begin, Inside, End, Single. */
export const B = 0;
export const I = 1;
export const E = 2;
export const S = 3;

/** How many tags there are: O plus four per type. */
export const TAG_COUNT = 1 + 4 * NER_TYPES.length;

/** The tag for `type` at `position` (B, I, E or S). */
export function tagOf(type: number, position: number): number {
  return 1 + 4 * type + position;
}

/** The names of the tags, in order: O, B-PER, I-PER, E-PER, S-PER, B-LOC, … */
export const TAG_NAMES: readonly string[] = [
  'O',
  ...NER_TYPES.flatMap((t) => ['B', 'I', 'E', 'S'].map((p) => `${p}-${t}`)),
];

/**
 * Whether tag `b` may follow tag `a` in a well-formed BIOES sequence: after B or I comes
 * I or E of the same type; after O, E or S comes O, B or S.
 */
export function allowed(a: number, b: number): boolean {
  const aOpen = a !== 0 && ((a - 1) & 3) <= I;
  const bInside = b !== 0 && ((b - 1) & 3) !== B && ((b - 1) & 3) !== S;
  if (aOpen) return bInside && (a - 1) >> 2 === (b - 1) >> 2;
  return !bInside;
}

/** Whether a sequence may start with tag `t` (not I or E). */
export function allowedFirst(t: number): boolean {
  return t === 0 || ((t - 1) & 3) === B || ((t - 1) & 3) === S;
}

/** Whether a sequence may end with tag `t` (not B or I). */
export function allowedLast(t: number): boolean {
  return t === 0 || ((t - 1) & 3) === E || ((t - 1) & 3) === S;
}

/** A typed span over units `[start, end)` of the tagged string. */
export interface TagSpan {
  start: number;
  end: number;
  type: NerType;
}

/** Writes the BIOES tags of `spans` (sorted, not overlapping) over `n` units. */
export function spansToTags(spans: readonly TagSpan[], n: number): Uint8Array {
  const tags = new Uint8Array(n);
  for (const s of spans) {
    const type = NER_TYPES.indexOf(s.type);
    if (s.end <= s.start || s.start < 0 || s.end > n) continue;
    if (s.end - s.start === 1) {
      tags[s.start] = tagOf(type, S);
      continue;
    }
    tags[s.start] = tagOf(type, B);
    for (let i = s.start + 1; i < s.end - 1; i++) tags[i] = tagOf(type, I);
    tags[s.end - 1] = tagOf(type, E);
  }
  return tags;
}

/** Reads spans back from a well-formed BIOES sequence (Viterbi only produces those). */
export function tagsToSpans(tags: Uint8Array, offset = 0, out: TagSpan[] = []): TagSpan[] {
  let start = -1;
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i] as number;
    if (t === 0) {
      start = -1;
      continue;
    }
    const position = (t - 1) & 3;
    const type = NER_TYPES[(t - 1) >> 2] as NerType;
    if (position === S) out.push({ start: offset + i, end: offset + i + 1, type });
    else if (position === B) start = i;
    else if (position === E && start >= 0) {
      out.push({ start: offset + start, end: offset + i + 1, type });
      start = -1;
    }
  }
  return out;
}
