import { Buffer } from 'node:buffer';
import type { TextView } from '../tree/view.ts';
import { trimMap } from './trim-map.ts';

const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;

/** What normalization does with one code unit. */
const KEEP = 0;
const TO_SPACE = 1;
const DROP = 2;
/** A plain space: kept, but blank for the whitespace-only line rule. */
const BLANK = 3;

/**
 * Classifies a code unit that is not LF or CR: kept as is, turned into a plain space
 * (tab, NBSP, ideographic space and the other space separators) or dropped (zero-width).
 */
function classify(c: number): number {
  if (c === 0x09 || c === 0xa0 || c === 0x3000 || c === 0x1680) return TO_SPACE;
  if (c >= 0x2000 && c <= 0x200a) return TO_SPACE;
  if (c === 0x202f || c === 0x205f) return TO_SPACE;
  if ((c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff) return DROP;
  return KEEP;
}

/** Buffer's UTF-16LE decoding keeps lone surrogates; swap bytes on big-endian hosts. */
const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

function decodeUnits(units: Uint16Array, length: number): string {
  const bytes = Buffer.from(units.buffer, units.byteOffset, length * 2);
  if (!LITTLE_ENDIAN) bytes.swap16();
  return bytes.toString('utf16le');
}

/**
 * Builds the normalized view of the decoded text in one pass: CRLF and lone CR become LF,
 * zero-width characters disappear, tabs and odd spaces become plain spaces, and lines that
 * hold only whitespace become empty. Everything else is copied unchanged. Each view unit
 * maps back to the source units it came from; both halves of a surrogate pair map to the
 * whole pair, so a mapped range never splits one. Text that needs no change is returned
 * as the same string.
 */
export function normalizeText(text: string): TextView {
  const n = text.length;
  const out = new Uint16Array(n);
  const starts = new Int32Array(n + 1);
  const ends = new Int32Array(n + 1);
  /** Units written to the view so far. */
  let m = 0;
  /** Whether any unit was replaced (dropped units show in `m < i`). */
  let replaced = false;
  /** Source index where the current line began, and whether it has non-blank content. */
  let lineStart = 0;
  let hasContent = false;

  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    // Printable ASCII and the bulk of CJK text are plain content: test them first.
    let kind = (c > SPACE && c < 0x7f) || (c > 0x3000 && c < 0xd800) ? KEEP : -1;
    if (kind < 0) {
      if (c === LF || c === CR) {
        // A whitespace-only line was never written (see below): it simply stays out.
        const width = c === CR && i + 1 < n && text.charCodeAt(i + 1) === LF ? 2 : 1;
        if (c === CR) replaced = true;
        out[m] = LF;
        starts[m] = i;
        ends[m] = i + width;
        m++;
        i += width;
        lineStart = i;
        hasContent = false;
        continue;
      }
      kind = c === SPACE ? BLANK : classify(c);
      if (kind !== KEEP) {
        // Blank units wait until the line shows content.
        if (hasContent && kind !== DROP) {
          if (kind === TO_SPACE) replaced = true;
          out[m] = SPACE;
          starts[m] = i;
          ends[m] = i + 1;
          m++;
        }
        i++;
        continue;
      }
    }
    if (!hasContent) {
      // First content on this line: write the blanks that preceded it.
      for (let j = lineStart; j < i; j++) {
        const b = text.charCodeAt(j);
        const bk = b === SPACE ? BLANK : classify(b);
        if (bk === DROP) continue;
        if (bk === TO_SPACE) replaced = true;
        out[m] = SPACE;
        starts[m] = j;
        ends[m] = j + 1;
        m++;
      }
      hasContent = true;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        // A surrogate pair: both halves map to the whole pair.
        out[m] = c;
        out[m + 1] = d;
        starts[m] = i;
        ends[m] = i + 2;
        starts[m + 1] = i;
        ends[m + 1] = i + 2;
        m += 2;
        i += 2;
        continue;
      }
    }
    out[m] = c;
    starts[m] = i;
    ends[m] = i + 1;
    m++;
    i++;
  }
  starts[m] = n;
  ends[m] = n;

  const normalized = m === n && !replaced ? text : decodeUnits(out, m);
  return { text: normalized, starts: trimMap(starts, m + 1), ends: trimMap(ends, m + 1) };
}
