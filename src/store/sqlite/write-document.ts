import type Database from 'better-sqlite3';
import { simplifiedView, toSimplified } from '../../normalize/index.ts';
import { isCalendarDate } from '../../text/dates.ts';
import type { ArticleAnnotations } from '../../tree/annotations.ts';
import type { ArticleNode, BlockNode, Range } from '../../tree/types.ts';
import { articleSpans, articleText } from '../article-text.ts';
import { articlePassages } from '../passages.ts';
import { indexStream } from '../search/index-stream.ts';
import { headlineOf, type PreparedArticle } from '../story-input.ts';
import type { StoryTime } from '../story-verify.ts';
import type { BatchResult, DocumentInput, PutResult } from '../types.ts';
import { StoryFinder, type StoryFinderOptions } from './join-story.ts';
import { PassageMarker } from './mark-passages.ts';
import type { SearchIndex } from './search-index.ts';

/** The dates the archive keeps, at the precision known: YYYY-MM-DD, YYYY-MM or YYYY. */
const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Whether `date` is a date the archive keeps: a day, a month or a year of the calendar. */
export function isArchiveDate(date: string): boolean {
  const m = DATE.exec(date);
  if (m === null) return false;
  const [y, mo, d] = [
    Number(m[1]),
    m[2] === undefined ? 1 : Number(m[2]),
    m[3] === undefined ? 1 : Number(m[3]),
  ];
  return y >= 1000 && isCalendarDate(y, mo, d);
}

