/**
 * Scores page annotations against gold-annotations.json (entities, quotes, stances, aliases),
 * on the page as it is and converted to Simplified.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { annotate } from '../../src/annotate/index.ts';
import { parse, toArticleView } from '../../src/index.ts';
import { toSimplified } from '../../src/normalize/index.ts';
import type { PageNode } from '../../src/tree/types.ts';
import { textTable } from './text-table.ts';

/** The gold file's shape (see its note). */
export interface GoldAnnotations {
  entities: Record<string, string[]>;
  aliases: { text: string; refersTo: string | string[] }[];
  quotes: { speaker: string; kind: string; startsWith: string }[];
  stances: { actors: string[]; class: string; target: string }[];
}

export interface AnnotationRow {
  page: string;
  variant: string;
  entities: { precision: number; recall: number; f1: number };
  quotes: { found: number; gold: number; predicted: number };
  stances: { found: number; gold: number; predicted: number };
  aliases: { found: number; gold: number };
  missed: string[];
}

const squash = (s: string) => s.replace(/\s+/g, '');

/** Scores one annotated page against gold. */
export function scoreAnnotations(
  page: PageNode,
  gold: GoldAnnotations,
): Omit<AnnotationRow, 'page' | 'variant'> {
  const view = toArticleView(page);
  const missed: string[] = [];
  const types = Object.keys(gold.entities);
  const predicted = new Set<string>();
  for (const a of view.articles) {
    for (const e of a.entities ?? [])
      if (types.includes(e.type)) predicted.add(`${e.type}:${squash(e.canonical)}`);
  }
  const wanted = new Set(
    types.flatMap((t) => (gold.entities[t] ?? []).map((n) => `${t}:${squash(n)}`)),
  );
  const hit = [...wanted].filter((k) => predicted.has(k)).length;
  for (const k of wanted) if (!predicted.has(k)) missed.push(`entity ${k}`);
  for (const k of predicted) if (!wanted.has(k)) missed.push(`extra entity ${k}`);
  const precision = predicted.size === 0 ? 0 : hit / predicted.size;
  const recall = wanted.size === 0 ? 1 : hit / wanted.size;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);

  const quotes = view.articles.flatMap((a) => a.quotes ?? []);
  let quotesFound = 0;
  for (const g of gold.quotes) {
    const ok = quotes.some(
      (q) =>
        q.speaker !== null &&
        squash(q.speaker) === squash(g.speaker) &&
        q.kind === g.kind &&
        squash(q.text).startsWith(squash(g.startsWith)),
    );
    if (ok) quotesFound++;
    else missed.push(`quote ${g.speaker} ${g.kind} ${g.startsWith.slice(0, 16)}…`);
  }
  const stances = view.articles.flatMap((a) => a.stances ?? []);
  let stancesFound = 0;
  for (const g of gold.stances) {
    const want = g.actors.map(squash).sort().join('+');
    const ok = stances.some(
      (s) =>
        s.actors.map(squash).sort().join('+') === want &&
        s.class === g.class &&
        squash(s.target).includes(squash(g.target)),
    );
    if (ok) stancesFound++;
    else missed.push(`stance ${want} ${g.class} ${g.target}`);
  }
  const mentions = page.children.flatMap((a) => a.annotations?.mentions ?? []);
  const names = new Map(
    page.children.flatMap((a) => a.annotations?.entities ?? []).map((e) => [e.id, e.canonical]),
  );
  let aliasesFound = 0;
  for (const g of gold.aliases) {
    const want = (Array.isArray(g.refersTo) ? g.refersTo : [g.refersTo])
      .map(squash)
      .sort()
      .join('+');
    const ok = mentions.some(
      (m) =>
        squash(m.text) === squash(g.text) &&
        m.refersTo
          .map((id) => squash(names.get(id) ?? id))
          .sort()
          .join('+') === want,
    );
    if (ok) aliasesFound++;
    else missed.push(`alias ${g.text} → ${want}`);
  }
  return {
    entities: { precision, recall, f1 },
    quotes: { found: quotesFound, gold: gold.quotes.length, predicted: quotes.length },
    stances: { found: stancesFound, gold: gold.stances.length, predicted: stances.length },
    aliases: { found: aliasesFound, gold: gold.aliases.length },
    missed,
  };
}

/** Every page folder with page.txt and gold-annotations.json, as is and in Simplified. */
export async function evalAnnotations(
  dir: string,
  pages: readonly string[],
): Promise<AnnotationRow[]> {
  const rows: AnnotationRow[] = [];
  for (const page of pages) {
    const goldFile = join(dir, page, 'gold-annotations.json');
    if (!existsSync(goldFile)) continue;
    const text = await readFile(join(dir, page, 'page.txt'), 'utf8');
    const gold = JSON.parse(await readFile(goldFile, 'utf8')) as GoldAnnotations;
    for (const [variant, input, g] of [
      ['original', text, gold],
      [
        'simplified',
        toSimplified(text),
        JSON.parse(toSimplified(JSON.stringify(gold))) as GoldAnnotations,
      ],
    ] as const) {
      const annotated = annotate(parse(input, { path: `${page}/page.txt` }));
      rows.push({ page, variant, ...scoreAnnotations(annotated, g) });
    }
  }
  return rows;
}

/** The rows as an aligned table. */
export function annotationTable(rows: readonly AnnotationRow[]): string {
  const head = ['page', 'variant', 'ent P', 'ent R', 'ent F1', 'quotes', 'stances', 'aliases'];
  const body = rows.map((r) => [
    r.page,
    r.variant,
    r.entities.precision.toFixed(2),
    r.entities.recall.toFixed(2),
    r.entities.f1.toFixed(2),
    `${r.quotes.found}/${r.quotes.gold} (${r.quotes.predicted} found)`,
    `${r.stances.found}/${r.stances.gold} (${r.stances.predicted} found)`,
    `${r.aliases.found}/${r.aliases.gold}`,
  ]);
  return textTable([head, ...body]);
}
