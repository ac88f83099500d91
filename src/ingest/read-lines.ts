/** One line of a byte stream, without its line end (LF or CRLF). */
export interface Line {
  /** 1-based line number. */
  number: number;
  /** The line's bytes, or null when it was longer than the limit (its bytes were dropped). */
  bytes: Buffer | null;
  /** Bytes the line took in the stream, line end included: for progress. */
  size: number;
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * Splits a byte stream into lines without holding more than one line in memory: a line
 * longer than `maxLineBytes` is skipped as it streams past and reported with `bytes: null`,
 * so one runaway line cannot exhaust memory. A final line without a line end counts.
 */
export async function* readLines(
  chunks: AsyncIterable<Uint8Array | string>,
  maxLineBytes: number,
): AsyncGenerator<Line> {
  let parts: Buffer[] = [];
  let length = 0;
  let tooLong = false;
  let number = 0;
  const finish = (extra: number): Line => {
    number++;
    let bytes: Buffer | null = null;
    if (!tooLong) {
      bytes = parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts, length);
      if (bytes.length > 0 && bytes[bytes.length - 1] === CR) bytes = bytes.subarray(0, -1);
    }
    const line = { number, bytes, size: length + extra };
    parts = [];
    length = 0;
    tooLong = false;
    return line;
  };
  const take = (piece: Buffer) => {
    length += piece.length;
    if (tooLong) return;
    if (length > maxLineBytes) {
      tooLong = true;
      parts = [];
    } else if (piece.length > 0) {
      parts.push(piece);
    }
  };
  for await (const chunk of chunks) {
    const buffer =
      typeof chunk === 'string'
        ? Buffer.from(chunk)
        : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let from = 0;
    for (let at = buffer.indexOf(LF, from); at !== -1; at = buffer.indexOf(LF, from)) {
      take(buffer.subarray(from, at));
      yield finish(1);
      from = at + 1;
    }
    // The rest of the chunk starts the next line; copy it so the chunk itself can go.
    if (from < buffer.length) take(Buffer.from(buffer.subarray(from)));
  }
  if (length > 0 || tooLong) yield finish(0);
}
