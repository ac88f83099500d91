import type Database from 'better-sqlite3';
import type { ArticleMeta, ArticleNode, PageNode, SourceInfo } from '../../tree/types.ts';
import { type ArticleRow, readAnnotations, readBlocks } from './read-article.ts';

/**
 * One stored article as a page tree of its own: the document's whole text (every offset
 * indexes it), the article's blocks, and its annotations with entity ids (the tokens aside,
 * which the archive does not keep). What compare reads an archive article as.
 */
export function readArticlePage(db: Database.Database, id: number): PageNode | undefined {
  const article = db
    .prepare<[number], ArticleRow>(
      'SELECT id, document, idx, span_start, span_end, annotated, dates, summary, meta FROM articles WHERE id = ?',
    )
    .get(id);
  if (article === undefined) return undefined;
  const doc = db
    .prepare<[number], { info: string; encoding: string; script: string; text: string }>(
      `SELECT d.info, d.encoding, d.script, t.text FROM documents d
         JOIN document_texts t ON t.document = d.id WHERE d.id = ?`,
    )
    .get(article.document);
  if (doc === undefined) return undefined;
  const node: ArticleNode = {
    type: 'article',
    start: article.span_start,
    end: article.span_end,
    children: readBlocks(db, id, doc.text),
    ...(article.annotated === 1 ? { annotations: readAnnotations(db, article) } : {}),
    ...(article.meta === null ? {} : { meta: JSON.parse(article.meta) as ArticleMeta }),
  };
  return {
    type: 'page',
    start: 0,
    end: doc.text.length,
    text: doc.text,
    source: { ...JSON.parse(doc.info), encoding: doc.encoding, script: doc.script } as SourceInfo,
    children: [node],
    diagnostics: [],
  };
}
