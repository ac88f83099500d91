/**
 * Thrown when bytes are not text jiedu can read: binary data, or bytes that are invalid or
 * implausible in every supported encoding. The message names the file and the byte offset.
 */
export class DecodeError extends Error {
  /** The file path given by the caller, or undefined for in-memory input. */
  readonly path: string | undefined;
  /** 0-based byte offset of the first offending byte. */
  readonly offset: number;
  /** Why the input was rejected, without the location. */
  readonly reason: string;

  constructor(path: string | undefined, offset: number, reason: string) {
    super(`${path ?? '<input>'}: cannot decode as text at byte offset ${offset}: ${reason}`);
    this.name = 'DecodeError';
    this.path = path;
    this.offset = offset;
    this.reason = reason;
  }
}
