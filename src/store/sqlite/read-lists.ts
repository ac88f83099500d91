import type Database from 'better-sqlite3';
import { toSimplified } from '../../normalize/index.ts';
import { compilePhrase } from '../search/parse-query.ts';
import type {
  ArchiveFilter,
  ArticleRecord,
  CountRow,
  EntityQuery,
  EntityRow,
  QuoteGroup,
  QuoteQuery,
  QuoteRow,
  StanceGroup,
  StanceQuery,
  StanceRow,
} from '../types.ts';
import { addFilter, hasFilter, inList, pageOf, resolveEntities, Where } from './filters.ts';
import { addEntityOncePerStory, addOncePerStory } from './once-per-story.ts';
import { readBlocks } from './read-article.ts';
import type { SearchIndex } from './search-index.ts';

/**
 * Listings, counts and exports of the archive's annotation tables. Names in rows are in the
 * page's own script (article_entities.name); counts group by the Simplified form, so both
 * scripts land in one group.
 */

/** The SQL function that converts a text to Simplified, registered on every connection. */
export const SIMPLIFIED_FN = 'jiedu_simplified';

/** Registers the SQL functions the queries below use. Conversions are cached: cues,
 * classes and names repeat. */
export function registerFunctions(db: Database.Database): void {
  const cache = new Map<string, string>();
  db.function(SIMPLIFIED_FN, { deterministic: true }, (text: unknown) => {
    if (typeof text !== 'string') return text;
    let out = cache.get(text);
    if (out === undefined) {
      out = toSimplified(text);
      if (cache.size > 50_000) cache.clear();
      cache.set(text, out);
    }
    return out;
  });
}

/**
 * `--about`: a column contains the text in either script. The index narrows the articles
 * first (a phrase search), then the column itself is compared in Simplified.
 */
function addAbout(
  index: SearchIndex,
  where: Where,
  column: string,
  articleColumn: string,
  about: string,
): void {
  const phrase = compilePhrase(about);
  if (phrase === null) return;
  const ids = index.matchingIds(phrase);
  where.add(`${articleColumn} IN ${ids.sql}`, ...ids.params);
  where.add(`instr(${SIMPLIFIED_FN}(${column}), ?) > 0`, toSimplified(about.trim()));
}

/** Articles of an entity that `mentioning` looks in: its newest, so that what is said
 * about a much-mentioned entity (中国) costs the same as about a rare one. */
const MENTIONING_ARTICLES = 1000;

/**
 * `mentioning`, when the query gives it: a span of the row (a quote's content, a stance's
 * target) holds a mention of the entity, in one of the entity's newest 1000 articles that
 * the filter lets through: those articles come from an index (article_entities by entity,
 * newest first), their rows from another (by article), and each row's article is searched
 * for a mention inside the span (the mentions' primary key). Bounded whatever the
 * archive's size.
 */
function addMentioning(
  db: Database.Database,
  where: Where,
  query: ArchiveFilter & { mentioning?: string },
  articleColumn: string,
  startColumn: string,
  endColumn: string,
): void {
  if (query.mentioning === undefined) return;
  const ids = inList(resolveEntities(db, query.mentioning));
  // The filter again inside: the newest articles that pass it, not the newest that may not.
  const inner = addFilter(db, new Where(), query).add(`ae.entity ${ids}`);
  where.add(
    `${articleColumn} IN (SELECT ae.article FROM article_entities ae JOIN articles a ON a.id = ae.article${inner}
                          ORDER BY ae.article DESC LIMIT ${MENTIONING_ARTICLES})`,
    ...inner.params,
  );
  where.add(
    `EXISTS (SELECT 1 FROM mentions m WHERE m.article = ${articleColumn} AND m.entity ${ids}
              AND m.span_start >= ${startColumn} AND m.span_end <= ${endColumn})`,
  );
}

// ── entities ──────────────────────────────────────────────────────────────────────────────

interface EntitySql {
  sql: string;
  params: unknown[];
}

/** The entity rows a query selects, before ordering and paging. */
function entitySql(db: Database.Database, query: EntityQuery): EntitySql {
  const filter = query.filter ?? {};
  if (!hasFilter(filter)) {
    const where = new Where();
    if (query.type !== undefined) where.add('e.type = ?', query.type);
    if (query.name !== undefined)
      where.add('instr(e.name, ?) > 0', toSimplified(query.name.trim()));
    const counts =
      query.copies === true
        ? 'e.articles, e.mentions'
        : 'e.stories AS articles, e.story_mentions AS mentions';
    return {
      sql: `SELECT e.id AS rowid, e.key AS id, e.type, e.name, ${counts} FROM entities e${where}`,
      params: where.params,
    };
  }
  const where = addFilter(db, new Where(), filter);
  if (query.copies !== true) addEntityOncePerStory(db, where, filter);
  if (query.type !== undefined) where.add('e.type = ?', query.type);
  if (query.name !== undefined) where.add('instr(e.name, ?) > 0', toSimplified(query.name.trim()));
  return {
    sql: `SELECT e.id AS rowid, e.key AS id, e.type, e.name, count(*) AS articles,
                 sum(ae.mentions) AS mentions
            FROM article_entities ae JOIN entities e ON e.id = ae.entity
            JOIN articles a ON a.id = ae.article${where}
           GROUP BY ae.entity`,
    params: where.params,
  };
}

