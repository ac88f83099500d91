import iconv from 'iconv-lite';

/*
 * Big5 as Hong Kong writes it: Big5 with the HKSCS extension. Node's own 'big5' decoder
 * maps HKSCS codes (綫, 衞, 峯, 着, 嘅 …) to private-use characters, so Big5 goes through
 * iconv-lite's big5hkscs table instead. This file is the only one that imports it.
 */

/** Decodes Big5-HKSCS; an invalid or unassigned code becomes U+FFFD. */
export function decodeBig5(bytes: Uint8Array): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'big5hkscs');
}

/** The last character boundary at or before `end`, walking from `start` (a lead byte takes two). */
export function big5Boundary(bytes: Uint8Array, start: number, end: number): number {
  let i = start;
  while (i < end) {
    const step = (bytes[i] as number) >= 0x81 ? 2 : 1;
    if (i + step > end) break;
    i += step;
  }
  return i;
}

/** Offset of the first well-formed code that maps to nothing, or -1. */
export function firstUnmappedBig5(bytes: Uint8Array, start = 0): number {
  for (let i = start; i < bytes.length; ) {
    const b = bytes[i] as number;
    if (b < 0x81) {
      i++;
      continue;
    }
    if (decodeBig5(bytes.subarray(i, i + 2)).includes('\ufffd')) return i;
    i += 2;
  }
  return -1;
}
