import { codePointLength } from './chars.ts';
import { CREDIT, MAX_CREDIT } from './patterns.ts';

/** Longest line read as a caption only by the credit glued after its one sentence: a
 * picture digest's stories (世界這一天) are longer lines closed by a credit too. */
export const MAX_GLUED_CAPTION = 40;

/** Whether `text` is a photo credit: 新華社, 網上圖片, 中新社記者 張三 攝. */
export function isCredit(text: string): boolean {
  return codePointLength(text) <= MAX_CREDIT && CREDIT.test(text);
}

/**
 * Where a credit glued after a line's only sentence starts (台灣空軍的幻影戰機。美聯社,
 * 終審法院的牌子遭人塗鴉。張三攝), or null: a scraped page keeps a photo's caption and credit
 * as a line of their own, and a body paragraph never closes on an agency's name. The line
 * is at most MAX_GLUED_CAPTION long, its sentence has no other sentence end, and what follows
 * the sentence is a credit.
 */
export function gluedCreditStart(text: string): number | null {
  if (codePointLength(text) > MAX_GLUED_CAPTION) return null;
  const end = text.search(/[。！？]/);
  if (end < 2 || end >= text.length - 1) return null;
  const rest = text.slice(end + 1).trim();
  return /[。！？]/.test(rest) || !isCredit(rest) ? null : end + 1;
}
