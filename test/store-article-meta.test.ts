import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { annotate } from '../src/annotate/index.ts';
import { parse, toArticleView } from '../src/index.ts';
import { openStore } from '../src/store/index.ts';
import { migrate } from '../src/store/sqlite/migrations.ts';

const HTML = readFileSync(new URL('./fixtures/html/hk-traditional.html', import.meta.url));

test('a web page read back from the archive keeps what its markup said: published, credits, outlet', () => {
  const page = annotate(parse(HTML, { path: 'hk-traditional.html' }));
  const written = toArticleView(page).articles[0];
  assert.ok(written?.published, 'the fixture names its publication time');
  assert.ok((written?.authors.length ?? 0) > 0, 'the fixture names its reporter');

  const store = openStore(':memory:');
  const { documentId } = store.putDocument({
    hash: createHash('sha256').update(HTML).digest('hex'),
    source: 'hk-traditional.html',
    bytes: HTML.length,
    page,
  });
  const [record] = [...store.exportArticles()].filter((a) => a.documentId === documentId);
  assert.ok(record !== undefined, 'the article is stored');
  const stored = store.getArticle(record.id);
  assert.ok(stored !== undefined);
  store.close();

  const read = stored?.view.articles[0];
  assert.equal(read?.published, written?.published);
  assert.deepEqual(read?.authors, written?.authors);
  assert.deepEqual(read?.credits, written?.credits);
  assert.equal(read?.outlet, written?.outlet);
  assert.equal(read?.url, written?.url);
});

test('an archive from before article metadata upgrades: its articles read back without any', () => {
  const db = new Database(':memory:');
  migrate(db, 3);
  migrate(db);
  const columns = db.prepare<[], { name: string }>('PRAGMA table_info(articles)').all();
  assert.ok(columns.some((c) => c.name === 'meta'));
  db.close();
});
