import './allocator.ts';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { type DictionaryWord, dictionaryWords } from '../lexicon/index.ts';
import notNames from './not-names.generated.json' with { type: 'json' };
import { TagTable } from './tag-table.ts';

/**
 * The only file that touches @node-rs/jieba. One segmenter per process, built on first use
 * with jieba's default dictionary, then kept in step with the lexicon: the shipped lexicon
 * of the field and every user dictionary loaded since (`loadUserDictionary`).
 */

let instance: Jieba | null = null;
/** How many of the lexicon's dictionary words the segmenter has been given. */
let loaded = 0;
/** The tags of lexicon and user words, which win over jieba's own: jieba keeps the tag a
 * word already had when a dictionary adds it again (莫斯科 stays nr, not ns). */
const overrides = new Map<string, string>();

/**
 * Words jieba's dictionary tags as a person's name that the NER training splits show are
 * none, with the tag they show (乌克兰 ns, 欧佩克 nt; 卫星, 祝贺 nc: no name, of a kind the
 * splits do not tell): see scripts/build-not-names.ts. They take it over jieba's; lexicon
 * and user words win over both.
 */
const RETAGGED: ReadonlyMap<string, string> = new Map(
  (notNames.words as unknown as [string, string][]).map(([word, tag]) => [word, tag]),
);

const encoder = new TextEncoder();

/** The segmenter, with every dictionary word known so far loaded into it. */
function jieba(): Jieba {
  if (instance === null) instance = Jieba.withDict(dict);
  const words = dictionaryWords();
  if (loaded < words.length) {
    const lines: string[] = [];
    for (let i = loaded; i < words.length; i++) {
      const w = words[i] as DictionaryWord;
      lines.push(`${w.word} ${w.freq ?? suggestFrequency(w.word)} ${w.tag ?? 'n'}`);
      if (w.tag !== undefined) overrides.set(w.word, w.tag);
    }
    instance.loadDict(encoder.encode(`${lines.join('\n')}\n`));
    loaded = words.length;
  }
  return instance;
}

/** Cuts `text` (Simplified reads best) into words, HMM on for words the dictionary lacks. */
export function cutWords(text: string, hmm = true): string[] {
  return jieba().cut(text, hmm);
}

/** A word as jieba cuts and tags it. */
export interface TaggedWord {
  word: string;
  tag: string;
}

/**
 * Cuts and tags `text` with jieba's own tagger, lexicon tags winning. Cheaper than
 * `tagger()` for a short text, whose first use reads the whole default dictionary; several
 * times dearer per word for a long one.
 */
export function tagWords(text: string, hmm = true): TaggedWord[] {
  const out = jieba().tag(text, hmm);
  for (const w of out) {
    const tag = overrides.get(w.word) ?? RETAGGED.get(w.word);
    if (tag !== undefined) w.tag = tag;
  }
  return out;
}

/** jieba's default dictionary, read once when first needed. */
interface Table {
  freq: Map<string, number>;
  tags: TagTable;
  total: number;
  /** The longest word, to bound the route search. */
  longest: number;
  /** How many lexicon dictionary words `tags` holds. */
  tagged: number;
}

let table: Table | null = null;
/** Characters tagged through jieba's own tagger so far: past a few pages the table pays. */
let taggedChars = 0;
const TABLE_PAYS = 1 << 17;

/** Whether cutting and tagging from the table is the cheaper way now: it is built, or
 * enough text went through jieba's tagger that building it pays back. */
export function tableIsCheaper(upcoming: number): boolean {
  taggedChars += upcoming;
  return table !== null || taggedChars > TABLE_PAYS;
}

function defaultTable(): Table {
  if (table !== null) return table;
  const freq = new Map<string, number>();
  const tags = new TagTable();
  let total = 0;
  let longest = 1;
  const text = new TextDecoder().decode(dict);
  let at = 0;
  while (at < text.length) {
    let eol = text.indexOf('\n', at);
    if (eol === -1) eol = text.length;
    const s1 = text.indexOf(' ', at);
    if (s1 !== -1 && s1 < eol) {
      let s2 = text.indexOf(' ', s1 + 1);
      if (s2 === -1 || s2 > eol) s2 = eol;
      const word = text.slice(at, s1);
      const f = Number.parseInt(text.slice(s1 + 1, s2), 10);
      if (Number.isFinite(f)) {
        freq.set(word, f);
        total += f;
        if (word.length > longest) longest = word.length;
      }
      if (s2 < eol) tags.set(word, text.slice(s2 + 1, eol).trim());
    }
    at = eol + 1;
  }
  for (const [word, tag] of RETAGGED) tags.set(word, tag);
  table = { freq, tags, total, longest, tagged: 0 };
  return table;
}

const DIGITS = /^[0-9][0-9.,]*%?$/;
const LATIN = /[A-Za-z]/;

/** The tag of a word no dictionary knows: `m` for a number, `eng` for Latin, else `x`. */
function unknownTag(word: string): string {
  if (DIGITS.test(word)) return 'm';
  return LATIN.test(word) ? 'eng' : 'x';
}

/**
 * The part-of-speech tagger jieba's `tag` applies, in JavaScript: the dictionary's tag for a
 * known word (the lexicon's for a lexicon word: 莫斯科 ns, 北约 nt), else `m` for a
 * number, `eng` for Latin, `x` for anything else (words the HMM found, punctuation).
 * Gives the same tags as `tagWords`. Asking jieba to tag costs several times more than
 * cutting, most of it in building the result objects; looking tags up here costs a
 * fraction of the cut, once the dictionary has been read (a few hundred milliseconds).
 */
export function tagger(): (word: string) => string {
  const t = defaultTable();
  const words = dictionaryWords();
  for (; t.tagged < words.length; t.tagged++) {
    const w = words[t.tagged] as DictionaryWord;
    if (w.tag !== undefined) t.tags.set(w.word, w.tag);
  }
  const tags = t.tags;
  return (word) => tags.get(word) ?? unknownTag(word);
}

/**
 * The frequency a new dictionary word needs to be kept whole, as Python jieba's
 * `suggest_freq(word)` computes it: just above the probability of the best route through
 * the word by the default dictionary's words (unknown single characters count 1), and never
 * below the word's own frequency when the dictionary already has it.
 */
export function suggestFrequency(word: string): number {
  const { freq, total, longest } = defaultTable();
  const n = word.length;
  // best[i]: log-probability of the best route over word[i..n).
  const best = new Float64Array(n + 1);
  const logTotal = Math.log(total);
  for (let i = n - 1; i >= 0; i--) {
    let top = Number.NEGATIVE_INFINITY;
    const limit = Math.min(n, i + longest);
    for (let j = i + 1; j <= limit; j++) {
      // The whole word is what we are pricing: its route must use smaller pieces.
      if (i === 0 && j === n) continue;
      const f = freq.get(word.slice(i, j)) ?? (j === i + 1 ? 1 : 0);
      if (f <= 0) continue;
      const score = Math.log(f) - logTotal + (best[j] as number);
      if (score > top) top = score;
    }
    best[i] = top;
  }
  const routed = n < 2 ? 0 : Math.floor(Math.exp((best[0] as number) + logTotal)) + 1;
  return Math.max(routed, freq.get(word) ?? 1, 1);
}
