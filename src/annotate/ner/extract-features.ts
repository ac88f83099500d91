import { characterFlags, ORG_SUFFIX, PLACE_SUFFIX, SURNAME } from './gazetteer.ts';
import type { WordInfo } from './word-info.ts';

/**
 * Character features of the tagger, hashed to 32-bit integers without building strings:
 * each feature is a template number mixed with the character codes (or classes, flags and
 * dictionary hints) it looks at. The trainer and the runtime call the same function, so a
 * feature means the same in both; FEATURE_VERSION names the set, and a model trained on
 * another set is refused.
 */

/** Changes whenever a template is added, removed or changed. */
export const FEATURE_VERSION = 6;

/** Features per unit, always the same number (a missing context is a padding code). */
export const FEATURES_PER_UNIT = 32;

/** Character classes. */
const HAN = 1;
const DIGIT = 2;
const NUMERAL = 3;
const LATIN = 4;
const PUNCT = 5;
const SPACE = 6;
const OTHER = 7;
const PAD = 8;

/** Codes standing for the units before the start and after the end. */
export const BEFORE_1 = 0x110001;
export const BEFORE_2 = 0x110002;
export const AFTER_1 = 0x110003;
export const AFTER_2 = 0x110004;

/** Chinese numerals and the characters that count with them. */
const NUMERALS = '零〇一二三四五六七八九十百千万亿两廿卅';

let classes: Uint8Array | null = null;

/** The class of every BMP unit. */
function classTable(): Uint8Array {
  if (classes !== null) return classes;
  const t = new Uint8Array(0x10000).fill(OTHER);
  for (let c = 0x3400; c <= 0x9fff; c++) t[c] = HAN;
  for (let c = 0xf900; c <= 0xfaff; c++) t[c] = HAN;
  for (let c = 0x30; c <= 0x39; c++) t[c] = DIGIT;
  for (let c = 0x41; c <= 0x5a; c++) t[c] = LATIN;
  for (let c = 0x61; c <= 0x7a; c++) t[c] = LATIN;
  for (let c = 0x21; c <= 0x2f; c++) t[c] = PUNCT;
  for (let c = 0x3a; c <= 0x40; c++) t[c] = PUNCT;
  for (let c = 0x5b; c <= 0x60; c++) t[c] = PUNCT;
  for (let c = 0x7b; c <= 0x7e; c++) t[c] = PUNCT;
  for (let c = 0x2010; c <= 0x206f; c++) t[c] = PUNCT;
  for (let c = 0x3001; c <= 0x303f; c++) t[c] = PUNCT;
  for (let c = 0xfe30; c <= 0xfe4f; c++) t[c] = PUNCT;
  t[0x3007] = NUMERAL;
  for (let i = 0; i < NUMERALS.length; i++) t[NUMERALS.charCodeAt(i)] = NUMERAL;
  for (const c of [0x09, 0x0a, 0x0d, 0x20, 0xa0, 0x3000]) t[c] = SPACE;
  // Full-width forms are folded to ASCII before classing (see foldUnit).
  classes = t;
  return t;
}

/** Full-width ASCII → ASCII, and Latin capitals → small, so ＡＢＣ, ABC and abc look alike. */
function foldUnit(c: number): number {
  if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
  if (c >= 0x41 && c <= 0x5a) c += 0x20;
  return c;
}

/**
 * One step of an FxHash-style combine: rotate, xor the value in, multiply. Cheap (one
 * multiplication a value); `finish` then spreads the bits, so the keys use all 32 of them.
 */
function mix(h: number, v: number): number {
  return Math.imul(((h << 5) | (h >>> 27)) ^ v, 0x27d4eb2d);
}

/** MurmurHash3's finaliser; 0 is kept free to mark empty slots of the model's table. */
function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h === 0 ? 1 : h;
}

export function f1(t: number, a: number): number {
  return finish(mix(mix(0x9747b28c, t), a));
}
export function f2(t: number, a: number, b: number): number {
  return finish(mix(mix(mix(0x9747b28c, t), a), b));
}
export function f3(t: number, a: number, b: number, c: number): number {
  return finish(mix(mix(mix(mix(0x9747b28c, t), a), b), c));
}

/** The padded per-unit arrays extractFeatures works in, kept from call to call. */
export interface Padded {
  c: Int32Array;
  k: Uint8Array;
  g: Uint8Array;
  fl: Uint8Array;
}

function newPadded(size: number): Padded {
  return {
    c: new Int32Array(size),
    k: new Uint8Array(size),
    g: new Uint8Array(size),
    fl: new Uint8Array(size),
  };
}

let padded = newPadded(1024);

/**
 * The units of `text` with two units of padding on each side (c[i + 2] is unit i): folded
 * codes, classes, dictionary hints and flags. The arrays are shared and overwritten by the
 * next call.
 */
export function padUnits(text: string, hints: Uint8Array): Padded {
  const n = text.length;
  const cls = classTable();
  const flags = characterFlags();
  // Units with two units of padding on each side: c[i + 2] is unit i.
  if (padded.c.length < n + 4) padded = newPadded(Math.max(n + 4, 2 * padded.c.length));
  const { c, k, g, fl } = padded;
  c[0] = BEFORE_2;
  c[1] = BEFORE_1;
  c[n + 2] = AFTER_1;
  c[n + 3] = AFTER_2;
  k[0] = k[1] = k[n + 2] = k[n + 3] = PAD;
  // The arrays are reused: the padding of hints and flags must be cleared too.
  g[0] = g[1] = g[n + 2] = g[n + 3] = 0;
  fl[0] = fl[1] = fl[n + 2] = fl[n + 3] = 0;
  for (let i = 0; i < n; i++) {
    const u = foldUnit(text.charCodeAt(i));
    c[i + 2] = u;
    k[i + 2] = cls[u] as number;
    g[i + 2] = hints[i] as number;
    fl[i + 2] = flags[u] as number;
  }
  return padded;
}

