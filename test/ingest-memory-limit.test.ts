import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream, readdirSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createGzip } from 'node:zlib';
import { addressSpaceLimit, addressSpaceUsed, planWorkers } from '../src/ingest/address-space.ts';
import { openStore } from '../src/store/index.ts';
import { ROOT } from './helpers/cli.ts';
import { pages } from './helpers/ingest-pages.ts';

/*
 * Issue 13: under a limit of 2 GB of address space (`ulimit -v`), an ingest of hostile files
 * beside good pages stores every good page. The hostile ones: a .warc.gz that inflates to
 * 300 MB, a page over --max-size, markup nested 30,000 deep, a page that runs past
 * --page-time, a named pipe, and a JSON Lines file with a broken line. Run on the built CLI
 * (dist/): tsx's WebAssembly lexer alone reserves more address space than the limit.
 */

const LIMIT_KB = 2 * 1024 * 1024;
const DIST_MAIN = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));

let dir = '';

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jiedu-ulimit-'));
});

after(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Newest modification time of the files under `folder` (ms). */
function newest(folder: string): number {
  let latest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      latest = Math.max(latest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return latest;
}

/** The built CLI, built from the sources first when they are newer (as `npm run build`). */
function builtCli(): string {
  let fresh = false;
  try {
    fresh = statSync(DIST_MAIN).mtimeMs >= newest(join(ROOT, 'src'));
  } catch {
    fresh = false;
  }
  if (!fresh) {
    execFileSync(
      process.execPath,
      [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
      {
        cwd: ROOT,
        stdio: 'ignore',
      },
    );
  }
  return join(ROOT, 'bin', 'jiedu.js');
}

/** This process's environment for the CLI: not a test runner's child, not from sources. */
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.NODE_TEST_CONTEXT;
  delete env.JIEDU_FROM_SOURCE;
  return env;
}

/** A .warc.gz of one HTML response whose body inflates to `mb` MB: a few hundred KB. */
async function inflatingWarc(path: string, mb: number): Promise<void> {
  const chunk = Buffer.from('<p>新聞稿內容</p>\n'.repeat(4096));
  const count = Math.ceil((mb * 1024 * 1024) / chunk.length);
  const http = Buffer.from('HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n');
  const block = http.length + count * chunk.length;
  const head = Buffer.from(
    [
      'WARC/1.1',
      'WARC-Type: response',
      'WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-00000000000b>',
      'WARC-Date: 2024-01-01T00:00:00Z',
      'WARC-Target-URI: https://bomb.example/page',
      'Content-Type: application/http; msgtype=response',
      `Content-Length: ${block}`,
      '',
      '',
    ].join('\r\n'),
  );
  async function* parts() {
    yield head;
    yield http;
    for (let k = 0; k < count; k++) yield chunk;
    yield Buffer.from('\r\n\r\n');
  }
  await pipeline(Readable.from(parts()), createGzip({ level: 1 }), createWriteStream(path));
}

test('under ulimit -v 2 GB, an ingest of hostile files and good pages stores every good page', async () => {
  const root = join(dir, 'dump');
  await mkdir(root, { recursive: true });
  const good = pages(6, 40);
  for (const [i, text] of good.entries()) await writeFile(join(root, `good-${i}.txt`), text);
  // A seventh good page, cut inside its last character (a truncated download): read.
  const cut = Buffer.from(`${pages(1, 60)[0]}\n結尾`);
  await writeFile(join(root, 'good-cut.txt'), cut.subarray(0, cut.length - 1));
  await inflatingWarc(join(root, 'bomb.warc.gz'), 300);
  await writeFile(join(root, 'huge.txt'), Buffer.alloc(30 * 1024 * 1024, 0x41));
  await writeFile(join(root, 'deep.html'), `<html><body>${'<div>'.repeat(30_000)}深</body></html>`);
  await writeFile(
    join(root, 'slow.txt'),
    '議員昨日在會上質詢，局長回應時表示會研究。\n'.repeat(80_000),
  );
  await writeFile(
    join(root, 'feed.jsonl'),
    `${JSON.stringify({ text: pages(1, 70)[0] })}\n{"text": "broken\n`,
  );
  execFileSync('mkfifo', [join(root, 'pipe.txt')]);
  const db = join(dir, 'archive.db');
  const bin = builtCli();
  const run = spawnSync(
    '/bin/bash',
    [
      '-c',
      `ulimit -v ${LIMIT_KB} && exec "$0" "$@"`,
      process.execPath,
      bin,
      'ingest',
      root,
      '--db',
      db,
      '--workers',
      '2',
      '--page-time',
      '2',
    ],
    {
      encoding: 'utf8',
      env: childEnv(),
      timeout: 120_000,
    },
  );
  // Some inputs failed (exit 1), and the run ended with its summary: it did not crash.
  assert.equal(run.status, 1, `exit ${run.status} ${run.signal ?? ''}\n${run.stderr}`);
  assert.match(run.stderr, /^jiedu ingest: 8 stored, 0 already present, 6 failed/m);
  // The run said how it fitted in the limit.
  assert.match(run.stderr, /address space limited to 2\.0 GB \(ulimit -v\)/);
  const store = openStore(db);
  try {
    const hash = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
    for (const [i, text] of good.entries()) {
      assert.ok(store.hasDocument(hash(text)), `good-${i}.txt stored\n${run.stderr}`);
    }
    assert.ok(store.hasDocument(hash(cut.subarray(0, cut.length - 1))), 'the cut page stored');
    assert.equal(store.stats().documents, 8, run.stderr);
  } finally {
    store.close();
  }
  for (const [name, reason] of [
    ['bomb.warc.gz', /larger than --max-size|declare more than/],
    ['huge.txt', /larger than --max-size/],
    ['deep.html', /nested more than 20000 elements/],
    // Too slow for 2 s, or too large for a worker's heap: either way not read, nothing lost.
    ['slow.txt', /took longer than 2 s|needs more than the \d+ MB of heap/],
    ['pipe.txt', /a named pipe, not a file/],
    ['feed.jsonl:2', /invalid JSON/],
  ] as const) {
    const line = run.stderr.split('\n').find((l) => l.includes(name));
    assert.ok(line !== undefined && reason.test(line), `${name}: ${line ?? 'not reported'}`);
  }
});

test('the worker plan fits the limit: fewer workers, no larger heap without room', () => {
  const GB = 1024 ** 3;
  const MB = 1024 ** 2;
  assert.deepEqual(planWorkers(4, 256, null, 800 * MB), {
    workers: 4,
    largeHeapMb: null,
    note: null,
  });
  const tight = planWorkers(2, 256, 2 * GB, 1000 * MB);
  assert.equal(tight.workers, 1);
  assert.equal(tight.largeHeapMb, 0);
  assert.equal(
    tight.note,
    'address space limited to 2.0 GB (ulimit -v): 1 worker of 2; pages needing more than 256 MB of heap fail',
  );
  // Plenty of room: every worker asked for, and a large heap for the odd large page.
  const roomy = planWorkers(2, 256, 16 * GB, 1000 * MB);
  assert.equal(roomy.workers, 2);
  assert.ok((roomy.largeHeapMb ?? 0) > 1000);
  assert.equal(roomy.note, null);
  // Never fewer than one worker, even when the process already holds the limit.
  assert.equal(planWorkers(2, 256, GB, GB).workers, 1);
});

test('the limit and the use are read from /proc', () => {
  const limits = [
    'Limit                     Soft Limit           Hard Limit           Units',
    'Max address space         2147483648           unlimited            bytes',
  ].join('\n');
  assert.equal(addressSpaceLimit(limits), 2147483648);
  assert.equal(addressSpaceLimit(limits.replace('2147483648', 'unlimited')), null);
  assert.equal(addressSpaceUsed('Name:\tnode\nVmSize:\t  761540 kB\n'), 761540 * 1024);
});
