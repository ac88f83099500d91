/*
 * Node's 'big5' decoder (ICU) is laxer than the WHATWG Big5 decoder: it maps the single bytes
 * 0x80 and 0xFF and the unassigned lead bytes 0x81–0x86 to C1 or private-use characters
 * instead of failing, even with `fatal: true`. This check rejects them, so that only bytes a
 * real Big5 (HKSCS) writer produces count as valid.
 */

/** Lowest lead byte HKSCS assigns; 0x81–0x86 are unassigned. */
const FIRST_LEAD = 0x87;

function isTrail(b: number): boolean {
  return (b >= 0x40 && b <= 0x7e) || (b >= 0xa1 && b <= 0xfe);
}

/**
 * Offset of the first byte that cannot begin a Big5 character or whose trail byte is invalid,
 * or -1 when every character is well formed. A lead byte at the very end counts as invalid.
 */
export function findBig5Error(bytes: Uint8Array, start = 0): number {
  const length = bytes.length;
  let i = start;
  while (i < length) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    if (b < FIRST_LEAD || b === 0xff) return i;
    const trail = bytes[i + 1];
    if (trail === undefined || !isTrail(trail)) return i;
    i += 2;
  }
  return -1;
}
