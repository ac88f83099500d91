import type { Script } from '../tree/types.ts';
import { openccConverter } from './convert-script.ts';

/** How much of the text is looked at. */
const SAMPLE_UNITS = 20_000;
/** The smaller script makes a text `mixed` when it has at least this many characters… */
const MIXED_MIN = 3;
/** …and at least this share of all the evidence. */
const MIXED_SHARE = 0.15;

/** Bit 1: a Traditional-only character; bit 2: a Simplified-only one. */
const TRADITIONAL = 1;
const SIMPLIFIED = 2;
let table: Uint8Array | null = null;

/**
 * Which script a text is written in: its Han characters are looked up in a table of
 * characters that only one script writes (built once from opencc-js's own conversions),
 * over a sample of at most 20,000 units. Text without Han characters, or with only
 * characters both scripts share, is `unknown`.
 */
export function detectScript(text: string): Script {
  const marks = scriptTable();
  const n = text.length;
  // Long texts: evenly spaced windows, so a page's later articles count too.
  const windows = n <= SAMPLE_UNITS ? 1 : 20;
  const size = n <= SAMPLE_UNITS ? n : Math.floor(SAMPLE_UNITS / windows);
  const step = windows === 1 ? 0 : (n - size) / (windows - 1);
  let traditional = 0;
  let simplified = 0;
  for (let w = 0; w < windows; w++) {
    const from = Math.floor(w * step);
    const to = Math.min(n, from + size);
    for (let i = from; i < to; i++) {
      const mark = marks[text.charCodeAt(i)] as number;
      if (mark === TRADITIONAL) traditional++;
      else if (mark === SIMPLIFIED) simplified++;
    }
  }
  return decideScript(traditional, simplified);
}

/**
 * True when `text` may hold a character only Traditional writes (a whole-text scan). The
 * table covers the Basic Multilingual Plane; a character beyond it (𢶫) counts as maybe.
 */
export function hasTraditional(text: string): boolean {
  const marks = scriptTable();
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (marks[c] === TRADITIONAL || (c >= 0xd800 && c <= 0xdbff)) return true;
  }
  return false;
}

/**
 * The one-script characters of the Basic Multilingual Plane, from opencc-js character by
 * character: Traditional-only when Hong Kong Traditional → Simplified changes it;
 * Simplified-only when both the Hong Kong and the Taiwan standard change it back (characters
 * one region writes as they are, such as 台, 群, 峰 and Hong Kong's 着, are no evidence).
 */
function scriptTable(): Uint8Array {
  if (table !== null) return table;
  const chars: string[] = [];
  for (let c = 0x3400; c <= 0x9fff; c++)
    if (c < 0x4dc0 || c >= 0x4e00) chars.push(String.fromCharCode(c));
  for (let c = 0xf900; c <= 0xfaff; c++) chars.push(String.fromCharCode(c));
  // One character a line, so no phrase of the dictionaries spans two of them.
  const all = chars.join('\n');
  const toCn = openccConverter('hk-to-cn')(all).split('\n');
  const toHk = openccConverter('cn-to-hk')(all).split('\n');
  const toTw = openccConverter('cn-to-tw')(all).split('\n');
  const marks = new Uint8Array(0x10000);
  chars.forEach((ch, k) => {
    const code = ch.charCodeAt(0);
    if (toCn[k] !== ch) marks[code] = TRADITIONAL;
    else if (toHk[k] !== ch && toTw[k] !== ch) marks[code] = SIMPLIFIED;
  });
  table = marks;
  return marks;
}

/** The verdict from the two evidence counts. */
export function decideScript(traditional: number, simplified: number): Script {
  const total = traditional + simplified;
  if (total === 0) return 'unknown';
  const minority = Math.min(traditional, simplified);
  if (minority >= MIXED_MIN && minority / total >= MIXED_SHARE) return 'mixed';
  // A tie of a few characters goes to Traditional: Simplified evidence is the noisier kind
  // (游, 占, 范, 周 are Traditional characters too), while Simplified text gives almost no
  // Traditional evidence.
  return traditional >= simplified ? 'traditional' : 'simplified';
}
