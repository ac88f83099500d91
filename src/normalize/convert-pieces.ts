import type { Convert } from './convert-script.ts';

/** Longest piece handed to a converter at once: whole lines, or a long line cut after a break. */
const MAX_PIECE = 2048;

/** Receives the converted text piece by piece, in order, covering the whole source. */
export interface PieceSink {
  /** `out` has the shape of source `[from, from + out.length)`: map it unit by unit. */
  same(out: string, from: number): void;
  /** `out` replaces source `[from, to)` as a whole. */
  whole(out: string, from: number, to: number): void;
}

/**
 * True for units a conversion chunk may end with: whitespace, line ends and punctuation.
 * No dictionary phrase of the Traditional→Simplified chain contains one of them, so
 * converting chunk by chunk gives the same text as converting the whole line.
 */
export function isBreak(c: number): boolean {
  if (c <= 0x20) return true;
  if (c < 0x7f) {
    // , . ; : ? ! ( ) [ ] " '
    return (
      c === 0x2c ||
      c === 0x2e ||
      c === 0x3b ||
      c === 0x3a ||
      c === 0x3f ||
      c === 0x21 ||
      c === 0x28 ||
      c === 0x29 ||
      c === 0x5b ||
      c === 0x5d ||
      c === 0x22 ||
      c === 0x27
    );
  }
  if (c === 0xa0) return true;
  if (c >= 0x2000 && c <= 0x200a) return true;
  // ‘ ’ “ ” … ― —
  if (c === 0x2018 || c === 0x2019 || c === 0x201c || c === 0x201d) return true;
  if (c === 0x2026 || c === 0x2014 || c === 0x2015) return true;
  // Ideographic space, 、 。 and the CJK brackets 〈〉《》「」『』【】〔〕〖〗.
  if (c >= 0x3000 && c <= 0x3002) return true;
  if (c >= 0x3008 && c <= 0x3017) return true;
  // Full-width ！ （ ） ， ： ； ？
  return (
    c === 0xff01 ||
    c === 0xff08 ||
    c === 0xff09 ||
    c === 0xff0c ||
    c === 0xff1a ||
    c === 0xff1b ||
    c === 0xff1f
  );
}

/**
 * True when `b` can be mapped onto `a` unit by unit: same length, surrogates aligned, and
 * every break where it was. The last check catches a line where one phrase grew and another
 * shrank: the breaks between them would have moved.
 */
export function sameShape(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  if (a === b) return true;
  for (let i = 0; i < a.length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xs = x & 0xfc00;
    const ys = y & 0xfc00;
    if (xs !== ys && (xs === 0xd800 || xs === 0xdc00 || ys === 0xd800 || ys === 0xdc00)) {
      return false;
    }
    if (isBreak(x) || isBreak(y)) return false;
  }
  return true;
}

/** Where to cut a piece that would be longer than MAX_PIECE: after a break when possible. */
function cutPoint(text: string, start: number, limit: number): number {
  for (let j = limit; j > start + (MAX_PIECE >> 1); j--) {
    if (isBreak(text.charCodeAt(j - 1))) return j;
  }
  const c = text.charCodeAt(limit - 1);
  return c >= 0xd800 && c <= 0xdbff ? limit - 1 : limit;
}

/**
 * Converts `text` in pieces of whole lines (a long line alone, cut after a break). A piece
 * whose conversion keeps its shape is reported unit by unit. Otherwise the piece is
 * converted again chunk by chunk, each chunk ending at a break, so a change of length
 * (a phrase with another number of units) only blurs the map of its own chunk.
 */
export function convertPieces(text: string, convert: Convert, sink: PieceSink): void {
  const n = text.length;
  let start = 0;
  while (start < n) {
    let end = n;
    if (n - start > MAX_PIECE) {
      // Whole lines, as many as fit: fewer converter calls than line by line.
      const lf = text.lastIndexOf('\n', start + MAX_PIECE - 1);
      end = lf >= start ? lf + 1 : cutPoint(text, start, start + MAX_PIECE);
    }
    convertPiece(text, start, end, convert, sink);
    start = end;
  }
}

function convertPiece(
  text: string,
  start: number,
  end: number,
  convert: Convert,
  sink: PieceSink,
): void {
  const piece = text.slice(start, end);
  const out = convert(piece);
  if (sameShape(piece, out)) {
    sink.same(out, start);
    return;
  }
  let from = start;
  for (let i = start; i < end; i++) {
    if (i + 1 === end || isBreak(text.charCodeAt(i))) {
      const chunk = text.slice(from, i + 1);
      const converted = convert(chunk);
      if (sameShape(chunk, converted)) sink.same(converted, from);
      else sink.whole(converted, from, i + 1);
      from = i + 1;
    }
  }
}

/** Converts `text` with the same piece and chunk rules, keeping only the text. */
export function convertText(text: string, convert: Convert): string {
  const parts: string[] = [];
  convertPieces(text, convert, {
    same: (out) => {
      parts.push(out);
    },
    whole: (out) => {
      parts.push(out);
    },
  });
  return parts.length === 1 ? (parts[0] as string) : parts.join('');
}
