/**
 * npm run bench:archive [-- --articles N] [-- --workers N] [-- --queries 1000] [-- --seed 1]
 *                       [-- --dir DIR] [-- --keep] [-- --null-store] [-- --without-stories]
 *                       [-- --json]
 *
 * The archive at scale. Composes N articles (default 100,000; --articles 1000000 for the
 * full target) from the vocabulary and structures of samples/ and test/fixtures/ (see
 * scripts/lib/archive-compose.ts), writes them as JSON Lines feeds plus one page file in
 * twenty (Big5, GB18030 or UTF-8), ingests them into a fresh SQLite archive with every core
 * (the same `ingest` the CLI runs: worker threads parse and annotate, one writer), then runs
 * 1,000 searches of one to four words in both scripts. Prints articles/s and MB/s of
 * ingest, database bytes per article, the writer's time finding each article's story
 * (near-duplicates), search latency p50/p95/p99 and peak RSS, against the targets: 1M
 * articles in under 20 minutes on 2 cores, story detection at most 10% of the ingest's
 * time, search p95 under 20 ms at 1M, RSS under 1 GB throughout. Below 1M the ingest time for 1M is projected from the measured
 * rate, and the report says so.
 *
 * --null-store ingests into a store that keeps nothing: the ceiling of parse + annotate
 * on this machine, without SQLite.
 *
 * --without-stories ingests with story detection off (each article a story of its own,
 * nothing prepared, looked up or stored to find copies): what story detection costs the
 * ingest is the difference in wall time from a run with it: give that run's seconds as
 * --baseline-s S to a run with it (same --articles and --seed) and the target is judged on
 * the difference. The writer's clock (the "stories:" line) sees only the time in its own
 * calls, not what their writes cost the commits and checkpoints after them: a lower bound.
 *
 * --db postgres://… measures PostgreSQL beside SQLite in the same run, on the same corpus
 * and queries, each in a database of its own created on that server (dropped after unless
 * --keep): the same ingest into the archive (`jiedu ingest --db postgres://…`), then the
 * queue: `ingest --queue` and 1, then 2, `jiedu worker --until-idle` processes
 * (--queue-workers 1,2; 0 skips it), with articles/s, search p50/p95/p99 and bytes per
 * article (the database's size) for each.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StoryTime } from '../src/store/story-verify.ts';
import type { Archive, DocumentInput, PutResult, Store } from '../src/store/types.ts';
import { composeInChild, type Generated } from './lib/compose-in-child.ts';
import { percentile } from './lib/percentile.ts';
import { scriptArgs } from './lib/script-args.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MB = 1e6;
const TARGETS = { ingestMinutesAt1M: 20, searchP95Ms: 20, rssMb: 1000, cores: 2, storyShare: 0.1 };

const { values } = scriptArgs(import.meta.url, {
  options: {
    articles: { type: 'string', default: '100000' },
    workers: { type: 'string' },
    queries: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    dir: { type: 'string' },
    keep: { type: 'boolean', default: false },
    'null-store': { type: 'boolean', default: false },
    'without-stories': { type: 'boolean', default: false },
    'baseline-s': { type: 'string' },
    json: { type: 'boolean', default: false },
    db: { type: 'string' },
    'queue-workers': { type: 'string', default: '1,2' },
    // Internal: compose the corpus into --dir and exit (run in a child process, see main).
    'generate-only': { type: 'boolean', default: false },
  },
});
const articles = Number(values.articles);
const withoutStories = values['without-stories'];
/** The wall seconds of the same ingest --without-stories, against which story detection's
 * whole cost is told. */
const baselineS = values['baseline-s'] === undefined ? undefined : Number(values['baseline-s']);
if (baselineS !== undefined && !(baselineS > 0))
  throw new TypeError('--baseline-s: seconds, above 0');
const workers = values.workers === undefined ? availableParallelism() : Number(values.workers);
const queryCount = Number(values.queries);
const seed = Number(values.seed);
if (!Number.isInteger(articles) || articles < 1)
  throw new TypeError('--articles: a positive whole number');
if (!Number.isInteger(workers) || workers < 1)
  throw new TypeError('--workers: a positive whole number');
if (!Number.isInteger(queryCount) || queryCount < 0)
  throw new TypeError('--queries: a whole number');

