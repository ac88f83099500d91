import type Database from 'better-sqlite3';
import { findRoles } from '../../annotate/find-roles.ts';
import type { Ref } from '../../annotate/resolve-references.ts';
import { simplifiedView } from '../../normalize/index.ts';
import type { EntityType, MentionKind } from '../../tree/annotations.ts';
import { type ArticleSpans, articleText } from '../article-text.ts';
import { articlePassages } from '../passages.ts';
import { indexStream } from '../search/index-stream.ts';
import { StoryFinder } from './join-story.ts';
import { PassageMarker } from './mark-passages.ts';
import { ONCE_PER_STORY_ENTITY } from './once-per-story.ts';
import { PARTITION_SETTING, PARTITION_SIZE, SearchIndex } from './search-index.ts';
import { piecesText } from './write-document.ts';

/**
 * The archive's schema as an ordered list of migrations. `PRAGMA user_version` holds the
 * number of migrations applied; opening an archive applies the missing ones in order, each
 * in its own transaction, so an older archive is upgraded in place and a failed upgrade
 * leaves it at the last version that completed. A released migration is never edited:
 * a change of schema is a new migration at the end.
 */

export interface Migration {
  version: number;
  /** What it does, for errors and the log. */
  name: string;
  up(db: Database.Database): void;
}

/** 1: documents, articles and their blocks, entities, mentions, quotes, stances, keywords. */
function createArchive(db: Database.Database): void {
  db.exec(`
    CREATE TABLE documents (
      id          INTEGER PRIMARY KEY,
      hash        TEXT NOT NULL UNIQUE,
      source      TEXT NOT NULL,
      encoding    TEXT NOT NULL,
      script      TEXT NOT NULL,
      outlet      TEXT,
      outlet_key  TEXT,             -- the outlet in Simplified, for filters in either script
      date        TEXT,             -- YYYY-MM-DD
      url         TEXT,
      external_id TEXT,
      bytes       INTEGER NOT NULL,
      info        TEXT NOT NULL,    -- JSON: the rest of the page's SourceInfo
      stored_at   TEXT NOT NULL
    );

    -- The decoded text every offset points into, apart: documents stay small rows that
    -- filters and joins read quickly.
    CREATE TABLE document_texts (
      document INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
      text     TEXT NOT NULL
    );

    CREATE TABLE articles (
      id         INTEGER PRIMARY KEY,
      document   INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
      idx        INTEGER NOT NULL,
      date       TEXT,              -- the document's date and outlet key, copied here so
      outlet_key TEXT,              -- search filters need not read documents
      headline   TEXT NOT NULL,
      span_start INTEGER NOT NULL,
      span_end   INTEGER NOT NULL,
      spans      TEXT NOT NULL,     -- JSON: per block, its source pieces [s, e, s, e, …]
      annotated  INTEGER NOT NULL,
      dates      TEXT,              -- JSON: DateMention[] when annotated
      summary    TEXT,              -- JSON: the summary's ranges and text when annotated
      UNIQUE (document, idx)
    );
    CREATE INDEX articles_date ON articles (date);
    CREATE INDEX articles_outlet ON articles (outlet_key, date);

    CREATE TABLE blocks (
      article    INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
      idx        INTEGER NOT NULL,
      type       TEXT NOT NULL,
      span_start INTEGER NOT NULL,
      span_end   INTEGER NOT NULL,
      text       TEXT,              -- NULL when it is its pieces of the document text, joined
      data       TEXT NOT NULL,     -- JSON: the node's other fields (pieces, speaker, level…)
      PRIMARY KEY (article, idx)
    ) WITHOUT ROWID;

    CREATE TABLE entities (
      id       INTEGER PRIMARY KEY,
      key      TEXT NOT NULL UNIQUE, -- the annotation id, PER:习近平
      type     TEXT NOT NULL,
      name     TEXT NOT NULL,        -- canonical name, Simplified
      articles INTEGER NOT NULL DEFAULT 0,
      mentions INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX entities_name ON entities (name);

    CREATE TABLE article_entities (
      article  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
      entity   INTEGER NOT NULL REFERENCES entities (id),
      name     TEXT NOT NULL,        -- canonical name in the page's script
      mentions INTEGER NOT NULL,
      PRIMARY KEY (article, entity)
    ) WITHOUT ROWID;
    CREATE INDEX article_entities_entity ON article_entities (entity, article);

    CREATE TABLE mentions (
      article    INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
      span_start INTEGER NOT NULL,
      span_end   INTEGER NOT NULL,
      entity     INTEGER NOT NULL REFERENCES entities (id),
      kind       TEXT NOT NULL,
      text       TEXT NOT NULL,
      PRIMARY KEY (article, span_start, span_end, entity)
    ) WITHOUT ROWID;

    CREATE TABLE quotes (
      id            INTEGER PRIMARY KEY,
      article       INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
      idx           INTEGER NOT NULL,
      span_start    INTEGER NOT NULL,
      span_end      INTEGER NOT NULL,
      speaker       INTEGER REFERENCES entities (id),
      speaker_text  TEXT NOT NULL,
      kind          TEXT NOT NULL,
      cue           TEXT NOT NULL,
      content_start INTEGER NOT NULL,
      content_end   INTEGER NOT NULL,
      content       TEXT NOT NULL
    );
    CREATE INDEX quotes_article ON quotes (article);
    CREATE INDEX quotes_speaker ON quotes (speaker);

    CREATE TABLE stances (
      id           INTEGER PRIMARY KEY,
      article      INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
      idx          INTEGER NOT NULL,
      span_start   INTEGER NOT NULL,
      span_end     INTEGER NOT NULL,
      actors       TEXT NOT NULL,    -- JSON: the actors' entity keys, in order
      cue          TEXT NOT NULL,
      class        TEXT NOT NULL,
      plover       TEXT NOT NULL,
      target_start INTEGER NOT NULL,
      target_end   INTEGER NOT NULL,
      target       TEXT NOT NULL,
      negated      INTEGER NOT NULL,
      modality     TEXT NOT NULL     -- JSON: modal words before the cue
    );
    CREATE INDEX stances_article ON stances (article);
    CREATE INDEX stances_class ON stances (class);

    CREATE TABLE keywords (
      article INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
      rank    INTEGER NOT NULL,
      text    TEXT NOT NULL,
      score   REAL NOT NULL,
      PRIMARY KEY (article, rank)
    ) WITHOUT ROWID;
  `);
}

