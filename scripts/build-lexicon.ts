/**
 * node --import tsx scripts/build-lexicon.ts [--check]
 *
 * Generates src/annotate/lexicon/lexicon.generated.json from the lexicon of the field in
 * data/lexicon/*.tsv (our own writing): one entry per row, with every spelling in both
 * scripts (Traditional forms from `toTraditional`, Simplified from `toSimplified`), and the
 * segmenter's dictionary lines for the Simplified forms, each with the frequency jieba needs
 * to keep the word whole. Fails, naming file and line, on a bad row, a repeated id, or a
 * spelling or abbreviation claimed by two entries. With --check it writes nothing and exits
 * 1 when the committed file is out of date.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type LexiconEntry,
  makeEntry,
  parseLexiconRow,
  simplifiedForms,
  TAG_OF_TYPE,
} from '../src/annotate/lexicon/make-entry.ts';
import { suggestFrequency } from '../src/annotate/segment/jieba.ts';
import { toSimplified } from '../src/normalize/index.ts';
import { biomeFormat } from './lib/biome-format.ts';
import { scriptArgs } from './lib/script-args.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DATA = join(ROOT, 'data', 'lexicon');
const OUT = join(ROOT, 'src', 'annotate', 'lexicon', 'lexicon.generated.json');
const GENERATED =
  'by scripts/build-lexicon.ts from data/lexicon/*.tsv: do not edit, change the data and rerun';

/** A problem in the data, named by file and line. */
class DataError extends Error {}

interface Located {
  entry: LexiconEntry;
  where: string;
}

/** The file of countries: its entries are states (LexiconEntry.country). */
const COUNTRIES = 'countries.tsv';

async function readEntries(): Promise<Located[]> {
  const files = (await readdir(DATA)).filter((f) => f.endsWith('.tsv')).sort();
  const out: Located[] = [];
  const problems: string[] = [];
  for (const file of files) {
    const lines = (await readFile(join(DATA, file), 'utf8')).split(/\r?\n/);
    lines.forEach((line, i) => {
      const where = `data/lexicon/${file}:${i + 1}`;
      if (line.trim() === '' || line.startsWith('#')) return;
      const row = parseLexiconRow(line);
      if (typeof row === 'string') {
        problems.push(`${where}: ${row}`);
        return;
      }
      if (toSimplified(row.name) !== row.name) {
        problems.push(
          `${where}: write the canonical name in Simplified: ${toSimplified(row.name)}`,
        );
        return;
      }
      out.push({ entry: makeEntry(row, file === COUNTRIES), where });
    });
  }
  if (problems.length > 0) throw new DataError(problems.join('\n'));
  return out;
}

/** Every id, spelling and abbreviation belongs to one entry. */
function checkUnique(entries: readonly Located[]): void {
  const problems: string[] = [];
  const ids = new Map<string, string>();
  const forms = new Map<string, Located>();
  const abbrs = new Map<string, Located>();
  for (const located of entries) {
    const { entry, where } = located;
    const seen = ids.get(entry.id);
    if (seen !== undefined) problems.push(`${where}: ${entry.id} is already defined at ${seen}`);
    ids.set(entry.id, where);
    for (const form of entry.forms) {
      const other = forms.get(form);
      if (other !== undefined && other.entry.id !== entry.id) {
        problems.push(
          `${where}: '${form}' is already a spelling of ${other.entry.id} (${other.where})`,
        );
      }
      forms.set(form, located);
    }
    if (entry.abbr !== undefined) {
      const other = abbrs.get(entry.abbr);
      if (other !== undefined) {
        problems.push(
          `${where}: abbreviation '${entry.abbr}' is already ${other.entry.id}'s (${other.where})`,
        );
      }
      abbrs.set(entry.abbr, located);
    }
  }
  if (problems.length > 0) throw new DataError(problems.join('\n'));
}

/** True when `word` is two or more lexicon words end to end (联合国|秘书长, 外交部|发言人). */
function isComposite(word: string, words: ReadonlySet<string>): boolean {
  // reach[i]: word[0, i) is a sequence of lexicon words shorter than `word`.
  const reach = new Uint8Array(word.length + 1);
  reach[0] = 1;
  for (let i = 0; i < word.length; i++) {
    if (reach[i] === 0) continue;
    for (let j = i + 2; j <= word.length; j++) {
      if (j - i < word.length && words.has(word.slice(i, j))) reach[j] = 1;
    }
  }
  return reach[word.length] === 1;
}

/**
 * jieba lines for the Simplified forms. A word with whitespace cannot be one; a form made
 * of other lexicon words (联合国秘书长) is left out, so it segments into them and the title
 * stays apart from the organisation.
 */
function dictionary(entries: readonly Located[]): [string, number, string][] {
  const all = new Set(entries.flatMap(({ entry }) => simplifiedForms(entry)));
  const out: [string, number, string][] = [];
  const seen = new Set<string>();
  for (const { entry } of entries) {
    for (const word of simplifiedForms(entry)) {
      if (word.length < 2 || /\s/.test(word) || seen.has(word) || isComposite(word, all)) continue;
      seen.add(word);
      out.push([word, suggestFrequency(word), TAG_OF_TYPE[entry.type]]);
    }
  }
  return out;
}

/** The JSON text, laid out by Biome (scripts/lib/biome-format.ts). */
function render(entries: readonly LexiconEntry[], words: readonly [string, number, string][]) {
  const json = `${JSON.stringify({ generated: GENERATED, entries, dictionary: words }, null, 2)}\n`;
  return biomeFormat(json, OUT, 'build-lexicon');
}

async function main(): Promise<number> {
  const { values } = scriptArgs(import.meta.url, {
    options: { check: { type: 'boolean', default: false } },
  });
  let located: Located[];
  try {
    located = await readEntries();
    checkUnique(located);
  } catch (err) {
    if (!(err instanceof DataError)) throw err;
    console.error(err.message);
    return 1;
  }
  const entries = located.map((l) => l.entry);
  const text = render(entries, dictionary(located));
  if (values.check) {
    const current = await readFile(OUT, 'utf8').catch(() => '');
    if (current === text) return 0;
    console.error('build-lexicon --check: lexicon.generated.json is out of date; run the script');
    return 1;
  }
  await writeFile(OUT, text);
  const abbrs = entries.filter((e) => e.abbr !== undefined).length;
  console.log(
    `build-lexicon: ${entries.length} entries (${abbrs} with an abbreviation), ` +
      `${entries.reduce((n, e) => n + e.forms.length, 0)} spellings → ${OUT.slice(ROOT.length)}`,
  );
  return 0;
}

process.exitCode = await main();
