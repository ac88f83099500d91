/**
 * npm run bench:serve [-- --articles 20000] [-- --duration 10] [-- --connections 50]
 *                     [-- --queries 200] [-- --seed 1] [-- --dir DIR] [-- --keep] [-- --json]
 *                     [-- --dir DIR --reuse]
 *
 * The served API under load. Builds an archive (the bundled samples plus N articles composed
 * by the archive benchmark's generator, scripts/lib/archive-compose.ts, ingested with the
 * built `jiedu ingest`), starts the built `jiedu serve` on it in a child process (the server
 * has its core, the load generator the other), then drives it with autocannon in this
 * process, 50 connections for a bounded time each:
 *
 * - GET /healthz: the bare server floor (node:http, routing, headers, a small JSON body);
 * - GET /api/search?q=…: a rotating set of queries of one to four words in both scripts,
 *   the archive benchmark's, each request the next query;
 * - GET /api/articles/{id}: rotating over the archive's articles (a read, the view and the
 *   repairs of a page parsed again);
 * - GET /api/entities/{id}: the entity page of the 50 most written-about entities
 *   (mentions, co-occurring entities, quotes and stances by and about, timeline): the
 *   heaviest read.
 *
 * --reuse serves the archive a --keep run left in --dir instead of building one.
 *
 * Reports requests/s and latency p50/p95/p99 (from every response's time), errors and
 * non-2xx answers, and search's throughput as a ratio of the floor.
 *
 * better-sqlite3 is synchronous: `jiedu serve` runs the archive's reads on its reader threads
 * (one per core, at most 4), each answering one request at a time, so requests/s is bounded
 * by readers / (time a request holds a reader), and with 50 connections a request's latency
 * is mostly the time it waits behind the others once the readers are saturated. /healthz
 * stays on the main thread.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { composeInChild } from './lib/compose-in-child.ts';
import { percentile } from './lib/percentile.ts';
import { scriptArgs } from './lib/script-args.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'jiedu.js');

const { values } = scriptArgs(import.meta.url, {
  options: {
    articles: { type: 'string', default: '20000' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    queries: { type: 'string', default: '200' },
    seed: { type: 'string', default: '1' },
    dir: { type: 'string' },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
});
const articles = Number(values.articles);
const duration = Number(values.duration);
const connections = Number(values.connections);
const queryCount = Number(values.queries);
for (const [name, n] of Object.entries({ articles, duration, connections, queryCount })) {
  if (!Number.isInteger(n) || n < 1) throw new TypeError(`--${name}: a positive whole number`);
}

const log = (line: string) => {
  if (!values.json) console.log(line);
};

/** The part of autocannon this script uses (it ships no types). */
interface Instance {
  on(
    event: 'response',
    fn: (client: unknown, status: number, bytes: number, ms: number) => void,
  ): void;
}
interface Result {
  requests: { average: number; total: number };
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
}
interface RequestSpec {
  method: string;
  path?: string;
  setupRequest?: (req: Record<string, unknown>) => Record<string, unknown>;
}
type Autocannon = (
  options: { url: string; connections: number; duration: number; requests?: RequestSpec[] },
  done: (err: Error | null, result: Result) => void,
) => Instance;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

/** What one load run measured. */
interface Figures {
  name: string;
  requestsPerSecond: number;
  total: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** Drives the server with autocannon for `duration` seconds; `paths` rotate per request. */
function load(
  name: string,
  base: string,
  paths: readonly string[],
  seconds: number = duration,
): Promise<Figures> {
  const times: number[] = [];
  let next = 0;
  const spec: RequestSpec = {
    method: 'GET',
    path: paths[0],
    setupRequest: (req) => {
      const path = paths[next % paths.length];
      next++;
      return { ...req, path };
    },
  };
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { url: base, connections, duration: seconds, requests: [spec] },
      (err, result) => {
        if (err) {
          reject(err);
          return;
        }
        const sorted = Float64Array.from(times).sort();
        resolve({
          name,
          requestsPerSecond: result.requests.total / result.duration,
          total: result.requests.total,
          p50: percentile(sorted, 50),
          p95: percentile(sorted, 95),
          p99: percentile(sorted, 99),
          errors: result.errors + result.timeouts,
          non2xx: result.non2xx,
        });
      },
    );
    instance.on('response', (_client, _status, _bytes, ms) => {
      times.push(ms);
    });
  });
}

