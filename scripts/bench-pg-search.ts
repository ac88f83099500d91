/**
 * node --import tsx scripts/bench-pg-search.ts --db postgres://… [--articles 100000]
 *        [--distinct 20000] [--queries 1000] [--seed 1] [--name DB] [--reuse] [--keep]
 *        [--rank-window 1000]
 *
 * PostgreSQL search at a scale an ingest cannot reach on a small machine: composed
 * articles (scripts/lib/archive-compose.ts, the archive benchmark's composer) are loaded as
 * rows, without parsing or annotating them, into a database of their own that the store's
 * own migrations created: each article one document (its text, one block a line, the first
 * line the headline) with its article row and its search row, made by the same functions
 * the writer uses (the Simplified view, the index stream, its tsvector); the search
 * partitions are made first and the GIN index is built after the rows are in. No blocks,
 * entities, quotes or stories are written (search does not read them; every article is its
 * own story). `--distinct` texts are composed and cycled (ids apart, each a document of its
 * own), since composing and indexing a million texts in JavaScript would take longer than
 * the load itself.
 *
 * Then the benchmark's queries (one to four words, both scripts) run through the store's
 * search (`PgArchive.search`, 20 hits, the default rank window), after 50 to warm up, and
 * p50/p95/p99 are printed, overall and by kind of query.
 *
 * --name names the database (default jiedu_search_<articles>); --reuse searches one loaded
 * before (no load; it must hold the articles); --keep leaves it (dropped otherwise).
 */
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { simplifiedView } from '../src/normalize/index.ts';
import { articleText } from '../src/store/article-text.ts';
import { Sql } from '../src/store/postgres/connection.ts';
import { openPgArchive } from '../src/store/postgres/pg-store.ts';
import {
  createPartition,
  SEARCH_GIN,
  searchExtent,
  streamVector,
} from '../src/store/postgres/search-index.ts';
import { indexStream } from '../src/store/search/index-stream.ts';
import { buildVocabulary, queries as composeQueries, composer } from './lib/archive-compose.ts';
import { percentile } from './lib/percentile.ts';
import { scriptArgs } from './lib/script-args.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

const { values } = scriptArgs(import.meta.url, {
  options: {
    db: { type: 'string' },
    articles: { type: 'string', default: '100000' },
    distinct: { type: 'string', default: '20000' },
    queries: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    name: { type: 'string' },
    reuse: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    'rank-window': { type: 'string', default: '1000' },
  },
});
if (values.db === undefined) throw new TypeError('give --db postgres://…');
const articles = Number(values.articles);
const distinct = Math.min(articles, Number(values.distinct));
const queryCount = Number(values.queries);
const seed = Number(values.seed);
const rankWindow = Number(values['rank-window']);
for (const [flag, n] of [
  ['--articles', articles],
  ['--distinct', distinct],
  ['--queries', queryCount],
  ['--rank-window', rankWindow],
] as const) {
  if (!Number.isInteger(n) || n < 0) throw new TypeError(`${flag}: a whole number`);
}
const name = values.name ?? `jiedu_search_${articles}`;
if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new TypeError('--name: letters, digits and _');

const seconds = (t: number) => ((performance.now() - t) / 1000).toFixed(1);
const admin = new pg.Client({ connectionString: values.db });
await admin.connect();
const url = new URL(values.db);
url.pathname = `/${name}`;

let t = performance.now();
const vocabulary = buildVocabulary(ROOT);
const queryList = composeQueries(vocabulary, queryCount, seed + 1);
console.log(`vocabulary and ${queryList.length} queries in ${seconds(t)} s`);

/** One composed article as rows: its text, headline, spans and search vector. */
interface Composed {
  text: string;
  script: string;
  outlet: string;
  date: string;
  headline: string;
  spans: string;
  vector: string;
}

function compose(count: number): Composed[] {
  const next = composer(vocabulary, seed);
  const out: Composed[] = [];
  for (let k = 0; k < count; k++) {
    const article = next();
    const spans: number[][] = [];
    let at = 0;
    for (const line of article.text.split('\n')) {
      if (line.trim() !== '') spans.push([at, at + line.length]);
      at += line.length + 1;
    }
    const first = spans[0] as number[];
    const simplified = simplifiedView(articleText(article.text, spans).text).text;
    out.push({
      text: article.text,
      script: article.script === 'trad' ? 'traditional' : 'simplified',
      outlet: article.outlet,
      date: article.date,
      headline: article.text.slice(first[0], first[1]),
      spans: JSON.stringify(spans),
      vector: streamVector(indexStream(simplified)),
    });
  }
  return out;
}

