import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ROOT, runJiedu } from './helpers/cli.ts';
import { spawnServing } from './helpers/serve-process.ts';

/** Spawns the real binary, from the sources. */
function jiedu(args: string[], options: { input?: string | Uint8Array; cwd?: string } = {}) {
  return runJiedu(args, options);
}

// A page composed for these tests: a headline, a dateline, two paragraphs, a caption.
const PAGE = [
  '海洋公園新館下月開幕',
  '',
  '香港文匯報訊 據中通社報道，海洋公園昨日宣布，全新水族館將於下月初開幕。',
  '',
  '館方表示，新館設有三個展區，預計每日可接待一萬名遊客。',
  '',
  '●新館外觀。 網上圖片',
  '',
].join('\n');

const HOSTILE = [
  '<script>alert(1)</script>新聞標題',
  '',
  '香港文匯報訊 正文提到<img src=x onerror=alert(1)>這個標籤，並無其他內容。',
  '',
].join('\n');

let dir = '';

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jiedu-cli-'));
  await mkdir(join(dir, 'pages', 'sub'), { recursive: true });
  await writeFile(join(dir, 'page.txt'), PAGE);
  await writeFile(join(dir, 'hostile.txt'), HOSTILE);
  await writeFile(join(dir, 'pages', 'b.txt'), PAGE);
  await writeFile(join(dir, 'pages', 'a.txt'), PAGE);
  await writeFile(join(dir, 'pages', 'sub', 'c.txt'), PAGE);
  await writeFile(join(dir, 'pages', 'notes.md'), '# not a page\n');
  // Bytes no encoding reads as text: NULs and control bytes.
  await writeFile(
    join(dir, 'binary.txt'),
    Uint8Array.from({ length: 256 }, (_, i) => i),
  );
});

after(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('help, version and usage errors', { concurrency: true }, () => {
  test('--help lists the commands and the exit codes', async () => {
    const r = await jiedu(['--help']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /Usage:\n {2}jiedu <command> \[options\]/);
    assert.match(r.stdout, /parse\s+Parse news pages/);
    assert.match(r.stdout, /start\s+Ingest the bundled sample pages/);
    assert.match(r.stdout, /Exit codes:\n {2}0 {2}.*\n {2}1 {2}.*\n {2}2 {2}usage error/);
    assert.equal(r.stderr, '');
  });

  test('help parse and parse --help show the options from the schema', async () => {
    const a = await jiedu(['help', 'parse']);
    const b = await jiedu(['parse', '--help']);
    assert.equal(a.code, 0);
    assert.equal(a.stdout, b.stdout);
    for (const flag of ['--format <fmt>', '--tree', '--out <dir>', '--encoding <enc>']) {
      assert.ok(a.stdout.includes(flag), flag);
    }
    assert.match(a.stdout, /default: json/);
  });

  test('the README mirrors the help text', async () => {
    const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
    const global = (await jiedu(['--help'])).stdout;
    const parse = (await jiedu(['help', 'parse'])).stdout;
    assert.ok(readme.includes(global.slice(global.indexOf('Usage:')).trimEnd()), 'jiedu --help');
    assert.ok(readme.includes(parse.trimEnd()), 'jiedu help parse');
    // Every command whose help the README shows shows it as it is.
    for (const m of readme.matchAll(/^Usage: jiedu (\w+) /gm)) {
      const help = (await jiedu(['help', m[1] as string])).stdout;
      assert.ok(readme.includes(help.trimEnd()), `jiedu help ${m[1]}`);
    }
  });

  test('--input-format: a piece of a page in markup is HTML unless told it is text', async () => {
    const piece =
      '<div><h1>議會通過年度預算案</h1><p>2024年6月3日</p><p>財政司司長表示，預算案獲得通過。</p></div>';
    const auto = await jiedu(['parse', '-', '--format', 'text'], { input: piece });
    assert.equal(auto.code, 0);
    assert.match(auto.stdout, /^議會通過年度預算案\n/);
    assert.doesNotMatch(auto.stdout, /<div>/);
    const text = await jiedu(['parse', '-', '--format', 'text', '--input-format', 'text'], {
      input: piece,
    });
    assert.match(text.stdout, /<div><h1>/);
    const bad = await jiedu(['parse', '-', '--input-format', 'pdf'], { input: piece });
    assert.equal(bad.code, 2);
  });

  test('--version prints the package version', async () => {
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8'));
    const r = await jiedu(['--version']);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, `${pkg.version}\n`);
  });

  const usage: [string, string[], RegExp][] = [
    ['no command', [], /Usage:/],
    ['an unknown command', ['prase'], /unknown command 'prase' \(did you mean 'parse'\?\)/],
    ['an unknown option', ['parse', '--fromat', 'md', 'x'], /unknown option '--fromat'/],
    ['a bad format', ['parse', '-f', 'xml', 'x'], /invalid value 'xml' for --format/],
    ['a missing value', ['parse', 'x', '--format'], /option --format needs a value/],
    ['no input', ['parse'], /no input/],
    ['--tree with md', ['parse', '--tree', '--format', 'md', 'x'], /--tree prints JSON/],
    ['a bad encoding', ['parse', '--encoding', 'latin1', 'x'], /invalid value 'latin1'/],
    ['stdin twice', ['parse', '-', '-'], /only once/],
    [
      'a date that is no day',
      ['parse', '--annotate', '--date', '2021-13-45', 'x'],
      /--date takes a calendar date YYYY-MM-DD, not "2021-13-45"/,
    ],
    [
      'a filter date that is no day',
      ['search', 'x', '--from', '2021-02-30'],
      /--from must be a date/,
    ],
  ];
  for (const [what, args, message] of usage) {
    test(`${what} is a usage error: exit 2`, async () => {
      const r = await jiedu(args);
      assert.equal(r.code, 2);
      assert.match(r.stderr, message);
      assert.equal(r.stdout, '');
    });
  }
});

