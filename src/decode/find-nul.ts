import { Buffer } from 'node:buffer';

/** Offset of the first NUL byte at or after `start`, or -1; Buffer.indexOf searches natively. */
export function findNul(bytes: Uint8Array, start = 0): number {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(0, start);
}
