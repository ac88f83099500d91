import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { describeFailure } from '../src/ingest/process-page.ts';
import { parse } from '../src/pipeline.ts';
import { findRepairs } from '../src/serve/find-repairs.ts';
import { HttpError } from '../src/serve/http-error.ts';
import { matchRoute } from '../src/serve/match-route.ts';
import { boundaryOf, readMultipartFile, splitParts } from '../src/serve/multipart.ts';
import { filters, isDate, isWellFormed, page } from '../src/serve/params.ts';
import { ROUTES } from '../src/serve/routes.ts';
import { errorReply } from '../src/serve/run-handler.ts';
import { ROOT } from './helpers/cli.ts';
import { G20_PAGE } from './helpers/store-pages.ts';

/** A multipart body as a browser's FormData sends it. */
function form(boundary: string, parts: { headers: string[]; body: Uint8Array | string }[]): Buffer {
  const chunks: Buffer[] = [Buffer.from('preamble to ignore\r\n')];
  for (const part of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\n${part.headers.join('\r\n')}\r\n\r\n`));
    chunks.push(Buffer.from(part.body));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

const badRequest = (err: unknown) => err instanceof HttpError && err.status === 400;

describe('multipart/form-data', () => {
  test('takes the file field byte for byte, whatever the bytes (CRLF, the boundary prefix)', () => {
    const bytes = Uint8Array.from([
      0xa4, 0xa4, 0x0d, 0x0a, 0x2d, 0x2d, 0x58, 0x0d, 0x0a, 0x00, 0xff,
    ]);
    const body = form('X-b0und', [
      { headers: ['Content-Disposition: form-data; name="note"'], body: 'hello' },
      {
        headers: [
          'Content-Disposition: form-data; name="file"; filename="a \\"b\\".txt"',
          'Content-Type: text/plain',
        ],
        body: bytes,
      },
    ]);
    const file = readMultipartFile(body, 'multipart/form-data; boundary=X-b0und', 'file');
    assert.deepEqual([...file.bytes], [...bytes]);
    assert.equal(file.filename, 'a "b".txt');
  });

  test('a quoted boundary; an empty file; no filename', () => {
    const body = form('a b', [
      { headers: ['content-disposition: form-data; name=file'], body: '' },
    ]);
    const file = readMultipartFile(body, 'multipart/form-data; boundary="a b"', 'file');
    assert.equal(file.bytes.byteLength, 0);
    assert.equal(file.filename, undefined);
    assert.equal(splitParts(body, 'a b').length, 1);
  });

  test('malformed forms are 400s', () => {
    const good = form('B', [
      { headers: ['Content-Disposition: form-data; name="file"'], body: 'x' },
    ]);
    const cases: [string, Buffer, string][] = [
      ['no boundary', good, 'multipart/form-data'],
      ['too long a boundary', good, `multipart/form-data; boundary=${'b'.repeat(71)}`],
      ['another boundary', good, 'multipart/form-data; boundary=C'],
      ['no closing boundary', good.subarray(0, good.length - 8), 'multipart/form-data; boundary=B'],
      [
        'no header block',
        Buffer.from('--B\r\nno headers\r\n--B--'),
        'multipart/form-data; boundary=B',
      ],
      [
        'a header without a colon',
        Buffer.from('--B\r\nbroken\r\n\r\nx\r\n--B--'),
        'multipart/form-data; boundary=B',
      ],
      [
        'no file field',
        form('B', [{ headers: ['Content-Disposition: form-data; name="other"'], body: 'x' }]),
        'multipart/form-data; boundary=B',
      ],
    ];
    for (const [what, body, type] of cases) {
      assert.throws(() => readMultipartFile(body, type, 'file'), badRequest, what);
    }
    assert.equal(boundaryOf('multipart/form-data; charset=utf-8; boundary=zz'), 'zz');
  });
});

describe('repairs', () => {
  test('a word split by a line break: a join, the removed line break as its range', () => {
    const page = parse(G20_PAGE);
    const repairs = findRepairs(page);
    const join = repairs.find((r) => r.note.includes('凌|驾'));
    assert.ok(join);
    assert.equal(join.kind, 'join');
    assert.equal(page.text.slice(join.start, join.end), '\n');
    assert.equal(page.text.slice(join.start - 1, join.end + 1), '凌\n驾');
  });

  test('a paragraph broken across blank lines and across a caption', () => {
    const text = readFileSync(
      join(ROOT, 'test', 'fixtures', 'trad-lanting-column-breaks.txt'),
      'utf8',
    );
    const page = parse(text);
    const repairs = findRepairs(page);
    const kinds = new Set(repairs.map((r) => r.kind));
    assert.ok(kinds.has('blank-dropped') && kinds.has('caption-moved'), [...kinds].join());
    for (const r of repairs) {
      assert.ok(r.start < r.end && r.end <= text.length);
      if (r.kind === 'caption-moved') assert.match(text.slice(r.start, r.end), /^●[\s\S]*新華社$/);
      else assert.match(text.slice(r.start, r.end), /^\s+$/);
    }
    const sorted = [...repairs].sort((a, b) => a.start - b.start);
    assert.deepEqual(repairs, sorted);
    // Within one article's range only that article's repairs.
    const [first] = page.children;
    assert.ok(first);
    const inFirst = findRepairs(page, first);
    assert.ok(inFirst.every((r) => r.start >= first.start && r.end <= first.end));
  });

  test('a hard-wrapped page: every wrap line break is a repair', () => {
    const text = readFileSync(join(ROOT, 'test', 'fixtures', 'trad-hk-asean-wrap22.txt'), 'utf8');
    const repairs = findRepairs(parse(text));
    const wraps = repairs.filter((r) => r.kind === 'wrap');
    assert.ok(wraps.length > 5);
    for (const r of wraps) assert.match(text.slice(r.start, r.end), /^\r?\n$/);
  });

  test('a page with nothing to repair has no repairs', () => {
    assert.deepEqual(findRepairs(parse('標題\n\n第一段。\n\n第二段。\n')), []);
  });
});

describe('routing and parameters', () => {
  test('routes match by segment; parameters are decoded; other methods are listed', () => {
    const match = matchRoute(ROUTES, 'GET', '/api/entities/PER%3A%E4%B9%A0');
    assert.equal(match.route?.path, '/api/entities/{id}');
    assert.deepEqual(match.route && match.params, { id: 'PER:习' });
    assert.equal(matchRoute(ROUTES, 'HEAD', '/api/stats').route?.path, '/api/stats');
    assert.deepEqual(matchRoute(ROUTES, 'DELETE', '/api/stats'), { allowed: ['GET', 'HEAD'] });
    assert.deepEqual(matchRoute(ROUTES, 'GET', '/api/articles/'), { allowed: [] });
    assert.deepEqual(matchRoute(ROUTES, 'GET', '/api/articles/1/2'), { allowed: [] });
    assert.throws(() => matchRoute(ROUTES, 'GET', '/api/articles/%E4%B9'), badRequest);
  });

  test('dates, numbers, paging and filters', () => {
    assert.ok(isDate('2024-02-29'));
    assert.ok(!isDate('2023-02-29'));
    assert.ok(!isDate('2024-13-01'));
    assert.ok(!isDate('2024-1-01'));
    assert.ok(isWellFormed('習近平😀'));
    assert.ok(!isWellFormed('a\uD800b'));
    assert.ok(!isWellFormed('\uDC00'));
    assert.deepEqual(page(new URLSearchParams('')), { limit: 20, offset: 0 });
    assert.deepEqual(page(new URLSearchParams('limit=200&offset=5')), { limit: 200, offset: 5 });
    for (const bad of [
      'limit=0',
      'limit=201',
      'limit=1.5',
      'limit=+1',
      'offset=100001',
      'limit=%20',
    ]) {
      if (bad === 'limit=%20') {
        // Blank is absent.
        assert.deepEqual(page(new URLSearchParams(bad)), { limit: 20, offset: 0 });
        continue;
      }
      assert.throws(() => page(new URLSearchParams(bad)), badRequest, bad);
    }
    assert.deepEqual(filters(new URLSearchParams('outlet=新華社&from=2024-01-01&entity=習近平')), {
      outlet: '新華社',
      from: '2024-01-01',
      entity: '習近平',
    });
    assert.throws(() => filters(new URLSearchParams('from=2024-05-02&to=2024-05-01')), badRequest);
  });
});

describe('errors a request causes', () => {
  /** A real stack overflow, as a pass that recursed too deep would throw it. */
  const overflow = (): RangeError => {
    const recurse = (n: number): number => recurse(n + 1) + 1;
    try {
      recurse(0);
    } catch (err) {
      if (err instanceof RangeError) return err;
    }
    throw new Error('no stack overflow');
  };

  test('a stack overflow is a 422 that says what it is, logged; anything else a 500', () => {
    const lines: string[] = [];
    const reply = errorReply(overflow(), (line) => lines.push(line));
    assert.equal(reply.status, 422);
    const body = JSON.parse(reply.body as string);
    assert.equal(body.error, 'too-deep');
    assert.match(body.message, /a stack overflow\): not read/);
    assert.equal(lines.length, 1);
    const other = errorReply(new TypeError('a bug'), () => {});
    assert.equal(other.status, 500);
  });

  test('ingest and parse name it the same way, never as an internal error', () => {
    assert.match(describeFailure(overflow()), /^a page shaped too deep or too long/);
    assert.match(describeFailure(new TypeError('a bug')), /^internal error: a bug/);
  });
});
