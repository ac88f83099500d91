/**
 * npm run eval [-- --check] [-- --json] [-- --dir PATH]
 *
 * Scores the parser on every ../shared/eval/<page>/ folder holding page.txt and gold.json,
 * and on variants of each page the parser must read alike: Simplified, hard-wrapped (cut at
 * 15/20/25/30 characters, and broken at spaces like Python's textwrap), CRLF, and saved as
 * Big5, GB18030 and UTF-16LE with a BOM. Prints one row per page and variant; --check exits
 * 1 when a score falls below eval/thresholds.json (or a variant fails to parse).
 * Stories (near-duplicates at ingest) are scored on the set composed in the repository
 * (test/fixtures/stories), with or without ../shared/eval.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decode, parse, toArticleView } from '../src/index.ts';
import { toSimplified } from '../src/normalize/index.ts';
import { encodeBig5, encodeGb18030, encodeUtf8, encodeUtf16 } from '../test/helpers/encode.ts';
import { evalHtml, formatHtmlTable, type HtmlThresholds } from './eval-html.ts';
import { big5Safe } from './lib/big5.ts';
import {
  annotPageTable,
  annotSummaryTable,
  evalAnnot,
  meanF1,
  readHoldout,
  seedAnnotRows,
} from './lib/eval-annot.ts';
import { annotationTable, evalAnnotations } from './lib/eval-annotations.ts';
import { evalCws, formatCwsTable } from './lib/eval-cws.ts';
import {
  compareNerSystems,
  evalNer,
  formatNerComparison,
  formatNerTable,
  readNerCorpora,
} from './lib/eval-ner.ts';
import { storyRuns, storyShortfalls, storyTable } from './lib/eval-stories.ts';
import { evalSubjects, formatSubjectTable } from './lib/eval-subjects.ts';
import { formatLearningCurve, readLearningCurve } from './lib/ner-curve.ts';
import {
  type Metric,
  mapGold,
  metrics,
  type PageScore,
  type ScoredPage,
  type Shortfall,
  scorePage,
  shortfalls,
  thresholdsFor,
  validateThresholds,
} from './lib/score.ts';
import { scriptArgs } from './lib/script-args.ts';
import { textTable } from './lib/text-table.ts';
import { toCrlf, wrapHard, wrapWords } from './lib/wrap.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Every width the issue names: a page hard-wrapped anywhere from 15 to 30 characters. */
const WIDTHS = Array.from({ length: 16 }, (_, i) => 15 + i);
/** Widths also tried with every blank line dropped (a PDF copy keeps none). */
const TIGHT_WIDTHS = [15, 20, 25, 30];

interface Variant {
  name: string;
  bytes: Uint8Array;
  gold: ScoredPage;
  /** Set when the variant could not be made. */
  error?: string;
  /** How the variant differs beyond its name (characters a Big5 save replaced). */
  note?: string;
}

/** Floors for annotation, segmentation and NER (eval/floors.json). */
interface Floors {
  annotations: { entitiesF1: number; quotes: number; stances: number };
  /** Mean F1 of entities, quotes and stances on ../shared/eval/annot, per fold. */
  annot?: { dev?: number; 'held-out'?: number };
  cws: Record<string, number>;
  ner: Record<string, number>;
  /** Pairwise precision and recall of the archive's stories on the composed set. */
  stories?: { precision?: number; recall?: number };
}

interface Row {
  page: string;
  variant: string;
  score?: PageScore;
  metrics?: Record<Metric, number>;
  error?: string;
  note?: string;
  shortfalls: Shortfall[];
  ms: number;
}

const toBig5Safe = big5Safe(encodeBig5);

/** The page with every blank and whitespace-only line dropped. */
function dropBlankLines(text: string): string {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .join('\n');
}

