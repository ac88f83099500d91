import { simplifiedView, toSimplified } from '../../normalize/index.ts';
import type { ArticleAnnotations } from '../../tree/annotations.ts';
import type { ArticleNode } from '../../tree/types.ts';
import { articleSpans, articleText } from '../article-text.ts';
import { articlePassages } from '../passages.ts';
import { indexStream } from '../search/index-stream.ts';
import { storyKey } from '../sqlite/once-per-story.ts';
import { isArchiveDate, outletKey, piecesText } from '../sqlite/write-document.ts';
import { headlineOf, type PreparedArticle, storyInput } from '../story-input.ts';
import type { DocumentInput, PutResult } from '../types.ts';
import type { Sql } from './connection.ts';
import { joinStory } from './join-story.ts';
import { markPassages } from './mark-passages.ts';
import { indexArticle, streamVector } from './search-index.ts';

/**
 * Stores documents in PostgreSQL: the rows sqlite/write-document.ts writes, the rows of each
 * table of an article in one statement (arrays unnested). Writers take a transaction-level
 * advisory lock first, so that any number of processes (the workers of a queue) write one
 * document at a time, in commit order: a document's hash is checked under the lock (never
 * stored twice), entity counters never deadlock, and a copy of a story always sees the copy
 * stored before it. Parsing and annotating, the slow part of ingest, run in parallel
 * before it.
 */

/** The advisory lock every writer holds for the length of its transaction. */
export const WRITE_LOCK = 0x6a696457;

/** Checks a document as the SQLite store does, with the same messages. */
export function checkInput(doc: DocumentInput): void {
  if (doc === null || typeof doc !== 'object') {
    throw new TypeError('putDocument: `doc` must be a DocumentInput');
  }
  if (typeof doc.hash !== 'string' || doc.hash === '') {
    throw new TypeError('putDocument: `doc.hash` must be a non-empty string');
  }
  if (typeof doc.source !== 'string')
    throw new TypeError('putDocument: `doc.source` must be a string');
  if (doc.page?.type !== 'page') throw new TypeError('putDocument: `doc.page` must be a PageNode');
  if (
    doc.prepared !== undefined &&
    (!Array.isArray(doc.prepared) || doc.prepared.length !== doc.page.children.length)
  ) {
    throw new TypeError('putDocument: `doc.prepared` must give one entry per article');
  }
  if (doc.date !== undefined && !isArchiveDate(doc.date)) {
    throw new TypeError(
      `putDocument: \`doc.date\` must be YYYY-MM-DD, YYYY-MM or YYYY, not '${doc.date}'`,
    );
  }
}

/** PostgreSQL text cannot hold NUL: a page's rare NUL is kept as U+FFFD in stored text. */
function clean(text: string): string {
  return text.includes('\u0000') ? text.replaceAll('\u0000', '\uFFFD') : text;
}

/** Writes one document inside the caller's transaction; a stored hash is left as it is. */
export async function writeDocument(sql: Sql, doc: DocumentInput): Promise<PutResult> {
  await sql.run('SELECT pg_advisory_xact_lock(?)', [WRITE_LOCK]);
  const found = await sql.get<{ id: number }>('SELECT id FROM documents WHERE hash = ?', [
    doc.hash,
  ]);
  if (found !== undefined) return { documentId: found.id, created: false };
  const page = doc.page;
  const { encoding, script, ...info } = page.source;
  const outlet = doc.outlet === undefined ? null : outletKey(doc.outlet);
  const date = doc.date ?? null;
  const row = await sql.get<{ id: number }>(
    `INSERT INTO documents (hash, source, encoding, script, outlet, outlet_key, date, url,
       external_id, bytes, info, stored_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     RETURNING id`,
    [
      doc.hash,
      clean(doc.source),
      encoding,
      script,
      doc.outlet === undefined ? null : clean(doc.outlet),
      outlet === null ? null : clean(outlet),
      date,
      doc.url === undefined ? null : clean(doc.url),
      doc.externalId === undefined ? null : clean(doc.externalId),
      doc.bytes,
      clean(JSON.stringify(info)),
      new Date().toISOString(),
    ],
  );
  const documentId = (row as { id: number }).id;
  // The text keeps its length (offsets index it): a NUL becomes one U+FFFD.
  await sql.run('INSERT INTO document_texts (document, text) VALUES (?, ?)', [
    documentId,
    clean(page.text),
  ]);
  const entityIds = new Map<string, number>();
  for (const [index, article] of page.children.entries()) {
    await writeArticle(
      sql,
      { documentId, date, outlet },
      index,
      article,
      page.text,
      entityIds,
      doc.prepared?.[index],
    );
  }
  return { documentId, created: true };
}

