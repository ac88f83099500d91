/**
 * A Bloom filter over band keys (minhash.ts: whole numbers below 2^47): whether a key may be
 * held by some stored article. Most keys of a new article are held by no other (it is a
 * story of its own, or its copies share only some bands), and a key the filter has never
 * seen need not be looked up in the band index: a "no" is always right, a "maybe" is wrong
 * for about 1 key in 50 (then the look-up finds nothing, as it would have anyway).
 *
 * It grows in layers: when the keys added pass a layer's capacity, a new layer of twice the
 * capacity takes the next ones, and a key is looked for in every layer, so it never has to
 * be rebuilt from the index as the archive grows. 8 bits and 5 probes a key: about 2% of
 * absent keys answered "maybe" in one layer (1 − e^(−5/8))^5, a little more with several).
 */

import { mix } from './minhash.ts';

/** Bits a key in a layer. */
const BITS_PER_KEY = 8;
/** Bits set and tested a key. */
const PROBES = 5;

const TWO_32 = 4294967296;

class Layer {
  readonly bits: Uint32Array;
  /** Bits in the layer (a multiple of 32, not a power of two: sized to its capacity). */
  readonly m: number;
  readonly capacity: number;
  size = 0;

  constructor(capacity: number) {
    this.capacity = capacity;
    const words = Math.max(1, Math.ceil((capacity * BITS_PER_KEY) / 32));
    this.bits = new Uint32Array(words);
    this.m = words * 32;
  }
}

export class BandFilter {
  readonly #layers: Layer[] = [];
  /** Keys added (each time one is added, so a key added twice counts twice). */
  #added = 0;

  /** A filter sized for `capacity` keys in its first layer (more grow it). */
  constructor(capacity: number) {
    if (!(capacity >= 1)) throw new RangeError('BandFilter: capacity must be at least 1');
    this.#layers.push(new Layer(Math.ceil(capacity)));
  }

  /** Keys added so far. */
  get added(): number {
    return this.#added;
  }

  /** Bytes its layers hold. */
  get bytes(): number {
    let n = 0;
    for (const layer of this.#layers) n += layer.bits.byteLength;
    return n;
  }

  /** Layers (one more each time the keys added pass the last one's capacity). */
  get layers(): number {
    return this.#layers.length;
  }

  add(key: number): void {
    let layer = this.#layers.at(-1) as Layer;
    if (layer.size >= layer.capacity) {
      layer = new Layer(2 * layer.capacity);
      this.#layers.push(layer);
    }
    const lo = key >>> 0;
    const hi = Math.floor(key / TWO_32);
    const h1 = mix(lo ^ Math.imul(hi, 0x9e3779b1));
    const h2 = mix(hi ^ Math.imul(lo, 0x85ebca77)) | 1;
    const { bits, m } = layer;
    for (let i = 0; i < PROBES; i++) {
      const bit = ((h1 + Math.imul(i, h2)) >>> 0) % m;
      bits[bit >>> 5] = (bits[bit >>> 5] as number) | (1 << (bit & 31));
    }
    layer.size++;
    this.#added++;
  }

  /** false when `key` was never added; true when it was, or (rarely) by chance. */
  has(key: number): boolean {
    const lo = key >>> 0;
    const hi = Math.floor(key / TWO_32);
    const h1 = mix(lo ^ Math.imul(hi, 0x9e3779b1));
    const h2 = mix(hi ^ Math.imul(lo, 0x85ebca77)) | 1;
    for (const { bits, m } of this.#layers) {
      let all = true;
      for (let i = 0; i < PROBES; i++) {
        const bit = ((h1 + Math.imul(i, h2)) >>> 0) % m;
        if (((bits[bit >>> 5] as number) & (1 << (bit & 31))) === 0) {
          all = false;
          break;
        }
      }
      if (all) return true;
    }
    return false;
  }
}
