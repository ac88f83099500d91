/**
 * Scoring a parsed page against a gold article view. Pure functions: no files, no parser.
 *
 * Texts are compared with all whitespace removed (a hard-wrapped or re-spaced headline is
 * still the same headline). Blocks are a page-wide multiset of (type, text, speaker for
 * dialogue, level for list items), so a block counts once however the articles were split;
 * the split itself is scored by the article count and the headlines in order.
 */

/** A block as the scorer sees it: gold (no offsets) and article-view blocks both fit. */
export interface ScoredBlock {
  type: string;
  text: string;
  speaker?: string;
  level?: number;
}

export interface ScoredCaption {
  text: string;
  credit: string | null;
}

export interface ScoredArticle {
  headline: string;
  subheadlines: readonly string[];
  bylines: readonly string[];
  sources: readonly string[];
  blocks: readonly ScoredBlock[];
  captions: readonly ScoredCaption[];
}

/** A page as the scorer sees it: gold.json and the ArticleView both fit. */
export interface ScoredPage {
  articles: readonly ScoredArticle[];
}

/** Precision, recall and F1 of a multiset match, with the counts behind them. */
export interface Prf {
  precision: number;
  recall: number;
  f1: number;
  matched: number;
  gold: number;
  predicted: number;
}

export interface PageScore {
  articles: { gold: number; predicted: number };
  blocks: Prf;
  /** `ordered`: share of article positions whose headlines agree (over the longer list). */
  headlines: { ordered: number; set: Prf };
  subheadlines: Prf;
  bylines: Prf;
  sources: Prf;
  /** Page-wide: caption text with its credit (or none). */
  captions: Prf;
}

/** The names thresholds refer to, each a number in 0..1. */
export const METRICS = [
  'articles',
  'blocks.precision',
  'blocks.recall',
  'blocks.f1',
  'headlines.ordered',
  'headlines.set',
  'subheadlines.f1',
  'bylines.f1',
  'sources.f1',
  'captions.f1',
] as const;

export type Metric = (typeof METRICS)[number];

/** Removes every whitespace character, zero-width ones and the BOM included. */
export function squash(text: string): string {
  return text.replace(/[\s\u200b-\u200d\u2060\ufeff]+/g, '');
}

/**
 * Matches two multisets of keys. An empty side counts as perfect on its own measure
 * (nothing predicted: precision 1; nothing to find: recall 1); F1 is then 0 unless both
 * sides are empty.
 */
export function prf(gold: readonly string[], predicted: readonly string[]): Prf {
  const counts = new Map<string, number>();
  for (const key of gold) counts.set(key, (counts.get(key) ?? 0) + 1);
  let matched = 0;
  for (const key of predicted) {
    const left = counts.get(key) ?? 0;
    if (left > 0) {
      matched++;
      counts.set(key, left - 1);
    }
  }
  const precision = predicted.length === 0 ? 1 : matched / predicted.length;
  const recall = gold.length === 0 ? 1 : matched / gold.length;
  const f1 =
    gold.length === 0 && predicted.length === 0
      ? 1
      : precision + recall === 0
        ? 0
        : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, matched, gold: gold.length, predicted: predicted.length };
}

/** The key a block is matched by: type, squashed text, and speaker or level where they apply. */
export function blockKey(block: ScoredBlock): string {
  const parts = [block.type, squash(block.text)];
  if (block.type === 'dialogue') parts.push(squash(block.speaker ?? ''));
  if (block.type === 'list-item') parts.push(String(block.level ?? 1));
  return parts.join('\u241f');
}

/**
 * Drops a dateline from the front of a lead paragraph (香港文匯報訊 據新華社報道，國家主席…
 * → 國家主席…) when the text starts with one of `datelines`, so that a lead paragraph that
 * keeps its dateline and one that drops it score alike. Works on squashed text.
 */
export function stripDateline(text: string, datelines: readonly string[]): string {
  const squashed = squash(text);
  let best = '';
  for (const line of datelines) {
    const d = squash(line);
    if (d.length > best.length && squashed.startsWith(d)) best = d;
  }
  if (best === '') return squashed;
  return squashed.slice(best.length).replace(/^[，,：:。．.、]+/, '');
}

/** Block keys of a page, lead paragraphs with their dateline stripped. */
function pageBlockKeys(page: ScoredPage, datelines: readonly string[]): string[] {
  const keys: string[] = [];
  for (const article of page.articles) {
    let lead = true;
    for (const block of article.blocks) {
      if (block.type === 'paragraph' && lead) {
        lead = false;
        keys.push(blockKey({ ...block, text: stripDateline(block.text, datelines) }));
      } else {
        keys.push(blockKey(block));
      }
    }
  }
  return keys;
}

function captionKey(caption: ScoredCaption): string {
  return `${squash(caption.text)}\u241f${caption.credit === null ? '\u2205' : squash(caption.credit)}`;
}

function flat(page: ScoredPage, pick: (a: ScoredArticle) => readonly string[]): string[] {
  return page.articles.flatMap((a) => pick(a).map(squash));
}