async function writeArticle(
  sql: Sql,
  where: { documentId: number; date: string | null; outlet: string | null },
  index: number,
  article: ArticleNode,
  text: string,
  entityIds: Map<string, number>,
  prepared: PreparedArticle | undefined,
): Promise<void> {
  const a = article.annotations;
  const spans = articleSpans(article);
  const headline = headlineOf(article);
  // Computed beforehand when an ingest worker prepared the article.
  const simplified = prepared?.simplified ?? simplifiedView(articleText(text, spans).text).text;
  const row = await sql.get<{ id: number }>(
    `INSERT INTO articles (document, idx, date, outlet_key, headline, span_start, span_end,
       spans, annotated, dates, summary, meta)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    [
      where.documentId,
      index,
      where.date,
      where.outlet === null ? null : clean(where.outlet),
      clean(headline),
      article.start,
      article.end,
      JSON.stringify(spans),
      a !== undefined,
      a === undefined ? null : clean(JSON.stringify(a.dates)),
      a === undefined ? null : clean(JSON.stringify(a.summary)),
      article.meta === undefined ? null : clean(JSON.stringify(article.meta)),
    ],
  );
  const articleId = (row as { id: number }).id;
  await indexArticle(sql, articleId, clean(streamVector(indexStream(simplified))));
  const blocks = article.children.map((block, k) => {
    const stored = block.text === piecesText(text, block.pieces) ? null : clean(block.text);
    const { type: _type, start: _start, end: _end, text: _text, ...rest } = block;
    return [k, block.type, block.start, block.end, stored, clean(JSON.stringify(rest))] as const;
  });
  await insertRows(
    sql,
    'blocks (article, idx, type, span_start, span_end, text, data)',
    articleId,
    ['int', 'text', 'int', 'int', 'text', 'text'],
    blocks,
  );
  if (a !== undefined) await writeAnnotations(sql, articleId, a, entityIds);
  const story = await joinStory(
    sql,
    articleId,
    prepared?.story ?? storyInput(simplified, headline !== ''),
  );
  // Its blocks that an earlier article of another story (or of the page) printed before.
  const nodes = article.children;
  await markPassages(sql, [
    {
      article: articleId,
      story,
      document: where.documentId,
      passages: articlePassages(simplified, nodes, (k) => piecesText(text, nodes[k]?.pieces ?? [])),
    },
  ]);
  // The entities it mentions that no other copy of its story mentioned before: their
  // stories and the mentions counted once (migrations.ts, 4).
  if (a !== undefined && a.entities.length > 0) {
    // The first copy of a story counts every entity it mentions.
    const first = story === articleId;
    await sql.run(
      `UPDATE entities e SET stories = e.stories + 1, story_mentions = e.story_mentions + ae.mentions
         FROM article_entities ae
        WHERE ae.article = ? AND e.id = ae.entity
          ${
            first
              ? ''
              : `AND NOT EXISTS (SELECT 1 FROM articles a2 WHERE a2.story = ? AND a2.id <> ?
                   AND EXISTS (SELECT 1 FROM article_entities ae2
                                WHERE ae2.article = a2.id AND ae2.entity = ae.entity))`
          }`,
      first ? [articleId] : [articleId, story, articleId],
    );
  }
}

/** Inserts rows (each `article` then `columns`) in one statement, arrays unnested. */
async function insertRows(
  sql: Sql,
  into: string,
  articleId: number,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  conflict = '',
): Promise<void> {
  if (rows.length === 0) return;
  const arrays = columns.map((_, k) => rows.map((r) => r[k]));
  const unnest = columns.map((type) => `?::${type}[]`).join(', ');
  await sql.run(`INSERT INTO ${into} SELECT ?, * FROM unnest(${unnest}) ${conflict}`, [
    articleId,
    ...arrays,
  ]);
}

/** The ids of entity keys, created on first sight, in the order the SQLite writer creates
 * them (so both archives number them alike). Writers hold the write lock: no two
 * transactions create or count entities at once, so they never deadlock. */
async function entities(
  sql: Sql,
  known: Map<string, number>,
  wanted: Map<string, { type: string; name: string }>,
): Promise<void> {
  const missing = [...wanted]
    .map(([key, e]) => [clean(key), e] as const)
    .filter(([key]) => !known.has(key));
  if (missing.length === 0) return;
  const rows = await sql.all<{ id: number; key: string }>(
    `INSERT INTO entities (key, type, name)
     SELECT * FROM unnest(?::text[], ?::text[], ?::text[])
     ON CONFLICT (key) DO UPDATE SET key = excluded.key RETURNING id, key`,
    [
      missing.map(([key]) => key),
      missing.map(([, e]) => clean(e.type)),
      missing.map(([, e]) => clean(e.name)),
    ],
  );
  for (const r of rows) known.set(r.key, r.id);
}

async function writeAnnotations(
  sql: Sql,
  articleId: number,
  a: ArticleAnnotations,
  ids: Map<string, number>,
): Promise<void> {
  const wanted = new Map<string, { type: string; name: string }>();
  const want = (key: string, type?: string, name?: string) => {
    if (wanted.has(key)) return;
    const colon = key.indexOf(':');
    wanted.set(key, { type: type ?? key.slice(0, colon), name: name ?? key.slice(colon + 1) });
  };
  for (const e of a.entities) want(e.id, e.type, e.id.slice(e.id.indexOf(':') + 1));
  for (const m of a.mentions) for (const key of m.refersTo) want(key);
  for (const q of a.quotes) if (q.speaker !== null) want(q.speaker);
  for (const st of a.stances) for (const key of st.actors) want(key);
  for (const r of a.roles ?? []) want(r.entity);
  await entities(sql, ids, wanted);
  const id = (key: string) => ids.get(clean(key)) as number;

  const names = new Map<string, string>();
  const counts = new Map<string, number>();
  for (const e of a.entities) {
    names.set(e.id, e.canonical);
    counts.set(e.id, 0);
  }
  const mentions: (readonly unknown[])[] = [];
  for (const m of a.mentions) {
    for (const key of m.refersTo) {
      counts.set(key, (counts.get(key) ?? 0) + 1);
      mentions.push([m.start, m.end, id(key), m.kind, clean(m.text)]);
    }
  }
  await insertRows(
    sql,
    'mentions (article, span_start, span_end, entity, kind, text)',
    articleId,
    ['int', 'int', 'int', 'text', 'text'],
    mentions,
    'ON CONFLICT DO NOTHING',
  );
  const counted = [...counts].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
  await insertRows(
    sql,
    'article_entities (article, entity, name, mentions)',
    articleId,
    ['int', 'text', 'int'],
    counted.map(([key, n]) => [
      id(key),
      clean(names.get(key) ?? key.slice(key.indexOf(':') + 1)),
      n,
    ]),
  );
  if (counted.length > 0) {
    await sql.run(
      `UPDATE entities e SET articles = e.articles + 1, mentions = e.mentions + c.n
         FROM unnest(?::int[], ?::int[]) c(id, n) WHERE e.id = c.id`,
      [counted.map(([key]) => id(key)), counted.map(([, n]) => n)],
    );
  }
  await insertRows(
    sql,
    `quotes (article, idx, span_start, span_end, speaker, speaker_text, kind, cue, cue_key,
      content_start, content_end, content, content_key, story_key)`,
    articleId,
    [
      'int',
      'int',
      'int',
      'int',
      'text',
      'text',
      'text',
      'text',
      'int',
      'int',
      'text',
      'text',
      'text',
    ],
    a.quotes.map((q, k) => [
      k,
      q.start,
      q.end,
      q.speaker === null ? null : id(q.speaker),
      clean(q.speakerText),
      q.kind,
      clean(q.cue),
      clean(toSimplified(q.cue)),
      q.content.start,
      q.content.end,
      clean(q.content.text),
      clean(toSimplified(q.content.text)),
      clean(storyKey(q.content.text)),
    ]),
  );
  await insertRows(
    sql,
    `stances (article, idx, span_start, span_end, actors, cue, cue_key, class, plover,
      target_start, target_end, target, target_key, negated, modality, story_key)`,
    articleId,
    [
      'int',
      'int',
      'int',
      'text',
      'text',
      'text',
      'text',
      'text',
      'int',
      'int',
      'text',
      'text',
      'boolean',
      'text',
      'text',
    ],
    a.stances.map((st, k) => [
      k,
      st.start,
      st.end,
      clean(JSON.stringify(st.actors)),
      clean(st.cue),
      clean(toSimplified(st.cue)),
      st.class,
      st.plover,
      st.target.start,
      st.target.end,
      clean(st.target.text),
      clean(toSimplified(st.target.text)),
      st.negated,
      clean(JSON.stringify(st.modality)),
      clean(storyKey(st.target.text)),
    ]),
  );
  const actors = a.stances.flatMap((st, k) => st.actors.map((key) => [k, id(key)] as const));
  if (actors.length > 0) {
    await sql.run(
      `INSERT INTO stance_actors (stance, entity)
       SELECT s.id, x.entity FROM unnest(?::int[], ?::int[]) x(idx, entity)
         JOIN stances s ON s.article = ? AND s.idx = x.idx
       ON CONFLICT DO NOTHING`,
      [actors.map(([k]) => k), actors.map(([, e]) => e), articleId],
    );
  }
  await insertRows(
    sql,
    'roles (article, span_start, span_end, entity, text, key)',
    articleId,
    ['int', 'int', 'int', 'text', 'text'],
    (a.roles ?? []).map((r) => [
      r.start,
      r.end,
      id(r.entity),
      clean(r.text),
      clean(toSimplified(r.text)),
    ]),
    'ON CONFLICT DO NOTHING',
  );
  await insertRows(
    sql,
    'keywords (article, rank, text, score)',
    articleId,
    ['int', 'text', 'float8'],
    a.keywords.map((kw, k) => [k, clean(kw.text), kw.score]),
  );
}