/** The page in every form the parser must read alike, each with the gold it must match. */
function variants(bytes: Uint8Array, text: string, gold: ScoredPage): Variant[] {
  const out: Variant[] = [{ name: 'original', bytes, gold }];
  const add = (name: string, make: () => Uint8Array, g: ScoredPage = gold) => {
    // An encoder that cannot write the page is a fact about the encoder, reported per row.
    try {
      out.push({ name, bytes: make(), gold: g });
    } catch (err) {
      out.push({ name, bytes: new Uint8Array(), gold, error: String(err) });
    }
  };
  add('simplified', () => encodeUtf8(toSimplified(text)), mapGold(gold, toSimplified));
  for (const width of WIDTHS) add(`wrap-hard-${width}`, () => encodeUtf8(wrapHard(text, width)));
  for (const width of WIDTHS) add(`wrap-words-${width}`, () => encodeUtf8(wrapWords(text, width)));
  add('tight', () => encodeUtf8(dropBlankLines(text)));
  for (const width of TIGHT_WIDTHS) {
    add(`tight-wrap-words-${width}`, () => encodeUtf8(dropBlankLines(wrapWords(text, width))));
  }
  add('crlf', () => encodeUtf8(toCrlf(text)));
  const replaced = new Map<string, number>();
  add(
    'big5',
    () => encodeBig5(toBig5Safe(text, replaced)),
    mapGold(gold, (t) => toBig5Safe(t)),
  );
  const big5 = out.find((v) => v.name === 'big5');
  if (big5 !== undefined && replaced.size > 0) {
    big5.note = [...replaced].map(([swap, n]) => `${swap} ×${n}`).join(', ');
  }
  add('gb18030', () => encodeGb18030(text));
  add('utf-16le-bom', () => encodeUtf16(text, 'le', true));
  return out;
}

function pct(n: number | undefined): string {
  return n === undefined ? '–' : n.toFixed(2);
}

/** The table: one row per page and variant, columns aligned. */
function table(rows: readonly Row[]): string {
  const head = [
    'page',
    'variant',
    'articles',
    'blk P',
    'blk R',
    'blk F1',
    'head',
    'head∪',
    'sub',
    'byline',
    'source',
    'caption',
    'ms',
    '',
  ];
  const body = rows.map((r) => {
    const m = r.metrics;
    const s = r.score;
    const art =
      s === undefined
        ? '–'
        : `${s.articles.predicted}/${s.articles.gold}${s.articles.predicted === s.articles.gold ? ' ✓' : ' ✗'}`;
    const flag =
      r.error !== undefined
        ? `ERROR ${r.error}`
        : [...r.shortfalls.map((f) => `${f.metric}<${f.min}`), r.note ?? ''].join(' ');
    return [
      r.page,
      r.variant,
      art,
      pct(m?.['blocks.precision']),
      pct(m?.['blocks.recall']),
      pct(m?.['blocks.f1']),
      pct(m?.['headlines.ordered']),
      pct(m?.['headlines.set']),
      pct(m?.['subheadlines.f1']),
      pct(m?.['bylines.f1']),
      pct(m?.['sources.f1']),
      pct(m?.['captions.f1']),
      String(Math.round(r.ms)),
      flag,
    ];
  });
  return textTable([head, ...body], (i) => i >= 3 && i <= 12);
}

