import { cutWords, tableIsCheaper, tagger, tagWords } from './jieba.ts';
import type { ViewWord } from './types.ts';

/** Text handed to jieba at once: long enough to amortise the call, short enough to keep the
 * word list of one call small. */
const CHUNK = 1 << 16;
/** Texts up to this length are tagged by jieba itself, which spares reading its whole
 * dictionary into a tag table, until the table is built or a batch has made it worth
 * building; longer ones are cut and tagged from the table. */
const SMALL = 1 << 15;
/** How far back from a chunk's end to look for a place to cut it. */
const LOOK_BACK = 1 << 12;

/** Units after which a chunk may end without cutting a word: line ends, spaces, 。，！？；. */
const BREAK = /[\s。，！？；,!?;]/;

/**
 * Where the chunk from `from` ends: after the last line break before `limit`, else after
 * the last space or sentence mark shortly before it, else at `limit` itself, never between
 * the halves of a surrogate pair.
 */
function chunkEnd(text: string, from: number, limit: number): number {
  if (limit >= text.length) return text.length;
  for (let i = limit - 1; i > from; i--) if (text.charCodeAt(i) === 0x0a) return i + 1;
  for (let i = limit - 1; i > Math.max(from, limit - LOOK_BACK); i--) {
    if (BREAK.test(text[i] as string)) return i + 1;
  }
  const c = text.charCodeAt(limit - 1);
  return c >= 0xd800 && c <= 0xdbff ? limit - 1 : limit;
}

/** Cuts the whole view text with jieba, as tagged words with offsets into it. */
export function cutView(text: string, hmm: boolean): ViewWord[] {
  const out: ViewWord[] = [];
  if (text.length <= SMALL && !tableIsCheaper(text.length)) {
    let at = 0;
    for (const { word, tag } of tagWords(text, hmm)) {
      out.push({ start: at, end: at + word.length, text: '', pos: tag });
      at += word.length;
    }
    if (at === text.length) return out;
    out.length = 0;
  }
  const tagOf = tagger();
  for (let from = 0; from < text.length; ) {
    const to = chunkEnd(text, from, from + CHUNK);
    const chunk = text.slice(from, to);
    const words = cutWords(chunk, hmm);
    const mark = out.length;
    let at = from;
    for (const word of words) {
      out.push({ start: at, end: at + word.length, text: '', pos: tagOf(word) });
      at += word.length;
    }
    // jieba gives back every unit of its input, in order; should it ever not, place each
    // word where it is found instead.
    if (at !== to) {
      out.length = mark;
      at = from;
      for (const word of words) {
        const found = text.indexOf(word, at);
        if (found === -1 || found + word.length > to) continue;
        out.push({ start: found, end: found + word.length, text: '', pos: tagOf(word) });
        at = found + word.length;
      }
    }
    from = to;
  }
  return out;
}
