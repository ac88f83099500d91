import { simplifiedView } from '../../normalize/index.ts';
import type { Range } from '../../tree/types.ts';
import { type TextView, viewRangeToSource } from '../../tree/view.ts';
import type { Snippet } from '../types.ts';
import type { Piece } from './parse-query.ts';
import { scanRuns, type TextRun } from './scan-text.ts';

/**
 * Highlights computed from the text, not from the index: the query's pieces are looked for in
 * the Simplified view of an article's text, and every match is mapped back to the article's
 * own script (and from there to the document's decoded text), so 習近平 is marked on a
 * Traditional page found by 习近平.
 */

/** Where each piece occurs in `text` (Simplified), in order, overlaps merged. */
export function findMatches(text: string, pieces: readonly Piece[]): Range[] {
  if (pieces.length === 0) return [];
  const runs = scanRuns(text);
  const found: Range[] = [];
  for (const piece of pieces) {
    if (piece.kind === 'cjk') findCjk(runs, piece.chars.join(''), piece.prefix, found);
    else findWords(runs, piece.words, piece.prefix, found);
  }
  return merge(found);
}

function findCjk(runs: readonly TextRun[], needle: string, prefix: boolean, out: Range[]): void {
  for (const run of runs) {
    if (run.kind !== 'cjk') continue;
    let at = run.text.indexOf(needle);
    while (at >= 0) {
      const end = at + needle.length;
      // 中俄*: something must follow in the same run.
      if (!prefix || end < run.text.length) {
        out.push({ start: run.start + at, end: run.start + end });
      }
      at = run.text.indexOf(needle, at + 1);
    }
  }
}

function findWords(
  runs: readonly TextRun[],
  words: readonly string[],
  prefix: boolean,
  out: Range[],
): void {
  const last = words.length - 1;
  for (let i = 0; i + last < runs.length; i++) {
    let k = 0;
    for (; k <= last; k++) {
      const run = runs[i + k] as TextRun;
      const word = words[k] as string;
      if (run.kind !== 'word') break;
      const ok = k === last && prefix ? run.text.startsWith(word) : run.text === word;
      if (!ok) break;
    }
    if (k > last) {
      out.push({ start: (runs[i] as TextRun).start, end: (runs[i + last] as TextRun).end });
    }
  }
}

/** Sorted, overlapping and touching ranges joined. */
function merge(ranges: Range[]): Range[] {
  ranges.sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Range[] = [];
  for (const r of ranges) {
    const last = out[out.length - 1];
    if (last !== undefined && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

/** Matches of `pieces` in `view.text` (an article's text in its own script), as offsets of
 * that text: found in its Simplified view and mapped back. */
export function matchOriginal(original: string, pieces: readonly Piece[]): Range[] {
  if (pieces.length === 0) return [];
  const simplified = simplifiedView(original);
  return merge(
    findMatches(simplified.text, pieces).map((r) => viewRangeToSource(simplified, r.start, r.end)),
  );
}

/** Maps ranges of a view's text to its source (the document's decoded text). */
export function toSourceRanges(view: TextView, ranges: readonly Range[]): Range[] {
  return ranges.map((r) => viewRangeToSource(view, r.start, r.end));
}

const ELLIPSIS = '…';

/** Moves an offset off the low half of a surrogate pair. */
function onBoundary(text: string, at: number): number {
  const c = text.charCodeAt(at);
  return c >= 0xdc00 && c <= 0xdfff ? at - 1 : at;
}

/**
 * About `length` characters of `text` around the densest group of `matches` (the first
 * one when they are spread out), line ends shown as spaces, with `…` where text was cut and
 * the matches inside as highlights. Text before `bodyStart` (the headline, which a result
 * shows anyway) is left out unless only it matches. Without matches, the opening of the
 * body.
 */
export function makeSnippet(
  text: string,
  allMatches: readonly Range[],
  length: number,
  bodyStart = 0,
): Snippet {
  const inBody = allMatches.filter((m) => m.start >= bodyStart);
  const start = inBody.length > 0 || allMatches.length === 0 ? bodyStart : 0;
  const matches = inBody.length > 0 ? inBody : allMatches;
  let from = start;
  if (matches.length > 0 && text.length - start > length) {
    const lead = Math.floor(length / 4);
    let best = 0;
    let bestCount = -1;
    for (let i = 0; i < matches.length; i++) {
      const start = (matches[i] as Range).start;
      let count = 0;
      for (
        let k = i;
        k < matches.length && (matches[k] as Range).end <= start + length - lead;
        k++
      ) {
        count++;
      }
      if (count > bestCount) {
        bestCount = count;
        best = start;
      }
    }
    from = Math.max(start, Math.min(best - lead, text.length - length));
  }
  from = onBoundary(text, from);
  let to = Math.min(text.length, from + length);
  to = onBoundary(text, to);
  const head = from > start ? ELLIPSIS : '';
  const tail = to < text.length ? ELLIPSIS : '';
  const body = text.slice(from, to).replace(/\r\n|[\r\n]/g, (m) => ' '.repeat(m.length));
  const highlights: Range[] = [];
  for (const m of matches) {
    const a = Math.max(m.start, from);
    const b = Math.min(m.end, to);
    if (a < b) highlights.push({ start: a - from + head.length, end: b - from + head.length });
  }
  return { text: head + body + tail, highlights };
}