/** 2: stance actors as a table of their own, so stances can be filtered by actor. */
function addStanceActors(db: Database.Database): void {
  db.exec(`
    CREATE TABLE stance_actors (
      stance INTEGER NOT NULL REFERENCES stances (id) ON DELETE CASCADE,
      entity INTEGER NOT NULL REFERENCES entities (id),
      PRIMARY KEY (stance, entity)
    ) WITHOUT ROWID;
    CREATE INDEX stance_actors_entity ON stance_actors (entity, stance);
  `);
  const find = db.prepare<[string], { id: number }>('SELECT id FROM entities WHERE key = ?');
  const add = db.prepare('INSERT INTO entities (key, type, name) VALUES (?, ?, ?)');
  const link = db.prepare('INSERT OR IGNORE INTO stance_actors (stance, entity) VALUES (?, ?)');
  const stances = db.prepare<[number], { id: number; actors: string }>(
    'SELECT id, actors FROM stances WHERE id > ? ORDER BY id LIMIT 1000',
  );
  // In batches: a connection cannot write while it iterates.
  for (let rows = stances.all(0); rows.length > 0; rows = stances.all(rows.at(-1)?.id ?? 0)) {
    for (const { id, actors } of rows) {
      for (const key of JSON.parse(actors) as string[]) {
        const colon = key.indexOf(':');
        const entity =
          find.get(key)?.id ??
          Number(add.run(key, key.slice(0, colon), key.slice(colon + 1)).lastInsertRowid);
        link.run(id, entity);
      }
    }
  }
}

/**
 * 3: full-text search: the index stream of each article's Simplified text (see
 * search/index-stream.ts), in partitioned FTS5 tables (see search-index.ts), rowid = article
 * id, and a table of settings that records the partition size. Partitions are created as
 * articles arrive; this indexes the articles already stored.
 */
function addSearchIndex(db: Database.Database): void {
  db.exec(`
    CREATE TABLE settings (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) WITHOUT ROWID;
  `);
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(
    PARTITION_SETTING,
    String(PARTITION_SIZE),
  );
  const index = new SearchIndex(db);
  const batch = db.prepare<[number], { id: number; spans: string; text: string }>(
    `SELECT a.id, a.spans, t.text
       FROM articles a JOIN document_texts t ON t.document = a.document
      WHERE a.id > ? ORDER BY a.id LIMIT 500`,
  );
  for (let rows = batch.all(0); rows.length > 0; rows = batch.all(rows.at(-1)?.id ?? 0)) {
    for (const row of rows) {
      const text = articleText(row.text, JSON.parse(row.spans) as ArticleSpans).text;
      index.insert(row.id, indexStream(simplifiedView(text).text));
    }
  }
}