// The built package is what users run (the npm script builds it first); the sources through
// tsx are used only when there is no build, and the report says which.
const DIST_INGEST = join(ROOT, 'dist', 'ingest', 'index.js');
const built = existsSync(DIST_INGEST);
const { ingest } = (await import(
  built ? DIST_INGEST : '../src/ingest/index.ts'
)) as typeof import('../src/ingest/index.ts');

/** Opens the SQLite archive, from the same build as `ingest`. */
async function openArchive(path: string): Promise<Archive> {
  const { openStore } = (await import(
    built ? join(ROOT, 'dist', 'store', 'index.js') : '../src/store/index.ts'
  )) as typeof import('../src/store/index.ts');
  return openStore(path, withoutStories ? { findStories: false } : {});
}

/** A store that keeps only the hashes: what ingest costs without SQLite. */
class NullStore implements Store {
  readonly #hashes = new Set<string>();
  hasDocument(hash: string): boolean {
    return this.#hashes.has(hash);
  }
  putDocument(doc: DocumentInput): PutResult {
    const created = !this.#hashes.has(doc.hash);
    this.#hashes.add(doc.hash);
    return { documentId: this.#hashes.size, created };
  }
  close(): void {}
}

/** Counts what goes through a store (documents, their articles and page bytes) and times
 * the writes, batched or not. */
function counting(store: Store) {
  const counts = { documents: 0, articles: 0, pageBytes: 0, putMs: 0 };
  const count = (doc: DocumentInput, result: PutResult | undefined) => {
    if (result?.created !== true) return;
    counts.documents++;
    counts.articles += doc.page.children.length;
    counts.pageBytes += doc.bytes;
  };
  const wrapped: Store = {
    hasDocument: (hash) => store.hasDocument(hash),
    putDocument: (doc) => {
      const start = performance.now();
      const result = store.putDocument(doc);
      counts.putMs += performance.now() - start;
      count(doc, result);
      return result;
    },
    close: () => store.close(),
  };
  const putDocuments = store.putDocuments?.bind(store);
  if (putDocuments !== undefined) {
    wrapped.putDocuments = (docs) => {
      const start = performance.now();
      const results = putDocuments(docs);
      counts.putMs += performance.now() - start;
      for (const [i, doc] of docs.entries()) count(doc, results[i]?.result);
      return results;
    };
  }
  return { counts, store: wrapped };
}

const rssNow = () => process.memoryUsage.rss() / MB;
const log = (line: string) => {
  if (!values.json) console.log(line);
};

/** --generate-only: composes the corpus and the queries into --dir. */
async function generate(dir: string): Promise<void> {
  const { buildVocabulary, composer, queries } = await import('./lib/archive-compose.ts');
  const { writeCorpus } = await import('./lib/archive-corpus.ts');
  const vocabulary = buildVocabulary(ROOT);
  const corpus = writeCorpus(join(dir, 'input'), articles, composer(vocabulary, seed));
  const generated: Generated = {
    corpus,
    vocabulary: {
      headlines: vocabulary.headlines.length,
      paragraphs: vocabulary.paragraphs.length,
      people: vocabulary.people.length,
      places: vocabulary.places.length,
    },
    queries: queries(vocabulary, queryCount, seed + 1),
  };
  writeFileSync(join(dir, 'corpus.json'), JSON.stringify(generated));
}

async function main(): Promise<void> {
  const dir = values.dir ?? (await mkdtemp(join(tmpdir(), 'jiedu-bench-archive-')));
  mkdirSync(dir, { recursive: true });
  const inputDir = join(dir, 'input');
  const dbPath = join(dir, 'archive.db');
  if (existsSync(dbPath)) throw new Error(`bench: ${dbPath} exists; give an empty --dir`);

  // 1. The corpus, composed in a child process (its tables must not count in the RSS of the
  // ingest measured here).
  let t = performance.now();
  const generated = composeInChild(dir, { articles, queries: queryCount, seed });
  const { corpus, vocabulary } = generated;
  const generateS = (performance.now() - t) / 1000;
  log(
    `corpus: ${corpus.articles} articles, ${(corpus.bytes / MB).toFixed(1)} MB of page text, ` +
      `${corpus.jsonlFiles} JSONL files + ${corpus.pageFiles} page files ` +
      `(${Object.entries(corpus.encodings)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}), composed from ${vocabulary.headlines} headlines, ` +
      `${vocabulary.paragraphs} paragraphs, ${vocabulary.people} people and ` +
      `${vocabulary.places} places in ${generateS.toFixed(1)} s`,
  );

  // 2. Ingest, with every core.
  const archive = values['null-store'] ? undefined : await openArchive(dbPath);
  const base: Store = archive ?? new NullStore();
  const storeKind =
    archive === undefined
      ? 'null store (nothing kept)'
      : withoutStories
        ? 'SQLite without story detection'
        : 'SQLite';
  const { counts, store } = counting(base);
  let peakRss = rssNow();
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, rssNow());
  }, 250);
  sampler.unref();
  let lastLog = performance.now();
  t = performance.now();
  const cpuStart = process.cpuUsage();
  const summary = await ingest({
    inputs: [inputDir],
    store,
    workers,
    ...(withoutStories ? { stories: false } : {}),
    onProgress: (stats) => {
      const now = performance.now();
      if (now - lastLog < 10_000) return;
      lastLog = now;
      const s = (now - t) / 1000;
      log(
        `  ${stats.documents} documents in ${s.toFixed(0)} s (${(stats.documents / s).toFixed(0)}/s), ` +
          `${((100 * stats.bytes) / (stats.totalBytes || 1)).toFixed(0)}%, RSS ${rssNow().toFixed(0)} MB ` +
          `(writer heap ${(process.memoryUsage().heapTotal / MB).toFixed(0)} MB)`,
      );
    },
  });
  // The band keys still waiting to be merged into the index (sqlite/join-story.ts) are
  // merged as closing the archive would: part of the ingest.
  if (archive !== undefined && 'mergeStoryKeys' in archive)
    (archive as unknown as { mergeStoryKeys(): number }).mergeStoryKeys();
  const ingestS = (performance.now() - t) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  /** Cores kept busy on average (workers and writer together): 2 is all of a 2-core machine. */
  const coresUsed = (cpu.user + cpu.system) / 1e6 / ingestS;
  peakRss = Math.max(peakRss, rssNow());
  const articlesPerS = counts.articles / ingestS;
  const documentsPerS = summary.documents / ingestS;
  const mbPerS = counts.pageBytes / MB / ingestS;
  const fileBytes = archive === undefined ? null : archive.stats().fileBytes;
  log(
    `ingest (${storeKind}, ${workers} workers, ${built ? 'built dist/' : 'sources via tsx'}): ` +
      `${summary.stored} documents stored (${counts.articles} articles), ${summary.present} already present, ` +
      `${summary.failed} failed in ${ingestS.toFixed(1)} s: ${articlesPerS.toFixed(0)} articles/s, ` +
      `${documentsPerS.toFixed(0)} documents/s, ${mbPerS.toFixed(2)} MB/s of page text`,
  );
  if (fileBytes !== null) {
    log(
      `archive: ${(fileBytes / MB).toFixed(1)} MB, ${(fileBytes / counts.articles).toFixed(0)} bytes per article`,
    );
  }
  // One thread writes: its share of the wall time says whether it or the workers set the pace.
  log(
    `writer: ${(counts.putMs / Math.max(1, counts.documents)).toFixed(2)} ms of storing per document, ` +
      `${((100 * counts.putMs) / 1000 / ingestS).toFixed(0)}% of the ingest's wall time; ` +
      `${coresUsed.toFixed(2)} cores busy on average (of ${availableParallelism()})`,
  );

  // Story detection (near-duplicates at ingest, on the writer): its share of the ingest.
  const storyTime =
    archive !== undefined && !withoutStories && 'storyTiming' in archive
      ? (archive as unknown as { storyTiming(): StoryTime }).storyTiming()
      : null;
  const storyShare = storyTime === null ? null : storyTime.ms / 1000 / ingestS;
  if (storyTime !== null && storyShare !== null) {
    // Measured on the writer's clock: time the thread waited for a core counts too, so on
    // a busy machine the figure is high; its share of the writer's own time is steadier.
    const cpuS = (cpu.user + cpu.system) / 1e6;
    log(
      `stories: ${(storyTime.ms / 1000).toFixed(1)} s finding the stories of ${storyTime.articles} articles ` +
        `(${(storyTime.ms / Math.max(1, storyTime.articles)).toFixed(3)} ms each; ${storyTime.copies} joined a story already stored; ` +
        `${(storyTime.sketched / Math.max(1, storyTime.articles)).toFixed(2)} candidates per article decided on their sketches, ` +
        `${(storyTime.reads / Math.max(1, storyTime.articles)).toFixed(2)} stored texts read per article to verify the rest; ` +
        `${storyTime.merges ?? 0} merges of waiting band keys into the index, ${((storyTime.mergeMs ?? 0) / 1000).toFixed(1)} s; ` +
        `the band filter built ${storyTime.filterBuilds ?? 0} times, ${((storyTime.filterMs ?? 0) / 1000).toFixed(1)} s, ` +
        `${((storyTime.skipped ?? 0) / Math.max(1, storyTime.articles)).toFixed(1)} keys an article not looked up): ` +
        `${(100 * storyShare).toFixed(1)}% of the ingest's wall time, ${((100 * storyTime.ms) / Math.max(1, counts.putMs)).toFixed(0)}% of the writer's, ` +
        `at most ${((100 * storyTime.ms) / 1000 / cpuS).toFixed(1)}% of the CPU time of the ingest (workers and writer)`,
    );
    // The workers compute each article's print, band keys and sketch beside parsing (in
    // parallel with the writer): their time, and all of story detection's, against the
    // CPU time of the ingest.
    log(
      `  and in the workers: ${(storyTime.workerMs / 1000).toFixed(1)} s computing the prints, keys and sketches ` +
        `(${(storyTime.workerMs / Math.max(1, storyTime.articles)).toFixed(3)} ms per article); story detection in all ` +
        `(writer and workers) at most ${((100 * (storyTime.ms + storyTime.workerMs)) / 1000 / cpuS).toFixed(1)}% of the CPU time of the ingest`,
    );
  }

  // Repeated passages (issue 15, item 4: each distinctive block's key looked up and stored,
  // on the writer): its share of the ingest.
  const passageMs =
    archive !== undefined && 'passageTiming' in archive
      ? (archive as unknown as { passageTiming(): number }).passageTiming()
      : null;
  const passageShare = passageMs === null ? null : passageMs / 1000 / ingestS;
  if (passageMs !== null && passageShare !== null) {
    log(
      `passages: ${(passageMs / 1000).toFixed(1)} s marking the repeated passages of ${counts.articles} articles ` +
        `(${(passageMs / Math.max(1, counts.articles)).toFixed(3)} ms each): ${(100 * passageShare).toFixed(1)}% of the ingest's wall time, ` +
        `${((100 * passageMs) / Math.max(1, counts.putMs)).toFixed(1)}% of the writer's`,
    );
  }

  // 3. Search: 1,000 queries of one to four words, half Traditional, half Simplified.
  let search: {
    p50: number;
    p95: number;
    p99: number;
    queries: number;
    emptyShare: number;
  } | null = null;
  if (archive !== undefined) {
    const list = generated.queries;
    for (const q of list.slice(0, 50)) archive.search({ text: q, limit: 20 });
    const times: number[] = [];
    let empty = 0;
    for (const q of list) {
      const start = performance.now();
      const hits = archive.search({ text: q, limit: 20 });
      times.push(performance.now() - start);
      if (hits.length === 0) empty++;
      if (times.length % 50 === 0) peakRss = Math.max(peakRss, rssNow());
    }
    times.sort((a, b) => a - b);
    search = {
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      p99: percentile(times, 99),
      queries: times.length,
      emptyShare: empty / Math.max(1, times.length),
    };
    log(
      `search: ${search.queries} queries (1–4 words, both scripts, 20 hits each): ` +
        `p50 ${search.p50.toFixed(2)} ms, p95 ${search.p95.toFixed(2)} ms, p99 ${search.p99.toFixed(2)} ms; ` +
        `${(search.emptyShare * 100).toFixed(0)}% found nothing`,
    );
  } else {
    log('search: not measured (null store)');
  }
  clearInterval(sampler);
  store.close();
  const maxRss = Math.max(peakRss, (process.resourceUsage().maxRSS * 1024) / MB);

  // PostgreSQL beside it, on the same corpus and queries.
  const postgres =
    values.db === undefined ? null : await benchPostgres(values.db, inputDir, generated.queries);

  // 4. Against the targets.
  const minutesAt1M = 1e6 / articlesPerS / 60;
  const projected = counts.articles < 1e6;
  const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
  const cores = availableParallelism();
  log('targets:');
  log(
    `  ingest 1M articles < ${TARGETS.ingestMinutesAt1M} min on ${TARGETS.cores} cores: ` +
      `${minutesAt1M.toFixed(1)} min${projected ? ` (projected from ${counts.articles} articles)` : ''} on ${cores} cores — ${verdict(minutesAt1M < TARGETS.ingestMinutesAt1M)}` +
      (archive === undefined ? ' (null store: SQLite not counted)' : ''),
  );
  if (search !== null) {
    log(
      `  search p95 < ${TARGETS.searchP95Ms} ms at 1M: ${search.p95.toFixed(2)} ms at ${counts.articles} articles — ` +
        `${verdict(search.p95 < TARGETS.searchP95Ms)}${projected ? ' (measured below 1M)' : ''}`,
    );
  } else {
    log(`  search p95 < ${TARGETS.searchP95Ms} ms at 1M: not measured`);
  }
  if (storyShare !== null && baselineS !== undefined) {
    // The whole cost: how much longer the ingest took than the same ingest without it.
    const share = (ingestS - baselineS) / ingestS;
    log(
      `  story detection ≤ ${TARGETS.storyShare * 100}% of the ingest's time: ${(100 * share).toFixed(1)}% at ${counts.articles} articles ` +
        `(${ingestS.toFixed(1)} s against ${baselineS.toFixed(1)} s without it; ${(100 * storyShare).toFixed(1)}% on the writer's clock) — ${verdict(share <= TARGETS.storyShare)}`,
    );
  } else if (storyShare !== null) {
    // The writer's clock alone is a lower bound: what its writes cost the commits and
    // checkpoints after them is not on it.
    log(
      `  story detection ≤ ${TARGETS.storyShare * 100}% of the ingest's time: at least ${(100 * storyShare).toFixed(1)}% at ${counts.articles} articles (the writer's clock) — ` +
        (storyShare > TARGETS.storyShare
          ? verdict(false)
          : 'not decided: give --baseline-s, the wall time of a run --without-stories on the same corpus'),
    );
  }
  log(
    `  peak RSS < ${TARGETS.rssMb} MB throughout: ${maxRss.toFixed(0)} MB — ${verdict(maxRss < TARGETS.rssMb)}`,
  );

  if (values.json) {
    console.log(
      JSON.stringify(
        {
          articlesRequested: articles,
          corpus,
          generateSeconds: generateS,
          store: storeKind,
          workers,
          built,
          ingest: { ...counts, seconds: ingestS, articlesPerS, documentsPerS, mbPerS, summary },
          writerShare: counts.putMs / 1000 / ingestS,
          stories: storyTime === null ? null : { ...storyTime, share: storyShare },
          passages: passageMs === null ? null : { ms: passageMs, share: passageShare },
          coresUsed,
          fileBytes,
          bytesPerArticle: fileBytes === null ? null : fileBytes / counts.articles,
          search,
          peakRssMb: maxRss,
          minutesAt1M,
          projected,
          postgres,
          node: process.version,
        },
        null,
        2,
      ),
    );
  }
  if (values.keep) log(`kept: ${dir}`);
  else if (values.dir === undefined) rmSync(dir, { recursive: true, force: true });
}

