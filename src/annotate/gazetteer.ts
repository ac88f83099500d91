import { type LexiconEntry, lexicon } from './lexicon/index.ts';

/** A lexicon entry found in text. */
export interface GazetteerHit {
  start: number;
  end: number;
  entry: LexiconEntry;
}

/**
 * A set of code units as bits (8 KB): a test per character of a text touches little memory,
 * so it stays in the cache between one article's passes and the next.
 */
export class UnitSet {
  private readonly bits = new Uint32Array(65536 >>> 5);

  add(unit: number): void {
    (this.bits[unit >>> 5] as number) |= 1 << (unit & 31);
  }

  /** Whether `unit` (a code unit; NaN for none) is in the set. */
  has(unit: number): boolean {
    return (((this.bits[unit >>> 5] as number) >>> (unit & 31)) & 1) === 1;
  }
}

/** Slots of the pair filter: a power of two, many times the pairs a lexicon holds. */
const PAIR_SLOTS = 1 << 18;

/** Where the first two code units of a word fall in the pair filter. */
function pairHash(first: number, second: number): number {
  return (Math.imul(first, 0x9e3779b1) ^ second) & (PAIR_SLOTS - 1);
}

/** A word and what it is filed with. */
interface Filed<T> {
  word: string;
  value: T;
}

/** The words that open with one pair of units: the pair itself when it is a word, and the
 * longer ones by their third unit, longest first. */
interface Bucket<T> {
  two: Filed<T> | null;
  byThird: Map<number, Filed<T>[]>;
}

/**
 * Words of two units or more filed by their first two code units, then their third, longest
 * first: finding the longest word at a position makes no string (number keys), skips most
 * positions with two typed-array tests (the first unit, a filter on the pair), and tries only
 * the few words sharing three units even where a common pair (中国) opens hundreds.
 */
class PairIndex<T> {
  /** Words in the order they were filed, by pairKey. */
  private readonly lists = new Map<number, Filed<T>[]>();
  /** The same once finished, by pairKey. */
  private readonly buckets = new Map<number, Bucket<T>>();
  /** The first unit of every word. */
  private readonly firstUnits = new UnitSet();
  /** One more than a small number for the first unit of every word (so a pair's key stays a
   * small integer), 0 for a unit that opens none. */
  private readonly firstIndex = new Uint16Array(65536);
  private firsts = 0;
  /** A bit at the hash (pairHash) of the first two units of every word. */
  private readonly pairs = new Uint32Array(PAIR_SLOTS >>> 5);

  /** Files `word` (two units or more) with `value`; a word filed before keeps its value. */
  add(word: string, value: T): void {
    const first = word.charCodeAt(0);
    this.firstUnits.add(first);
    if (this.firstIndex[first] === 0) this.firstIndex[first] = ++this.firsts;
    const second = word.charCodeAt(1);
    const hash = pairHash(first, second);
    (this.pairs[hash >>> 5] as number) |= 1 << (hash & 31);
    const key = (this.firstIndex[first] as number) * 65536 + second;
    let list = this.lists.get(key);
    if (list === undefined) {
      list = [];
      this.lists.set(key, list);
    }
    if (!list.some((x) => x.word === word)) list.push({ word, value });
  }

  /** Orders every list longest first and files it by the third unit; call once all words
   * are in. */
  finish(): void {
    for (const [key, list] of this.lists) {
      list.sort((a, b) => b.word.length - a.word.length);
      const bucket: Bucket<T> = { two: null, byThird: new Map() };
      for (const x of list) {
        if (x.word.length === 2) {
          bucket.two = x;
          continue;
        }
        const third = x.word.charCodeAt(2);
        const same = bucket.byThird.get(third);
        if (same === undefined) bucket.byThird.set(third, [x]);
        else same.push(x);
      }
      this.buckets.set(key, bucket);
    }
  }

  /** The longest word starting at `at` in `text`, or null. Every word has two units or
   * more, so only those filed under text[at] and text[at + 1] can start there, and of the
   * longer ones only those filed under text[at + 2]. */
  longestAt(text: string, at: number): Filed<T> | null {
    const first = text.charCodeAt(at);
    if (!this.firstUnits.has(first) || at + 1 >= text.length) return null;
    const second = text.charCodeAt(at + 1);
    const hash = pairHash(first, second);
    if ((((this.pairs[hash >>> 5] as number) >>> (hash & 31)) & 1) !== 1) return null;
    const bucket = this.buckets.get((this.firstIndex[first] as number) * 65536 + second);
    if (bucket === undefined) return null;
    const longer = bucket.byThird.get(text.charCodeAt(at + 2));
    if (longer !== undefined) {
      for (const x of longer) if (text.startsWith(x.word, at)) return x;
    }
    return bucket.two;
  }

