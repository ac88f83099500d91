/**
 * The search module's view of characters. Chinese, Japanese and Korean characters are
 * indexed one by one (as overlapping pairs); runs of other letters and digits are words.
 * Everything else (punctuation, spaces, symbols) separates.
 */

/** A run of indexable text: `[start, end)` in UTF-16 units of the scanned string. */
export interface TextRun {
  kind: 'cjk' | 'word';
  start: number;
  end: number;
  /** cjk: the characters as written; word: folded (lower case, half width). */
  text: string;
}

const OTHER = 0;
const CJK = 1;
const WORD = 2;
type Kind = typeof OTHER | typeof CJK | typeof WORD;

const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}]/u;

/** How the search treats one code point. */
function kindOf(cp: number): Kind {
  if (cp < 0x80) {
    return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a)
      ? WORD
      : OTHER;
  }
  if (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x323af) ||
    cp === 0x3007 ||
    // Kana (not the ・ middle dot) and Hangul syllables: no spaces between words either.
    (cp >= 0x3041 && cp <= 0x30fa) ||
    (cp >= 0x30fc && cp <= 0x30ff) ||
    (cp >= 0xac00 && cp <= 0xd7a3)
  ) {
    return CJK;
  }
  if ((cp >= 0xff10 && cp <= 0xff19) || (cp >= 0xff21 && cp <= 0xff3a)) return WORD;
  if (cp >= 0xff41 && cp <= 0xff5a) return WORD;
  // CJK punctuation, general punctuation, full-width forms: separators, without a regex.
  if ((cp >= 0x3000 && cp <= 0x303f) || (cp >= 0x2000 && cp <= 0x206f)) return OTHER;
  if (cp >= 0xff00 && cp <= 0xffef) return OTHER;
  if (cp >= 0xe000 && cp <= 0xf8ff) return OTHER;
  return LETTER_OR_DIGIT.test(String.fromCodePoint(cp)) ? WORD : OTHER;
}

/** One word character folded: full-width to ASCII, upper case to lower. Keeps the length. */
function foldChar(cp: number): string {
  if (cp >= 0xff10 && cp <= 0xff5a) cp -= 0xfee0;
  if (cp >= 0x41 && cp <= 0x5a) return String.fromCharCode(cp + 32);
  if (cp < 0x80) return String.fromCharCode(cp);
  const ch = String.fromCodePoint(cp);
  const lower = ch.toLowerCase();
  return lower.length === ch.length ? lower : ch;
}

/** Longest word kept whole; a longer run (a URL's path, a hash) is cut there. */
export const MAX_WORD = 64;

/** The runs of `text` in order: Chinese (CJK) runs and words; separators are left out. */
export function scanRuns(text: string): TextRun[] {
  const runs: TextRun[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const cp = text.codePointAt(i) as number;
    const kind = kindOf(cp);
    if (kind === OTHER) {
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    const start = i;
    let folded = '';
    while (i < n) {
      const c = text.codePointAt(i) as number;
      if (kindOf(c) !== kind) break;
      if (kind === WORD) folded += foldChar(c);
      i += c > 0xffff ? 2 : 1;
    }
    runs.push({
      kind: kind === CJK ? 'cjk' : 'word',
      start,
      end: i,
      text: kind === CJK ? text.slice(start, i) : folded,
    });
  }
  return runs;
}
