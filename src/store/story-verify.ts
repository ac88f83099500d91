import { compareSketches, likeness, type Sketch, type StoryPrint, sameStory } from './minhash.ts';

/**
 * Which stored articles a new one is verified against, and how, for both stores
 * (sqlite/join-story.ts, postgres/join-story.ts): the articles that share a band key with
 * it, grouped by story, and compared first on sketches, then, when those cannot tell, on
 * exact prints (minhash.ts).
 */

/** Articles read per band key, newest first: a key shared by thousands of articles (a
 * much-copied notice) costs no more than this. Eight: a copy shares several keys with its
 * story, so the newest eight of each still find it, and a key shared by more is boilerplate
 * whose further rows only cost reading (at 100,000 articles, 66 candidate rows an article
 * instead of 109 with 32). */
export const PER_KEY = 8;
/** Candidate stories verified, those sharing most keys first. */
export const VERIFY_STORIES = 8;
/** A containment at which the candidate stories left are not verified: the story found is
 * a copy of nearly all of the shorter text. */
export const CLOSE_ENOUGH = 0.95;
/** Articles of one candidate story verified, those sharing most keys first. */
export const VERIFY_PER_STORY = 2;

/** A candidate article: how many of the new article's keys it shares, and its story. */
export interface Candidate {
  article: number;
  story: number;
  keys: number;
}

/**
 * The candidate stories of an article, from the rows its keys found (one per key an
 * article shares): at most VERIFY_STORIES stories, those sharing most keys first, each with
 * at most VERIFY_PER_STORY of its articles, those sharing most keys (then the newest) first.
 */
export function candidateStories(
  rows: Iterable<{ article: number; story: number | null }>,
): [number, Candidate[]][] {
  const byArticle = new Map<number, Candidate>();
  for (const { article, story } of rows) {
    if (story === null) continue;
    const c = byArticle.get(article);
    if (c === undefined) byArticle.set(article, { article, story, keys: 1 });
    else c.keys++;
  }
  const byStory = new Map<number, Candidate[]>();
  for (const c of byArticle.values()) {
    const list = byStory.get(c.story);
    if (list === undefined) byStory.set(c.story, [c]);
    else list.push(c);
  }
  const ranked = [...byStory].map(([story, list]) => {
    list.sort((x, y) => y.keys - x.keys || y.article - x.article);
    return [story, list.slice(0, VERIFY_PER_STORY)] as [number, Candidate[]];
  });
  const best = (list: Candidate[]) => (list[0] as Candidate).keys;
  return ranked.sort(([a, x], [b, y]) => best(y) - best(x) || a - b).slice(0, VERIFY_STORIES);
}

/** What finding stories cost a writer: milliseconds, articles, how many joined a story
 * already stored, how many stored articles' texts were read to verify a candidate, and how
 * many candidates their sketches decided (npm run bench:archive reports it). */
export interface StoryTime {
  ms: number;
  articles: number;
  copies: number;
  reads: number;
  sketched: number;
  /** Milliseconds the ingest workers spent on the prints, keys and sketches of the articles
   * they prepared (story-input.ts), in parallel with the writer; not in `ms`. */
  workerMs: number;
  /** Merges of waiting band keys into the index (SQLite: sqlite/join-story.ts); their time is
   * in `ms`. */
  merges?: number;
  /** Their milliseconds. */
  mergeMs?: number;
  /** Band keys not looked up because the band filter had never seen them (SQLite). */
  skipped?: number;
  /** Times the band filter was built from the keys stored, and the milliseconds it took
   * (in `ms`). */
  filterBuilds?: number;
  filterMs?: number;
}

/**
 * Verifies candidate stories for a new article: for each (in order), its articles are
 * compared with the new one on their sketches, then, when those cannot tell, on exact prints;
 * the first that is a copy stands for its story. Returns the story whose copy is closest.
 * `sketchOf` and `printOf` give a stored article's sketch and exact print (null when it has
 * none: too short).
 */
export function closestStory(
  print: StoryPrint,
  sketch: Sketch,
  stories: readonly [number, Candidate[]][],
  sketchOf: (article: number) => Sketch | null,
  printOf: (article: number) => StoryPrint | null,
  time: StoryTime,
): number | undefined {
  let chosen: number | undefined;
  let closest = -1;
  for (const [story, list] of stories) {
    for (const candidate of list) {
      const other = sketchOf(candidate.article);
      const judged = other === null ? undefined : compareSketches(sketch, other);
      let containment: number;
      if (judged !== undefined && judged.verdict !== 'unsure') {
        time.sketched++;
        if (judged.verdict === 'different') continue;
        containment = judged.containment;
      } else {
        const exact = printOf(candidate.article);
        if (exact === null) continue;
        const l = likeness(print, exact);
        if (!sameStory(l)) continue;
        containment = l.containment;
      }
      if (containment > closest) {
        closest = containment;
        chosen = story;
      }
      break;
    }
    // A copy that holds nearly all of the shorter text: no other story will be closer by
    // anything that matters, and the rest need not be read.
    if (closest >= CLOSE_ENOUGH) break;
  }
  return chosen;
}

/** A small map that forgets the least recently used entry beyond `size`. */
export class Recent<V> {
  readonly #map = new Map<number, V>();
  constructor(readonly size: number) {}
  get(key: number): V | undefined {
    const v = this.#map.get(key);
    if (v !== undefined) {
      this.#map.delete(key);
      this.#map.set(key, v);
    }
    return v;
  }
  set(key: number, v: V): void {
    this.#map.delete(key);
    if (this.#map.size >= this.size) {
      const oldest = this.#map.keys().next().value;
      if (oldest !== undefined) this.#map.delete(oldest);
    }
    this.#map.set(key, v);
  }
  clear(): void {
    this.#map.clear();
  }
}