/**
 * 4: what a web page says about an article beyond its text (published time, credits with
 * roles, outlet, canonical URL: the tree's `ArticleNode.meta`), as JSON; null for text pages,
 * whose bylines and source lines are blocks already.
 */
function addArticleMeta(db: Database.Database): void {
  db.exec('ALTER TABLE articles ADD COLUMN meta TEXT');
}

/**
 * 5: pages ingest stopped at its time budget (`Store.markSlow`), so a rerun skips them
 * rather than stall on them again.
 */
function addSlowPages(db: Database.Database): void {
  db.exec(`
    CREATE TABLE slow_pages (
      hash     TEXT PRIMARY KEY,
      source   TEXT NOT NULL,
      limit_ms INTEGER NOT NULL,
      at       TEXT NOT NULL
    ) WITHOUT ROWID;
  `);
}

/**
 * 6: roles, the offices pages write with people's names (外交部發言人 X), per article, for
 * the entity directory and the entity page. An archive written before gets them from what
 * it stored: each article's mentions read against its document's text, as annotating does
 * (a title run right against a person's name).
 */
function addRoles(db: Database.Database): void {
  db.exec(`
    CREATE TABLE roles (
      article    INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
      span_start INTEGER NOT NULL,
      span_end   INTEGER NOT NULL,
      entity     INTEGER NOT NULL REFERENCES entities (id),
      text       TEXT NOT NULL,
      PRIMARY KEY (article, span_start, span_end)
    ) WITHOUT ROWID;
    CREATE INDEX roles_entity ON roles (entity, article);
  `);
  const documents = db.prepare<[number], { id: number; text: string }>(
    `SELECT t.document AS id, t.text FROM document_texts t
      WHERE t.document > ? AND EXISTS (SELECT 1 FROM articles a WHERE a.document = t.document)
      ORDER BY t.document LIMIT 100`,
  );
  const mentionsOf = db.prepare<
    [number],
    { article: number; start: number; end: number; kind: MentionKind; key: string; type: string }
  >(
    `SELECT m.article, m.span_start AS start, m.span_end AS "end", m.kind, e.key, e.type
       FROM mentions m JOIN articles a ON a.id = m.article JOIN entities e ON e.id = m.entity
      WHERE a.document = ? ORDER BY m.article, m.span_start`,
  );
  const entityId = db.prepare<[string], { id: number }>('SELECT id FROM entities WHERE key = ?');
  const add = db.prepare(
    'INSERT OR IGNORE INTO roles (article, span_start, span_end, entity, text) VALUES (?, ?, ?, ?, ?)',
  );
  for (let rows = documents.all(0); rows.length > 0; rows = documents.all(rows.at(-1)?.id ?? 0)) {
    for (const doc of rows) {
      const simplified = simplifiedView(doc.text).text;
      // Offsets of the document's text index the Simplified view only where converting kept
      // every character's place (it nearly always does); else the document is left without.
      if (simplified.length !== doc.text.length) continue;
      const byArticle = new Map<number, Ref[]>();
      for (const m of mentionsOf.all(doc.id)) {
        const refs = byArticle.get(m.article) ?? [];
        refs.push({
          start: m.start,
          end: m.end,
          kind: m.kind,
          type: m.type as EntityType,
          ids: [m.key],
        });
        byArticle.set(m.article, refs);
      }
      for (const [article, refs] of byArticle) {
        for (const role of findRoles(simplified, refs)) {
          const entity = entityId.get(role.entity)?.id;
          if (entity === undefined) continue;
          add.run(article, role.start, role.end, entity, doc.text.slice(role.start, role.end));
        }
      }
    }
  }
}

/**
 * 7: stories, the copies of one article (other outlets, encodings, scripts, light edits):
 * each article's story (the id of its first copy), the stories with their number of copies,
 * and the band keys near-duplicate detection looks candidates up by (see join-story.ts).
 * The articles already stored join their stories in migration 8.
 */
