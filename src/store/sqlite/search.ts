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
  if (compiled !== null && byDate) {
    // By date: every match, through the index's ids and the articles' date index; an
    // article without a date comes last either way.
    const where = matching(db, index, query);
    ranked = db
      .prepare(
        `SELECT a.id AS id, NULL AS rank FROM articles a${where}
          ORDER BY a.date IS NULL, a.date ${order}, a.id ${order} LIMIT ? OFFSET ?`,
      )
      .all(...where.params, limit, offset) as Ranked[];
  } else if (compiled !== null) {
    ranked = rankMatches(db, index, compiled.match, query, rankWindow, offset + limit);
    ranked.sort((x, y) => (x.rank as number) - (y.rank as number) || y.id - x.id);
    ranked = ranked.slice(offset, offset + limit);
  } else {
    const where = addFilter(db, new Where(), query);
    // Newest first, or oldest first when asked (an undated article last either way).
    const sql =
      query.sort === 'oldest'
        ? `SELECT a.id AS id, NULL AS rank FROM articles a${where}
            ORDER BY a.date IS NULL, a.date ASC, a.id ASC LIMIT ? OFFSET ?`
        : `SELECT a.id AS id, NULL AS rank FROM articles a${where}
            ORDER BY a.date DESC, a.id DESC LIMIT ? OFFSET ?`;
    ranked = db.prepare(sql).all(...where.params, limit, offset) as Ranked[];
  }
  const read = prepared(
    db,
    `SELECT a.id, a.document, a.headline, a.spans, d.outlet, d.date, d.source, d.url, d.script,
            t.text
       FROM articles a JOIN documents d ON d.id = a.document
       JOIN document_texts t ON t.document = a.document WHERE a.id = ?`,
  );
  const length = query.snippetLength ?? 80;
  return ranked.flatMap(({ id, rank }) => {
    const row = read.get(id) as HitRow | undefined;
    return row === undefined ? [] : [hit(row, rank, compiled?.positive ?? [], length)];
  });
}

/** The matches to order: the newest `window` across partitions, or every partition's best
 * `need` when the window is 0. */
function rankMatches(
  db: Database.Database,
  index: SearchIndex,
  match: string,
  filter: ArchiveFilter,
  rankWindow: number,
  need: number,
): Ranked[] {
  const window = rankWindow > 0 ? Math.max(rankWindow, need) : 0;
  const filtered = hasFilter(filter);
  const out: Ranked[] = [];
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
    if (window > 0 && out.length >= window) break;
  }
  return out;
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
  };
}
