import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { annotate } from '../src/annotate/index.ts';
import { openStore } from '../src/store/index.ts';
import { runJiedu } from './helpers/cli.ts';
import { storyDocument, storySet } from './helpers/story-set.ts';

/*
 * jiedu stories, and jiedu search counting a story once, on an archive of two topics of the
 * composed story set (four stories, seven pages each, article ids 1–28 in set order).
 */

let dir = '';
let db = '';

function jiedu(args: string[]) {
  return runJiedu(args, { cwd: dir, env: { JIEDU_DB: '' } });
}

/** The lines of a CSV without quoted fields. */
const csvLines = (text: string) => text.split('\r\n').filter((l) => l !== '');

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jiedu-cli-stories-'));
  db = join(dir, 'archive.db');
  const archive = openStore(db);
  for (const page of storySet(['eu-tariffs', 'hang-seng'])) {
    archive.putDocument(storyDocument(page));
  }
  archive.close();
});

after(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('jiedu entities counts a story once', () => {
  test('an entity of one story of seven copies: one article by default, seven with --copies', async () => {
    const annotated = join(dir, 'annotated.db');
    const archive = openStore(annotated);
    for (const page of storySet(['eu-tariffs']).filter((p) => p.story === 'eu-tariffs-a')) {
      const doc = storyDocument(page);
      archive.putDocument({ ...doc, page: annotate(doc.page, { date: page.date }) });
    }
    archive.close();
    const rows = async (extra: string[]) => {
      const r = await jiedu(['entities', '--db', annotated, '--format', 'json', ...extra]);
      assert.equal(r.code, 0, r.stderr);
      return new Map(
        (JSON.parse(r.stdout) as { id: string; articles: number }[]).map((e) => [e.id, e.articles]),
      );
    };
    const once = await rows(['--limit', '100']);
    const every = await rows(['--limit', '100', '--copies']);
    assert.ok(once.size > 0);
    assert.ok([...once.values()].every((n) => n === 1));
    assert.ok([...every.values()].some((n) => n === 7));
    const wrong = await jiedu(['entities', '--lines', '-', '--copies']);
    assert.equal(wrong.code, 2);
    assert.match(wrong.stderr, /--copies lists the archive/);
  });
});

describe('jiedu stories', { concurrency: true }, () => {
  test('a table: story, copies, headline, outlets; most copies first, newest first', async () => {
    const r = await jiedu(['stories', '--db', db]);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    assert.match(lines[0] ?? '', /^story\s+copies\s+headline\s+outlets$/);
    assert.equal(lines.length, 6);
    assert.match(lines[2] ?? '', /^\s*22\s+7\s+港股四連升 恒指收報17780點\s+星島日報、/);
    // A long headline is cut to fit the terminal.
    assert.match(
      lines[5] ?? '',
      /^\s*1\s+7\s+外交部回应欧盟对华电动汽车加征临…\s+新华社、大公報、/,
    );
  });

  test('--format json and jsonl: each story with its articles (id, outlet, date, path)', async () => {
    const json = await jiedu(['stories', '--db', db, '--format', 'json', '--limit', '1']);
    assert.equal(json.code, 0, json.stderr);
    const [story] = JSON.parse(json.stdout);
    assert.equal(story.story, 22);
    assert.equal(story.copies, 7);
    assert.equal(story.articles.length, 7);
    assert.deepEqual(story.articles[0], {
      id: 22,
      outlet: '星島日報',
      date: '2024-07-13',
      path: 'stories/hang-seng-b/original.txt',
    });
    const jsonl = await jiedu(['stories', '--db', db, '--format', 'jsonl', '--offset', '3']);
    const rows = jsonl.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.deepEqual(
      rows.map((s) => [s.story, s.copies]),
      [[1, 7]],
    );
  });

  test('--format csv: a header, lists joined by "; "', async () => {
    const r = await jiedu(['stories', '--db', db, '--format', 'csv', '--limit', '2']);
    assert.equal(r.code, 0, r.stderr);
    const lines = csvLines(r.stdout);
    assert.equal(lines[0], 'story,headline,copies,outlets,articles,paths');
    assert.equal(lines.length, 3);
    assert.match(lines[1] ?? '', /^22,港股四連升 恒指收報17780點,7,星島日報; 人民日报; 大公報; /);
    assert.match(
      lines[1] ?? '',
      /,22; 23; 24; 25; 26; 27; 28,stories\/hang-seng-b\/original\.txt; /,
    );
  });

  test('--min-copies, and its wrong values', async () => {
    const none = await jiedu(['stories', '--db', db, '--min-copies', '8']);
    assert.equal(none.code, 0);
    assert.equal(none.stdout, '');
    assert.match(none.stderr, /No stories match/);
    const seven = await jiedu(['stories', '--db', db, '--min-copies', '7', '--format', 'jsonl']);
    assert.equal(seven.stdout.trimEnd().split('\n').length, 4);
    for (const bad of ['0', 'two']) {
      const r = await jiedu(['stories', '--db', db, '--min-copies', bad]);
      assert.equal(r.code, 2, bad);
      assert.match(r.stderr, /--min-copies/);
    }
  });
});

describe('jiedu search and stories', { concurrency: true }, () => {
  test('one hit per story, each with its number of copies; --copies lists every copy', async () => {
    const r = await jiedu(['search', '关税', '--db', db, '--format', 'jsonl']);
    assert.equal(r.code, 0, r.stderr);
    const hits = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.equal(hits.length, 2);
    assert.deepEqual(
      hits.map((h) => h.copies),
      [7, 7],
    );
    assert.deepEqual(hits.map((h) => h.story).sort(), [1, 8]);
    const every = await jiedu(['search', '關稅', '--db', db, '--format', 'jsonl', '--copies']);
    const all = every.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.equal(all.length, 11);
    assert.ok(all.every((h) => h.copies === 7));
    const csv = csvLines(
      (await jiedu(['search', '恒指', '--db', db, '--format', 'csv', '--sort', 'oldest'])).stdout,
    );
    assert.match(csv[0] ?? '', /,story,copies$/);
    assert.deepEqual(
      csv.slice(1).map((l) => l.split(',').slice(-2).join(',')),
      ['15,7', '22,7'],
    );
  });

  test('jiedu ingest: a page in GB18030 and its Traditional copy in UTF-8 are one story', async () => {
    const pages = join(dir, 'pages');
    await mkdir(pages);
    const [original, traditional, , , , , allAtOnce] = storySet(['shenzhou']).filter(
      (p) => p.story === 'shenzhou-a',
    );
    assert.ok(original && traditional && allAtOnce);
    await writeFile(join(pages, 'a.txt'), traditional.bytes);
    await writeFile(join(pages, 'b.txt'), allAtOnce.bytes);
    const ingested = join(dir, 'ingested.db');
    const r = await jiedu(['ingest', pages, '--db', ingested, '--no-ner', '--workers', '1']);
    assert.equal(r.code, 0, r.stderr);
    const stories = await jiedu(['stories', '--db', ingested, '--format', 'json']);
    assert.deepEqual(
      JSON.parse(stories.stdout).map((s: { copies: number }) => s.copies),
      [2],
    );
  });
});