/** Roles listed with an entity: its most frequent. */
const ROLES_LISTED = 4;
/** Articles whose roles are read for an entity: its newest. */
const ROLE_ARTICLES = 1000;

/**
 * The roles pages gave an entity (外交部发言人, 国家主席), most frequent first, grouped by their
 * Simplified form and shown in the form written most; from its newest 1000 articles.
 */
export function rolesOf(db: Database.Database, entityRowId: number, limit: number): string[] {
  return db
    .prepare<[number, number, number, number], { text: string }>(
      `SELECT text FROM (
         SELECT ${SIMPLIFIED_FN}(r.text) AS key, r.text AS text, count(*) AS n FROM roles r
          WHERE r.entity = ? AND r.article IN (
            SELECT article FROM article_entities WHERE entity = ? ORDER BY article DESC LIMIT ?)
          GROUP BY r.text)
        GROUP BY key ORDER BY sum(n) DESC, max(n) DESC, key LIMIT ?`,
    )
    .all(entityRowId, entityRowId, ROLE_ARTICLES, limit)
    .map((r) => r.text);
}

/** Entities, most written about first, each with the roles pages gave it. */
export function listEntities(db: Database.Database, query: EntityQuery = {}): EntityRow[] {
  const { limit, offset } = pageOf(query);
  const { sql, params } = entitySql(db, query);
  const rows = db
    .prepare(
      `SELECT rowid, id, type, name, articles, mentions FROM (${sql})
        ORDER BY articles DESC, mentions DESC, rowid LIMIT ? OFFSET ?`,
    )
    .all(...params, limit, offset) as (EntityRow & { rowid: number })[];
  return rows.map(({ rowid, ...row }) => ({ ...row, roles: rolesOf(db, rowid, ROLES_LISTED) }));
}

/** How many entities the query selects. */
export function totalEntities(db: Database.Database, query: EntityQuery = {}): number {
  const { sql, params } = entitySql(db, query);
  return (db.prepare(`SELECT count(*) AS n FROM (${sql})`).get(...params) as { n: number }).n;
}

/** How many entities of each type (among those the query selects). */
export function countEntities(db: Database.Database, query: EntityQuery = {}): CountRow[] {
  const { sql, params } = entitySql(db, query);
  return db
    .prepare(
      `SELECT type AS key, count(*) AS count FROM (${sql}) GROUP BY type ORDER BY count DESC, key`,
    )
    .all(...params) as CountRow[];
}

/** Every entity, in id order. */
export function exportEntities(db: Database.Database): IterableIterator<EntityRow> {
  return db
    .prepare<[], EntityRow>(
      'SELECT key AS id, type, name, articles, mentions FROM entities ORDER BY id',
    )
    .iterate();
}

// ── quotes ────────────────────────────────────────────────────────────────────────────────

const QUOTE_COLUMNS = `
  q.id, q.article AS articleId, a.document AS documentId, d.date, d.outlet,
  e.key AS speakerId, coalesce(ae.name, q.speaker_text) AS speaker, q.kind, q.cue,
  q.content AS text, q.span_start AS start, q.span_end AS "end"`;

const QUOTE_FROM = `
  quotes q JOIN articles a ON a.id = q.article JOIN documents d ON d.id = a.document
  LEFT JOIN entities e ON e.id = q.speaker
  LEFT JOIN article_entities ae ON ae.article = q.article AND ae.entity = q.speaker`;

function quoteWhere(db: Database.Database, index: SearchIndex, query: QuoteQuery): Where {
  const { speaker, ...filter } = query;
  const where = addFilter(db, new Where(), filter);
  if (speaker !== undefined) where.add(`q.speaker ${inList(resolveEntities(db, speaker))}`);
  if (query.kind !== undefined) where.add('q.kind = ?', query.kind);
  if (query.about !== undefined) addAbout(index, where, 'q.content', 'q.article', query.about);
  addMentioning(db, where, query, 'q.article', 'q.content_start', 'q.content_end');
  if (query.copies !== true) addOncePerStory(db, where, 'quote', filter);
  return where;
}

