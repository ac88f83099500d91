import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openArchive as openAnyArchive, openStore } from '../src/store/index.ts';
import { createTestDatabase, dropTestDatabases, PG_SKIP } from './helpers/backends.ts';
import { BIN, ROOT, type Run, spawnCaptured } from './helpers/cli.ts';
import { encodeBig5 } from './helpers/encode.ts';
import { pages, traditionalPage } from './helpers/ingest-pages.ts';

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

/** Opens an archive an ingest child wrote, to read it back. */
function openArchive(path: string) {
  return openStore(path, { create: false });
}

/**
 * Spawns `jiedu ingest …` from the sources (JIEDU_FROM_SOURCE=1) with progress lines every
 * 20 ms; `watch` sees the child and its stderr so far as it grows, to kill or interrupt it.
 */
function ingestChild(
  args: readonly string[],
  options: {
    cwd: string;
    input?: string | Uint8Array;
    env?: Record<string, string>;
    watch?: (child: ChildProcess, stderr: string) => void;
  },
): Promise<Run> {
  const run = spawnCaptured([BIN, 'ingest', ...args], {
    cwd: options.cwd,
    env: { JIEDU_FROM_SOURCE: '1', NO_COLOR: '1', JIEDU_PROGRESS_MS: '20', ...options.env },
    ...(options.watch === undefined ? {} : { onStderr: options.watch }),
  });
  run.child.stdin.end(options.input ?? '');
  return run.exited;
}

/** The highest "N stored" a progress line has reported so far. */
function storedSoFar(stderr: string): number {
  let most = 0;
  for (const m of stderr.matchAll(/\((\d+) stored,/g)) most = Math.max(most, Number(m[1]));
  return most;
}

let dir = '';
/** The batch for the crash and Ctrl-C tests: page files, a JSONL feed and two bad inputs. */
let batch = '';
let expected: string[] = [];

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jiedu-ingest-cli-'));
  batch = join(dir, 'batch');
  await mkdir(join(batch, 'pages'), { recursive: true });
  const files = pages(150);
  for (const [i, text] of files.entries()) {
    await writeFile(join(batch, 'pages', `p${String(i).padStart(3, '0')}.txt`), text);
  }
  const lines = pages(250, 150);
  await writeFile(
    join(batch, 'feed.jsonl'),
    lines.map((text, i) => `${JSON.stringify({ text, id: `f${i}` })}\n`).join(''),
  );
  await writeFile(
    join(batch, 'pages', 'zz-binary.txt'),
    Uint8Array.from({ length: 64 }, (_, i) => i),
  );
  await writeFile(join(batch, 'pages', 'zz-empty.txt'), '');
  expected = [...files, ...lines].map((text) => sha256(text)).sort();
});

