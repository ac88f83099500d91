import { openStore } from '../../src/store/index.ts';
import { type StoryCopy, storyDocument, storySet } from '../../test/helpers/story-set.ts';
import { seeded } from './seeded.ts';
import { textTable } from './text-table.ts';

/**
 * Stories (near-duplicate detection at ingest) on the composed set of
 * test/helpers/story-set.ts: every page stored in a fresh archive in set order, then the
 * archive's stories compared with the gold pairwise. A pair of articles is predicted
 * together when they share a story, gold together when they are copies of one composed
 * story; precision is the share of predicted pairs that are gold, recall the share of gold
 * pairs predicted.
 */

/** Pairwise precision and recall of a clustering against the gold. */
export interface PairScore {
  precision: number;
  recall: number;
  f1: number;
  /** Pairs together in both, in the prediction, in the gold. */
  both: number;
  predicted: number;
  gold: number;
}

/** Pairwise scores of `predicted` clusters against `gold` clusters, one label per item
 * (both maps have the same keys). An empty side scores 1. */
export function pairScore<K>(
  predicted: ReadonlyMap<K, unknown>,
  gold: ReadonlyMap<K, unknown>,
): PairScore {
  const items = [...gold.keys()];
  let both = 0;
  let p = 0;
  let g = 0;
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const a = items[i] as K;
      const b = items[j] as K;
      const inPrediction = predicted.get(a) === predicted.get(b);
      const inGold = gold.get(a) === gold.get(b);
      if (inPrediction) p++;
      if (inGold) g++;
      if (inPrediction && inGold) both++;
    }
  }
  const precision = p === 0 ? 1 : both / p;
  const recall = g === 0 ? 1 : both / g;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, both, predicted: p, gold: g };
}

/** The result of the story evaluation. */
export interface StoryEval extends PairScore {
  pages: number;
  /** Composed stories, and stories the archive made of their pages. */
  goldStories: number;
  stories: number;
  /** Pages put with a story not theirs, or apart from theirs: "source → story of source". */
  errors: string[];
  ms: number;
}

/** Stores the composed set and scores the archive's stories. */
export function evalStories(pages: readonly StoryCopy[] = storySet()): StoryEval {
  const store = openStore(':memory:');
  try {
    const t0 = performance.now();
    const articleOf = new Map<number, StoryCopy>();
    for (const page of pages) {
      const { documentId } = store.putDocument(storyDocument(page));
      for (const id of store.documentArticles(documentId)) articleOf.set(id, page);
    }
    const ms = performance.now() - t0;
    const predicted = new Map<number, number>();
    const gold = new Map<number, string>();
    for (const row of store.stories({ limit: 10_000 })) {
      for (const a of row.articles) predicted.set(a.id, row.story);
    }
    for (const [id, page] of articleOf) gold.set(id, page.story);
    const score = pairScore(predicted, gold);
    // What went wrong, per article: the story it was put in is led by another composed
    // story's page, or its own story's pages are split.
    const errors: string[] = [];
    const leader = new Map<number, StoryCopy>();
    for (const [id, story] of predicted)
      if (id === story) leader.set(story, articleOf.get(id) as StoryCopy);
    for (const [id, story] of predicted) {
      const page = articleOf.get(id) as StoryCopy;
      const lead = leader.get(story);
      if (lead !== undefined && lead.story !== page.story)
        errors.push(`${page.source} → ${lead.source}`);
    }
    const split = new Map<string, Set<number>>();
    for (const [id, page] of articleOf) {
      const set = split.get(page.story) ?? new Set();
      set.add(predicted.get(id) as number);
      split.set(page.story, set);
    }
    for (const [story, set] of split)
      if (set.size > 1) errors.push(`${story}: split in ${set.size}`);
    return {
      ...score,
      pages: pages.length,
      goldStories: new Set(gold.values()).size,
      stories: new Set(predicted.values()).size,
      errors,
      ms,
    };
  } finally {
    store.close();
  }
}

/** The set in the order composed (each story's page as written first), and shuffled: a
 * story's ids depend on which copy arrives first, and copies cut apart from each other
 * (its first half; all at once with a paragraph of that half cut) join it only through the
 * others. */
export function storyRuns(seed = 1): { order: string; result: StoryEval }[] {
  const pages = storySet();
  const shuffled = [...pages];
  const random = seeded(seed);
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j] as StoryCopy, shuffled[i] as StoryCopy];
  }
  return [
    { order: 'as composed', result: evalStories(pages) },
    { order: `shuffled (seed ${seed})`, result: evalStories(shuffled) },
  ];
}

/** What falls below the floors: "stories ORDER: precision 0.93 < 0.95". */
export function storyShortfalls(
  runs: readonly { order: string; result: StoryEval }[],
  floors: { precision?: number; recall?: number } | undefined,
): string[] {
  const below: string[] = [];
  for (const { order, result } of runs) {
    for (const metric of ['precision', 'recall'] as const) {
      const min = floors?.[metric];
      if (min !== undefined && result[metric] < min) {
        below.push(`stories ${order}: ${metric} ${result[metric].toFixed(3)} < ${min}`);
      }
    }
  }
  return below;
}

/** The runs as a table. */
export function storyTable(runs: readonly { order: string; result: StoryEval }[]): string {
  const head = ['order', 'pages', 'gold', 'stories', 'pairs', 'P', 'R', 'F1', 'ms', ''];
  const body = runs.map(({ order, result: r }) => [
    order,
    String(r.pages),
    String(r.goldStories),
    String(r.stories),
    `${r.both}/${r.predicted}/${r.gold}`,
    r.precision.toFixed(3),
    r.recall.toFixed(3),
    r.f1.toFixed(3),
    String(Math.round(r.ms)),
    r.errors.join('; '),
  ]);
  return textTable([head, ...body], (i) => i >= 1 && i <= 8);
}
