import { gunzipSync, gzipSync } from 'node:zlib';
import {
  AFTER_1,
  AFTER_2,
  BEFORE_1,
  BEFORE_2,
  FEATURE_VERSION,
  FEATURES_PER_UNIT,
  f1,
  f2,
  HASHED_PER_UNIT,
  type Padded,
} from './extract-features.ts';
import { characterFlags, ORG_SUFFIX, PLACE_SUFFIX, SURNAME } from './gazetteer.ts';
import { TAG_COUNT, TAG_NAMES } from './tags.ts';

/**
 * The tagger's weights and their file format. Perceptron weights are sparse (a feature
 * mostly carries weight for the two or three tags it was corrected between), so each
 * feature keeps only its non-zero tag weights, quantized to 16 bits. A model file is gzip
 * over, little-endian: `JNER` · u32 header length · header JSON (UTF-8, padded to 4 bytes)
 * · transition, start and end weights (Float32, T×T + 2T) · feature keys (Int32, N) ·
 * entry counts (Uint8, N, padded to 4) · entries (Int32, M: `weight << 4 | tag`, by
 * feature). Features are hashes, so the file holds no text of the training data.
 */

const MAGIC = 0x52454e4a; // 'JNER', little-endian

/** What a model file says about itself. */
export interface ModelHeader {
  format: 2;
  featureVersion: number;
  tags: readonly string[];
  features: number;
  entries: number;
  /** Weight = stored integer × scale. */
  scale: number;
  /** Notes from the trainer: corpora, epochs, seed. */
  trained?: Record<string, unknown>;
}

/** What the trainer hands over to be written: dense averaged weights. */
export interface ModelParts {
  keys: Int32Array;
  /** N × T emission weights. */
  weights: Float32Array;
  /** T × T: weight of tag b after tag a at `a * T + b`. */
  transitions: Float32Array;
  start: Float32Array;
  end: Float32Array;
  trained?: Record<string, unknown>;
}

const T = TAG_COUNT;

/** Integer score sums of the units being scored, kept from call to call. */
let sums = new Int32Array(1024 * T);
/** A feature's entries while tables are built or a rare feature is added. */
const scratchEntries = new Int32Array(T + 1);
/** A key added on its own (addKey). */
const oneKey = new Int32Array(1);
/** The table slots of one unit's tabulated templates. */
const tabled = new Int32Array(8);

/** Marks a slot whose entries do not fit in it: `offset << 4 | OVERFLOW`, then the count. */
const OVERFLOW = 15;
/** Int32 values a slot of the table holds: the key and up to three entries. */
const SLOT = 4;
/** Bits of a key that index the presence bitmap (NerModel.present). */
const PRESENT_BITS = 23;
const PRESENT_SHIFT = 32 - PRESENT_BITS;

/** Codes a character block is kept for: the BMP, then the four padding codes. */
const CHAR_CODES = 0x10000 + 4;

/**
 * The templates `scoreUnits` reads from tables instead of the hash table (those not in
 * extractHashedFeatures), built at first use by enumerating their values and looking each
 * feature up once. Entries are packed `weight << 8 | row << 4 | tag`.
 */
interface Direct {
  entries: Int32Array;
  /** Each character's weights at the five units it is a feature of (templates 1–5: it is
   * two before, one before, at, one after, two after the unit; 16: its flags with it):
   * entries from charStart[code] to charStart[code + 1], row = 2 + unit − its position. */
  charStart: Int32Array;
  /** The bias (template 0), by tag: added to every unit. */
  bias: Int32Array;
  /** The others, row 0: `offset << 5 | count` into entries by value (0: none). Template 14,
   * by the five classes read as a number in base 9. */
  classes: Int32Array;
  /** Templates 15 and 17 together, by the flags of the units from one before to two after
   * (3 bits each). */
  flags: Int32Array;
  /** Templates 18 and 21 together, by hint · 16 + the next unit's class (hints < 16). */
  hintClass: Int32Array;
  /** Template 20, by its value (hints < 32). */
  hintWindow: Int32Array;
}

/**
 * A loaded model. Feature keys sit in an open-addressing table whose slots (16 bytes) hold
 * the key and, for most features, all of its entries (up to three tag weights), so scoring
 * a feature touches one place in memory; a feature with more entries points to them in a
 * separate array. With hundreds of thousands of features each lookup is a cache miss, and
 * one miss a feature instead of two (slot, then entries) scores about 1.5× faster.
 */
