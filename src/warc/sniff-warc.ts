import { constants, gunzipSync } from 'node:zlib';

/** The bytes every WARC record opens with. */
const MAGIC = 'WARC/';

function startsWithMagic(bytes: Uint8Array): boolean {
  return new TextDecoder('latin1').decode(bytes.subarray(0, MAGIC.length)) === MAGIC;
}

/**
 * Whether the head of a file (its first few hundred bytes are enough) is a WARC file: it
 * opens with `WARC/`, or is gzip (1f 8b) whose first bytes inflate to `WARC/` (.warc.gz,
 * one gzip member per record or one for the whole file). Told by content, whatever the name.
 */
export function isWarc(head: Uint8Array): boolean {
  if (startsWithMagic(head)) return true;
  if (head[0] !== 0x1f || head[1] !== 0x8b) return false;
  try {
    // A head cut mid-stream: flush what inflates so far instead of demanding the end.
    const inflated = gunzipSync(head, { finishFlush: constants.Z_SYNC_FLUSH });
    return startsWithMagic(inflated);
  } catch {
    return false;
  }
}
