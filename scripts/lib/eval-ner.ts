/**
 * The NER corpora under ../shared/eval (training splits in ner-train/, dev splits in ner/),
 * read in their own formats, and span-exact scoring of the tagger on them. The trainer
 * (scripts/train-ner.ts) reads the same corpora through `readNerCorpora` and trains only on
 * their `train` sentences, so the scores on `dev` are on text the model never saw.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { entities } from '../../src/annotate/entities.ts';
import { annotate } from '../../src/annotate/index.ts';
import { tagEntities } from '../../src/annotate/ner/index.ts';
import { parse } from '../../src/pipeline.ts';
import { runPeer } from './eval-cws.ts';
import { textTable } from './text-table.ts';

/** The types the tagger knows; GPE is folded into LOC. */
export type NerType = 'PER' | 'LOC' | 'ORG';

export const NER_TYPES: readonly NerType[] = ['PER', 'LOC', 'ORG'];

/** A gold span: `[start, end)` UTF-16 offsets into the sentence's text. */
export interface GoldSpan {
  start: number;
  end: number;
  type: NerType;
}

/** One sentence of a corpus, in the script it was written in. */
export interface NerSentence {
  text: string;
  spans: GoldSpan[];
}

/** BIO tags (one per unit) → spans. A stray I- opens a span, as conlleval does. */
function spansFromBio(tags: readonly string[], starts: readonly number[], end: number) {
  const spans: GoldSpan[] = [];
  let open: GoldSpan | null = null;
  const close = (at: number) => {
    if (open !== null) {
      open.end = at;
      spans.push(open);
      open = null;
    }
  };
  for (let k = 0; k < tags.length; k++) {
    const tag = tags[k] as string;
    const at = starts[k] as number;
    const type = mapType(tag.slice(2));
    if (tag.startsWith('B-') || (tag.startsWith('I-') && (open === null || open.type !== type))) {
      close(at);
      if (type !== null) open = { start: at, end: at, type };
    } else if (!tag.startsWith('I-') || type === null) {
      close(at);
    }
  }
  close(end);
  return spans;
}

/** Corpus type names → ours; null for types we do not tag. */
function mapType(name: string): NerType | null {
  switch (name) {
    case 'PER':
    case 'PER.NAM':
      return 'PER';
    case 'LOC':
    case 'GPE':
    case 'LOC.NAM':
    case 'GPE.NAM':
      return 'LOC';
    case 'ORG':
    case 'ORG.NAM':
      return 'ORG';
    default:
      return null;
  }
}

/** Sentences of a `unit<sep>tag` per line file with blank lines between sentences. */
function readColumns(
  raw: string,
  unitOf: (field: string) => string,
  separator: RegExp,
): NerSentence[] {
  const out: NerSentence[] = [];
  let units: string[] = [];
  let tags: string[] = [];
  const flush = () => {
    if (units.length === 0) return;
    const starts: number[] = [];
    let at = 0;
    for (const u of units) {
      starts.push(at);
      at += u.length;
    }
    out.push({ text: units.join(''), spans: spansFromBio(tags, starts, at) });
    units = [];
    tags = [];
  };
  for (const line of raw.split(/\r?\n/)) {
    if (line.trim() === '') {
      flush();
      continue;
    }
    const cut = line.search(separator);
    if (cut <= 0) continue;
    units.push(unitOf(line.slice(0, cut)));
    tags.push(line.slice(cut + 1).trim());
  }
  flush();
  return out;
}

/** People's Daily: `char tag`, BIO PER/LOC/ORG. */
export function readPeoplesDaily(raw: string): NerSentence[] {
  return readColumns(raw, (f) => f, / /);
}

/** MSRA: `char<TAB>tag`, BIO PER/LOC/ORG. */
export function readMsra(raw: string): NerSentence[] {
  return readColumns(raw, (f) => f, /\t/);
}

/** Weibo: `char+segpos<TAB>tag`; only named mentions (.NAM) count, GPE as LOC. */
export function readWeibo(raw: string): NerSentence[] {
  // The unit is the first code point; the digits after it are its position in its word.
  return readColumns(raw, (f) => String.fromCodePoint(f.codePointAt(0) as number), /\t/);
}

/**
 * UNER on UD Chinese-GSD: one word per line with an IOB2 tag; the sentence text comes from
 * its `# text =` line, so offsets keep any spaces the original had between words.
 */
