import { RUN_END } from '../search/index-stream.ts';
import {
  compileQuery,
  type Piece,
  parseQuery,
  phrasePieces,
  QueryError,
  type QueryNode,
} from '../search/parse-query.ts';
import { PARTITION_SETTING } from '../sqlite/search-index.ts';
import type { Sql } from './connection.ts';

/**
 * Full-text search on PostgreSQL: the same index stream as the SQLite store's FTS5 tables
 * (search/index-stream.ts: overlapping pairs of Chinese characters, ⟨end⟩ plus the last of
 * a run, folded words), stored as a `tsvector` with positions in `article_search` (below)
 * under a GIN index, and the same query tree (search/parse-query.ts) translated into a
 * `tsquery`:
 *
 * - a word of Chinese is the phrase of its pairs: 习近平 → '习近' <-> '近平';
 * - one character is a prefix or the run's last: 中 → '中':* | '⟨end⟩中';
 * - a trailing * is a prefix on the last pair (中俄* → '中俄' <-> '俄':*);
 * - AND, OR, NOT and brackets are &, |, & ! and brackets.
 *
 * So a query finds exactly the articles FTS5 finds, in either script (both are indexed in
 * Simplified), and the highlights come from the same code (search/highlight.ts).
 *
 * Why a bigram tsvector and not pg_trgm: trigrams cannot look up a word shorter than three
 * characters (most Chinese words are two) or a single character, and a trigram index
 * answers LIKE, not phrases, AND/OR/NOT or prefixes of words; see docs/scale.md for the
 * measurements. Limits of `tsvector`: positions above 16383 count as 16383 and a lexeme
 * keeps 256 positions, so a phrase far into a very long article (past 16 k characters) may
 * be missed.
 *
 * Where the vectors live (schema 3): `article_search (article, search)`, apart from the
 * article rows and partitioned by article id into ranges of the archive's partition size
 * (settings.search_partition_size, 65,536 as on SQLite), each partition with its own GIN
 * index. A vector is stored out of line (STORAGE EXTERNAL, toast_tuple_target 128), so a
 * partition's own rows are some 50 bytes each: the GIN index finds the matches of a query
 * without phrases exactly, and listing them newest first reads those small rows, never a
 * vector. A search reads the partitions newest first as the SQLite store does
 * (postgres/search.ts), so a common word costs one partition's matches, not the archive's.
 */

