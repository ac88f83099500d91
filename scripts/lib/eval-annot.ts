/**
 * Scores annotation on real news pages (../shared/eval/annot/<id>/page.txt with
 * gold-annotations.json, following its GUIDELINES.md) the way issue 11 defines it:
 *
 * - an entity is right when its (type, surface) or (type, canonical) equals a gold (type, name);
 * - a quote when its text contains the gold `startsWith` and its speaker equals the gold speaker;
 * - a stance when its actor set and class equal the gold's and its target contains the gold target.
 *
 * Names and texts are compared after folding Traditional to Simplified and dropping whitespace
 * and 「」“”. Precision counts predictions that match some gold item; recall counts gold items
 * matched by some prediction. Totals are summed over pages (micro), per part and per script.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { annotate } from '../../src/annotate/index.ts';
import { parse, toArticleView } from '../../src/index.ts';
import { toSimplified, toTraditional } from '../../src/normalize/index.ts';
import type { GoldAnnotations } from './eval-annotations.ts';
import { textTable } from './text-table.ts';

/** Gold entity types; predictions of other types (events, dates) are not scored. */
const TYPES = ['PER', 'ORG', 'LOC', 'WORK'] as const;

/** Counts for one kind of annotation: predictions that match, gold items found. */
export interface Tally {
  predicted: number;
  correct: number;
  gold: number;
  found: number;
}

export interface AnnotPageScore {
  page: string;
  script: 'traditional' | 'simplified';
  heldOut: boolean;
  entities: Tally;
  quotes: Tally;
  stances: Tally;
  /** What went wrong, one line each: `miss …` (gold not found), `false …` (prediction wrong). */
  errors: string[];
}

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
}

const fold = (s: string): string => toSimplified(s).replace(/[\s「」“”『』‘’]/g, '');

const empty = (): Tally => ({ predicted: 0, correct: 0, gold: 0, found: 0 });