export class NerModel {
  readonly header: ModelHeader;
  readonly transitions: Float32Array;
  readonly start: Float32Array;
  readonly end: Float32Array;
  /** Slots: key, then entries `weight << 4 | tag` (0: none), or `offset << 4 | OVERFLOW`
   * and a count; key 0 marks an empty slot. */
  private readonly table: Int32Array;
  private readonly mask: number;
  /** Entries of the features that have more than SLOT − 1. */
  private readonly overflow: Int32Array;
  /** One bit a value of a key's top PRESENT_BITS bits, set for the model's keys: about half
   * the features of running text are in no model, and a lookup that misses probes five slots
   * on average; this bitmap (1 MB, mostly in cache) turns away 19 in 20 of them at once. */
  private readonly present: Uint32Array;
  private readonly scale: number;
  /** Built at the first scoreUnits. */
  private direct: Direct | null = null;

  constructor(
    header: ModelHeader,
    keys: Int32Array,
    counts: Uint8Array,
    entries: Int32Array,
    weights: { transitions: Float32Array; start: Float32Array; end: Float32Array },
  ) {
    if (TAG_COUNT >= OVERFLOW) throw new Error('NER model: too many tags for the slot format');
    this.header = header;
    this.transitions = weights.transitions;
    this.start = weights.start;
    this.end = weights.end;
    this.scale = header.scale;
    const n = keys.length;
    // Up to about 70% full: the longer probes mostly stay in the cache line they start in.
    let size = 16;
    while (size < n * 1.4) size *= 2;
    this.table = new Int32Array(size * SLOT);
    this.mask = size - 1;
    let spilled = 0;
    for (let r = 0; r < n; r++) if ((counts[r] as number) >= SLOT) spilled += counts[r] as number;
    this.overflow = new Int32Array(spilled);
    this.present = new Uint32Array(1 << (PRESENT_BITS - 5));
    for (let r = 0; r < n; r++) {
      const bit = (keys[r] as number) >>> PRESENT_SHIFT;
      this.present[bit >>> 5] = (this.present[bit >>> 5] as number) | (1 << (bit & 31));
    }
    let offset = 0;
    let spill = 0;
    for (let r = 0; r < n; r++) {
      const key = keys[r] as number;
      const count = counts[r] as number;
      let s = key & this.mask;
      while (this.table[SLOT * s] !== 0) s = (s + 1) & this.mask;
      const at = SLOT * s;
      this.table[at] = key;
      if (count < SLOT) {
        for (let e = 0; e < count; e++) this.table[at + 1 + e] = entries[offset + e] as number;
      } else {
        this.table[at + 1] = (spill << 4) | OVERFLOW;
        this.table[at + 2] = count;
        this.overflow.set(entries.subarray(offset, offset + count), spill);
        spill += count;
      }
      offset += count;
    }
  }

  /**
   * Writes the tag scores of `n` units (n × TAG_COUNT) into `scores` from their features
   * (n × FEATURES_PER_UNIT keys).
   */
  score(features: Int32Array, n: number, scores: Float32Array): void {
    const { scale } = this;
    if (sums.length < n * T) sums = new Int32Array(Math.max(n * T, 2 * sums.length));
    const acc = sums;
    acc.fill(0, 0, n * T);
    for (let i = 0; i < n; i++) {
      const base = i * T;
      const from = i * FEATURES_PER_UNIT;
      this.addFeatures(features, from, from + FEATURES_PER_UNIT, acc, base);
    }
    for (let k = 0; k < n * T; k++) scores[k] = (acc[k] as number) * scale;
  }

