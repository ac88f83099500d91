import type { Encoding } from '../tree/types.ts';
import { decodeBig5 } from './big5-hkscs.ts';
import { findBig5Error } from './validate-big5.ts';

/**
 * Decodes `bytes` from `start` with a fatal decoder: the text, or undefined when any byte
 * sequence is invalid (a character cut off at the end included). A BOM is not stripped here.
 * Big5 is checked byte by byte, then decoded as Big5-HKSCS (see big5-hkscs.ts).
 */
export function decodeStrict(bytes: Uint8Array, encoding: Encoding, start = 0): string | undefined {
  if (encoding === 'big5') {
    if (findBig5Error(bytes, start) >= 0) return undefined;
    // Big5 has no code for U+FFFD, so one in the output marks an unassigned code.
    const text = decodeBig5(start === 0 ? bytes : bytes.subarray(start));
    return text.includes('\ufffd') ? undefined : text;
  }
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  try {
    return decoder.decode(start === 0 ? bytes : bytes.subarray(start));
  } catch {
    return undefined;
  }
}
