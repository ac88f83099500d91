import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import pg from 'pg';
import { type RunningServer, startServer } from '../src/serve/index.ts';
import {
  type Archive,
  type DocumentInput,
  openArchive,
  openStore,
  SCHEMA_VERSION,
} from '../src/store/index.ts';
import { MIN_PASSAGE_CHARS } from '../src/store/passages.ts';
import { storyKey } from '../src/store/sqlite/once-per-story.ts';
import {
  BACKENDS,
  createTestDatabase,
  dropTestDatabases,
  PG_SKIP,
  prepareDatabases,
} from './helpers/backends.ts';
import {
  browserMissing,
  ensureWebBuilt,
  LAPTOP,
  launchBrowser,
  newContext,
  screenshot,
} from './helpers/browser.ts';
import { runJiedu } from './helpers/cli.ts';
import { call, makeWebRoot, OpenApiChecker } from './helpers/serve.ts';
import { documentFor } from './helpers/store-pages.ts';

/*
 * Repeated passages across stories (issue 15, item 4): two different stories, one in
 * Traditional and one in Simplified, print one statement word for word (the second uses it
 * as background). Its quote and stances count once, in the earlier article, unless copies;
 * the later article says which of its blocks repeat which article. A short line both print
 * is below the threshold and not marked; a copy of the first story is no repeat of the
 * second; storing a page again adds nothing; an archive of the schema before is marked as
 * ingest would have marked it.
 */

/** The statement both stories print, as each writes it. */
const STATEMENT_TRAD =
  '外交部發言人汪文斌表示，中方堅決反對任何國家干涉香港事務，支持特區政府依法施政。';
const STATEMENT_SIMP =
  '外交部发言人汪文斌表示，中方坚决反对任何国家干涉香港事务，支持特区政府依法施政。';
/** A short line both print: not distinctive enough to be a passage. */
const SHORT_TRAD = '記者會歷時約一小時。';
const SHORT_SIMP = '记者会历时约一小时。';

/** The first story: a press conference, in Traditional. */
const FIRST = [
  '外交部回應美方言論',
  '',
  '外交部昨日舉行例行記者會，多名外國記者就香港國安法實施情況提問，會上氣氛平和。',
  '',
  STATEMENT_TRAD,
  '',
  '汪文斌又說：「中美兩國應當相向而行，妥善處理彼此分歧，推動關係重回正軌。」',
  '',
  SHORT_TRAD,
  '',
].join('\n');

/** Another story a week later, in Simplified, that repeats the statement as background. */
const SECOND = [
  '特区政府公布多项便民新措施',
  '',
  '特区政府今日公布多项便民措施，涵盖交通、房屋及医疗等范畴，预计明年起逐步推行，惠及数十万户家庭。',
  '',
  STATEMENT_SIMP,
  '',
  '政务司司长陈国明表示：「政府会继续聆听市民意见，务求各项措施切合社会需要，让市民早日受惠。」',
  '',
  SHORT_SIMP,
  '',
].join('\n');

const PAGES: DocumentInput[] = [
  documentFor(FIRST, { source: 'first.txt', outlet: '明報', date: '2024-07-01' }),
  documentFor(SECOND, { source: 'second.txt', outlet: '大公报', date: '2024-07-08' }),
  // A copy of the first story, in another outlet, after the second: a copy, not a repeat.
  documentFor(FIRST.replace(/\n/g, '\r\n'), {
    source: 'copy.txt',
    outlet: '星島日報',
    date: '2024-07-09',
  }),
];

const statementQuotes = <R extends { text: string }>(rows: R[]) =>
  rows.filter((q) => storyKey(q.text).includes(storyKey('中方坚决反对任何国家干涉香港事务')));
const interference = <R extends { class: string; target: string }>(rows: R[]) =>
  rows.filter(
    (s) => s.class === 'oppose' && storyKey(s.target) === storyKey('任何國家干涉香港事務'),
  );

