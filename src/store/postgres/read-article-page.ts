import type { ArticleMeta, ArticleNode, PageNode, SourceInfo } from '../../tree/types.ts';
import type { Sql } from './connection.ts';
import { type ArticleRow, readAnnotations, readBlocks } from './read-article.ts';

/**
 * One stored article as a page tree of its own (see sqlite/read-article-page.ts): the
 * document's whole text, the article's blocks, and its annotations with entity ids.
 */
export async function readArticlePage(sql: Sql, id: number): Promise<PageNode | undefined> {
  if (!Number.isInteger(id) || id < 0 || id > 2_147_483_647) return undefined;
  const article = await sql.get<ArticleRow>(
    'SELECT id, document, idx, span_start, span_end, annotated, dates, summary, meta FROM articles WHERE id = ?',
    [id],
  );
  if (article === undefined) return undefined;
  const doc = await sql.get<{ info: string; encoding: string; script: string; text: string }>(
    `SELECT d.info, d.encoding, d.script, t.text FROM documents d
       JOIN document_texts t ON t.document = d.id WHERE d.id = ?`,
    [article.document],
  );
  if (doc === undefined) return undefined;
  const node: ArticleNode = {
    type: 'article',
    start: article.span_start,
    end: article.span_end,
    children: await readBlocks(sql, id, doc.text),
    ...(article.annotated ? { annotations: await readAnnotations(sql, article) } : {}),
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
