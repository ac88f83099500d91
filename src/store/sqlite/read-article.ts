import type Database from 'better-sqlite3';
import { toArticleView } from '../../render/index.ts';
import type {
  ArticleAnnotations,
  Entity,
  EntityType,
  Mention,
  MentionKind,
  Quote,
  Role,
  Stance,
  StanceClass,
} from '../../tree/annotations.ts';
import type {
  ArticleMeta,
  ArticleNode,
  BlockNode,
  Encoding,
  PageNode,
  Range,
  Script,
  SourceInfo,
} from '../../tree/types.ts';
import type { RepeatedPassage, StoredArticle, StoredDocument } from '../types.ts';
import { prepared } from './statements.ts';
import { piecesText } from './write-document.ts';

export interface DocumentRow {
  id: number;
  hash: string;
  source: string;
  outlet: string | null;
  date: string | null;
  url: string | null;
  external_id: string | null;
  bytes: number;
  encoding: Encoding;
  script: Script;
  stored_at: string;
}

/** A document row as the API shows it. */
export function toStoredDocument(row: DocumentRow): StoredDocument {
  return {
    id: row.id,
    hash: row.hash,
    source: row.source,
    outlet: row.outlet,
    date: row.date,
    url: row.url,
    externalId: row.external_id,
    bytes: row.bytes,
    encoding: row.encoding,
    script: row.script,
    storedAt: row.stored_at,
  };
}

export interface ArticleRow {
  id: number;
  document: number;
  idx: number;
  span_start: number;
  span_end: number;
  annotated: number;
  dates: string | null;
  summary: string | null;
  /** JSON ArticleMeta (schema 4 on), null for text pages. */
  meta: string | null;
}

/**
 * Reads one article back into the tree it was stored from (its blocks, and its annotations
 * but the tokens, which the archive does not keep) and turns it into the article view, so
 * `show` prints what `jiedu parse --annotate` printed for it.
 */
export function readArticle(db: Database.Database, id: number): StoredArticle | undefined {
  const article = db
    .prepare<[number], ArticleRow>(
      'SELECT id, document, idx, span_start, span_end, annotated, dates, summary, meta FROM articles WHERE id = ?',
    )
    .get(id);
  if (article === undefined) return undefined;
  const doc = db
    .prepare<[number], DocumentRow & { info: string; text: string }>(
      'SELECT d.*, t.text FROM documents d JOIN document_texts t ON t.document = d.id WHERE d.id = ?',
    )
    .get(article.document);
  if (doc === undefined) return undefined;
  const children = readBlocks(db, id, doc.text);
  const node: ArticleNode = {
    type: 'article',
    start: article.span_start,
    end: article.span_end,
    children,
    ...(article.annotated === 1 ? { annotations: readAnnotations(db, article) } : {}),
    ...(article.meta === null ? {} : { meta: JSON.parse(article.meta) as ArticleMeta }),
  };
  const source = {
    ...JSON.parse(doc.info),
    encoding: doc.encoding,
    script: doc.script,
  } as SourceInfo;
  const page: PageNode = {
    type: 'page',
    start: 0,
    end: doc.text.length,
    text: doc.text,
    source,
    children: [node],
    diagnostics: [],
  };
  const repeats = db
    .prepare<[number], RepeatedPassage>(
      `SELECT block, span_start AS start, span_end AS "end", first AS article
         FROM passage_repeats WHERE article = ? ORDER BY block`,
    )
    .all(id);
  return {
    id,
    document: toStoredDocument(doc),
    index: article.idx,
    view: toArticleView(page),
    repeats,
  };
}

/** An article's blocks as the tree had them, texts rebuilt from the document where the
 * archive did not store them. */
export function readBlocks(db: Database.Database, articleId: number, text: string): BlockNode[] {
  const rows = prepared(
    db,
    'SELECT type, span_start, span_end, text, data FROM blocks WHERE article = ? ORDER BY idx',
  ).all(articleId) as {
    type: string;
    span_start: number;
    span_end: number;
    text: string | null;
    data: string;
  }[];
  return rows.map((b) => {
    const data = JSON.parse(b.data) as { pieces: Range[] };
    return {
      type: b.type,
      start: b.span_start,
      end: b.span_end,
      text: b.text ?? piecesText(text, data.pieces),
      ...data,
    } as BlockNode;
  });
}

