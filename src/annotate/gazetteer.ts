import { type LexiconEntry, lexicon } from './lexicon/index.ts';

/** A lexicon entry found in text. */
export interface GazetteerHit {
  start: number;
  end: number;
  entry: LexiconEntry;
}

interface Matcher {
  /** Simplified forms (two units or more) by their first code unit, then their second,
   * longest first: number keys spare making strings at every position of the text, and a
   * common first character (中, 国) leaves only the few forms that share two units to try. */
  byFirst: Map<number, Map<number, { form: string; entry: LexiconEntry }[]>>;
  /** 1 at the code unit of every form's first unit: most positions start no form, and a
   * typed-array test is cheaper than a map lookup. */
  firstUnits: Uint8Array;
  /** One-character abbreviations (俄 → 俄罗斯). */
  abbreviations: Map<string, LexiconEntry>;
  /** 1 at the code unit of every abbreviation: a test that makes no string. */
  abbreviationUnits: Uint8Array;
  /** Office titles (总统, 外长 …), longest first. */
  offices: string[];
  /** The same as one pattern, longest first, global. */
  officePattern: RegExp;
  /** The same, sticky: whether (and which) an office starts at `lastIndex`. The longest
   * alternative is tried first, so it finds what a longest-first scan of `offices` finds. */
  officeAt: RegExp;
}

let matcher: Matcher | null = null;

/** The lexicon arranged for matching Simplified text; built once. */
export function gazetteer(): Matcher {
  if (matcher !== null) return matcher;
  const byFirst = new Map<number, Map<number, { form: string; entry: LexiconEntry }[]>>();
  const firstUnits = new Uint8Array(65536);
  const abbreviations = new Map<string, LexiconEntry>();
  const offices = new Set<string>();
  for (const entry of lexicon().entries) {
    if (entry.abbr !== undefined) abbreviations.set(entry.abbr, entry);
    for (const form of entry.forms) {
      if (form.length < 2) continue;
      if (entry.type === 'OFFICE') {
        offices.add(form);
        continue;
      }
      const first = form.charCodeAt(0);
      firstUnits[first] = 1;
      let bySecond = byFirst.get(first);
      if (bySecond === undefined) {
        bySecond = new Map();
        byFirst.set(first, bySecond);
      }
      const second = form.charCodeAt(1);
      let list = bySecond.get(second);
      if (list === undefined) {
        list = [];
        bySecond.set(second, list);
      }
      if (!list.some((x) => x.form === form)) list.push({ form, entry });
    }
  }
  const abbreviationUnits = new Uint8Array(65536);
  for (const abbr of abbreviations.keys()) {
    if (abbr.length === 1) abbreviationUnits[abbr.charCodeAt(0)] = 1;
  }
  for (const bySecond of byFirst.values()) {
    for (const list of bySecond.values()) list.sort((a, b) => b.form.length - a.form.length);
  }
  const sorted = [...offices].sort((a, b) => b.length - a.length);
  matcher = {
    byFirst,
    firstUnits,
    abbreviations,
    abbreviationUnits,
    offices: sorted,
    officePattern: new RegExp(sorted.map(escapeRegExp).join('|'), 'g'),
    officeAt: new RegExp(sorted.map(escapeRegExp).join('|'), 'y'),
  };

  return matcher;
}

/** The office title starting at `at` in `text`, longest first, or null. */
export function officeAt(text: string, at: number): string | null {
  const pattern = gazetteer().officeAt;
  pattern.lastIndex = at;
  const m = pattern.exec(text);
  return m === null ? null : m[0];
}

/** Longest-match lexicon hits in Simplified text, left to right, never overlapping. */
export function matchLexicon(text: string): GazetteerHit[] {
  const { byFirst, firstUnits } = gazetteer();
  const hits: GazetteerHit[] = [];
  // Every form has two units or more, so the forms that can start at i are exactly those
  // filed under text[i] and text[i + 1]; trying them longest first finds the longest match.
  for (let i = 0; i < text.length; ) {
    const first = text.charCodeAt(i);
    const list =
      firstUnits[first] === 1 && i + 1 < text.length
        ? byFirst.get(first)?.get(text.charCodeAt(i + 1))
        : undefined;
    let found: GazetteerHit | null = null;
    if (list !== undefined) {
      for (const { form, entry } of list) {
        if (text.startsWith(form, i)) {
          found = { start: i, end: i + form.length, entry };
          break;
        }
      }
    }
    if (found !== null) {
      hits.push(found);
      i = found.end;
    } else i++;
  }
  return hits;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
