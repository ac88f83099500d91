import type { SentencePair } from './align-sentences.ts';
import { similarity } from './similarity.ts';
import type { QuotePosition, StancePosition } from './statement.ts';
import type { ChangeKind, TargetChange } from './types.ts';

/**
 * Aligns the positions of two statements. A stance of A and one of B are the same position
 * when the same actors take it in sentences the alignment paired (or, for a sentence moved,
 * with the same class and target anywhere), and the class, the cue or the target tie them;
 * among several, the most alike pair first. A quote pairs with a quote of the same speaker
 * whose content is alike. A pair is `same`, or `changed` with what changed; what is left is
 * `dropped` (A only) or `added` (B only).
 */

/** What can change in a position, in the order the primary change is picked. */
export const CHANGE_ORDER: readonly ChangeKind[] = ['negated', 'class', 'modality', 'target'];

export interface PositionPair<P> {
  a: P | null;
  b: P | null;
  status: 'same' | 'changed' | 'added' | 'dropped';
  changes: ChangeKind[];
  /** When the target (a quote's content) changed: how. */
  targetChange?: TargetChange;
  /** Modal words only in A (removed) and only in B (added). */
  modalityRemoved?: string[];
  modalityAdded?: string[];
}

/** How alike two targets must be to tie two stances whose class differs. */
const SAME_TARGET = 0.5;
/** How alike two quotes' contents must be to be one quote. */
const SAME_CONTENT = 0.4;

/** Words of negation a quote's content may gain or lose (Simplified). */
const NEGATION = /不|没有|没|未|非|无|别|勿|莫/g;
/** Modal and aspect words a quote's content may gain or lose (Simplified). */
const MODAL = /将继续|将|继续|应当|应该|应|愿意|愿|必须|要|会|可以|能够|坚决|始终/g;

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/** Which sentence of B each sentence of A was paired with. */
function pairedSentences(pairs: readonly SentencePair[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const p of pairs) if (p.a !== null && p.b !== null) out.set(p.a, p.b);
  return out;
}

/** How B's target relates to A's: one holds the other, or it was reworded. */
function targetChangeOf(a: string, b: string): TargetChange {
  if (b.includes(a)) return 'widened';
  if (a.includes(b)) return 'narrowed';
  return 'reworded';
}

interface Candidate {
  i: number;
  j: number;
  score: number;
}

/** Pairs candidates greedily, the best first; each position at most once. */
function pickPairs(candidates: Candidate[], n: number, m: number): Map<number, number> {
  candidates.sort((x, y) => y.score - x.score || x.i - y.i || x.j - y.j);
  const usedA = new Array<boolean>(n).fill(false);
  const usedB = new Array<boolean>(m).fill(false);
  const out = new Map<number, number>();
  for (const c of candidates) {
    if (usedA[c.i] || usedB[c.j]) continue;
    usedA[c.i] = true;
    usedB[c.j] = true;
    out.set(c.i, c.j);
  }
  return out;
}

/** Orders pairs by where they sit: A's order, B's own positions after the A one before. */
function inOrder<P extends { start: number }>(
  a: readonly P[],
  b: readonly P[],
  matched: Map<number, number>,
  classify: (x: P, y: P) => PositionPair<P>,
): PositionPair<P>[] {
  const out: PositionPair<P>[] = [];
  const ofB = new Map<number, number>();
  for (const [i, j] of matched) ofB.set(j, i);
  let j = 0;
  const flushB = (upTo: number) => {
    for (; j < upTo; j++) {
      if (!ofB.has(j)) out.push({ a: null, b: b[j] as P, status: 'added', changes: [] });
    }
  };
  a.forEach((x, i) => {
    const k = matched.get(i);
    if (k === undefined) {
      out.push({ a: x, b: null, status: 'dropped', changes: [] });
      return;
    }
    flushB(k);
    out.push(classify(x, b[k] as P));
    if (j === k) j++;
  });
  flushB(b.length);
  return out;
}

