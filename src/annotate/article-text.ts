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
  const chars: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const blocks: ArticleText['blocks'] = [];
  for (const node of article.children) {
    const from = starts.length;
    node.pieces.forEach((piece, k) => {
      // A list bullet or a caption marker is layout, not text: 雙方… must open the line.
      const skip =
        k === 0 && (node.type === 'list-item' || node.type === 'caption')
          ? markerLength(source, piece)
          : 0;
      appendPiece(source, { start: piece.start + skip, end: piece.end }, chars, starts, ends);
    });
    blocks.push({ node, from, to: starts.length });
    chars.push('\n');
    starts.push(node.end);
    ends.push(node.end);
  }
  const end = article.end;
  starts.push(end);
  ends.push(end);
  const original: TextView = {
    text: chars.join(''),
    starts: Int32Array.from(starts),
    ends: Int32Array.from(ends),
  };
  return { original, simplified: simplifiedView(original.text), blocks };
}

/** Length of a leading list bullet or caption marker with its spaces: `- `, `●`. */
function markerLength(source: string, piece: Range): number {
  const m = /^\s*(?:[-*•・]|[●▲◆■▼◎])\s*/.exec(
    source.slice(piece.start, Math.min(piece.end, piece.start + 8)),
  );
  return m === null ? 0 : m[0].length;
}

/** Appends a piece's characters, leaving out emphasis markers. */
function appendPiece(
  source: string,
  piece: Range,
  chars: string[],
  starts: number[],
  ends: number[],
): void {
  for (let i = piece.start; i < piece.end; i++) {
    if (source.charCodeAt(i) === 0x2a && source.charCodeAt(i + 1) === 0x2a) {
      i++;
      continue;
    }
    chars.push(source[i] as string);
    starts.push(i);
    ends.push(i + 1);
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
