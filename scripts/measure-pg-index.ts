/**
 * node --import tsx scripts/measure-pg-index.ts --db postgres://… --feed FILE.jsonl
 *                                              --queries corpus.json [--copies 20]
 *
 * Which PostgreSQL index for jiedu's search: the texts of a JSON Lines feed (the archive
 * benchmark's composed articles), `--copies` times over (ids apart, newest last), in a
 * database of their own, indexed two ways, and the benchmark's queries (one to four words,
 * both scripts) run through each:
 *
 * - bigram: the index stream (search/index-stream.ts) as a tsvector under GIN, queried with
 *   the tsquery jiedu's search sends (postgres/search-index.ts), newest 1000 matches;
 * - trigram: the Simplified text under a pg_trgm GIN index, each word a `LIKE '%word%'`.
 *
 * Prints index sizes, build times and latency p50/p95/p99 for each, and how many queries
 * have a word the trigram index cannot look up (shorter than three characters).
 */
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { toSimplified } from '../src/normalize/index.ts';
import { compileTsQuery, streamVector } from '../src/store/postgres/search-index.ts';
import { indexStream } from '../src/store/search/index-stream.ts';
import { percentile } from './lib/percentile.ts';
import { scriptArgs } from './lib/script-args.ts';

const { values } = scriptArgs(import.meta.url, {
  options: {
    db: { type: 'string' },
    feed: { type: 'string' },
    queries: { type: 'string' },
    copies: { type: 'string', default: '1' },
  },
});
if (values.db === undefined || values.feed === undefined || values.queries === undefined) {
  throw new TypeError('give --db, --feed and --queries');
}
const copies = Number(values.copies);
const texts = readFileSync(values.feed, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => toSimplified((JSON.parse(line) as { text: string }).text));
const queries = (JSON.parse(readFileSync(values.queries, 'utf8')) as { queries: string[] }).queries;

const name = `jiedu_index_probe_${process.pid}`;
const admin = new pg.Client({ connectionString: values.db });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
const url = new URL(values.db);
url.pathname = `/${name}`;
const db = new pg.Client({ connectionString: url.toString() });
await db.connect();
const seconds = (t: number) => ((performance.now() - t) / 1000).toFixed(1);

try {
  await db.query('CREATE EXTENSION pg_trgm');
  if (process.env.PROBE_JIT_OFF === '1') await db.query('SET jit = off');
  await db.query(
    'CREATE TABLE probe (id integer PRIMARY KEY, body text COLLATE "C", search tsvector)',
  );
  let t = performance.now();
  const vectors = texts.map((text) => streamVector(indexStream(text)));
  let id = 0;
  for (let c = 0; c < copies; c++) {
    for (let k = 0; k < texts.length; k += 500) {
      const slice = texts.slice(k, k + 500);
      const ids = slice.map(() => ++id);
      await db.query(
        'INSERT INTO probe SELECT * FROM unnest($1::int[], $2::text[], $3::tsvector[])',
        [ids, slice, vectors.slice(k, k + 500)],
      );
    }
  }
  console.log(`${id} rows (${texts.length} texts × ${copies}) loaded in ${seconds(t)} s`);
  t = performance.now();
  await db.query('CREATE INDEX probe_bigram ON probe USING gin (search)');
  console.log(`bigram tsvector GIN built in ${seconds(t)} s`);
  t = performance.now();
  await db.query('CREATE INDEX probe_trigram ON probe USING gin (body gin_trgm_ops)');
  console.log(`pg_trgm GIN built in ${seconds(t)} s`);
  await db.query('VACUUM ANALYZE probe');
  const sizes = await db.query(
    `SELECT pg_relation_size('probe_bigram') AS bigram, pg_relation_size('probe_trigram') AS trigram,
            pg_total_relation_size('probe') AS total`,
  );
  const row = sizes.rows[0] as { bigram: string; trigram: string; total: string };
  const mb = (n: string) => (Number(n) / 1e6).toFixed(0);
  console.log(
    `sizes: bigram index ${mb(row.bigram)} MB, trigram index ${mb(row.trigram)} MB, table with both ${mb(row.total)} MB`,
  );

  const time = async (run: (q: string) => Promise<unknown>) => {
    for (const q of queries.slice(0, 30)) await run(q);
    const times: number[] = [];
    for (const q of queries) {
      const start = performance.now();
      await run(q);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    return `p50 ${percentile(times, 50).toFixed(2)} ms, p95 ${percentile(times, 95).toFixed(2)} ms, p99 ${percentile(times, 99).toFixed(2)} ms`;
  };
  const bigram = await time(async (q) => {
    const compiled = compileTsQuery(q);
    if (compiled === null) return;
    await db.query(
      `SELECT id, ts_rank(search, $1::tsquery) FROM (
         SELECT id, search FROM probe WHERE search @@ $1::tsquery ORDER BY id DESC LIMIT 1000) x`,
      [compiled.query],
    );
  });
  console.log(`bigram tsvector (the search's query, newest 1000 ranked): ${bigram}`);
  const short = queries.filter((q) =>
    toSimplified(q)
      .split(/\s+/)
      .some((w) => w !== '' && [...w].length < 3),
  ).length;
  const trigram = await time(async (q) => {
    const words = toSimplified(q).split(/\s+/).filter(Boolean);
    const where = words.map((_, k) => `body LIKE $${k + 1}`).join(' AND ');
    await db.query(`SELECT id FROM probe WHERE ${where} ORDER BY id DESC LIMIT 1000`, [
      ...words.map((w) => `%${w}%`),
    ]);
  });
  console.log(`pg_trgm LIKE (every word, newest 1000, unranked): ${trigram}`);
  console.log(
    `queries with a word under three characters (no trigram to look up): ${short} of ${queries.length}`,
  );
} finally {
  await db.end();
  if (process.env.PROBE_KEEP === '1') console.log(`kept: ${name}`);
  else await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}
