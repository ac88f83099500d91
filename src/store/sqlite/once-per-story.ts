import type Database from 'better-sqlite3';
import { toSimplified } from '../../normalize/index.ts';
import { keyOfSimplified } from '../comparable-key.ts';
import type { ArchiveFilter, QuoteRow, StanceRow } from '../types.ts';
import { addFilter, Where } from './filters.ts';

/**
 * Counting a story once in the quote and stance listings, their counts and the graph: a
 * quote (a stance) of a copy of a story is left out when an earlier copy of the story that
 * the filter also lets through has the same one: the same speaker saying the same words
 * (the same actors, class, negation and target), whatever the script, spacing or
 * punctuation. The first article of a story keeps all of its own. Each row listed then
 * says how many copies carry it, in how many outlets.
 *
 * A repeated passage counts once too: a paragraph a page prints again in a later article
 * (a digest or commentary repeating the main story's words) gives quotes and stances that
 * an earlier article of the same page already has; those of the later article are left out.
 * So are those of a passage another story printed before, word for word (a background
 * paragraph reused, a statement two stories quote in full: passages.ts), when the earlier
 * article has the same position.
 */

/** The SQL function giving a text's comparable key: Simplified, without spacing or
 * punctuation (so 「」 and “” copies of a quote are one). */
export const KEY_FN = 'jiedu_story_key';

/** A text's comparable key (what the SQL function gives): Simplified, without spacing or
 * punctuation. The PostgreSQL archive stores it beside each quote and stance. */
export function storyKey(text: string): string {
  return keyOfSimplified(toSimplified(text));
}

/** Registers the SQL function above on a connection; keys are cached, as quotes repeat. */
export function registerStoryFunctions(db: Database.Database): void {
  const cache = new Map<string, string>();
  db.function(KEY_FN, { deterministic: true }, (text: unknown) => {
    if (typeof text !== 'string') return text;
    let out = cache.get(text);
    if (out === undefined) {
      out = storyKey(text);
      if (cache.size > 50_000) cache.clear();
      cache.set(text, out);
    }
    return out;
  });
}

