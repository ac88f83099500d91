import { toSimplified, toTraditional } from '../../normalize/index.ts';
import generated from './lexicon.generated.json' with { type: 'json' };
import {
  type LexiconEntry,
  makeEntry,
  parseLexiconRow,
  simplifiedForms,
  TAG_OF_TYPE,
} from './make-entry.ts';

export type { LexiconEntry, LexiconRow, LexiconType } from './make-entry.ts';
export { LEXICON_TYPES, makeEntry, parseLexiconRow, simplifiedForms } from './make-entry.ts';

/**
 * The lexicon of the field: places, organisations, office titles, works, events and terms,
 * each with every spelling in both scripts. It ships generated from data/lexicon/*.tsv
 * (scripts/build-lexicon.ts) and grows with user dictionaries loaded at run time.
 */
export interface Lexicon {
  entries: readonly LexiconEntry[];
  /** The entry spelled `form` in either script, its abbreviation included (俄, 韓). */
  lookup(form: string): LexiconEntry | undefined;
}

/** A word for the segmenter's dictionary, in Simplified; a missing frequency is suggested. */
export interface DictionaryWord {
  word: string;
  freq?: number;
  tag?: string;
}

/** The shape of lexicon.generated.json. */
interface GeneratedLexicon {
  generated: string;
  entries: LexiconEntry[];
  /** jieba dictionary lines: Simplified word, frequency, tag. */
  dictionary: [string, number, string][];
}

interface State {
  entries: LexiconEntry[];
  byId: Map<string, LexiconEntry>;
  byForm: Map<string, LexiconEntry>;
  words: DictionaryWord[];
  wordSet: Set<string>;
  api: Lexicon;
}

let state: State | null = null;

function index(s: State, entry: LexiconEntry): void {
  for (const form of entry.forms) if (!s.byForm.has(form)) s.byForm.set(form, entry);
  if (entry.abbr !== undefined) {
    // The abbreviation in both scripts: 韩 and 韓.
    for (const a of [entry.abbr, toTraditional(entry.abbr)]) {
      if (!s.byForm.has(a)) s.byForm.set(a, entry);
    }
  }
}

function load(): State {
  if (state !== null) return state;
  const data = generated as unknown as GeneratedLexicon;
  const s: State = {
    entries: [],
    byId: new Map(),
    byForm: new Map(),
    words: [],
    wordSet: new Set(),
    api: {
      get entries() {
        return s.entries;
      },
      lookup: (form) => lookupIn(s, form),
    },
  };
  for (const entry of data.entries) {
    s.entries.push(entry);
    s.byId.set(entry.id, entry);
    index(s, entry);
  }
  for (const [word, freq, tag] of data.dictionary) {
    s.words.push({ word, freq, tag });
    s.wordSet.add(word);
  }
  state = s;
  return s;
}

function lookupIn(s: State, form: string): LexiconEntry | undefined {
  const hit = s.byForm.get(form);
  if (hit !== undefined) return hit;
  // A spelling the generator did not list, such as a Taiwan form (臺灣 → 台湾).
  const simplified = toSimplified(form);
  return simplified === form ? undefined : s.byForm.get(simplified);
}

/** The lexicon, loaded on first use and cached; it includes the user dictionaries loaded so far. */
export function lexicon(): Lexicon {
  return load().api;
}

/** The lexicon entry spelled `form` in either script (俄羅斯, 俄罗斯, 俄, 俄方), if any. */
export function lookup(form: string): LexiconEntry | undefined {
  return lookupIn(load(), form);
}

/** Every word the segmenter is given beyond its default dictionary, in load order. */
export function dictionaryWords(): readonly DictionaryWord[] {
  return load().words;
}

/**
 * The segmenter's extra dictionary in jieba's format, one `word freq tag` line per
 * Simplified form (the frequency is left out where jieba is to suggest one).
 */
export function userDictionary(): string {
  return load()
    .words.map((w) => [w.word, w.freq, w.tag].filter((x) => x !== undefined).join(' '))
    .join('\n');
}