  /**
   * Adds the weights of the features `keys[from..to)` to the sums of the unit at `base`:
   * the presence bitmap first, then the slot, its entries inline or in `overflow`.
   */
  private addFeatures(
    keys: Int32Array,
    from: number,
    to: number,
    acc: Int32Array,
    base: number,
  ): void {
    const { table, mask, overflow, present } = this;
    const wrap = SLOT * mask + SLOT - 1;
    for (let f = from; f < to; f++) {
      const key = keys[f] as number;
      const bit = key >>> PRESENT_SHIFT;
      if (((present[bit >>> 5] as number) & (1 << (bit & 31))) === 0) continue;
      let s = (key & mask) * SLOT;
      let found = table[s] as number;
      while (found !== key) {
        if (found === 0) break;
        s = (s + SLOT) & wrap;
        found = table[s] as number;
      }
      if (found === 0) continue;
      const e0 = table[s + 1] as number;
      if ((e0 & 15) === OVERFLOW) {
        const first = e0 >>> 4;
        const last = first + (table[s + 2] as number);
        for (let e = first; e < last; e++) {
          const entry = overflow[e] as number;
          const k = base + (entry & 15);
          acc[k] = (acc[k] as number) + (entry >> 4);
        }
        continue;
      }
      let k = base + (e0 & 15);
      acc[k] = (acc[k] as number) + (e0 >> 4);
      const e1 = table[s + 2] as number;
      if (e1 === 0) continue;
      k = base + (e1 & 15);
      acc[k] = (acc[k] as number) + (e1 >> 4);
      const e2 = table[s + 3] as number;
      if (e2 === 0) continue;
      k = base + (e2 & 15);
      acc[k] = (acc[k] as number) + (e2 >> 4);
    }
  }

  /** The entries of a feature (packed `weight << 4 | tag`), in `out`; how many. */
  private entriesOf(key: number, out: Int32Array): number {
    const { table, mask } = this;
    let s = (key & mask) * SLOT;
    for (let found = table[s] as number; found !== key; found = table[s] as number) {
      if (found === 0) return 0;
      s = (s + SLOT) & (SLOT * mask + SLOT - 1);
    }
    const e0 = table[s + 1] as number;
    if ((e0 & 15) === OVERFLOW) {
      const count = table[s + 2] as number;
      out.set(this.overflow.subarray(e0 >>> 4, (e0 >>> 4) + count));
      return count;
    }
    let count = 0;
    for (let e = 1; e < SLOT; e++) {
      const entry = table[s + e] as number;
      if (entry === 0) break;
      out[count++] = entry;
    }
    return count;
  }

  /** Adds one feature's weights to the sums of the unit at `base`. */
  private addKey(key: number, acc: Int32Array, base: number): void {
    oneKey[0] = key;
    this.addFeatures(oneKey, 0, 1, acc, base);
  }

  private buildDirect(): Direct {
    const entries: number[] = [];
    const one = new Int32Array(T);
    /** A table slot for the weights of `keys` summed (row 0). */
    const slot = (keys: readonly number[]): number => {
      one.fill(0);
      for (const key of keys) {
        const found = this.entriesOf(key, scratchEntries);
        for (let e = 0; e < found; e++) {
          const entry = scratchEntries[e] as number;
          one[entry & 15] = (one[entry & 15] as number) + (entry >> 4);
        }
      }
      const offset = entries.length;
      for (let t = 0; t < T; t++) if (one[t] !== 0) entries.push(((one[t] as number) << 8) | t);
      const count = entries.length - offset;
      return count === 0 ? 0 : (offset << 5) | count;
    };
    const unitFlags = characterFlags();
    const charStart = new Int32Array(CHAR_CODES + 1);
    const rows = new Int32Array(5 * T);
    // Row of each character template: the unit it serves, less the character's position, + 2.
    const ROW = [4, 3, 2, 1, 0];
    for (let i = 0; i < CHAR_CODES; i++) {
      const code =
        i < 0x10000 ? i : ([BEFORE_1, BEFORE_2, AFTER_1, AFTER_2][i - 0x10000] as number);
      rows.fill(0);
      const add = (key: number, row: number) => {
        const found = this.entriesOf(key, scratchEntries);
        for (let e = 0; e < found; e++) {
          const entry = scratchEntries[e] as number;
          const k = row * T + (entry & 15);
          rows[k] = (rows[k] as number) + (entry >> 4);
        }
      };
      for (let t = 1; t <= 5; t++) add(f1(t, code), ROW[t - 1] as number);
      add(f2(16, i < 0x10000 ? (unitFlags[code] as number) : 0, code), 2);
      charStart[i] = entries.length;
      for (let k = 0; k < 5 * T; k++) {
        if (rows[k] !== 0)
          entries.push(((rows[k] as number) << 8) | (Math.floor(k / T) << 4) | (k % T));
      }
    }
    charStart[CHAR_CODES] = entries.length;
    const bias = new Int32Array(T);
    const found = this.entriesOf(f1(0, 0), scratchEntries);
    for (let e = 0; e < found; e++) {
      const entry = scratchEntries[e] as number;
      bias[entry & 15] = (bias[entry & 15] as number) + (entry >> 4);
    }
    const classes = new Int32Array(9 ** 5);
    for (let v = 0; v < classes.length; v++) {
      let value = 0;
      for (let i = 0, rest = v; i < 5; i++, rest = Math.floor(rest / 9))
        value |= (rest % 9) << (16 - 4 * i);
      classes[v] = slot([f1(14, value)]);
    }
    const flags = Int32Array.from({ length: 1 << 12 }, (_, v) => {
      const [before, at, next, second] = [v & 7, (v >> 3) & 7, (v >> 6) & 7, (v >> 9) & 7];
      return slot([
        f1(15, before | (at << 3) | (next << 6)),
        f1(17, (next & (PLACE_SUFFIX | ORG_SUFFIX)) | (second << 3) | ((at & SURNAME) << 6)),
      ]);
    });
    const hintClass = Int32Array.from({ length: 256 }, (_, v) =>
      slot([f1(18, v >> 4), f2(21, v >> 4, v & 15)]),
    );
    const hintWindow = Int32Array.from({ length: 1 << 15 }, (_, v) => slot([f1(20, v)]));
    return {
      entries: Int32Array.from(entries),
      charStart,
      bias,
      classes,
      flags,
      hintClass,
      hintWindow,
    };
  }