/** What PostgreSQL measured: one ingest and its searches, or a queue run. */
interface PgRun {
  mode: string;
  articles: number;
  seconds: number;
  articlesPerS: number;
  bytesPerArticle: number;
  search?: { p50: number; p95: number; p99: number; queries: number };
}

/** A database of its own on the server of `url`; its URL and how to drop it. */
async function freshDatabase(url: string, name: string) {
  const pg = (await import('pg')).default;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const fresh = new URL(url);
  fresh.pathname = `/${name}`;
  return {
    url: fresh.toString(),
    drop: async () => {
      const again = new pg.Client({ connectionString: url });
      await again.connect();
      await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await again.end();
    },
  };
}

/** Searches through the archive as the CLI and server do; p50/p95/p99 (ms). */
function timeSearches(archive: Archive, queries: readonly string[]) {
  for (const q of queries.slice(0, 50)) archive.search({ text: q, limit: 20 });
  const times: number[] = [];
  for (const q of queries) {
    const start = performance.now();
    archive.search({ text: q, limit: 20 });
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    queries: times.length,
  };
}

/** Runs the jiedu binary (the build the npm script made) and waits for it. */
function jiedu(args: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'jiedu.js'), ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += String(d);
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`jiedu ${args[0]} exited ${code}: ${stderr}`)),
    );
  });
}

