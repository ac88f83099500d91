import { toArticleView } from '../../render/index.ts';
import type {
  ArticleAnnotations,
  EntityType,
  Mention,
  MentionKind,
  Role,
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
import { toStoredDocument } from '../sqlite/read-article.ts';
import { piecesText } from '../sqlite/write-document.ts';
import type { RepeatedPassage, StoredArticle } from '../types.ts';
import type { Sql } from './connection.ts';

/** One article read back into its tree and article view (see sqlite/read-article.ts). */

export interface ArticleRow {
  id: number;
  document: number;
  idx: number;
  span_start: number;
  span_end: number;
  annotated: boolean;
  dates: string | null;
  summary: string | null;
  meta: string | null;
}

interface DocumentRow {
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
  info: string;
  text: string;
}

export async function readArticle(sql: Sql, id: number): Promise<StoredArticle | undefined> {
  if (!Number.isInteger(id) || id < 0 || id > 2_147_483_647) return undefined;
  const article = await sql.get<ArticleRow>(
    'SELECT id, document, idx, span_start, span_end, annotated, dates, summary, meta FROM articles WHERE id = ?',
    [id],
  );
  if (article === undefined) return undefined;
  const doc = await sql.get<DocumentRow>(
    `SELECT d.id, d.hash, d.source, d.outlet, d.date, d.url, d.external_id, d.bytes, d.encoding,
            d.script, d.stored_at, d.info, t.text
       FROM documents d JOIN document_texts t ON t.document = d.id WHERE d.id = ?`,
    [article.document],
  );
  if (doc === undefined) return undefined;
  const children = await readBlocks(sql, id, doc.text);
  const node: ArticleNode = {
    type: 'article',
    start: article.span_start,
    end: article.span_end,
    children,
    ...(article.annotated ? { annotations: await readAnnotations(sql, article) } : {}),
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
  const repeats = await sql.all<RepeatedPassage>(
    `SELECT block, span_start AS start, span_end AS "end", first AS article
       FROM passage_repeats WHERE article = ? ORDER BY block`,
    [id],
  );
  return {
    id,
    document: toStoredDocument(doc),
    index: article.idx,
    view: toArticleView(page),
    repeats,
  };
}

/** An article's blocks, texts rebuilt from the document where they were not stored. */
export async function readBlocks(sql: Sql, articleId: number, text: string): Promise<BlockNode[]> {
  const rows = await sql.all<{
    type: string;
    span_start: number;
    span_end: number;
    text: string | null;
    data: string;
  }>('SELECT type, span_start, span_end, text, data FROM blocks WHERE article = ? ORDER BY idx', [
    articleId,
  ]);
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

export async function readAnnotations(sql: Sql, article: ArticleRow): Promise<ArticleAnnotations> {
  const id = article.id;
  const entities = (
    await sql.all<{ key: string; type: EntityType; name: string }>(
      `SELECT e.key, e.type, ae.name FROM article_entities ae JOIN entities e ON e.id = ae.entity
        WHERE ae.article = ? ORDER BY e.id`,
      [id],
    )
  ).map((e) => ({ id: e.key, type: e.type, canonical: e.name }));
  const mentions: Mention[] = [];
  const rows = await sql.all<{
    span_start: number;
    span_end: number;
    key: string;
    kind: MentionKind;
    text: string;
  }>(
    `SELECT m.span_start, m.span_end, e.key, m.kind, m.text FROM mentions m
       JOIN entities e ON e.id = m.entity WHERE m.article = ?
      ORDER BY m.span_start, m.span_end, m.entity`,
    [id],
  );
  for (const m of rows) {
    const last = mentions[mentions.length - 1];
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
  const quotes = (
    await sql.all<{
      span_start: number;
      span_end: number;
      key: string | null;
      speaker_text: string;
      kind: 'direct' | 'reported';
      cue: string;
      content_start: number;
      content_end: number;
      content: string;
    }>(
      `SELECT q.span_start, q.span_end, e.key, q.speaker_text, q.kind, q.cue, q.content_start,
              q.content_end, q.content
         FROM quotes q LEFT JOIN entities e ON e.id = q.speaker WHERE q.article = ? ORDER BY q.idx`,
      [id],
    )
  ).map((q) => ({
    start: q.span_start,
    end: q.span_end,
    speaker: q.key,
    speakerText: q.speaker_text,
    kind: q.kind,
    cue: q.cue,
    content: { start: q.content_start, end: q.content_end, text: q.content },
  }));
  const stances = (
    await sql.all<{
      span_start: number;
      span_end: number;
      actors: string;
      cue: string;
      class: StanceClass;
      plover: string;
      target_start: number;
      target_end: number;
      target: string;
      negated: boolean;
      modality: string;
    }>('SELECT * FROM stances WHERE article = ? ORDER BY idx', [id])
  ).map((s) => ({
    start: s.span_start,
    end: s.span_end,
    actors: JSON.parse(s.actors),
    cue: s.cue,
    class: s.class,
    plover: s.plover,
    target: { start: s.target_start, end: s.target_end, text: s.target },
    negated: s.negated,
    modality: JSON.parse(s.modality),
  }));
  const roles = await sql.all<Role>(
    `SELECT r.span_start AS start, r.span_end AS "end", r.text, e.key AS entity
       FROM roles r JOIN entities e ON e.id = r.entity WHERE r.article = ? ORDER BY r.span_start`,
    [id],
  );
  const keywords = await sql.all<{ text: string; score: number }>(
    'SELECT text, score FROM keywords WHERE article = ? ORDER BY rank',
    [id],
  );
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