after(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('jiedu ingest: usage', { concurrency: true }, () => {
  const usage: [string, string[], RegExp][] = [
    ['no input', [], /no input: give files, directories, glob patterns, or -/],
    ['stdin twice', ['-', '-'], /standard input \(-\) can be read only once/],
    ['--workers 0', ['x.txt', '--workers', '0'], /--workers takes a positive whole number/],
    ['--workers 1.5', ['x.txt', '--workers', '1.5'], /--workers takes a positive whole number/],
    [
      '--workers 100000',
      ['x.txt', '--workers', '100000'],
      /--workers takes 1 to \d+ on this machine \(4 per core/,
    ],
    ['--max-size abc', ['x.txt', '--max-size', 'abc'], /--max-size takes a positive number of MB/],
    [
      'an unknown option',
      ['x.txt', '--dbb', 'a.db'],
      /unknown option '--dbb' \(did you mean '--db'\?\)/,
    ],
  ];
  for (const [name, args, message] of usage) {
    test(`${name} is a usage error (exit 2)`, async () => {
      const r = await ingestChild(args, { cwd: dir });
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, message);
      assert.match(r.stderr, /Run 'jiedu help ingest' for usage/);
    });
  }

  test('help ingest shows the options', async () => {
    const r = await ingestChild(['--help'], { cwd: dir });
    assert.equal(r.code, 0);
    for (const flag of [
      '--db <file|url>',
      '--workers <n>',
      '--max-size <MB>',
      '--date-from-path',
      '--queue',
    ]) {
      assert.ok(r.stdout.includes(flag), flag);
    }
  });
});

describe('jiedu ingest: the archive', () => {
  test('stdin, --max-size and a corrupt file: reported, skipped, the rest stored; exit 1', async () => {
    const work = await mkdtemp(join(dir, 'stdin-'));
    const big5 = encodeBig5(traditionalPage(500));
    // Cut inside the last character (the page ends with a line end, then 片).
    await writeFile(join(work, 'truncated.txt'), big5.subarray(0, big5.length - 2));
    await writeFile(join(work, 'large.txt'), `${traditionalPage(501)}${'更多內容。'.repeat(400)}`);
    await writeFile(join(work, 'fine.txt'), traditionalPage(502));
    const page = traditionalPage(503);
    const r = await ingestChild(
      // --strict: the cut page is refused, not read with a warning (decode-lenient.test.ts).
      [
        '-',
        'truncated.txt',
        'large.txt',
        'fine.txt',
        '--db',
        'a.db',
        '--max-size',
        '0.004',
        '--strict',
      ],
      { cwd: work, input: page },
    );
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /^truncated\.txt: cannot decode as text at byte offset \d+/m);
    assert.match(r.stderr, /^large\.txt: larger than --max-size \(.+ MB > .+ MB\)/m);
    assert.match(r.stderr, /jiedu ingest: 2 stored, 0 already present, 2 failed in [\d.]+ s/);
    assert.match(r.stderr, /failures logged to a\.failures\.jsonl/);
    const log = (await readFile(join(work, 'a.failures.jsonl'), 'utf8')).trim().split('\n');
    assert.deepEqual(log.map((line) => JSON.parse(line).path).sort(), [
      'large.txt',
      'truncated.txt',
    ]);
    const archive = openArchive(join(work, 'a.db'));
    try {
      assert.ok(archive.hasDocument(sha256(page)));
      assert.ok(archive.hasDocument(sha256(traditionalPage(502))));
      assert.equal(archive.stats().documents, 2);
    } finally {
      archive.close();
    }
    // Again: all already present, and the archive does not grow.
    const again = await ingestChild(['-', 'fine.txt', '--db', 'a.db'], { cwd: work, input: page });
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stderr, /0 stored, 2 already present, 0 failed/);
  });

  for (const backend of ['sqlite', 'postgres'] as const) {
    const skip =
      backend === 'postgres' && PG_SKIP !== null
        ? `PostgreSQL half skipped: ${PG_SKIP}`
        : undefined;
    test(`killed with SIGKILL at a random point, then run again: the archive equals a clean ingest (${backend})`, {
      skip,
    }, async () => {
      const work = await mkdtemp(join(dir, 'crash-'));
      const pg = backend === 'postgres';
      const crashedDb = pg ? await createTestDatabase() : join(work, 'crashed.db');
      const cleanDb = pg ? await createTestDatabase() : join(work, 'clean.db');
      const args = [batch, '--db', crashedDb, '--workers', '2'];
      // Kill after 1 to 250 of the 400 pages are stored, a random few milliseconds later.
      const killAt = 1 + Math.floor(Math.random() * 250);
      const delay = Math.floor(Math.random() * 30);
      let killed = false;
      const crashed = await ingestChild(args, {
        cwd: work,
        watch: (child, stderr) => {
          if (killed || storedSoFar(stderr) < killAt) return;
          killed = true;
          setTimeout(() => child.kill('SIGKILL'), delay);
        },
      });
      assert.equal(
        crashed.signal,
        'SIGKILL',
        `not killed (kill at ${killAt}): ${crashed.stderr.slice(-300)}`,
      );
      const resumed = await ingestChild(args, { cwd: work });
      assert.equal(resumed.code, 1, resumed.stderr); // the two bad inputs fail again
      // The summary line, not a progress line: "(N stored, …" is progress.
      const summary = /^jiedu ingest: (\d+) stored, (\d+) already present, 2 failed/m.exec(
        resumed.stderr,
      );
      assert.ok(summary, resumed.stderr);
      assert.equal(Number(summary[1]) + Number(summary[2]), expected.length);
      assert.ok(Number(summary[2]) >= killAt, `${summary[2]} present after a kill at ${killAt}`);

      const clean = await ingestChild([batch, '--db', cleanDb, '--workers', '2'], {
        cwd: work,
      });
      assert.equal(clean.code, 1, clean.stderr);
      const a = pg ? openAnyArchive(crashedDb) : openArchive(crashedDb);
      const b = pg ? openAnyArchive(cleanDb) : openArchive(cleanDb);
      try {
        for (const hash of expected) {
          assert.ok(a.hasDocument(hash), `missing after resume: ${hash}`);
          assert.ok(b.hasDocument(hash));
        }
        // Same counts everywhere: no document twice, none stored in part.
        assert.deepEqual(a.stats().documents, expected.length);
        const { documents, articles, blocks, mentions } = a.stats();
        const want = b.stats();
        assert.deepEqual(
          { documents, articles, blocks, mentions },
          {
            documents: want.documents,
            articles: want.articles,
            blocks: want.blocks,
            mentions: want.mentions,
          },
        );
      } finally {
        a.close();
        b.close();
      }
      // The failures log holds whole lines only, whatever the kill interrupted.
      // (On PostgreSQL the log is jiedu.failures.jsonl in the working folder.)
      const log = await readFile(
        join(work, pg ? 'jiedu.failures.jsonl' : 'crashed.failures.jsonl'),
        'utf8',
      );
      assert.ok(log.endsWith('\n'));
      for (const line of log.trim().split('\n')) assert.ok(JSON.parse(line).reason);
      if (pg) await dropTestDatabases();
    });
  }

  test('Ctrl-C stores the pages in hand, prints the summary and exits 130', async () => {
    const work = await mkdtemp(join(dir, 'sigint-'));
    const args = [batch, '--db', join(work, 'a.db'), '--workers', '2'];
    let sent = false;
    const r = await ingestChild(args, {
      cwd: work,
      watch: (child, stderr) => {
        if (sent || storedSoFar(stderr) < 20) return;
        sent = true;
        child.kill('SIGINT');
      },
    });
    assert.ok(sent, 'no SIGINT sent');
    assert.equal(r.code, 130, r.stderr);
    assert.match(r.stderr, /stopping — storing the pages in hand/);
    const summary = /interrupted: (\d+) stored, 0 already present, \d+ failed/.exec(r.stderr);
    assert.ok(summary, r.stderr);
    assert.match(r.stderr, /run the same command again to finish the job/);
    const stored = Number(summary[1]);
    assert.ok(stored >= 20 && stored < expected.length, String(stored));
    const archive = openArchive(join(work, 'a.db'));
    try {
      assert.equal(archive.stats().documents, stored);
    } finally {
      archive.close();
    }
    const again = await ingestChild(args, { cwd: work });
    assert.equal(again.code, 1);
    assert.match(
      again.stderr,
      new RegExp(
        `^jiedu ingest: ${expected.length - stored} stored, ${stored} already present`,
        'm',
      ),
    );
  });
});

// The built package (dist/) runs its workers from dist/ingest/worker.js: checked when a
// build newer than the ingest sources is there (`npm run build`).
const DIST_WORKER = join(ROOT, 'dist', 'ingest', 'worker.js');
const FRESH_DIST =
  existsSync(DIST_WORKER) &&
  existsSync(join(ROOT, 'dist', 'store', 'index.js')) &&
  statSync(DIST_WORKER).mtimeMs >= statSync(join(ROOT, 'src', 'ingest', 'worker-pool.ts')).mtimeMs;

test('the built package ingests with its workers from dist/', {
  skip: FRESH_DIST ? false : 'no fresh build: run npm run build',
}, async () => {
  const work = await mkdtemp(join(dir, 'dist-'));
  await writeFile(join(work, 'a.txt'), traditionalPage(600));
  const r = await ingestChild(['a.txt', '--db', 'a.db', '--workers', '1'], {
    cwd: work,
    env: { JIEDU_FROM_SOURCE: '' },
  });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /1 stored, 0 already present, 0 failed/);
});