/** Aligns stances. */
export function alignStances(
  a: readonly StancePosition[],
  b: readonly StancePosition[],
  sentences: readonly SentencePair[],
): PositionPair<StancePosition>[] {
  const paired = pairedSentences(sentences);
  const candidates: Candidate[] = [];
  a.forEach((x, i) => {
    b.forEach((y, j) => {
      if (!sameSet(x.actorIds, y.actorIds)) return;
      const targetSim = similarity(x.targetKey, y.targetKey);
      const inPair = paired.get(x.sentence) === y.sentence;
      const sameClass = x.class === y.class;
      const tied = sameClass || x.cueKey === y.cueKey || targetSim >= SAME_TARGET;
      // A sentence moved elsewhere keeps its stance when class and target are the same.
      const moved = sameClass && x.targetKey === y.targetKey && x.negated === y.negated;
      if (!(inPair && tied) && !moved) return;
      const score =
        (inPair ? 4 : 0) +
        3 * targetSim +
        (sameClass ? 2 : 0) +
        (x.cueKey === y.cueKey ? 1 : 0) +
        (x.negated === y.negated ? 0.5 : 0);
      candidates.push({ i, j, score });
    });
  });
  const matched = pickPairs(candidates, a.length, b.length);
  return inOrder(a, b, matched, (x, y) => {
    const changes: ChangeKind[] = [];
    if (x.negated !== y.negated) changes.push('negated');
    if (x.class !== y.class) changes.push('class');
    // Compared in Simplified, given as each page writes them.
    const removed = x.modalityText.filter((_, k) => !y.modality.includes(x.modality[k] as string));
    const added = y.modalityText.filter((_, k) => !x.modality.includes(y.modality[k] as string));
    if (removed.length > 0 || added.length > 0) changes.push('modality');
    if (x.targetKey !== y.targetKey) changes.push('target');
    return {
      a: x,
      b: y,
      status: changes.length === 0 ? 'same' : 'changed',
      changes,
      ...(x.targetKey !== y.targetKey
        ? { targetChange: targetChangeOf(x.targetKey, y.targetKey) }
        : {}),
      ...(removed.length > 0 || added.length > 0
        ? { modalityRemoved: removed, modalityAdded: added }
        : {}),
    };
  });
}

/** The words of `pattern` in a text, each once, sorted. */
function wordsOf(text: string, pattern: RegExp): string[] {
  return [...new Set(text.match(pattern) ?? [])].sort();
}

/** Aligns quotes. */
export function alignQuotes(
  a: readonly QuotePosition[],
  b: readonly QuotePosition[],
  sentences: readonly SentencePair[],
): PositionPair<QuotePosition>[] {
  const paired = pairedSentences(sentences);
  const candidates: Candidate[] = [];
  a.forEach((x, i) => {
    b.forEach((y, j) => {
      if (x.speakerId !== y.speakerId) return;
      const sim = similarity(x.contentKey, y.contentKey);
      const inPair = paired.get(x.sentence) === y.sentence;
      const holds = x.contentKey.includes(y.contentKey) || y.contentKey.includes(x.contentKey);
      if (sim < SAME_CONTENT && !holds) return;
      candidates.push({ i, j, score: 3 * sim + (inPair ? 1 : 0) + (x.kind === y.kind ? 0.5 : 0) });
    });
  });
  const matched = pickPairs(candidates, a.length, b.length);
  return inOrder(a, b, matched, (x, y) => {
    const changes: ChangeKind[] = [];
    if (x.contentKey === y.contentKey) return { a: x, b: y, status: 'same', changes };
    const negA = x.contentKey.match(NEGATION) ?? [];
    const negB = y.contentKey.match(NEGATION) ?? [];
    if (negA.length !== negB.length || !sameSet(negA, negB)) changes.push('negated');
    const modalA = wordsOf(x.contentKey, MODAL);
    const modalB = wordsOf(y.contentKey, MODAL);
    const removed = modalA.filter((w) => !modalB.includes(w));
    const added = modalB.filter((w) => !modalA.includes(w));
    if (removed.length > 0 || added.length > 0) changes.push('modality');
    // What is said apart from negation and modality.
    const bare = (key: string) => key.replace(NEGATION, '').replace(MODAL, '');
    if (changes.length === 0 || bare(x.contentKey) !== bare(y.contentKey)) changes.push('target');
    return {
      a: x,
      b: y,
      status: 'changed',
      changes,
      targetChange: targetChangeOf(x.contentKey, y.contentKey),
      ...(removed.length > 0 || added.length > 0
        ? { modalityRemoved: removed, modalityAdded: added }
        : {}),
    };
  });
}
