import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { type FailureRecord, ingest } from '../src/ingest/index.ts';
import { isWarc, readWarc, type WarcEntry, WarcError } from '../src/warc/index.ts';
import { type ComposedRecord, composeWarc } from './fixtures/warc/compose-warc.ts';
import { runJiedu } from './helpers/cli.ts';
import { encodeBig5, encodeGb18030 } from './helpers/encode.ts';
import { MemoryStore } from './helpers/memory-store.ts';

const html = (name: string) => readFileSync(new URL(`fixtures/html/${name}`, import.meta.url));

/** A small crawl of our composed pages, with the records a real crawl holds around them. */
function crawl(): ComposedRecord[] {
  const hk = html('hk-traditional.html').toString('utf8');
  const blog = html('blog-gb.html').toString('utf8');
  return [
    {
      url: 'https://news.example.cn/2023/0412/bus.html',
      date: '2023-04-12T01:00:00Z',
      headers: { 'Content-Type': 'text/html; charset=utf-8' },
      body: html('portal-simplified.html'),
    },
    {
      url: 'https://news.example.cn/logo.png',
      date: '2023-04-12T01:00:01Z',
      headers: { 'Content-Type': 'image/png' },
      body: 'PNG',
    },
    {
      url: 'https://news.example.cn/old',
      date: '2023-04-12T01:00:02Z',
      status: 'HTTP/1.1 301 Moved Permanently',
      headers: { 'Content-Type': 'text/html', Location: '/new' },
      body: '<html><body>moved</body></html>',
    },
    {
      // The header says Big5; the page's own <meta> says big5 too.
      url: 'https://hk.example.com/mtr',
      date: '2021-06-29T00:20:00Z',
      headers: { 'Content-Type': 'text/html; charset=big5' },
      body: encodeBig5(hk),
    },
    {
      // GBK bytes, and the server claims UTF-8: the bytes win.
      url: 'https://blog.example.cn/xihu',
      date: '2006-05-21T00:00:00Z',
      headers: { 'Content-Type': 'text/html; charset=utf-8' },
      body: encodeGb18030(blog),
    },
  ];
}

async function entries(bytes: Uint8Array): Promise<WarcEntry[]> {
  const out: WarcEntry[] = [];
  for await (const entry of readWarc([bytes], 'crawl.warc.gz')) out.push(entry);
  return out;
}

let dir = '';
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jiedu-warc-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readWarc', () => {
  for (const gzip of [true, false]) {
    test(`${gzip ? 'WARC.gz' : 'WARC'}: HTML responses with their URI, date and Content-Type; the rest skipped`, async () => {
      const bytes = await composeWarc(crawl(), gzip);
      assert.ok(isWarc(bytes.subarray(0, 512)));
      const got = await entries(bytes);
      assert.deepEqual(
        got.map((e) => (e.kind === 'page' ? e.url : e.kind === 'skipped' ? e.reason : 'oversize')),
        [
          'a warcinfo record',
          'https://news.example.cn/2023/0412/bus.html',
          'not HTML (image/png)',
          'HTTP status 301',
          'https://hk.example.com/mtr',
          'https://blog.example.cn/xihu',
        ],
      );
      const first = got[1];
      assert.ok(first?.kind === 'page');
      assert.equal(first.date, '2023-04-12T01:00:00Z');
      assert.equal(first.contentType, 'text/html; charset=utf-8');
      assert.deepEqual(Buffer.from(first.payload), html('portal-simplified.html'));
      // Offsets grow and each names where its record starts.
      const offsets = got.map((e) => e.offset);
      assert.deepEqual(
        [...offsets].sort((a, b) => a - b),
        offsets,
      );
      assert.equal(new Set(offsets).size, offsets.length);
    });
  }

  test('a page is not a WARC file, whatever its name', () => {
    assert.ok(!isWarc(html('short-flash.html')));
    assert.ok(!isWarc(new Uint8Array([0x1f, 0x8b, 0, 0])));
  });

  test('garbage between records: a WarcError naming the file and the record offset', async () => {
    const plain = Buffer.from(await composeWarc(crawl().slice(0, 2), false));
    const second = plain.indexOf('WARC/1.1', 10);
    const third = plain.indexOf('WARC/1.1', second + 10);
    const broken = Buffer.concat([
      plain.subarray(0, third),
      Buffer.from('junk\r\n\r\n'),
      plain.subarray(third),
    ]);
    await assert.rejects(entries(broken), (err: unknown) => {
      assert.ok(err instanceof WarcError);
      assert.equal(err.offset, third);
      assert.match(err.message, /^crawl\.warc\.gz: bad WARC record at byte offset \d+/);
      return true;
    });
  });

  test('a truncated .warc.gz is an error at the record that cannot be read', async () => {
    const gz = Buffer.from(await composeWarc(crawl().slice(0, 2), true));
    const got = await entries(gz);
    const last = got[got.length - 1];
    assert.ok(last);
    await assert.rejects(entries(gz.subarray(0, gz.length - 40)), (err: unknown) => {
      assert.ok(err instanceof WarcError);
      assert.equal(err.offset, last.offset);
      return true;
    });
  });
});

