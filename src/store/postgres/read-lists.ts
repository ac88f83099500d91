import { toSimplified } from '../../normalize/index.ts';
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
import type { Sql } from './connection.ts';
import { addFilter, hasFilter, inList, pageOf, resolveEntities, Where } from './filters.ts';
import { addEntityOncePerStory, addOncePerStory } from './once-per-story.ts';
import { readBlocks } from './read-article.ts';
import { phraseTsQuery } from './search-index.ts';

/**
 * Listings, counts and exports of the annotation tables (see sqlite/read-lists.ts). Where
 * the SQLite store converts a column to Simplified in SQL, this one reads the Simplified
 * form stored beside it (`cue_key`, `target_key`, `content_key`, roles' `key`).
 */

/** `--about`: the index narrows the articles (a phrase), the Simplified column decides. */
function addAbout(where: Where, keyColumn: string, articleColumn: string, about: string): void {
  const phrase = phraseTsQuery(about);
  if (phrase === null) return;
  where.add(
    `${articleColumn} IN (SELECT article FROM article_search WHERE search @@ ?::tsquery)`,
    phrase,
  );
  where.add(`strpos(${keyColumn}, ?) > 0`, toSimplified(about.trim()));
}

const MENTIONING_ARTICLES = 1000;

async function addMentioning(
  sql: Sql,
  where: Where,
  query: ArchiveFilter & { mentioning?: string },
  articleColumn: string,
  startColumn: string,
  endColumn: string,
): Promise<void> {
  if (query.mentioning === undefined) return;
  const ids = inList(await resolveEntities(sql, query.mentioning));
  const inner = (await addFilter(sql, new Where(), query)).add(`ae.entity ${ids}`);
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

async function entitySql(
  sql: Sql,
  query: EntityQuery,
): Promise<{ sql: string; params: unknown[] }> {
  const filter = query.filter ?? {};
  if (!hasFilter(filter)) {
    const where = new Where();
    if (query.type !== undefined) where.add('e.type = ?', query.type);
    if (query.name !== undefined)
      where.add('strpos(e.name, ?) > 0', toSimplified(query.name.trim()));
    const counts =
      query.copies === true
        ? 'e.articles, e.mentions'
        : 'e.stories AS articles, e.story_mentions AS mentions';
    return {
      sql: `SELECT e.id AS rowid, e.key AS id, e.type, e.name, ${counts} FROM entities e${where}`,
      params: where.params,
    };
  }
  const where = await addFilter(sql, new Where(), filter);
  if (query.copies !== true) await addEntityOncePerStory(sql, where, filter);
  if (query.type !== undefined) where.add('e.type = ?', query.type);
  if (query.name !== undefined) where.add('strpos(e.name, ?) > 0', toSimplified(query.name.trim()));
  return {
    sql: `SELECT e.id AS rowid, e.key AS id, e.type, e.name, count(*) AS articles,
                 sum(ae.mentions) AS mentions
            FROM article_entities ae JOIN entities e ON e.id = ae.entity
            JOIN articles a ON a.id = ae.article${where}
           GROUP BY e.id`,
    params: where.params,
  };
}

const ROLES_LISTED = 4;
const ROLE_ARTICLES = 1000;

/** The roles pages gave an entity, most frequent first, in the form written most. */
export async function rolesOf(sql: Sql, entityRowId: number, limit: number): Promise<string[]> {
  const rows = await sql.all<{ text: string }>(
    `WITH forms AS (
       SELECT r.key, r.text, count(*) AS n FROM roles r
        WHERE r.entity = ? AND r.article IN (
          SELECT article FROM article_entities WHERE entity = ? ORDER BY article DESC LIMIT ?)
        GROUP BY r.key, r.text)
     SELECT (array_agg(text ORDER BY n DESC, text))[1] AS text FROM forms
      GROUP BY key ORDER BY sum(n) DESC, max(n) DESC, key LIMIT ?`,
    [entityRowId, entityRowId, ROLE_ARTICLES, limit],
  );
  return rows.map((r) => r.text);
}

export async function listEntities(sql: Sql, query: EntityQuery = {}): Promise<EntityRow[]> {
  const { limit, offset } = pageOf(query);
  const inner = await entitySql(sql, query);
  const rows = await sql.all<EntityRow & { rowid: number }>(
    `SELECT rowid, id, type, name, articles, mentions FROM (${inner.sql}) x
      ORDER BY articles DESC, mentions DESC, rowid LIMIT ? OFFSET ?`,
    [...inner.params, limit, offset],
  );
  const out: EntityRow[] = [];
  for (const { rowid, ...row } of rows) {
    out.push({ ...row, roles: await rolesOf(sql, rowid, ROLES_LISTED) });
  }
  return out;
}

export async function totalEntities(sql: Sql, query: EntityQuery = {}): Promise<number> {
  const inner = await entitySql(sql, query);
  return (
    (await sql.get<{ n: number }>(`SELECT count(*) AS n FROM (${inner.sql}) x`, inner.params))?.n ??
    0
  );
}

export async function countEntities(sql: Sql, query: EntityQuery = {}): Promise<CountRow[]> {
  const inner = await entitySql(sql, query);
  return sql.all<CountRow>(
    `SELECT type AS key, count(*) AS count FROM (${inner.sql}) x GROUP BY type ORDER BY count DESC, key`,
    inner.params,
  );
}

/** A page of every entity after `afterKey`, in the order the SQLite export gives them (by
 * key: its `ORDER BY id` names the key, aliased as id). */
export async function entityPage(sql: Sql, afterKey: string, size: number): Promise<EntityRow[]> {
  return sql.all<EntityRow>(
    `SELECT key AS id, type, name, articles, mentions FROM entities
      WHERE key > ? ORDER BY key LIMIT ?`,
    [afterKey, size],
  );
}

// ── quotes ────────────────────────────────────────────────────────────────────────────────

const QUOTE_COLUMNS = `
  q.id, q.article AS "articleId", a.document AS "documentId", d.date, d.outlet,
  e.key AS "speakerId", coalesce(ae.name, q.speaker_text) AS speaker, q.kind, q.cue,
  q.content AS text, q.span_start AS start, q.span_end AS "end"`;

const QUOTE_FROM = `
  quotes q JOIN articles a ON a.id = q.article JOIN documents d ON d.id = a.document
  LEFT JOIN entities e ON e.id = q.speaker
  LEFT JOIN article_entities ae ON ae.article = q.article AND ae.entity = q.speaker`;

async function quoteWhere(sql: Sql, query: QuoteQuery): Promise<Where> {
  const { speaker, ...filter } = query;
  const where = await addFilter(sql, new Where(), filter);
  if (speaker !== undefined) where.add(`q.speaker ${inList(await resolveEntities(sql, speaker))}`);
  if (query.kind !== undefined) where.add('q.kind = ?', query.kind);
  if (query.about !== undefined) addAbout(where, 'q.content_key', 'q.article', query.about);
  await addMentioning(sql, where, query, 'q.article', 'q.content_start', 'q.content_end');
  if (query.copies !== true) await addOncePerStory(sql, where, 'quote', filter);
  return where;
}

export async function listQuotes(sql: Sql, query: QuoteQuery = {}): Promise<QuoteRow[]> {
  const { limit, offset } = pageOf(query);
  const where = await quoteWhere(sql, query);
  return sql.all<QuoteRow>(
    `SELECT ${QUOTE_COLUMNS} FROM ${QUOTE_FROM}${where} ORDER BY q.id LIMIT ? OFFSET ?`,
    [...where.params, limit, offset],
  );
}

export async function totalQuotes(sql: Sql, query: QuoteQuery = {}): Promise<number> {
  const where = await quoteWhere(sql, query);
  return (
    (await sql.get<{ n: number }>(`SELECT count(*) AS n FROM ${QUOTE_FROM}${where}`, where.params))
      ?.n ?? 0
  );
}

const QUOTE_GROUPS: Readonly<Record<QuoteGroup, { key: string; label: string }>> = {
  speaker: {
    key: "coalesce(e.key, '?' || q.speaker_text)",
    label: 'min(coalesce(e.name, q.speaker_text))',
  },
  cue: { key: 'q.cue_key', label: 'q.cue_key' },
  kind: { key: 'q.kind', label: 'q.kind' },
  outlet: { key: 'd.outlet_key', label: "coalesce(min(d.outlet), '')" },
  date: { key: 'd.date', label: "coalesce(d.date, '')" },
};

export async function countQuotes(
  sql: Sql,
  query: QuoteQuery,
  by: QuoteGroup,
): Promise<CountRow[]> {
  const group = QUOTE_GROUPS[by];
  if (group === undefined) throw new TypeError(`countQuotes: cannot count by '${by}'`);
  const { limit, offset } = pageOf(query, 50);
  const where = await quoteWhere(sql, query);
  return sql.all<CountRow>(
    `SELECT ${group.label} AS key, count(*) AS count FROM ${QUOTE_FROM}${where}
      GROUP BY ${group.key} ORDER BY count DESC, key LIMIT ? OFFSET ?`,
    [...where.params, limit, offset],
  );
}

/** A page of the quotes a filter lets through, in id order, after `afterId`. */
export async function quotePage(
  sql: Sql,
  filter: QuoteQuery,
  afterId: number,
  size: number,
): Promise<QuoteRow[]> {
  const where = (await quoteWhere(sql, filter)).add('q.id > ?', afterId);
  return sql.all<QuoteRow>(
    `SELECT ${QUOTE_COLUMNS} FROM ${QUOTE_FROM}${where} ORDER BY q.id LIMIT ?`,
    [...where.params, size],
  );
}

// ── stances ───────────────────────────────────────────────────────────────────────────────

const STANCE_COLUMNS = `
  s.id, s.article AS "articleId", a.document AS "documentId", d.date, d.outlet,
  s.actors AS "actorIds",
  (SELECT coalesce(json_agg(coalesce(ae.name, e.name) ORDER BY j.ord), '[]'::json)
     FROM json_array_elements_text(s.actors::json) WITH ORDINALITY j(key, ord)
     JOIN entities e ON e.key = j.key
     LEFT JOIN article_entities ae ON ae.article = s.article AND ae.entity = e.id) AS actors,
  s.cue, s.class, s.plover, s.target, s.negated, s.modality,
  s.span_start AS start, s.span_end AS "end"`;

const STANCE_FROM =
  'stances s JOIN articles a ON a.id = s.article JOIN documents d ON d.id = a.document';

interface RawStance extends Omit<StanceRow, 'actorIds' | 'modality'> {
  actorIds: string;
  modality: string;
}

function toStance(row: RawStance): StanceRow {
  return { ...row, actorIds: JSON.parse(row.actorIds), modality: JSON.parse(row.modality) };
}

export async function stanceWhere(sql: Sql, query: StanceQuery): Promise<Where> {
  const where = await addFilter(sql, new Where(), query);
  if (query.actor !== undefined) {
    const ids = await resolveEntities(sql, query.actor);
    where.add(`s.id IN (SELECT stance FROM stance_actors WHERE entity ${inList(ids)})`);
  }
  if (query.class !== undefined) where.add('s.class = ?', query.class);
  if (query.negated !== undefined) where.add('s.negated = ?', query.negated);
  if (query.about !== undefined) addAbout(where, 's.target_key', 's.article', query.about);
  await addMentioning(sql, where, query, 's.article', 's.target_start', 's.target_end');
  if (query.copies !== true) await addOncePerStory(sql, where, 'stance', query);
  return where;
}

export async function listStances(sql: Sql, query: StanceQuery = {}): Promise<StanceRow[]> {
  const { limit, offset } = pageOf(query);
  const where = await stanceWhere(sql, query);
  const rows = await sql.all<RawStance>(
    `SELECT ${STANCE_COLUMNS} FROM ${STANCE_FROM}${where} ORDER BY s.id LIMIT ? OFFSET ?`,
    [...where.params, limit, offset],
  );
  return rows.map(toStance);
}

export async function totalStances(sql: Sql, query: StanceQuery = {}): Promise<number> {
  const where = await stanceWhere(sql, query);
  return (
    (await sql.get<{ n: number }>(`SELECT count(*) AS n FROM ${STANCE_FROM}${where}`, where.params))
      ?.n ?? 0
  );
}

export async function countStances(
  sql: Sql,
  query: StanceQuery,
  by: StanceGroup,
): Promise<CountRow[]> {
  const { limit, offset } = pageOf(query, 50);
  const where = await stanceWhere(sql, query);
  let from = STANCE_FROM;
  let key: string;
  let label: string;
  switch (by) {
    case 'actor':
      from += ' JOIN stance_actors sa ON sa.stance = s.id JOIN entities e ON e.id = sa.entity';
      key = 'sa.entity';
      label = 'min(e.name)';
      break;
    case 'class':
    case 'plover':
      key = `s.${by}`;
      label = key;
      break;
    case 'cue':
    case 'target':
      key = `s.${by}_key`;
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
  return sql.all<CountRow>(
    `SELECT ${label} AS key, count(*) AS count FROM ${from}${where}
      GROUP BY ${key} ORDER BY count DESC, key LIMIT ? OFFSET ?`,
    [...where.params, limit, offset],
  );
}

/** A page of the stances a filter lets through, in id order, after `afterId`. */
export async function stancePage(
  sql: Sql,
  filter: StanceQuery,
  afterId: number,
  size: number,
): Promise<StanceRow[]> {
  const where = (await stanceWhere(sql, filter)).add('s.id > ?', afterId);
  const rows = await sql.all<RawStance>(
    `SELECT ${STANCE_COLUMNS} FROM ${STANCE_FROM}${where} ORDER BY s.id LIMIT ?`,
    [...where.params, size],
  );
  return rows.map(toStance);
}

// ── articles ──────────────────────────────────────────────────────────────────────────────

/** A page of the articles a filter lets through, in id order, after `afterId`, each with
 * its reader text. */
export async function articlePage(
  sql: Sql,
  filter: ArchiveFilter,
  afterId: number,
  size: number,
): Promise<ArticleRecord[]> {
  const where = (await addFilter(sql, new Where(), filter)).add('a.id > ?', afterId);
  const rows = await sql.all<Omit<ArticleRecord, 'text'>>(
    `SELECT a.id, a.document AS "documentId", a.idx AS "index", d.source, d.outlet, d.date, d.url,
            d.external_id AS "externalId", d.script, a.headline,
            (SELECT coalesce(json_agg(e.key ORDER BY ae.mentions DESC, e.id), '[]'::json)
               FROM article_entities ae JOIN entities e ON e.id = ae.entity
              WHERE ae.article = a.id) AS entities,
            (SELECT coalesce(json_agg(k.text ORDER BY k.rank), '[]'::json)
               FROM keywords k WHERE k.article = a.id) AS keywords
       FROM articles a JOIN documents d ON d.id = a.document${where} ORDER BY a.id LIMIT ?`,
    [...where.params, size],
  );
  const out: ArticleRecord[] = [];
  const texts = new Map<number, string>();
  for (const row of rows) {
    let text = texts.get(row.documentId);
    if (text === undefined) {
      text =
        (
          await sql.get<{ text: string }>('SELECT text FROM document_texts WHERE document = ?', [
            row.documentId,
          ])
        )?.text ?? '';
      texts.set(row.documentId, text);
    }
    const blocks = await readBlocks(sql, row.id, text);
    out.push({ ...row, text: blocks.map((b) => b.text).join('\n') });
  }
  return out;
}
