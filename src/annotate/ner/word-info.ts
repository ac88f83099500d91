/**
 * What the word segmenter says about each unit of a piece of text: the part of speech of
 * the word it belongs to (jieba's tags: nr a person, ns a place, nt an organisation, …),
 * its position in that word, and the word itself, all as hashed numbers for the features.
 */

/** A word as the segmenter cuts and tags it. */
export interface TaggedWord {
  word: string;
  tag: string;
}

/** Per-unit word facts, parallel to the text. */
export interface WordInfo {
  /** Hash of the word's part-of-speech tag; 0 where no word covers the unit. */
  tag: Int32Array;
  /** 0 begin, 1 middle, 2 end, 3 single-unit word. */
  pos: Uint8Array;
  /** Hash of the word; 0 where no word covers the unit. */
  word: Int32Array;
  /** Length of the word (capped at 7). */
  length: Uint8Array;
  /** Tag and word hash of the word before and after the unit's word; 0 at the edges. */
  prevTag: Int32Array;
  nextTag: Int32Array;
  prevWord: Int32Array;
  nextWord: Int32Array;
}

/** A small string hash (FNV-1a), never 0. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h === 0 ? 1 : h;
}

/** Lays `words` (which spell `text` in order, perhaps skipping some units) onto its units. */
export function wordInfo(text: string, words: readonly TaggedWord[]): WordInfo {
  const n = text.length;
  const info: WordInfo = {
    tag: new Int32Array(n),
    pos: new Uint8Array(n),
    word: new Int32Array(n),
    length: new Uint8Array(n),
    prevTag: new Int32Array(n),
    nextTag: new Int32Array(n),
    prevWord: new Int32Array(n),
    nextWord: new Int32Array(n),
  };
  let at = 0;
  // The previous word laid down: its range, tag and hash.
  let lastStart = -1;
  let lastEnd = -1;
  let lastTag = 0;
  let lastWord = 0;
  for (const w of words) {
    const len = w.word.length;
    if (len === 0) continue;
    let start = at;
    if (text.startsWith(w.word, at) === false) {
      // The segmenter dropped or changed something: find the word further on.
      start = text.indexOf(w.word, at);
      if (start < 0) continue;
    }
    const tag = hashString(w.tag);
    const word = hashString(w.word);
    const capped = Math.min(len, 7);
    for (let k = 0; k < len; k++) {
      const i = start + k;
      info.tag[i] = tag;
      info.pos[i] = len === 1 ? 3 : k === 0 ? 0 : k === len - 1 ? 2 : 1;
      info.word[i] = word;
      info.length[i] = capped;
      info.prevTag[i] = lastTag;
      info.prevWord[i] = lastWord;
    }
    for (let i = lastStart; i >= 0 && i < lastEnd; i++) {
      info.nextTag[i] = tag;
      info.nextWord[i] = word;
    }
    lastStart = start;
    lastEnd = start + len;
    lastTag = tag;
    lastWord = word;
    at = start + len;
  }
  return info;
}
