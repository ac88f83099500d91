import { toSimplified } from '../../normalize/index.ts';
import { codePoints, RUN_END } from './index-stream.ts';
import { MAX_WORD, scanRuns } from './scan-text.ts';

/**
 * Search queries: what a user types, read into a tree and translated into an FTS5 match
 * expression over the index stream (see index-stream.ts).
 *
 *   query   := or
 *   or      := and ('OR' and)*
 *   and     := not (['AND'] not)*        words side by side mean AND
 *   not     := primary ('NOT' primary)*  a NOT b: a without b (binds tightest)
 *   primary := '(' or ')' | '"' phrase '"' ['*'] | word ['*']
 *
 * Operators are upper case (and, or, not in lower case are words). Quotes may be "…" or
 * “…”. The query is converted to Simplified first, as the index is.
 */

/**
 * What one query may ask, so that no query costs the archive more than a few hundred
 * searches' worth: a term the index holds often (a single character is a prefix query over
 * every pair it starts) costs a scan of its postings, and an expression is evaluated term by
 * term. Repeats are dropped before counting (`a a a` is `a`).
 */
export const QUERY_LIMITS = {
  /** Distinct words and phrases in one query. */
  terms: 32,
  /** Brackets inside brackets. */
  depth: 16,
  /** Words, phrases, operators and brackets in all, repeats included. */
  tokens: 1000,
  /** Characters of one run of Chinese kept: a longer run (a pasted paragraph) is searched by
   * its first this many characters, which already pick one sentence out of millions. */
  run: 64,
} as const;

/** A query that cannot be read: unbalanced brackets, an operator without an operand. */
export class QueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QueryError';
  }
}

/** One searchable piece of a term: a run of Chinese characters, or words in sequence. */
export type Piece =
  | { kind: 'cjk'; chars: string[]; prefix: boolean }
  | { kind: 'words'; words: string[]; prefix: boolean };

/** The query tree. */
export type QueryNode =
  | { op: 'and' | 'or'; items: QueryNode[] }
  | { op: 'not'; left: QueryNode; right: QueryNode }
  | { op: 'term'; pieces: Piece[] };

/** A translated query: the FTS5 expression and the pieces a match highlights. */
export interface CompiledQuery {
  match: string;
  /** Pieces outside any NOT's right side: what the result must contain, so what to mark. */
  positive: Piece[];
}

type Token =
  | { t: 'open' | 'close' | 'and' | 'or' | 'not' }
  | { t: 'word'; text: string; prefix: boolean; phrase: boolean };

const SPACE = /[\s\u3000]/;
const OPEN_QUOTE = new Set(['"', '“']);
const CLOSE_QUOTE: Readonly<Record<string, string>> = { '"': '"', '“': '”' };

function lex(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = query.length;
  while (i < n) {
    const ch = query[i] as string;
    if (SPACE.test(ch)) {
      i++;
    } else if (ch === '(' || ch === ')') {
      tokens.push({ t: ch === '(' ? 'open' : 'close' });
      i++;
    } else if (OPEN_QUOTE.has(ch)) {
      const close = CLOSE_QUOTE[ch] as string;
      const end = query.indexOf(close, i + 1);
      if (end < 0) throw new QueryError(`unclosed quote ${ch} in the query`);
      const prefix = query[end + 1] === '*';
      tokens.push({ t: 'word', text: query.slice(i + 1, end), prefix, phrase: true });
      i = end + 1 + (prefix ? 1 : 0);
    } else {
      let j = i;
      while (j < n && !SPACE.test(query[j] as string) && !'()"“'.includes(query[j] as string)) {
        j++;
      }
      const raw = query.slice(i, j);
      i = j;
      if (raw === 'AND' || raw === 'OR' || raw === 'NOT') {
        tokens.push({ t: raw === 'AND' ? 'and' : raw === 'OR' ? 'or' : 'not' });
        continue;
      }
      const prefix = raw.length > 1 && raw.endsWith('*');
      tokens.push({ t: 'word', text: prefix ? raw.slice(0, -1) : raw, prefix, phrase: false });
    }
  }
  return tokens;
}

/** Spaces between two Chinese (Japanese, Korean) characters: not there in a phrase. */
const SPACE_IN_CJK =
  /(?<=[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}])\s+(?=[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}])/gu;

