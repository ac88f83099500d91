import type { Encoding } from '../tree/types.ts';
import { DecodeError } from './decode-error.ts';
import { decodeStrict } from './decode-strict.ts';
import { detectBom, measureBom } from './detect-bom.ts';
import { detectEncoding, nulError, rankedConfidence } from './detect-encoding.ts';
import { findInvalidOffset } from './find-invalid-offset.ts';
import { findNul } from './find-nul.ts';
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
}

export interface DecodeOptions {
  /** File path, used in error messages. */
  path?: string;
  /** Decode as this encoding instead of detecting one (confidence 1). */
  encoding?: Encoding;
}

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

/** Decodes all of `bytes` from `start` as `encoding`, or throws naming the first bad byte. */
function decodeOrThrow(
  bytes: Uint8Array,
  encoding: Encoding,
  start: number,
  path: string | undefined,
  why: string,
): string {
  const text = decodeStrict(bytes, encoding, start);
  if (text === undefined) {
    const offset = findInvalidOffset(bytes, encoding, start);
    throw new DecodeError(
      path,
      Math.max(offset, start),
      `invalid ${encoding} byte sequence (${why})`,
    );
  }
  checkNoNul(bytes, text, encoding, start, path);
  return text;
}

/**
 * Decodes bytes to text. A BOM or `options.encoding` decides the encoding outright; otherwise it
 * is detected (see detectEncoding). Throws DecodeError, naming `options.path` and a byte offset,
 * when the input is binary or not valid text in the chosen or any plausible encoding. Empty
 * input decodes to empty text. Line ends are left as they are.
 */
export function decode(bytes: Uint8Array, options: DecodeOptions = {}): Decoded {
  const { path } = options;
  if (options.encoding !== undefined) {
    const encoding = options.encoding;
    const start = measureBom(bytes, encoding);
    const text = decodeOrThrow(bytes, encoding, start, path, 'encoding given by the caller');
    return { text, encoding, confidence: 1, bom: start > 0 };
  }
  if (bytes.length === 0) return { text: '', encoding: 'utf-8', confidence: 1, bom: false };

  const bom = detectBom(bytes);
  if (bom !== undefined) {
    const text = decodeOrThrow(bytes, bom.encoding, bom.length, path, 'encoding given by the BOM');
    return { text, encoding: bom.encoding, confidence: 1, bom: true };
  }

  const detection = detectEncoding(bytes, path);
  if (detection.kind === 'sure') {
    const cut = detection.cutTail ?? 0;
    if (cut > 0) {
      const whole = bytes.subarray(0, bytes.length - cut);
      const text = `${decodeOrThrow(whole, detection.encoding, 0, path, 'detected')}\ufffd`;
      return {
        text,
        encoding: detection.encoding,
        confidence: detection.confidence,
        bom: false,
        cutTail: cut,
      };
    }
    const text = decodeOrThrow(bytes, detection.encoding, 0, path, 'detected');
    return { text, encoding: detection.encoding, confidence: detection.confidence, bom: false };
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

  // Nothing is both plausible and valid: explain with the best plausible candidate.
  const tried = scores.map((score) => score.encoding).join(', ');
  const best = scores.find(isPlausible);
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
