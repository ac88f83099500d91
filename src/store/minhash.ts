/**
 * Near-duplicate detection for stories: the copies of one article in other outlets, other
 * encodings or scripts, lightly edited. An article's text (its Simplified view, without the
 * headline) is cut into shingles, overlapping runs of SHINGLE characters with whitespace
 * and punctuation left out; its MinHash signature (HASHES minima of as many hash functions
 * over the shingles) is cut into BANDS bands of ROWS minima, and each band hashed to a key.
 * Two articles whose shingle sets have Jaccard similarity J share at least one key with
 * probability 1 − (1 − J^ROWS)^BANDS, so the archive finds an article's candidates by its
 * keys alone (an index lookup each), never by comparing it with every article; a candidate
 * is then verified on the exact shingle sets (`sameStory`).
 *
 * The SQL half (the bands table, the stories) is sqlite/join-story.ts.
 */

/** Characters per shingle. Five: a Chinese word is one to four characters, so a 5-gram
 * spans words and two stories on one topic (外交部发言人, 单边制裁) share few of them, while
 * a copy shares nearly all. */
export const SHINGLE = 5;

/** Bands of the signature, and minima per band. With 32 × 3 an article pair becomes a
 * candidate with probability 0.99 at J = 0.5, 0.88 at J = 0.4, 0.23 at J = 0.2 and 0.03 at
 * J = 0.1. On the composed set a copy and the story as written measure J ≥ 0.51 (its first
 * half only; the other copies 0.56 and more), different stories of one topic J ≤ 0.12 (a
 * market report from one template 0.18): copies are found, other stories rarely read. 32
 * keys an article: 32 index rows, about 550 bytes. */
export const BANDS = 32;
export const ROWS = 3;
/** Hash functions of the signature: BANDS × ROWS. */
export const HASHES = BANDS * ROWS;

/** Articles with fewer comparable characters than this (about two sentences) form a story
 * of their own: a short notice shares most of its shingles with any other on its topic. */
export const MIN_STORY_CHARS = 80;

/**
 * Verification thresholds, measured on the composed set of test/helpers/story-set.ts
 * (`npm run eval`, "Stories"; 168 pages, 24 stories): a copy against the story as written
 * (the other script, another encoding, a new headline and dateline, a paragraph cut and a
 * sentence reworded, its first half only, all of these at once) has a containment of 0.82
 * or more; two copies cut apart from each other 0.44 or more (they meet through the
 * others); different stories of one topic with the same actors 0.18 or less, two days of a
 * market report written from one template 0.31. 0.5 sits between, with room on both sides:
 * a copy reworded further still passes, the stock phrases of a topic (外交部发言人林剑,
 * 世界贸易组织规则, 有记者问) do not.
 */
export const MIN_CONTAINMENT = 0.5;
/** The shorter text must be at least this share of the longer's shingles: a brief quoted
 * whole inside a long roundup is not a copy of the roundup. */
export const MIN_SIZE_RATIO = 0.3;
/** When the shorter gives MIN_NUMBERS_COUNTED numbers or more, at least this share of them
 * must be in the longer: a daily report written from a template (the same sentences, the
 * day's figures) is a new story every day; a copy keeps its figures, but for a dateline
 * (6月13日) another outlet may drop. */
export const MIN_NUMBERS = 0.5;
export const MIN_NUMBERS_COUNTED = 4;

/** What an article is compared on: its shingles, sorted, and the numbers it gives. */
export interface StoryPrint {
  /** Hashes of its distinct shingles, ascending. */
  shingles: Uint32Array;
  /** Its runs of digits (2024, 35, 1000), distinct. */
  numbers: ReadonlySet<string>;
  /** Comparable characters: letters and digits. */
  chars: number;
}

const NOT_COMPARED = /[^\p{L}\p{N}]+/gu;

/**
 * The characters an article is compared on: its Simplified text with full-width letters and
 * digits folded (ＣＯＶＩＤ１９ → covid19), lower case, and nothing but letters and digits:
 * punctuation, whitespace and line breaks differ from copy to copy (，/,, 「」/“”, a
 * re-wrapped paragraph) and say nothing of the story.
 */
export function comparableText(simplified: string): string {
  return simplified.normalize('NFKC').toLowerCase().replace(NOT_COMPARED, '');
}

