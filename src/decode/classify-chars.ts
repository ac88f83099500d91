import { COMMON_CHARS } from './common-chars.ts';

/*
 * Every UTF-16 code unit falls in one class; a decoding is scored by how many characters of
 * each class it produces. The class table is built once (64 KiB) so that scoring is one array
 * lookup per code unit, with no allocation.
 */

/** Low surrogate: its high surrogate was already counted. */
export const CLASS_SKIP = 0;
/** Printable ASCII, tab and line ends. */
export const CLASS_ASCII = 1;
/** C0/C1 control characters and DEL. */
export const CLASS_CONTROL = 2;
/** A character in the common-character table. */
export const CLASS_COMMON = 3;
/** Any other ideograph of the CJK Unified Ideographs block. */
export const CLASS_HAN = 4;
/** CJK and full-width punctuation. */
export const CLASS_PUNCT = 5;
/** Latin letters, symbols, box drawing and the like: neither for nor against. */
export const CLASS_NEUTRAL = 6;
/** Kana, bopomofo, Greek, Cyrillic: valid in Chinese text, but rare in bulk. */
export const CLASS_UNUSUAL = 7;
/** Extension A ideographs and characters beyond the BMP (HKSCS maps many there). */
export const CLASS_RARE = 8;
/** Private use and compatibility ideographs: what a wrong decoding lands on. */
export const CLASS_BAD = 9;
/** U+FFFD: the decoder met an invalid sequence. */
export const CLASS_REPLACEMENT = 10;
/** Any other script (Hangul, Yi, Indic, …): garbage for Chinese news. */
export const CLASS_ODD = 11;

export const CLASS_COUNT = 12;

/** Score of one character of each class. */
export const CLASS_WEIGHTS: Float64Array = Float64Array.from([
  0, // skip
  0.2, // ascii
  -2, // control
  1, // common
  0.1, // han
  0.2, // punct
  0, // neutral
  -0.3, // unusual
  -0.5, // rare
  -2, // bad
  -3, // replacement
  -1, // odd
]);

let classes: Uint8Array | undefined;

function fill(table: Uint8Array, from: number, to: number, cls: number): void {
  table.fill(cls, from, to + 1);
}

function buildClasses(): Uint8Array {
  const table = new Uint8Array(0x10000).fill(CLASS_ODD);
  fill(table, 0x00, 0x1f, CLASS_CONTROL);
  fill(table, 0x20, 0x7e, CLASS_ASCII);
  for (const c of [0x09, 0x0a, 0x0b, 0x0c, 0x0d]) table[c] = CLASS_ASCII;
  fill(table, 0x7f, 0x9f, CLASS_CONTROL);
  fill(table, 0xa0, 0x036f, CLASS_NEUTRAL); // Latin-1, Latin Extended (pinyin), IPA, accents
  fill(table, 0x0370, 0x04ff, CLASS_UNUSUAL); // Greek, Cyrillic
  fill(table, 0x1e00, 0x1eff, CLASS_NEUTRAL); // Latin Extended Additional
  fill(table, 0x2000, 0x2bff, CLASS_NEUTRAL); // punctuation, symbols, arrows, box drawing
  fill(table, 0x2e80, 0x2fdf, CLASS_RARE); // radicals
  fill(table, 0x3000, 0x303f, CLASS_PUNCT);
  fill(table, 0x3040, 0x30ff, CLASS_UNUSUAL); // kana
  fill(table, 0x3100, 0x312f, CLASS_UNUSUAL); // bopomofo
  fill(table, 0x31a0, 0x31bf, CLASS_UNUSUAL);
  fill(table, 0x31c0, 0x31ef, CLASS_RARE); // strokes
  fill(table, 0x3200, 0x33ff, CLASS_NEUTRAL); // enclosed and squared CJK
  fill(table, 0x3400, 0x4dbf, CLASS_RARE); // Extension A
  fill(table, 0x4e00, 0x9fff, CLASS_HAN);
  fill(table, 0xd800, 0xdbff, CLASS_RARE); // beyond the BMP, counted once
  fill(table, 0xdc00, 0xdfff, CLASS_SKIP);
  fill(table, 0xe000, 0xf8ff, CLASS_BAD); // private use
  fill(table, 0xf900, 0xfaff, CLASS_BAD); // compatibility ideographs
  fill(table, 0xfe30, 0xfe6f, CLASS_NEUTRAL); // vertical and small forms
  fill(table, 0xff01, 0xff60, CLASS_PUNCT); // full-width forms
  fill(table, 0xff61, 0xff9f, CLASS_UNUSUAL); // half-width kana
  fill(table, 0xffe0, 0xffe6, CLASS_PUNCT);
  fill(table, 0xfffd, 0xfffd, CLASS_REPLACEMENT);
  fill(table, 0xfffe, 0xffff, CLASS_BAD);
  for (let i = 0; i < COMMON_CHARS.length; i++) table[COMMON_CHARS.charCodeAt(i)] = CLASS_COMMON;
  return table;
}

/** The class of every UTF-16 code unit, built on first use. */
export function classifyChars(): Uint8Array {
  classes ??= buildClasses();
  return classes;
}