export function readUner(raw: string): NerSentence[] {
  const out: NerSentence[] = [];
  let text = '';
  let words: string[] = [];
  let tags: string[] = [];
  const flush = () => {
    if (words.length === 0) return;
    const source = text === '' ? words.join('') : text;
    const starts: number[] = [];
    let at = 0;
    for (const w of words) {
      const found = source.indexOf(w, at);
      // A word missing from the text line (never seen in practice) continues where we were.
      const start = found < 0 ? at : found;
      starts.push(start);
      at = start + w.length;
    }
    out.push({ text: source, spans: spansFromBio(tags, starts, at) });
    // Gold spans end where their last word ends, not at the next word's start.
    const last = out[out.length - 1] as NerSentence;
    for (const span of last.spans) span.end = endOfWords(starts, words, span.start, span.end);
    text = '';
    words = [];
    tags = [];
  };
  for (const line of raw.split(/\r?\n/)) {
    if (line.trim() === '') {
      flush();
      continue;
    }
    if (line.startsWith('#')) {
      const m = /^# text = (.*)$/.exec(line);
      if (m) text = m[1] as string;
      continue;
    }
    const fields = line.split('\t');
    if (fields.length < 3 || !/^\d+$/.test(fields[0] as string)) continue;
    words.push(fields[1] as string);
    tags.push(fields[2] as string);
  }
  flush();
  return out;
}

/** The end of the last word that starts inside `[start, end)`. */
function endOfWords(starts: number[], words: string[], start: number, end: number): number {
  let last = start;
  for (let k = 0; k < starts.length; k++) {
    const s = starts[k] as number;
    if (s >= start && s < end) last = s + (words[k] as string).length;
  }
  return last;
}

const CLUENER_TYPES: Readonly<Record<string, NerType>> = {
  name: 'PER',
  organization: 'ORG',
  government: 'ORG',
  company: 'ORG',
  address: 'LOC',
  scene: 'LOC',
};

/** CLUENER2020: JSONL with fine types and inclusive code-point offsets. */
export function readCluener(raw: string): NerSentence[] {
  const out: NerSentence[] = [];
  for (const line of raw.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const record = JSON.parse(line) as {
      text: string;
      label?: Record<string, Record<string, [number, number][]>>;
    };
    const text = record.text;
    // Code point index → UTF-16 offset (they differ only after an astral character).
    const units: number[] = [];
    for (let i = 0; i < text.length; i++) {
      units.push(i);
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff) i++;
    }
    units.push(text.length);
    const spans: GoldSpan[] = [];
    for (const [fine, mentions] of Object.entries(record.label ?? {})) {
      const type = CLUENER_TYPES[fine];
      if (type === undefined) continue;
      for (const ranges of Object.values(mentions)) {
        for (const [s, e] of ranges) {
          spans.push({ start: units[s] as number, end: units[e + 1] as number, type });
        }
      }
    }
    spans.sort((a, b) => a.start - b.start || a.end - b.end);
    out.push({ text, spans });
  }
  return out;
}

/**
 * A corpus: its training sentences and the sentences it is scored on, which the trainer
 * never sees (`dev`); both in the script they were written in, in file order.
 */
export interface NerCorpus {
  name: string;
  script: 'simplified' | 'traditional';
  /** The files read, relative to the shared eval folder. */
  files: string[];
  train: NerSentence[];
  dev: NerSentence[];
  /** How the dev sentences were chosen. */
  devNote: string;
}

/** MSRA has no dev file here: every 10th block of 100 training sentences is its dev part. */
export function isMsraDev(index: number): boolean {
  // Blocks of 100 sentences, so that the dev part's articles are mostly not trained on.
  return Math.floor(index / 100) % 10 === 9;
}

async function readIf(path: string): Promise<string | null> {
  return existsSync(path) ? readFile(path, 'utf8') : null;
}

/**
 * The NER corpora under `evalDir` (../shared/eval): the training splits of `ner-train/` and
 * the dev splits of `ner/`. A corpus whose files are missing is left out.
 * - msra: MSRA train, every 10th sentence kept out as dev (MSRA has no dev split).
 * People's Daily's dev split is not read: it is the same newspaper of the same year as MSRA and
 * shares most of its sentences with it (the rest nearly so), so it says nothing independent of
 * a tagger trained on MSRA.
 * - uner-gsd-trad, cluener: their train and dev splits.
 * - weibo: train and dev, less the dev posts that occur word for word in train (reposts).
 */
