import { createHash } from 'node:crypto';
import { toSimplified } from '../normalize/index.ts';
import { keyOfSimplified } from './comparable-key.ts';

/**
 * Repeated passages across stories (issue 15, item 4): a paragraph that a different story
 * prints again word for word (an outlet's background paragraph reused in next week's
 * article, a statement two stories quote in full). Each block of an article long enough to
 * be distinctive is a passage, keyed by a hash of its comparable key (Simplified, without
 * spacing or punctuation: the key quotes and stances are compared on, storyKey). At ingest
 * each passage is looked up by its key (one index lookup, never all pairs): when the
 * earliest article that has it is of another story, or an earlier article of the same page,
 * the block is a repeat of that article (when it is an earlier copy of the same story, the
 * passage began in this story, whose copies count once already). The listings then leave out
 * a quote or stance inside a repeat that the earlier article has too, and the reader marks
 * the block.
 */

/**
 * The least comparable key a block must have to be a passage, in characters (a CJK
 * character is one). Shorter blocks are the lines every page of an outlet prints alike —
 * datelines and reporter lines (新华社北京5月20日电, 記者王小明／台北報導), source and editor
 * lines (責任編輯：…), a photo credit, "（完）" — which run to 5–20 characters and say
 * nothing of where a text was reused. A whole sentence of Chinese news prose runs to 20–40
 * characters and a quoted statement longer; 30 characters in the same order, spacing and
 * punctuation aside, are not written twice by chance.
 */
export const MIN_PASSAGE_CHARS = 30;

/** One passage of an article. */
export interface Passage {
  /** The block's position among the article's blocks. */
  block: number;
  /** The block's range in the document's text. */
  start: number;
  end: number;
  /** The hash of its comparable key: a whole number below 2^48. */
  key: number;
}

/** The hash of a comparable key: its SHA-1's first six bytes (a chance collision among
 * ten million passages is about one in five; it would only mark a block wrongly). */
export function passageKey(key: string): number {
  return createHash('sha1').update(key).digest().readUIntBE(0, 6);
}

/**
 * The passages of an article. `simplified` is its text in Simplified, one block a line (the
 * search index's, story-input.ts); `blocks`, its blocks in order, with `raw(k)` the text of
 * block k (its pieces of the page) for when the lines do not match the blocks one to one.
 */
export function articlePassages(
  simplified: string,
  blocks: readonly { start: number; end: number }[],
  raw: (k: number) => string,
): Passage[] {
  const lines = simplified.split('\n');
  const byLine = lines.length === blocks.length;
  const out: Passage[] = [];
  blocks.forEach((b, k) => {
    const key = keyOfSimplified(byLine ? (lines[k] as string) : toSimplified(raw(k)));
    if (key.length < MIN_PASSAGE_CHARS) return;
    out.push({ block: k, start: b.start, end: b.end, key: passageKey(key) });
  });
  return out;
}
