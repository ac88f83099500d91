import { type LexiconEntry, lexicon } from './lexicon/index.ts';

/** A lexicon entry found in text. */
export interface GazetteerHit {
  start: number;
  end: number;
  entry: LexiconEntry;
}

interface Matcher {
  /** Simplified forms by their first code unit, longest first (a number key spares making
   * a one-character string at every position of the text). */
  byFirst: Map<number, { form: string; entry: LexiconEntry }[]>;
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
  const byFirst = new Map<number, { form: string; entry: LexiconEntry }[]>();
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
      let list = byFirst.get(first);
      if (list === undefined) {
        list = [];
        byFirst.set(first, list);
      }
      if (!list.some((x) => x.form === form)) list.push({ form, entry });
    }
  }
  const abbreviationUnits = new Uint8Array(65536);
  for (const abbr of abbreviations.keys()) {
    if (abbr.length === 1) abbreviationUnits[abbr.charCodeAt(0)] = 1;
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.form.length - a.form.length);
  const sorted = [...offices].sort((a, b) => b.length - a.length);
  matcher = {
    byFirst,
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
  const { byFirst } = gazetteer();
  const hits: GazetteerHit[] = [];
  for (let i = 0; i < text.length; ) {
    const list = byFirst.get(text.charCodeAt(i));
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