/** The PostgreSQL half: the same ingest and searches, then the queue with 1 and 2 workers. */
async function benchPostgres(url: string, inputDir: string, queries: readonly string[]) {
  const { openArchive: open } = (await import(
    built ? join(ROOT, 'dist', 'store', 'index.js') : '../src/store/index.ts'
  )) as typeof import('../src/store/index.ts');
  const runs: PgRun[] = [];
  const size = async (archive: Archive) => {
    const stats = archive.stats();
    return { articles: stats.articles, bytes: stats.fileBytes };
  };

  // The same ingest as SQLite's, into the archive on the server.
  {
    const db = await freshDatabase(url, `jiedu_bench_${process.pid}_direct`);
    const archive = open(db.url);
    const t = performance.now();
    await ingest({ inputs: [inputDir], store: archive, workers });
    const seconds = (performance.now() - t) / 1000;
    const { articles: n, bytes } = await size(archive);
    const search = timeSearches(archive, queries);
    const run: PgRun = {
      mode: `ingest, ${workers} worker threads`,
      articles: n,
      seconds,
      articlesPerS: n / seconds,
      bytesPerArticle: bytes / n,
      search,
    };
    runs.push(run);
    log(
      `postgres ingest (${workers} worker threads): ${n} articles in ${seconds.toFixed(1)} s: ` +
        `${run.articlesPerS.toFixed(0)} articles/s; ${(bytes / MB).toFixed(1)} MB, ${run.bytesPerArticle.toFixed(0)} bytes per article`,
    );
    log(
      `postgres search: ${search.queries} queries: p50 ${search.p50.toFixed(2)} ms, ` +
        `p95 ${search.p95.toFixed(2)} ms, p99 ${search.p99.toFixed(2)} ms`,
    );
    archive.close();
    if (!values.keep) await db.drop();
  }

  // The queue: ingest --queue, then N worker processes until it is empty.
  const counts = (values['queue-workers'] ?? '')
    .split(',')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  for (const n of counts) {
    const db = await freshDatabase(url, `jiedu_bench_${process.pid}_queue${n}`);
    let t = performance.now();
    await jiedu(['ingest', inputDir, '--db', db.url, '--queue']);
    const enqueueS = (performance.now() - t) / 1000;
    t = performance.now();
    await Promise.all(
      Array.from({ length: n }, () => jiedu(['worker', '--db', db.url, '--until-idle'])),
    );
    const seconds = (performance.now() - t) / 1000;
    const archive = open(db.url);
    const { articles: stored, bytes } = await size(archive);
    archive.close();
    const run: PgRun = {
      mode: `queue, ${n} worker process${n === 1 ? '' : 'es'}`,
      articles: stored,
      seconds,
      articlesPerS: stored / seconds,
      bytesPerArticle: bytes / stored,
    };
    runs.push(run);
    log(
      `postgres queue (${n} worker process${n === 1 ? '' : 'es'}, 1 thread each): ${stored} articles in ${seconds.toFixed(1)} s ` +
        `after ${enqueueS.toFixed(1)} s of queueing: ${run.articlesPerS.toFixed(0)} articles/s; ` +
        `${run.bytesPerArticle.toFixed(0)} bytes per article (queue tables included)`,
    );
    if (!values.keep) await db.drop();
  }
  return runs;
}

if (values['generate-only']) {
  if (values.dir === undefined) throw new TypeError('--generate-only needs --dir');
  await generate(values.dir);
} else {
  await main();
}