export async function readNerCorpora(evalDir: string): Promise<NerCorpus[]> {
  const out: NerCorpus[] = [];
  const at = (f: string) => join(evalDir, f);
  const msraRaw = await readIf(at('ner-train/msra-train.bio'));
  const msra = msraRaw === null ? null : readMsra(msraRaw);
  if (msra !== null) {
    out.push({
      name: 'msra',
      script: 'simplified',
      files: ['ner-train/msra-train.bio'],
      train: msra.filter((_, i) => !isMsraDev(i)),
      dev: msra.filter((_, i) => isMsraDev(i)),
      devNote: 'every 10th block of 100 sentences of the training file, kept out of training',
    });
  }
  const pairs: readonly {
    name: string;
    script: NerCorpus['script'];
    train: string;
    dev: string;
    read: (raw: string) => NerSentence[];
  }[] = [
    {
      name: 'uner-gsd-trad',
      script: 'traditional',
      train: 'ner-train/uner-gsd-traditional-train.iob2',
      dev: 'ner/uner-gsd-traditional-dev.iob2',
      read: readUner,
    },
    {
      name: 'cluener',
      script: 'simplified',
      train: 'ner-train/cluener-train.jsonl',
      dev: 'ner/cluener-dev.jsonl',
      read: readCluener,
    },
    {
      name: 'weibo',
      script: 'simplified',
      train: 'ner-train/weibo-train.conll',
      dev: 'ner/weibo-dev.conll',
      read: readWeibo,
    },
  ];
  for (const c of pairs) {
    const train = await readIf(at(c.train));
    const dev = await readIf(at(c.dev));
    if (train === null || dev === null) continue;
    const trained = c.read(train);
    const seen = c.name === 'weibo' ? new Set(trained.map((s) => s.text)) : new Set<string>();
    out.push({
      name: c.name,
      script: c.script,
      files: [c.train, c.dev],
      train: trained,
      dev: c.read(dev).filter((s) => !seen.has(s.text)),
      devNote:
        c.name === 'weibo'
          ? 'the dev split, less posts that occur word for word in train'
          : 'the dev split',
    });
  }
  return out;
}

/** Span-exact counts for one type (or all). */
export interface NerCounts {
  gold: number;
  predicted: number;
  correct: number;
}

/** One row of the NER table: a corpus, a part of it and a type. */
export interface Row {
  corpus: string;
  /** `dev`: the sentences never trained on (NerCorpus.dev). */
  part: 'dev';
  type: NerType | 'overall';
  sentences: number;
  gold: number;
  predicted: number;
  correct: number;
  precision: number;
  recall: number;
  f1: number;
}

function key(s: GoldSpan): string {
  return `${s.start}:${s.end}:${s.type}`;
}

/** Adds span-exact counts of `predicted` against `gold` to `counts`, per type. */
export function countSpans(
  gold: readonly GoldSpan[],
  predicted: readonly GoldSpan[],
  counts: Record<NerType, NerCounts>,
): void {
  const golden = new Set(gold.map(key));
  for (const g of gold) counts[g.type].gold++;
  for (const p of predicted) {
    counts[p.type].predicted++;
    if (golden.has(key(p))) counts[p.type].correct++;
  }
}

function row(
  corpus: string,
  part: Row['part'],
  type: Row['type'],
  sentences: number,
  c: NerCounts,
): Row {
  const precision = c.predicted === 0 ? 0 : c.correct / c.predicted;
  const recall = c.gold === 0 ? 0 : c.correct / c.gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { corpus, part, type, sentences, ...c, precision, recall, f1 };
}

/** A named-entity finder: spans of a sentence, any types (only PER, LOC and ORG count). */
export type Tagger = (text: string) => readonly { start: number; end: number; type: string }[];

/** The statistical tagger with the shipped model. */
const shippedTagger: Tagger = (text) => tagEntities(text);

