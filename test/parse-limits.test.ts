import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { collectSources } from '../src/ingest/collect-sources.ts';
import { walkFolder } from '../src/ingest/walk-folder.ts';
import { runJiedu } from './helpers/cli.ts';

/*
 * `jiedu parse` reads what it is given within limits, as ingest does: a page over
 * --max-size is refused before it is read (standard input as soon as it passes the limit),
 * devices and pipes are refused, and in a folder a link out of it is not followed unless
 * asked and a link to nothing is said, never skipped without a word.
 */

let dir = '';

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jiedu-parse-limits-'));
});

after(async () => {
  await rm(dir, { recursive: true, force: true });
});

const PAGE = '立法會今日三讀通過條例草案，議員就修訂內容辯論。\n';

/** A folder with a page, a link to nothing, a link to a file outside and one to a folder
 * outside; its path. */
async function dump(name: string): Promise<string> {
  const root = join(dir, name);
  const outside = join(dir, `${name}-outside`);
  await mkdir(root, { recursive: true });
  await mkdir(outside, { recursive: true });
  await writeFile(join(root, 'a.txt'), PAGE);
  await writeFile(join(outside, 'secret.txt'), '不應讀到的文字。\n');
  await symlink(join(dir, 'nowhere', 'gone.txt'), join(root, 'gone.txt'));
  await symlink(join(outside, 'secret.txt'), join(root, 'secret.txt'));
  await symlink(outside, join(root, 'elsewhere'));
  // A link back up inside the folder: searched once, no loop.
  await mkdir(join(root, 'sub'));
  await symlink(root, join(root, 'sub', 'up'));
  return root;
}

describe('walking a folder', () => {
  test('says what it does not read: links to nothing, links out; no loops', async () => {
    const root = await dump('walk');
    const found = await walkFolder(root, { wanted: (n) => n.endsWith('.txt'), display: 'walk' });
    assert.deepEqual(
      found.map((e) => [e.rel, e.refused?.replace(/ to \S+,/, ' to X,') ?? 'read']),
      [
        ['a.txt', 'read'],
        ['elsewhere', 'a link to X, outside walk: not followed (--follow-symlinks follows it)'],
        ['gone.txt', 'a link whose target is missing: not read'],
        ['secret.txt', 'a link to X, outside walk: not followed (--follow-symlinks follows it)'],
      ],
    );
    const followed = await walkFolder(root, {
      wanted: (n) => n.endsWith('.txt'),
      display: 'walk',
      followSymlinks: true,
    });
    assert.deepEqual(
      followed.map((e) => [e.rel, e.refused === undefined]),
      [
        ['a.txt', true],
        ['elsewhere/secret.txt', true],
        ['gone.txt', false],
        ['secret.txt', true],
      ],
    );
  });

  test('ingest reports a link to nothing, not only links out', async () => {
    const root = await dump('ingest');
    const sources = await collectSources([root], dir);
    const failures = sources.flatMap((s) =>
      s.kind === 'failure' ? [[s.display.split(/[\\/]/).pop(), s.reason.slice(0, 20)]] : [],
    );
    assert.deepEqual(failures, [
      ['elsewhere', 'a link to /tmp/jiedu'.slice(0, 20)],
      ['gone.txt', 'a link whose target '],
      ['secret.txt', 'a link to /tmp/jiedu'.slice(0, 20)],
    ]);
  });
});

describe('jiedu parse within limits', () => {
  test('a page over --max-size is refused unread, from a file or standard input', async () => {
    const big = join(dir, 'big.txt');
    await writeFile(big, PAGE.repeat(30_000)); // about 2 MB
    const file = await runJiedu(['parse', big, '--max-size', '1']);
    assert.equal(file.code, 1);
    assert.equal(file.stdout, '');
    assert.match(file.stderr, /big\.txt: larger than --max-size \(2\.\d MB > 1 MB\): not read/);
    const piped = await runJiedu(['parse', '-', '--max-size', '1'], {
      input: PAGE.repeat(30_000),
    });
    assert.equal(piped.code, 1);
    assert.match(piped.stderr, /^-: larger than --max-size \(> 1 MB\): not read/m);
    // Under the limit it is read.
    const small = await runJiedu(['parse', '-', '--format', 'text'], { input: PAGE });
    assert.equal(small.code, 0);
    assert.match(small.stdout, /三讀通過/);
    const bad = await runJiedu(['parse', big, '--max-size', 'lots']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--max-size takes a positive number of MB/);
  });

  test('segment and entities --lines refuse a device too, by name', async () => {
    const segment = await runJiedu(['segment', '--lines', '/dev/zero']);
    assert.equal(segment.code, 1);
    assert.match(segment.stderr, /^\/dev\/zero: a device, not a file: not read/m);
    const entities = await runJiedu(['entities', '--lines', '/dev/zero']);
    assert.equal(entities.code, 1);
    assert.match(entities.stderr, /^\/dev\/zero: a device, not a file: not read/m);
  });

  test('devices and named pipes are refused, not read', async () => {
    const fifo = join(dir, 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    const run = await runJiedu(['parse', '/dev/zero', fifo]);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /^\/dev\/zero: a device, not a file: not read/m);
    assert.match(run.stderr, /pipe\.txt: a named pipe, not a file: not read/);
  });

  test('in a folder, links out are not followed unless asked, and links to nothing are said', async () => {
    const root = await dump('parse');
    const run = await runJiedu(['parse', root, '--format', 'text']);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /三讀通過/);
    assert.doesNotMatch(run.stdout, /不應讀到/);
    assert.match(run.stderr, /gone\.txt: a link whose target is missing: not read/);
    assert.match(run.stderr, /secret\.txt: a link to .*: not followed \(--follow-symlinks/);
    const followed = await runJiedu(['parse', root, '--format', 'text', '--follow-symlinks']);
    assert.match(followed.stdout, /不應讀到/);
  });
});