test('the pages are what the tests say', () => {
  assert.equal(storyKey(STATEMENT_TRAD), storyKey(STATEMENT_SIMP));
  assert.ok(storyKey(STATEMENT_TRAD).length >= MIN_PASSAGE_CHARS);
  assert.equal(storyKey(SHORT_TRAD), storyKey(SHORT_SIMP));
  assert.ok(storyKey(SHORT_TRAD).length < MIN_PASSAGE_CHARS);
});

/** The reads every backend must answer alike. */
function checkArchive(archive: Archive): void {
  // Two stories: the first (two copies) and the second.
  const stories = archive.stories({ limit: 10 });
  assert.deepEqual(stories.map((s) => s.copies).sort(), [1, 2]);
  const every = archive.quotes({ limit: 100, copies: true });
  const once = archive.quotes({ limit: 100 });
  assert.equal(statementQuotes(every).length, 3, JSON.stringify(every));
  const kept = statementQuotes(once);
  assert.equal(kept.length, 1, JSON.stringify(once));
  assert.equal(kept[0]?.articleId, 1);
  // Each story's own words stay.
  assert.ok(once.some((q) => q.articleId === 2 && q.text.includes('聆听市民意见')));
  assert.ok(once.some((q) => q.articleId === 1 && q.text.includes('相向而行')));
  assert.equal(archive.totalQuotes({}), once.length);
  assert.equal(archive.totalQuotes({ copies: true }), every.length);
  assert.equal(
    archive.countQuotes({}, 'speaker').reduce((n, r) => n + r.count, 0),
    once.length,
  );
  // The stance of the statement, likewise.
  assert.equal(interference(archive.stances({ limit: 100, copies: true })).length, 3);
  assert.equal(interference(archive.stances({ limit: 100 })).length, 1);
  assert.equal(
    archive.totalStances({ class: 'oppose' }),
    interference(archive.stances({ limit: 100 })).length,
  );
  // A filter that leaves out the first story's article counts the second's repeat.
  const takung = statementQuotes(archive.quotes({ limit: 100, outlet: '大公報' }));
  assert.deepEqual(
    takung.map((q) => q.articleId),
    [2],
  );
  // The graph counts the statement's stance once.
  const weight = (g: ReturnType<Archive['stanceGraph']>) =>
    g.edges.reduce((n, e) => n + e.weight, 0);
  assert.ok(weight(archive.stanceGraph({ copies: true })) > weight(archive.stanceGraph({})));

  // The reader: the second article's statement block repeats article 1; the short line,
  // its headline and its own paragraphs do not; the copy of the first story repeats nothing.
  const second = archive.getArticle(2);
  assert.ok(second !== undefined);
  const blocks = second.view.articles[0]?.blocks ?? [];
  const statement = blocks.find((b) => storyKey(b.text) === storyKey(STATEMENT_SIMP));
  assert.ok(statement !== undefined);
  assert.deepEqual(
    second.repeats.map((r) => ({ start: r.start, end: r.end, article: r.article })),
    [{ start: statement.start, end: statement.end, article: 1 }],
  );
  assert.equal(SECOND.slice(second.repeats[0]?.start, second.repeats[0]?.end), STATEMENT_SIMP);
  assert.deepEqual(archive.getArticle(1)?.repeats, []);
  assert.deepEqual(archive.getArticle(3)?.repeats, []);
}

/** Rows of the passage tables, for checking that nothing is added twice. */
const COUNT_PASSAGES =
  'SELECT (SELECT count(*) FROM passage_keys) AS keys, (SELECT count(*) FROM passage_repeats) AS repeats';

