import type { Encoding } from '../tree/types.ts';

/** A byte order mark found at the start of the input. */
export interface Bom {
  encoding: Encoding;
  /** Length of the mark in bytes. */
  length: number;
}

/** The BOM that `bytes` starts with, if any. */
export function detectBom(bytes: Uint8Array): Bom | undefined {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (b0 === 0xff && b1 === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (b0 === 0xfe && b1 === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

/** Length of the BOM of `encoding` at the start of `bytes`, or 0 when there is none. */
export function measureBom(bytes: Uint8Array, encoding: Encoding): number {
  const bom = detectBom(bytes);
  return bom !== undefined && bom.encoding === encoding ? bom.length : 0;
}