/** What `loadUserDictionary` added. */
export interface LoadedDictionary {
  /** Lexicon entries added or extended (TSV lines). */
  entries: number;
  /** Words new to the segmenter. */
  words: number;
}

/** A user dictionary line that could not be read. */
export class DictionaryError extends Error {
  readonly line: number;

  constructor(line: number, reason: string, source?: string) {
    super(`${source === undefined ? '' : `${source}:`}${line}: ${reason}`);
    this.name = 'DictionaryError';
    this.line = line;
  }
}

function addWord(s: State, word: DictionaryWord): boolean {
  if (s.wordSet.has(word.word)) {
    // A user line overrides what was known: push it again so the segmenter reloads it.
    if (word.freq === undefined && word.tag === undefined) return false;
  }
  s.wordSet.add(word.word);
  s.words.push(word);
  return true;
}

const NUMBER = /^\d+$/;
const TAG = /^[A-Za-z]+$/;

/**
 * Loads a user dictionary into the lexicon and the segmenter. Each non-blank line that does
 * not start with `#` is either
 * - a lexicon row, when it holds a tab and its second column is a type:
 *   `name<TAB>type<TAB>aliases<TAB>abbr` (aliases comma-separated, both last columns
 *   optional), e.g. `欧亚经济联盟\tORG\t欧亚经盟`; it becomes an entry (or extends the entry
 *   with the same id) with Traditional and Simplified forms, and every form becomes a word;
 * - or a jieba line `word [freq] [tag]`, e.g. `进博会 nz` or `人类命运共同体 2000 nz`, in
 *   either script; without a frequency one is suggested so the word is kept whole.
 * Throws a DictionaryError naming the line (and `source`, when given) for a line it cannot
 * read; nothing of the text is loaded then.
 */
export function loadUserDictionary(text: string, source?: string): LoadedDictionary {
  if (typeof text !== 'string') throw new TypeError('loadUserDictionary: text must be a string');
  const s = load();
  const entries: LexiconEntry[] = [];
  const words: DictionaryWord[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).trim();
    if (line === '' || line.startsWith('#')) continue;
    const cells = line.split('\t');
    if (cells.length > 1 && !NUMBER.test((cells[1] as string).trim())) {
      const row = parseLexiconRow(line);
      if (typeof row === 'string') throw new DictionaryError(i + 1, row, source);
      const entry = makeEntry(row);
      entries.push(entry);
      const tag = TAG_OF_TYPE[entry.type];
      for (const word of simplifiedForms(entry)) words.push({ word, tag });
      continue;
    }
    const parts = line.split(/\s+/);
    if (parts.length > 3) {
      throw new DictionaryError(
        i + 1,
        'expected "word [freq] [tag]" or a tab-separated row',
        source,
      );
    }
    const word: DictionaryWord = { word: toSimplified(parts[0] as string) };
    for (const part of parts.slice(1)) {
      if (NUMBER.test(part) && word.freq === undefined && word.tag === undefined) {
        word.freq = Number(part);
      } else if (TAG.test(part) && word.tag === undefined) {
        word.tag = part;
      } else {
        throw new DictionaryError(i + 1, `cannot read '${part}' as a frequency or a tag`, source);
      }
    }
    words.push(word);
  }
  let added = 0;
  for (const entry of entries) {
    const known = s.byId.get(entry.id);
    if (known === undefined) {
      s.entries.push(entry);
      s.byId.set(entry.id, entry);
      index(s, entry);
      continue;
    }
    for (const form of entry.forms) if (!known.forms.includes(form)) known.forms.push(form);
    if (entry.abbr !== undefined && known.abbr === undefined) known.abbr = entry.abbr;
    index(s, known);
  }
  for (const word of words) if (addWord(s, word)) added++;
  return { entries: entries.length, words: added };
}

export { TAG_OF_TYPE };
/** The generated file's header, for tools that report which lexicon they ran with. */
export const LEXICON_GENERATED_BY: string = (generated as unknown as GeneratedLexicon).generated;
