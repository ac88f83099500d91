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
  // Most blocks are paragraphs: a sentence mark, more than MAX_HEADLINE letters or no space
  // between parts rules them out after a look at their first few dozen units, before any
  // string is made.
  if (!mayBeHeadline(raw)) return false;
  // Layout asks of a line, structure of the same block again: the few that get this far are
  // remembered.
  let shaped = SHAPED.get(raw);
  if (shaped === undefined) {
    shaped = readsAsHeadline(raw);
    if (SHAPED.size >= MAX_SHAPED) SHAPED.clear();
    SHAPED.set(raw, shaped);
  }
  return shaped;
}

/** Texts of the page being read that passed mayBeHeadline, and whether they read as a
 *  headline of parts. Emptied for every page (forgetHeadlineShapes): a text cut from a page
 *  may hold on to the whole page. */
const SHAPED = new Map<string, boolean>();
const MAX_SHAPED = 256;

/** Lets go of the texts isHeadlineShaped remembers; layout calls it for every page. */
export function forgetHeadlineShapes(): void {
  SHAPED.clear();
}

/** isHeadlineShaped past its first look (mayBeHeadline). */
function readsAsHeadline(raw: string): boolean {
  const text = raw.replace(/\*\*/g, ' ').trim();
  if (text === '') return false;
  const ending = endingOf(text);
  if (ending === 'terminal' || ending === 'continuing') return false;
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

/**
 * False when `raw` cannot be a headline of parts: it holds 。；; or, with each ** read as a
 * space, more than MAX_HEADLINE code points other than white space, or a run of more than
 * MAX_PART of them (a part holds every run in it; a run is counted afresh after 】, where a
 * rubric ends), or it has nothing that could part it (no white space, no **, no 【). Stops at
 * the first such mark or at the letter over a limit.
 */
function mayBeHeadline(raw: string): boolean {
  // A paragraph most often ends in a sentence mark, or in one and a closing quote or two.
  for (let i = Math.max(0, raw.length - 3); i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 0x3002 || c === 0xff1b || c === 0x3b) return false;
  }
  let n = 0;
  let run = 0;
  let parted = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 0x3002 || c === 0xff1b || c === 0x3b) return false;
    if (c === 0x2a && raw.charCodeAt(i + 1) === 0x2a) {
      parted = true;
      run = 0;
      i++;
      continue;
    }
    if (c >= 0xdc00 && c <= 0xdfff) continue;
    if (isWhite(c)) {
      parted = true;
      run = 0;
      continue;
    }
    if (c === 0x3010) parted = true;
    if (++n > MAX_HEADLINE || ++run > MAX_PART) return false;
    if (c === 0x3011) run = 0;
  }
  return parted;
}

/** What `\s` matches, by code unit. */
export function isWhite(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
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

/** The opening mark of each closing one, by code unit: ）（ )( 》《 】【 」「 』『. */
const OPENER_OF = new Map<number, number>([
  [0xff09, 0xff08],
  [0x29, 0x28],
  [0x300b, 0x300a],
  [0x3011, 0x3010],
  [0x300d, 0x300c],
  [0x300f, 0x300e],
]);
const OPENERS = new Set(OPENER_OF.values());

/** Brackets and quotes closed where they open: a part cut out of a dateline is not. */
function isBalanced(part: string): boolean {
  const stack: number[] = [];
  for (let i = 0; i < part.length; i++) {
    const c = part.charCodeAt(i);
    if (OPENERS.has(c)) stack.push(c);
    else {
      const open = OPENER_OF.get(c);
      if (open !== undefined && stack.pop() !== open) return false;
    }
  }
  return stack.length === 0;
}