/** What makes two quotes (`q`, `q2`) or two stances (`s`, `s2`) the same position. */
const SAME = {
  quote: `q2.speaker IS q.speaker AND (q.speaker IS NOT NULL OR q2.speaker_text = q.speaker_text)
          AND ${KEY_FN}(q2.content) = ${KEY_FN}(q.content)`,
  stance: `s2.actors = s.actors AND s2.class = s.class AND s2.negated = s.negated
           AND ${KEY_FN}(s2.target) = ${KEY_FN}(s.target)`,
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
export function addOncePerStory(
  db: Database.Database,
  where: Where,
  kind: 'quote' | 'stance',
  filter: ArchiveFilter,
  perOutlet = false,
): void {
  const { table, other } = TABLE[kind];
  // The filter again, on the earlier copy (`a2`): the clauses name articles `a` only.
  const inner = addFilter(db, new Where(), filter);
  const clauses = inner.clauses.map((c) => c.replace(/\ba\./g, 'a2.'));
  where.add(
    `(a.story IS NULL OR a.story = a.id OR NOT EXISTS (
        SELECT 1 FROM articles a2 JOIN ${table} ${other} ON ${other}.article = a2.id
         WHERE a2.story = a.story AND a2.id < a.id AND ${SAME[kind]}
               ${perOutlet ? 'AND a2.outlet_key IS a.outlet_key' : ''}
               ${clauses.map((c) => `AND ${c}`).join(' ')}))`,
    ...inner.params,
  );
  // A passage the page repeats: an earlier article of the same document has the same
  // position (the page's first article has no earlier one, and most pages have one article).
  const same = SAME[kind].replaceAll(`${other}.`, `${other}p.`);
  where.add(
    `(a.idx = 0 OR NOT EXISTS (
        SELECT 1 FROM articles ap JOIN ${table} ${other}p ON ${other}p.article = ap.id
         WHERE ap.document = a.document AND ap.idx < a.idx AND ${same}))`,
  );
  where.add(repeatedPassage(kind, perOutlet, inner.clauses), ...inner.params);
}

/**
 * A passage another story printed before (passage_repeats, schema 10: a block that repeats,
 * word for word, an earlier article of another story or of the same page): a row inside it
 * counts only when that earlier article, passing the same filter, has not the same position.
 * Most articles repeat nothing: one lookup of the article in the table's primary key.
 * `clauses` are the filter's, on articles `a`.
 */
function repeatedPassage(
  kind: 'quote' | 'stance',
  perOutlet: boolean,
  clauses: readonly string[],
): string {
  const { table, own, other } = TABLE[kind];
  const same = SAME[kind].replaceAll(`${other}.`, `${other}r.`);
  return `NOT EXISTS (
        SELECT 1 FROM passage_repeats pr JOIN articles ar ON ar.id = pr.first
          JOIN ${table} ${other}r ON ${other}r.article = pr.first
         WHERE pr.article = a.id AND pr.span_start <= ${own}.span_start
           AND ${own}.span_end <= pr.span_end AND ${same}
           ${perOutlet ? `AND ar.outlet_key IS a.outlet_key` : ''}
           ${clauses.map((c) => `AND ${c.replace(/\ba\./g, 'ar.')}`).join(' ')})`;
}

interface Spread {
  copies: number;
  outlets: number;
}

/** How many copies of a row's story carry the same position, and in how many outlets. */
function spreadOf(db: Database.Database, kind: 'quote' | 'stance', id: number): Spread {
  const { table, own, other } = TABLE[kind];
  const row = db
    .prepare<[number], Spread>(
      `SELECT count(DISTINCT a2.id) AS copies, count(DISTINCT a2.outlet_key) AS outlets
         FROM ${table} ${own} JOIN articles a ON a.id = ${own}.article
         JOIN articles a2 ON a2.story = a.story
         JOIN ${table} ${other} ON ${other}.article = a2.id AND ${SAME[kind]}
        WHERE ${own}.id = ?`,
    )
    .get(id);
  return row === undefined || row.copies === 0 ? { copies: 1, outlets: 1 } : row;
}

/** Rows of a listing counted once, each with the copies and outlets that carry it. */
export function withSpread<R extends QuoteRow | StanceRow>(
  db: Database.Database,
  kind: 'quote' | 'stance',
  rows: R[],
): R[] {
  return rows.map((r) => ({ ...r, ...spreadOf(db, kind, r.id) }));
}

/**
 * An article's mention of an entity (`ae`, article `a`) counts once per story: only when no
 * earlier copy of its story mentions the entity too. The entity directory counts stories
 * and their mentions so (the running totals `stories` and `story_mentions`, migration 9).
 * CROSS JOIN keeps SQLite reading the story's few copies first, not the entity's articles.
 */
export const ONCE_PER_STORY_ENTITY = `(a.story IS NULL OR a.story = a.id OR NOT EXISTS (
    SELECT 1 FROM articles a2 CROSS JOIN article_entities ae2 ON ae2.article = a2.id AND ae2.entity = ae.entity
     WHERE a2.story = a.story AND a2.id < a.id))`;

/** Adds to a WHERE over `article_entities ae JOIN articles a` that a mention counts once
 * per story, among the copies the filter also lets through. */
export function addEntityOncePerStory(
  db: Database.Database,
  where: Where,
  filter: ArchiveFilter,
): void {
  const inner = addFilter(db, new Where(), filter);
  const clauses = inner.clauses.map((c) => `AND ${c.replace(/\ba\./g, 'a2.')}`).join(' ');
  where.add(
    `(a.story IS NULL OR a.story = a.id OR NOT EXISTS (
        SELECT 1 FROM articles a2 CROSS JOIN article_entities ae2 ON ae2.article = a2.id AND ae2.entity = ae.entity
         WHERE a2.story = a.story AND a2.id < a.id ${clauses}))`,
    ...inner.params,
  );
}