async function load(): Promise<void> {
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await (await openPgArchive(url.toString())).close();
  t = performance.now();
  const texts = compose(distinct);
  console.log(`${distinct} distinct articles composed and indexed in ${seconds(t)} s`);
  const db = new pg.Client({ connectionString: url.toString() });
  await db.connect();
  // The partitions first, the GIN index after the rows (built at once, not row by row).
  const { size } = await searchExtent(new Sql(db));
  for (let p = 0; p <= Math.floor(articles / size); p++)
    await createPartition(new Sql(db), p, size);
  await db.query('DROP INDEX article_search_gin');
  t = performance.now();
  const BATCH = 1000;
  const stamp = new Date().toISOString();
  try {
    for (let first = 0; first < articles; first += BATCH) {
      const batch: Composed[] = [];
      for (let k = first; k < Math.min(articles, first + BATCH); k++) {
        batch.push(texts[k % distinct] as Composed);
      }
      const ids = batch.map((_, k) => first + k + 1);
      await db.query('BEGIN');
      await db.query(
        `INSERT INTO documents (id, hash, source, encoding, script, outlet, outlet_key, date,
           bytes, info, stored_at)
         SELECT id, 'bench-' || id, 'bench/' || id || '.txt', 'utf-8', script, outlet, outlet,
                date, 0, '{}', $5
           FROM unnest($1::int[], $2::text[], $3::text[], $4::text[]) x(id, script, outlet, date)`,
        [
          ids,
          batch.map((a) => a.script),
          batch.map((a) => a.outlet),
          batch.map((a) => a.date),
          stamp,
        ],
      );
      await db.query(
        'INSERT INTO document_texts (document, text) SELECT * FROM unnest($1::int[], $2::text[])',
        [ids, batch.map((a) => a.text)],
      );
      await db.query(
        `INSERT INTO articles (id, document, idx, date, outlet_key, headline, span_start,
           span_end, spans, annotated)
         SELECT id, id, 0, date, outlet, headline, 0, length(text), spans, false
           FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
             x(id, date, outlet, headline, text, spans)`,
        [
          ids,
          batch.map((a) => a.date),
          batch.map((a) => a.outlet),
          batch.map((a) => a.headline),
          batch.map((a) => a.text),
          batch.map((a) => a.spans),
        ],
      );
      await db.query('INSERT INTO article_search SELECT * FROM unnest($1::int[], $2::tsvector[])', [
        ids,
        batch.map((a) => a.vector),
      ]);
      await db.query('COMMIT');
      if ((first / BATCH) % 50 === 49) {
        console.log(`  ${first + BATCH} rows, ${seconds(t)} s`);
      }
    }
    await db.query(`SELECT setval(pg_get_serial_sequence('documents', 'id'), ${articles})`);
    await db.query(`SELECT setval(pg_get_serial_sequence('articles', 'id'), ${articles})`);
    console.log(`${articles} articles loaded as rows in ${seconds(t)} s`);
    t = performance.now();
    await db.query("SET maintenance_work_mem = '256MB'");
    await db.query(SEARCH_GIN);
    console.log(`GIN index built in ${seconds(t)} s`);
    t = performance.now();
    await db.query('VACUUM ANALYZE');
    console.log(`VACUUM ANALYZE in ${seconds(t)} s`);
  } finally {
    await db.end();
  }
}

try {
  if (!values.reuse) await load();
  const archive = await openPgArchive(url.toString(), { create: false, rankWindow });
  try {
    const size = await archive.pool.query<{ n: string; bytes: string }>(
      'SELECT count(*) AS n, pg_database_size(current_database()) AS bytes FROM articles',
    );
    const row = size.rows[0] as { n: string; bytes: string };
    console.log(
      `${name}: ${row.n} articles, database ${(Number(row.bytes) / 1e6).toFixed(0)} MB, rank window ${rankWindow}`,
    );
    for (const q of queryList.slice(0, 50)) await archive.search({ text: q, limit: 20 });
    const times: { q: string; ms: number }[] = [];
    t = performance.now();
    for (const q of queryList) {
      const start = performance.now();
      await archive.search({ text: q, limit: 20 });
      times.push({ q, ms: performance.now() - start });
    }
    const report = (label: string, list: { ms: number }[]) => {
      const sorted = list.map((x) => x.ms).sort((a, b) => a - b);
      if (sorted.length === 0) return;
      const f = (p: number) => percentile(sorted, p).toFixed(1);
      console.log(
        `${label.padEnd(28)} ${String(sorted.length).padStart(5)} queries: p50 ${f(50)} ms, p95 ${f(95)} ms, p99 ${f(99)} ms`,
      );
    };
    console.log(`search pass in ${seconds(t)} s`);
    report('all', times);
    const words = (q: string) => q.split(/\s+/).filter(Boolean).length;
    for (let n = 1; n <= 4; n++)
      report(
        `${n} word(s)`,
        times.filter((x) => words(x.q) === n),
      );
    const slow = [...times].sort((a, b) => b.ms - a.ms).slice(0, 8);
    console.log(`slowest: ${slow.map((x) => `${x.q} (${x.ms.toFixed(0)} ms)`).join(', ')}`);
  } finally {
    await archive.close();
  }
} finally {
  if (!values.keep && !values.reuse)
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}
