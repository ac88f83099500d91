import { closeSync, fstatSync, ftruncateSync, openSync, readSync, writeSync } from 'node:fs';

/** One line of the failures log. */
export interface FailureRecord {
  /** ISO 8601 time of the failure. */
  time: string;
  /** The input: a path, `-`, or `file.jsonl:LINE`. */
  path: string;
  reason: string;
}

/** Bytes read back at a time while looking for the last complete line. */
const TAIL = 64 * 1024;

/**
 * Cuts a torn last line (a process killed in the middle of a write) off the end of the
 * open file, so the log holds only whole lines.
 */
function dropTornLine(fd: number): void {
  const size = fstatSync(fd).size;
  const buffer = Buffer.alloc(TAIL);
  let end = size;
  while (end > 0) {
    const from = Math.max(0, end - TAIL);
    const read = readSync(fd, buffer, 0, end - from, from);
    const last = buffer.subarray(0, read).lastIndexOf(0x0a);
    if (last !== -1) {
      if (from + last + 1 < size) ftruncateSync(fd, from + last + 1);
      return;
    }
    end = from;
  }
  if (size > 0) ftruncateSync(fd, 0);
}

/**
 * The failures log: JSON Lines (time, path, reason) beside the archive, appended to by
 * every run. The file is opened on the first failure, so a clean run leaves none; each
 * record is one `write` of one whole line to a file opened for appending, and a torn line
 * left by a killed run is cut off before anything is added.
 */
export class FailuresLog {
  readonly path: string;
  /** Records this log appended. */
  written = 0;
  #fd: number | null = null;

  constructor(path: string) {
    this.path = path;
  }

  append(record: FailureRecord): void {
    if (this.#fd === null) {
      const fd = openSync(this.path, 'a+');
      dropTornLine(fd);
      this.#fd = fd;
    }
    writeSync(this.#fd, `${JSON.stringify(record)}\n`);
    this.written++;
  }

  close(): void {
    if (this.#fd !== null) closeSync(this.#fd);
    this.#fd = null;
  }
}
