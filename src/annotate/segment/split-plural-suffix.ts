import type { ViewWord } from './types.ts';

/** Pronouns and set words that take 们 as part of themselves. */
const WHOLE = new Set([
  '我们',
  '你们',
  '您们',
  '他们',
  '她们',
  '它们',
  '咱们',
  '俺们',
  '人们',
  '哥们',
  '爷们',
  '娘们',
]);

const MEN = 0x4eec; // 们

function splits(text: string, w: ViewWord): boolean {
  if (w.end - w.start < 2 || text.charCodeAt(w.end - 1) !== MEN) return false;
  return !WHOLE.has(text.slice(w.end - 2, w.end));
}

/**
 * 朋友们 → 朋友 | 们: the plural suffix after a noun is a word of its own in every
 * segmentation standard, while jieba's dictionary holds some noun+们 words whole.
 * Pronouns (我们, 他们, 人们 …) stay one word. Works in place.
 */
export function splitPluralSuffix(text: string, words: ViewWord[]): ViewWord[] {
  let extra = 0;
  for (const w of words) if (splits(text, w)) extra++;
  if (extra === 0) return words;
  // Fill from the end so every word moves once.
  let j = words.length + extra;
  words.length = j;
  for (let i = words.length - extra - 1; i >= 0; i--) {
    const w = words[i] as ViewWord;
    if (splits(text, w)) {
      words[--j] = { start: w.end - 1, end: w.end, text: '', pos: 'k' };
      w.end -= 1;
    }
    words[--j] = w;
  }
  return words;
}