export function readAnnotations(db: Database.Database, article: ArticleRow): ArticleAnnotations {
  const id = article.id;
  const entities: Entity[] = db
    .prepare<[number], { key: string; type: EntityType; name: string }>(
      `SELECT e.key, e.type, ae.name FROM article_entities ae JOIN entities e ON e.id = ae.entity
        WHERE ae.article = ? ORDER BY e.id`,
    )
    .all(id)
    .map((e) => ({ id: e.key, type: e.type, canonical: e.name }));
  const mentions: Mention[] = [];
  const rows = db
    .prepare<
      [number],
      { span_start: number; span_end: number; key: string; kind: MentionKind; text: string }
    >(
      `SELECT m.span_start, m.span_end, e.key, m.kind, m.text FROM mentions m
         JOIN entities e ON e.id = m.entity WHERE m.article = ? ORDER BY m.span_start, m.span_end`,
    )
    .all(id);
  for (const m of rows) {
    const last = mentions[mentions.length - 1];
    // A group mention (雙方) is stored once per entity it refers to.
    if (last !== undefined && last.start === m.span_start && last.end === m.span_end) {
      last.refersTo.push(m.key);
    } else {
      mentions.push({
        start: m.span_start,
        end: m.span_end,
        text: m.text,
        kind: m.kind,
        refersTo: [m.key],
      });
    }
  }
  const quotes: Quote[] = db
    .prepare<
      [number],
      {
        span_start: number;
        span_end: number;
        key: string | null;
        speaker_text: string;
        kind: 'direct' | 'reported';
        cue: string;
        content_start: number;
        content_end: number;
        content: string;
      }
    >(
      `SELECT q.span_start, q.span_end, e.key, q.speaker_text, q.kind, q.cue, q.content_start,
              q.content_end, q.content
         FROM quotes q LEFT JOIN entities e ON e.id = q.speaker WHERE q.article = ? ORDER BY q.idx`,
    )
    .all(id)
    .map((q) => ({
      start: q.span_start,
      end: q.span_end,
      speaker: q.key,
      speakerText: q.speaker_text,
      kind: q.kind,
      cue: q.cue,
      content: { start: q.content_start, end: q.content_end, text: q.content },
    }));
  const stances: Stance[] = db
    .prepare<
      [number],
      {
        span_start: number;
        span_end: number;
        actors: string;
        cue: string;
        class: StanceClass;
        plover: string;
        target_start: number;
        target_end: number;
        target: string;
        negated: number;
        modality: string;
      }
    >('SELECT * FROM stances WHERE article = ? ORDER BY idx')
    .all(id)
    .map((s) => ({
      start: s.span_start,
      end: s.span_end,
      actors: JSON.parse(s.actors),
      cue: s.cue,
      class: s.class,
      plover: s.plover,
      target: { start: s.target_start, end: s.target_end, text: s.target },
      negated: s.negated === 1,
      modality: JSON.parse(s.modality),
    }));
  const roles: Role[] = db
    .prepare<[number], Role>(
      `SELECT r.span_start AS start, r.span_end AS "end", r.text, e.key AS entity
         FROM roles r JOIN entities e ON e.id = r.entity WHERE r.article = ? ORDER BY r.span_start`,
    )
    .all(id);
  const keywords = db
    .prepare<[number], { text: string; score: number }>(
      'SELECT text, score FROM keywords WHERE article = ? ORDER BY rank',
    )
    .all(id);
  return {
    tokens: [],
    entities,
    mentions,
    quotes,
    stances,
    dates: article.dates === null ? [] : JSON.parse(article.dates),
    roles,
    keywords,
    summary: article.summary === null ? [] : JSON.parse(article.summary),
  };
}
