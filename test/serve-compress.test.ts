import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { chooseEncoding, isCompressible } from '../src/serve/compress.ts';
import {
  type RawAnswer,
  rawRequest,
  startTestServer,
  stopTestServer,
  type TestServer,
} from './helpers/serve.ts';

/** A raw GET (fetch would decompress behind our back): status, headers and the bytes. */
function rawGet(
  server: TestServer,
  path: string,
  acceptEncoding?: string,
  method = 'GET',
): Promise<RawAnswer> {
  return rawRequest(server.port, method, path, {
    headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding },
  });
}

function decode(body: Buffer, encoding: unknown): string {
  if (encoding === 'br') return brotliDecompressSync(body).toString('utf8');
  if (encoding === 'gzip') return gunzipSync(body).toString('utf8');
  return body.toString('utf8');
}

describe('choosing an encoding', () => {
  test('br before gzip, q=0 refuses, * stands for both, nothing without a header', () => {
    assert.equal(chooseEncoding('gzip, deflate, br, zstd'), 'br');
    assert.equal(chooseEncoding('gzip, deflate'), 'gzip');
    assert.equal(chooseEncoding('br;q=0, gzip;q=0.5'), 'gzip');
    assert.equal(chooseEncoding('*'), 'br');
    assert.equal(chooseEncoding('*, br;q=0'), 'gzip');
    assert.equal(chooseEncoding('identity'), null);
    assert.equal(chooseEncoding('gzip;q=0'), null);
    assert.equal(chooseEncoding(''), null);
    assert.equal(chooseEncoding(undefined), null);
  });
  test('text, JSON, JavaScript and SVG are compressed; fonts and images are not', () => {
    for (const t of [
      'application/json; charset=utf-8',
      'text/csv; charset=utf-8',
      'text/javascript; charset=utf-8',
      'text/html; charset=utf-8',
      'image/svg+xml',
    ]) {
      assert.equal(isCompressible(t), true, t);
    }
    for (const t of ['font/woff2', 'image/png', 'application/octet-stream', undefined]) {
      assert.equal(isCompressible(t), false, String(t));
    }
  });
});

describe('compressed answers', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
    // A UI script large enough to be worth compressing, and a font that is not.
    writeFileSync(
      join(server.webRoot, 'assets', 'big-9f8e7d.js'),
      `export const words = ${JSON.stringify('中俄雙方支持和平談判。'.repeat(400))};\n`,
    );
    writeFileSync(join(server.webRoot, 'assets', 'font-1234.woff2'), Buffer.alloc(4096, 7));
  });
  after(() => stopTestServer(server));

  test('an API answer: brotli or gzip as asked, the same JSON once decoded, plain when not asked', async () => {
    const plain = await rawGet(server, '/api/quotes?limit=100');
    assert.equal(plain.status, 200);
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(plain.headers.vary, 'Accept-Encoding');
    assert.ok(plain.body.length >= 1024, 'the answer is large enough to compress');
    for (const asked of ['br', 'gzip']) {
      const got = await rawGet(server, '/api/quotes?limit=100', asked);
      assert.equal(got.headers['content-encoding'], asked);
      assert.equal(Number(got.headers['content-length']), got.body.length);
      assert.ok(got.body.length < plain.body.length);
      assert.deepEqual(JSON.parse(decode(got.body, asked)), JSON.parse(plain.body.toString()));
    }
  });

  test('a small answer goes as it is', async () => {
    const got = await rawGet(server, '/healthz', 'br');
    assert.equal(got.headers['content-encoding'], undefined);
    assert.deepEqual(JSON.parse(got.body.toString()), { ok: true });
  });

  test('a UI script is compressed (and the same bytes come back on a second request); a font is not', async () => {
    const plain = await rawGet(server, '/assets/big-9f8e7d.js');
    for (const asked of ['br', 'gzip']) {
      for (let i = 0; i < 2; i++) {
        const got = await rawGet(server, '/assets/big-9f8e7d.js', asked);
        assert.equal(got.status, 200);
        assert.equal(got.headers['content-encoding'], asked);
        assert.match(String(got.headers['content-type']), /javascript/);
        assert.ok(got.body.length < plain.body.length / 10);
        assert.equal(decode(got.body, asked), plain.body.toString('utf8'));
      }
    }
    const head = await rawGet(server, '/assets/big-9f8e7d.js', 'gzip', 'HEAD');
    assert.equal(head.headers['content-encoding'], 'gzip');
    assert.equal(head.body.length, 0);
    const font = await rawGet(server, '/assets/font-1234.woff2', 'br, gzip');
    assert.equal(font.headers['content-encoding'], undefined);
    assert.equal(font.body.length, 4096);
  });

  test('errors are compressed like any JSON and keep their security headers', async () => {
    const got = await rawGet(server, `/api/nothing-${'x'.repeat(1200)}`, 'gzip');
    assert.equal(got.status, 404);
    assert.ok(got.headers['content-security-policy']);
    const error = JSON.parse(decode(got.body, got.headers['content-encoding']));
    assert.equal(error.status, 404);
  });
});