/**
 * The pieces of a word or phrase. Inside a phrase, spaces between Chinese characters do not
 * count (中俄 关系 is 中俄关系) and words next to each other form one sequence.
 */
function piecesOf(text: string, prefix: boolean, phrase: boolean): Piece[] {
  const source = phrase ? text.replace(SPACE_IN_CJK, '') : text;
  const pieces: Piece[] = [];
  let previousEnd = -1;
  for (const run of scanRuns(source)) {
    const last = pieces[pieces.length - 1];
    if (run.kind === 'cjk') {
      const chars = codePoints(run.text);
      if (chars.length > QUERY_LIMITS.run) chars.length = QUERY_LIMITS.run;
      pieces.push({ kind: 'cjk', chars, prefix: false });
    } else if (
      phrase &&
      last?.kind === 'words' &&
      /^[\s\u3000]*$/.test(source.slice(previousEnd, run.start))
    ) {
      last.words.push(run.text.slice(0, MAX_WORD));
    } else {
      pieces.push({ kind: 'words', words: [run.text.slice(0, MAX_WORD)], prefix: false });
    }
    previousEnd = run.end;
  }
  const last = pieces[pieces.length - 1];
  if (last !== undefined && prefix) last.prefix = true;
  return pieces;
}

class Parser {
  private at = 0;
  private depth = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): QueryNode | null {
    if (this.tokens.length === 0) return null;
    const node = this.or();
    const rest = this.tokens[this.at];
    if (rest !== undefined) {
      throw new QueryError(
        rest.t === 'close' ? 'unbalanced ) in the query' : 'cannot read the query',
      );
    }
    return node;
  }

  private peek(): Token | undefined {
    return this.tokens[this.at];
  }

  private or(): QueryNode {
    const items = [this.and()];
    while (this.peek()?.t === 'or') {
      this.at++;
      items.push(this.and());
    }
    return items.length === 1 ? (items[0] as QueryNode) : { op: 'or', items };
  }

  private and(): QueryNode {
    const items = [this.not()];
    for (;;) {
      const next = this.peek();
      if (next?.t === 'and') {
        this.at++;
        items.push(this.not());
      } else if (next?.t === 'word' || next?.t === 'open') {
        items.push(this.not());
      } else {
        break;
      }
    }
    return items.length === 1 ? (items[0] as QueryNode) : { op: 'and', items };
  }

  private not(): QueryNode {
    let left = this.primary();
    while (this.peek()?.t === 'not') {
      this.at++;
      left = { op: 'not', left, right: this.primary() };
    }
    return left;
  }

  private primary(): QueryNode {
    const token = this.tokens[this.at++];
    if (token === undefined) throw new QueryError('the query ends where a word was expected');
    if (token.t === 'open') {
      if (++this.depth > QUERY_LIMITS.depth) {
        throw new QueryError(
          `brackets nested more than ${QUERY_LIMITS.depth} deep in the query: flatten it`,
        );
      }
      const node = this.or();
      if (this.tokens[this.at++]?.t !== 'close') throw new QueryError('unclosed ( in the query');
      this.depth--;
      return node;
    }
    if (token.t === 'word') {
      return { op: 'term', pieces: piecesOf(token.text, token.prefix, token.phrase) };
    }
    const name = token.t === 'close' ? ')' : token.t.toUpperCase();
    throw new QueryError(`${name} where a word was expected in the query`);
  }
}

/** FTS5 string literal: the tokens never hold a quote, but a stray one must not escape. */
function literal(tokens: readonly string[]): string {
  return `"${tokens.join(' ').replaceAll('"', '""')}"`;
}

function pieceMatch(piece: Piece): string {
  if (piece.kind === 'words') return literal(piece.words) + (piece.prefix ? '*' : '');
  const chars = piece.chars;
  if (chars.length === 1) {
    const c = chars[0] as string;
    // 中* is 中 followed by another character; 中 alone is 中 anywhere, last of a run too.
    return piece.prefix ? `${literal([c])}*` : `(${literal([c])}* OR ${literal([RUN_END + c])})`;
  }
  const pairs: string[] = [];
  for (let k = 0; k + 1 < chars.length; k++) pairs.push(`${chars[k]}${chars[k + 1]}`);
  // 中俄* : the pairs of 中俄, then a pair that starts with 俄 (so a character follows).
  if (piece.prefix) return `${literal([...pairs, chars[chars.length - 1] as string])}*`;
  return literal(pairs);
}