/** Scores `predicted` against `gold`. */
export function scorePage(gold: ScoredPage, predicted: ScoredPage): PageScore {
  // Datelines from either side: the lead paragraph may carry one the other side split off.
  const datelines = [...flat(gold, (a) => a.bylines), ...flat(predicted, (a) => a.bylines)];
  const g = gold.articles;
  const p = predicted.articles;
  const positions = Math.max(g.length, p.length);
  let agree = 0;
  for (let i = 0; i < Math.min(g.length, p.length); i++) {
    if (squash(g[i]?.headline ?? '') === squash(p[i]?.headline ?? '')) agree++;
  }
  return {
    articles: { gold: g.length, predicted: p.length },
    blocks: prf(pageBlockKeys(gold, datelines), pageBlockKeys(predicted, datelines)),
    headlines: {
      ordered: positions === 0 ? 1 : agree / positions,
      set: prf(
        g.map((a) => squash(a.headline)),
        p.map((a) => squash(a.headline)),
      ),
    },
    subheadlines: prf(
      flat(gold, (a) => a.subheadlines),
      flat(predicted, (a) => a.subheadlines),
    ),
    bylines: prf(
      flat(gold, (a) => a.bylines),
      flat(predicted, (a) => a.bylines),
    ),
    sources: prf(
      flat(gold, (a) => a.sources),
      flat(predicted, (a) => a.sources),
    ),
    captions: prf(
      g.flatMap((a) => a.captions.map(captionKey)),
      p.flatMap((a) => a.captions.map(captionKey)),
    ),
  };
}

/** A score as named numbers in 0..1, the form thresholds are written in. */
export function metrics(score: PageScore): Record<Metric, number> {
  const { gold, predicted } = score.articles;
  return {
    // 1 when the counts agree, falling as they drift apart.
    articles:
      Math.max(gold, predicted) === 0 ? 1 : Math.min(gold, predicted) / Math.max(gold, predicted),
    'blocks.precision': score.blocks.precision,
    'blocks.recall': score.blocks.recall,
    'blocks.f1': score.blocks.f1,
    'headlines.ordered': score.headlines.ordered,
    'headlines.set': score.headlines.set.f1,
    'subheadlines.f1': score.subheadlines.f1,
    'bylines.f1': score.bylines.f1,
    'sources.f1': score.sources.f1,
    'captions.f1': score.captions.f1,
  };
}

/**
 * Minimum scores, as committed in eval/thresholds.json: `default` applies to every row,
 * `variants` by variant name (e.g. "wrap-hard-15"), `rows` by "page/variant"; later ones win.
 */
export interface Thresholds {
  default?: Partial<Record<Metric, number>>;
  variants?: Record<string, Partial<Record<Metric, number>>>;
  rows?: Record<string, Partial<Record<Metric, number>>>;
}

/** The minimum for each metric of one row. */
export function thresholdsFor(
  thresholds: Thresholds,
  page: string,
  variant: string,
): Partial<Record<Metric, number>> {
  return {
    ...thresholds.default,
    ...thresholds.variants?.[variant],
    ...thresholds.rows?.[`${page}/${variant}`],
  };
}

export interface Shortfall {
  metric: Metric;
  value: number;
  min: number;
}

/** The metrics of a row that fall below their minimum (a hair of float error forgiven). */
export function shortfalls(
  values: Record<Metric, number>,
  min: Partial<Record<Metric, number>>,
): Shortfall[] {
  const out: Shortfall[] = [];
  for (const metric of METRICS) {
    const floor = min[metric];
    if (floor !== undefined && values[metric] + 1e-9 < floor) {
      out.push({ metric, value: values[metric], min: floor });
    }
  }
  return out;
}

/** Checks a thresholds file's shape, naming the first thing wrong. */
export function validateThresholds(value: unknown): Thresholds {
  const fail = (what: string): never => {
    throw new TypeError(`thresholds: ${what}`);
  };
  if (value === null || typeof value !== 'object') fail('expected an object');
  const t = value as Record<string, unknown>;
  const checkSet = (where: string, set: unknown) => {
    if (set === null || typeof set !== 'object') fail(`${where} must be an object`);
    for (const [k, v] of Object.entries(set as object)) {
      if (!(METRICS as readonly string[]).includes(k)) fail(`${where}: unknown metric "${k}"`);
      if (typeof v !== 'number' || v < 0 || v > 1) fail(`${where}.${k} must be a number in 0..1`);
    }
  };
  if (t.default !== undefined) checkSet('default', t.default);
  for (const group of ['variants', 'rows'] as const) {
    if (t[group] === undefined) continue;
    if (t[group] === null || typeof t[group] !== 'object') fail(`${group} must be an object`);
    for (const [k, v] of Object.entries(t[group] as object)) checkSet(`${group}.${k}`, v);
  }
  return t as Thresholds;
}

/** Applies `convert` to every string of a gold page (to make its Simplified twin). */
export function mapGold<T extends ScoredPage>(gold: T, convert: (text: string) => string): T {
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return convert(value);
    if (Array.isArray(value)) return value.map(walk);
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, k === 'type' || k === 'note' ? v : walk(v)]),
      );
    }
    return value;
  };
  return walk(gold) as T;
}
