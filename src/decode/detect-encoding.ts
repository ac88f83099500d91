import { isUtf8 } from 'node:buffer';
import type { Encoding } from '../tree/types.ts';
import { DecodeError } from './decode-error.ts';
import { findNul } from './find-nul.ts';
import { pickSample } from './pick-sample.ts';
import { type Score, scoreDecoding } from './score-decoding.ts';
import { looksBinary, tallyBytes } from './tally-bytes.ts';
import { utf8CutTail } from './utf8-cut-tail.ts';

/** What detection found for input without a BOM. */
export type Detection =
  /** Valid UTF-8 (or pure ASCII): no need to compare. */
  | {
      kind: 'sure';
      encoding: Encoding;
      confidence: number;
      /** Bytes of a last character cut short (UTF-8 only): read as U+FFFD. */
      cutTail?: number;
    }
  /**
   * Candidates scored on a sample, best first; none decoded in full yet. `binary` is set when
   * NUL or control bytes ruled out the byte encodings, leaving only UTF-16 to try.
   */
  | { kind: 'ranked'; scores: Score[]; binary: DecodeError | undefined };

/** Highest confidence a detection (rather than a BOM or the caller) can give. */
export const MAX_DETECTED_CONFIDENCE = 0.99;

/** UTF-8 with `leads` multi-byte sequences in the sample: each makes chance validity rarer. */
function utf8Confidence(leads: number): number {
  if (leads === 0) return 1;
  return Math.min(MAX_DETECTED_CONFIDENCE, 1 - 0.3 ** leads);
}

/** The error for a NUL byte in anything but UTF-16. */
export function nulError(path: string | undefined, offset: number): DecodeError {
  return new DecodeError(path, offset, 'found a NUL byte: this looks like binary data, not text');
}

/**
 * Works out the encoding of input that has no BOM. Valid UTF-8 wins outright. Otherwise each
 * candidate (UTF-8 again, to report its errors; Big5 and GB18030 unless the bytes hold NULs or
 * many control bytes; UTF-16LE/BE when the length is even) is decoded on a sample and scored for
 * plausibility as Chinese text. Throws DecodeError when no candidate is left at all.
 */
export function detectEncoding(bytes: Uint8Array, path: string | undefined): Detection {
  const byteSpans = pickSample(bytes, 'bytes');
  const tally = tallyBytes(bytes, byteSpans);
  const firstNul = findNul(bytes);
  const binary =
    firstNul >= 0
      ? nulError(path, firstNul)
      : looksBinary(tally)
        ? new DecodeError(
            path,
            tally.firstControl,
            `found ${tally.controls} control bytes in ${tally.total}: this looks like binary data, not text`,
          )
        : undefined;

  if (firstNul < 0 && isUtf8(bytes)) {
    if (binary !== undefined) throw binary;
    return { kind: 'sure', encoding: 'utf-8', confidence: utf8Confidence(tally.leads) };
  }
  // Valid UTF-8 but for a last character cut short: UTF-8, its tail damaged.
  const cut = firstNul < 0 ? utf8CutTail(bytes) : 0;
  if (cut > 0) {
    if (binary !== undefined) throw binary;
    return {
      kind: 'sure',
      encoding: 'utf-8',
      confidence: utf8Confidence(tally.leads),
      cutTail: cut,
    };
  }

  const scores: Score[] = [];
  if (binary === undefined) {
    for (const encoding of ['big5', 'gb18030'] as const) {
      scores.push(scoreDecoding(bytes, byteSpans, encoding));
    }
    // A legacy decoding that reads as plain Chinese settles it: no NUL bytes means no
    // UTF-16 of the ASCII a page holds, and UTF-8 was already found invalid.
    if (firstNul < 0 && scores.some(isClearlyChinese)) return ranked(scores, binary);
    scores.push(scoreDecoding(bytes, byteSpans, 'utf-8'));
  }
  if (bytes.length % 2 === 0) {
    for (const encoding of ['utf-16le', 'utf-16be'] as const) {
      scores.push(scoreDecoding(bytes, pickSample(bytes, encoding), encoding));
    }
  }
  if (binary !== undefined && scores.length === 0) throw binary;
  return ranked(scores, binary);
}

function ranked(scores: Score[], binary: DecodeError | undefined): Detection {
  // Stable sort: on a tie the earlier candidate (Big5, the stricter code) stays first.
  scores.sort((a, b) => b.sum - a.sum);
  return { kind: 'ranked', scores, binary };
}

/** Ideographs to judge by, and the share of common ones real Chinese text shows. */
const CLEAR_IDEOGRAPHS = 20;
const CLEAR_COMMON_SHARE = 0.3;

/** A decoding with nothing broken and many common characters: surely Chinese text. */
function isClearlyChinese(score: Score): boolean {
  const ideographs = score.common + score.han;
  return (
    score.broken === 0 &&
    ideographs >= CLEAR_IDEOGRAPHS &&
    score.common >= ideographs * CLEAR_COMMON_SHARE
  );
}

/** Confidence from how far the chosen decoding out-scores the best other one. */
export function rankedConfidence(chosen: Score, scores: readonly Score[]): number {
  let other = Number.NEGATIVE_INFINITY;
  for (const score of scores) {
    if (score !== chosen && score.sum > other) other = score.sum;
  }
  if (other === Number.NEGATIVE_INFINITY) return 0.5;
  const evidence = chosen.sum - other;
  const confidence = 1 / (1 + Math.exp(-evidence / 3));
  return Math.round(Math.min(MAX_DETECTED_CONFIDENCE, Math.max(0.01, confidence)) * 1000) / 1000;
}
