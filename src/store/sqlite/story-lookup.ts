import Database from 'better-sqlite3';
import { decodeSketch, type Sketch } from '../minhash.ts';
import { candidateStories, closestStory, Recent, type StoryTime } from '../story-verify.ts';
import type { StoryInput, StorySeen } from '../types.ts';
import { CANDIDATES } from './join-story.ts';

/**
 * The story search of an article done by an ingest worker before the writer stores it: on a
 * read-only connection to the archive (WAL lets it read while the writer writes), in one
 * read transaction, the highest article id stored, the article's candidates among those
 * articles and their sketches, and the closest story (story-verify.ts, as the writer would
 * judge them). The writer then looks only at the articles stored since, and at the
 * candidates this could not decide (16-bit sketches of an older archive, whose texts it
 * reads): the work grows with the archive, and it moves off the one writer onto the
 * workers, which wait on the writer with time to spare. Stories never change once given,
 * so what was found stays true.
 */

/** Sketches a worker keeps (about 2 kB each), the most recently used. */
const CACHED_SKETCHES = 2048;

export class StoryLookup {
  readonly #db: Database.Database;
  readonly #top;
  readonly #candidates;
  readonly #sketchOf;
  readonly #sketches = new Recent<Sketch | null>(CACHED_SKETCHES);
  readonly #look: (input: StoryInput) => StorySeen | undefined;

  constructor(path: string) {
    this.#db = new Database(path, { readonly: true, fileMustExist: true });
    this.#top = this.#db.prepare<[], number | null>('SELECT max(id) FROM articles').pluck();
    this.#candidates = this.#db.prepare<[string], { article: number; story: number | null }>(
      CANDIDATES,
    );
    this.#sketchOf = this.#db
      .prepare<[number], Buffer>('SELECT sketch FROM story_sketches WHERE article = ?')
      .pluck();
    this.#look = this.#db.transaction((input: StoryInput) => this.#seen(input));
  }

  /** What the stored articles tell of the story of an article; undefined when it is too
   * short to have one (the writer starts its own story without looking). */
  seen(input: StoryInput): StorySeen | undefined {
    if (input.sketch === null || input.keys.length === 0) return undefined;
    return this.#look(input);
  }

  #seen({ print, keys, sketch }: StoryInput): StorySeen {
    const upTo = this.#top.get() ?? 0;
    const defer: { article: number; story: number }[] = [];
    const time: StoryTime = {
      ms: 0,
      articles: 0,
      copies: 0,
      reads: 0,
      sketched: 0,
      workerMs: 0,
      looked: 0,
    };
    const stories = candidateStories(this.#candidates.all(JSON.stringify(keys)));
    const story = new Map<number, number>();
    for (const [id, list] of stories) for (const c of list) story.set(c.article, id);
    const found = closestStory(
      print,
      sketch as Sketch,
      stories,
      (article) => this.#sketch(article),
      (article) => {
        // Undecided on its sketch: the writer compares the texts.
        defer.push({ article, story: story.get(article) as number });
        return null;
      },
      time,
    );
    return { upTo, story: found?.story ?? null, containment: found?.containment ?? 0, defer };
  }

  #sketch(article: number): Sketch | null {
    const cached = this.#sketches.get(article);
    if (cached !== undefined) return cached;
    const bytes = this.#sketchOf.get(article);
    const sketch = bytes === undefined ? null : decodeSketch(bytes);
    this.#sketches.set(article, sketch);
    return sketch;
  }

  close(): void {
    this.#db.close();
  }
}

const lookups = new Map<string, StoryLookup | null>();

/**
 * The lookup of the archive at `path`, opened on first use and kept (one per worker and
 * archive); null when the file cannot be read so (the writer then looks at every candidate,
 * as without a lookup).
 */
export function storyLookupAt(path: string): StoryLookup | null {
  let lookup = lookups.get(path);
  if (lookup === undefined) {
    try {
      lookup = new StoryLookup(path);
    } catch {
      lookup = null;
    }
    lookups.set(path, lookup);
  }
  return lookup;
}
