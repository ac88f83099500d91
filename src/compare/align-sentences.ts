import { bigrams, diceOf } from './similarity.ts';
import type { Sentence } from './statement.ts';

/**
 * Aligns the sentences of two statements in order: the pairing that keeps both orders and
 * has the most similarity in all (a weighted longest common subsequence), where only
 * sentences at least SAME_SENTENCE alike may pair. A pair is `same` when the keys are equal
 * (script, spacing and punctuation aside), else `changed`; what is left is `dropped` (only
 * in A) or `added` (only in B).
 */

/** How alike two sentences must be to count as one sentence, edited. */
export const SAME_SENTENCE = 0.5;

export type SentenceStatus = 'same' | 'changed' | 'added' | 'dropped';

/** One row of the alignment: indices into A's and B's sentences. */
export interface SentencePair {
  status: SentenceStatus;
  a: number | null;
  b: number | null;
  similarity: number;
}

/**
 * Candidate pairs through shared bigrams: for each A sentence, the B sentences it shares
 * any bigram with, and how alike they are. Sentences sharing none are never computed.
 */
function candidates(a: readonly Sentence[], b: readonly Sentence[]): Map<number, number>[] {
  const gramsA = a.map((s) => bigrams(s.key));
  const gramsB = b.map((s) => bigrams(s.key));
  const index = new Map<string, number[]>();
  gramsB.forEach((grams, j) => {
    for (const gram of grams.keys()) {
      const list = index.get(gram);
      if (list === undefined) index.set(gram, [j]);
      else list.push(j);
    }
  });
  return gramsA.map((grams) => {
    const seen = new Set<number>();
    for (const gram of grams.keys()) for (const j of index.get(gram) ?? []) seen.add(j);
    const out = new Map<number, number>();
    for (const j of seen) {
      const sim = diceOf(grams, gramsB[j] as Map<string, number>);
      if (sim >= SAME_SENTENCE) out.set(j, sim);
    }
    return out;
  });
}

/** Aligns `a` against `b`; rows in reading order of both. */
export function alignSentences(a: readonly Sentence[], b: readonly Sentence[]): SentencePair[] {
  const n = a.length;
  const m = b.length;
  const sims = candidates(a, b);
  // best[i][j]: the most similarity aligning a[i..] with b[j..]; one row kept per i.
  const width = m + 1;
  const best = new Float64Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    const row = sims[i] as Map<number, number>;
    for (let j = m - 1; j >= 0; j--) {
      let v = Math.max(best[(i + 1) * width + j] as number, best[i * width + j + 1] as number);
      const sim = row.get(j);
      if (sim !== undefined) v = Math.max(v, sim + (best[(i + 1) * width + j + 1] as number));
      best[i * width + j] = v;
    }
  }
  const out: SentencePair[] = [];
  let i = 0;
  let j = 0;
  const eps = 1e-9;
  while (i < n && j < m) {
    const sim = (sims[i] as Map<number, number>).get(j);
    const here = best[i * width + j] as number;
    if (
      sim !== undefined &&
      Math.abs(here - (sim + (best[(i + 1) * width + j + 1] as number))) < eps
    ) {
      const same = (a[i] as Sentence).key === (b[j] as Sentence).key;
      out.push({ status: same ? 'same' : 'changed', a: i, b: j, similarity: sim });
      i++;
      j++;
    } else if (Math.abs(here - (best[(i + 1) * width + j] as number)) < eps) {
      out.push({ status: 'dropped', a: i, b: null, similarity: 0 });
      i++;
    } else {
      out.push({ status: 'added', a: null, b: j, similarity: 0 });
      j++;
    }
  }
  for (; i < n; i++) out.push({ status: 'dropped', a: i, b: null, similarity: 0 });
  for (; j < m; j++) out.push({ status: 'added', a: null, b: j, similarity: 0 });
  return out;
}
