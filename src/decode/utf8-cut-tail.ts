import { isUtf8 } from 'node:buffer';

/**
 * How many bytes at the end of `bytes` are the start of a UTF-8 character cut off (a
 * truncated download, a WARC record cut at a crawler's limit), when all before them is valid
 * UTF-8: 1 to 3, else 0. Such a page is UTF-8 with a damaged last character, not a page in
 * another encoding: a legacy decoding that happens to accept the bytes would turn the whole
 * text to mojibake.
 */
export function utf8CutTail(bytes: Uint8Array): number {
  const n = bytes.length;
  // Walk back over at most three continuation bytes to the lead byte.
  for (let k = 1; k <= 3 && k <= n; k++) {
    const b = bytes[n - k] as number;
    if ((b & 0xc0) === 0x80) continue;
    const need = b >= 0xf0 && b <= 0xf4 ? 4 : b >= 0xe0 ? 3 : b >= 0xc2 && b < 0xe0 ? 2 : 0;
    // A lead byte whose character needs more than the k bytes left: a cut tail.
    if (need > k && isUtf8(bytes.subarray(0, n - k))) return k;
    return 0;
  }
  return 0;
}