  /**
   * The tag scores of `n` units (n × TAG_COUNT), as `score` gives them for the features of
   * `extractFeatures`, from the hashed ones (n × HASHED_PER_UNIT, extractHashedFeatures)
   * and the padded units it returned, the other templates read from tables.
   */
  scoreUnits(hashed: Int32Array, units: Padded, n: number, scores: Float32Array): void {
    this.direct ??= this.buildDirect();
    const d = this.direct;
    const { scale } = this;
    const { entries, charStart } = d;
    const { c, k: cls, g, fl } = units;
    // Sums with four units of room on each side: a character adds to the units up to two
    // before and after it, the padding codes too, without a bounds check.
    const size = (n + 8) * T;
    if (sums.length < size) sums = new Int32Array(Math.max(size, 2 * sums.length));
    const acc = sums;
    acc.fill(0, 0, size);
    // Each character (and padding code) adds its weights to the units it is a feature of:
    // unit p − 4 + row, at p + row here.
    for (let p = 0; p < n + 4; p++) {
      const code = c[p] as number;
      const at = code < 0x10000 ? code : 0x10000 + code - BEFORE_1;
      const last = charStart[at + 1] as number;
      const row0 = p * T;
      for (let e = charStart[at] as number; e < last; e++) {
        const entry = entries[e] as number;
        const k = row0 + ((entry >> 4) & 15) * T + (entry & 15);
        acc[k] = (acc[k] as number) + (entry >> 8);
      }
    }
    for (let i = 0; i < n; i++) {
      const base = (i + 4) * T;
      const p = i + 2;
      const gm1 = g[p - 1] as number;
      const g0 = g[p] as number;
      const gp1 = g[p + 1] as number;
      const kp1 = cls[p + 1] as number;
      let m = 0;
      tabled[m++] = d.classes[
        ((((cls[p - 2] as number) * 9 + (cls[p - 1] as number)) * 9 + (cls[p] as number)) * 9 +
          kp1) *
          9 +
          (cls[p + 2] as number)
      ] as number;
      tabled[m++] = d.flags[
        (fl[p - 1] as number) |
          ((fl[p] as number) << 3) |
          ((fl[p + 1] as number) << 6) |
          ((fl[p + 2] as number) << 9)
      ] as number;
      // Hints beyond the tables' range (none the built-in lists or a lexicon write) are
      // looked up as the trainer hashed them.
      if (g0 < 16 && kp1 < 16) tabled[m++] = d.hintClass[(g0 << 4) | kp1] as number;
      else {
        this.addKey(f1(18, g0), acc, base);
        this.addKey(f2(21, g0, kp1), acc, base);
      }
      if (gm1 < 32 && g0 < 32 && gp1 < 32) {
        tabled[m++] = d.hintWindow[gm1 | (g0 << 5) | (gp1 << 10)] as number;
      } else this.addKey(f1(20, gm1 | (g0 << 5) | (gp1 << 10)), acc, base);
      for (let t = 0; t < m; t++) {
        const packed = tabled[t] as number;
        const last = (packed >>> 5) + (packed & 31);
        for (let e = packed >>> 5; e < last; e++) {
          const entry = entries[e] as number;
          const k = base + (entry & 15);
          acc[k] = (acc[k] as number) + (entry >> 8);
        }
      }
      const from = i * HASHED_PER_UNIT;
      this.addFeatures(hashed, from, from + HASHED_PER_UNIT, acc, base);
    }
    const { bias } = d;
    for (let i = 0; i < n; i++) {
      const from = (i + 4) * T;
      for (let t = 0; t < T; t++) {
        scores[i * T + t] = ((acc[from + t] as number) + (bias[t] as number)) * scale;
      }
    }
  }
}

