import { type LexiconEntry, lexicon } from './lexicon/index.ts';

/** A lexicon entry found in text. */
export interface GazetteerHit {
  start: number;
  end: number;
  entry: LexiconEntry;
}

/**
 * Words of two units or more filed by their first code unit, then their second, longest
 * first: finding the longest word at a position makes no string (number keys), skips most
 * positions with one typed-array test, and tries only the few words sharing two units even
 * where a common character (中, 国) starts hundreds.
 */
class PairIndex<T> {
  private readonly byFirst = new Map<number, Map<number, { word: string; value: T }[]>>();
  /** 1 at the first unit of every word. */
  private readonly firstUnits = new Uint8Array(65536);

  /** Files `word` (two units or more) with `value`; a word filed before keeps its value. */
  add(word: string, value: T): void {
    const first = word.charCodeAt(0);
    this.firstUnits[first] = 1;
    let bySecond = this.byFirst.get(first);
    if (bySecond === undefined) {
      bySecond = new Map();
      this.byFirst.set(first, bySecond);
    }
    const second = word.charCodeAt(1);
    let list = bySecond.get(second);
    if (list === undefined) {
      list = [];
      bySecond.set(second, list);
    }
    if (!list.some((x) => x.word === word)) list.push({ word, value });
  }

  /** Orders every list longest first; call once all words are in. */
  finish(): void {
    for (const bySecond of this.byFirst.values()) {
      for (const list of bySecond.values()) list.sort((a, b) => b.word.length - a.word.length);
    }
  }

  /** The longest word starting at `at` in `text`, or null. Every word has two units or
   * more, so only those filed under text[at] and text[at + 1] can start there. */
  longestAt(text: string, at: number): { word: string; value: T } | null {
    const first = text.charCodeAt(at);
    if (this.firstUnits[first] !== 1 || at + 1 >= text.length) return null;
    const list = this.byFirst.get(first)?.get(text.charCodeAt(at + 1));
    if (list === undefined) return null;
    for (const x of list) if (text.startsWith(x.word, at)) return x;
    return null;
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
  /** 1 at the code unit of every abbreviation: a test that makes no string. */
  abbreviationUnits: Uint8Array;
  /** Names of the countries the abbreviations stand for. */
  countryNames: ReadonlySet<string>;
  /** Office titles (总统, 外长 …). */
  offices: PairIndex<null>;
}

let matcher: Matcher | null = null;

/** The lexicon arranged for matching Simplified text; built once. */
export function gazetteer(): Matcher {
  if (matcher !== null) return matcher;
  const forms = new PairIndex<LexiconEntry>();
  const offices = new PairIndex<null>();
  const abbreviations = new Map<string, LexiconEntry>();
  for (const entry of lexicon().entries) {
    if (entry.abbr !== undefined) abbreviations.set(entry.abbr, entry);
    for (const form of entry.forms) {
      if (form.length < 2) continue;
      if (entry.type === 'OFFICE') offices.add(form, null);
      else forms.add(form, entry);
    }
  }
  const abbreviationUnits = new Uint8Array(65536);
  for (const abbr of abbreviations.keys()) {
    if (abbr.length === 1) abbreviationUnits[abbr.charCodeAt(0)] = 1;
  }
  forms.finish();
  offices.finish();
  matcher = {
    forms,
    abbreviations,
    abbreviationUnits,
    countryNames: new Set([...abbreviations.values()].map((e) => e.name)),
    offices,
  };
  return matcher;
}

/** The office title starting at `at` in `text`, longest first, or null. */
export function officeAt(text: string, at: number): string | null {
  return gazetteer().offices.longestAt(text, at)?.word ?? null;
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
