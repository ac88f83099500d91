import type { ViewWord } from './types.ts';

/** Words after which 有的 opens a clause: 也有的, 还有的, 而有的. */
const OPENERS = new Set(['也', '还', '而', '但', '则', '其中']);

/**
 * 有的人说… → 有的 | 人: at the head of a clause 有的 is the pronoun "some", one word in
 * every segmentation standard; jieba cuts it 有 | 的. Elsewhere (所有的, 没有的, 有的是)
 * the two stay apart. Works in place.
 */
export function joinYouDe(text: string, words: ViewWord[]): ViewWord[] {
  // Compacts in place: the merged word takes the place of 有 and 的 drops out.
  let n = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as ViewWord;
    const next = words[i + 1];
    if (
      next !== undefined &&
      w.end - w.start === 1 &&
      text.charCodeAt(w.start) === 0x6709 /* 有 */ &&
      next.end - next.start === 1 &&
      text.charCodeAt(next.start) === 0x7684 /* 的 */ &&
      opensClause(text, n === 0 ? undefined : words[n - 1]) &&
      text.charCodeAt(next.end) !== 0x662f /* 是: 有的是 */
    ) {
      w.end = next.end;
      w.pos = 'r';
      i++;
    }
    words[n++] = w;
  }
  words.length = n;
  return words;
}

function opensClause(text: string, prev: ViewWord | undefined): boolean {
  if (prev === undefined) return true;
  const word = text.slice(prev.start, prev.end);
  if (OPENERS.has(word)) return true;
  // Punctuation, brackets, whitespace: anything that is not a letter, digit or Han.
  return !/[\p{L}\p{N}]/u.test(word);
}
