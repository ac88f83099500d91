import { RUN_END } from '../search/index-stream.ts';
import {
  compileQuery,
  type Piece,
  parseQuery,
  phrasePieces,
  QueryError,
  type QueryNode,
} from '../search/parse-query.ts';

/**
 * Full-text search on PostgreSQL: the same index stream as the SQLite store's FTS5 tables
 * (search/index-stream.ts: overlapping pairs of Chinese characters, ⟨end⟩ plus the last of
 * a run, folded words), stored as a `tsvector` with positions in `articles.search` under a
 * GIN index, and the same query tree (search/parse-query.ts) translated into a `tsquery`:
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

function pieceQuery(piece: Piece): string {
  if (piece.kind === 'words') {
    const words = piece.words.map(lexeme);
    if (piece.prefix) words[words.length - 1] = `${words[words.length - 1]}:*`;
    return words.length === 1 ? (words[0] as string) : `(${words.join(' <-> ')})`;
  }
  const chars = piece.chars;
  if (chars.length === 1) {
    const c = chars[0] as string;
    return piece.prefix ? `${lexeme(c)}:*` : `(${lexeme(c)}:* | ${lexeme(RUN_END + c)})`;
  }
  const pairs: string[] = [];
  for (let k = 0; k + 1 < chars.length; k++) pairs.push(lexeme(`${chars[k]}${chars[k + 1]}`));
  if (piece.prefix) pairs.push(`${lexeme(chars[chars.length - 1] as string)}:*`);
  return pairs.length === 1 ? (pairs[0] as string) : `(${pairs.join(' <-> ')})`;
}

function emit(node: QueryNode): string | null {
  switch (node.op) {
    case 'term': {
      const parts = node.pieces.map(pieceQuery);
      if (parts.length === 0) return null;
      return parts.length === 1 ? (parts[0] as string) : `(${parts.join(' & ')})`;
    }
    case 'and':
    case 'or': {
      const parts = [...new Set(node.items.map(emit).filter((p) => p !== null))];
      if (parts.length === 0) return null;
      return parts.length === 1
        ? (parts[0] as string)
        : `(${parts.join(node.op === 'and' ? ' & ' : ' | ')})`;
    }
    case 'not': {
      const left = emit(node.left);
      const right = emit(node.right);
      if (left === null) throw new QueryError('NOT needs something to search for before it');
      return right === null ? left : `(${left} & !${right})`;
    }
  }
}

/** A query as a tsquery, with the pieces a match highlights; null for a blank query.
 * Throws QueryError as the SQLite store does (the same parser and limits). */
export function compileTsQuery(text: string): { query: string; positive: Piece[] } | null {
  const compiled = compileQuery(text);
  if (compiled === null) return null;
  const tree = parseQuery(text) as QueryNode;
  const query = emit(tree);
  if (query === null) throw new QueryError(`nothing to search for in '${text}'`);
  return { query, positive: compiled.positive };
}

/** A text as one phrase, as a tsquery (for `about` filters); null when nothing in it is
 * searchable. */
export function phraseTsQuery(text: string): string | null {
  return emit({ op: 'term', pieces: phrasePieces(text) });
}
