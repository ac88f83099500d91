/**
 * node --import tsx scripts/bench-stories.ts ARCHIVE.db [--limit N] [--merge-every N] [--unbuffered] [--no-filter]
 *
 * Story detection alone, replayed on an archive already ingested (bench:archive --keep
 * --dir DIR leaves DIR/archive.db): a copy of it with its stories cleared, whose articles
 * then join their stories again in id order, as ingest put them. Prints the milliseconds
 * per article spent finding stories (the writer's share at ingest), by thousands of
 * articles so a growth with the archive's size shows, and how many stories it found.
 * --merge-every N: articles whose band keys wait before each merge into the index (the
 * store's default otherwise); --unbuffered: each article's keys written to the index at once,
 * as before schema 11. Both to measure what the merges save. --no-filter: every key looked
 * up, without the filter of stored keys a bulk ingest builds (to measure what it saves).
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { simplifiedView } from '../src/normalize/index.ts';
import { type ArticleSpans, articleText } from '../src/store/article-text.ts';
import { openStore } from '../src/store/index.ts';
import { StoryFinder } from '../src/store/sqlite/join-story.ts';
import { storyInput } from '../src/store/story-input.ts';
import { scriptArgs } from './lib/script-args.ts';

const { values, positionals } = scriptArgs(import.meta.url, {
  allowPositionals: true,
  options: {
    limit: { type: 'string' },
    every: { type: 'string', default: '5000' },
    'merge-every': { type: 'string' },
    unbuffered: { type: 'boolean', default: false },
    'no-filter': { type: 'boolean', default: false },
  },
});
const source = positionals[0];
if (source === undefined) throw new TypeError('usage: bench-stories.ts ARCHIVE.db [--limit N]');
const limit = values.limit === undefined ? Number.POSITIVE_INFINITY : Number(values.limit);
const every = Number(values.every);

const dir = mkdtempSync(join(tmpdir(), 'jiedu-bench-stories-'));
const path = join(dir, 'archive.db');
copyFileSync(source, path);
// Brought up to the current schema first (an archive of schema 7 gains the sketches).
openStore(path).close();
const db = new Database(path);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.pragma('cache_size = -65536');
db.exec(
  'DELETE FROM story_bands; DELETE FROM story_pending; DELETE FROM story_sketches; DELETE FROM stories; UPDATE articles SET story = NULL;',
);

const finder = new StoryFinder(db, {
  buffered: !values.unbuffered,
  ...(values['no-filter'] ? { filterAfter: Number.POSITIVE_INFINITY } : {}),
  ...(values['merge-every'] === undefined ? {} : { mergeEvery: Number(values['merge-every']) }),
});
const batch = db.prepare<[number], { id: number; headline: string; spans: string; text: string }>(
  `SELECT a.id, a.headline, a.spans, t.text
     FROM articles a JOIN document_texts t ON t.document = a.document
    WHERE a.id > ? ORDER BY a.id LIMIT 200`,
);
let done = 0;
/** CPU time in `join` (the machine may be busy with other work: wall time waits for it). */
let cpuMs = 0;
/** Time computing each article's print, keys and sketch (what an ingest worker does
 * beforehand; the writer when it did not). */
let prepareMs = 0;
let prepareCpuMs = 0;
let lastCpu = 0;
let lastReads = 0;
let lastSketched = 0;
let lastMs = 0;
let lastN = 0;
/** Articles per transaction, as ingest commits a few dozen documents at a time. */
const PER_COMMIT = 32;
const commit = db.transaction((rows: { id: number; simplified: string; headline: boolean }[]) => {
  for (const r of rows) {
    let cpu = process.cpuUsage();
    const started = performance.now();
    const input = storyInput(r.simplified, r.headline);
    prepareMs += performance.now() - started;
    let used = process.cpuUsage(cpu);
    prepareCpuMs += (used.user + used.system) / 1000;
    cpu = process.cpuUsage();
    finder.join(r.id, r.simplified, r.headline, { story: input, storyMs: 0 });
    used = process.cpuUsage(cpu);
    cpuMs += (used.user + used.system) / 1000;
  }
});
let pending: { id: number; simplified: string; headline: boolean }[] = [];
outer: for (let rows = batch.all(0); rows.length > 0; rows = batch.all(rows.at(-1)?.id ?? 0)) {
  for (const row of rows) {
    if (done >= limit) break outer;
    const text = articleText(row.text, JSON.parse(row.spans) as ArticleSpans).text;
    const simplified = simplifiedView(text).text;
    pending.push({ id: row.id, simplified, headline: row.headline !== '' });
    if (pending.length === PER_COMMIT) {
      commit(pending);
      pending = [];
      // As the store's writer does after each commit: merge the waiting band keys when a
      // merge's worth wait (its time is in the finder's).
      finder.afterCommit();
    }
    done++;
    if (done % every === 0) {
      const t = finder.time;
      console.log(
        `${done} articles: ${((t.ms - lastMs) / (t.articles - lastN)).toFixed(3)} ms each ` +
          `(${((cpuMs - lastCpu) / (t.articles - lastN)).toFixed(3)} ms of CPU) over the last ${t.articles - lastN}, ` +
          `${((t.reads - lastReads) / (t.articles - lastN)).toFixed(2)} texts read and ` +
          `${((t.sketched - lastSketched) / (t.articles - lastN)).toFixed(2)} sketches decided per article`,
      );
      lastCpu = cpuMs;
      lastReads = t.reads;
      lastSketched = t.sketched;
      lastMs = t.ms;
      lastN = t.articles;
    }
  }
}
commit(pending);
finder.merge();
const t = finder.time;
const stories = (db.prepare('SELECT count(*) AS n FROM stories').get() as { n: number }).n;
console.log(
  `${t.articles} articles in ${(t.ms / 1000).toFixed(2)} s: ${(t.ms / t.articles).toFixed(3)} ms each ` +
    `(${t.merges ?? 0} merges of waiting band keys included, ${((t.mergeMs ?? 0) / 1000).toFixed(2)} s; ` +
    `the band filter built ${t.filterBuilds ?? 0} times, ${((t.filterMs ?? 0) / 1000).toFixed(2)} s, ` +
    `${((t.skipped ?? 0) / t.articles).toFixed(1)} keys an article not looked up); ` +
    `${t.copies} joined a story, ${stories} stories, ${(t.reads / t.articles).toFixed(2)} texts read per article, ` +
    `${(t.sketched / t.articles).toFixed(2)} candidates decided on sketches per article`,
);
console.log(
  `and before that, each article's print, keys and sketch: ${(prepareMs / t.articles).toFixed(3)} ms each ` +
    `(${(prepareCpuMs / t.articles).toFixed(3)} ms of CPU), done by the ingest workers`,
);
for (const r of db
  .prepare<[], { name: string; bytes: number }>(
    `SELECT name, sum(pgsize) AS bytes FROM dbstat WHERE name IN ('story_bands', 'story_sketches') GROUP BY name`,
  )
  .all()) {
  console.log(`${r.name}: ${(r.bytes / t.articles).toFixed(0)} bytes per article`);
}
db.close();
rmSync(dir, { recursive: true, force: true });
