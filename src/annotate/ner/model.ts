import { gunzipSync, gzipSync } from 'node:zlib';
import { FEATURE_VERSION, FEATURES_PER_UNIT } from './extract-features.ts';
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

/**
 * A loaded model. Feature keys sit in an open-addressing table whose slots hold the key and
 * where its entries start and how many there are, side by side, so scoring a feature
 * touches two places in memory: its slot and its entries.
 */
export class NerModel {
  readonly header: ModelHeader;
  readonly transitions: Float32Array;
  readonly start: Float32Array;
  readonly end: Float32Array;
  /** Pairs: key, `offset << 4 | count`; key 0 marks an empty slot. */
  private readonly table: Int32Array;
  private readonly mask: number;
  private readonly entries: Int32Array;
  private readonly scale: number;

  constructor(
    header: ModelHeader,
    keys: Int32Array,
    counts: Uint8Array,
    entries: Int32Array,
    weights: { transitions: Float32Array; start: Float32Array; end: Float32Array },
  ) {
    this.header = header;
    this.transitions = weights.transitions;
    this.start = weights.start;
    this.end = weights.end;
    this.entries = entries;
    this.scale = header.scale;
    const n = keys.length;
    // Up to about 70% full: with hundreds of thousands of features each lookup is a cache
    // miss, and a table half the size of a half-full one misses less; the longer probes
    // mostly stay in the cache line they start in (tagging about 1.2× faster).
    let size = 16;
    while (size < n * 1.4) size *= 2;
    this.table = new Int32Array(size * 2);
    this.mask = size - 1;
    let offset = 0;
    for (let r = 0; r < n; r++) {
      const key = keys[r] as number;
      let s = key & this.mask;
      while (this.table[2 * s] !== 0) s = (s + 1) & this.mask;
      this.table[2 * s] = key;
      this.table[2 * s + 1] = (offset << 4) | (counts[r] as number);
      offset += counts[r] as number;
    }
  }

  /**
   * Writes the tag scores of `n` units (n × TAG_COUNT) into `scores` from their features
   * (n × FEATURES_PER_UNIT keys).
   */
  score(features: Int32Array, n: number, scores: Float32Array): void {
    const { table, mask, entries, scale } = this;
    if (sums.length < n * T) sums = new Int32Array(Math.max(n * T, 2 * sums.length));
    const acc = sums;
    acc.fill(0, 0, n * T);
    for (let i = 0; i < n; i++) {
      const base = i * T;
      const from = i * FEATURES_PER_UNIT;
      for (let f = from; f < from + FEATURES_PER_UNIT; f++) {
        const key = features[f] as number;
        let s = (key & mask) << 1;
        let found = table[s] as number;
        while (found !== key) {
          if (found === 0) break;
          s = (s + 2) & (mask * 2 + 1);
          found = table[s] as number;
        }
        if (found === 0) continue;
        const packed = table[s + 1] as number;
        const first = packed >>> 4;
        const last = first + (packed & 15);
        for (let e = first; e < last; e++) {
          const entry = entries[e] as number;
          const k = base + (entry & 15);
          acc[k] = (acc[k] as number) + (entry >> 4);
        }
      }
    }
    for (let k = 0; k < n * T; k++) scores[k] = (acc[k] as number) * scale;
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
