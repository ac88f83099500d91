import type { ArticleNode } from '../tree/types.ts';
import type { TextView } from '../tree/view.ts';

/**
 * An article's searchable text: every block's source pieces in reading order (lines that
 * layout rejoined are joined again, so 凌|駕 split by a column break reads 凌駕), `**`
 * emphasis markers left out, one block a line. Kept as the pieces' offsets (`spans`), not
 * as text: the text is rebuilt from the document's decoded text, with a map back to it.
 */

/** Per block, its source pieces flattened: `[start, end, start, end, …]`. */
export type ArticleSpans = number[][];

/** The spans of an article, from its blocks' pieces. */
export function articleSpans(article: ArticleNode): ArticleSpans {
  return article.children.map((block) => block.pieces.flatMap((p) => [p.start, p.end]));
}

/** Two ASCII letters or digits on either side of a join: a space goes between them. */
function needsSpace(before: number, after: number): boolean {
  const word = (c: number) =>
    (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  return word(before) && word(after);
}

/** Rebuilds an article's text from the document's decoded text, with a map back to it. */
export function articleText(source: string, spans: ArticleSpans): TextView {
  const parts: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let lastEnd = 0;
  let lastChar = 0;
  /** Copies `source[from, to)`, each unit mapped to itself. */
  const copy = (from: number, to: number) => {
    parts.push(source.slice(from, to));
    for (let i = from; i < to; i++) {
      starts.push(i);
      ends.push(i + 1);
    }
    lastChar = source.charCodeAt(to - 1);
  };
  /** Adds a character the source does not have, mapped to the empty range at `at`. */
  const insert = (text: string, at: number) => {
    parts.push(text);
    starts.push(at);
    ends.push(at);
    lastChar = text.charCodeAt(0);
  };
  spans.forEach((pieces, b) => {
    if (b > 0) insert('\n', lastEnd);
    for (let k = 0; k + 1 < pieces.length; k += 2) {
      const start = pieces[k] as number;
      const end = pieces[k + 1] as number;
      if (k > 0 && needsSpace(lastChar, source.charCodeAt(start))) insert(' ', start);
      // Emphasis markers are markup: copy the piece around every `**`.
      let from = start;
      let at = source.indexOf('**', from);
      while (at >= 0 && at + 2 <= end) {
        if (at > from) copy(from, at);
        from = at + 2;
        at = source.indexOf('**', from);
      }
      if (from < end) copy(from, end);
      lastEnd = end;
    }
  });
  starts.push(lastEnd);
  ends.push(lastEnd);
  return { text: parts.join(''), starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}