/** Quotes in the order they were stored. */
export function listQuotes(
  db: Database.Database,
  index: SearchIndex,
  query: QuoteQuery = {},
): QuoteRow[] {
  const { limit, offset } = pageOf(query);
  const where = quoteWhere(db, index, query);
  return db
    .prepare(`SELECT ${QUOTE_COLUMNS} FROM ${QUOTE_FROM}${where} ORDER BY q.id LIMIT ? OFFSET ?`)
    .all(...where.params, limit, offset) as QuoteRow[];
}

/** How many quotes the query selects (limit and offset aside). */
export function totalQuotes(
  db: Database.Database,
  index: SearchIndex,
  query: QuoteQuery = {},
): number {
  const where = quoteWhere(db, index, query);
  return (
    db.prepare(`SELECT count(*) AS n FROM ${QUOTE_FROM}${where}`).get(...where.params) as {
      n: number;
    }
  ).n;
}

const QUOTE_GROUPS: Readonly<Record<QuoteGroup, { key: string; label: string }>> = {
  speaker: {
    key: "coalesce(e.key, '?' || q.speaker_text)",
    label: 'coalesce(e.name, q.speaker_text)',
  },
  cue: { key: `${SIMPLIFIED_FN}(q.cue)`, label: `${SIMPLIFIED_FN}(q.cue)` },
  kind: { key: 'q.kind', label: 'q.kind' },
  outlet: { key: 'd.outlet_key', label: "coalesce(min(d.outlet), '')" },
  date: { key: 'd.date', label: "coalesce(d.date, '')" },
};

/** Quotes counted by a field, largest group first. */
export function countQuotes(
  db: Database.Database,
  index: SearchIndex,
  query: QuoteQuery,
  by: QuoteGroup,
): CountRow[] {
  const group = QUOTE_GROUPS[by];
  if (group === undefined) throw new TypeError(`countQuotes: cannot count by '${by}'`);
  const { limit, offset } = pageOf(query, 50);
  const where = quoteWhere(db, index, query);
  return db
    .prepare(
      `SELECT ${group.label} AS key, count(*) AS count FROM ${QUOTE_FROM}${where}
        GROUP BY ${group.key} ORDER BY count DESC, key LIMIT ? OFFSET ?`,
    )
    .all(...where.params, limit, offset) as CountRow[];
}

/** Every quote the filter lets through, in id order. */
export function exportQuotes(
  db: Database.Database,
  index: SearchIndex,
  filter: ArchiveFilter = {},
): IterableIterator<QuoteRow> {
  const where = quoteWhere(db, index, filter);
  return db
    .prepare(`SELECT ${QUOTE_COLUMNS} FROM ${QUOTE_FROM}${where} ORDER BY q.id`)
    .iterate(...where.params) as IterableIterator<QuoteRow>;
}

// ── stances ───────────────────────────────────────────────────────────────────────────────

const STANCE_COLUMNS = `
  s.id, s.article AS articleId, a.document AS documentId, d.date, d.outlet,
  s.actors AS actorIds,
  (SELECT json_group_array(coalesce(ae.name, e.name)) FROM json_each(s.actors) j
     JOIN entities e ON e.key = j.value
     LEFT JOIN article_entities ae ON ae.article = s.article AND ae.entity = e.id) AS actors,
  s.cue, s.class, s.plover, s.target, s.negated, s.modality,
  s.span_start AS start, s.span_end AS "end"`;

const STANCE_FROM =
  'stances s JOIN articles a ON a.id = s.article JOIN documents d ON d.id = a.document';

interface RawStance extends Omit<StanceRow, 'actorIds' | 'actors' | 'negated' | 'modality'> {
  actorIds: string;
  actors: string;
  negated: number;
  modality: string;
}

function toStance(row: RawStance): StanceRow {
  return {
    ...row,
    actorIds: JSON.parse(row.actorIds),
    actors: JSON.parse(row.actors),
    negated: row.negated === 1,
    modality: JSON.parse(row.modality),
  };
}

/** The WHERE clauses of a stance query, for a query whose stances are `s` and articles `a`. */
export function stanceWhere(db: Database.Database, index: SearchIndex, query: StanceQuery): Where {
  const where = addFilter(db, new Where(), query);
  if (query.actor !== undefined) {
    const ids = resolveEntities(db, query.actor);
    where.add(`s.id IN (SELECT stance FROM stance_actors WHERE entity ${inList(ids)})`);
  }
  if (query.class !== undefined) where.add('s.class = ?', query.class);
  if (query.negated !== undefined) where.add('s.negated = ?', query.negated ? 1 : 0);
  if (query.about !== undefined) addAbout(index, where, 's.target', 's.article', query.about);
  addMentioning(db, where, query, 's.article', 's.target_start', 's.target_end');
  if (query.copies !== true) addOncePerStory(db, where, 'stance', query);
  return where;
}