describe('repeated passages, on SQLite', () => {
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'jiedu-passages-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('counted once, listed with copies, marked in the reader; storing again adds nothing', () => {
    const path = join(dir, 'a.db');
    const archive = openStore(path);
    try {
      for (const doc of PAGES) assert.equal(archive.putDocument(doc).created, true);
      checkArchive(archive);
      const raw = new Database(path, { readonly: true });
      const before = raw.prepare(COUNT_PASSAGES).get() as { keys: number; repeats: number };
      assert.equal(before.repeats, 1);
      // The first page's two long paragraphs and the statement: three passages each page.
      assert.ok(before.keys >= 6, JSON.stringify(before));
      for (const doc of PAGES) {
        assert.equal(archive.putDocument({ ...doc, source: 'again.txt' }).created, false);
      }
      assert.deepEqual(
        archive.putDocuments(PAGES).map((r) => r.result?.created),
        [false, false, false],
      );
      assert.deepEqual(raw.prepare(COUNT_PASSAGES).get(), before);
      raw.close();
      checkArchive(archive);
    } finally {
      archive.close();
    }
  });

  test('jiedu show names the paragraph that repeats and the article that printed it first', async () => {
    const path = join(dir, 'show.db');
    const archive = openStore(path);
    for (const doc of PAGES) archive.putDocument(doc);
    archive.close();
    const raw = new Database(path, { readonly: true });
    const repeat = raw.prepare('SELECT article, block, first FROM passage_repeats').get() as {
      article: number;
      block: number;
      first: number;
    };
    raw.close();
    const shown = await runJiedu(['show', String(repeat.article), '--db', path]);
    assert.equal(shown.code, 0, shown.stderr);
    assert.match(
      shown.stdout,
      new RegExp(`paragraph ${repeat.block + 1} repeats article #${repeat.first}\\b`),
    );
    // The article it repeats has nothing to say of it.
    const first = await runJiedu(['show', String(repeat.first), '--db', path]);
    assert.equal(first.code, 0, first.stderr);
    assert.doesNotMatch(first.stdout, /Repeated passages/);
  });

  test('an archive of schema 9 is marked in id order, as ingest would have marked it', () => {
    const path = join(dir, 'v9.db');
    const first = openStore(path);
    for (const doc of PAGES) first.putDocument(doc);
    first.close();
    const db = new Database(path);
    const marked = db.prepare('SELECT * FROM passage_repeats ORDER BY article, block').all();
    const keys = db.prepare('SELECT * FROM passage_keys ORDER BY key, article').all();
    db.exec('DROP TABLE passage_repeats; DROP TABLE passage_keys; DROP TABLE story_pending');
    db.pragma('user_version = 9');
    db.close();
    const upgraded = openStore(path);
    try {
      assert.equal(upgraded.stats().schemaVersion, SCHEMA_VERSION);
      checkArchive(upgraded);
    } finally {
      upgraded.close();
    }
    const after = new Database(path, { readonly: true });
    assert.deepEqual(
      after.prepare('SELECT * FROM passage_repeats ORDER BY article, block').all(),
      marked,
    );
    assert.deepEqual(after.prepare('SELECT * FROM passage_keys ORDER BY key, article').all(), keys);
    after.close();
  });

  test('the article API says which blocks repeat, as the OpenAPI document describes', async () => {
    const archive = openStore(':memory:');
    const webRoot = makeWebRoot();
    let server: RunningServer | undefined;
    try {
      for (const doc of PAGES) archive.putDocument(doc);
      server = await startServer({ archive, port: 0, webRoot, log: () => {} });
      const api = new OpenApiChecker((await call(server.url, '/openapi.json')).json);
      const answer = await call(server.url, '/api/articles/2');
      assert.equal(answer.status, 200);
      api.check('get', '/api/articles/{id}', answer);
      assert.equal(answer.json.article.repeats.length, 1);
      assert.equal(answer.json.article.repeats[0].article, 1);
      const once = await call(server.url, '/api/quotes?limit=100');
      const every = await call(server.url, '/api/quotes?limit=100&copies=1');
      assert.equal(statementQuotes(once.json.quotes).length, 1);
      assert.equal(statementQuotes(every.json.quotes).length, 3);
    } finally {
      await server?.close();
      archive.close();
      rmSync(webRoot, { recursive: true, force: true });
    }
  });
});