  /** The longest words of `text`, left to right, never overlapping. */
  matches(text: string): { start: number; word: string; value: T }[] {
    const out: { start: number; word: string; value: T }[] = [];
    for (let i = 0; i < text.length; ) {
      const found = this.longestAt(text, i);
      if (found === null) i++;
      else {
        out.push({ start: i, word: found.word, value: found.value });
        i += found.word.length;
      }
    }
    return out;
  }
}

interface Matcher {
  /** Simplified lexicon forms (two units or more) and their entries. */
  forms: PairIndex<LexiconEntry>;
  /** One-character abbreviations (俄 → 俄罗斯). */
  abbreviations: Map<string, LexiconEntry>;
  /** The code unit of every one-unit abbreviation: a test that makes no string. */
  abbreviationUnits: UnitSet;
  /** Names of the countries the abbreviations stand for. */
  countryNames: ReadonlySet<string>;
  /** Office titles (总统, 外长 …), each with the office's name (特首 → 行政长官). */
  offices: PairIndex<string>;
}

let matcher: Matcher | null = null;

/** The lexicon arranged for matching Simplified text; built once. */
export function gazetteer(): Matcher {
  if (matcher !== null) return matcher;
  const forms = new PairIndex<LexiconEntry>();
  const offices = new PairIndex<string>();
  const abbreviations = new Map<string, LexiconEntry>();
  // States: those listed among the countries, those written with a one-character
  // abbreviation (中 for 中国), and the places whose side the lexicon writes X方 (新方 for
  // 新加坡), as only a state has one.
  const countryNames = new Set<string>();
  for (const entry of lexicon().entries) {
    if (entry.country === true) countryNames.add(entry.name);
    if (entry.abbr !== undefined) {
      abbreviations.set(entry.abbr, entry);
      countryNames.add(entry.name);
    }
    if (entry.type === 'LOC' && entry.forms.some((f) => f.length === 2 && f[1] === '方'))
      countryNames.add(entry.name);
    for (const form of entry.forms) {
      if (form.length < 2) continue;
      if (entry.type === 'OFFICE') offices.add(form, entry.name);
      else forms.add(form, entry);
    }
  }
  const abbreviationUnits = new UnitSet();
  for (const abbr of abbreviations.keys()) {
    if (abbr.length === 1) abbreviationUnits.add(abbr.charCodeAt(0));
  }
  forms.finish();
  offices.finish();
  matcher = {
    forms,
    abbreviations,
    abbreviationUnits,
    countryNames,
    offices,
  };
  return matcher;
}

/** What may stand before any office title and make one of it: the party committee it is
 * held in and a deputy's or an acting holder's mark (市委副书记, 常务副市长, 代市长, 署理局长). */
const OFFICE_PREFIX =
  /^(?:(?:省委|市委|区委|县委|州委|党委|党组)(?:常务副|副)?|常务副|副|代理|署理|代)/;

/** The office title starting at `at` and the office's name, with OFFICE_PREFIX before it. */
function officeHit(text: string, at: number): { word: string; office: string } | null {
  const { offices } = gazetteer();
  const found = offices.longestAt(text, at);
  if (found !== null) return { word: found.word, office: found.value };
  const prefix = OFFICE_PREFIX.exec(text.slice(at, at + 5));
  if (prefix === null) return null;
  const after = offices.longestAt(text, at + prefix[0].length);
  return after === null ? null : { word: prefix[0] + after.word, office: after.value };
}

/** The office title starting at `at` in `text`, longest first, or null. */
export function officeAt(text: string, at: number): string | null {
  return officeHit(text, at)?.word ?? null;
}

/** The office title starting at `at` and the office's name (特首 → 行政长官), or null. */
export function officeNamedAt(text: string, at: number): { word: string; office: string } | null {
  return officeHit(text, at);
}

/** Office titles in text, left to right, longest first, never overlapping: what one
 * global pattern of all titles, longest alternative first, would match. */
export function findOffices(text: string): { start: number; office: string }[] {
  return gazetteer()
    .offices.matches(text)
    .map((m) => ({ start: m.start, office: m.word }));
}

/** Where a run of office titles starting at `at` ends: 国务委员兼外长林国栋 reads past both
 * titles and the 兼 between them to 林. `at` itself when no title starts there. */
export function skipOffices(text: string, at: number): number {
  for (let office = officeAt(text, at); office !== null; office = officeAt(text, at)) {
    at += office.length;
    if (text[at] === '兼') at++;
  }
  return at;
}

/** Longest-match lexicon hits in Simplified text, left to right, never overlapping. */
export function matchLexicon(text: string): GazetteerHit[] {
  return gazetteer()
    .forms.matches(text)
    .map((m) => ({ start: m.start, end: m.start + m.word.length, entry: m.value }));
}
