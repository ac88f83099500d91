import type pg from 'pg';
import type { Script } from '../../tree/types.ts';
import { type ArticleSpans, articleText } from '../article-text.ts';
import { makeSnippet, matchOriginal, toSourceRanges } from '../search/highlight.ts';
import type { Piece } from '../search/parse-query.ts';
import type { ArchiveFilter, SearchHit, SearchQuery } from '../types.ts';
import { Sql, transaction } from './connection.ts';
import { addFilter, hasFilter, pageOf, Where } from './filters.ts';
import { matching } from './read-timeline.ts';
import { compileTsQuery, overEveryMatch, searchExtent, type TsQuery } from './search-index.ts';

/**
 * Full-text search over the PostgreSQL archive, as sqlite/search.ts does it: the index
 * gives the matches (ids and a score), only the page of hits is read in full, for the
 * snippets, which the same code (search/highlight.ts) marks, so highlights are identical.
 *
 * Ranking: the newest `rankWindow` matches (read from the search partitions newest first,
 * as the SQLite store reads its own, see rankMatches) are ordered by `ts_rank`,
 * PostgreSQL's term-frequency score over the same index stream; FTS5's bm25 is not
 * available here, so scores differ from the SQLite store's and so may the order of hits of
 * equal standing. 0 ranks every match.
 * Unless `copies` is set, a story counts once.
 */

interface HitRow {
  id: number;
  document: number;
  story: number | null;
  copies: number;
  headline: string;
  spans: string;
  outlet: string | null;
  date: string | null;
  source: string;
  url: string | null;
  script: Script;
  text: string;
}

interface Ranked {
  id: number;
  rank: number | null;
}

interface InStory extends Ranked {
  story: number | null;
}

const MAX_READ = 200_000;

function firstOfStories(matches: Iterable<InStory>, limit: number, offset: number): Ranked[] {
  const page: Ranked[] = [];
  if (limit === 0) return page;
  const seen = new Set<number>();
  for (const { id, rank, story } of matches) {
    const key = story ?? id;
    if (seen.has(key)) continue;
    seen.add(key);
    if (seen.size <= offset) continue;
    page.push({ id, rank });
    if (page.length === limit) break;
  }
  return page;
}

/** A page of rows in a fixed order: every copy, or the first of each story (read in
 * growing windows until the page is full or the rows run out). */
async function inOrder(
  sql: Sql,
  text: string,
  params: readonly unknown[],
  everyCopy: boolean,
  limit: number,
  offset: number,
): Promise<Ranked[]> {
  if (everyCopy) return sql.all<Ranked>(`${text} LIMIT ? OFFSET ?`, [...params, limit, offset]);
  if (limit === 0) return [];
  for (let want = (offset + limit) * 2 + 16; ; want *= 4) {
    const rows = await sql.all<InStory>(`${text} LIMIT ?`, [...params, want]);
    const page = firstOfStories(rows, limit, offset);
    if (page.length === limit || rows.length < want) return page;
  }
}

