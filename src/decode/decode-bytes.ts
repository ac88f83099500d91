import type { Encoding } from '../tree/types.ts';
import { DecodeError } from './decode-error.ts';
import { decodeStrict } from './decode-strict.ts';
import { detectBom, measureBom } from './detect-bom.ts';
import { detectEncoding, nulError, rankedConfidence } from './detect-encoding.ts';
import { findInvalidOffset } from './find-invalid-offset.ts';
import { findNul } from './find-nul.ts';
import { decodeLenient } from './rank-encodings.ts';
import { isPlausible } from './score-decoding.ts';

/** Decoded text and what is known about how it was encoded. */
export interface Decoded {
  /** The text, BOM removed, line ends untouched. */
  text: string;
  encoding: Encoding;
  /** 0..1: 1 when a BOM or the caller said so or the input is pure ASCII, lower when detected. */
  confidence: number;
  /** Whether the input started with a byte order mark (removed from `text`). */
  bom: boolean;
  /** Bytes of a last character cut short (a truncated UTF-8 file), read as one U+FFFD. */
  cutTail?: number;
  /** Byte sequences that were not text in the encoding, each read as U+FFFD (not with
   * `strict`): how many, and the byte offset of the first. */
  replaced?: { count: number; offset: number };
}

export interface DecodeOptions {
  /** File path, used in error messages. */
  path?: string;
  /** Decode as this encoding instead of detecting one (confidence 1). */
  encoding?: Encoding;
  /**
   * All or nothing: any byte sequence that is not text in the encoding refuses the input.
   * By default a few are read as U+FFFD (a double-byte character cut before "...", a code
   * from another table) and reported in `replaced`; only a share that says the bytes are
   * not text in that encoding at all refuses it.
   */
  strict?: boolean;
}

/** Bad sequences a page may hold and still be read: one character in a hundred (or two,
 * on a short page). More says the encoding is wrong, or the bytes are not text. */
const MAX_BAD_SHARE = 0.01;
const MAX_BAD_ALWAYS = 2;

function isUtf16(encoding: Encoding): boolean {
  return encoding === 'utf-16le' || encoding === 'utf-16be';
}

/** Rejects decoded text holding U+0000: the bytes were binary, whatever they decode to. */
function checkNoNul(
  bytes: Uint8Array,
  text: string,
  encoding: Encoding,
  start: number,
  path: string | undefined,
) {
  const index = text.indexOf('\0');
  if (index < 0) return;
  // In UTF-16 every code unit is two bytes; in the byte encodings U+0000 is the byte 0x00,
  // which is never part of a longer character.
  throw nulError(path, isUtf16(encoding) ? start + 2 * index : findNul(bytes, start));
}

/** Text decoded, and the sequences read as U+FFFD when there were any. */
interface Read {
  text: string;
  replaced?: { count: number; offset: number };
}

/**
 * Decodes all of `bytes` from `start` as `encoding`. Invalid sequences throw, naming the
 * first bad byte, when `strict`; else a few become U+FFFD (see MAX_BAD_SHARE) and are
 * counted, and more throw.
 */
function decodeOrThrow(
  bytes: Uint8Array,
  encoding: Encoding,
  start: number,
  path: string | undefined,
  why: string,
  strict = true,
): Read {
  const text = decodeStrict(bytes, encoding, start);
  if (text !== undefined) {
    checkNoNul(bytes, text, encoding, start, path);
    return { text };
  }
  const offset = Math.max(findInvalidOffset(bytes, encoding, start), start);
  if (strict) throw new DecodeError(path, offset, `invalid ${encoding} byte sequence (${why})`);
  const lenient = decodeLenient(bytes, encoding, start);
  const allowed = Math.max(MAX_BAD_ALWAYS, lenient.text.length * MAX_BAD_SHARE);
  if (lenient.replaced > allowed) {
    throw new DecodeError(
      path,
      offset,
      `invalid ${encoding} byte sequence (${why}); ${lenient.replaced} of ${lenient.text.length} characters cannot be read: not text in this encoding`,
    );
  }
  checkNoNul(bytes, lenient.text, encoding, start, path);
  return { text: lenient.text, replaced: { count: lenient.replaced, offset } };
}

/**
 * Decodes bytes to text. A BOM or `options.encoding` decides the encoding outright; otherwise it
 * is detected (see detectEncoding). Throws DecodeError, naming `options.path` and a byte offset,
 * when the input is binary or not valid text in the chosen or any plausible encoding. Empty
 * input decodes to empty text. Line ends are left as they are.
 */
export function decode(bytes: Uint8Array, options: DecodeOptions = {}): Decoded {
  const { path } = options;
  const strict = options.strict === true;
  if (options.encoding !== undefined) {
    const encoding = options.encoding;
    const start = measureBom(bytes, encoding);
    const read = decodeOrThrow(
      bytes,
      encoding,
      start,
      path,
      'encoding given by the caller',
      strict,
    );
    return { ...read, encoding, confidence: 1, bom: start > 0 };
  }
  if (bytes.length === 0) return { text: '', encoding: 'utf-8', confidence: 1, bom: false };

  const bom = detectBom(bytes);
  if (bom !== undefined) {
    const why = 'encoding given by the BOM';
    const read = decodeOrThrow(bytes, bom.encoding, bom.length, path, why, strict);
    return { ...read, encoding: bom.encoding, confidence: 1, bom: true };
  }

  const detection = detectEncoding(bytes, path);
  if (detection.kind === 'sure') {
    const cut = detection.cutTail ?? 0;
    if (cut > 0) {
      const whole = bytes.subarray(0, bytes.length - cut);
      const text = `${decodeOrThrow(whole, detection.encoding, 0, path, 'detected').text}\ufffd`;
      return {
        text,
        encoding: detection.encoding,
        confidence: detection.confidence,
        bom: false,
        cutTail: cut,
      };
    }
    const read = decodeOrThrow(bytes, detection.encoding, 0, path, 'detected', strict);
    return { ...read, encoding: detection.encoding, confidence: detection.confidence, bom: false };
  }

  const { scores } = detection;
  for (const score of scores) {
    if (!isPlausible(score)) continue;
    const text = decodeStrict(bytes, score.encoding);
    if (text === undefined) continue;
    checkNoNul(bytes, text, score.encoding, 0, path);
    return {
      text,
      encoding: score.encoding,
      confidence: rankedConfidence(score, scores),
      bom: false,
    };
  }

  // Nothing is both plausible and valid: read the best plausible candidate with a few bad
  // sequences replaced, or explain with it.
  const tried = scores.map((score) => score.encoding).join(', ');
  const best = scores.find(isPlausible);
  if (best !== undefined && !strict) {
    const why = `the most likely encoding; tried ${tried}`;
    const read = decodeOrThrow(bytes, best.encoding, 0, path, why, false);
    return {
      ...read,
      encoding: best.encoding,
      confidence: rankedConfidence(best, scores),
      bom: false,
    };
  }
  if (best !== undefined) {
    const offset = Math.max(0, findInvalidOffset(bytes, best.encoding));
    const reason = `invalid ${best.encoding} byte sequence (the most likely encoding; tried ${tried})`;
    throw new DecodeError(path, offset, reason);
  }
  if (detection.binary !== undefined) throw detection.binary;
  const firstHigh = bytes.findIndex((b) => b >= 0x80);
  throw new DecodeError(
    path,
    Math.max(0, firstHigh),
    `does not read as Chinese text in any of ${tried}`,
  );
}