describe('decompression budgets', () => {
  test('an HTML record over the record budget is streamed past, and the next page read', async () => {
    const big = `<html><body><p>${'新聞'.repeat(600_000)}</p></body></html>`; // ~3.6 MB
    const records = [
      { url: 'https://a.example/big', date: '2024-01-01T00:00:00Z', body: big },
      ...crawl().slice(0, 1),
    ];
    const gz = Buffer.from(await composeWarc(records, true));
    assert.ok(gz.length < 200_000, `compresses well: ${gz.length}`);
    const got: WarcEntry[] = [];
    for await (const e of readWarc([gz], 'big.warc.gz', { maxRecordBytes: 1024 * 1024 })) {
      got.push(e);
    }
    const kinds = got.map((e) => e.kind);
    assert.deepEqual(kinds, ['skipped', 'oversize', 'page']);
    assert.ok((got[1] as { bytes: number }).bytes > 3_000_000);
  });

  test('records that declare more than the file budget end the file before inflating', async () => {
    // A record claiming a gigabyte in a file of a few hundred bytes.
    const header = [
      'WARC/1.1',
      'WARC-Type: response',
      'WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-000000000001>',
      'WARC-Date: 2024-01-01T00:00:00Z',
      'WARC-Target-URI: https://a.example/claim',
      'Content-Type: application/http; msgtype=response',
      'Content-Length: 1073741824',
      '',
      'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html>',
    ].join('\r\n');
    const plain = new TextEncoder().encode(header);
    const started = performance.now();
    await assert.rejects(
      (async () => {
        for await (const _ of readWarc([plain], 'claim.warc', { maxFileBytes: 512 * 1024 * 1024 }));
      })(),
      (err: unknown) => {
        assert.ok(err instanceof WarcError);
        assert.match(err.reason, /declare more than 536870912 bytes in all/);
        return true;
      },
    );
    assert.ok(performance.now() - started < 2000);
  });
});

describe('a plain .warc cut inside a record', () => {
  test('is refused at the record that is cut, never read in part', async () => {
    const plain = Buffer.from(await composeWarc(crawl().slice(0, 1), false));
    const whole: WarcEntry[] = [];
    for await (const e of readWarc([plain], 'crawl.warc')) whole.push(e);
    const page = whole.find((e) => e.kind === 'page');
    assert.ok(page);
    // Cut 300 bytes into the end of the page's HTML: the record says more is coming.
    const cut = plain.subarray(0, plain.length - 300);
    await assert.rejects(
      (async () => {
        for await (const _ of readWarc([cut], 'crawl.warc'));
      })(),
      (err: unknown) => {
        assert.ok(err instanceof WarcError);
        assert.match(
          err.message,
          /record cut short: the file ends \d+ bytes before its Content-Length/,
        );
        return true;
      },
    );
    // Only the four bytes of the record's closing line breaks missing: the content is whole.
    const trailing: WarcEntry[] = [];
    for await (const e of readWarc([plain.subarray(0, plain.length - 4)], 'crawl.warc')) {
      trailing.push(e);
    }
    assert.equal(trailing.filter((e) => e.kind === 'page').length, 1);
  });
});

