/**
 * Part-of-speech tags by word, laid out so the lookups a segmenter makes millions of times
 * cost no allocation and no string hashing: one-unit words in a table by code unit, two-unit
 * words (most of running text) in an open-addressing hash table over typed arrays, longer
 * words in a Map.
 */
export class TagTable {
  /** Tag names; the tables hold indexes into it. */
  private readonly names: string[] = [];
  private readonly index = new Map<string, number>();
  /** One-unit words: tag index + 1 by code unit, 0 when unknown. */
  private readonly one = new Uint16Array(65536);
  /** Two-unit words: keys (first << 16 | second, as uint32) and tag index + 1. */
  private keys = new Uint32Array(1 << 18);
  private values = new Uint16Array(1 << 18);
  private size = 0;
  private readonly longer = new Map<string, string>();

  private tagIndex(tag: string): number {
    let i = this.index.get(tag);
    if (i === undefined) {
      i = this.names.length;
      this.names.push(tag);
      this.index.set(tag, i);
    }
    return i + 1;
  }

  /** Sets the tag of `word`, replacing any it had. */
  set(word: string, tag: string): void {
    if (word.length === 1) this.one[word.charCodeAt(0)] = this.tagIndex(tag);
    else if (word.length === 2)
      this.setPair(word.charCodeAt(0), word.charCodeAt(1), this.tagIndex(tag));
    else this.longer.set(word, tag);
  }

  /** The tag of `word`, or undefined when the table does not know it. */
  get(word: string): string | undefined {
    const n = word.length;
    if (n === 2) {
      const v = this.getPair(word.charCodeAt(0), word.charCodeAt(1));
      return v === 0 ? undefined : this.names[v - 1];
    }
    if (n === 1) {
      const v = this.one[word.charCodeAt(0)] as number;
      return v === 0 ? undefined : this.names[v - 1];
    }
    return this.longer.get(word);
  }

  private slot(a: number, b: number): number {
    return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) >>> (32 - this.bits());
  }

  private bits(): number {
    return 31 - Math.clz32(this.keys.length);
  }

  private getPair(a: number, b: number): number {
    const key = ((a << 16) | b) >>> 0;
    const mask = this.keys.length - 1;
    // Keys are never 0 for two real units; 0 marks an empty slot.
    for (let i = this.slot(a, b); ; i = (i + 1) & mask) {
      const k = this.keys[i] as number;
      if (k === key) return this.values[i] as number;
      if (k === 0) return 0;
    }
  }

  private setPair(a: number, b: number, value: number): void {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    const key = ((a << 16) | b) >>> 0;
    const mask = this.keys.length - 1;
    for (let i = this.slot(a, b); ; i = (i + 1) & mask) {
      const k = this.keys[i] as number;
      if (k === key || k === 0) {
        if (k === 0) this.size++;
        this.keys[i] = key;
        this.values[i] = value;
        return;
      }
    }
  }

  private grow(): void {
    const keys = this.keys;
    const values = this.values;
    this.keys = new Uint32Array(keys.length * 2);
    this.values = new Uint16Array(keys.length * 2);
    this.size = 0;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i] as number;
      if (k !== 0) this.setPair(k >>> 16, k & 0xffff, values[i] as number);
    }
  }
}