function addStories(db: Database.Database): void {
  db.exec(`
    ALTER TABLE articles ADD COLUMN story INTEGER;
    CREATE TABLE stories (
      id     INTEGER PRIMARY KEY,  -- the id of the story's first article
      copies INTEGER NOT NULL
    );
    CREATE INDEX stories_copies ON stories (copies, id);
    -- No foreign key: the table is looked up by key only, and a key would need an index on
    -- article besides to check one.
    CREATE TABLE story_bands (
      key     INTEGER NOT NULL,
      article INTEGER NOT NULL,
      PRIMARY KEY (key, article)
    ) WITHOUT ROWID;
  `);
  // The articles already stored join their stories in migration 8, once the tables the
  // story finder writes are there.
  db.exec('CREATE INDEX articles_story ON articles (story, id)');
}

/**
 * 8: what makes finding stories cheap: each band key's row carries its article's story (no
 * article read per candidate; rows stored before read it from the article), and each
 * article's sketch (minhash.ts), on which candidates are verified without reading back
 * their texts; articles stored before get theirs when they are first compared exactly.
 * Articles not in a story yet (an archive of schema 6 upgraded) join their stories here, in
 * id order, as ingest would have put them.
 */
function addStorySketches(db: Database.Database): void {
  db.exec(`
    ALTER TABLE story_bands ADD COLUMN story INTEGER;
    CREATE TABLE story_sketches (
      article INTEGER PRIMARY KEY,
      sketch  BLOB NOT NULL
    );
  `);
  const pending = db.prepare('SELECT 1 FROM articles WHERE story IS NULL LIMIT 1').get();
  if (pending === undefined) return;
  // An index built once after is quicker than one kept up row by row.
  db.exec('DROP INDEX articles_story');
  const finder = new StoryFinder(db, { buffered: false });
  const batch = db.prepare<[number], { id: number; headline: string; spans: string; text: string }>(
    `SELECT a.id, a.headline, a.spans, t.text
       FROM articles a JOIN document_texts t ON t.document = a.document
      WHERE a.id > ? AND a.story IS NULL ORDER BY a.id LIMIT 500`,
  );
  for (let rows = batch.all(0); rows.length > 0; rows = batch.all(rows.at(-1)?.id ?? 0)) {
    for (const row of rows) {
      const text = articleText(row.text, JSON.parse(row.spans) as ArticleSpans).text;
      finder.join(row.id, simplifiedView(text).text, row.headline !== '');
    }
  }
  db.exec('CREATE INDEX articles_story ON articles (story, id)');
}

/**
 * 9: each entity's running totals with a story counted once (the entity directory's
 * default): its stories and the mentions in them. Computed for the entities already stored;
 * ingest keeps them up (write-document.ts).
 */
function addEntityStories(db: Database.Database): void {
  db.exec(`
    ALTER TABLE entities ADD COLUMN stories INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE entities ADD COLUMN story_mentions INTEGER NOT NULL DEFAULT 0;
    UPDATE entities SET (stories, story_mentions) = (
      SELECT count(*), coalesce(sum(ae.mentions), 0)
        FROM article_entities ae JOIN articles a ON a.id = ae.article
       WHERE ae.entity = entities.id AND ${ONCE_PER_STORY_ENTITY});
  `);
}

/**
 * 10: repeated passages across stories (passages.ts, mark-passages.ts): the key of each
 * distinctive block of every article, with its article's story and document, and the blocks
 * that repeat an earlier article's (of another story, or of the same page), with that
 * article. The articles already stored are marked here in id order, as ingest would have
 * marked them, so the first of each passage is the earliest. `passage_keys` has no foreign
 * key (it is looked up by key only, as story_bands is); a repeat goes with either article.
 */