describe('jiedu parse crawl.warc.gz', () => {
  test('prints one article view per HTML response, as JSON Lines named file@offset', async () => {
    const file = join(dir, 'crawl.warc.gz');
    await writeFile(file, await composeWarc(crawl(), true));
    const r = await runJiedu(['parse', 'crawl.warc.gz'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    const views = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.equal(views.length, 3);
    assert.deepEqual(
      views.map((v) => [v.source.url, v.source.encoding]),
      [
        ['https://news.example.cn/2023/0412/bus.html', 'utf-8'],
        ['https://hk.example.com/mtr', 'big5'],
        ['https://blog.example.cn/xihu', 'gb18030'],
      ],
    );
    for (const v of views) assert.match(v.source.path, /^crawl\.warc\.gz@\d+$/);
    assert.equal(views[1].source.fetched, '2021-06-29T00:20:00Z');
    const [hk] = views[1].articles;
    assert.equal(hk.published, '2021-06-29T08:15');
    assert.deepEqual(hk.authors, ['鄭嘉欣']);
    assert.equal(hk.outlet, '香港文匯報');
    // No canonical link on the page: the record's URI is the article's address.
    assert.equal(hk.url, 'https://hk.example.com/mtr');
  });

  test('--out writes one file per response; --format html without --out is refused', async () => {
    const out = join(dir, 'site');
    const r = await runJiedu(['parse', 'crawl.warc.gz', '--format', 'md', '--out', out], {
      cwd: dir,
    });
    assert.equal(r.code, 0, r.stderr);
    const files = (await readdir(out)).sort();
    assert.equal(files.length, 3);
    for (const f of files) assert.match(f, /^crawl\.warc\.gz@\d+\.md$/);
    const noOut = await runJiedu(['parse', 'crawl.warc.gz', '--format', 'html'], { cwd: dir });
    assert.equal(noOut.code, 1);
    assert.match(noOut.stderr, /--format html needs --out/);
  });

  test('a bad record fails the whole file with its offset; nothing of it is printed', async () => {
    const plain = Buffer.from(await composeWarc(crawl(), false));
    const at = plain.lastIndexOf('WARC/1.1');
    await writeFile(
      join(dir, 'bad.warc'),
      Buffer.concat([plain.subarray(0, at), Buffer.from('NOT A RECORD\r\n\r\n')]),
    );
    const r = await runJiedu(['parse', 'bad.warc'], { cwd: dir });
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, new RegExp(`^bad\\.warc: bad WARC record at byte offset ${at}: `));
  });

  test('an .html file and a saved page without extension are read as HTML', async () => {
    await writeFile(join(dir, 'page'), html('short-flash.html'));
    const r = await runJiedu(['parse', 'page', '--format', 'text'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^快讯：南湾大桥今晨恢复通行\n/);
  });
});

describe('ingest of site dumps and web archives', () => {
  async function run(store: MemoryStore, inputs: string[]) {
    const failures: FailureRecord[] = [];
    const summary = await ingest({
      store,
      workers: 1,
      inputs,
      stdin: Readable.from([]),
      onFailure: (f) => failures.push(f),
    });
    return { summary, failures };
  }

  test('every HTML response and every page of a dump is one document, with url, date and outlet', async () => {
    const root = join(dir, 'ingest');
    await mkdir(join(root, 'dump', 'hk'), { recursive: true });
    await writeFile(join(root, 'dump', 'flash.html'), html('short-flash.html'));
    await writeFile(
      join(root, 'dump', 'hk', 'mtr.htm'),
      encodeBig5(html('hk-traditional.html').toString('utf8')),
    );
    await writeFile(join(root, 'crawl.warc.gz'), await composeWarc(crawl(), true));
    const store = new MemoryStore();
    const inputs = [join(root, 'dump'), join(root, 'crawl.warc.gz')];
    const first = await run(store, inputs);
    assert.deepEqual(first.failures, []);
    // The Big5 page is in the dump and in the crawl: the same bytes are stored once.
    assert.equal(first.summary.stored, 4);
    const docs = [...store.documents.values()];
    const bus = docs.find((d) => d.url === 'https://news.example.cn/2023/0412/bus.html');
    assert.ok(bus);
    assert.match(bus.source, /crawl\.warc\.gz@\d+$/);
    assert.equal(bus.date, '2023-04-12');
    assert.equal(bus.outlet, '江城日报');
    assert.equal(bus.page.source.fetched, '2023-04-12T01:00:00Z');
    const blog = docs.find((d) => d.url === 'https://blog.example.cn/xihu');
    assert.equal(blog?.date, '2006-05-20');
    assert.equal(blog?.page.source.encoding, 'gb18030');
    const flash = docs.find((d) => d.source.endsWith('flash.html'));
    assert.equal(flash?.outlet, '滨海新闻网');
    assert.equal(flash?.date, '2022-11-03');

    const again = await run(store, inputs);
    assert.equal(again.summary.stored, 0);
    assert.equal(store.documents.size, 4);
  });

  test('jiedu ingest site-dump/ crawl.warc.gz, twice: stored once, searchable by the page text', async () => {
    const root = join(dir, 'cli-ingest');
    await mkdir(join(root, 'site-dump'), { recursive: true });
    await writeFile(join(root, 'site-dump', 'flash.html'), html('short-flash.html'));
    await writeFile(join(root, 'crawl.warc.gz'), await composeWarc(crawl(), true));
    const args = ['ingest', 'site-dump', 'crawl.warc.gz', '--db', 'a.db', '--workers', '1'];
    const first = await runJiedu(args, { cwd: root });
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stderr, /jiedu ingest: 4 stored, 0 already present, 0 failed/);
    const again = await runJiedu(args, { cwd: root });
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stderr, /jiedu ingest: 0 stored, 4 already present, 0 failed/);
    const found = await runJiedu(['search', '屯馬綫', '--db', 'a.db', '--format', 'json'], {
      cwd: root,
    });
    assert.equal(found.code, 0, found.stderr);
    assert.match(found.stdout, /港鐵屯馬綫新車站周日啟用/);
  });

  test('a damaged WARC is a failure naming the record offset; the pages before it are stored', async () => {
    const gz = Buffer.from(await composeWarc(crawl(), true));
    const file = join(dir, 'damaged.warc.gz');
    await writeFile(file, gz.subarray(0, gz.length - 50));
    const store = new MemoryStore();
    const { summary, failures } = await run(store, [file]);
    assert.equal(summary.stored, 2);
    assert.equal(failures.length, 1);
    assert.equal(failures[0]?.path, file);
    assert.match(failures[0]?.reason ?? '', /^bad WARC record at byte offset \d+: /);
    // The input is only read.
    assert.equal((await readFile(file)).length, gz.length - 50);
  });
});
