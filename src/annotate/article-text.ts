import { simplifiedView } from '../normalize/index.ts';
import type { ArticleNode, BlockNode, Range } from '../tree/types.ts';
import type { TextView } from '../tree/view.ts';

/**
 * An article as annotators read it: every block's visible text (lines rejoined, `**` dropped)
 * on a line of its own, in the Simplified script, with maps back to the decoded text.
 * Annotators match Simplified patterns once and report decoded-text offsets, so Traditional
 * and Simplified pages are read alike.
 */
export interface ArticleText {
  /** The blocks' text in the page's own script, one block a line. */
  original: TextView;
  /** The same in Simplified; its maps point into `original.text`. */
  simplified: TextView;
  /** Where each block sits in the text (the same offsets in both views' coordinates). */
  blocks: { node: BlockNode; from: number; to: number }[];
}

/** Builds the annotators' text of an article from the decoded page text. */
export function articleText(article: ArticleNode, source: string): ArticleText {
  // Every block contributes at most its pieces' units and a line end; the views are filled
  // in place, sized once, as annotating a page allocates enough already.
  let capacity = 1;
  for (const node of article.children) {
    for (const piece of node.pieces) capacity += piece.end - piece.start;
    capacity++;
  }
  const parts: string[] = [];
  const starts = new Int32Array(capacity);
  const ends = new Int32Array(capacity);
  const out: Filling = { parts, starts, ends, length: 0 };
  const blocks: ArticleText['blocks'] = [];
  for (const node of article.children) {
    // Page furniture (breadcrumbs, share buttons, related links) is not the story's text.
    if (node.type === 'furniture') continue;
    const from = out.length;
    node.pieces.forEach((piece, k) => {
      // A list bullet or a caption marker is layout, not text: 雙方… must open the line.
      const skip =
        k === 0 && (node.type === 'list-item' || node.type === 'caption')
          ? markerLength(source, piece)
          : 0;
      appendPiece(source, piece.start + skip, piece.end, out);
    });
    blocks.push({ node, from, to: out.length });
    parts.push('\n');
    starts[out.length] = node.end;
    ends[out.length] = node.end;
    out.length++;
  }
  starts[out.length] = article.end;
  ends[out.length] = article.end;
  const original: TextView = {
    text: parts.join(''),
    starts: starts.subarray(0, out.length + 1),
    ends: ends.subarray(0, out.length + 1),
  };
  const simplified = simplifiedView(original.text);
  return {
    original,
    simplified: { ...simplified, text: mandarinParticles(curlyQuotes(simplified.text)) },
    blocks,
  };
}

/**
 * Cantonese function words of Hong Kong pages' quotations and street interviews read as the
 * Mandarin ones the readers look for, unit for unit, so offsets stay (嘅 的, 咗 了, 喺 在,
 * 唔 不, 冇 没, 佢 他, 哋 们, 啲 些, 嚟 来, 睇 看): 住咗呢度三十年嘅陳伯話 qualifies 陳伯
 * with a clause as 住了…的 does, and 唔反對 is negated as 不反对 is. Only characters no
 * Mandarin word uses this way are read so; what the page shows is untouched.
 */
export function mandarinParticles(text: string): string {
  if (!CANTONESE.test(text)) return text;
  // 唔该 (please, thank you) is no 不该 (should not): left as it is.
  return text.replace(CANTONESE_ALL, (c, at: number) =>
    c === '唔' && text[at + 1] === '该' ? c : (PARTICLES[c] as string),
  );
}

const PARTICLES: Record<string, string> = {
  嘅: '的',
  咗: '了',
  喺: '在',
  唔: '不',
  冇: '没',
  佢: '他',
  哋: '们',
  啲: '些',
  嚟: '来',
  睇: '看',
};
const CANTONESE = new RegExp(`[${Object.keys(PARTICLES).join('')}]`);
const CANTONESE_ALL = new RegExp(CANTONESE.source, 'g');

/**
 * Straight double quotes a page typed on a Western keyboard ("…") in a line of Chinese, read
 * as the curly pair they stand for (“…”), alternately opening and closing: the readers look
 * for the marks Chinese text prints. Unit for unit, so offsets stay; a line with an odd
 * count, or with no Han, is left as it is.
 */
export function curlyQuotes(text: string): string {
  if (!text.includes('"')) return text;
  return text
    .split('\n')
    .map((line) => {
      if (!line.includes('"') || !/[\u4e00-\u9fff]/.test(line)) return line;
      const count = line.split('"').length - 1;
      if (count % 2 !== 0) return line;
      let open = true;
      return line.replace(/"/g, () => {
        const mark = open ? '“' : '”';
        open = !open;
        return mark;
      });
    })
    .join('\n');
}

/** The article text being built: its parts and the source range of every unit so far. */
interface Filling {
  parts: string[];
  starts: Int32Array;
  ends: Int32Array;
  length: number;
}

/** Length of a leading list bullet or caption marker with its spaces: `- `, `●`. */
function markerLength(source: string, piece: Range): number {
  const m = /^\s*(?:[-*•・]|[●▲◆■▼◎])\s*/.exec(
    source.slice(piece.start, Math.min(piece.end, piece.start + 8)),
  );
  return m === null ? 0 : m[0].length;
}

/** Appends source `[start, end)`, leaving out emphasis markers (`**`). */
function appendPiece(source: string, start: number, end: number, out: Filling): void {
  let from = start;
  while (from < end) {
    // Looked for within the piece only: a search of the whole page for each piece made a
    // page of many pieces quadratic.
    const found = source.slice(from, end).indexOf('**');
    const mark = found === -1 ? -1 : from + found;
    const to = mark === -1 || mark + 2 > end ? end : mark;
    if (to > from) {
      out.parts.push(source.slice(from, to));
      for (let i = from; i < to; i++) {
        out.starts[out.length] = i;
        out.ends[out.length] = i + 1;
        out.length++;
      }
    }
    from = to === end ? end : to + 2;
  }
}

/** Maps a range of the Simplified text to the decoded text of the page. */
export function toSource(at: ArticleText, start: number, end: number): Range {
  const s = at.simplified.starts[start] ?? 0;
  const e = end > start ? (at.simplified.ends[end - 1] ?? s) : s;
  const os = at.original.starts[s] ?? 0;
  const oe = e > s ? (at.original.ends[e - 1] ?? os) : os;
  return { start: os, end: Math.max(os, oe) };
}

/** The page-script text of a range of the Simplified text. */
export function originalText(at: ArticleText, start: number, end: number): string {
  const s = at.simplified.starts[start] ?? 0;
  const e = end > start ? (at.simplified.ends[end - 1] ?? s) : s;
  return at.original.text.slice(s, e);
}