/**
 * Fills `out` (n × FEATURES_PER_UNIT) with the features of every unit of `text`, the
 * Simplified form of a sentence or line. `hints` holds one dictionary code per unit (0 for
 * none; see gazetteer.ts); `words` what the segmenter says of each unit.
 */
export function extractFeatures(
  text: string,
  hints: Uint8Array,
  words: WordInfo,
  out: Int32Array,
): void {
  const n = text.length;
  const units = padUnits(text, hints);
  const { c, k, g, fl } = units;
  let o = 0;
  for (let i = 0; i < n; i++) {
    const p = i + 2;
    const c0 = c[p] as number;
    const kp1 = k[p + 1] as number;
    out[o++] = f1(0, 0); // bias
    out[o++] = f1(1, c[p - 2] as number);
    out[o++] = f1(2, c[p - 1] as number);
    out[o++] = f1(3, c0);
    out[o++] = f1(4, c[p + 1] as number);
    out[o++] = f1(5, c[p + 2] as number);
    out[o++] = f1(
      14,
      (k[p - 2] as number) |
        ((k[p - 1] as number) << 4) |
        ((k[p] as number) << 8) |
        (kp1 << 12) |
        ((k[p + 2] as number) << 16),
    );
    // Surname and suffix flags of the unit and its neighbours.
    out[o++] = f1(
      15,
      (fl[p - 1] as number) | ((fl[p] as number) << 3) | ((fl[p + 1] as number) << 6),
    );
    out[o++] = f2(16, fl[p] as number, c0);
    out[o++] = f1(
      17,
      ((fl[p + 1] as number) & (PLACE_SUFFIX | ORG_SUFFIX)) |
        ((fl[p + 2] as number) << 3) |
        (((fl[p] as number) & SURNAME) << 6),
    );
    // Dictionary hints: the unit's own, its neighbours', and with the unit itself.
    const g0 = g[p] as number;
    out[o++] = f1(18, g0);
    out[o++] = f1(20, (g[p - 1] as number) | (g0 << 5) | ((g[p + 1] as number) << 10));
    out[o++] = f2(21, g0, kp1);
    o = hashedOfUnit(units, words, i, out, o);
  }
}

/**
 * What the runtime looks up in the model's hash table for each unit: the templates whose
 * values are too many to tabulate (character bigrams and trigrams, hints or word facts with
 * the character, the segmenter's words), 19 of the 32. The others (the bias, each
 * character at its five offsets, the class and flag windows, the hints alone) are read from
 * tables the model builds at load by enumerating their values (NerModel.scoreUnits), with
 * the same weights, so the scores are those of `extractFeatures` to the last bit.
 */
export const HASHED_PER_UNIT = 19;

/** Fills `out` (n × HASHED_PER_UNIT) with the hashed templates' features of every unit of
 * `text`, as `extractFeatures` computes them; returns the padded units the tables read. */
export function extractHashedFeatures(
  text: string,
  hints: Uint8Array,
  words: WordInfo,
  out: Int32Array,
): Padded {
  const n = text.length;
  const units = padUnits(text, hints);
  let o = 0;
  for (let i = 0; i < n; i++) o = hashedOfUnit(units, words, i, out, o);
  return units;
}

/**
 * Writes the 19 hashed templates' features of unit `i` into `out` from `o` (character
 * bigrams and trigrams, hints with the character, the segmenter's words); returns where the
 * next unit's start.
 */
function hashedOfUnit(
  units: Padded,
  words: WordInfo,
  i: number,
  out: Int32Array,
  o: number,
): number {
  const { c, g } = units;
  const p = i + 2;
  const cm2 = c[p - 2] as number;
  const cm1 = c[p - 1] as number;
  const c0 = c[p] as number;
  const cp1 = c[p + 1] as number;
  const cp2 = c[p + 2] as number;
  out[o++] = f2(6, cm2, cm1);
  out[o++] = f2(7, cm1, c0);
  out[o++] = f2(8, c0, cp1);
  out[o++] = f2(9, cp1, cp2);
  out[o++] = f2(10, cm1, cp1);
  out[o++] = f3(11, cm1, c0, cp1);
  out[o++] = f3(12, cm2, cm1, c0);
  out[o++] = f3(13, c0, cp1, cp2);
  out[o++] = f2(19, g[p] as number, c0);
  out[o++] = f2(22, g[p - 1] as number, c0);
  out[o++] = f2(23, g[p + 1] as number, c0);
  // The segmenter's words: part of speech and position, the word, its neighbours.
  const wt = words.tag[i] as number;
  const wp = words.pos[i] as number;
  out[o++] = f2(24, wt, wp);
  out[o++] = f3(25, wt, wp, c0);
  out[o++] = f3(26, words.prevTag[i] as number, wt, words.nextTag[i] as number);
  out[o++] = f2(27, words.word[i] as number, wp);
  out[o++] = f3(28, words.prevTag[i] as number, wt, wp);
  out[o++] = f3(29, wt, words.length[i] as number, wp);
  out[o++] = f2(30, words.prevWord[i] as number, wp);
  out[o++] = f2(31, words.nextWord[i] as number, wp);
  return o;
}
