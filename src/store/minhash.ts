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
export function mix(h: number): number {
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

/** The seeds as signed 32-bit values, as the signature's loop reads them. */
const SEEDS_SIGNED = Int32Array.from(SEEDS);
/** Flips the sign bit: unsigned order becomes signed order. */
const SIGN = 0x80000000;

/** The MinHash signature of a set of shingle hashes: for each hash function, the least
 * value it gives any shingle. (Each hash is `mix`, written out, its value kept with the sign
 * bit flipped so that the minimum is taken on signed numbers: the same values, quicker.) */
export function signature(shingleHashes: Uint32Array): Uint32Array {
  const sig = new Uint32Array(HASHES);
  const n = shingleHashes.length;
  for (let i = 0; i < HASHES; i++) {
    const seed = SEEDS_SIGNED[i] as number;
    let least = 0x7fffffff;
    for (let s = 0; s < n; s++) {
      let x = (shingleHashes[s] as number) ^ seed;
      x ^= x >>> 16;
      x = Math.imul(x, 0x85ebca6b);
      x ^= x >>> 13;
      x = Math.imul(x, 0xc2b2ae35);
      x ^= x >>> 16;
      x ^= SIGN;
      if (x < least) least = x;
    }
    sig[i] = (least ^ SIGN) >>> 0;
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
function shared(a: Uint32Array, b: Uint32Array, need = 0): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    // With `need`: -1 as soon as what is left of `a` cannot bring the count up to it.
    if (n + a.length - i < need) return -1;
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

/**
 * A sketch of a print, stored beside each article so that verifying a candidate needs no
 * reading back of its text: the number of its shingles (so the size ratio is exact), the
 * hashes of its numbers (so the numbers check is exact), and its shingle hashes whole
 * (SAMPLE_RATE 1: all of them; a rate of n would keep the consistent sample of those whose
 * hash falls in the lowest 1/n of the range, and estimate the containment from it). Four
 * bytes a shingle: on bench:archive's composed articles (430 characters) about 1.9 kB an
 * article. Whole hashes make the sketch the print itself, so two sketches decide every pair
 * exactly as `sameStory` does and no stored text is read back at ingest.
 *
 * Archives written before kept each shingle to its low 16 bits (`bits: 16`, half the bytes).
 * Those sketches are still read: a pair with one of them is compared on 16-bit values, where
 * chance matches (at most about one in 65,536 per shingle of the longer) blur the
 * containment, and a pair nearer the threshold than the blur is left to the exact comparison
 * of the texts. At 100 k composed articles 16-bit sketches left 0.47 texts an article to read
 * back, a third of story detection's time.
 */
export const SAMPLE_RATE = 1;
/** Shingle hashes at or above this are not sampled (2^32 / SAMPLE_RATE). */
const SAMPLE_BELOW = 0x1_0000_0000 / SAMPLE_RATE;
/** A sketch's estimate decides only when it is this many standard deviations (of a sample;
 * none at SAMPLE_RATE 1) and the chance matches of 16-bit values from the threshold
 * (MIN_CONTAINMENT); nearer, the stored text is read and compared exactly. */
export const SKETCH_SIGMAS = 2;
/** Below this many sampled 16-bit values (in the shorter of two) the estimate is too loose
 * to decide anything: the stored text is read. */
export const MIN_SAMPLE = 48;

/** What a sketch keeps of a print. */
export interface Sketch {
  /** The print's number of distinct shingles. */
  shingles: number;
  /** Hashes of its numbers, ascending. */
  numbers: Uint32Array;
  /** Its sampled shingle hashes (32 bits), or their low 16 bits in an older archive's
   * sketch; distinct, ascending. */
  sample: Uint32Array;
  /** How many bits of each shingle hash `sample` keeps. */
  bits: 16 | 32;
}

/** FNV-1a over a string's UTF-16 units, mixed. */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return mix(h);
}

/** The distinct values of an ascending array, in place; returns their count. */
function distinctSorted(a: Uint32Array): number {
  let n = 0;
  for (let i = 0; i < a.length; i++) {
    if (n === 0 || a[i] !== a[n - 1]) a[n++] = a[i] as number;
  }
  return n;
}

/** The sketch of a print. */
export function sketchOf(print: StoryPrint): Sketch {
  const sample =
    SAMPLE_RATE === 1 ? print.shingles.slice() : print.shingles.filter((h) => h < SAMPLE_BELOW);
  const numbers = Uint32Array.from(print.numbers, hashString).sort();
  return {
    shingles: print.shingles.length,
    numbers: numbers.slice(0, distinctSorted(numbers)),
    sample,
    bits: 32,
  };
}

/** The low 16 bits of a sketch's sample, distinct and ascending: how it compares with an
 * older archive's sketch. */
function lowBits(s: Sketch): Uint32Array {
  if (s.bits === 16) return s.sample;
  const low = s.sample.map((v) => v & 0xffff).sort();
  return low.slice(0, distinctSorted(low));
}

/** Set in a stored sketch's first field (the shingle count, far below 2^31) when its sample
 * keeps whole 32-bit hashes. */
const WIDE = 0x8000_0000;

/** A sketch as stored, little-endian: its shingle count (4 bytes; the top bit set when the
 * sample keeps whole hashes), its count of numbers (2), then for whole hashes 2 bytes of
 * padding (so what follows lies on 4-byte boundaries and is read without conversion), the
 * numbers (4 bytes each) and the sample (4 bytes each, or 2 with no padding in an older
 * archive's sketch). */
export function encodeSketch(s: Sketch): Uint8Array {
  const numbers = Math.min(s.numbers.length, 0xffff);
  const wide = s.bits === 32;
  const head = wide ? 8 : 6;
  const bytes = new Uint8Array(head + 4 * numbers + (wide ? 4 : 2) * s.sample.length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, (s.shingles | (wide ? WIDE : 0)) >>> 0, true);
  view.setUint16(4, numbers, true);
  let at = head;
  for (let i = 0; i < numbers; i++, at += 4) view.setUint32(at, s.numbers[i] as number, true);
  for (const v of s.sample) {
    if (wide) view.setUint32(at, v, true);
    else view.setUint16(at, v, true);
    at += wide ? 4 : 2;
  }
  return bytes;
}

/** Whether this machine stores numbers little-endian, as sketches are (then a whole-hash
 * sketch's values are read as they lie). */
const LITTLE = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

/** A stored sketch read back; throws on bytes that are not one. */
export function decodeSketch(bytes: Uint8Array): Sketch {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 6) throw new RangeError('a story sketch is at least 6 bytes');
  const first = view.getUint32(0, true);
  const shingles = first & 0x7fff_ffff;
  const count = view.getUint16(4, true);
  if ((first & WIDE) !== 0) {
    const rest = bytes.byteLength - 8 - 4 * count;
    if (rest < 0 || rest % 4 !== 0) throw new RangeError('not a story sketch');
    if (LITTLE) {
      // One copy to an aligned buffer, then views of it.
      const words = new Uint32Array(bytes.byteLength / 4);
      new Uint8Array(words.buffer).set(bytes);
      return {
        shingles,
        numbers: words.subarray(2, 2 + count),
        sample: words.subarray(2 + count),
        bits: 32,
      };
    }
    const all = Uint32Array.from({ length: count + rest / 4 }, (_, i) =>
      view.getUint32(8 + 4 * i, true),
    );
    return { shingles, numbers: all.subarray(0, count), sample: all.subarray(count), bits: 32 };
  }
  const rest = bytes.byteLength - 6 - 4 * count;
  if (rest < 0 || rest % 2 !== 0) throw new RangeError('not a story sketch');
  const numbers = new Uint32Array(count);
  let at = 6;
  for (let i = 0; i < count; i++, at += 4) numbers[i] = view.getUint32(at, true);
  const sample = new Uint32Array(rest / 2);
  for (let i = 0; i < sample.length; i++, at += 2) sample[i] = view.getUint16(at, true);
  return { shingles, numbers, sample, bits: 16 };
}

/** What two sketches say: the same story, different stories, or too near the threshold to
 * tell (then the texts are compared exactly); with the containment estimated. */
export interface SketchVerdict {
  verdict: 'same' | 'different' | 'unsure';
  containment: number;
}

/**
 * Compares two sketches as `sameStory` compares prints: the size ratio and the numbers
 * exactly, the containment exactly too when both keep whole hashes of every shingle (then
 * the verdict is never unsure). With an older archive's 16-bit sketch on either side the
 * containment is estimated on 16-bit values and decides only when it is farther from
 * MIN_CONTAINMENT than SKETCH_SIGMAS standard deviations (a share of the shorter's sample
 * drawn from its shingles at 1/SAMPLE_RATE: at most 0.5·√((1 − 1/SAMPLE_RATE)/n)) plus the
 * chance matches of 16-bit values (about n·m/65,536 for samples of n and m, taken at three
 * deviations above).
 */
export function compareSketches(a: Sketch, b: Sketch): SketchVerdict {
  const [short, long] = a.shingles <= b.shingles ? [a, b] : [b, a];
  if (short.shingles === 0 || short.shingles / long.shingles < MIN_SIZE_RATIO) {
    return { verdict: 'different', containment: 0 };
  }
  if (short.numbers.length >= MIN_NUMBERS_COUNTED) {
    const found = shared(short.numbers, long.numbers);
    if (found / short.numbers.length < MIN_NUMBERS) return { verdict: 'different', containment: 0 };
  }
  if (short.bits === 32 && long.bits === 32 && SAMPLE_RATE === 1) {
    // Counting stops once the rest of the shorter cannot reach the threshold: most candidates
    // are other stories, decided halfway.
    const found = shared(
      short.sample,
      long.sample,
      Math.ceil(MIN_CONTAINMENT * short.shingles - 1e-9),
    );
    if (found < 0) return { verdict: 'different', containment: 0 };
    const containment = found / short.shingles;
    return { verdict: containment >= MIN_CONTAINMENT ? 'same' : 'different', containment };
  }
  const mine = lowBits(short);
  const theirs = lowBits(long);
  const n = mine.length;
  const containment = n === 0 ? 0 : shared(mine, theirs) / n;
  if (n < MIN_SAMPLE) return { verdict: 'unsure', containment };
  const sampling = SKETCH_SIGMAS * 0.5 * Math.sqrt((1 - 1 / SAMPLE_RATE) / n);
  // Chance matches of 16-bit values: about n·m/65,536 of them (a Poisson count), allowed
  // for up to three deviations above.
  const chance = (n * theirs.length) / 0x10000;
  const margin = sampling + (chance + 3 * Math.sqrt(chance) + 1) / n;
  if (containment >= MIN_CONTAINMENT + margin) return { verdict: 'same', containment };
  if (containment < MIN_CONTAINMENT - margin) return { verdict: 'different', containment };
  return { verdict: 'unsure', containment };
}
