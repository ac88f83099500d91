import type { Encoding } from '../tree/types.ts';
import { firstUnmappedBig5 } from './big5-hkscs.ts';
import { findBig5Error } from './validate-big5.ts';

/** First prefix length tried; doubled until the prefix fails. */
const FIRST_PROBE = 1024;
/** Longest character of the supported encodings, in bytes. */
const LONGEST_CHARACTER = 4;

/** Whether decoding `bytes[start, end)` fails; `stream` leaves a cut-off last character pending. */
function fails(bytes: Uint8Array, encoding: Encoding, start: number, end: number, stream: boolean) {
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  try {
    decoder.decode(bytes.subarray(start, end), { stream });
    return false;
  } catch {
    return true;
  }
}

/**
 * Byte offset where the first invalid sequence of `encoding` begins in `bytes` (from `start`),
 * or -1 when all is valid. Searches for the shortest failing prefix (doubling, then halving),
 * then steps back to the last character boundary before it. Costs a few decodes of the prefix,
 * so it is only called once decoding has already failed.
 */
export function findInvalidOffset(bytes: Uint8Array, encoding: Encoding, start = 0): number {
  if (encoding === 'big5') {
    const offset = findBig5Error(bytes, start);
    return offset >= 0 ? offset : firstUnmappedBig5(bytes, start);
  }
  const length = bytes.length;
  let good = start;
  let bad = -1;
  for (let probe = FIRST_PROBE; bad < 0; probe *= 2) {
    const end = Math.min(length, start + probe);
    if (fails(bytes, encoding, start, end, true)) bad = end;
    else if (end === length) break;
    else good = end;
  }
  if (bad < 0) {
    // Every byte is valid but the input ends inside a character.
    if (!fails(bytes, encoding, start, length, false)) return -1;
    bad = length + 1;
  }
  // Invariant: the prefix ending at `good` passes, the one ending at `bad` fails.
  while (bad - good > 1) {
    const middle = good + Math.floor((bad - good) / 2);
    if (middle <= length && fails(bytes, encoding, start, middle, true)) bad = middle;
    else good = middle;
  }
  // The failing sequence ends at byte bad - 1; it begins at the last clean boundary before it.
  const last = bad - 1;
  for (let k = last; k >= Math.max(start, last - LONGEST_CHARACTER + 1); k--) {
    if (!fails(bytes, encoding, start, k, false)) return Math.min(k, length - 1);
  }
  return Math.min(last, length - 1);
}
