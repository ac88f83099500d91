import { codePointLength, endingOf } from '../text/chars.ts';

/** Longest part of a headline (code points): a clause, never a paragraph's worth. */
const MAX_PART = 30;
/** Longest headline made of parts (code points, spaces aside). */
const MAX_HEADLINE = 80;
/** A rubric over the headline: 【美簽港自治法】, 【東盟峰會】. */
export const RUBRIC = /^【[^【】\s]{1,15}】/;
/** A part that opens with a name and a colon (外交部：…, 李明：…): it may carry commas. */
const NAMED = /^[^\s，,。、；;：:「」『』“”《》（）()]{1,12}[：:]\S/;

/**
 * A line shaped like a news headline made of parts: a 【…】 rubric, or segments set apart by
 * (full-width) spaces (林鄭上京述職　李克強：…，…). Every part is short and ends no
 * sentence; a part holds a comma only after a name and a colon (X：…，…). There must be two
 * parts at least: one long unpunctuated clause or one X：…，… clause alone reads as well as
 * the first line of a paragraph broken across a page. The whole does not end a sentence.
 */
export function isHeadlineShaped(raw: string): boolean {
  const text = raw.replace(/\*\*/g, ' ').trim();
  if (text === '' || /[。；;]/.test(text)) return false;
  const ending = endingOf(text);
  if (ending === 'terminal' || ending === 'continuing') return false;
  if (codePointLength(text.replace(/\s+/g, '')) > MAX_HEADLINE) return false;
  const parts: string[] = [];
  let rest = text;
  const rubric = RUBRIC.exec(rest);
  if (rubric !== null) {
    parts.push(rubric[0]);
    rest = rest.slice(rubric[0].length).trim();
  }
  // Spaces between two wide characters part a headline; a space beside Latin text (G20 峰會)
  // is only a word space.
  for (const part of rest.split(/(?<=[^ -~\s])\s+(?=[^ -~\s])/)) {
    if (part !== '') parts.push(part);
  }
  return parts.length >= 2 && parts.every(isTitlePart);
}

function isTitlePart(part: string): boolean {
  const n = codePointLength(part.replace(/\s+/g, ''));
  if (n < 2 || n > MAX_PART) return false;
  const ending = endingOf(part);
  if (ending === 'continuing') return false;
  // ？ and ！ may close a part (誰之過？), never stand inside one.
  if (/[！？!?]./u.test(part)) return false;
  if (!isBalanced(part)) return false;
  return !/[，,]/.test(part) || NAMED.test(part);
}

const PAIRS: Record<string, string> = {
  '）': '（',
  ')': '(',
  '》': '《',
  '】': '【',
  '」': '「',
  '』': '『',
};

/** Brackets and quotes closed where they open: a part cut out of a dateline is not. */
function isBalanced(part: string): boolean {
  const stack: string[] = [];
  for (const c of part) {
    if (Object.values(PAIRS).includes(c)) stack.push(c);
    else if (c in PAIRS && stack.pop() !== PAIRS[c]) return false;
  }
  return stack.length === 0;
}
