import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { dateFromPath, readDate } from '../src/ingest/date-from-path.ts';
import { findOutlet, findPageDate } from '../src/ingest/find-outlet.ts';
import { type FailureRecord, type IngestOptions, ingest, MB } from '../src/ingest/index.ts';
import { readLines } from '../src/ingest/read-lines.ts';
import { formatDuration, progressLine, showProgress } from '../src/ingest/show-progress.ts';
import { WorkerPool } from '../src/ingest/worker-pool.ts';
import { parse } from '../src/pipeline.ts';
import { openStore, type Store } from '../src/store/index.ts';
import { encodeBig5, encodeGb18030, encodeUtf16 } from './helpers/encode.ts';
import { pages, simplifiedPage, traditionalPage } from './helpers/ingest-pages.ts';
import { BatchMemoryStore, MemoryStore } from './helpers/memory-store.ts';

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

let dir = '';

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jiedu-ingest-'));
});

after(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A fresh folder under the test's temporary folder. */
async function folder(name: string): Promise<string> {
  const path = join(dir, name);
  await mkdir(path, { recursive: true });
  return path;
}

/** A fresh folder holding `texts` as p0.txt, p1.txt, …; its path. */
async function folderOfPages(name: string, texts: readonly string[]): Promise<string> {
  const root = await folder(name);
  for (const [i, text] of texts.entries()) await writeFile(join(root, `p${i}.txt`), text);
  return root;
}

/** Runs ingest on one worker (enough for a handful of pages) and collects the failures. */
async function run(store: Store, options: Partial<IngestOptions> & { inputs: string[] }) {
  const failures: FailureRecord[] = [];
  const summary = await ingest({
    store,
    workers: 1,
    stdin: Readable.from([]),
    onFailure: (f) => failures.push(f),
    ...options,
  });
  return { summary, failures };
}

const sources = (store: MemoryStore) => [...store.documents.values()].map((d) => d.source).sort();

describe('ingest into a store', () => {
  test('files, a folder searched recursively and a quoted glob, each page stored once', async () => {
    const root = await folder('inputs');
    await mkdir(join(root, 'day', 'sub'), { recursive: true });
    const [a, b, c, d] = pages(4);
    await writeFile(join(root, 'one.txt'), a as string);
    await writeFile(join(root, 'day', 'b.txt'), b as string);
    await writeFile(join(root, 'day', 'sub', 'c.TXT'), c as string);
    await writeFile(join(root, 'day', 'notes.md'), '# not a page\n');
    await writeFile(join(root, 'day', '.hidden.txt'), d as string);
    await writeFile(join(root, 'glob-1.txt'), d as string);
    const store = new MemoryStore();
    const { summary, failures } = await run(store, {
      inputs: ['one.txt', 'day', 'glob-*.txt', 'one.txt'],
      cwd: root,
    });
    assert.deepEqual(failures, []);
    assert.equal(summary.stored, 4);
    assert.equal(summary.present, 0);
    assert.equal(summary.failed, 0);
    assert.equal(summary.interrupted, false);
    assert.deepEqual(sources(store), [
      join('day', 'b.txt'),
      join('day', 'sub', 'c.TXT'),
      'glob-1.txt',
      'one.txt',
    ]);
    const one = [...store.documents.values()].find((doc) => doc.source === 'one.txt');
    assert.equal(one?.hash, sha256(a as string));
    assert.equal(one?.bytes, Buffer.byteLength(a as string));
    assert.equal(one?.outlet, '香港文匯報');
    assert.equal(one?.page.source.path, 'one.txt');
    // Annotated: the page carries entities, quotes and the rest on every article.
    assert.ok(one?.page.children.every((article) => article.annotations !== undefined));
    assert.equal(summary.bytes, summary.totalBytes);
  });

  test('the statistical name tagger is on unless told off (tagger: false, --no-ner)', async () => {
    // A bare foreign name: no title before it, no lexicon entry; only the tagger reads it.
    const text = '本報訊 維克多·佩雷斯今天在記者會上宣佈辭職。\n';
    const namesIn = async (options: { tagger?: boolean }) => {
      const root = await folderOfPages(`tagger-${options.tagger ?? 'on'}`, [text]);
      const store = new MemoryStore();
      const { summary } = await run(store, { inputs: [root], ...options });
      assert.equal(summary.stored, 1);
      const doc = [...store.documents.values()][0];
      return (doc?.page.children ?? []).flatMap((a) =>
        (a.annotations?.mentions ?? []).map((m) => m.text),
      );
    };
    assert.ok((await namesIn({})).includes('維克多·佩雷斯'));
    assert.ok(!(await namesIn({ tagger: false })).includes('維克多·佩雷斯'));
  });

  test('a page over the time budget fails with the reason; the pages queued behind it go on', async () => {
    // A long page: a few seconds of parsing and annotating, over a budget of 0.7 s. The good
    // pages sit behind it on the same worker.
    const poison =
      '行政院今天召開記者會，說明新措施的內容與時程，發言人表示相關部會將提出細節。\n'.repeat(
        12_000,
      );
    const root = await folderOfPages('slow', [poison, ...pages(3)]);
    const store = new MemoryStore();
    const started = performance.now();
    const { summary, failures } = await run(store, { inputs: [root], pageTimeMs: 700 });
    assert.equal(summary.stored, 3, JSON.stringify(failures));
    assert.equal(failures.length, 1);
    assert.match(failures[0]?.path ?? '', /p0\.txt$/);
    assert.match(
      failures[0]?.reason ?? '',
      /^took longer than 0\.7 s to parse and annotate: stopped/,
    );
    assert.ok(performance.now() - started < 20_000);
  });

  test('a rerun skips a page an earlier run stopped at its budget, unless asked or given longer', async () => {
    // Composed poison: one long paragraph of short clauses, a few seconds to annotate.
    const poison = '議員昨日在會上質詢，局長回應時表示會研究。\n'.repeat(12_000);
    const root = await folderOfPages('rerun-slow', [poison, ...pages(2)]);
    const store = openStore(join(await folder('rerun-slow-db'), 'a.db'));
    try {
      const first = await run(store, { inputs: [root], pageTimeMs: 500 });
      assert.equal(first.summary.stored, 2);
      assert.match(first.failures[0]?.reason ?? '', /^took longer than/);
      const hash = sha256(poison);
      assert.equal(store.slowPage(hash)?.limitMs, 500);
      // The rerun fails it at once, unread, and says how to try again.
      const started = performance.now();
      const again = await run(store, { inputs: [root], pageTimeMs: 500 });
      assert.ok(performance.now() - started < 2_000, 'the rerun did not parse the page');
      assert.equal(again.summary.present, 2);
      assert.equal(again.failures.length, 1);
      assert.match(
        again.failures[0]?.reason ?? '',
        /^took longer than 0\.5 s to parse and annotate in an earlier run \(\d{4}-\d\d-\d\d\): skipped; --retry-slow/,
      );
      // Asked to retry, it is parsed again (and stopped again under the same budget).
      const retried = await run(store, { inputs: [root], pageTimeMs: 500, retrySlow: true });
      assert.match(
        retried.failures[0]?.reason ?? '',
        /^took longer than 0\.5 s to parse and annotate: stopped/,
      );
      // A longer budget tries it without being asked; stored, it is forgotten as slow.
      const longer = await run(store, { inputs: [root], pageTimeMs: 120_000 });
      assert.deepEqual(longer.failures, []);
      assert.equal(longer.summary.stored, 1);
      assert.equal(store.slowPage(hash), undefined);
    } finally {
      store.close();
    }
  });

  test('devices and named pipes are refused, not read: no hang, no unbounded read', async () => {
    const root = await folder('special');
    const fifo = join(root, 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    const store = new MemoryStore();
    const { summary, failures } = await run(store, { inputs: [fifo, '/dev/zero'], maxBytes: MB });
    assert.equal(summary.stored, 0);
    assert.deepEqual(
      failures.map((f) => [f.path, f.reason]),
      [
        [fifo, 'a named pipe, not a file: not read (only regular files are, within --max-size)'],
        ['/dev/zero', 'a device, not a file: not read (only regular files are, within --max-size)'],
      ],
    );
  });

  test('links out of a folder are not followed unless asked', async () => {
    const outside = await folderOfPages('outside', pages(1));
    const root = await folderOfPages('dump', pages(2).slice(1));
    await symlink(join(outside, 'p0.txt'), join(root, 'secret.txt'));
    const store = new MemoryStore();
    const { summary, failures } = await run(store, { inputs: [root] });
    assert.equal(summary.stored, 1, JSON.stringify(failures));
    const byName = new Map(failures.map((f) => [f.path.split(/[\\/]/).pop(), f.reason]));
    assert.match(
      byName.get('secret.txt') ?? '',
      /^a link to .*outside .*: not followed \(--follow-symlinks/,
    );
    const followed = new MemoryStore();
    const again = await run(followed, { inputs: [root], followSymlinks: true });
    assert.equal(again.summary.stored, 2);
  });

  test('re-ingesting is a no-op: all already present, nothing parsed or written', async () => {
    const root = await folderOfPages('again', pages(6));
    const store = new MemoryStore();
    const first = await run(store, { inputs: [root], workers: 2 });
    assert.equal(first.summary.stored, 6);
    const puts = store.puts;
    const second = await run(store, { inputs: [root], workers: 2 });
    assert.equal(second.summary.stored, 0);
    assert.equal(second.summary.present, 6);
    assert.equal(second.summary.failed, 0);
    assert.equal(store.documents.size, 6);
    // The hash is checked before parsing: not one page went to putDocument again.
    assert.equal(store.puts, puts);
  });

  test('the same page twice in one batch is stored once and counted present once', async () => {
    const root = await folder('twice');
    const text = traditionalPage(40);
    await writeFile(join(root, 'a.txt'), text);
    await writeFile(join(root, 'b.txt'), text);
    const store = new MemoryStore();
    const { summary } = await run(store, { inputs: [root], workers: 2 });
    assert.equal(summary.stored, 1);
    assert.equal(summary.present, 1);
    assert.equal(store.documents.size, 1);
  });

  test('every supported encoding; the hash is of the bytes as read', async () => {
    const root = await folder('encodings');
    const trad = traditionalPage(50);
    const simp = simplifiedPage(51);
    const files: [string, Uint8Array][] = [
      ['big5.txt', encodeBig5(trad)],
      ['gb.txt', encodeGb18030(simp)],
      ['utf16.txt', encodeUtf16(trad, 'le', true)],
    ];
    for (const [name, bytes] of files) await writeFile(join(root, name), bytes);
    const store = new MemoryStore();
    const { summary, failures } = await run(store, { inputs: [root] });
    assert.deepEqual(failures, []);
    assert.equal(summary.stored, 3);
    for (const [name, bytes] of files) {
      const doc = store.documents.get(sha256(bytes));
      assert.ok(doc, name);
      assert.equal(doc.bytes, bytes.byteLength);
    }
    assert.equal(
      store.documents.get(sha256(files[0]?.[1] as Uint8Array))?.page.source.encoding,
      'big5',
    );
  });

  test('binary and empty inputs are reported and skipped, truncated and corrupt text read with a warning; the batch completes', async () => {
    const root = await folder('corrupt');
    const good = pages(3, 60);
    await writeFile(join(root, 'a-good.txt'), good[0] as string);
    await writeFile(
      join(root, 'b-binary.txt'),
      Uint8Array.from({ length: 256 }, (_, i) => i),
    );
    const big5 = encodeBig5(traditionalPage(63));
    // Cut inside the last character: a Big5 lead byte with no trail byte.
    await writeFile(join(root, 'c-truncated-big5.txt'), big5.subarray(0, big5.length - 2));
    const bad = Uint8Array.from([...big5.subarray(0, 40), 0x81, 0x40, ...big5.subarray(40)]);
    await writeFile(join(root, 'd-invalid-big5.txt'), bad);
    await writeFile(join(root, 'e-empty.txt'), '');
    await writeFile(join(root, 'f-blank.txt'), '  \n\n\u3000\n');
    await writeFile(join(root, 'g-good.txt'), good[1] as string);
    await writeFile(join(root, 'h-good.txt'), good[2] as string);
    const store = new MemoryStore();
    const log = join(root, 'archive.failures.jsonl');
    const warnings: string[] = [];
    const { summary, failures } = await run(store, {
      inputs: [root, join(root, 'missing.txt')],
      failuresLog: log,
      onWarning: (path, warning) => warnings.push(`${path.replace(`${root}/`, '')}: ${warning}`),
    });
    assert.equal(summary.stored, 5);
    assert.equal(summary.failed, 4);
    // A Big5 page cut inside its last character, or with one bad pair in it: kept, and said.
    assert.deepEqual(warnings.map((w) => w.replace(/ \(--strict.*$/, '')).sort(), [
      `c-truncated-big5.txt: a byte sequence that is not big5 text, read as U+FFFD; the first at byte offset ${big5.length - 3}`,
      'd-invalid-big5.txt: a byte sequence that is not big5 text, read as U+FFFD; the first at byte offset 40',
    ]);
    assert.equal(summary.failuresLog, log);
    const reasons = Object.fromEntries(
      failures.map((f) => [f.path.replace(`${root}/`, ''), f.reason]),
    );
    assert.match(reasons['b-binary.txt'] ?? '', /cannot decode as text at byte offset \d+/);
    assert.equal(reasons['e-empty.txt'], 'empty file');
    assert.match(reasons['f-blank.txt'] ?? '', /^empty/);
    assert.equal(reasons['missing.txt'], 'no such file or directory');
    // The log: one whole JSON line per failure, with time, path and reason.
    const lines = (await readFile(log, 'utf8')).split('\n');
    assert.equal(lines.pop(), '');
    assert.equal(lines.length, 4);
    for (const line of lines) {
      const record = JSON.parse(line) as FailureRecord;
      assert.ok(!Number.isNaN(Date.parse(record.time)));
      assert.ok(record.path.length > 0 && record.reason.length > 0);
    }
    // All or nothing when asked: both refused with the offset.
    const strict = await run(new MemoryStore(), { inputs: [root], strict: true });
    const refused = Object.fromEntries(
      strict.failures.map((f) => [f.path.replace(`${root}/`, ''), f.reason]),
    );
    assert.match(refused['c-truncated-big5.txt'] ?? '', /cannot decode as text at byte offset \d+/);
    assert.match(refused['d-invalid-big5.txt'] ?? '', /cannot decode as text at byte offset 40/);
  });

  test('a torn last line in the failures log (a killed run) is cut before appending', async () => {
    const root = await folder('torn');
    // Inside the folder ingested: a folder search passes the archive's own log over.
    const log = join(root, 'a.failures.jsonl');
    const whole = `${JSON.stringify({ time: new Date().toISOString(), path: 'x', reason: 'y' })}\n`;
    await writeFile(log, `${whole}{"time":"2024-01-01T00:00:00Z","pa`);
    await writeFile(join(root, 'empty.txt'), '');
    const { summary } = await run(new MemoryStore(), { inputs: [root], failuresLog: log });
    assert.equal(summary.failed, 1);
    const lines = (await readFile(log, 'utf8')).split('\n');
    assert.equal(lines.pop(), '');
    assert.equal(lines.length, 2);
    assert.equal(`${lines[0]}\n`, whole);
    assert.equal((JSON.parse(lines[1] as string) as FailureRecord).reason, 'empty file');
  });

  test('a run without failures writes no failures log', async () => {
    const root = await folder('clean');
    await writeFile(join(root, 'a.txt'), traditionalPage(70));
    const log = join(root, 'clean.failures.jsonl');
    const { summary } = await run(new MemoryStore(), { inputs: [root], failuresLog: log });
    assert.equal(summary.failuresLog, undefined);
    await assert.rejects(readFile(log), { code: 'ENOENT' });
  });

  test('JSON Lines and text files alike: a stray byte is read as U+FFFD and said; --strict refuses it; a lone surrogate is no text', async () => {
    const root = await folder('jsonl-bytes');
    const good = JSON.stringify({ text: traditionalPage(83) });
    const cutInLine = (n: number) =>
      Buffer.concat([
        Buffer.from(`{"text": "立法會今日${n}`),
        Buffer.from([0xe4, 0xb8]), // a character cut after two of its three bytes
        Buffer.from('辯論議案，議員發言踴躍，會議持續至深夜。"}'),
      ]);
    const surrogate = '{"text": "半個字\\ud800在此"}';
    await writeFile(
      join(root, 'feed.jsonl'),
      Buffer.concat([Buffer.from(`${good}\n`), cutInLine(1), Buffer.from(`\n${surrogate}\n`)]),
    );
    // The same kind of bytes in a text file.
    const page = Buffer.concat([
      Buffer.from(`${traditionalPage(84)}\n相關連結：立法會今日`),
      Buffer.from([0xe4, 0xb8]),
      Buffer.from('...\n'),
    ]);
    await writeFile(join(root, 'page.txt'), page);
    const store = new MemoryStore();
    const warnings: string[] = [];
    const { summary, failures } = await run(store, {
      inputs: [root],
      onWarning: (path, warning) => warnings.push(`${path.split(/[\\/]/).pop()}: ${warning}`),
    });
    assert.equal(summary.stored, 3, JSON.stringify(failures));
    assert.deepEqual(
      failures.map((f) => [f.path.split(/[\\/]/).pop(), f.reason]),
      [['feed.jsonl:3', 'the text holds a lone surrogate (\\ud800) at character 3: not text']],
    );
    assert.deepEqual(warnings.sort(), [
      'feed.jsonl:2: a byte sequence that is not UTF-8, read as U+FFFD; the first at byte 26 of the line (--strict refuses the line instead)',
      `page.txt: a byte sequence that is not utf-8 text, read as U+FFFD; the first at byte offset ${page.length - 6} (--strict refuses the page instead)`,
    ]);
    const strict = await run(new MemoryStore(), { inputs: [root], strict: true });
    assert.equal(strict.summary.stored, 1);
    const reasons = Object.fromEntries(
      strict.failures.map((f) => [f.path.split(/[\\/]/).pop(), f.reason]),
    );
    assert.equal(
      reasons['feed.jsonl:2'],
      'not valid UTF-8 at byte 26 of the line: JSON Lines must be UTF-8',
    );
    assert.match(reasons['page.txt'] ?? '', /byte offset \d+: invalid utf-8 byte sequence/);
  });

  test('JSON Lines: one page per line with its url, date, outlet and id', async () => {
    const root = await folder('jsonl');
    const trad = traditionalPage(80);
    const simp = simplifiedPage(81);
    const lines = [
      JSON.stringify({
        text: trad,
        url: 'https://example.hk/a',
        date: '2024-03-15',
        outlet: '文匯報',
        id: 'a-1',
      }),
      '',
      JSON.stringify({ text: simp, id: 7, date: '2024-03-16T08:00:00+08:00' }),
      JSON.stringify({ html: '<p>新聞</p>', url: 'https://example.hk/b' }),
      '{"text": "broken',
      JSON.stringify(['not', 'an', 'object']),
      JSON.stringify({ text: traditionalPage(82), date: 'yesterday' }),
      JSON.stringify({ text: '   ' }),
      JSON.stringify({ url: 'https://example.hk/c' }),
    ];
    // CRLF line ends, as a Windows tool writes them.
    await writeFile(join(root, 'feed.jsonl'), `${lines.join('\r\n')}\r\n`);
    const store = new MemoryStore();
    const { summary, failures } = await run(store, { inputs: [join(root, 'feed.jsonl')] });
    assert.equal(summary.stored, 3);
    assert.equal(summary.failed, 5);
    const feed = join(root, 'feed.jsonl');
    const a = store.documents.get(sha256(trad));
    assert.deepEqual(
      { source: a?.source, url: a?.url, date: a?.date, outlet: a?.outlet, id: a?.externalId },
      {
        source: `${feed}:1`,
        url: 'https://example.hk/a',
        date: '2024-03-15',
        outlet: '文匯報',
        id: 'a-1',
      },
    );
    // The line's date is the page date: 昨日 is the day before it.
    const yesterday = a?.page.children
      .flatMap((article) => article.annotations?.dates ?? [])
      .find((d) => d.text === '昨日');
    assert.equal(yesterday?.value, '2024-03-14');
    const b = store.documents.get(sha256(simp));
    assert.deepEqual(
      { source: b?.source, id: b?.externalId, date: b?.date, outlet: b?.outlet },
      { source: `${feed}:3`, id: '7', date: '2024-03-16', outlet: '新华社' },
    );
    const byLine = Object.fromEntries(
      failures.map((f) => [f.path.slice(feed.length + 1), f.reason]),
    );
    // {"html": …} is a web page, read like an .html file.
    assert.equal(byLine['4'], undefined);
    const web = [...store.documents.values()].find((d) => d.source === `${feed}:4`);
    assert.equal(web?.url, 'https://example.hk/b');
    assert.equal(web?.page.source.format, 'html');
    assert.match(byLine['5'] ?? '', /^invalid JSON/);
    assert.match(byLine['6'] ?? '', /not a JSON object/);
    assert.match(byLine['7'] ?? '', /"date" must be YYYY-MM-DD/);
    assert.match(byLine['8'] ?? '', /^empty/);
    assert.match(byLine['9'] ?? '', /no "text" or "html" field/);
    // Progress counts every byte of the file, blank line and line ends included.
    assert.equal(summary.bytes, summary.totalBytes);
  });

  test('standard input: a page, or JSON Lines when it starts with {', async () => {
    const page = traditionalPage(90);
    const store = new MemoryStore();
    const one = await run(store, {
      inputs: ['-'],
      stdin: Readable.from([Buffer.from(page.slice(0, 10)), Buffer.from(page.slice(10))]),
    });
    assert.equal(one.summary.stored, 1);
    assert.equal(one.summary.totalBytes, null);
    assert.equal(store.documents.get(sha256(page))?.source, '-');
    const jsonl = pages(2, 91)
      .map((text, i) => JSON.stringify({ text, id: `s${i}` }))
      .join('\n');
    const two = await run(store, { inputs: ['-'], stdin: Readable.from([`\n${jsonl}\n`]) });
    assert.equal(two.summary.stored, 2);
    assert.deepEqual(
      sources(store).filter((s) => s !== '-'),
      ['-:2', '-:3'],
    );
  });

  test('--max-size: a larger file or JSONL line fails unread; smaller ones go in', async () => {
    const root = await folder('sizes');
    const small = traditionalPage(100);
    const big = `${traditionalPage(101)}${'補充內容。'.repeat(200)}\n`;
    await writeFile(join(root, 'small.txt'), small);
    await writeFile(join(root, 'big.txt'), big);
    await writeFile(
      join(root, 'lines.jsonl'),
      `${JSON.stringify({ text: big })}\n${JSON.stringify({ text: simplifiedPage(102) })}\n`,
    );
    const maxBytes = 2000;
    assert.ok(Buffer.byteLength(small) < maxBytes && Buffer.byteLength(big) > maxBytes);
    const store = new MemoryStore();
    const { summary, failures } = await run(store, { inputs: [root], maxBytes });
    assert.equal(summary.stored, 2);
    assert.equal(summary.failed, 2);
    for (const f of failures) assert.match(f.reason, /larger than --max-size \(.* MB > .* MB\)/);
    const stdin = await run(new MemoryStore(), {
      inputs: ['-'],
      stdin: Readable.from([Buffer.from(big)]),
      maxBytes,
    });
    assert.equal(stdin.summary.failed, 1);
    assert.equal(stdin.failures[0]?.path, '-');
    assert.equal(MB, 1048576);
  });

  test('--date-from-path dates pages by their folder or name', async () => {
    const root = await folder('dated');
    await mkdir(join(root, '2024', '03', '15'), { recursive: true });
    await writeFile(join(root, '2024', '03', '15', 'a.txt'), traditionalPage(110));
    await writeFile(join(root, 'wenhui-20240316.txt'), traditionalPage(111));
    const store = new MemoryStore();
    await run(store, { inputs: [root], dateFromPath: true });
    const dates = [...store.documents.values()].map((d) => d.date).sort();
    assert.deepEqual(dates, ['2024-03-15', '2024-03-16']);
    const without = new MemoryStore();
    await run(without, { inputs: [root] });
    assert.deepEqual(
      [...without.documents.values()].map((d) => d.date),
      [undefined, undefined],
    );
  });

  test('a stop signal finishes the pages in hand; running again completes the job', async () => {
    // More pages than one worker holds (32), so that some are left when it stops.
    const root = await folder('stopped');
    const texts = pages(100, 120);
    for (const [i, text] of texts.entries())
      await writeFile(join(root, `p${String(i).padStart(2, '0')}.txt`), text);
    const store = new MemoryStore();
    const stop = new AbortController();
    const first = await run(store, {
      inputs: [root],
      workers: 1,
      signal: stop.signal,
      onProgress: (stats) => {
        if (stats.stored >= 3) stop.abort();
      },
    });
    assert.equal(first.summary.interrupted, true);
    assert.ok(first.summary.stored >= 3 && first.summary.stored < 100, `${first.summary.stored}`);
    assert.equal(store.documents.size, first.summary.stored);
    const second = await run(store, { inputs: [root], workers: 2 });
    assert.equal(second.summary.interrupted, false);
    assert.equal(second.summary.present, first.summary.stored);
    assert.equal(second.summary.stored, 100 - first.summary.stored);
    assert.deepEqual([...store.documents.keys()].sort(), texts.map((t) => sha256(t)).sort());
  });

  test('an archive that fails stops the run with its error, workers ended', async () => {
    const root = await folderOfPages('full', pages(6, 140));
    const store = new MemoryStore();
    store.failAfter = 2;
    await assert.rejects(run(store, { inputs: [root] }), /disk full/);
    assert.equal(store.documents.size, 2);
  });

  test('a store that takes batches gets a few commits; re-ingesting adds none', async () => {
    const texts = pages(60, 300);
    const root = await folderOfPages('batches', texts);
    await writeFile(join(root, 'dup.txt'), texts[0] as string);
    const store = new BatchMemoryStore();
    const first = await run(store, { inputs: [root], workers: 2 });
    assert.equal(first.summary.stored, 60);
    assert.equal(first.summary.present, 1);
    assert.equal(store.documents.size, 60);
    assert.ok(store.commits >= 2 && store.commits < 30, `${store.commits} commits`);
    const commits = store.commits;
    const second = await run(store, { inputs: [root], workers: 2 });
    assert.equal(second.summary.present, 61);
    assert.equal(store.commits, commits);
  });

  test('a document the batch refuses is a failure; a batch whose commit fails stops the run', async () => {
    const root = await folderOfPages('refused', pages(5, 400));
    const store = new BatchMemoryStore();
    store.refuse = /p3\.txt$/;
    const { summary, failures } = await run(store, { inputs: [root] });
    assert.equal(summary.stored, 4);
    assert.equal(summary.failed, 1);
    assert.match(failures[0]?.reason ?? '', /^cannot store: constraint failed/);
    const broken = new BatchMemoryStore();
    broken.failCommit = true;
    await assert.rejects(run(broken, { inputs: [root] }), /commit failed/);
    assert.equal(broken.documents.size, 0);
  });

  test('a stop signal commits the batch in hand', async () => {
    const root = await folderOfPages('stop-batch', pages(120, 500));
    const store = new BatchMemoryStore();
    const stop = new AbortController();
    // Stopped at the first commit: the pages parsed meanwhile make a last, smaller batch.
    let seen = 0;
    const { summary } = await run(store, {
      inputs: [root],
      signal: stop.signal,
      onProgress: () => {
        if (++seen === 1) stop.abort();
      },
    });
    assert.equal(summary.interrupted, true);
    assert.equal(store.documents.size, summary.stored);
    assert.ok(summary.stored > 0 && summary.stored < 120, String(summary.stored));
    assert.equal(store.commits, 2);
  });

  test('wrong options are TypeErrors', async () => {
    const store = new MemoryStore();
    await assert.rejects(ingest({ inputs: [], store, workers: 0 }), TypeError);
    await assert.rejects(ingest({ inputs: [], store, maxBytes: -1 }), TypeError);
    await assert.rejects(ingest({ inputs: [], store: {} as MemoryStore }), TypeError);
  });
});

describe('the worker pool', () => {
  test('starts a worker for one page, and more only while they all have work', async () => {
    const pool = new WorkerPool(4);
    try {
      const one = await pool.run({ id: 1, source: 'a', input: traditionalPage(210) });
      assert.equal(one.ok, true);
      assert.equal(pool.started, 1);
      await Promise.all(
        pages(8, 211).map((input, i) => pool.run({ id: 10 + i, source: `p${i}`, input })),
      );
      assert.equal(pool.started, 4);
    } finally {
      await pool.close();
    }
  });

  test('a page too large for the heap limit is parsed again without it; the queue goes on', async () => {
    const page = traditionalPage(200);
    let large = '';
    while (Buffer.byteLength(large) < 1.5e6) large += `${traditionalPage(large.length)}\n\n`;
    const pool = new WorkerPool(1, 140);
    try {
      const results = await Promise.all([
        pool.run({ id: 1, source: 'a', input: page }),
        pool.run({ id: 2, source: 'large', input: large }),
        pool.run({ id: 3, source: 'b', input: page }),
      ]);
      assert.deepEqual(
        results.map((r) => [r.id, r.ok]),
        [
          [1, true],
          [2, true],
          [3, true],
        ],
      );
      assert.equal(pool.largeRuns, 1);
    } finally {
      await pool.close();
    }
  });

  test('workers that cannot start break the pool instead of failing page after page', async () => {
    // 8 MB cannot even hold the tables: every worker dies before answering.
    const pool = new WorkerPool(1, 8);
    try {
      await assert.rejects(async () => {
        for (let id = 0; id < 10; id++) {
          await pool.run({ id, source: `p${id}`, input: traditionalPage(id) });
        }
      }, /ingest workers cannot start: worker crashed/);
      assert.match(String(pool.broken), /cannot start/);
    } finally {
      await pool.close();
    }
  });
});

describe('ingest helpers', () => {
  test('readLines: LF and CRLF, a final line without an end, an over-long line dropped', async () => {
    const chunks = ['ab', 'c\r\nd', 'ef\n', 'x'.repeat(50), '\n\nlast'];
    const lines = [];
    for await (const line of readLines(Readable.from(chunks.map((c) => Buffer.from(c))), 10)) {
      lines.push({ n: line.number, text: line.bytes?.toString() ?? null, size: line.size });
    }
    assert.deepEqual(lines, [
      { n: 1, text: 'abc', size: 5 },
      { n: 2, text: 'def', size: 4 },
      { n: 3, text: null, size: 51 },
      { n: 4, text: '', size: 1 },
      { n: 5, text: 'last', size: 4 },
    ]);
  });

  test('dateFromPath: folders and names, the last date winning, no impossible days', () => {
    assert.equal(dateFromPath('2024/03/15/a.txt'), '2024-03-15');
    assert.equal(dateFromPath('papers/wenhui-2024-03-15.txt'), '2024-03-15');
    assert.equal(dateFromPath('20240315_01.txt'), '2024-03-15');
    assert.equal(dateFromPath('2023/2024_01_02.txt'), '2024-01-02');
    assert.equal(dateFromPath('2024/01/01/2024-02-29.txt'), '2024-02-29');
    assert.equal(dateFromPath('2023-02-30.txt'), undefined);
    assert.equal(dateFromPath('page-120240315.txt'), undefined);
    assert.equal(dateFromPath('a.txt'), undefined);
    assert.equal(readDate('2024-03-15'), '2024-03-15');
    assert.equal(readDate('2024-03-15T01:02:03Z'), '2024-03-15');
    assert.equal(readDate('15/03/2024'), undefined);
  });

  const stats = {
    totalBytes: 4_000_000,
    bytes: 1_000_000,
    documents: 40,
    stored: 30,
    present: 8,
    failed: 2,
    elapsedMs: 10_000,
  };

  test('progressLine: counts, MB of the total, ETA by bytes, rates', () => {
    assert.equal(
      progressLine(stats),
      'jiedu ingest: 40 documents (30 stored, 8 already present, 2 failed), 1.00 MB of 4.00 MB ' +
        '(25%), ETA 30s, 4.0 documents/s, 0.10 MB/s',
    );
    assert.doesNotMatch(progressLine({ ...stats, totalBytes: null }), /ETA/);
    // A slow page holds the run: said once no page has finished for 10 s.
    assert.doesNotMatch(progressLine(stats, 9_000), /no page finished/);
    assert.match(progressLine(stats, 25_000), /MB\/s, no page finished for 25s$/);
    assert.deepEqual([5, 65, 3725, Number.NaN].map(formatDuration), ['5s', '1m05s', '1h02m', '?']);
  });

  test('showProgress: plain lines every interval off a terminal, a bar on one', async () => {
    let plain = '';
    const lines = showProgress({ write: (chunk: string) => (plain += chunk) }, 10);
    lines.update(stats);
    lines.log('a.txt: empty file');
    await new Promise((resolve) => setTimeout(resolve, 40));
    lines.stop();
    assert.match(plain, /^a\.txt: empty file\n/);
    assert.match(plain, /jiedu ingest: 40 documents \(30 stored/);
    assert.equal(plain.match(/jiedu ingest/g)?.length, 1, 'no new line while nothing moves');

    // Stalled past `stallMs`: a line each interval says so, with an ETA that has grown.
    let stalled = '';
    const slow = showProgress({ write: (chunk: string) => (stalled += chunk) }, 10, 30);
    slow.update(stats);
    await new Promise((resolve) => setTimeout(resolve, 80));
    slow.stop();
    const printed = stalled.trim().split('\n');
    assert.ok(printed.length >= 2, stalled);
    assert.match(printed.at(-1) ?? '', /no page finished for \d+s$/);

    let tty = '';
    const bar = showProgress({ isTTY: true, write: (chunk: string) => (tty += chunk) });
    bar.update(stats);
    bar.log('b.txt: empty file');
    bar.stop();
    assert.match(tty, /25% \| 40 docs \| 1\.00\/4\.00 MB \| 4\.0 docs\/s \| ETA/);
    assert.match(tty, /b\.txt: empty file/);
  });

  test('findPageDate: a digits stamp on a header line counts, before the first date in prose', async () => {
    const { annotate } = await import('../src/annotate/index.ts');
    const date = (text: string) => findPageDate(annotate(parse(text), { tagger: null }));
    assert.equal(
      date(
        '外交部舉行例行記者會\n\n发布时间：2024-04-27 00:45\n\n發言人表示，雙方於2024年4月25日會談。\n',
      ),
      '2024-04-27',
    );
    assert.equal(date('市政新聞\n\n2024/1/9 18:05\n\n市政府今日公布新措施。\n'), '2024-01-09');
    // Prose first: its date. A stamp-like number inside a long paragraph is no stamp.
    assert.equal(
      date(
        '標題\n\n本報2024年3月15日訊 會議於2024-03-10召開，各方代表出席並發言，討論持續整日，會後發表聯合聲明。\n',
      ),
      '2024-03-15',
    );
    assert.equal(date('標題\n\n編號 2024-02-30 的文件\n'), undefined);
  });

  test('a page dated only to its month is stored with that month', async () => {
    const root = await folder('month');
    await writeFile(
      join(root, 'essay.html'),
      '<html><head><title>論制度建設</title></head><body><article><h1>論制度建設</h1>' +
        '<p>作者認為，改革需要耐心，各方應當保持對話與溝通。</p><p>作者強調，共識的形成需要時間。</p>' +
        '<p>——《東方評論》1998年3月號</p></article></body></html>',
    );
    const store = openStore(':memory:');
    try {
      const { summary, failures } = await run(store, { inputs: [root] });
      assert.equal(summary.stored, 1, JSON.stringify(failures));
      assert.equal(store.search({}).at(0)?.date, '1998-03');
    } finally {
      store.close();
    }
  });

  test('findOutlet: how papers name themselves at the head of a story', () => {
    const outlet = (head: string) =>
      findOutlet(
        parse(
          `港島新聞標題\n\n${head}\n\n市政府今日公布新措施，市民反應熱烈，各區議員亦表示歡迎。\n`,
        ),
      );
    assert.equal(outlet('【東方報專訊】運輸署今日宣布新措施，市民反應熱烈。'), '東方報');
    assert.equal(outlet('【南方日報訊】記者 李四報道：市政府今日公布新措施。'), '南方日報');
    assert.equal(outlet('【南方时报报道 记者 张三】市政府今日公布新措施。'), '南方时报');
    assert.equal(outlet('（海峽社記者王五台中3日電）市政府今天公布新措施。'), '海峽社');
    assert.equal(outlet('2024年3月3日 09:15　民生報／記者李四／台中報導'), '民生報');
    assert.equal(outlet('晨光日報 2024年3月3日 星期日'), '晨光日報');
    assert.equal(outlet('2024年03月03日 09:15　来源：南方时报'), '南方时报');
    assert.equal(outlet('《晨光日报》（2024年03月03日 第04版）'), '晨光日报');
    // "This paper" names no paper; a date line alone names none.
    assert.equal(outlet('【本報訊】市政府今日公布新措施。'), undefined);
    assert.equal(outlet('2024年3月3日 星期日'), undefined);
  });

  test('findOutlet: the publisher of the first byline, not the agency it cites', () => {
    assert.equal(findOutlet(parse(traditionalPage(0))), '香港文匯報');
    assert.equal(findOutlet(parse(simplifiedPage(1))), '新华社');
    assert.equal(findOutlet(parse('標題\n\n正文沒有電頭，只有一段文字而已。\n')), undefined);
  });
});
