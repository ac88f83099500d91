import type Database from 'better-sqlite3';
import type { Script } from '../../tree/types.ts';
import { type ArticleSpans, articleText } from '../article-text.ts';
import { makeSnippet, matchOriginal, toSourceRanges } from '../search/highlight.ts';
import { compileQuery, type Piece } from '../search/parse-query.ts';
import type { ArchiveFilter, SearchHit, SearchQuery } from '../types.ts';
import { addFilter, hasFilter, pageOf, Where } from './filters.ts';
import { matching } from './read-timeline.ts';
import { partitionTable, type SearchIndex } from './search-index.ts';
import { prepared } from './statements.ts';

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

/** A match and its BM25 (lower is better, as FTS5 gives it). */
interface Ranked {
  id: number;
  rank: number | null;
}

/** A match with its story. */
interface InStory extends Ranked {
  story: number | null;
}

/** Matches a search reads at most to fill a page of stories, when a story's copies crowd
 * out the others (each round reads more, up to this). */
const MAX_READ = 200_000;

/**
 * A page of stories from matches in order: each story's first match stands for it (the
 * best ranked, newest or oldest copy, as the order has it), and the page is `limit` of those
 * after skipping `offset`. Reads the matches only as far as the page needs.
 */
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

/** The matches, each with its story, read one at a time. */
function* withStories(db: Database.Database, matches: readonly Ranked[]): Generator<InStory> {
  const storyOf = prepared(db, 'SELECT story FROM articles WHERE id = ?');
  for (const match of matches) {
    const row = storyOf.get(match.id) as { story: number | null } | undefined;
    yield { ...match, story: row?.story ?? null };
  }
}

/**
 * Full-text search over the archive. The match runs on the index alone (ids and BM25), and
 * only the page of hits it returns is read in full, for the snippets.
 *
 * BM25 costs about half a microsecond for every match it ranks, so a common word in a
 * large archive would take long to rank in full. With `rankWindow` set, each partition
 * (newest first, see search-index.ts) hands over its matches newest first (highest id
 * first, read in order without a sort) until `rankWindow` of them (or offset + limit, if
 * more) are in hand, and BM25 orders those: a query with fewer matches is ranked exactly,
 * a broader one among its newest matches. 0 ranks every match of every partition.
 *
 * Unless `copies` is set, a story counts once: of its copies that match, the first in the
 * order asked stands for it, and the page is one of stories.
 */
export function search(
  db: Database.Database,
  index: SearchIndex,
  query: SearchQuery,
  rankWindow: number,
): SearchHit[] {
  const { limit, offset } = pageOf(query);
  const compiled =
    query.text === undefined || query.text.trim() === '' ? null : compileQuery(query.text);
  let ranked: Ranked[];
  const byDate = query.sort === 'newest' || query.sort === 'oldest';
  if (query.sort !== undefined && !['relevance', 'newest', 'oldest'].includes(query.sort)) {
    throw new TypeError(`\`sort\` must be relevance, newest or oldest, not '${query.sort}'`);
  }
  const order = query.sort === 'oldest' ? 'ASC' : 'DESC';
  const everyCopy = query.copies === true;
  /** Every copy: the page of the rows; else their stories' page, read as far as it needs
   * (an iterator left unread would keep the connection busy: none is opened for no rows). */
  const inOrder = (sql: string, params: readonly unknown[]): Ranked[] =>
    everyCopy
      ? (db.prepare(`${sql} LIMIT ? OFFSET ?`).all(...params, limit, offset) as Ranked[])
      : limit === 0
        ? []
        : firstOfStories(db.prepare(sql).iterate(...params) as Iterable<InStory>, limit, offset);
  if (compiled !== null && byDate) {
    // By date: every match, through the index's ids and the articles' date index; an
    // article without a date comes last either way.
    const where = matching(db, index, query);
    ranked = inOrder(
      `SELECT a.id AS id, NULL AS rank, a.story AS story FROM articles a${where}
        ORDER BY a.date IS NULL, a.date ${order}, a.id ${order}`,
      where.params,
    );
  } else if (compiled !== null) {
    ranked = rankedPage(db, index, compiled.match, query, rankWindow, limit, offset);
  } else {
    const where = addFilter(db, new Where(), query);
    // Newest first, or oldest first when asked (an undated article last either way).
    ranked = inOrder(
      query.sort === 'oldest'
        ? `SELECT a.id AS id, NULL AS rank, a.story AS story FROM articles a${where}
            ORDER BY a.date IS NULL, a.date ASC, a.id ASC`
        : `SELECT a.id AS id, NULL AS rank, a.story AS story FROM articles a${where}
            ORDER BY a.date DESC, a.id DESC`,
      where.params,
    );
  }
  const read = prepared(
    db,
    `SELECT a.id, a.document, a.story,
            coalesce((SELECT copies FROM stories s WHERE s.id = a.story), 1) AS copies,
            a.headline, a.spans, d.outlet, d.date, d.source, d.url, d.script, t.text
       FROM articles a JOIN documents d ON d.id = a.document
       JOIN document_texts t ON t.document = a.document WHERE a.id = ?`,
  );
  const length = query.snippetLength ?? 80;
  return ranked.flatMap(({ id, rank }) => {
    const row = read.get(id) as HitRow | undefined;
    return row === undefined ? [] : [hit(row, rank, compiled?.positive ?? [], length)];
  });
}

