import type Database from 'better-sqlite3';
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
import { addFilter, inList, pageOf, resolveEntities, Where } from './filters.ts';
import { rolesOf } from './read-lists.ts';
import { prepared } from './statements.ts';

/**
 * One entity seen from the archive: the names pages gave it, the articles that mention it
 * (with the text around the mentions) and the entities that share its articles. Each
 * query starts from the entity's articles (article_entities by entity, an index), so its
 * cost follows how much is written about the entity, and each is bounded to its newest
 * articles where a much-mentioned entity (中国) would otherwise read the whole archive.
 */

/** Articles whose mentions give an entity's names. */
const NAME_ARTICLES = 1000;
/** Articles whose entities are counted as co-occurring. */
const COOCCURRENCE_ARTICLES = 1000;
/** Roles an entity page lists. */
const ENTITY_ROLES = 8;
/** Characters of text in a mention snippet. */
const SNIPPET_LENGTH = 80;

/** One entity by id or canonical name, with its names; undefined when unknown. */
export function getEntity(
  db: Database.Database,
  name: string,
  options: EntityOptions = {},
): EntityDetail | undefined {
  const ids = resolveEntities(db, name);
  const id = ids[0];
  if (id === undefined) return undefined;
  const counts =
    options.copies === true
      ? 'articles, mentions'
      : 'stories AS articles, story_mentions AS mentions';
  const row = prepared(
    db,
    `SELECT key AS id, type, name, ${counts} FROM entities WHERE id = ?`,
  ).get(id) as EntityRow | undefined;
  if (row === undefined) return undefined;
  const names = prepared(
    db,
    `WITH recent AS (
       SELECT article FROM article_entities WHERE entity = @id ORDER BY article DESC LIMIT @limit
     )
     SELECT name FROM (
       SELECT ae.name AS name, ae.mentions AS n FROM article_entities ae
        WHERE ae.entity = @id AND ae.article IN recent
       UNION ALL
       SELECT m.text AS name, 1 AS n FROM mentions m
        WHERE m.article IN recent AND m.entity = @id AND m.kind <> 'pronoun'
          -- 雙方, 兩國: a group reference names no one entity.
          AND NOT EXISTS (SELECT 1 FROM mentions g WHERE g.article = m.article
                AND g.span_start = m.span_start AND g.span_end = m.span_end AND g.entity <> m.entity)
     ) GROUP BY name ORDER BY sum(n) DESC, name`,
  )
    .all({ id, limit: NAME_ARTICLES })
    .map((r) => (r as { name: string }).name);
  // The canonical (Simplified) name is always among them, even for an entity only ever
  // written in Traditional.
  if (!names.includes(row.name)) names.push(row.name);
  return { ...row, names, roles: rolesOf(db, id, ENTITY_ROLES) };
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

/** Where in `view.text` a range of its source lies: the units that came from inside it. */
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

/** Entities written about in more articles than this are frequent: the list of their
 * mentions walks the articles in date order and stops at its page, rather than gathering
 * and sorting all of them. */
const FREQUENT = 2000;

/** A connection's own threshold, for tests of the frequent path on a small archive. */
const thresholds = new WeakMap<Database.Database, number>();

/** Sets the article count above which an entity counts as frequent on this connection. */
export function setFrequentThreshold(db: Database.Database, articles: number): void {
  if (!Number.isInteger(articles) || articles < 0) {
    throw new TypeError('openStore: `frequentEntity` must be a whole number');
  }
  thresholds.set(db, articles);
}

/** Whether these entities together are in more articles than the frequent threshold. */
function isFrequent(db: Database.Database, ids: readonly number[]): boolean {
  if (ids.length === 0) return false;
  const row = db
    .prepare(`SELECT coalesce(sum(articles), 0) AS n FROM entities WHERE id ${inList(ids)}`)
    .get() as { n: number };
  return row.n > (thresholds.get(db) ?? FREQUENT);
}

/**
 * Adds that an article counts for its story only when no copy of the story that comes
 * before it in the list (newer, or as new with a greater id), mentions the entity and
 * passes the filter: each story is its newest copy. Dates sort as the list does, no date
 * last.
 */
function addNewestCopy(db: Database.Database, where: Where, filter: ArchiveFilter, ids: string) {
  const inner = addFilter(db, new Where(), filter);
  const clauses = inner.clauses.map((c) => `AND ${c.replace(/\ba\./g, 'a2.')}`).join(' ');
  where.add(
    `(a.story IS NULL OR NOT EXISTS (
        SELECT 1 FROM articles a2
         WHERE a2.story = a.story AND a2.id <> a.id
           AND (coalesce(a2.date, '') > coalesce(a.date, '')
                OR (coalesce(a2.date, '') = coalesce(a.date, '') AND a2.id > a.id))
           AND EXISTS (SELECT 1 FROM article_entities ae2 WHERE ae2.article = a2.id AND ae2.entity ${ids})
           ${clauses}))`,
    ...inner.params,
  );
}

interface Spread {
  copies: number;
  outlets: number;
}

/** Articles that mention an entity, newest first, with a snippet around its mentions; a
 * story once (its newest copy), unless `copies`. */
export function entityMentions(
  db: Database.Database,
  entity: string,
  query: ArchiveFilter & Page & EntityOptions = {},
): EntityMention[] {
  const { limit, offset } = pageOf(query);
  const resolved = resolveEntities(db, entity);
  const ids = inList(resolved);
  const { copies, limit: _limit, offset: _offset, ...filter } = query;
  const where = addFilter(db, new Where(), filter);
  if (copies !== true) addNewestCopy(db, where, filter, ids);
  // The page's ids first, then their texts: a document's text is read for the page only
  // (CROSS JOIN keeps SQLite from scanning the articles and probing the page instead).
  // A rare entity: its articles (an index lookup), sorted by date. A frequent one: the
  // articles by date (an index), each checked, until the page is full.
  const pick = isFrequent(db, resolved)
    ? `SELECT a.id FROM articles a${where.add(
        `EXISTS (SELECT 1 FROM article_entities ae WHERE ae.article = a.id AND ae.entity ${ids})`,
      )} ORDER BY a.date DESC, a.id DESC LIMIT ? OFFSET ?`
    : `SELECT DISTINCT a.id FROM article_entities ae JOIN articles a ON a.id = ae.article${where.add(
        `ae.entity ${ids}`,
      )} ORDER BY a.date DESC, a.id DESC LIMIT ? OFFSET ?`;
  const articles = db
    .prepare(
      `WITH page AS (${pick})
       SELECT a.id, a.document, a.headline, a.date, d.outlet, a.spans, t.text
         FROM page CROSS JOIN articles a ON a.id = page.id
         JOIN documents d ON d.id = a.document
         JOIN document_texts t ON t.document = a.document
        ORDER BY a.date DESC, a.id DESC`,
    )
    .all(...where.params, limit, offset) as MentionArticle[];
  const spansOf = db.prepare<[number], Range>(
    `SELECT DISTINCT span_start AS start, span_end AS "end" FROM mentions
      WHERE article = ? AND entity ${ids} ORDER BY span_start`,
  );
  // How many copies of each story listed mention it (and pass the filter), in how many outlets.
  const spread = (() => {
    if (copies === true) return () => ({});
    const inner = addFilter(db, new Where(), filter);
    const clauses = inner.clauses.map((c) => `AND ${c.replace(/\ba\./g, 'a2.')}`).join(' ');
    const statement = db.prepare<unknown[], Spread>(
      `SELECT count(*) AS copies, count(DISTINCT a2.outlet_key) AS outlets
         FROM articles a JOIN articles a2 ON a2.story = a.story
        WHERE a.id = ? AND EXISTS (SELECT 1 FROM article_entities ae2
                                    WHERE ae2.article = a2.id AND ae2.entity ${ids}) ${clauses}`,
    );
    return (id: number): Spread => {
      const row = statement.get(id, ...inner.params);
      return row === undefined || row.copies === 0 ? { copies: 1, outlets: 1 } : row;
    };
  })();
  return articles.map((a) => {
    const view = articleText(a.text, JSON.parse(a.spans) as ArticleSpans);
    const found = spansOf
      .all(a.id)
      .map((r) => toViewRange(view, r))
      .filter((r) => r !== undefined);
    const bodyStart = a.headline === '' ? 0 : view.text.indexOf('\n') + 1;
    return {
      articleId: a.id,
      documentId: a.document,
      headline: a.headline,
      date: a.date,
      outlet: a.outlet,
      snippet: makeSnippet(view.text, found, SNIPPET_LENGTH, Math.max(0, bodyStart)),
      ...spread(a.id),
    };
  });
}

/** Entities that share articles with `entity`, most shared first. */
export function cooccurring(
  db: Database.Database,
  entity: string,
  query: ArchiveFilter & Page = {},
): CooccurrenceRow[] {
  const { limit, offset } = pageOf(query);
  const ids = inList(resolveEntities(db, entity));
  const where = addFilter(db, new Where(), query).add(`ae.entity ${ids}`);
  return db
    .prepare(
      `WITH recent AS (
         SELECT DISTINCT ae.article FROM article_entities ae
           JOIN articles a ON a.id = ae.article${where}
          ORDER BY ae.article DESC LIMIT ?
       )
       SELECT e.key AS id, e.type, e.name, count(*) AS articles
         FROM article_entities other JOIN entities e ON e.id = other.entity
        WHERE other.article IN recent AND other.entity NOT ${ids}
        GROUP BY other.entity ORDER BY articles DESC, e.id LIMIT ? OFFSET ?`,
    )
    .all(...where.params, COOCCURRENCE_ARTICLES, limit, offset) as CooccurrenceRow[];
}

/** A document's decoded text. */
export function documentText(db: Database.Database, documentId: number): string | undefined {
  const row = prepared(db, 'SELECT text FROM document_texts WHERE document = ?').get(documentId) as
    | { text: string }
    | undefined;
  return row?.text;
}

/** A document's article ids, in page order. */
export function documentArticles(db: Database.Database, documentId: number): number[] {
  return prepared(db, 'SELECT id FROM articles WHERE document = ? ORDER BY idx')
    .all(documentId)
    .map((r) => (r as { id: number }).id);
}
