import { codePointLength } from './chars.ts';
import { CREDIT, MAX_CREDIT } from './patterns.ts';

/** Longest line read as a caption only by the credit glued after its one sentence: a
 * picture digest's stories (世界這一天) are longer lines closed by a credit too. */
export const MAX_GLUED_CAPTION = 40;

/** A date closing a credit: 113年12月29日 (a Minguo year), 2024年12月29日, 2024/12/29. */
const CREDIT_DATE = /\s*(?:\d{2,4}年\d{1,2}月\d{1,2}日|\d{4}[./-]\d{1,2}[./-]\d{1,2})$/;

/** Whether `text` is a photo credit: 新華社, 網上圖片, 中新社記者 張三 攝, and with the date the
 * photo was taken after it (中央社記者王飛華攝 113年12月29日). */
export function isCredit(text: string): boolean {
  const bare = text.replace(CREDIT_DATE, '');
  return codePointLength(bare) <= MAX_CREDIT && bare !== '' && CREDIT.test(bare);
}

/**
 * Where a credit glued after a line's only sentence starts (台灣空軍的幻影戰機。美聯社,
 * 終審法院的牌子遭人塗鴉。張三攝), or null: a scraped page keeps a photo's caption and credit
 * as a line of their own, and a body paragraph never closes on an agency's name. The line
 * sentence is at most MAX_GLUED_CAPTION long and has no other sentence end, and what follows
 * it is a credit, perhaps in brackets.
 */
export function gluedCreditStart(text: string): number | null {
  const end = text.search(/[。！？]/);
  if (end < 2 || end >= text.length - 1) return null;
  if (codePointLength(text.slice(0, end + 1)) > MAX_GLUED_CAPTION) return null;
  const rest = text.slice(end + 1).trim();
  // In brackets as a news agency prints it: …致詞。（中央社記者王飛華攝 113年12月29日）
  const bare = /^[（(][^（()）]+[）)]$/.test(rest) ? rest.slice(1, -1) : rest;
  return /[。！？]/.test(bare) || !isCredit(bare) ? null : end + 1;
}
