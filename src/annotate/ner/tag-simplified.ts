import { extractHashedFeatures, FEATURES_PER_UNIT } from './extract-features.ts';
import { builtInGazetteer, markSpans } from './gazetteer.ts';
import type { NerModel } from './model.ts';
import { TAG_COUNT, type TagSpan, tagsToSpans } from './tags.ts';
import { viterbi } from './viterbi.ts';
import { type ViewWord, wordInfo } from './word-info.ts';

/** Spans a caller's dictionary found in a piece of Simplified text (offsets into it). */
export type GazetteerFn = (simplified: string) => readonly TagSpan[];

/**
 * How much a name in a dictionary (the built-in lists or the caller's lexicon) adds to the
 * score of its own tag at each unit, per type (PER, LOC, ORG): a fixed weight the trainer
 * decodes with too, so the model learns around it. It lets a listed name win over the
 * segmenter's guess, as 普京 over jieba's place tag. Sized against the model's scores (tens
 * to a hundred or two per unit) and chosen by cross-validation on the training folds.
 */
export const HINT_BONUS: readonly number[] = [50, 20, 20];

/**
 * What a name from the caller's dictionary adds on top of HINT_BONUS, whatever its type:
 * the caller named it on purpose (a lexicon of the field, a user dictionary), so it should
 * win where the model alone would split or retype it (星河联盟 as one ORG, not 星河/LOC +
 * 联盟/ORG). Not seen in training; set so a listed name outweighs a confident model.
 */
export const CALLER_BONUS = 60;

/**
 * Adds HINT_BONUS to the tag each name hint stands for, and CALLER_BONUS more where the
 * unit is `fromCaller`.
 */
export function addHintBonus(
  scores: Float32Array | Float64Array,
  hints: Uint8Array,
  n: number,
  fromCaller?: Uint8Array,
) {
  for (let i = 0; i < n; i++) {
    const h = hints[i] as number;
    // Name hints are 1 + 4 * type + position, the same numbering as the tags.
    if (h === 0 || h >= TAG_COUNT) continue;
    const k = i * TAG_COUNT + h;
    const extra = fromCaller !== undefined && fromCaller[i] !== 0 ? CALLER_BONUS : 0;
    scores[k] = (scores[k] as number) + (HINT_BONUS[(h - 1) >> 2] as number) + extra;
  }
}

/** A piece longer than this is cut after a sentence end; one longer than HARD_MAX anywhere. */
const SOFT_MAX = 200;
const HARD_MAX = 1000;

/** Sentence ends a long line may be cut after: 。！？；!?; */
function isSentenceEnd(c: number): boolean {
  return c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff1b || c === 0x21 || c === 0x3f;
}

/** Per-piece arrays, kept from piece to piece and grown when a piece is longer. */
interface Scratch {
  hints: Uint8Array;
  cover: Uint8Array;
  features: Int32Array;
  scores: Float32Array;
  tags: Uint8Array;
}

function newScratch(n: number): Scratch {
  return {
    hints: new Uint8Array(n),
    cover: new Uint8Array(n),
    features: new Int32Array(n * FEATURES_PER_UNIT),
    scores: new Float32Array(n * TAG_COUNT),
    tags: new Uint8Array(n),
  };
}

let scratch = newScratch(1024);

/**
 * Tags one sentence-sized piece of Simplified text: dictionary hints, features, scores,
 * Viterbi. Offsets of the spans are into `text` plus `offset`.
 */
export function tagPiece(
  model: NerModel,
  whole: string,
  from: number,
  to: number,
  words: readonly ViewWord[],
  firstWord: number,
  gazetteer: GazetteerFn | undefined,
  out: TagSpan[] = [],
): TagSpan[] {
  const n = to - from;
  if (n === 0) return out;
  const text = whole.slice(from, to);
  if (scratch.tags.length < n) scratch = newScratch(Math.max(n, 2 * scratch.tags.length));
  const { features, scores } = scratch;
  const hints = scratch.hints.subarray(0, n).fill(0);
  const cover = scratch.cover.subarray(0, n).fill(0);
  const tags = scratch.tags.subarray(0, n);
  // The caller's names first: the built-in lists only fill what they leave.
  let fromCaller: Uint8Array | undefined;
  if (gazetteer !== undefined) {
    markSpans(gazetteer(text), hints, cover);
    fromCaller = cover.slice();
  }
  builtInGazetteer().mark(text, hints, cover);
  const units = extractHashedFeatures(
    text,
    hints,
    wordInfo(whole, from, to, words, firstWord),
    features,
  );
  model.scoreUnits(features, units, n, scores);
  addHintBonus(scores, hints, n, fromCaller);
  viterbi(scores, n, model, tags);
  return tagsToSpans(tags, from, out);
}

/**
 * Tags Simplified text of any length, given its words (offsets into it, in order): line by
 * line, a long line cut after sentence ends, so each piece is decoded on its own as the
 * training sentences were.
 */
export function tagSimplified(
  model: NerModel,
  text: string,
  words: readonly ViewWord[],
  gazetteer: GazetteerFn | undefined,
): TagSpan[] {
  const out: TagSpan[] = [];
  const n = text.length;
  // The first word that may reach into the next piece.
  let w = 0;
  const piece = (from: number, to: number) => {
    while (w < words.length && (words[w] as ViewWord).end <= from) w++;
    tagPiece(model, text, from, to, words, w, gazetteer, out);
  };
  let start = 0;
  while (start < n) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = n;
    // Cut a long line after a sentence end, or anywhere once it grows too long.
    let from = start;
    while (end - from > SOFT_MAX) {
      let cut = -1;
      const limit = Math.min(end, from + HARD_MAX);
      for (let i = from + SOFT_MAX; i < limit; i++) {
        if (isSentenceEnd(text.charCodeAt(i))) {
          cut = i + 1;
          break;
        }
      }
      if (cut < 0) {
        if (limit === end) break;
        cut = limit;
        // Never split a surrogate pair.
        const c = text.charCodeAt(cut - 1);
        if (c >= 0xd800 && c <= 0xdbff) cut--;
      }
      piece(from, cut);
      from = cut;
    }
    piece(from, end);
    start = end + 1;
  }
  return out;
}
