import type { Passage } from '../passages.ts';
import type { Sql } from './connection.ts';

/**
 * Repeated passages in the PostgreSQL archive, as sqlite/mark-passages.ts marks them: each
 * passage's key goes into `passage_keys` (primary key (key, article)), and a passage whose
 * earliest article is of another story, or of the same page, becomes a row of
 * `passage_repeats` with that article. Each lookup reads one row of the key's index.
 * Conflicts are ignored: marking an article again adds nothing.
 */

/** An article's passages, with where the article is. */
export interface ArticlePassages {
  article: number;
  story: number;
  document: number;
  passages: readonly Passage[];
}

/** The earliest article that printed a passage `t` (of article t.article), when it is of
 * another story or of the same page. */
const FIRST = `CROSS JOIN LATERAL (
    SELECT pk.article, pk.story, pk.document FROM passage_keys pk
     WHERE pk.key = t.key AND pk.article < t.article
     ORDER BY pk.article LIMIT 1) f
  WHERE f.story <> t.story OR f.document = t.document`;

const ROWS = `unnest(?::int[], ?::int[], ?::int[], ?::int[], ?::bigint[], ?::int[], ?::int[])
    t(article, block, span_start, span_end, key, story, document)`;

/**
 * Marks the passages of stored articles, in the order given (ids ascending): one statement
 * when they are one article's (ingest), two for a batch of articles (a migration), whose
 * keys go in first so that each article finds the batch's earlier ones.
 */
export async function markPassages(sql: Sql, articles: readonly ArticlePassages[]): Promise<void> {
  const rows = articles.flatMap((a) => a.passages.map((p) => ({ ...a, ...p })));
  if (rows.length === 0) return;
  const params = [
    rows.map((r) => r.article),
    rows.map((r) => r.block),
    rows.map((r) => r.start),
    rows.map((r) => r.end),
    rows.map((r) => r.key),
    rows.map((r) => r.story),
    rows.map((r) => r.document),
  ];
  const keys = `INSERT INTO passage_keys (key, article, story, document)
    SELECT key, article, story, document FROM t ON CONFLICT DO NOTHING`;
  const repeats = `INSERT INTO passage_repeats (article, block, span_start, span_end, first)
    SELECT t.article, t.block, t.span_start, t.span_end, f.article FROM t ${FIRST}
    ON CONFLICT DO NOTHING`;
  if (articles.length === 1) {
    // The lookups see the keys stored before the statement: those of earlier articles.
    await sql.run(`WITH t AS (SELECT * FROM ${ROWS}), k AS (${keys}) ${repeats}`, params);
    return;
  }
  await sql.run(`WITH t AS (SELECT * FROM ${ROWS}) ${keys}`, params);
  await sql.run(`WITH t AS (SELECT * FROM ${ROWS}) ${repeats}`, params);
}