const noBrowser = browserMissing();

describe('the reader notes a repeated passage', {
  skip: noBrowser ?? false,
  timeout: 120_000,
}, () => {
  test('"repeats #1" beside the statement, linking the article', async () => {
    ensureWebBuilt();
    const archive = openStore(':memory:');
    for (const doc of PAGES) archive.putDocument(doc);
    const server = await startServer({ archive, port: 0 });
    const base = server.url.replace(/\/$/, '');
    const browser = await launchBrowser();
    try {
      const context = await newContext(browser, new URL(base).origin, LAPTOP);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${base}/article/2`);
      await page.locator('.reader').waitFor();
      const notes = page.locator('.pane-clean .repeat-note');
      assert.equal(await notes.count(), 1);
      assert.equal(await notes.textContent(), 'repeats #1');
      assert.equal(await notes.getAttribute('href'), '/article/1');
      // Beside the statement's paragraph, not the short line both print.
      const paragraph = page.locator('.pane-clean p', { has: page.locator('a.repeat-note') });
      assert.match((await paragraph.textContent()) ?? '', /坚决反对任何国家干涉香港事务/);
      await screenshot(page, 'laptop-article-repeats.png');
      await notes.click();
      await page.waitForURL(/\/article\/1$/);
      await page.locator('.reader').waitFor();
      assert.equal(await page.locator('.repeat-note').count(), 0);
      assert.deepEqual(errors, []);
      await context.close();
    } finally {
      await browser.close();
      await server.close();
      archive.close();
    }
  });
});

const pgBackend = BACKENDS.find((b) => b.backend.name === 'postgres');

describe('repeated passages, on PostgreSQL as on SQLite', { skip: pgBackend?.skip }, () => {
  before(async () => {
    await prepareDatabases(1);
  });
  after(async () => {
    await dropTestDatabases();
  });

  test('the same counts, listings and marks; storing again adds nothing', () => {
    const archive = pgBackend?.backend.open() as Archive;
    const lite = openStore(':memory:');
    try {
      for (const doc of PAGES) assert.deepEqual(archive.putDocument(doc), lite.putDocument(doc));
      checkArchive(archive);
      for (const q of [{}, { copies: true }, { outlet: '大公報' }]) {
        assert.deepEqual(archive.quotes({ ...q, limit: 100 }), lite.quotes({ ...q, limit: 100 }));
        assert.deepEqual(archive.stances({ ...q, limit: 100 }), lite.stances({ ...q, limit: 100 }));
      }
      assert.deepEqual(archive.compareOutlets({}), lite.compareOutlets({}));
      for (const doc of PAGES) assert.equal(archive.putDocument(doc).created, false);
      checkArchive(archive);
    } finally {
      archive.close();
      lite.close();
    }
  });

  test('an archive of migration 5 is marked in id order, as ingest would have marked it', async () => {
    const url = await createTestDatabase();
    const first = openArchive(url);
    for (const doc of PAGES) first.putDocument(doc);
    first.close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const rows = async (table: string, order: string) =>
      (await client.query(`SELECT * FROM ${table} ORDER BY ${order}`)).rows;
    try {
      const marked = await rows('passage_repeats', 'article, block');
      const keys = await rows('passage_keys', 'key, article');
      await client.query(
        'DROP TABLE passage_repeats; DROP TABLE passage_keys; UPDATE jiedu_schema SET version = 5',
      );
      const upgraded = openArchive(url);
      try {
        assert.equal(upgraded.stats().schemaVersion, 6);
        checkArchive(upgraded);
      } finally {
        upgraded.close();
      }
      assert.deepEqual(await rows('passage_repeats', 'article, block'), marked);
      assert.deepEqual(await rows('passage_keys', 'key, article'), keys);
    } finally {
      await client.end();
    }
  });
});

if (PG_SKIP !== null) test('PostgreSQL half', { skip: `skipped: ${PG_SKIP}` }, () => {});
