import type { Token } from '../../tree/annotations.ts';
import type { TextView } from '../../tree/view.ts';
import type { ViewWord } from './types.ts';

/** True when `text[start, end)` is all whitespace (the full-width space included). */
function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x20 && c !== 0x3000 && c !== 0xa0 && c !== 0xfeff && !(c >= 0x2000 && c <= 0x200b)) {
      return false;
    }
  }
  return true;
}

/**
 * Maps words of the view back to tokens of the decoded text `source`, in place: the list
 * and its objects become the tokens. A word whose units stand for a longer or shorter
 * source range (a phrase the conversion changed in length) maps to that whole range; when
 * two words map into one such range they become one token, so tokens never overlap and
 * stay in order. Whitespace is not a token. A token's text is the source slice, in the
 * source's own script.
 */
export function mapToSource(
  source: string,
  view: TextView,
  text: string,
  words: ViewWord[],
): Token[] {
  const { starts, ends } = view;
  let n = 0;
  let last: Token | undefined;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as ViewWord;
    if (w.end <= w.start || isBlank(text, w.start, w.end)) continue;
    const start = starts[w.start] as number;
    const end = Math.max(start, ends[w.end - 1] as number);
    if (last !== undefined && start < last.end) {
      if (end > last.end) {
        last.end = end;
        last.text = source.slice(last.start, end);
      }
      continue;
    }
    w.start = start;
    w.end = end;
    w.text = source.slice(start, end);
    words[n++] = w;
    last = w;
  }
  words.length = n;
  return words;
}
