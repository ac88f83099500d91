import type { Range } from '../../tree/types.ts';
import type { TextView } from '../../tree/view.ts';
import { type ArticleSpans, articleText } from '../article-text.ts';
import { makeSnippet } from '../search/highlight.ts';
import type {
  ArchiveFilter,
  CooccurrenceRow,
  EntityDetail,
  EntityMention,
  EntityOptions,
  EntityRow,
  Page,
} from '../types.ts';
import type { Sql } from './connection.ts';
import { addFilter, inList, pageOf, resolveEntities, Where } from './filters.ts';
import { rolesOf } from './read-lists.ts';

/** One entity seen from the archive (see sqlite/read-entity.ts). */

const NAME_ARTICLES = 1000;
const COOCCURRENCE_ARTICLES = 1000;
const ENTITY_ROLES = 8;
const SNIPPET_LENGTH = 80;

export async function getEntity(
  sql: Sql,
  name: string,
  options: EntityOptions = {},
): Promise<EntityDetail | undefined> {
  const id = (await resolveEntities(sql, name))[0];
  if (id === undefined) return undefined;
  const counts =
    options.copies === true
      ? 'articles, mentions'
      : 'stories AS articles, story_mentions AS mentions';
  const row = await sql.get<EntityRow>(
    `SELECT key AS id, type, name, ${counts} FROM entities WHERE id = ?`,
    [id],
  );
  if (row === undefined) return undefined;
  const names = (
    await sql.all<{ name: string }>(
      `WITH recent AS (
         SELECT article FROM article_entities WHERE entity = ? ORDER BY article DESC LIMIT ?
       )
       SELECT name FROM (
         SELECT ae.name AS name, ae.mentions AS n FROM article_entities ae
          WHERE ae.entity = ? AND ae.article IN (SELECT article FROM recent)
         UNION ALL
         SELECT m.text AS name, 1 AS n FROM mentions m
          WHERE m.article IN (SELECT article FROM recent) AND m.entity = ? AND m.kind <> 'pronoun'
            AND NOT EXISTS (SELECT 1 FROM mentions g WHERE g.article = m.article
                  AND g.span_start = m.span_start AND g.span_end = m.span_end AND g.entity <> m.entity)
       ) x GROUP BY name ORDER BY sum(n) DESC, name`,
      [id, NAME_ARTICLES, id, id],
    )
  ).map((r) => r.name);
  if (!names.includes(row.name)) names.push(row.name);
  return { ...row, names, roles: await rolesOf(sql, id, ENTITY_ROLES) };
}

interface MentionArticle {
  id: number;
  document: number;
  headline: string;
  date: string | null;
  outlet: string | null;
  spans: string;
  text: string;
}

function toViewRange(view: TextView, range: Range): Range | undefined {
  let start = -1;
  let end = -1;
  for (let i = 0; i < view.text.length; i++) {
    const s = view.starts[i] as number;
    const e = view.ends[i] as number;
    if (s >= range.start && e <= range.end && e > s) {
      if (start < 0) start = i;
      end = i + 1;
    } else if (s >= range.end) {
      break;
    }
  }
  return start < 0 ? undefined : { start, end };
}

/** The filter's clauses on the copies `a2` of an article `a`, and their parameters. */
async function onCopies(sql: Sql, filter: ArchiveFilter) {
  const inner = await addFilter(sql, new Where(), filter);
  return {
    clauses: inner.clauses.map((c) => `AND ${c.replace(/\ba\./g, 'a2.')}`).join(' '),
    params: inner.params,
  };
}

/** Articles that mention an entity, newest first, with a snippet around its mentions; a
 * story once (its newest copy: see sqlite/read-entity.ts), unless `copies`. */
