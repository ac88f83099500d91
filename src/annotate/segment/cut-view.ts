import { cutWords, tagger } from './jieba.ts';
import type { ViewWord } from './types.ts';

/** Text handed to jieba at once: long enough to amortise the call, short enough to keep the
 * word list of one call small. Chunks end after a line break when there is one. */
const CHUNK = 1 << 16;

/** Cuts the whole view text with jieba, as tagged words with offsets into it. */
export function cutView(text: string, hmm: boolean): ViewWord[] {
  const out: ViewWord[] = [];
  const tagOf = tagger();
  for (let from = 0; from < text.length; ) {
    let to = Math.min(text.length, from + CHUNK);
    if (to < text.length) {
      const nl = text.lastIndexOf('\n', to - 1);
      if (nl > from) to = nl + 1;
    }
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
