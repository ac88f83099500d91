import type { Encoding } from '../tree/types.ts';
import { decodeBig5 } from './big5-hkscs.ts';
import { pickSample } from './pick-sample.ts';
import { type Score, scoreDecoding } from './score-decoding.ts';

/**
 * Scores each candidate encoding on a sample of `bytes` for plausibility as Chinese text,
 * best first. For callers that hold a claim about the encoding (an HTML page's charset) and
 * want to check it against the bytes rather than trust it: GBK bytes decode without error
 * as Big5 and the reverse, so only the characters they give tell which is right.
 */
export function rankEncodings(bytes: Uint8Array, candidates: readonly Encoding[]): Score[] {
  const scores = candidates.map((encoding) => {
    const layout = encoding === 'utf-16le' || encoding === 'utf-16be' ? encoding : 'bytes';
    return scoreDecoding(bytes, pickSample(bytes, layout), encoding);
  });
  // Stable: on a tie the earlier candidate stays first.
  return scores.sort((a, b) => b.sum - a.sum);
}

/** Decoded text and how many characters could not be decoded. */
export interface LenientDecoding {
  text: string;
  /** Invalid or unassigned byte sequences, each decoded as U+FFFD. */
  replaced: number;
}

/**
 * Decodes `bytes` from `start` as `encoding`, turning any invalid sequence into U+FFFD
 * instead of failing: real web pages in GBK or Big5 often hold a stray byte or two (a
 * truncated character at a cut, a code from another table) around otherwise good text.
 */
export function decodeLenient(bytes: Uint8Array, encoding: Encoding, start = 0): LenientDecoding {
  const body = start === 0 ? bytes : bytes.subarray(start);
  const text =
    encoding === 'big5'
      ? decodeBig5(body)
      : new TextDecoder(encoding, { fatal: false, ignoreBOM: true }).decode(body);
  let replaced = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) replaced++;
  return { text, replaced };
}
