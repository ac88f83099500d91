import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import Database from 'better-sqlite3';
import { toArticleView } from '../src/render/index.ts';
import { type DocumentInput, openStore, SCHEMA_VERSION } from '../src/store/index.ts';
import { MIGRATIONS, migrate, schemaVersion } from '../src/store/sqlite/migrations.ts';
import { documentFor, G20_PAGE, SIMP_PAGE, TRAD_PAGE } from './helpers/store-pages.ts';

let dir = '';
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jiedu-migrate-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

/**
 * Stores a document the way a version-1 archive did: the tables of the first schema only
 * (no stance_actors, no search index), written with plain SQL so the test does not lean on
 * today's writer.
 */
function writeV1(db: Database.Database, doc: DocumentInput): void {
  const { page } = doc;
  const { encoding, script, ...info } = page.source;
  const documentId = Number(
    db
      .prepare(
        `INSERT INTO documents (hash, source, encoding, script, outlet, outlet_key, date, url,
           external_id, bytes, info, stored_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        doc.hash,
        doc.source,
        encoding,
        script,
        doc.outlet ?? null,
        doc.outlet ?? null,
        doc.date ?? null,
        doc.url ?? null,
        doc.externalId ?? null,
        doc.bytes,
        JSON.stringify(info),
        '2024-05-18T00:00:00.000Z',
      ).lastInsertRowid,
  );
  db.prepare('INSERT INTO document_texts (document, text) VALUES (?, ?)').run(
    documentId,
    page.text,
  );
  const entity = (key: string, type?: string): number => {
    const found = db
      .prepare<[string], { id: number }>('SELECT id FROM entities WHERE key = ?')
      .get(key);
    if (found !== undefined) return found.id;
    const colon = key.indexOf(':');
    return Number(
      db
        .prepare('INSERT INTO entities (key, type, name) VALUES (?, ?, ?)')
        .run(key, type ?? key.slice(0, colon), key.slice(colon + 1)).lastInsertRowid,
    );
  };
  page.children.forEach((article, index) => {
    const a = article.annotations;
    assert.ok(a !== undefined);
    const articleId = Number(
      db
        .prepare(
          `INSERT INTO articles (document, idx, date, outlet_key, headline, span_start, span_end,
             spans, annotated, dates, summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
        )
        .run(
          documentId,
          index,
          doc.date ?? null,
          doc.outlet ?? null,
          article.children.find((b) => b.type === 'headline')?.text ?? '',
          article.start,
          article.end,
          JSON.stringify(article.children.map((b) => b.pieces.flatMap((p) => [p.start, p.end]))),
          JSON.stringify(a.dates),
          JSON.stringify(a.summary),
        ).lastInsertRowid,
    );
    article.children.forEach((block, k) => {
      const { type, start, end, text, ...data } = block;
      db.prepare(
        'INSERT INTO blocks (article, idx, type, span_start, span_end, text, data) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ).run(articleId, k, type, start, end, text, JSON.stringify(data));
    });
    const counts = new Map<string, number>();
    for (const e of a.entities) {
      entity(e.id, e.type);
      counts.set(e.id, 0);
    }
    for (const m of a.mentions) {
      for (const key of m.refersTo) {
        counts.set(key, (counts.get(key) ?? 0) + 1);
        db.prepare(
          'INSERT OR IGNORE INTO mentions (article, span_start, span_end, entity, kind, text) VALUES (?, ?, ?, ?, ?, ?)',
        ).run(articleId, m.start, m.end, entity(key), m.kind, m.text);
      }
    }
    for (const [key, n] of counts) {
      const name =
        a.entities.find((e) => e.id === key)?.canonical ?? key.slice(key.indexOf(':') + 1);
      db.prepare(
        'INSERT INTO article_entities (article, entity, name, mentions) VALUES (?, ?, ?, ?)',
      ).run(articleId, entity(key), name, n);
      db.prepare(
        'UPDATE entities SET articles = articles + 1, mentions = mentions + ? WHERE key = ?',
      ).run(n, key);
    }
    a.quotes.forEach((q, k) => {
      db.prepare(
        `INSERT INTO quotes (article, idx, span_start, span_end, speaker, speaker_text, kind, cue,
           content_start, content_end, content) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        articleId,
        k,
        q.start,
        q.end,
        q.speaker === null ? null : entity(q.speaker),
        q.speakerText,
        q.kind,
        q.cue,
        q.content.start,
        q.content.end,
        q.content.text,
      );
    });
    a.stances.forEach((s, k) => {
      for (const key of s.actors) entity(key);
      db.prepare(
        `INSERT INTO stances (article, idx, span_start, span_end, actors, cue, class, plover,
           target_start, target_end, target, negated, modality)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        articleId,
        k,
        s.start,
        s.end,
        JSON.stringify(s.actors),
        s.cue,
        s.class,
        s.plover,
        s.target.start,
        s.target.end,
        s.target.text,
        s.negated ? 1 : 0,
        JSON.stringify(s.modality),
      );
    });
    a.keywords.forEach((kw, k) => {
      db.prepare('INSERT INTO keywords (article, rank, text, score) VALUES (?, ?, ?, ?)').run(
        articleId,
        k,
        kw.text,
        kw.score,
      );
    });
  });
}

