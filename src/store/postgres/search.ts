import type { Script } from '../../tree/types.ts';
import { type ArticleSpans, articleText } from '../article-text.ts';
import { makeSnippet, matchOriginal, toSourceRanges } from '../search/highlight.ts';
import type { Piece } from '../search/parse-query.ts';
import type { ArchiveFilter, SearchHit, SearchQuery } from '../types.ts';
import type { Sql } from './connection.ts';
import { addFilter, hasFilter, pageOf, Where } from './filters.ts';
import { matching } from './read-timeline.ts';
import { compileTsQuery } from './search-index.ts';

/**
 * Full-text search over the PostgreSQL archive, as sqlite/search.ts does it: the index
 * gives the matches (ids and a score), only the page of hits is read in full, for the
 * snippets, which the same code (search/highlight.ts) marks, so highlights are identical.
 *
 * Ranking: the newest `rankWindow` matches (an index scan of ids, newest first, checked
 * against the tsvector) are ordered by `ts_rank`, PostgreSQL's term-frequency score over
 * the same index stream; FTS5's bm25 is not available here, so scores differ from the
 * SQLite store's and so may the order of hits of equal standing. 0 ranks every match.
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
  sql: Sql,
  query: SearchQuery,
  rankWindow: number,
): Promise<SearchHit[]> {
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
    const where = await matching(sql, query);
    ranked = await inOrder(
      sql,
      `SELECT a.id AS id, NULL::real AS rank, a.story AS story FROM articles a${where}
        ORDER BY a.date IS NULL, a.date ${order}, a.id ${order}`,
      where.params,
      everyCopy,
      limit,
      offset,
    );
  } else if (compiled !== null) {
    ranked = await rankedPage(sql, compiled.query, query, rankWindow, limit, offset);
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

async function rankedPage(
  sql: Sql,
  tsquery: string,
  query: SearchQuery,
  rankWindow: number,
  limit: number,
  offset: number,
): Promise<Ranked[]> {
  const need = offset + limit;
  for (let want = need; ; ) {
    const { rows, window, more } = await rankMatches(sql, tsquery, query, rankWindow, want);
    rows.sort((x, y) => (y.rank as number) - (x.rank as number) || y.id - x.id);
    if (query.copies === true) return rows.slice(offset, need);
    const stories = await sql.all<{ id: number; story: number | null }>(
      'SELECT id, story FROM articles WHERE id = ANY(?::int[])',
      [rows.map((r) => r.id)],
    );
    const storyOf = new Map(stories.map((r) => [r.id, r.story]));
    const page = firstOfStories(
      rows.map((r) => ({ ...r, story: storyOf.get(r.id) ?? null })),
      limit,
      offset,
    );
    if (page.length === limit || !more || want >= MAX_READ) return page;
    want = Math.min(MAX_READ, Math.max(window, want) * 4);
  }
}

async function rankMatches(
  sql: Sql,
  tsquery: string,
  filter: ArchiveFilter,
  rankWindow: number,
  need: number,
): Promise<{ rows: Ranked[]; window: number; more: boolean }> {
  const window = rankWindow > 0 ? Math.max(rankWindow, need) : 0;
  const where = new Where().add('a.search @@ ?::tsquery', tsquery);
  if (hasFilter(filter)) await addFilter(sql, where, filter);
  const rank = 'ts_rank(a.search, ?::tsquery)';
  const rows =
    window === 0
      ? await sql.all<Ranked>(
          `SELECT a.id AS id, ${rank} AS rank FROM articles a${where}
            ORDER BY rank DESC, a.id DESC LIMIT ?`,
          [tsquery, ...where.params, need],
        )
      : await sql.all<Ranked>(
          `SELECT id, ${rank} AS rank FROM (
             SELECT a.id, a.search FROM articles a${where} ORDER BY a.id DESC LIMIT ?) a`,
          [tsquery, ...where.params, window],
        );
  const more = window === 0 ? rows.length === need : rows.length >= window;
  return { rows, window, more };
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
