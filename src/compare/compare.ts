import type { PageNode } from '../tree/types.ts';
import { alignQuotes, alignStances, CHANGE_ORDER, type PositionPair } from './align-positions.ts';
import { alignSentences, type SentencePair } from './align-sentences.ts';
import {
  type QuotePosition,
  readStatement,
  type Sentence,
  type StancePosition,
  type Statement,
} from './statement.ts';
import {
  COMPARISON_VERSION,
  type ComparedPosition,
  type ComparedSentence,
  type ComparedStatement,
  type ComparedText,
  type Comparison,
  type PositionSide,
} from './types.ts';

/**
 * Compares two statements (two annotated pages: joint statements of different years, two
 * outlets' versions of one story): their sentences aligned, and their positions (stances:
 * actors, class, target; quotes: speaker, content) each `same`, `added`, `dropped` or
 * `changed` with what changed: `negated`, `class`, `modality` (將/繼續/應 … added or
 * removed) or `target` (widened, narrowed or reworded; a quote's content). This is what
 * `jiedu compare --format json` prints and `/api/compare` answers.
 */

function sentenceText(s: Sentence): ComparedText {
  return { text: s.text, start: s.start, end: s.end };
}

function stanceSide(st: Statement, p: StancePosition): PositionSide {
  return {
    ...sentenceText(st.sentences[p.sentence] as Sentence),
    span: { start: p.start, end: p.end },
    cue: p.cue,
    target: p.target,
    negated: p.negated,
    modality: p.modalityText,
  };
}

function quoteSide(st: Statement, p: QuotePosition): PositionSide {
  return {
    ...sentenceText(st.sentences[p.sentence] as Sentence),
    span: { start: p.start, end: p.end },
    target: p.content,
  };
}

function described(st: Statement): ComparedStatement {
  return {
    label: st.label,
    script: st.script,
    headline: st.headline,
    sentences: st.sentences.length,
    stances: st.stances.length,
    quotes: st.quotes.length,
  };
}

/** The common fields of a compared position from its pair. */
function positionOf<P>(
  pair: PositionPair<P>,
  type: 'stance' | 'quote',
  fields: (p: P) => { actors: string[]; class: string; target: string },
  side: (st: Statement, p: P) => PositionSide,
  a: Statement,
  b: Statement,
): ComparedPosition {
  const own = fields((pair.a ?? pair.b) as P);
  const first = CHANGE_ORDER.find((c) => pair.changes.includes(c));
  return {
    type,
    status: pair.status,
    ...(first === undefined ? {} : { change: first, changes: pair.changes }),
    ...(pair.targetChange === undefined ? {} : { targetChange: pair.targetChange }),
    ...(pair.modalityAdded === undefined ? {} : { modalityAdded: pair.modalityAdded }),
    ...(pair.modalityRemoved === undefined ? {} : { modalityRemoved: pair.modalityRemoved }),
    ...own,
    a: pair.a === null ? null : side(a, pair.a),
    b: pair.b === null ? null : side(b, pair.b),
  };
}

/** Counts of a list by status. */
function tally<S extends string>(statuses: readonly S[], rows: readonly { status: S }[]) {
  const out = Object.fromEntries(statuses.map((s) => [s, 0])) as Record<S, number>;
  for (const r of rows) out[r.status]++;
  return out;
}

const STATUSES = ['same', 'changed', 'added', 'dropped'] as const;

/** Compares two read statements. */
export function compareStatements(a: Statement, b: Statement): Comparison {
  const pairs: SentencePair[] = alignSentences(a.sentences, b.sentences);
  const sentences: ComparedSentence[] = pairs.map((p) => ({
    status: p.status,
    similarity: Math.round(p.similarity * 1000) / 1000,
    a: p.a === null ? null : sentenceText(a.sentences[p.a] as Sentence),
    b: p.b === null ? null : sentenceText(b.sentences[p.b] as Sentence),
  }));
  const stances = alignStances(a.stances, b.stances, pairs).map((pair) =>
    positionOf(
      pair,
      'stance',
      (p) => ({ actors: p.actors, class: p.class, target: p.target }),
      stanceSide,
      a,
      b,
    ),
  );
  const quotes = alignQuotes(a.quotes, b.quotes, pairs).map((pair) =>
    positionOf(
      pair,
      'quote',
      (p) => ({ actors: [p.speaker], class: 'quote', target: p.content }),
      quoteSide,
      a,
      b,
    ),
  );
  // Positions in reading order: by where they sit in A, else where in B.
  const positions = [...stances, ...quotes].sort(
    (x, y) => orderOf(x) - orderOf(y) || (x.type === y.type ? 0 : x.type === 'stance' ? -1 : 1),
  );
  return {
    version: COMPARISON_VERSION,
    a: described(a),
    b: described(b),
    summary: { positions: tally(STATUSES, positions), sentences: tally(STATUSES, sentences) },
    positions,
    sentences,
  };

  /** A sort key: A's offset, or for a position only in B, just after A's sentence paired
   * with B's sentence before it. */
  function orderOf(p: ComparedPosition): number {
    if (p.a !== null) return p.a.span.start;
    const bStart = (p.b as PositionSide).start;
    let last = -1;
    for (const s of sentences) {
      if (s.b !== null && s.b.start > bStart) break;
      if (s.a !== null) last = s.a.end;
    }
    return last + 0.5;
  }
}

/**
 * Compares two annotated pages, named by `labels` in the result. Throws a TypeError naming
 * the page when one was not annotated.
 */
export function compare(a: PageNode, b: PageNode, labels: { a: string; b: string }): Comparison {
  return compareStatements(readStatement(a, labels.a), readStatement(b, labels.b));
}