test('the migrations are numbered 1, 2, 3… in order', () => {
  assert.deepEqual(
    MIGRATIONS.map((m) => m.version),
    MIGRATIONS.map((_, i) => i + 1),
  );
  assert.equal(SCHEMA_VERSION, MIGRATIONS.length);
});

test('an archive of the first schema is upgraded in place and keeps its data', () => {
  const path = join(dir, 'v1.db');
  const trad = documentFor(TRAD_PAGE, { source: 'trad.txt', outlet: '文匯報', date: '2024-05-16' });
  const simp = documentFor(SIMP_PAGE, { source: 'simp.txt', outlet: '新华社', date: '2024-05-17' });

  // The first schema, and two documents stored in it.
  const old = new Database(path);
  old.pragma('journal_mode = WAL');
  assert.equal(migrate(old, 1), 1);
  const tables = () =>
    old
      .prepare<[], { name: string }>(
        "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name",
      )
      .all()
      .map((t) => t.name);
  assert.ok(!tables().includes('stance_actors'));
  assert.ok(!tables().some((t) => t.startsWith('article_search')));
  old.transaction(() => {
    writeV1(old, trad);
    writeV1(old, simp);
  })();
  old.close();

  // Today's code opens it: every migration since runs, the data is all there.
  const store = openStore(path, { create: false });
  assert.equal(store.stats().schemaVersion, SCHEMA_VERSION);
  const check = new Database(path, { readonly: true });
  assert.equal(schemaVersion(check), SCHEMA_VERSION);
  check.close();

  const stats = store.stats();
  assert.deepEqual([stats.documents, stats.articles, stats.quotes, stats.stances], [2, 3, 5, 6]);
  // Migration 3 indexed the stored articles: search works in either script.
  assert.deepEqual(
    store
      .search({ text: '單邊制裁' })
      .map((h) => h.articleId)
      .sort(),
    [1, 3],
  );
  assert.deepEqual(
    store.search({ text: '近平' }).map((h) => h.articleId),
    [1],
  );
  // Migration 2 filled stance_actors from the stances' actor lists.
  assert.deepEqual(
    store.stances({ actor: '俄羅斯', class: 'oppose', about: '制裁' }).map((s) => s.target),
    ['單邊制裁', '单边制裁'],
  );
  // Articles read back exactly as they were.
  assert.deepEqual(store.getArticle(1)?.view, {
    ...toArticleView(trad.page),
    articles: [toArticleView(trad.page).articles[0]],
  });
  // The upgraded archive takes new documents, and old hashes are still known.
  assert.equal(store.putDocument(trad).created, false);
  const g20 = documentFor(G20_PAGE, { source: 'g20.txt' });
  assert.deepEqual(store.putDocument(g20), { documentId: 3, created: true });
  assert.deepEqual(
    store.search({ text: '凌駕' }).map((h) => h.articleId),
    [4],
  );
  assert.equal(store.entities({ name: '新华社' })[0]?.articles, 3);
  store.close();

  // Opening it again changes nothing.
  const again = openStore(path);
  assert.equal(again.stats().articles, 4);
  again.close();
});