/** Stances in the order they were stored. */
export function listStances(
  db: Database.Database,
  index: SearchIndex,
  query: StanceQuery = {},
): StanceRow[] {
  const { limit, offset } = pageOf(query);
  const where = stanceWhere(db, index, query);
  return (
    db
      .prepare(
        `SELECT ${STANCE_COLUMNS} FROM ${STANCE_FROM}${where} ORDER BY s.id LIMIT ? OFFSET ?`,
      )
      .all(...where.params, limit, offset) as RawStance[]
  ).map(toStance);
}

/** How many stances the query selects (limit and offset aside). */
export function totalStances(
  db: Database.Database,
  index: SearchIndex,
  query: StanceQuery = {},
): number {
  const where = stanceWhere(db, index, query);
  return (
    db.prepare(`SELECT count(*) AS n FROM ${STANCE_FROM}${where}`).get(...where.params) as {
      n: number;
    }
  ).n;
}

/** Stances counted by a field, largest group first; by actor, a stance counts once for each. */
export function countStances(
  db: Database.Database,
  index: SearchIndex,
  query: StanceQuery,
  by: StanceGroup,
): CountRow[] {
  const { limit, offset } = pageOf(query, 50);
  const where = stanceWhere(db, index, query);
  let from = STANCE_FROM;
  let key: string;
  let label: string;
  switch (by) {
    case 'actor':
      from += ' JOIN stance_actors sa ON sa.stance = s.id JOIN entities e ON e.id = sa.entity';
      key = 'sa.entity';
      label = 'e.name';
      break;
    case 'class':
    case 'plover':
      key = `s.${by}`;
      label = key;
      break;
    case 'cue':
    case 'target':
      key = `${SIMPLIFIED_FN}(s.${by})`;
      label = key;
      break;
    case 'outlet':
      key = 'd.outlet_key';
      label = "coalesce(min(d.outlet), '')";
      break;
    case 'date':
      key = 'd.date';
      label = "coalesce(d.date, '')";
      break;
    default:
      throw new TypeError(`countStances: cannot count by '${String(by)}'`);
  }
  return db
    .prepare(
      `SELECT ${label} AS key, count(*) AS count FROM ${from}${where}
        GROUP BY ${key} ORDER BY count DESC, key LIMIT ? OFFSET ?`,
    )
    .all(...where.params, limit, offset) as CountRow[];
}

/** Every stance the filter lets through, in id order. */
export function* exportStances(
  db: Database.Database,
  index: SearchIndex,
  filter: ArchiveFilter = {},
): IterableIterator<StanceRow> {
  const where = stanceWhere(db, index, filter);
  const rows = db
    .prepare(`SELECT ${STANCE_COLUMNS} FROM ${STANCE_FROM}${where} ORDER BY s.id`)
    .iterate(...where.params) as IterableIterator<RawStance>;
  for (const row of rows) yield toStance(row);
}

// ── articles ──────────────────────────────────────────────────────────────────────────────

interface RawArticle extends Omit<ArticleRecord, 'text' | 'entities' | 'keywords'> {
  entities: string;
  keywords: string;
}

/** Every article the filter lets through, in id order, with its reader text (its blocks'
 * text, one a line). */
export function* exportArticles(
  db: Database.Database,
  filter: ArchiveFilter = {},
): IterableIterator<ArticleRecord> {
  const where = addFilter(db, new Where(), filter);
  const rows = db
    .prepare(
      `SELECT a.id, a.document AS documentId, a.idx AS "index", d.source, d.outlet, d.date, d.url,
              d.external_id AS externalId, d.script, a.headline,
              (SELECT json_group_array(key) FROM
                 (SELECT e.key FROM article_entities ae JOIN entities e ON e.id = ae.entity
                   WHERE ae.article = a.id ORDER BY ae.mentions DESC, e.id)) AS entities,
              (SELECT json_group_array(text) FROM
                 (SELECT text FROM keywords k WHERE k.article = a.id ORDER BY k.rank)) AS keywords
         FROM articles a JOIN documents d ON d.id = a.document${where} ORDER BY a.id`,
    )
    .iterate(...where.params) as IterableIterator<RawArticle>;
  const readText = db.prepare<[number], { text: string }>(
    'SELECT text FROM document_texts WHERE document = ?',
  );
  let documentId = -1;
  let documentText = '';
  for (const row of rows) {
    if (row.documentId !== documentId) {
      documentId = row.documentId;
      documentText = readText.get(documentId)?.text ?? '';
    }
    const text = readBlocks(db, row.id, documentText)
      .map((b) => b.text)
      .join('\n');
    yield { ...row, text, entities: JSON.parse(row.entities), keywords: JSON.parse(row.keywords) };
  }
}
