import { open } from 'node:fs/promises';
import { constants, gunzipSync } from 'node:zlib';

/** The bytes every WARC record opens with. */
const MAGIC = 'WARC/';

/** How much of the input's head is looked at: a gzip header and a few records' bytes. */
const HEAD_BYTES = 512;

function startsWithMagic(bytes: Uint8Array): boolean {
  return new TextDecoder('latin1').decode(bytes.subarray(0, MAGIC.length)) === MAGIC;
}

/**
 * Whether the input is a WARC file, judged by its first 512 bytes: it opens with `WARC/`,
 * or is gzip (1f 8b) whose first bytes inflate to `WARC/` (.warc.gz, one gzip member per
 * record or one for the whole file). Told by content, whatever the name.
 */
export function isWarc(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, HEAD_BYTES);
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

/**
 * Whether the file at `path` is a WARC or WARC.gz file, reading only its head. Throws the
 * file system's error when the file cannot be opened or read.
 */
export async function isWarcFile(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(head, 0, HEAD_BYTES, 0);
    return isWarc(head.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}