describe('jiedu parse', { concurrency: true }, () => {
  test('one file prints one pretty JSON article view', async () => {
    const r = await jiedu(['parse', join(dir, 'page.txt')]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^\{\n {2}"version": 4,/);
    const view = JSON.parse(r.stdout);
    assert.equal(view.source.path, join(dir, 'page.txt'));
    assert.equal(view.source.encoding, 'utf-8');
    assert.equal(view.articles[0].headline, '海洋公園新館下月開幕');
    assert.deepEqual(view.articles[0].captions[0].credit, '網上圖片');
  });

  test('- reads standard input', async () => {
    const r = await jiedu(['parse', '-', '--format', 'text'], { input: PAGE });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^海洋公園新館下月開幕\n/);
    assert.match(r.stdout, /圖：新館外觀。（網上圖片）/);
  });

  test('--encoding reads the bytes as told', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(PAGE, 'utf16le')]);
    const r = await jiedu(['parse', '-', '--encoding', 'UTF-16LE'], { input: utf16 });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).source.encoding, 'utf-16le');
  });

  test('--tree prints the page tree with offsets and diagnostics', async () => {
    const r = await jiedu(['parse', '--tree', join(dir, 'page.txt')]);
    assert.equal(r.code, 0, r.stderr);
    const page = JSON.parse(r.stdout);
    assert.equal(page.type, 'page');
    assert.ok(Array.isArray(page.diagnostics));
    const block = page.children[0].children[0];
    assert.equal(typeof block.start, 'number');
    assert.equal(PAGE.slice(block.start, block.end), block.text);
  });

  test('a directory prints JSON Lines, one view per *.txt file, sorted by path', async () => {
    const r = await jiedu(['parse', 'pages'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    assert.deepEqual(
      lines.map((line) => JSON.parse(line).source.path),
      [join('pages', 'a.txt'), join('pages', 'b.txt'), join('pages', 'sub', 'c.txt')],
    );
  });

  test('a directory in Markdown heads each page with its path', async () => {
    const r = await jiedu(['parse', 'pages', '-f', 'md'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout.match(/^<!-- pages\/.+\.txt -->$/gm)?.length, 3);
    assert.match(r.stdout, /^# 海洋公園新館下月開幕$/m);
  });

  test('a missing file fails alone: exit 1, the others still printed', async () => {
    const r = await jiedu(['parse', 'missing.txt', 'page.txt'], { cwd: dir });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^missing\.txt: no such file or directory$/m);
    assert.match(r.stderr, /1 of 2 inputs failed/);
    assert.equal(r.stdout.trimEnd().split('\n').length, 1);
    assert.equal(JSON.parse(r.stdout).source.path, 'page.txt');
  });

  test('one missing file: exit 1 and nothing on stdout', async () => {
    const r = await jiedu(['parse', 'missing.txt'], { cwd: dir });
    assert.equal(r.code, 1);
    assert.equal(r.stderr, 'missing.txt: no such file or directory\n');
    assert.equal(r.stdout, '');
  });

  test('a file that is not text is named with the byte offset, never printed', async () => {
    const r = await jiedu(['parse', 'binary.txt'], { cwd: dir });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^binary\.txt: .*byte offset \d+/);
    assert.equal(r.stdout, '');
  });

  test('HTML escapes the page: <script> in the text stays inert', async () => {
    const r = await jiedu(['parse', 'hostile.txt', '--format', 'html'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^<!doctype html>/);
    assert.doesNotMatch(r.stdout, /<script|<img/i);
    assert.match(r.stdout, /&lt;script&gt;/);
  });

  test('HTML for several inputs without --out is a usage error', async () => {
    const r = await jiedu(['parse', 'pages', '--format', 'html'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /use --out DIR/);
  });

  test('--out writes one file per input, atomically, and prints only a summary', async () => {
    const out = join(dir, 'out-md');
    const r = await jiedu(['parse', 'pages', 'page.txt', '--format', 'md', '--out', out], {
      cwd: dir,
    });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, `jiedu: wrote 4 files to ${out}\n`);
    const files = (await readdir(out, { recursive: true })).map(String).sort();
    assert.deepEqual(files, ['a.md', 'b.md', 'page.md', 'sub', join('sub', 'c.md')]);
    assert.match(await readFile(join(out, 'sub', 'c.md'), 'utf8'), /^# 海洋公園新館下月開幕\n/);
  });

  test('--out with json and --tree names files by format', async () => {
    const out = join(dir, 'out-json');
    const a = await jiedu(['parse', 'page.txt', '-o', out], { cwd: dir });
    const b = await jiedu(['parse', 'page.txt', '--tree', '-o', out], { cwd: dir });
    assert.equal(a.code, 0, a.stderr);
    assert.equal(b.code, 0, b.stderr);
    assert.deepEqual((await readdir(out)).sort(), ['page.json', 'page.tree.json']);
    assert.equal(JSON.parse(await readFile(join(out, 'page.json'), 'utf8')).version, 4);
    assert.equal(JSON.parse(await readFile(join(out, 'page.tree.json'), 'utf8')).type, 'page');
  });

  test('--out with a failing input still writes the rest and exits 1', async () => {
    const out = join(dir, 'out-partial');
    const r = await jiedu(['parse', 'binary.txt', 'page.txt', '-f', 'text', '-o', out], {
      cwd: dir,
    });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^binary\.txt: /m);
    assert.match(r.stderr, /wrote 1 file to .*; 1 of 2 inputs failed/);
    assert.deepEqual(await readdir(out), ['page.txt']);
  });

  test('--out refuses to overwrite an input with its own output', async () => {
    const r = await jiedu(['parse', 'page.txt', '-f', 'text', '-o', '.'], { cwd: dir });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /would overwrite this input/);
    assert.equal(await readFile(join(dir, 'page.txt'), 'utf8'), PAGE);
  });
});

describe('jiedu start', () => {
  test('ingests the bundled samples once and serves them, from any working folder', async () => {
    // Every page file there is ingested, text and HTML alike.
    const samples = (await readdir(join(ROOT, 'samples'))).filter((f) =>
      /\.(?:txt|html?)$/.test(f),
    );
    assert.ok(samples.length >= 40);
    const first = await spawnServing(['start', '--port', '0'], { cwd: dir });
    assert.match(
      first.stdout(),
      new RegExp(`${samples.length} sample pages stored, 0 already there, 0 failed`),
    );
    const hits = await fetch(new URL('/api/search?q=%E5%90%88%E4%BD%9C', first.url));
    assert.equal(hits.status, 200);
    assert.ok(((await hits.json()) as { hits: unknown[] }).hits.length > 0);
    const stopped = await first.stop('SIGTERM');
    assert.equal(stopped.code, 0, stopped.stderr);
    assert.match(stopped.stdout, /jiedu start: stopped/);
    const again = await spawnServing(['start', '--port', '0'], { cwd: dir });
    assert.match(
      again.stdout(),
      new RegExp(`0 sample pages stored, ${samples.length} already there`),
    );
    const second = await again.stop('SIGINT');
    assert.equal(second.code, 0, second.stderr);
  });
});