export async function search(
  pool: pg.Pool,
  query: SearchQuery,
  rankWindow: number,
): Promise<SearchHit[]> {
  const sql = new Sql(pool);
  const { limit, offset } = pageOf(query);
  const compiled =
    query.text === undefined || query.text.trim() === '' ? null : compileTsQuery(query.text);
  if (query.sort !== undefined && !['relevance', 'newest', 'oldest'].includes(query.sort)) {
    throw new TypeError(`\`sort\` must be relevance, newest or oldest, not '${query.sort}'`);
  }
  const byDate = query.sort === 'newest' || query.sort === 'oldest';
  const order = query.sort === 'oldest' ? 'ASC' : 'DESC';
  const everyCopy = query.copies === true;
  let ranked: Ranked[];
  if (compiled !== null && byDate) {
    ranked = await transaction(pool, async (tx) => {
      await overEveryMatch(tx);
      const where = await matching(tx, query);
      return inOrder(
        tx,
        `SELECT a.id AS id, NULL::real AS rank, a.story AS story FROM articles a${where}
          ORDER BY a.date IS NULL, a.date ${order}, a.id ${order}`,
        where.params,
        everyCopy,
        limit,
        offset,
      );
    });
  } else if (compiled !== null) {
    ranked = await rankedPage(sql, pool, compiled, query, rankWindow, limit, offset);
  } else {
    const where = await addFilter(sql, new Where(), query);
    ranked = await inOrder(
      sql,
      query.sort === 'oldest'
        ? `SELECT a.id AS id, NULL::real AS rank, a.story AS story FROM articles a${where}
            ORDER BY a.date IS NULL, a.date ASC, a.id ASC`
        : `SELECT a.id AS id, NULL::real AS rank, a.story AS story FROM articles a${where}
            ORDER BY a.date DESC NULLS LAST, a.id DESC`,
      where.params,
      everyCopy,
      limit,
      offset,
    );
  }
  if (ranked.length === 0) return [];
  const rows = await sql.all<HitRow>(
    `SELECT a.id, a.document, a.story,
            coalesce((SELECT copies FROM stories s WHERE s.id = a.story), 1) AS copies,
            a.headline, a.spans, d.outlet, d.date, d.source, d.url, d.script, t.text
       FROM articles a JOIN documents d ON d.id = a.document
       JOIN document_texts t ON t.document = a.document WHERE a.id = ANY(?::int[])`,
    [ranked.map((r) => r.id)],
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const length = query.snippetLength ?? 80;
  return ranked.flatMap(({ id, rank }) => {
    const row = byId.get(id);
    return row === undefined ? [] : [hit(row, rank, compiled?.positive ?? [], length)];
  });
}

/** Ranked rows whose stories the page looks up at a time, beyond what it needs. */
const STORY_BATCH = 64;

async function rankedPage(
  sql: Sql,
  pool: pg.Pool,
  tsquery: TsQuery,
  query: SearchQuery,
  rankWindow: number,
  limit: number,
  offset: number,
): Promise<Ranked[]> {
  const need = offset + limit;
  for (let want = need; ; ) {
    const { rows, window, more } = await transaction(pool, (tx) =>
      rankMatches(tx, tsquery, query, rankWindow, want),
    );
    rows.sort((x, y) => (y.rank as number) - (x.rank as number) || y.id - x.id);
    if (query.copies === true) return rows.slice(offset, need);
    const page = await pageOfStories(sql, rows, limit, offset);
    if (page.length === limit || !more || want >= MAX_READ) return page;
    want = Math.min(MAX_READ, Math.max(window, want) * 4);
  }
}

/** The page of stories of ranked rows, each row's story looked up only as far as the page
 * needs (a batch at a time, as the SQLite store reads them one at a time). */
async function pageOfStories(
  sql: Sql,
  rows: readonly Ranked[],
  limit: number,
  offset: number,
): Promise<Ranked[]> {
  const withStory: InStory[] = [];
  for (let from = 0; from < rows.length; ) {
    const to = Math.min(rows.length, Math.max(from + STORY_BATCH, (offset + limit) * 2));
    const slice = rows.slice(from, to);
    const stories = await sql.all<{ id: number; story: number | null }>(
      'SELECT id, story FROM articles WHERE id = ANY(?::int[])',
      [slice.map((r) => r.id)],
    );
    const storyOf = new Map(stories.map((r) => [r.id, r.story]));
    for (const r of slice) withStory.push({ ...r, story: storyOf.get(r.id) ?? null });
    const page = firstOfStories(withStory, limit, offset);
    if (page.length === limit || to === rows.length) return page;
    from = to;
  }
  return [];
}

/**
 * The matches to order, as sqlite/search.ts's rankMatches: the newest `window` (read from
 * the partitions newest first), or, with a window of 0, the best `need` of every match.
 *
 * In a partition the GIN index lists the matches of the query's candidate form (its
 * phrases as the AND of their pairs, which the index decides alone), newest first, from the
 * partition's narrow rows; only when the query has a phrase are their vectors read, newest
 * first, until the window is full. Then `ts_rank` reads the window's vectors. Without
 * filters the planner is kept to that plan (no sequential scan, no walk of the primary key
 * checking each vector: it cannot tell that a vector is read from TOAST, some 3–5 pages,
 * and a walk of a partition costs hundreds of milliseconds where the index costs a few).
 *
 * Partitions with few matches are read together (nextSpan): a rare word costs a query or
 * two, not one a partition, and a common one stops at the partition that fills the window.
 */
async function rankMatches(
  sql: Sql,
  tsquery: TsQuery,
  filter: ArchiveFilter,
  rankWindow: number,
  need: number,
): Promise<{ rows: Ranked[]; window: number; more: boolean }> {
  const window = rankWindow > 0 ? Math.max(rankWindow, need) : 0;
  const filtered = hasFilter(filter);
  // Before the settings below: the highest id is read from the primary keys' ends.
  const { size, top } = await searchExtent(sql);
  await sql.exec(
    filtered
      ? 'SET LOCAL jit = off'
      : 'SET LOCAL jit = off; SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off',
  );
  const from = filtered
    ? 'article_search s JOIN articles a ON a.id = s.article'
    : 'article_search s';
  if (window === 0) {
    const where = new Where().add('s.search @@ ?::tsquery', tsquery.query);
    if (filtered) await addFilter(sql, where, filter);
    const rows = await sql.all<Ranked>(
      `SELECT s.article AS id, ts_rank(s.search, ?::tsquery) AS rank FROM ${from}${where}
        ORDER BY rank DESC, s.article DESC LIMIT ?`,
      [tsquery.query, ...where.params, need],
    );
    return { rows, window, more: rows.length === need };
  }
  const out: Ranked[] = [];
  if (top === null) return { rows: out, window, more: false };
  const phrase = tsquery.candidate !== tsquery.query;
  let hi = top + 1;
  let lo = Math.floor(top / size) * size;
  while (hi > 0) {
    const where = new Where()
      .add('s.search @@ ?::tsquery', tsquery.candidate)
      .add('s.article >= ?', lo)
      .add('s.article < ?', hi);
    if (filtered) await addFilter(sql, where, filter);
    const text = phrase
      ? `SELECT article AS id, ts_rank(search, ?::tsquery) AS rank FROM (
           SELECT s.article, s.search FROM ${from}${where} ORDER BY s.article DESC OFFSET 0) c
          WHERE search @@ ?::tsquery LIMIT ?`
      : `SELECT article AS id, ts_rank(search, ?::tsquery) AS rank FROM (
           SELECT s.article, s.search FROM ${from}${where} ORDER BY s.article DESC LIMIT ?) c`;
    const params = phrase
      ? [tsquery.query, ...where.params, tsquery.query, window - out.length]
      : [tsquery.query, ...where.params, window - out.length];
    for (const row of await sql.all<Ranked>(text, params)) out.push(row);
    if (out.length >= window) return { rows: out, window, more: true };
    hi = lo;
    lo = Math.max(0, lo - nextSpan(top + 1 - lo, out.length, window - out.length, size));
  }
  return { rows: out, window, more: false };
}

/**
 * How many ids older than those read the next query covers: whole partitions, as many as
 * should hold twice the matches still wanted at the rate found so far (all the rest when
 * none were found), and one partition while less than a partition's worth has been read
 * (the newest is often short, its rate no guide).
 */
export function nextSpan(seen: number, found: number, wanted: number, size: number): number {
  if (seen < size) return size;
  if (found === 0) return Number.MAX_SAFE_INTEGER;
  const partitions = Math.ceil((2 * wanted * seen) / found / size);
  return Math.min(Number.MAX_SAFE_INTEGER, Math.max(1, partitions) * size);
}

function hit(row: HitRow, rank: number | null, positive: Piece[], length: number): SearchHit {
  const view = articleText(row.text, JSON.parse(row.spans) as ArticleSpans);
  const found = matchOriginal(view.text, positive);
  return {
    articleId: row.id,
    documentId: row.document,
    headline: row.headline,
    outlet: row.outlet,
    date: row.date,
    source: row.source,
    url: row.url,
    script: row.script,
    score: rank,
    snippet: makeSnippet(
      view.text,
      found,
      length,
      row.headline === '' ? 0 : view.text.indexOf('\n') + 1,
    ),
    matches: toSourceRanges(view, found),
    story: row.story ?? row.id,
    copies: row.copies,
  };
}
