import type { Token } from '../../tree/annotations.ts';
import type { TextView } from '../../tree/view.ts';
import { SPEECH_CUES, STANCE_CUES } from '../cues.ts';

/**
 * What the word segmenter says about each unit of a piece of text: the part of speech of
 * the word it belongs to (jieba's tags: nr a person, ns a place, nt an organisation, …),
 * its position in that word, and the word itself, all as hashed numbers for the features.
 */

/** A word of the Simplified text the tagger reads: `[start, end)` offsets into it. */
export interface ViewWord {
  start: number;
  end: number;
  pos: string;
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

function newInfo(n: number): WordInfo {
  return {
    tag: new Int32Array(n),
    pos: new Uint8Array(n),
    word: new Int32Array(n),
    length: new Uint8Array(n),
    prevTag: new Int32Array(n),
    nextTag: new Int32Array(n),
    prevWord: new Int32Array(n),
    nextWord: new Int32Array(n),
  };
}

/** Speech and stance cues of two units or more: 表示, 祝贺, 高度评价. */
const CUES = new Set<string>(
  [...SPEECH_CUES, ...STANCE_CUES.map((c) => c.cue)].filter((c) => c.length >= 2),
);

/**
 * The part of speech the features see: a verb for a word that is, or ends in, a speech or
 * stance cue. jieba's dictionary tags some of them as names (祝贺 nr, 热烈祝贺 ns), and a
 * cue is just what follows a name in the news (普京热烈祝贺…): read as a name it pulls the
 * name before it into a longer, wrong one.
 */
function partOfSpeech(word: string, pos: string): string {
  if (pos.charCodeAt(0) !== 0x6e /* n */ || word.length < 2) return pos;
  if (CUES.has(word)) return 'v';
  for (let k = 2; k < word.length; k++) if (CUES.has(word.slice(word.length - k))) return 'v';
  return pos;
}

/** The arrays wordInfo fills, kept from call to call. */
let buffers = newInfo(1024);

/**
 * Lays `words` onto the units of `text[from, to)`: words are in order, offsets into the
 * whole text; a word reaching outside the piece is cut to it. The arrays are reused by the
 * next call (they may be longer than the piece): read them before calling again.
 */
export function wordInfo(
  text: string,
  from: number,
  to: number,
  words: readonly ViewWord[],
  first = 0,
): WordInfo {
  const n = to - from;
  if (buffers.tag.length < n) buffers = newInfo(Math.max(n, 2 * buffers.tag.length));
  const info = buffers;
  for (const a of Object.values(info) as (Int32Array | Uint8Array)[]) a.fill(0, 0, n);
  // The previous word laid down: its range (piece offsets), tag and hash.
  let lastStart = -1;
  let lastEnd = -1;
  let lastTag = 0;
  let lastWord = 0;
  for (let k = first; k < words.length; k++) {
    const w = words[k] as ViewWord;
    if (w.end <= from) continue;
    if (w.start >= to) break;
    const start = Math.max(w.start, from) - from;
    const end = Math.min(w.end, to) - from;
    const len = end - start;
    const form = text.slice(start + from, end + from);
    const tag = hashString(partOfSpeech(form, w.pos));
    const word = hashString(form);
    const capped = Math.min(len, 7);
    for (let i = start; i < end; i++) {
      info.tag[i] = tag;
      info.pos[i] = len === 1 ? 3 : i === start ? 0 : i === end - 1 ? 2 : 1;
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
    lastEnd = end;
    lastTag = tag;
    lastWord = word;
  }
  return info;
}

/**
 * Tokens of the decoded text (offsets into it, as the segmenter gives them) as words of
 * its Simplified view `view`: a token covers the view units that came from inside it.
 */
export function tokensToViewWords(view: TextView, tokens: readonly Token[]): ViewWord[] {
  const out: ViewWord[] = [];
  const m = view.text.length;
  let j = 0;
  for (const t of tokens) {
    while (j < m && (view.starts[j] as number) < t.start) j++;
    const start = j;
    while (j < m && (view.starts[j] as number) < t.end) j++;
    if (j > start) out.push({ start, end: j, pos: t.pos });
  }
  return out;
}
