import type { Span } from './pick-sample.ts';

/** Byte statistics of a sample. */
export interface ByteTally {
  /** Bytes looked at. */
  total: number;
  /** Control bytes other than tab, line ends and NUL: 0x01–0x08, 0x0E–0x1F, 0x7F. */
  controls: number;
  /** Offset of the first such control byte, or -1. */
  firstControl: number;
  /** Bytes 0xC0 and above: lead bytes of UTF-8 sequences. */
  leads: number;
}

/** Counts control bytes and UTF-8 lead bytes over `spans`; NULs are looked for elsewhere. */
export function tallyBytes(bytes: Uint8Array, spans: readonly Span[]): ByteTally {
  let total = 0;
  let controls = 0;
  let firstControl = -1;
  let leads = 0;
  for (const [start, end] of spans) {
    total += end - start;
    for (let i = start; i < end; i++) {
      const b = bytes[i] as number;
      if (b >= 0x20) {
        if (b >= 0xc0) leads++;
        else if (b === 0x7f) {
          controls++;
          if (firstControl < 0) firstControl = i;
        }
      } else if (b !== 0 && (b < 0x09 || b > 0x0d)) {
        controls++;
        if (firstControl < 0) firstControl = i;
      }
    }
  }
  return { total, controls, firstControl, leads };
}

/** True when control bytes make up more than 1% of the sample (and there are at least two). */
export function looksBinary(tally: ByteTally): boolean {
  return tally.controls >= 2 && tally.controls * 100 > tally.total;
}
