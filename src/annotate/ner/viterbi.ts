import { allowed, allowedFirst, allowedLast, TAG_COUNT } from './tags.ts';

const T = TAG_COUNT;

/**
 * For each tag, the tags that may precede it in a well-formed BIOES sequence (I-PER only
 * after B-PER or I-PER, …): the decoder looks at these and nothing else, which is both the
 * constraint and most of its speed.
 */
const PREDECESSORS: readonly Int32Array[] = Array.from({ length: T }, (_, b) =>
  Int32Array.from(Array.from({ length: T }, (_, a) => a).filter((a) => allowed(a, b))),
);

/** Back pointers and score rows, kept from call to call (decoding allocates nothing). */
let backPointers = new Uint8Array(1024 * T);
const rowA = new Float64Array(T);
const rowB = new Float64Array(T);

/** The weights a decoder needs besides the per-unit scores. */
export interface TransitionWeights {
  transitions: Float32Array;
  start: Float32Array;
  end: Float32Array;
}

/**
 * The best well-formed tag sequence for `n` units given per-unit tag scores
 * (n × TAG_COUNT) and transition weights: first-order Viterbi, written into `tags`.
 */
export function viterbi(
  scores: Float32Array | Float64Array,
  n: number,
  w: TransitionWeights,
  tags: Uint8Array,
): void {
  if (n === 0) return;
  if (backPointers.length < n * T)
    backPointers = new Uint8Array(Math.max(n * T, 2 * backPointers.length));
  const back = backPointers;
  let prev = rowA;
  let cur = rowB;
  const trans = w.transitions;
  for (let t = 0; t < T; t++) {
    prev[t] = allowedFirst(t)
      ? (scores[t] as number) + (w.start[t] as number)
      : Number.NEGATIVE_INFINITY;
  }
  for (let i = 1; i < n; i++) {
    const base = i * T;
    for (let b = 0; b < T; b++) {
      const from = PREDECESSORS[b] as Int32Array;
      let best = Number.NEGATIVE_INFINITY;
      let arg = 0;
      for (let k = 0; k < from.length; k++) {
        const a = from[k] as number;
        const v = (prev[a] as number) + (trans[a * T + b] as number);
        if (v > best) {
          best = v;
          arg = a;
        }
      }
      cur[b] = best + (scores[base + b] as number);
      back[base + b] = arg;
    }
    const swap = prev;
    prev = cur;
    cur = swap;
  }
  let best = Number.NEGATIVE_INFINITY;
  let arg = 0;
  for (let t = 0; t < T; t++) {
    if (!allowedLast(t)) continue;
    const v = (prev[t] as number) + (w.end[t] as number);
    if (v > best) {
      best = v;
      arg = t;
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    tags[i] = arg;
    arg = back[i * T + arg] as number;
  }
}
