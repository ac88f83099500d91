import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import Database from 'better-sqlite3';
import { toArticleView } from '../src/render/index.ts';
import { openStore, SCHEMA_VERSION } from '../src/store/index.ts';
import { MIGRATIONS, migrate, schemaVersion } from '../src/store/sqlite/migrations.ts';
import { writeV1 } from './helpers/old-archive.ts';
import { documentFor, G20_PAGE, SIMP_PAGE, TRAD_PAGE } from './helpers/store-pages.ts';

let dir = '';
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jiedu-migrate-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

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