function checkInput(doc: DocumentInput): void {
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

/** A block's fields beyond type, range and text: what `data` holds. */
function blockData(block: BlockNode): string {
  const { type: _type, start: _start, end: _end, text: _text, ...rest } = block;
  return JSON.stringify(rest);
}

/** A block's pieces of the document text, joined: its text, unless structure changed it. */
export function piecesText(text: string, pieces: readonly Range[]): string {
  return pieces.length === 1
    ? text.slice((pieces[0] as Range).start, (pieces[0] as Range).end)
    : pieces.map((p) => text.slice(p.start, p.end)).join('');
}

/** The outlet as the filters compare it: Simplified, trimmed, lower case. */
export function outletKey(outlet: string): string {
  return toSimplified(outlet.trim()).toLowerCase();
}

/** The statements a writer runs, prepared once. */
function prepare(db: Database.Database) {
  return {
    findHash: db.prepare<[string], { id: number }>('SELECT id FROM documents WHERE hash = ?'),
    document: db.prepare(
      `INSERT INTO documents (hash, source, encoding, script, outlet, outlet_key, date, url,
         external_id, bytes, info, stored_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    text: db.prepare('INSERT INTO document_texts (document, text) VALUES (?, ?)'),
    article: db.prepare(
      `INSERT INTO articles (document, idx, date, outlet_key, headline, span_start, span_end,
         spans, annotated, dates, summary, meta) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    block: db.prepare(
      `INSERT INTO blocks (article, idx, type, span_start, span_end, text, data)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    findEntity: db.prepare<[string], { id: number }>('SELECT id FROM entities WHERE key = ?'),
    addEntity: db.prepare('INSERT INTO entities (key, type, name) VALUES (?, ?, ?)'),
    countEntity: db.prepare(
      'UPDATE entities SET articles = articles + 1, mentions = mentions + ? WHERE id = ?',
    ),
    articleEntity: db.prepare(
      'INSERT INTO article_entities (article, entity, name, mentions) VALUES (?, ?, ?, ?)',
    ),
    countFirst: db.prepare<[number]>(
      `UPDATE entities SET stories = stories + 1, story_mentions = story_mentions + ae.mentions
         FROM article_entities ae WHERE ae.article = ? AND entities.id = ae.entity`,
    ),
    // The entities an article mentions that no other copy of its story mentioned before:
    // their stories and the mentions counted once (migrations.ts, 9).
    countOnce: db.prepare<{ article: number; story: number }>(
      `UPDATE entities
          SET stories = stories + 1,
              story_mentions = story_mentions + (SELECT ae.mentions FROM article_entities ae
                                  WHERE ae.article = @article AND ae.entity = entities.id)
        WHERE id IN (SELECT ae.entity FROM article_entities ae WHERE ae.article = @article
                       AND NOT EXISTS (SELECT 1 FROM articles a2
                             CROSS JOIN article_entities ae2 ON ae2.article = a2.id AND ae2.entity = ae.entity
                            WHERE a2.story = @story AND a2.id <> @article))`,
    ),
    mention: db.prepare(
      `INSERT OR IGNORE INTO mentions (article, span_start, span_end, entity, kind, text)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    quote: db.prepare(
      `INSERT INTO quotes (article, idx, span_start, span_end, speaker, speaker_text, kind, cue,
         content_start, content_end, content) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    stance: db.prepare(
      `INSERT INTO stances (article, idx, span_start, span_end, actors, cue, class, plover,
         target_start, target_end, target, negated, modality)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    stanceActor: db.prepare('INSERT OR IGNORE INTO stance_actors (stance, entity) VALUES (?, ?)'),
    role: db.prepare(
      'INSERT OR IGNORE INTO roles (article, span_start, span_end, entity, text) VALUES (?, ?, ?, ?, ?)',
    ),
    keyword: db.prepare('INSERT INTO keywords (article, rank, text, score) VALUES (?, ?, ?, ?)'),
  };
}

/**
 * Stores documents: prepared statements and a cache of entity ids (ids never change once
 * given, so the cache stays right whoever else writes to the archive).
 */
export class DocumentWriter {
  readonly #entityIds = new Map<string, number>();
  readonly #put: (doc: DocumentInput) => PutResult;
  readonly #putMany: (docs: readonly DocumentInput[]) => BatchResult[];
  readonly #s: ReturnType<typeof prepare>;
  readonly #index: SearchIndex;
  readonly #stories: StoryFinder;
  readonly #passages: PassageMarker;
  #passageMs = 0;
  /** Entity keys created by the document being written, to forget if it rolls back. */
  #added: string[] = [];

  /** What finding stories has cost this writer so far (see StoryFinder.time). */
  get storyTime(): StoryTime {
    return { ...this.#stories.time };
  }

  /** Milliseconds marking repeated passages has cost this writer so far. */
  get passageMs(): number {
    return this.#passageMs;
  }

  /** `stories`: how stories are found (see SqliteStoreOptions: findStories, storyMergeEvery, storyFilterAfter). */
  constructor(db: Database.Database, index: SearchIndex, stories: StoryFinderOptions = {}) {
    this.#s = prepare(db);
    this.#index = index;
    this.#stories = new StoryFinder(db, stories);
    this.#passages = new PassageMarker(db);
    // IMMEDIATE: take the write lock at the start, so two writers queue instead of one
    // failing to upgrade its read lock halfway through a document.
    const one = db.transaction((doc: DocumentInput) => this.#write(doc));
    this.#put = (doc) => one.immediate(doc);
    // Inside a transaction, `one` runs as a savepoint: each document all or nothing.
    const many = db.transaction((docs: readonly DocumentInput[]) =>
      docs.map((doc): BatchResult => {
        const added: string[] = [];
        this.#added = added;
        try {
          checkInput(doc);
          return { result: one(doc) };
        } catch (err) {
          this.#forget(added);
          return { error: err instanceof Error ? err : new Error(String(err)) };
        }
      }),
    );
    this.#putMany = (docs) => many.immediate(docs);
  }

  has(hash: string): boolean {
    return this.#s.findHash.get(hash) !== undefined;
  }

  /** Stores a document in one transaction; a stored hash is left as it is. */
  put(doc: DocumentInput): PutResult {
    checkInput(doc);
    const added: string[] = [];
    this.#added = added;
    let result: PutResult;
    try {
      result = this.#put(doc);
    } catch (err) {
      this.#forget(added);
      throw err;
    }
    this.#stories.afterCommit();
    return result;
  }

  /** Stores documents in one commit, each in a savepoint of its own (see Store). */
  putMany(docs: readonly DocumentInput[]): BatchResult[] {
    if (!Array.isArray(docs)) throw new TypeError('putDocuments: `docs` must be an array');
    const before = this.#entityIds.size;
    let results: BatchResult[];
    try {
      results = this.#putMany(docs);
    } catch (err) {
      // The commit itself failed: nothing of the batch was stored.
      if (this.#entityIds.size !== before) this.#entityIds.clear();
      this.#index.reset();
      this.#stories.reset();
      throw err;
    }
    this.#stories.afterCommit();
    return results;
  }

  /** Merges the waiting band keys into the index now (StoryFinder.merge). */
  mergeStoryKeys(): number {
    return this.#stories.merge();
  }

  /** Before the connection closes: the band keys this writer left waiting are merged. */
  close(): void {
    this.#stories.close();
  }

  /** Ids handed out inside a rolled-back transaction were never stored, nor were the
   * partitions it created. */
  #forget(added: readonly string[]): void {
    for (const key of added) this.#entityIds.delete(key);
    this.#index.reset();
    this.#stories.reset();
  }

  #write(doc: DocumentInput): PutResult {
    const found = this.#s.findHash.get(doc.hash);
    if (found !== undefined) return { documentId: found.id, created: false };
    const page = doc.page;
    const { encoding, script, ...info } = page.source;
    const outlet = doc.outlet === undefined ? null : outletKey(doc.outlet);
    const date = doc.date ?? null;
    const documentId = Number(
      this.#s.document.run(
        doc.hash,
        doc.source,
        encoding,
        script,
        doc.outlet ?? null,
        outlet,
        date,
        doc.url ?? null,
        doc.externalId ?? null,
        doc.bytes,
        JSON.stringify(info),
        new Date().toISOString(),
      ).lastInsertRowid,
    );
    this.#s.text.run(documentId, page.text);
    const where = { documentId, date, outlet };
    page.children.forEach((article, index) => {
      this.#writeArticle(where, index, article, page.text, doc.prepared?.[index]);
    });
    return { documentId, created: true };
  }

  #writeArticle(
    where: { documentId: number; date: string | null; outlet: string | null },
    index: number,
    article: ArticleNode,
    text: string,
    prepared: PreparedArticle | undefined,
  ): void {
    const s = this.#s;
    const a = article.annotations;
    const spans = articleSpans(article);
    const headline = headlineOf(article);
    const articleId = Number(
      s.article.run(
        where.documentId,
        index,
        where.date,
        where.outlet,
        headline,
        article.start,
        article.end,
        JSON.stringify(spans),
        a === undefined ? 0 : 1,
        a === undefined ? null : JSON.stringify(a.dates),
        a === undefined ? null : JSON.stringify(a.summary),
        article.meta === undefined ? null : JSON.stringify(article.meta),
      ).lastInsertRowid,
    );
    article.children.forEach((block, k) => {
      // Most blocks read as their pieces of the page: their text need not be stored twice.
      const stored = block.text === piecesText(text, block.pieces) ? null : block.text;
      s.block.run(articleId, k, block.type, block.start, block.end, stored, blockData(block));
    });
    if (a !== undefined) this.#writeAnnotations(articleId, a);
    // One Simplified view for the search index and the story the article joins (both
    // computed beforehand when an ingest worker prepared the article).
    const simplified = prepared?.simplified ?? simplifiedView(articleText(text, spans).text).text;
    this.#index.insert(articleId, indexStream(simplified));
    const story = this.#stories.join(articleId, simplified, headline !== '', prepared);
    // Its blocks that an earlier article of another story (or of the page) printed before.
    const started = performance.now();
    const blocks = article.children;
    this.#passages.mark(
      { article: articleId, story, document: where.documentId },
      articlePassages(simplified, blocks, (k) => piecesText(text, blocks[k]?.pieces ?? [])),
    );
    this.#passageMs += performance.now() - started;
    if (a !== undefined && a.entities.length > 0) {
      // The first copy of a story counts every entity it mentions.
      if (story === articleId) s.countFirst.run(articleId);
      else s.countOnce.run({ article: articleId, story });
    }
  }

  /** The entity id of an annotation id, created on first sight. */
  #entity(key: string, type?: string, name?: string): number {
    const cached = this.#entityIds.get(key);
    if (cached !== undefined) return cached;
    let id = this.#s.findEntity.get(key)?.id;
    if (id === undefined) {
      const colon = key.indexOf(':');
      id = Number(
        this.#s.addEntity.run(key, type ?? key.slice(0, colon), name ?? key.slice(colon + 1))
          .lastInsertRowid,
      );
      this.#added.push(key);
    }
    this.#entityIds.set(key, id);
    return id;
  }

  #writeAnnotations(articleId: number, a: ArticleAnnotations): void {
    const s = this.#s;
    // Canonical names in the page's script, and mentions per entity.
    const names = new Map<string, string>();
    const counts = new Map<string, number>();
    for (const e of a.entities) {
      names.set(e.id, e.canonical);
      counts.set(e.id, 0);
      this.#entity(e.id, e.type, e.id.slice(e.id.indexOf(':') + 1));
    }
    for (const m of a.mentions) {
      for (const key of m.refersTo) {
        counts.set(key, (counts.get(key) ?? 0) + 1);
        s.mention.run(articleId, m.start, m.end, this.#entity(key), m.kind, m.text);
      }
    }
    for (const [key, n] of counts) {
      const id = this.#entity(key);
      s.articleEntity.run(articleId, id, names.get(key) ?? key.slice(key.indexOf(':') + 1), n);
      s.countEntity.run(n, id);
    }
    a.quotes.forEach((q, k) => {
      s.quote.run(
        articleId,
        k,
        q.start,
        q.end,
        q.speaker === null ? null : this.#entity(q.speaker),
        q.speakerText,
        q.kind,
        q.cue,
        q.content.start,
        q.content.end,
        q.content.text,
      );
    });
    a.stances.forEach((st, k) => {
      const stanceId = s.stance.run(
        articleId,
        k,
        st.start,
        st.end,
        JSON.stringify(st.actors),
        st.cue,
        st.class,
        st.plover,
        st.target.start,
        st.target.end,
        st.target.text,
        st.negated ? 1 : 0,
        JSON.stringify(st.modality),
      ).lastInsertRowid;
      for (const key of st.actors) s.stanceActor.run(stanceId, this.#entity(key));
    });
    for (const r of a.roles ?? []) {
      s.role.run(articleId, r.start, r.end, this.#entity(r.entity), r.text);
    }
    a.keywords.forEach((kw, k) => {
      s.keyword.run(articleId, k, kw.text, kw.score);
    });
  }
}