function addPassages(db: Database.Database): void {
  db.exec(`
    CREATE TABLE passage_keys (
      key      INTEGER NOT NULL,  -- a hash of the block's comparable key (passages.ts)
      article  INTEGER NOT NULL,
      story    INTEGER NOT NULL,
      document INTEGER NOT NULL,
      PRIMARY KEY (key, article)
    ) WITHOUT ROWID;
    CREATE TABLE passage_repeats (
      article    INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
      block      INTEGER NOT NULL,
      span_start INTEGER NOT NULL,  -- the block's range in the document's text
      span_end   INTEGER NOT NULL,
      first      INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
      PRIMARY KEY (article, block)
    ) WITHOUT ROWID;
    CREATE INDEX passage_repeats_first ON passage_repeats (first);
  `);
  const marker = new PassageMarker(db);
  const batch = db.prepare<
    [number],
    { id: number; story: number | null; document: number; spans: string; text: string }
  >(
    `SELECT a.id, a.story, a.document, a.spans, t.text
       FROM articles a JOIN document_texts t ON t.document = a.document
      WHERE a.id > ? ORDER BY a.id LIMIT 500`,
  );
  const blocksOf = db.prepare<[number], { span_start: number; span_end: number; data: string }>(
    'SELECT span_start, span_end, data FROM blocks WHERE article = ? ORDER BY idx',
  );
  for (let rows = batch.all(0); rows.length > 0; rows = batch.all(rows.at(-1)?.id ?? 0)) {
    for (const row of rows) {
      const blocks = blocksOf.all(row.id).map((b) => ({
        start: b.span_start,
        end: b.span_end,
        pieces: (JSON.parse(b.data) as { pieces: { start: number; end: number }[] }).pieces,
      }));
      const text = articleText(row.text, JSON.parse(row.spans) as ArticleSpans).text;
      const passages = articlePassages(simplifiedView(text).text, blocks, (k) =>
        piecesText(row.text, blocks[k]?.pieces ?? []),
      );
      marker.mark(
        { article: row.id, story: row.story ?? row.id, document: row.document },
        passages,
      );
    }
  }
}

/**
 * 11: band keys waiting to be merged (join-story.ts): each article's keys are first stored
 * as one row here, appended in id order, and merged into `story_bands` with the other
 * waiting articles' in one sorted pass every few thousand articles, so that the band index
 * is written page by page in order instead of 32 random pages an article. Writers look
 * candidates up in both. Nothing to carry over: an archive of schema 10 has every key in
 * `story_bands` already.
 */
function addPendingBands(db: Database.Database): void {
  db.exec(`
    CREATE TABLE story_pending (
      article INTEGER PRIMARY KEY,  -- no foreign key, as story_bands
      story   INTEGER NOT NULL,
      keys    BLOB NOT NULL         -- the article's band keys, 8 bytes each (Float64, LE)
    );
  `);
}

/** Every migration, in order; the last one's version is the current schema. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'create the archive', up: createArchive },
  { version: 2, name: 'stance actors', up: addStanceActors },
  { version: 3, name: 'full-text search', up: addSearchIndex },
  { version: 4, name: 'article metadata', up: addArticleMeta },
  { version: 5, name: 'slow pages', up: addSlowPages },
  { version: 6, name: 'roles', up: addRoles },
  { version: 7, name: 'stories', up: addStories },
  { version: 8, name: 'story sketches', up: addStorySketches },
  { version: 9, name: 'entities counted once per story', up: addEntityStories },
  { version: 10, name: 'repeated passages', up: addPassages },
  { version: 11, name: 'band keys merged in batches', up: addPendingBands },
];

/** The schema version this code writes. */
export const SCHEMA_VERSION = (MIGRATIONS[MIGRATIONS.length - 1] as Migration).version;

/** The archive's schema version: the number of migrations applied. */
export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings `db` up to `target` (default: the current schema), one migration a transaction.
 * Throws when the archive is newer than this code, or when the file holds tables but is not
 * a jiedu archive. Safe when several processes open the same new or older archive at once:
 * each step reads the version and migrates under SQLite's write lock (BEGIN IMMEDIATE), so
 * a process that waited for another's migration sees it done and goes on.
 */
export function migrate(db: Database.Database, target: number = SCHEMA_VERSION): number {
  const check = (current: number) => {
    if (current > SCHEMA_VERSION) {
      throw new Error(
        `archive schema version ${current} is newer than this jiedu understands (${SCHEMA_VERSION}); upgrade jiedu`,
      );
    }
  };
  // Up to date: nothing to lock (a read-only connection could not).
  const first = schemaVersion(db);
  check(first);
  if (first >= target) return first;
  const step = db.transaction((): boolean => {
    const current = schemaVersion(db);
    check(current);
    if (current === 0) {
      const tables = db
        .prepare<[], { n: number }>("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'")
        .get();
      if ((tables?.n ?? 0) > 0)
        throw new Error('not a jiedu archive: the database holds other tables');
    }
    const next = MIGRATIONS.find((m) => m.version > current && m.version <= target);
    if (next === undefined) return false;
    next.up(db);
    db.pragma(`user_version = ${next.version}`);
    return true;
  });
  while (step.immediate()) {
    // One migration a transaction, until none is left.
  }
  return schemaVersion(db);
}