/** murmur3's finaliser: a 32-bit mix in which every input bit changes every output bit. */
function mix(h: number): number {
  let x = h;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** The seeds of the signature's hash functions, fixed: signatures are stored (as keys) and
 * compared across runs. */
const SEEDS = Uint32Array.from({ length: HASHES }, (_, i) => mix(Math.imul(i + 1, 0x9e3779b9)));

/** The distinct shingle hashes of a comparable text, ascending; a text shorter than a
 * shingle is one shingle. */
export function shingles(comparable: string): Uint32Array {
  const cps = Array.from(comparable, (c) => c.codePointAt(0) as number);
  if (cps.length === 0) return new Uint32Array();
  const count = Math.max(1, cps.length - SHINGLE + 1);
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    // FNV-1a over the shingle's code points, then mixed.
    let h = 0x811c9dc5;
    const end = Math.min(i + SHINGLE, cps.length);
    for (let j = i; j < end; j++) h = Math.imul(h ^ (cps[j] as number), 0x01000193);
    out[i] = mix(h);
  }
  out.sort();
  let n = 0;
  for (let i = 0; i < out.length; i++) {
    if (i === 0 || out[i] !== out[n - 1]) out[n++] = out[i] as number;
  }
  return out.slice(0, n);
}

const DIGITS = /\d+/g;

/** What an article is compared on, from its comparable text. */
export function storyPrint(comparable: string): StoryPrint {
  return {
    shingles: shingles(comparable),
    numbers: new Set(comparable.match(DIGITS) ?? []),
    chars: [...comparable].length,
  };
}

/** The MinHash signature of a set of shingle hashes: for each hash function, the least
 * value it gives any shingle. */
export function signature(shingleHashes: Uint32Array): Uint32Array {
  const sig = new Uint32Array(HASHES).fill(0xffffffff);
  for (let s = 0; s < shingleHashes.length; s++) {
    const x = shingleHashes[s] as number;
    for (let i = 0; i < HASHES; i++) {
      const v = mix(x ^ (SEEDS[i] as number));
      if (v < (sig[i] as number)) sig[i] = v;
    }
  }
  return sig;
}

/** 2^32, to build keys of more than 32 bits. */
const HIGH = 0x1_0000_0000;

/**
 * The band keys of a signature: each band's minima and its number hashed to a whole number
 * below 2^47 (six bytes in SQLite; a chance collision only adds a candidate that
 * verification turns down).
 */
export function bandKeys(sig: Uint32Array): number[] {
  const keys: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let lo = mix(b + 1);
    let hi = mix(lo ^ 0x5bd1e995);
    for (let r = 0; r < ROWS; r++) {
      const m = sig[b * ROWS + r] as number;
      lo = mix(Math.imul(lo, 31) ^ m);
      hi = mix(Math.imul(hi, 37) ^ m ^ 0x27d4eb2d);
    }
    keys.push((hi & 0x7fff) * HIGH + lo);
  }
  return keys;
}

/** How many values two ascending arrays share. */
function shared(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}

/** How two prints compare: the containment of the shorter's shingles in the longer's, their
 * Jaccard similarity, and the share of the shorter's numbers the longer gives. */
export interface Likeness {
  containment: number;
  jaccard: number;
  sizeRatio: number;
  /** 1 when the shorter gives fewer than MIN_NUMBERS_COUNTED numbers. */
  numbers: number;
}

/** Compares two prints. */
export function likeness(a: StoryPrint, b: StoryPrint): Likeness {
  const [short, long] = a.shingles.length <= b.shingles.length ? [a, b] : [b, a];
  if (short.shingles.length === 0) return { containment: 0, jaccard: 0, sizeRatio: 0, numbers: 0 };
  const both = shared(short.shingles, long.shingles);
  let numbers = 1;
  if (short.numbers.size >= MIN_NUMBERS_COUNTED) {
    let found = 0;
    for (const n of short.numbers) if (long.numbers.has(n)) found++;
    numbers = found / short.numbers.size;
  }
  return {
    containment: both / short.shingles.length,
    jaccard: both / (short.shingles.length + long.shingles.length - both),
    sizeRatio: short.shingles.length / long.shingles.length,
    numbers,
  };
}

/** Whether two articles are copies of one story; see the thresholds above. */
export function sameStory(l: Likeness): boolean {
  return (
    l.containment >= MIN_CONTAINMENT && l.sizeRatio >= MIN_SIZE_RATIO && l.numbers >= MIN_NUMBERS
  );
}

/** The text an article is compared on: its Simplified text without the headline (the first
 * line, when it has one: a copy is often headlined anew), comparable characters only. */
export function storyText(simplified: string, hasHeadline: boolean): string {
  if (!hasHeadline) return comparableText(simplified);
  const line = simplified.indexOf('\n');
  return line < 0 ? '' : comparableText(simplified.slice(line + 1));
}
