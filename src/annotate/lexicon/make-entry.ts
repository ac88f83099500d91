import { toSimplified, toTraditional } from '../../normalize/index.ts';

/** What a lexicon entry is: a place, an organisation, an office title, a work, an event or a term. */
export type LexiconType = 'LOC' | 'ORG' | 'OFFICE' | 'WORK' | 'EVENT' | 'TERM';

/** Every lexicon type, in the order the data files list them. */
export const LEXICON_TYPES: readonly LexiconType[] = [
  'LOC',
  'ORG',
  'OFFICE',
  'WORK',
  'EVENT',
  'TERM',
];

/** One name of the field with every spelling it goes by. */
export interface LexiconEntry {
  /** `${type}:${name}`, e.g. `LOC:俄罗斯`: the same for every spelling and script. */
  id: string;
  type: LexiconType;
  /** The canonical name, in Simplified. */
  name: string;
  /** Every spelling in both scripts: the name and its aliases (俄方 among them), with their
   * Traditional (Hong Kong) and Simplified forms. */
  forms: string[];
  /** A one-character abbreviation in Simplified (俄 for 俄罗斯), read only in context. */
  abbr?: string;
  /** Listed among the countries (data/lexicon/countries.tsv): a state, whose name opens no
   * port's or airport's (汉班托塔港 of 斯里兰卡汉班托塔港) and qualifies a title after it. */
  country?: true;
}

/** One row of a lexicon TSV file: `name<TAB>type<TAB>aliases<TAB>abbr`. */
export interface LexiconRow {
  name: string;
  type: LexiconType;
  aliases: string[];
  abbr?: string;
}

/** The jieba part-of-speech tag a lexicon word gets, by type. */
export const TAG_OF_TYPE: Readonly<Record<LexiconType, string>> = {
  LOC: 'ns',
  ORG: 'nt',
  OFFICE: 'n',
  WORK: 'nz',
  EVENT: 'nz',
  TERM: 'nz',
};

const isLexiconType = (s: string): s is LexiconType =>
  (LEXICON_TYPES as readonly string[]).includes(s);

/**
 * Reads one TSV row (`name<TAB>type<TAB>aliases<TAB>abbr`, the last two optional, aliases
 * comma-separated; full-width commas and 、 separate too). Returns an error message
 * instead of a row when the line is not one.
 */
export function parseLexiconRow(line: string): LexiconRow | string {
  const cells = line.split('\t').map((c) => c.trim());
  const [name = '', type = '', aliases = '', abbr = ''] = cells;
  if (cells.length > 4) return `expected at most 4 tab-separated columns, found ${cells.length}`;
  if (name === '') return 'the name column is empty';
  const upper = type.toUpperCase();
  if (!isLexiconType(upper)) {
    return `unknown type '${type}'; expected one of: ${LEXICON_TYPES.join(', ')}`;
  }
  const row: LexiconRow = {
    name,
    type: upper,
    aliases: aliases
      .split(/[,，、]/)
      .map((a) => a.trim())
      .filter((a) => a !== ''),
  };
  if (abbr !== '') {
    if ([...abbr].length !== 1) return `the abbreviation '${abbr}' is not one character`;
    row.abbr = abbr;
  }
  return row;
}

/**
 * Builds the entry for a row: the canonical name in Simplified, and every spelling in both
 * scripts. Traditional forms are Hong Kong forms from `toTraditional`; a row may list
 * other variants (Taiwan spellings, transliterations) as aliases in either script.
 */
export function makeEntry(row: LexiconRow, country = false): LexiconEntry {
  const name = toSimplified(row.name);
  const forms: string[] = [];
  const add = (s: string) => {
    for (const form of [s, toSimplified(s), toTraditional(s)]) {
      if (!forms.includes(form)) forms.push(form);
    }
  };
  add(name);
  add(row.name);
  for (const alias of row.aliases) add(alias);
  const entry: LexiconEntry = { id: `${row.type}:${name}`, type: row.type, name, forms };
  if (row.abbr !== undefined) entry.abbr = toSimplified(row.abbr);
  if (country) entry.country = true;
  return entry;
}

/** The Simplified spellings of an entry: what jieba, which reads the Simplified view, is given. */
export function simplifiedForms(entry: LexiconEntry): string[] {
  const out: string[] = [];
  for (const form of entry.forms) {
    const s = toSimplified(form);
    if (!out.includes(s)) out.push(s);
  }
  return out;
}
