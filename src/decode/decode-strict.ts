import type { Encoding } from '../tree/types.ts';
import { findBig5Error } from './validate-big5.ts';

/**
 * Decodes `bytes` from `start` with a fatal decoder: the text, or undefined when any byte
 * sequence is invalid (a character cut off at the end included). A BOM is not stripped here.
 * Big5 is also checked byte by byte, since Node's decoder lets some invalid bytes through.
 */
export function decodeStrict(bytes: Uint8Array, encoding: Encoding, start = 0): string | undefined {
  if (encoding === 'big5' && findBig5Error(bytes, start) >= 0) return undefined;
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  try {
    return decoder.decode(start === 0 ? bytes : bytes.subarray(start));
  } catch {
    return undefined;
  }
}
