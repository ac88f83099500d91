/**
 * Character classes for Chinese news text. Latin-centred tools know nothing of 。！？「」《》
 * or the full-width space, so these tables are our own.
 */

/** Marks that end a sentence: a line ending in one of them may end a paragraph. */
const TERMINAL = new Set([...'。！？!?…']);
/** Closing marks that may follow a terminal mark (。」 ends a sentence; 」 alone may not). */
const CLOSERS = new Set([...'」』”’）)】》〕']);
/** Marks inside a sentence: a line ending in one of them surely goes on. */
const CONTINUING = new Set([...'，、；：,;:（(「『“‘《【〔—-']);
/** Punctuation that marks running prose when found inside a line. */
const PROSE = new Set([...'，。；！？、,;']);

/** True for a UTF-16 unit that is a Han ideograph (BMP blocks, incl. extension A) or a surrogate. */
export function isHan(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xd800 && code <= 0xdfff)
  );
}

/** True for ASCII letters and digits (and full-width ones). */
export function isAlnum(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0xff10 && code <= 0xff19) ||
    (code >= 0xff21 && code <= 0xff3a) ||
    (code >= 0xff41 && code <= 0xff5a)
  );
}

/** How a piece of text ends, as far as sentence structure goes. */
export type Ending = 'terminal' | 'closer' | 'continuing' | 'open';

/** Classifies the last visible character of `text`. */
export function endingOf(text: string): Ending {
  let i = text.length - 1;
  while (i >= 0 && text.charCodeAt(i) <= 0x20) i--;
  if (i < 0) return 'open';
  const last = text[i] as string;
  if (TERMINAL.has(last)) return 'terminal';
  if (CLOSERS.has(last)) {
    // 。」 and ！」 end a sentence; a bare 」 closes a quoted term mid-sentence.
    let j = i - 1;
    while (j >= 0 && CLOSERS.has(text[j] as string)) j--;
    return j >= 0 && TERMINAL.has(text[j] as string) ? 'terminal' : 'closer';
  }
  if (CONTINUING.has(last)) return 'continuing';
  return 'open';
}

/** True when `text` holds sentence punctuation (，。；…), i.e. reads as running prose. */
export function hasProsePunctuation(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (PROSE.has(text[i] as string)) return true;
  }
  return false;
}

/** True when `text` ends with a sentence-final mark (possibly inside closing quotes). */
export function endsSentence(text: string): boolean {
  return endingOf(text) === 'terminal';
}

/** Number of code points in `text` (a surrogate pair counts once). */
export function codePointLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++;
  }
  return n;
}

/** Terminal display width: East Asian wide and full-width characters count 2. */
export function displayWidth(text: string): number {
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) continue;
    w += isWide(c) ? 2 : 1;
  }
  return w;
}

function isWide(c: number): boolean {
  return (
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xd800 && c <= 0xdbff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6)
  );
}

/** A UTF-16 surrogate without its pair: no character, in a string that is not well formed. */
export const LONE_SURROGATE =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