export function prf(t: Tally): PRF {
  const precision = t.predicted === 0 ? (t.gold === 0 ? 1 : 0) : t.correct / t.predicted;
  const recall = t.gold === 0 ? 1 : t.found / t.gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Scores one annotated page (the tree annotate() returns) against its gold. */
export function scoreAnnotPage(
  view: ReturnType<typeof toArticleView>,
  gold: GoldAnnotations,
): Pick<AnnotPageScore, 'entities' | 'quotes' | 'stances' | 'errors'> {
  const errors: string[] = [];
  // Entities: one prediction per (type, canonical), with every surface it was written as.
  const predicted = new Map<string, { type: string; canonical: string; surfaces: Set<string> }>();
  for (const a of view.articles) {
    for (const e of a.entities ?? []) {
      if (!(TYPES as readonly string[]).includes(e.type)) continue;
      const key = `${e.type}:${fold(e.canonical)}`;
      let p = predicted.get(key);
      if (p === undefined) {
        p = { type: e.type, canonical: e.canonical, surfaces: new Set() };
        predicted.set(key, p);
      }
      p.surfaces.add(fold(e.text));
    }
  }
  const goldNames = new Set(
    TYPES.flatMap((t) => (gold.entities[t] ?? []).map((n) => `${t}:${fold(n)}`)),
  );
  const entities = empty();
  entities.gold = goldNames.size;
  const matched = new Set<string>();
  for (const p of predicted.values()) {
    entities.predicted++;
    const hits = [fold(p.canonical), ...p.surfaces]
      .map((n) => `${p.type}:${n}`)
      .filter((k) => goldNames.has(k));
    if (hits.length > 0) entities.correct++;
    else errors.push(`false entity ${p.type}:${p.canonical}`);
    for (const h of hits) matched.add(h);
  }
  entities.found = matched.size;
  for (const g of goldNames) if (!matched.has(g)) errors.push(`miss entity ${g}`);

  // Quotes.
  const quotes = empty();
  const predQuotes = view.articles.flatMap((a) => a.quotes ?? []);
  const quoteOk = (q: (typeof predQuotes)[number], g: GoldAnnotations['quotes'][number]) =>
    q.speaker !== null &&
    fold(q.speaker) === fold(g.speaker) &&
    fold(q.text).includes(fold(g.startsWith));
  quotes.gold = gold.quotes.length;
  quotes.predicted = predQuotes.length;
  for (const g of gold.quotes) {
    if (predQuotes.some((q) => quoteOk(q, g))) quotes.found++;
    else {
      const near = predQuotes.find((q) => fold(q.text).includes(fold(g.startsWith)));
      errors.push(
        `miss quote ${g.speaker}: ${g.startsWith}${near === undefined ? '' : ` (found with speaker ${near.speaker ?? '∅'})`}`,
      );
    }
  }
  for (const q of predQuotes) {
    if (gold.quotes.some((g) => quoteOk(q, g))) quotes.correct++;
    else errors.push(`false quote ${q.speaker ?? '∅'} [${q.cue}]: ${q.text.slice(0, 30)}`);
  }

  // Stances.
  const stances = empty();
  const predStances = view.articles.flatMap((a) => a.stances ?? []);
  const actorsOf = (xs: readonly string[]) => [...new Set(xs.map(fold))].sort().join('+');
  const stanceOk = (s: (typeof predStances)[number], g: GoldAnnotations['stances'][number]) =>
    !s.negated &&
    actorsOf(s.actors) === actorsOf(g.actors) &&
    s.class === g.class &&
    fold(s.target).includes(fold(g.target));
  // A negated stance is not one the gold lists (guidelines 4): it counts as a prediction
  // only when it is shown as a stance, i.e. not negated.
  const shown = predStances.filter((s) => !s.negated);
  stances.gold = gold.stances.length;
  stances.predicted = shown.length;
  for (const g of gold.stances) {
    if (shown.some((s) => stanceOk(s, g))) stances.found++;
    else errors.push(`miss stance ${g.actors.join('+')} ${g.class} ${g.target}`);
  }
  for (const s of shown) {
    if (gold.stances.some((g) => stanceOk(s, g))) stances.correct++;
    else
      errors.push(
        `false stance ${s.actors.join('+')} ${s.class}[${s.cue}] ${s.target.slice(0, 24)}`,
      );
  }
  return { entities, quotes, stances, errors };
}

/** The pages of an annot folder, in name order. */
export async function annotPages(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .filter(
      (n) =>
        existsSync(join(dir, n, 'page.txt')) && existsSync(join(dir, n, 'gold-annotations.json')),
    );
  return names.sort();
}

/** Annotates and scores every page of `dir` (../shared/eval/annot). */
export async function evalAnnot(
  dir: string,
  heldOut: ReadonlySet<string>,
  only?: ReadonlySet<string>,
  convert = false,
): Promise<AnnotPageScore[]> {
  const out: AnnotPageScore[] = [];
  for (const page of await annotPages(dir)) {
    if (only !== undefined && !only.has(page)) continue;
    const written = await readFile(join(dir, page, 'page.txt'), 'utf8');
    // --convert: each page read in the other script (the gold is compared folded to
    // Simplified either way): what reads right in one script only.
    const text = !convert
      ? written
      : page.startsWith('t')
        ? toSimplified(written)
        : toTraditional(written);
    const gold = JSON.parse(
      await readFile(join(dir, page, 'gold-annotations.json'), 'utf8'),
    ) as GoldAnnotations;
    const view = toArticleView(annotate(parse(text, { path: `${page}/page.txt` })));
    out.push({
      page,
      script: page.startsWith('t') ? 'traditional' : 'simplified',
      heldOut: heldOut.has(page),
      ...scoreAnnotPage(view, gold),
    });
  }
  return out;
}

/** Summed tallies of some pages. */
export function totals(rows: readonly AnnotPageScore[]): {
  entities: Tally;
  quotes: Tally;
  stances: Tally;
} {
  const sum = (k: 'entities' | 'quotes' | 'stances'): Tally =>
    rows.reduce(
      (t, r) => ({
        predicted: t.predicted + r[k].predicted,
        correct: t.correct + r[k].correct,
        gold: t.gold + r[k].gold,
        found: t.found + r[k].found,
      }),
      empty(),
    );
  return { entities: sum('entities'), quotes: sum('quotes'), stances: sum('stances') };
}

/** The mean of the three F1s of some pages. */
export function meanF1(rows: readonly AnnotPageScore[]): number {
  const t = totals(rows);
  return (prf(t.entities).f1 + prf(t.quotes).f1 + prf(t.stances).f1) / 3;
}

/** The summary: one row per group of pages (dev, held-out, all, each script), P/R/F1 each. */
export function annotSummaryTable(all: readonly AnnotPageScore[]): string {
  let rows = all;
  const seed = rows.filter((r) => r.page.startsWith('seed'));
  rows = rows.filter((r) => !r.page.startsWith('seed'));
  const groups: [string, AnnotPageScore[]][] = [
    ['dev (30)', rows.filter((r) => !r.heldOut)],
    ['held-out (10)', rows.filter((r) => r.heldOut)],
    ['all', [...rows]],
    ['all traditional', rows.filter((r) => r.script === 'traditional')],
    ['all simplified', rows.filter((r) => r.script === 'simplified')],
    ...seed.map((r): [string, AnnotPageScore[]] => [r.page, [r]]),
  ];
  const head = [
    'pages',
    'n',
    'ent P',
    'ent R',
    'ent F1',
    'quo P',
    'quo R',
    'quo F1',
    'sta P',
    'sta R',
    'sta F1',
    'mean F1',
  ];
  const f = (x: number) => x.toFixed(2);
  const body = groups
    .filter(([, g]) => g.length > 0)
    .map(([name, g]) => {
      const t = totals(g);
      const e = prf(t.entities);
      const q = prf(t.quotes);
      const s = prf(t.stances);
      return [
        name.replace(/\(\d+\)/, '').trim(),
        String(g.length),
        f(e.precision),
        f(e.recall),
        f(e.f1),
        f(q.precision),
        f(q.recall),
        f(q.f1),
        f(s.precision),
        f(s.recall),
        f(s.f1),
        f(meanF1(g)),
      ];
    });
  return textTable([head, ...body], (i) => i > 0);
}

/** One row per page: found/gold and correct/predicted for each kind. */
export function annotPageTable(rows: readonly AnnotPageScore[]): string {
  const head = ['page', 'fold', 'ent F1', 'entities', 'quotes', 'stances', 'mean F1'];
  const cell = (t: Tally) => `${t.found}/${t.gold} (${t.correct}/${t.predicted})`;
  const body = rows.map((r) => [
    r.page,
    r.heldOut ? 'held-out' : 'dev',
    prf(r.entities).f1.toFixed(2),
    cell(r.entities),
    cell(r.quotes),
    cell(r.stances),
    meanF1([r]).toFixed(2),
  ]);
  return textTable([head, ...body]);
}

/** The held-out page list (eval/annot-holdout.json). */
export async function readHoldout(file: string): Promise<Set<string>> {
  const json = JSON.parse(await readFile(file, 'utf8')) as { pages: string[] };
  return new Set(json.pages);
}

/** The seed page (../shared/eval/seed) scored the same way, as written and in Simplified. */
export async function seedAnnotRows(seedDir: string): Promise<AnnotPageScore[]> {
  const goldFile = join(seedDir, 'gold-annotations.json');
  if (!existsSync(goldFile)) return [];
  const text = await readFile(join(seedDir, 'page.txt'), 'utf8');
  const gold = JSON.parse(await readFile(goldFile, 'utf8')) as GoldAnnotations;
  const out: AnnotPageScore[] = [];
  for (const [variant, input, g] of [
    ['seed', text, gold],
    ['seed/simplified', toSimplified(text), JSON.parse(toSimplified(JSON.stringify(gold)))],
  ] as const) {
    const view = toArticleView(annotate(parse(input, { path: 'seed/page.txt' })));
    out.push({
      page: variant,
      script: variant === 'seed' ? 'traditional' : 'simplified',
      heldOut: false,
      ...scoreAnnotPage(view, g as GoldAnnotations),
    });
  }
  return out;
}