/** Rows for one part of one corpus, as `tag` finds names: PER, LOC, ORG and overall. */
export function scorePart(
  corpus: string,
  part: Row['part'],
  sentences: readonly NerSentence[],
  tag: Tagger = shippedTagger,
): Row[] {
  const counts: Record<NerType, NerCounts> = {
    PER: { gold: 0, predicted: 0, correct: 0 },
    LOC: { gold: 0, predicted: 0, correct: 0 },
    ORG: { gold: 0, predicted: 0, correct: 0 },
  };
  for (const s of sentences) {
    const predicted = tag(s.text).filter(
      (e): e is GoldSpan => e.type === 'PER' || e.type === 'LOC' || e.type === 'ORG',
    );
    countSpans(s.spans, predicted, counts);
  }
  const total: NerCounts = { gold: 0, predicted: 0, correct: 0 };
  for (const t of NER_TYPES) {
    total.gold += counts[t].gold;
    total.predicted += counts[t].predicted;
    total.correct += counts[t].correct;
  }
  return [
    ...NER_TYPES.map((t) => row(corpus, part, t, sentences.length, counts[t])),
    row(corpus, part, 'overall', sentences.length, total),
  ];
}

/**
 * Scores `tagEntities` on the dev sentences of `corpora` (never trained on): span-exact
 * precision, recall and F1 per type and overall. No rows for no corpora.
 */
export function evalNer(corpora: readonly NerCorpus[], tag: Tagger = shippedTagger): Row[] {
  const rows: Row[] = [];
  for (const c of corpora) rows.push(...scorePart(c.name, 'dev', c.dev, tag));
  return rows;
}

/** One way of finding names, as the comparison table names it. */
export interface NerSystem {
  name: string;
  tag: Tagger;
}

/**
 * The ways jiedu can find names besides the statistical tagger alone (whose rows evalNer
 * gives): the rules and lexicon of page annotation alone (`entities()`: titles, the lexicon
 * of the field, short forms), and the rules with the tagger filling what they leave
 * (`entities(text, { tagger })`). The test for the tagger is that it beat the rules
 * on held-out data; this measures it.
 */
export const NER_SYSTEMS: readonly NerSystem[] = [
  { name: 'rules', tag: (text) => entities(text, { tagger: null }) },
  { name: 'merged', tag: (text) => entities(text) },
  { name: 'parse --annotate', tag: pageNames },
];

/** Mention kinds that name an entity (not 他, not a title standing for a person). */
const NAMING = new Set(['name', 'alias', 'abbreviation']);

/**
 * What a user of `jiedu parse --annotate` gets for a one-line text: the whole pipeline
 * (decode, layout, structure, annotate with its defaults), the page's naming mentions of
 * people, places and organisations, in offsets of the text.
 */
function pageNames(text: string): GoldSpan[] {
  const page = annotate(parse(text));
  if (page.text !== text) return [];
  const out: GoldSpan[] = [];
  for (const article of page.children) {
    const a = article.annotations;
    if (a === undefined) continue;
    for (const m of a.mentions) {
      if (!NAMING.has(m.kind) || m.refersTo.length !== 1) continue;
      const type = (m.refersTo[0] as string).split(':')[0];
      if (type === 'PER' || type === 'LOC' || type === 'ORG') {
        out.push({ start: m.start, end: m.end, type });
      }
    }
  }
  return out.sort((x, y) => x.start - y.start);
}

/** One system's overall held-out scores on one corpus. */
export interface SystemScore {
  corpus: string;
  system: string;
  row: Row;
}

/**
 * Overall dev scores on each corpus: the tagger's from `taggerRows` (evalNer's, not tagged
 * again), then each of `systems`, then the peer (python3-jieba's parts of speech nr, ns and
 * nt read as PER, LOC and ORG) where it can run.
 */
export async function compareNerSystems(
  corpora: readonly NerCorpus[],
  taggerRows: readonly Row[],
  systems: readonly NerSystem[] = NER_SYSTEMS,
): Promise<SystemScore[]> {
  const out: SystemScore[] = [];
  const peer = await jiebaPosPeer(corpora);
  for (const c of corpora) {
    const tagger = taggerRows.find((r) => r.corpus === c.name && r.type === 'overall');
    if (tagger !== undefined) out.push({ corpus: c.name, system: 'tagger', row: tagger });
    for (const system of systems) {
      const rows = scorePart(c.name, 'dev', c.dev, system.tag);
      out.push({ corpus: c.name, system: system.name, row: rows[rows.length - 1] as Row });
    }
    const spans = peer.get(c.name);
    if (spans !== undefined) {
      let k = 0;
      const rows = scorePart(c.name, 'dev', c.dev, () => spans[k++] ?? []);
      out.push({ corpus: c.name, system: 'jieba POS', row: rows[rows.length - 1] as Row });
    }
  }
  return out;
}