/**
 * A page of hits ranked by BM25: of every match (`copies`), or of stories, each its best
 * ranked match. When copies crowd the window so that it holds fewer stories than the page
 * needs, the window is read again, larger.
 */
function rankedPage(
  db: Database.Database,
  index: SearchIndex,
  match: string,
  query: SearchQuery,
  rankWindow: number,
  limit: number,
  offset: number,
): Ranked[] {
  const need = offset + limit;
  for (let want = need; ; ) {
    const { rows, window, more } = rankMatches(db, index, match, query, rankWindow, want);
    rows.sort((x, y) => (x.rank as number) - (y.rank as number) || y.id - x.id);
    if (query.copies === true) return rows.slice(offset, need);
    const page = firstOfStories(withStories(db, rows), limit, offset);
    if (page.length === limit || !more || want >= MAX_READ) return page;
    want = Math.min(MAX_READ, Math.max(window, want) * 4);
  }
}

/** The matches to order: the newest `window` across partitions, or every partition's best
 * `need` when the window is 0; `more` when there may be matches it did not read. */
function rankMatches(
  db: Database.Database,
  index: SearchIndex,
  match: string,
  filter: ArchiveFilter,
  rankWindow: number,
  need: number,
): { rows: Ranked[]; window: number; more: boolean } {
  const window = rankWindow > 0 ? Math.max(rankWindow, need) : 0;
  const filtered = hasFilter(filter);
  const out: Ranked[] = [];
  let more = false;
  for (const partition of index.partitions()) {
    const t = partitionTable(partition);
    const where = new Where().add(`${t} MATCH ?`, match);
    // Without filters the index answers alone; with them, each match's article is read.
    if (filtered) addFilter(db, where, filter);
    const from = filtered ? `${t} JOIN articles a ON a.id = ${t}.rowid` : t;
    const sql =
      window === 0
        ? `SELECT ${t}.rowid AS id, ${t}.rank AS rank FROM ${from}${where}
            ORDER BY ${t}.rank LIMIT ?`
        : `SELECT ${t}.rowid AS id, bm25(${t}) AS rank FROM ${from}${where}
            ORDER BY ${t}.rowid DESC LIMIT ?`;
    const rows = prepared(db, sql).all(
      ...where.params,
      window === 0 ? need : window - out.length,
    ) as Ranked[];
    for (const row of rows) out.push(row);
    if (window === 0 && rows.length === need) more = true;
    if (window > 0 && out.length >= window) {
      more = true;
      break;
    }
  }
  return { rows: out, window, more };
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
    // FTS5's bm25() is lower for better matches; the API says higher is better.
    score: rank === null ? null : rank === 0 ? 0 : -rank,
    // The headline is the first line of the text; a result shows it apart.
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