/** A node's FTS5 expression, or null when it holds nothing searchable (only punctuation). */
function emit(node: QueryNode, positive: Piece[] | null): string | null {
  switch (node.op) {
    case 'term': {
      if (positive !== null) positive.push(...node.pieces);
      const parts = node.pieces.map(pieceMatch);
      if (parts.length === 0) return null;
      return parts.length === 1 ? (parts[0] as string) : `(${parts.join(' AND ')})`;
    }
    case 'and':
    case 'or': {
      // a AND a is a, a OR a is a: a repeat costs a second scan and finds nothing more.
      const parts = [
        ...new Set(node.items.map((item) => emit(item, positive)).filter((p) => p !== null)),
      ];
      if (parts.length === 0) return null;
      const op = node.op === 'and' ? ' AND ' : ' OR ';
      return parts.length === 1 ? (parts[0] as string) : `(${parts.join(op)})`;
    }
    case 'not': {
      const left = emit(node.left, positive);
      const right = emit(node.right, null);
      if (left === null) throw new QueryError('NOT needs something to search for before it');
      return right === null ? left : `(${left} NOT ${right})`;
    }
  }
}

/** A piece as a key: two pieces with the same key search and mark the same thing. */
function pieceKey(piece: Piece): string {
  const body = piece.kind === 'cjk' ? piece.chars.join('') : piece.words.join(' ');
  return `${piece.kind}:${piece.prefix ? '*' : ''}:${body}`;
}

/** The distinct terms of a query (a term is a word or phrase, by its pieces). */
function countTerms(tree: QueryNode): number {
  const seen = new Set<string>();
  const stack: QueryNode[] = [tree];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.op === 'term') seen.add(node.pieces.map(pieceKey).join('|'));
    else if (node.op === 'not') stack.push(node.left, node.right);
    else stack.push(...node.items);
  }
  return seen.size;
}

function uniquePieces(pieces: readonly Piece[]): Piece[] {
  const seen = new Set<string>();
  return pieces.filter((piece) => {
    const key = pieceKey(piece);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Reads a query into its tree; null for a blank query. Throws QueryError. */
export function parseQuery(query: string): QueryNode | null {
  const tokens = lex(toSimplified(query));
  if (tokens.length > QUERY_LIMITS.tokens) {
    throw new QueryError(
      `the query has ${tokens.length} words, operators and brackets; at most ${QUERY_LIMITS.tokens}`,
    );
  }
  return new Parser(tokens).parse();
}

/**
 * Translates a query into an FTS5 match expression over the index stream, with the pieces to
 * highlight; null for a blank query. Throws QueryError for a query it cannot read or one
 * with nothing to search for (only punctuation).
 */
export function compileQuery(query: string): CompiledQuery | null {
  const tree = parseQuery(query);
  if (tree === null) return null;
  const terms = countTerms(tree);
  if (terms > QUERY_LIMITS.terms) {
    throw new QueryError(
      `the query has ${terms} different words and phrases; at most ${QUERY_LIMITS.terms} are searched at once`,
    );
  }
  const positive: Piece[] = [];
  const match = emit(tree, positive);
  if (match === null) throw new QueryError(`nothing to search for in '${query}'`);
  return { match, positive: uniquePieces(positive) };
}

/**
 * A text as one phrase (no operators: AND, quotes and brackets are just text), as an FTS5
 * expression; null when it holds nothing searchable. For filters such as `--about 制裁`.
 */
export function compilePhrase(text: string): string | null {
  const parts = phrasePieces(text).map(pieceMatch);
  if (parts.length === 0) return null;
  return parts.length === 1 ? (parts[0] as string) : `(${parts.join(' AND ')})`;
}

/** A text as the pieces of one phrase (no operators), in Simplified: what `compilePhrase`
 * searches for, for a store that writes its own index's expressions. */
export function phrasePieces(text: string): Piece[] {
  return piecesOf(toSimplified(text), false, true);
}