/** Writes a model file's bytes: only non-zero weights, quantized. */
export function encodeModel(parts: ModelParts): Uint8Array {
  let max = 0;
  for (const w of parts.weights) max = Math.max(max, Math.abs(w));
  const scale = max === 0 ? 1 : max / 32767;
  const keys: number[] = [];
  const counts: number[] = [];
  const entries: number[] = [];
  for (let r = 0; r < parts.keys.length; r++) {
    let count = 0;
    for (let t = 0; t < T; t++) {
      const q = Math.round((parts.weights[r * T + t] as number) / scale);
      if (q === 0) continue;
      entries.push((q << 4) | t);
      count++;
    }
    if (count === 0) continue;
    keys.push(parts.keys[r] as number);
    counts.push(count);
  }
  const header: ModelHeader = {
    format: 2,
    featureVersion: FEATURE_VERSION,
    tags: TAG_NAMES,
    features: keys.length,
    entries: entries.length,
    scale,
    ...(parts.trained === undefined ? {} : { trained: parts.trained }),
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const pad4 = (x: number) => Math.ceil(x / 4) * 4;
  const size =
    8 +
    pad4(json.length) +
    4 * (T * T + 2 * T) +
    4 * keys.length +
    pad4(keys.length) +
    4 * entries.length;
  const buf = Buffer.alloc(size);
  buf.writeUInt32LE(MAGIC, 0);
  buf.writeUInt32LE(json.length, 4);
  json.copy(buf, 8);
  let at = 8 + pad4(json.length);
  for (const arr of [parts.transitions, parts.start, parts.end]) {
    for (const v of arr) {
      buf.writeFloatLE(v, at);
      at += 4;
    }
  }
  for (const k of keys) {
    buf.writeInt32LE(k, at);
    at += 4;
  }
  for (const c of counts) buf.writeUInt8(c, at++);
  at = pad4(at);
  for (const e of entries) {
    buf.writeInt32LE(e, at);
    at += 4;
  }
  return gzipSync(buf, { level: 9 });
}

/** Reads a model file's bytes; throws when they are not a model this code can use. */
export function decodeModel(bytes: Uint8Array): NerModel {
  const raw = gunzipSync(bytes);
  // An aligned copy, so the arrays below can view it directly.
  const buf = new Uint8Array(raw.byteLength);
  buf.set(raw);
  const view = new DataView(buf.buffer);
  if (view.getUint32(0, true) !== MAGIC) throw new Error('not a jiedu NER model');
  const length = view.getUint32(4, true);
  const header = JSON.parse(new TextDecoder().decode(buf.subarray(8, 8 + length))) as ModelHeader;
  if (header.format !== 2) throw new Error(`unknown NER model format ${header.format}`);
  if (header.featureVersion !== FEATURE_VERSION) {
    throw new Error(
      `NER model was trained on feature set ${header.featureVersion}, this code computes ` +
        `${FEATURE_VERSION}: run npm run train:ner`,
    );
  }
  if (header.tags.join(' ') !== TAG_NAMES.join(' ')) throw new Error('NER model tag set differs');
  const pad4 = (x: number) => Math.ceil(x / 4) * 4;
  const n = header.features;
  const little = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
  if (!little) throw new Error('NER models are read on little-endian machines only');
  let at = 8 + pad4(length);
  const floats = (count: number) => {
    const out = new Float32Array(buf.buffer, at, count);
    at += 4 * count;
    return out;
  };
  const transitions = floats(T * T);
  const start = floats(T);
  const end = floats(T);
  const keys = new Int32Array(buf.buffer, at, n);
  at += 4 * n;
  const counts = new Uint8Array(buf.buffer, at, n);
  at = pad4(at + n);
  const entries = new Int32Array(buf.buffer, at, header.entries);
  return new NerModel(header, keys, counts, entries, { transitions, start, end });
}