/** Starts the built `jiedu serve` on the archive; resolves with its URL and a stopper. */
function serve(db: string): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, [BIN, 'serve', '--db', db, '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const url = /serving (http:\/\/\S+)/.exec(out)?.[1];
      if (url === undefined) return;
      resolve({
        url,
        stop: () =>
          new Promise<void>((done) => {
            child.once('close', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
    child.once('close', (code) => reject(new Error(`jiedu serve exited ${code}: ${out}`)));
  });
}

/** The archive: the samples and the composed corpus, ingested by the built CLI. */
function buildArchive(dir: string): { db: string; queries: string[] } {
  const db = join(dir, 'archive.db');
  const corpus = join(dir, 'corpus.json');
  if (values.reuse) {
    if (!existsSync(db) || !existsSync(corpus)) {
      throw new Error(`bench: --reuse needs ${db} and ${corpus} from a --keep run`);
    }
    log(`reusing ${db}`);
    return {
      db,
      queries: (JSON.parse(readFileSync(corpus, 'utf8')) as { queries: string[] }).queries,
    };
  }
  if (existsSync(db)) throw new Error(`bench: ${db} exists; give an empty --dir (or --reuse)`);
  let t = performance.now();
  const generated = composeInChild(dir, {
    articles,
    queries: queryCount,
    seed: Number(values.seed),
  });
  log(`composed ${articles} articles in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  t = performance.now();
  execFileSync(
    process.execPath,
    [BIN, 'ingest', join(ROOT, 'samples'), join(dir, 'input'), '--db', db],
    { stdio: ['ignore', 'ignore', 'inherit'], cwd: ROOT },
  );
  log(`ingested in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return { db, queries: generated.queries };
}

function show(f: Figures): string {
  return (
    `${f.name.padEnd(24)} ${f.requestsPerSecond.toFixed(0).padStart(7)} req/s   ` +
    `p50 ${f.p50.toFixed(2)} ms  p95 ${f.p95.toFixed(2)} ms  p99 ${f.p99.toFixed(2)} ms   ` +
    `(${f.total} requests, ${f.errors} errors, ${f.non2xx} non-2xx)`
  );
}

async function main(): Promise<void> {
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) {
    throw new Error('bench: no build; run it as npm run bench:serve (which builds first)');
  }
  const dir = values.dir ?? (await mkdtemp(join(tmpdir(), 'jiedu-bench-serve-')));
  mkdirSync(dir, { recursive: true });
  try {
    const { db, queries } = buildArchive(dir);
    const server = await serve(db);
    try {
      const stats = (await (await fetch(new URL('/api/stats', server.url))).json()) as {
        articles: number;
      };
      log(
        `serving ${stats.articles} articles at ${server.url}; ${connections} connections, ${duration} s a run\n`,
      );
      const searches = queries.map((q) => `/api/search?q=${encodeURIComponent(q)}`);
      // Articles spread over the archive, in an order that jumps about.
      const ids = Array.from(
        { length: Math.min(1000, stats.articles) },
        (_, i) => `/api/articles/${1 + ((i * 7919) % stats.articles)}`,
      );
      // A short warm-up: statement caches, the page cache, V8's optimiser.
      await load('warm-up', server.url, searches, 2);
      const floor = await load('GET /healthz', server.url, ['/healthz']);
      log(show(floor));
      const search = await load('GET /api/search', server.url, searches);
      log(show(search));
      const article = await load('GET /api/articles/{id}', server.url, ids);
      log(show(article));
      const top = (await (await fetch(new URL('/api/entities?limit=50', server.url))).json()) as {
        entities: { id: string }[];
      };
      const entityPaths = top.entities.map((e) => `/api/entities/${encodeURIComponent(e.id)}`);
      const entity = await load('GET /api/entities/{id}', server.url, entityPaths);
      log(show(entity));
      const ratio = search.requestsPerSecond / floor.requestsPerSecond;
      log(
        `\nsearch: ${(ratio * 100).toFixed(1)}% of the floor's requests/s; ` +
          `${queries.length} queries of one to four words, rotating`,
      );
      if (values.json) {
        console.log(
          JSON.stringify({
            articles: stats.articles,
            connections,
            duration,
            floor,
            search,
            article,
            entity,
            ratio,
          }),
        );
      }
    } finally {
      await server.stop();
    }
  } finally {
    if (!values.keep && values.dir === undefined) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