export async function entityMentions(
  sql: Sql,
  entity: string,
  query: ArchiveFilter & Page & EntityOptions = {},
): Promise<EntityMention[]> {
  const { limit, offset } = pageOf(query);
  const ids = inList(await resolveEntities(sql, entity));
  const { copies, limit: _limit, offset: _offset, ...filter } = query;
  const where = (await addFilter(sql, new Where(), filter)).add(
    `EXISTS (SELECT 1 FROM article_entities ae WHERE ae.article = a.id AND ae.entity ${ids})`,
  );
  const copiesOf = copies === true ? undefined : await onCopies(sql, filter);
  if (copiesOf !== undefined) {
    where.add(
      `(a.story IS NULL OR NOT EXISTS (
          SELECT 1 FROM articles a2
           WHERE a2.story = a.story AND a2.id <> a.id
             AND (coalesce(a2.date, '') > coalesce(a.date, '')
                  OR (coalesce(a2.date, '') = coalesce(a.date, '') AND a2.id > a.id))
             AND EXISTS (SELECT 1 FROM article_entities ae2 WHERE ae2.article = a2.id AND ae2.entity ${ids})
             ${copiesOf.clauses}))`,
      ...copiesOf.params,
    );
  }
  const articles = await sql.all<MentionArticle>(
    `WITH page AS (
       SELECT a.id FROM articles a${where}
        ORDER BY a.date DESC NULLS LAST, a.id DESC LIMIT ? OFFSET ?)
     SELECT a.id, a.document, a.headline, a.date, d.outlet, a.spans, t.text
       FROM page JOIN articles a ON a.id = page.id
       JOIN documents d ON d.id = a.document
       JOIN document_texts t ON t.document = a.document
      ORDER BY a.date DESC NULLS LAST, a.id DESC`,
    [...where.params, limit, offset],
  );
  const out: EntityMention[] = [];
  for (const a of articles) {
    const spans = await sql.all<Range>(
      `SELECT DISTINCT span_start AS start, span_end AS "end" FROM mentions
        WHERE article = ? AND entity ${ids} ORDER BY span_start`,
      [a.id],
    );
    const view = articleText(a.text, JSON.parse(a.spans) as ArticleSpans);
    const found = spans.map((r) => toViewRange(view, r)).filter((r) => r !== undefined);
    const bodyStart = a.headline === '' ? 0 : view.text.indexOf('\n') + 1;
    out.push({
      articleId: a.id,
      documentId: a.document,
      headline: a.headline,
      date: a.date,
      outlet: a.outlet,
      snippet: makeSnippet(view.text, found, SNIPPET_LENGTH, Math.max(0, bodyStart)),
      ...(copiesOf === undefined ? {} : await spreadOf(sql, a.id, ids, copiesOf)),
    });
  }
  return out;
}

/** How many copies of an article's story mention the entity (and pass the filter), in how
 * many outlets. */
async function spreadOf(
  sql: Sql,
  articleId: number,
  ids: string,
  copiesOf: { clauses: string; params: unknown[] },
): Promise<{ copies: number; outlets: number }> {
  const row = await sql.get<{ copies: number; outlets: number }>(
    `SELECT count(*)::int AS copies, count(DISTINCT a2.outlet_key)::int AS outlets
       FROM articles a JOIN articles a2 ON a2.story = a.story
      WHERE a.id = ? AND EXISTS (SELECT 1 FROM article_entities ae2
                                  WHERE ae2.article = a2.id AND ae2.entity ${ids}) ${copiesOf.clauses}`,
    [articleId, ...copiesOf.params],
  );
  return row === undefined || row.copies === 0 ? { copies: 1, outlets: 1 } : row;
}

/** Entities that share articles with `entity`, most shared first. */
export async function cooccurring(
  sql: Sql,
  entity: string,
  query: ArchiveFilter & Page = {},
): Promise<CooccurrenceRow[]> {
  const { limit, offset } = pageOf(query);
  const ids = inList(await resolveEntities(sql, entity));
  const where = (await addFilter(sql, new Where(), query)).add(`ae.entity ${ids}`);
  return sql.all<CooccurrenceRow>(
    `WITH recent AS (
       SELECT DISTINCT ae.article FROM article_entities ae
         JOIN articles a ON a.id = ae.article${where}
        ORDER BY ae.article DESC LIMIT ?
     )
     SELECT e.key AS id, e.type, e.name, count(*) AS articles
       FROM article_entities other JOIN entities e ON e.id = other.entity
      WHERE other.article IN (SELECT article FROM recent) AND other.entity NOT ${ids}
      GROUP BY e.id ORDER BY articles DESC, e.id LIMIT ? OFFSET ?`,
    [...where.params, COOCCURRENCE_ARTICLES, limit, offset],
  );
}

export async function documentText(sql: Sql, documentId: number): Promise<string | undefined> {
  if (!Number.isInteger(documentId) || documentId < 0 || documentId > 2_147_483_647)
    return undefined;
  return (
    await sql.get<{ text: string }>('SELECT text FROM document_texts WHERE document = ?', [
      documentId,
    ])
  )?.text;
}

export async function documentArticles(sql: Sql, documentId: number): Promise<number[]> {
  if (!Number.isInteger(documentId) || documentId < 0 || documentId > 2_147_483_647) return [];
  return (
    await sql.all<{ id: number }>('SELECT id FROM articles WHERE document = ? ORDER BY idx', [
      documentId,
    ])
  ).map((r) => r.id);
}