/** A lexeme quoted for tsvector and tsquery input. */
function lexeme(token: string): string {
  return `'${token.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
}

/** The highest position a tsvector keeps. */
const MAX_POSITION = 16_383;

/** The tsvector (input syntax) of an index stream: each token with its positions. */
export function streamVector(stream: string): string {
  if (stream === '') return '';
  const positions = new Map<string, number[]>();
  let at = 0;
  for (const token of stream.split(' ')) {
    if (token === '') continue;
    at = Math.min(at + 1, MAX_POSITION);
    const list = positions.get(token);
    if (list === undefined) positions.set(token, [at]);
    else if (list.length < 256 && list[list.length - 1] !== at) list.push(at);
  }
  const parts: string[] = [];
  for (const [token, list] of positions) parts.push(`${lexeme(token)}:${list.join(',')}`);
  return parts.join(' ');
}

/**
 * How a query is written: `exact` keeps phrases (`<->`, which needs the positions, so GIN
 * can only propose an article and PostgreSQL must read its vector to decide); `candidate`
 * writes a phrase as the AND of its pairs, which the GIN index answers alone, exactly, and
 * which every article the exact query finds also matches.
 */
type Mode = 'exact' | 'candidate';

function pieceQuery(piece: Piece, mode: Mode): string {
  const join = mode === 'exact' ? ' <-> ' : ' & ';
  if (piece.kind === 'words') {
    const words = piece.words.map(lexeme);
    if (piece.prefix) words[words.length - 1] = `${words[words.length - 1]}:*`;
    return words.length === 1 ? (words[0] as string) : `(${words.join(join)})`;
  }
  const chars = piece.chars;
  if (chars.length === 1) {
    const c = chars[0] as string;
    return piece.prefix ? `${lexeme(c)}:*` : `(${lexeme(c)}:* | ${lexeme(RUN_END + c)})`;
  }
  const pairs: string[] = [];
  for (let k = 0; k + 1 < chars.length; k++) pairs.push(lexeme(`${chars[k]}${chars[k + 1]}`));
  if (piece.prefix) pairs.push(`${lexeme(chars[chars.length - 1] as string)}:*`);
  const parts = mode === 'exact' ? pairs : [...new Set(pairs)];
  return parts.length === 1 ? (parts[0] as string) : `(${parts.join(join)})`;
}

function emit(node: QueryNode, mode: Mode): string | null {
  switch (node.op) {
    case 'term': {
      const parts = node.pieces.map((piece) => pieceQuery(piece, mode));
      if (parts.length === 0) return null;
      return parts.length === 1 ? (parts[0] as string) : `(${parts.join(' & ')})`;
    }
    case 'and':
    case 'or': {
      const parts = [
        ...new Set(node.items.map((item) => emit(item, mode)).filter((p) => p !== null)),
      ];
      if (parts.length === 0) return null;
      return parts.length === 1
        ? (parts[0] as string)
        : `(${parts.join(node.op === 'and' ? ' & ' : ' | ')})`;
    }
    case 'not': {
      const left = emit(node.left, mode);
      const right = emit(node.right, mode);
      if (left === null) throw new QueryError('NOT needs something to search for before it');
      if (right === null) return left;
      // Without positions a phrase cannot be ruled out (its pairs may stand apart): the
      // candidates keep the articles that hold it, and the exact query drops them.
      if (mode === 'candidate' && right !== emit(node.right, 'exact')) return left;
      return `(${left} & !${right})`;
    }
  }
}

/** A query as a tsquery, as the index can answer it alone. */
export interface TsQuery {
  /** The query: what an article's vector must match. */
  query: string;
  /** Its phrases as the AND of their pairs: a superset of `query`'s matches, which the GIN
   * index decides without reading a vector; the same string when it has no phrase. */
  candidate: string;
  /** The pieces a match highlights. */
  positive: Piece[];
}

/** A query as a tsquery, with the pieces a match highlights; null for a blank query.
 * Throws QueryError as the SQLite store does (the same parser and limits). */
export function compileTsQuery(text: string): TsQuery | null {
  const compiled = compileQuery(text);
  if (compiled === null) return null;
  const tree = parseQuery(text) as QueryNode;
  const query = emit(tree, 'exact');
  const candidate = emit(tree, 'candidate');
  if (query === null || candidate === null) {
    throw new QueryError(`nothing to search for in '${text}'`);
  }
  return { query, candidate, positive: compiled.positive };
}

/** A text as one phrase, as a tsquery (for `about` filters); null when nothing in it is
 * searchable. */
export function phraseTsQuery(text: string): string | null {
  return emit({ op: 'term', pieces: phrasePieces(text) }, 'exact');
}

/** The GIN index of the vectors (on the partitioned table: each partition gets its own). */
export const SEARCH_GIN =
  'CREATE INDEX article_search_gin ON article_search USING gin (search) WITH (fastupdate = off)';

/** The partition table of a partition number. */
export function partitionTable(partition: number): string {
  return `article_search_${partition}`;
}

/** Creates partition `partition` (ids `partition × size` up to the next) if it is missing. */
export async function createPartition(sql: Sql, partition: number, size: number): Promise<void> {
  const lo = BigInt(partition) * BigInt(size);
  await sql.exec(
    `CREATE TABLE IF NOT EXISTS ${partitionTable(partition)} PARTITION OF article_search
       FOR VALUES FROM (${lo}) TO (${lo + BigInt(size)}) WITH (toast_tuple_target = 128)`,
  );
}

/**
 * Stores an article's vector (tsvector input, see streamVector) in its partition, creating
 * the partition on first use. Call inside the article's transaction, under the write lock
 * (creating a partition locks article_search until the transaction ends).
 */
export async function indexArticle(sql: Sql, articleId: number, vector: string): Promise<void> {
  const row = await sql.get<{ partition: number; size: number; found: boolean }>(
    `SELECT p AS partition, size, to_regclass('article_search_' || p) IS NOT NULL AS found
       FROM (SELECT value::int AS size, ?::int / value::int AS p FROM settings WHERE key = ?) s`,
    [articleId, PARTITION_SETTING],
  );
  if (row === undefined) throw new Error(`the archive has no ${PARTITION_SETTING}`);
  if (!row.found) await createPartition(sql, row.partition, row.size);
  await sql.run('INSERT INTO article_search (article, search) VALUES (?, ?::tsvector)', [
    articleId,
    vector,
  ]);
}

/**
 * Planner settings for the rest of a transaction that reads every match of a query (counts,
 * timelines, facets, listings by date): no sequential scans, so the matches come from the
 * GIN indexes. Left alone, the planner scans `article_search` for a common word and reads
 * every vector from TOAST (it cannot tell what that costs): 4.8 s to count 合作's 839,720
 * matches at 1 M rows, 0.9 s through the index. And no JIT, which costs more than it saves
 * here.
 */
export async function overEveryMatch(sql: Sql): Promise<void> {
  await sql.exec('SET LOCAL jit = off; SET LOCAL enable_seqscan = off');
}

/** The archive's partition size and its highest indexed article id (null when empty). */
export async function searchExtent(sql: Sql): Promise<{ size: number; top: number | null }> {
  const row = await sql.get<{ size: number; top: number | null }>(
    `SELECT (SELECT value::int FROM settings WHERE key = ?) AS size,
            (SELECT max(article) FROM article_search) AS top`,
    [PARTITION_SETTING],
  );
  return { size: row?.size ?? 0, top: row?.top ?? null };
}