/** jieba's parts of speech that name: person, place, organisation. */
const JIEBA_NAME_TAGS: Readonly<Record<string, NerType>> = {
  nr: 'PER',
  nrfg: 'PER',
  nrt: 'PER',
  ns: 'LOC',
  nt: 'ORG',
};

/**
 * Spans python3-jieba's part-of-speech tagger names in every dev sentence, per corpus, in
 * order: a word tagged nr, ns or nt is a name. Empty when the peer cannot run.
 */
async function jiebaPosPeer(corpora: readonly NerCorpus[]): Promise<Map<string, GoldSpan[][]>> {
  const out = new Map<string, GoldSpan[][]>();
  // One line a sentence: line breaks inside a sentence (none in these files) become spaces.
  const lines = corpora.flatMap((c) => c.dev.map((s) => s.text.replace(/[\r\n]/g, ' ')));
  const peer = await runPeer(lines, true);
  if ('skipped' in peer) return out;
  let k = 0;
  for (const c of corpora) {
    const all: GoldSpan[][] = [];
    for (const s of c.dev) {
      const spans: GoldSpan[] = [];
      let at = 0;
      for (const item of (peer.lines[k++] ?? '').split(' ')) {
        const cut = item.lastIndexOf('/');
        if (cut <= 0) continue;
        const word = item.slice(0, cut);
        const start = s.text.indexOf(word, at);
        if (start < 0) continue;
        at = start + word.length;
        const type = JIEBA_NAME_TAGS[item.slice(cut + 1)];
        if (type !== undefined) spans.push({ start, end: at, type });
      }
      all.push(spans);
    }
    out.set(c.name, all);
  }
  return out;
}

/** The comparison as one line per corpus: each system's overall F1 (P/R). */
export function formatNerComparison(results: readonly SystemScore[]): string {
  const systems = [...new Set(results.map((r) => r.system))];
  const corpora = [...new Set(results.map((r) => r.corpus))];
  const head = ['corpus', ...systems.map((s) => `${s} F1 (P/R)`)];
  const body = corpora.map((corpus) => [
    corpus,
    ...systems.map((system) => {
      const r = results.find((x) => x.corpus === corpus && x.system === system)?.row;
      return r === undefined
        ? '—'
        : `${r.f1.toFixed(3)} (${r.precision.toFixed(2)}/${r.recall.toFixed(2)})`;
    }),
  ]);
  return [
    textTable([head, ...body]),
    '',
    'Overall dev F1 of each way to find names: the statistical tagger alone; the rules and',
    'lexicon of page annotation alone (entities() without the tagger); merged, what',
    'parse --annotate gives (rules, lexicon and tagger, longer names winning); and, as a peer,',
    "python3-jieba's parts of speech (nr, ns, nt) run on the same sentences.",
  ].join('\n');
}

/** The NER rows as an aligned text table, with a note on what the parts mean. */
export function formatNerTable(rows: readonly Row[]): string {
  const head = ['corpus', 'part', 'type', 'sent', 'gold', 'pred', 'P', 'R', 'F1'];
  const body = rows.map((r) => [
    r.corpus,
    r.part,
    r.type,
    String(r.sentences),
    String(r.gold),
    String(r.predicted),
    r.precision.toFixed(3),
    r.recall.toFixed(3),
    r.f1.toFixed(3),
  ]);
  return [
    textTable([head, ...body], (i) => i >= 3),
    '',
    'NER: span-exact P/R/F1 (PER, LOC with GPE, ORG) of the statistical tagger on dev sentences',
    'it never trained on: the dev splits; for MSRA, which has none, every 10th block of 100',
    "training sentences. People's Daily's dev split is not scored: it repeats MSRA's text.",
  ].join('\n');
}

// Run directly (node --import tsx scripts/lib/eval-ner.ts [DIR] [--all]): print the table.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const dir = resolve(
    args.find((a) => !a.startsWith('--')) ??
      join(fileURLToPath(new URL('../../..', import.meta.url)), 'shared', 'eval'),
  );
  const t0 = performance.now();
  const rows = evalNer(await readNerCorpora(dir));
  console.log(rows.length === 0 ? `eval-ner: no NER corpora under ${dir}` : formatNerTable(rows));
  console.log(`(${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}
