import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openStore } from '../src/store/index.ts';
import { displayWidth } from '../src/text/chars.ts';
import { runJiedu } from './helpers/cli.ts';
import { readCsv } from './helpers/csv.ts';
import { fillStore } from './helpers/store-pages.ts';

let dir = '';
let db = '';

/** Runs jiedu in the test folder, with no archive named by the environment. */
function jiedu(args: string[], env: Record<string, string> = {}) {
  return runJiedu(args, { cwd: dir, env: { JIEDU_DB: '', ...env } });
}

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jiedu-cli-archive-'));
  db = join(dir, 'archive.db');
  const store = openStore(db);
  fillStore(store);
  store.close();
  // The default archive of a folder: jiedu.db.
  await mkdir(join(dir, 'here'));
  await copyFile(db, join(dir, 'here', 'jiedu.db'));
});

after(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('jiedu search', { concurrency: true }, () => {
  test("a table fitted to 100 columns, CJK aligned, matches marked in the page's script", async () => {
    const r = await jiedu(['search', '习近平', '--db', db]);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    assert.match(lines[0] ?? '', /^id\s+date\s+outlet\s+headline\s+snippet$/);
    assert.match(lines[1] ?? '', /^─+( {2}─+){4}$/);
    assert.equal(lines.length, 3);
    for (const line of lines) assert.ok(displayWidth(line) <= 100, line);
    const row = lines[2] ?? '';
    assert.match(row, /^ 1 {2}2024-05-16 {2}文匯報 {2}習近平會見俄羅斯總統普京/);
    assert.ok(row.includes('«習近平»'), row);
    // The snippet column starts at the same display column in the header and the row.
    const column = (line: string, at: number) => displayWidth(line.slice(0, at));
    const header = lines[0] ?? '';
    const headline = header.indexOf('headline');
    assert.equal(column(row, row.indexOf('習近平會見')), column(header, headline));
  });

  test('either script finds either page; words of the query are ANDed', async () => {
    const r = await jiedu(['search', '單邊', '制裁', '--db', db, '--format', 'jsonl']);
    assert.equal(r.code, 0, r.stderr);
    const hits = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.deepEqual(hits.map((h) => h.articleId).sort(), [1, 3]);
    const simp = hits.find((h) => h.articleId === 3);
    assert.deepEqual(
      simp.snippet.highlights.map((h: { start: number; end: number }) =>
        simp.snippet.text.slice(h.start, h.end),
      ),
      ['单边制裁', '单边制裁'],
    );
  });

  test('--format json and the filters', async () => {
    const r = await jiedu([
      'search',
      '制裁',
      '--db',
      db,
      '--outlet',
      '新華社',
      '--from',
      '2024-05-01',
      '--speaker',
      '扎哈罗娃',
      '--format',
      'json',
    ]);
    assert.equal(r.code, 0, r.stderr);
    const hits = JSON.parse(r.stdout);
    assert.deepEqual(
      hits.map((h: { articleId: number }) => h.articleId),
      [3],
    );
    assert.equal(hits[0].url, 'https://example.org/a/1');
    const none = await jiedu(['search', '制裁', '--db', db, '--entity', '海洋公園']);
    assert.equal(none.code, 0);
    assert.equal(none.stdout, '');
    assert.match(none.stderr, /No articles match/);
  });

  test('--sort newest / oldest, --script, and --facets', async () => {
    const dates = async (...extra: string[]) => {
      const r = await jiedu(['search', '制裁', '--db', db, '--format', 'json', ...extra]);
      assert.equal(r.code, 0, r.stderr);
      return JSON.parse(r.stdout).map((h: { date: string }) => h.date) as string[];
    };
    const newest = await dates('--sort', 'newest');
    assert.ok(newest.length >= 2);
    assert.deepEqual(newest, [...newest].sort().reverse());
    assert.deepEqual(await dates('--sort', 'oldest'), [...newest].reverse());
    const trad = await jiedu(['search', '--db', db, '--script', 'traditional', '--format', 'json']);
    const hits = JSON.parse(trad.stdout) as { script: string }[];
    assert.ok(hits.length > 0 && hits.every((h) => h.script === 'traditional'));
    const bad = await jiedu(['search', '制裁', '--db', db, '--sort', 'random']);
    assert.equal(bad.code, 2);
    const facets = await jiedu(['search', '制裁', '--db', db, '--facets', '--format', 'csv']);
    assert.equal(facets.code, 0, facets.stderr);
    const rows = readCsv(facets.stdout);
    assert.deepEqual(rows[0], ['facet', 'key', 'label', 'count']);
    const outlets = rows.filter((r) => r[0] === 'outlet');
    const total = outlets.reduce((n, r) => n + Number(r[3]), 0);
    assert.equal(total, newest.length, 'each match counted under one outlet');
    assert.ok(rows.some((r) => r[0] === 'LOC' && r[1] === 'LOC:俄罗斯'));
    const table = await jiedu(['search', '制裁', '--db', db, '--facets']);
    assert.match(table.stdout, /^facet\s+group\s+articles\n/);
  });

  test('--format csv: a header and RFC 4180 quoting', async () => {
    const r = await jiedu(['search', '--db', db, '--format', 'csv', '--limit', '2']);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(r.stdout.endsWith('\r\n'));
    const rows = readCsv(r.stdout);
    assert.deepEqual(rows[0], [
      'id',
      'document',
      'date',
      'outlet',
      'headline',
      'score',
      'snippet',
      'source',
      'url',
      // Added with stories, after the columns the CSV had before.
      'story',
      'copies',
    ]);
    assert.equal(rows.length, 3);
    // Newest first without a query; the snippet has commas, so it was quoted.
    assert.equal(rows[1]?.[0], '3');
    assert.equal(rows[1]?.[5], '');
    assert.ok(rows[1]?.[6]?.includes('，'));
    assert.equal(rows[1]?.[7], 'feed.jsonl:1');
  });

  test('the archive: --db, else $JIEDU_DB, else jiedu.db in the current folder', async () => {
    const here = await runJiedu(['search', '凌駕', '--format', 'jsonl'], {
      cwd: join(dir, 'here'),
      env: { JIEDU_DB: '' },
    });
    assert.equal(here.code, 0, here.stderr);
    assert.equal(JSON.parse(here.stdout).articleId, 4);
    const env = await jiedu(['search', '凌駕', '--format', 'jsonl'], { JIEDU_DB: db });
    assert.equal(env.code, 0, env.stderr);
    assert.equal(JSON.parse(env.stdout).articleId, 4);
    const missing = await jiedu(['search', '凌駕']);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /jiedu search: .*jiedu\.db: no archive there \(give --db FILE/);
  });

  test('a query or a value it cannot read is a usage error', async () => {
    const query = await jiedu(['search', '(制裁', '--db', db]);
    assert.equal(query.code, 2);
    assert.match(query.stderr, /jiedu search: unclosed \( in the query\nRun 'jiedu help search'/);
    const date = await jiedu(['search', '制裁', '--db', db, '--from', '2024/05/01']);
    assert.equal(date.code, 2);
    assert.match(date.stderr, /--from must be a date YYYY-MM-DD/);
    const limit = await jiedu(['search', '制裁', '--db', db, '--limit', 'ten']);
    assert.equal(limit.code, 2);
    const format = await jiedu(['search', '制裁', '--db', db, '--format', 'xml']);
    assert.equal(format.code, 2);
  });
});

describe('jiedu show', { concurrency: true }, () => {
  test('Markdown by default, as jiedu parse prints it', async () => {
    const r = await jiedu(['show', '1', '--db', db]);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(r.stdout.startsWith('# 習近平會見俄羅斯總統普京\n'));
    assert.ok(r.stdout.includes('普京說：「俄方反對單邊制裁，願同中方加強合作。」'));
  });

  test('--format json: the document and the article view with annotations', async () => {
    const r = await jiedu(['show', '3', '--db', db, '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const article = JSON.parse(r.stdout);
    assert.equal(article.id, 3);
    assert.equal(article.document.outlet, '新华社');
    const [view] = article.view.articles;
    assert.equal(view.headline, '外交部就中俄关系答记者问');
    assert.deepEqual(
      view.quotes.map((q: { speaker: string }) => q.speaker),
      ['王毅', '王毅', '扎哈罗娃'],
    );
  });

  test('no such article, a bad id', async () => {
    const missing = await jiedu(['show', '99', '--db', db]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /no article 99 in /);
    const bad = await jiedu(['show', 'abc', '--db', db]);
    assert.equal(bad.code, 2);
    const none = await jiedu(['show', '--db', db]);
    assert.equal(none.code, 2);
  });
});

describe('jiedu entities, quotes, stances', { concurrency: true }, () => {
  test('entities: the archive, by type, counted; --lines still tags text', async () => {
    const r = await jiedu(['entities', '--db', db, '--type', 'per', '--format', 'csv']);
    assert.equal(r.code, 0, r.stderr);
    const rows = readCsv(r.stdout);
    assert.deepEqual(rows[0], ['id', 'type', 'name', 'articles', 'mentions', 'roles']);
    assert.ok(rows.slice(1).every((row) => row[1] === 'PER'));
    // The roles pages gave a person, as the page wrote them (國家主席習近平).
    assert.equal(rows.find((row) => row[0] === 'PER:习近平')?.[5], '國家主席');
    const count = await jiedu(['entities', '--db', db, '--count', '--format', 'json']);
    assert.ok(JSON.parse(count.stdout).some((c: { key: string }) => c.key === 'LOC'));
    const table = await jiedu(['entities', '--db', db, '--name', '羅斯']);
    // The spokesperson's institution is an organisation of its own (GUIDELINES §1).
    assert.match(table.stdout, /LOC:俄罗斯\s+LOC\s+俄罗斯\s+2\s+\d+\n/);
    assert.match(table.stdout, /ORG:俄罗斯外交部\s+ORG\s+俄罗斯外交部\s+1\s+\d+\n$/);
    const lines = await runJiedu(['entities', '--lines', '-'], { input: '普京到訪北京\n' });
    assert.equal(lines.code, 0, lines.stderr);
    assert.deepEqual(JSON.parse(lines.stdout).entities, [
      [0, 2, 'PER'],
      [4, 6, 'LOC'],
    ]);
    const mixed = await jiedu(['entities', '--lines', '-', '--db', db]);
    assert.equal(mixed.code, 2);
    assert.match(mixed.stderr, /--db lists the archive; it does not go with --lines/);
  });

  test('quotes: --speaker in either script, --about, --count', async () => {
    const r = await jiedu(['quotes', '--db', db, '--speaker', '普京']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /普京\s+說\s+俄方反對單邊制裁，願同中方加強合作。\n$/);
    const about = await jiedu(['quotes', '--db', db, '--about', '單邊制裁', '--format', 'jsonl']);
    assert.deepEqual(
      about.stdout
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l).speaker),
      ['普京', '王毅', '扎哈罗娃'],
    );
    const count = await jiedu(['quotes', '--db', db, '--count']);
    assert.match(count.stdout, /^speaker\s+count\n─+ {2}─+\n王毅\s+2\n/);
  });

  test('stances: --actor 俄羅斯 --class oppose --about 制裁, and --count --by actor', async () => {
    const r = await jiedu([
      'stances',
      '--db',
      db,
      '--actor',
      '俄羅斯',
      '--class',
      'oppose',
      '--about',
      '制裁',
      '--format',
      'json',
    ]);
    assert.equal(r.code, 0, r.stderr);
    const rows = JSON.parse(r.stdout);
    assert.deepEqual(
      rows.map((s: { actors: string[]; target: string }) => [s.actors, s.target]),
      // 普京說：「俄方反對單邊制裁…」 holds for 俄方 (a subject of its own in the quote), as
      // 扎哈罗娃说，俄方同样反对单边制裁 does.
      [
        [['俄羅斯'], '單邊制裁'],
        [['俄罗斯'], '单边制裁'],
      ],
    );
    const count = await jiedu([
      'stances',
      '--db',
      db,
      '--class',
      'oppose',
      '--count',
      '--by',
      'actor',
    ]);
    assert.equal(count.code, 0, count.stderr);
    assert.match(count.stdout, /^actor\s+count\n/);
    assert.match(count.stdout, /俄罗斯\s+2\n/);
    const bad = await jiedu(['stances', '--db', db, '--class', 'hate']);
    assert.equal(bad.code, 2);
  });
});

describe('jiedu export and stats', { concurrency: true }, () => {
  test('export: articles as JSON Lines, quotes as CSV, filtered', async () => {
    const r = await jiedu(['export', '--db', db]);
    assert.equal(r.code, 0, r.stderr);
    const articles = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.deepEqual(
      articles.map((a) => a.id),
      [1, 2, 3, 4],
    );
    assert.ok(articles[3].text.includes('凌驾于国际法之上'));
    const quotes = await jiedu([
      'export',
      '--db',
      db,
      '--what',
      'quotes',
      '--format',
      'csv',
      '--outlet',
      '文匯報',
    ]);
    const rows = readCsv(quotes.stdout);
    assert.equal(rows[0]?.[0], 'id');
    assert.deepEqual(
      rows.slice(1).map((row) => row[6]),
      ['習近平', '普京'],
    );
    // A quote holds commas: quoted, read back whole.
    assert.equal(rows[1]?.[9], '中俄堅持睦鄰友好，雙方支持彼此維護核心利益。');
    const entities = await jiedu(['export', '--db', db, '--what', 'entities']);
    assert.ok(entities.stdout.includes('"id":"PER:习近平"'));
  });

  test('stats: aligned lines, or JSON', async () => {
    const r = await jiedu(['stats', '--db', db]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^archive {9}.*archive\.db\n/);
    assert.match(r.stdout, /\ndocuments {7}3\narticles {8}4\n/);
    assert.match(r.stdout, /\ndates {11}2024-05-16 … 2024-05-17\n/);
    const json = await jiedu(['stats', '--db', db, '--format', 'json']);
    assert.equal(JSON.parse(json.stdout).quotes, 5);
  });

  test('help lists the archive commands', async () => {
    const r = await jiedu(['--help']);
    for (const name of ['search', 'show', 'quotes', 'stances', 'export', 'stats']) {
      assert.match(r.stdout, new RegExp(`\\n {2}${name} +\\S`), name);
    }
    const search = await jiedu(['help', 'search']);
    assert.match(search.stdout, /--db <file\|url>/);
    assert.match(search.stdout, /postgres:\/\//);
    assert.match(search.stdout, /JIEDU_DB/);
  });
});