async function main(): Promise<number> {
  const { values } = scriptArgs(import.meta.url, {
    options: {
      check: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      dir: { type: 'string' },
      'annot-pages': { type: 'boolean', default: false },
    },
  });
  const dir = resolve(values.dir ?? join(ROOT, '..', 'shared', 'eval'));
  const shown = values.dir ?? relative(process.cwd(), dir);
  const floors = JSON.parse(await readFile(join(ROOT, 'eval', 'floors.json'), 'utf8')) as Floors;
  // Stories: the composed set is in the repository, so they are scored whatever else is.
  const stories = storyRuns();
  const storiesBelow = storyShortfalls(stories, floors.stories);
  const printStories = () => {
    console.log('\n== Stories (test/fixtures/stories: pairwise precision and recall of copies)\n');
    console.log(storyTable(stories));
    console.log(
      '\npairs: together in both/in the archive/in the gold; a page of another story put with a' +
        "\nstory's first page is named as page → first page, a story split over several as split.",
    );
  };
  if (!existsSync(dir)) {
    console.log(`eval: skipped: no evaluation data at ${shown} (the folder is absent).`);
    if (values.json) console.log(JSON.stringify({ stories, below: storiesBelow }, null, 2));
    else printStories();
    if (!values.check || storiesBelow.length === 0) return 0;
    console.error(`eval --check: ${storiesBelow.length} score(s) below eval/floors.json:`);
    for (const b of storiesBelow) console.error(`  ${b}`);
    return 1;
  }
  const pages: string[] = [];
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
    a.name < b.name ? -1 : 1,
  )) {
    if (
      entry.isDirectory() &&
      existsSync(join(dir, entry.name, 'page.txt')) &&
      existsSync(join(dir, entry.name, 'gold.json'))
    ) {
      pages.push(entry.name);
    }
  }
  if (pages.length === 0) {
    console.log(`eval: skipped: no <page>/page.txt with gold.json under ${shown}.`);
    return 0;
  }
  const thresholds = validateThresholds(
    JSON.parse(await readFile(join(ROOT, 'eval', 'thresholds.json'), 'utf8')),
  );

  const rows: Row[] = [];
  for (const page of pages) {
    const bytes = new Uint8Array(await readFile(join(dir, page, 'page.txt')));
    const gold = JSON.parse(await readFile(join(dir, page, 'gold.json'), 'utf8')) as ScoredPage;
    const text = decode(bytes).text;
    for (const variant of variants(bytes, text, gold)) {
      const row: Row = { page, variant: variant.name, shortfalls: [], ms: 0 };
      if (variant.note !== undefined) row.note = variant.note;
      if (variant.error !== undefined) {
        row.error = variant.error;
        rows.push(row);
        continue;
      }
      try {
        const t0 = performance.now();
        const tree = parse(variant.bytes, { path: `${page}/page.txt (${variant.name})` });
        row.ms = performance.now() - t0;
        row.score = scorePage(variant.gold, toArticleView(tree));
        row.metrics = metrics(row.score);
        row.shortfalls = shortfalls(row.metrics, thresholdsFor(thresholds, page, variant.name));
      } catch (err) {
        row.error = err instanceof Error ? err.message : String(err);
      }
      rows.push(row);
    }
  }

  const failing = rows.filter((r) => r.error !== undefined || r.shortfalls.length > 0);
  const below: string[] = [...storiesBelow];

  // Annotation: entities, quotes, stances and aliases on pages with gold-annotations.json.
  const annotated = await evalAnnotations(dir, pages);
  for (const r of annotated) {
    const f = floors.annotations;
    if (r.entities.f1 < f.entitiesF1)
      below.push(
        `annotations ${r.page}/${r.variant}: entities F1 ${r.entities.f1.toFixed(3)} < ${f.entitiesF1}`,
      );
    if (r.quotes.found < f.quotes)
      below.push(`annotations ${r.page}/${r.variant}: quotes ${r.quotes.found} < ${f.quotes}`);
    if (r.stances.found < f.stances)
      below.push(`annotations ${r.page}/${r.variant}: stances ${r.stances.found} < ${f.stances}`);
  }
  // Real news pages (issue 11): entities, quotes and stances, dev and held-out folds apart.
  const annotDir = join(dir, 'annot');
  const annot = existsSync(annotDir)
    ? [
        ...(await evalAnnot(annotDir, await readHoldout(join(ROOT, 'eval', 'annot-holdout.json')))),
        ...(await seedAnnotRows(join(dir, 'seed'))),
      ]
    : [];
  const annotPages = annot.filter((r) => !r.page.startsWith('seed'));
  if (annotPages.length > 0 && floors.annot !== undefined) {
    for (const [part, rows] of [
      ['dev', annotPages.filter((r) => !r.heldOut)],
      ['held-out', annotPages.filter((r) => r.heldOut)],
    ] as const) {
      const min = floors.annot[part];
      const got = meanF1(rows);
      if (min !== undefined && rows.length > 0 && got < min)
        below.push(`annot ${part}: mean F1 ${got.toFixed(3)} < ${min}`);
    }
  }
  // Segmentation beside python3-jieba, and NER on held-out sentences.
  const cws = existsSync(join(dir, 'cws')) ? await evalCws(dir) : [];
  for (const r of cws) {
    const min = floors.cws[r.corpus];
    if (r.error !== undefined) below.push(`cws ${r.corpus}: ${r.error}`);
    else if (min !== undefined && (r.ours?.f1 ?? 0) < min)
      below.push(`cws ${r.corpus}: F1 ${r.ours?.f1.toFixed(3)} < ${min}`);
    if (r.ours !== undefined && r.peer !== undefined && r.ours.f1 <= r.peer.f1)
      below.push(`cws ${r.corpus}: F1 not above python3-jieba's`);
  }
  // NER: the corpora read once; the comparison takes the tagger's rows as they are.
  const nerCorpora = existsSync(join(dir, 'ner')) ? await readNerCorpora(dir) : [];
  const ner = evalNer(nerCorpora);
  const nerSystems = await compareNerSystems(nerCorpora, ner);
  const nerCurve = readLearningCurve(ROOT);
  for (const r of ner) {
    const min = floors.ner[r.corpus];
    if (min !== undefined && r.type === 'overall' && r.f1 < min) {
      below.push(`ner ${r.corpus}: dev F1 ${r.f1.toFixed(3)} < ${min}`);
    }
  }
  // HTML extraction: body, date and author on html/cwce; agreement with html/gne's output.
  const htmlMin = (thresholds as { html?: HtmlThresholds }).html ?? {};
  const html = existsSync(join(dir, 'html')) ? await evalHtml(dir, htmlMin) : null;
  if (html !== null) below.push(...html.below);
  // Clause subjects on the UD treebank's verbs whose subject is a name (report only).
  const subjects = existsSync(join(dir, 'ud')) ? await evalSubjects(join(dir, 'ud')) : [];
  if (values.json) {
    console.log(
      JSON.stringify(
        {
          data: shown,
          rows,
          annotated,
          annot,
          cws,
          ner,
          nerSystems: nerSystems.map(({ corpus, system, row }) => ({
            corpus,
            system,
            precision: row.precision,
            recall: row.recall,
            f1: row.f1,
          })),
          html,
          subjects: subjects.map(({ misses: _, ...score }) => score),
          stories,
          failing: failing.length,
          below,
        },
        null,
        2,
      ),
    );
  } else {
    console.log('== Page structure\n');
    console.log(table(rows));
    console.log(
      `\n${rows.length} rows over ${pages.length} page(s); articles: predicted/gold; head: headlines in order; head∪: as a set (F1);` +
        '\nsub/byline/source/caption: page-wide F1 on whitespace-free text (captions with their credit).',
    );
    if (annotated.length > 0) {
      console.log('\n== Annotation (gold-annotations.json; entities by type and canonical name)\n');
      console.log(annotationTable(annotated));
    }
    if (annot.length > 0) {
      console.log(
        '\n== Annotation on real news (annot/: P/R/F1 for entities, quotes with the right speaker,\n' +
          '   stances; dev and held-out folds of eval/annot-holdout.json; the seed scored alike)\n',
      );
      console.log(annotSummaryTable(annot));
      if (values['annot-pages']) console.log(`\n${annotPageTable(annotPages)}`);
      else
        console.log(
          '\nA row per page: npm run eval -- --annot-pages; errors: scripts/eval-annot.ts --errors',
        );
    }
    if (cws.length > 0) {
      console.log('\n== Word segmentation (word P/R/F1), beside python3-jieba on the same input\n');
      console.log(formatCwsTable(cws));
    }
    if (ner.length > 0) {
      console.log('\n== Named entities (span-exact), statistical tagger\n');
      console.log(formatNerTable(ner));
      console.log('\n== Named entities: the tagger, the rules, both merged, and jieba\n');
      console.log(formatNerComparison(nerSystems));
      if (nerCurve !== null) {
        console.log('\n== Named entities: learning curve\n');
        console.log(formatLearningCurve(nerCurve));
      }
    }
    if (subjects.length > 0) {
      console.log(
        '\n== Clause subjects (UD GSD dev: verbs whose subject is a name; jiedu reads the raw sentence)\n',
      );
      console.log(formatSubjectTable(subjects));
      console.log(
        '\nright: the name given covers the subject; P: right of answered, R: right of asked.' +
          '\nMisses listed by N=20 node --import tsx scripts/lib/eval-subjects.ts',
      );
    }
    if (html !== null && html.summaries.length > 0) {
      console.log(
        '\n== HTML extraction (body: character F1 over non-whitespace characters, as multisets)\n',
      );
      console.log(formatHtmlTable(html.summaries));
      console.log(
        "\ncwce: hand gold (date at the gold's precision, authors as a set); gne: agreement with another" +
          "\nextractor's output (silver). Details: node --import tsx scripts/eval-html.ts ../shared/eval --pages",
      );
    }
    printStories();
  }
  if (!values.check) return 0;
  if (below.length > 0) {
    console.error(
      `eval --check: ${below.length} score(s) below eval/floors.json or the html thresholds:`,
    );
    for (const b of below) console.error(`  ${b}`);
  }
  if (failing.length === 0 && below.length === 0) {
    console.error('eval --check: every score meets eval/thresholds.json and eval/floors.json');
    return 0;
  }
  if (failing.length === 0) return 1;
  console.error(`eval --check: ${failing.length} row(s) below eval/thresholds.json:`);
  for (const r of failing) {
    const why =
      r.error ?? r.shortfalls.map((f) => `${f.metric} ${f.value.toFixed(3)} < ${f.min}`).join(', ');
    console.error(`  ${r.page}/${r.variant}: ${why}`);
  }
  return 1;
}

process.exitCode = await main();
