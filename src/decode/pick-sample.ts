/** A half-open byte range `[start, end)` of the input. */
export type Span = readonly [start: number, end: number];

/** How the input is cut into characters, for aligning sample chunks. */
export type Layout = 'bytes' | 'utf-16le' | 'utf-16be';

/** Bytes scored from the start of the input. */
export const SAMPLE_HEAD = 64 * 1024;
/** Size of each later chunk. */
export const SAMPLE_CHUNK = 16 * 1024;
/** How many later chunks, spread evenly over the rest of the input. */
export const SAMPLE_CHUNKS = 4;

/** Smallest byte that can never be the second or later byte of a Big5, GBK or GB18030 character. */
const SAFE_BOUNDARY = 0x30;

/**
 * The byte ranges to score: the whole input when it is small, otherwise the first 64 KiB and a
 * few 16 KiB chunks spread over the rest. Later chunks start on a character boundary: after a
 * byte below 0x30 (a line end, a space) for byte encodings, on an even offset and not inside a
 * surrogate pair for UTF-16. A chunk may end inside a character; the decoder streams it.
 */
export function pickSample(bytes: Uint8Array, layout: Layout, from = 0): Span[] {
  const length = bytes.length;
  if (length - from <= SAMPLE_HEAD + SAMPLE_CHUNKS * SAMPLE_CHUNK) return [[from, length]];
  const spans: Span[] = [[from, from + SAMPLE_HEAD]];
  const first = from + SAMPLE_HEAD;
  const room = length - first - SAMPLE_CHUNK;
  for (let i = 1; i <= SAMPLE_CHUNKS; i++) {
    const start = alignStart(bytes, first + Math.floor((room * i) / SAMPLE_CHUNKS), layout, from);
    const end = Math.min(length, start + SAMPLE_CHUNK);
    if (start < end) spans.push([start, end]);
  }
  return spans;
}

function alignStart(bytes: Uint8Array, position: number, layout: Layout, from: number): number {
  if (layout === 'bytes') {
    const limit = Math.min(bytes.length, position + SAMPLE_CHUNK);
    for (let i = position; i < limit; i++) {
      if ((bytes[i] as number) < SAFE_BOUNDARY) return i + 1;
    }
    return limit;
  }
  let start = position - ((position - from) & 1);
  const high = layout === 'utf-16le' ? bytes[start + 1] : bytes[start];
  if (high !== undefined && high >= 0xdc && high <= 0xdf) start += 2;
  return start;
}
