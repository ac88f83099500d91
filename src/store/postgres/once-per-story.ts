import type { ArchiveFilter, QuoteRow, StanceRow } from '../types.ts';
import type { Sql } from './connection.ts';
import { addFilter, Where } from './filters.ts';

/**
 * Counting a story once in the quote and stance listings, their counts and the graph (see
 * sqlite/once-per-story.ts): a quote (a stance) of a copy of a story is left out when an
 * earlier copy of the story that the filter also lets through has the same one, and one an
 * earlier article of the same page already has (a repeated passage) is left out too, as is
 * one inside a passage an earlier article of another story printed and has it too. Two
 * texts compare by their stored comparable key (`story_key`, written with each row), where
 * the SQLite store computes it in SQL.
 */

/** What makes two quotes (`q`, `q2`) or two stances (`s`, `s2`) the same position. */
const SAME = {
  quote: `q2.speaker IS NOT DISTINCT FROM q.speaker
          AND (q.speaker IS NOT NULL OR q2.speaker_text = q.speaker_text)
          AND q2.story_key = q.story_key`,
  stance: `s2.actors = s.actors AND s2.class = s.class AND s2.negated = s.negated
           AND s2.story_key = s.story_key`,
} as const;

const TABLE = {
  quote: { table: 'quotes', own: 'q', other: 'q2' },
  stance: { table: 'stances', own: 's', other: 's2' },
} as const;

/**
 * Adds to a listing's WHERE (rows `q` or `s`, articles `a`) that a row counts only when no
 * earlier copy of its story, passing the same filter, has the same position; `perOutlet`:
 * no earlier copy of the same outlet (each outlet that printed it counts it once).
 */
export async function addOncePerStory(
  sql: Sql,
  where: Where,
  kind: 'quote' | 'stance',
  filter: ArchiveFilter,
  perOutlet = false,
): Promise<void> {
  const { table, other } = TABLE[kind];
  // The filter again, on the earlier copy (`a2`): the clauses name articles `a` only.
  const inner = await addFilter(sql, new Where(), filter);
  const clauses = inner.clauses.map((c) => c.replace(/\ba\./g, 'a2.'));
  where.add(
    `(a.story IS NULL OR a.story = a.id OR NOT EXISTS (
        SELECT 1 FROM articles a2 JOIN ${table} ${other} ON ${other}.article = a2.id
         WHERE a2.story = a.story AND a2.id < a.id AND ${SAME[kind]}
               ${perOutlet ? 'AND a2.outlet_key IS NOT DISTINCT FROM a.outlet_key' : ''}
               ${clauses.map((c) => `AND ${c}`).join(' ')}))`,
    ...inner.params,
  );
  // A passage the page repeats: an earlier article of the same document has the same position.
  const same = SAME[kind].replaceAll(`${other}.`, `${other}p.`);
  where.add(
    `(a.idx = 0 OR NOT EXISTS (
        SELECT 1 FROM articles ap JOIN ${table} ${other}p ON ${other}p.article = ap.id
         WHERE ap.document = a.document AND ap.idx < a.idx AND ${same}))`,
  );
  // A passage another story printed before (passage_repeats, migration 6): a row inside it
  // counts only when that earlier article, passing the same filter, has not the same position.
  const { own } = TABLE[kind];
  const sameR = SAME[kind].replaceAll(`${other}.`, `${other}r.`);
  where.add(
    `NOT EXISTS (
        SELECT 1 FROM passage_repeats pr JOIN articles ar ON ar.id = pr.first
          JOIN ${table} ${other}r ON ${other}r.article = pr.first
         WHERE pr.article = a.id AND pr.span_start <= ${own}.span_start
           AND ${own}.span_end <= pr.span_end AND ${sameR}
           ${perOutlet ? 'AND ar.outlet_key IS NOT DISTINCT FROM a.outlet_key' : ''}
           ${inner.clauses.map((c) => `AND ${c.replace(/\ba\./g, 'ar.')}`).join(' ')})`,
    ...inner.params,
  );
}

/** Rows of a listing counted once, each with the copies and outlets that carry it (how
 * many copies of its story carry the same position, and in how many outlets). */
export async function withSpread<R extends QuoteRow | StanceRow>(
  sql: Sql,
  kind: 'quote' | 'stance',
  rows: R[],
): Promise<R[]> {
  if (rows.length === 0) return rows;
  const { table, own, other } = TABLE[kind];
  const spread = await sql.all<{ id: number; copies: number; outlets: number }>(
    `SELECT ${own}.id, count(DISTINCT a2.id) AS copies, count(DISTINCT a2.outlet_key) AS outlets
       FROM ${table} ${own} JOIN articles a ON a.id = ${own}.article
       JOIN articles a2 ON a2.story = a.story
       JOIN ${table} ${other} ON ${other}.article = a2.id AND ${SAME[kind]}
      WHERE ${own}.id = ANY(?::int[]) GROUP BY ${own}.id`,
    [rows.map((r) => r.id)],
  );
  const of = new Map(spread.map((s) => [s.id, s]));
  return rows.map((r) => {
    const s = of.get(r.id);
    return {
      ...r,
      ...(s === undefined || s.copies === 0
        ? { copies: 1, outlets: 1 }
        : { copies: s.copies, outlets: s.outlets }),
    };
  });
}

/** An article's mention of an entity (`ae`, article `a`) counts once per story: only when
 * no earlier copy of its story mentions the entity too (sqlite/once-per-story.ts). */
export const ONCE_PER_STORY_ENTITY = `(a.story IS NULL OR a.story = a.id OR NOT EXISTS (
    SELECT 1 FROM articles a2
     WHERE a2.story = a.story AND a2.id < a.id
       AND EXISTS (SELECT 1 FROM article_entities ae2 WHERE ae2.article = a2.id AND ae2.entity = ae.entity)))`;

/** Adds to a WHERE over `article_entities ae JOIN articles a` that a mention counts once
 * per story, among the copies the filter also lets through. */
export async function addEntityOncePerStory(
  sql: Sql,
  where: Where,
  filter: ArchiveFilter,
): Promise<void> {
  const inner = await addFilter(sql, new Where(), filter);
  const clauses = inner.clauses.map((c) => `AND ${c.replace(/\ba\./g, 'a2.')}`).join(' ');
  where.add(
    `(a.story IS NULL OR a.story = a.id OR NOT EXISTS (
        SELECT 1 FROM articles a2
         WHERE a2.story = a.story AND a2.id < a.id ${clauses}
           AND EXISTS (SELECT 1 FROM article_entities ae2 WHERE ae2.article = a2.id AND ae2.entity = ae.entity)))`,
    ...inner.params,
  );
}
