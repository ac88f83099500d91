import assert from 'node:assert/strict';
import { request } from 'node:http';
import { connect } from 'node:net';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import {
  rawRequest,
  startTestServer,
  stopTestServer,
  type TestServer,
  TOKEN,
} from './helpers/serve.ts';

/*
 * Whatever a client sends — odd paths, malformed query strings, bodies of any bytes under
 * any content type, garbage instead of HTTP — the server answers (never a 5xx, errors as
 * JSON) and goes on answering.
 */

let server: TestServer;

before(async () => {
  server = await startTestServer();
});

after(() => stopTestServer(server));

interface Raw {
  status: number;
  type: string;
  body: string;
}

/** One request with a raw path (no URL normalisation), its answer read whole. */
async function send(
  method: string,
  path: string,
  body?: Uint8Array,
  headers: Record<string, string> = {},
): Promise<Raw> {
  const answer = await rawRequest(server.port, method, path, {
    headers,
    ...(body === undefined ? {} : { body }),
  });
  return {
    status: answer.status,
    type: String(answer.headers['content-type'] ?? ''),
    body: answer.body.toString('utf8'),
  };
}

/** Asserts an answer is not a server error, and that an error is the JSON error shape. */
function assertAnswered(what: string, answer: Raw): void {
  assert.ok(
    (answer.status >= 200 && answer.status < 500) || answer.status === 503,
    `${what}: ${answer.status} ${answer.body.slice(0, 200)}`,
  );
  if (answer.status >= 400) {
    assert.match(answer.type, /^application\/json/, what);
    const json = JSON.parse(answer.body);
    assert.equal(json.status, answer.status, what);
  }
}

const ROUTES = [
  '/api/search',
  '/api/articles/',
  '/api/entities',
  '/api/entities/',
  '/api/quotes',
  '/api/stances',
  '/api/stances.csv',
  '/api/timeline',
  '/api/graph',
  '/api/parse',
  '/api/ingest',
  '/api/stats',
  '/api/',
  '/openapi.json',
  '/healthz',
  '/',
  '/assets/',
];
const PARAMS = [
  'q',
  'limit',
  'offset',
  'from',
  'to',
  'outlet',
  'entity',
  'speaker',
  'type',
  'name',
  'by',
  'class',
  'kind',
  'about',
  'actor',
  'negated',
  'min',
  'annotate',
  'date',
];

/** Values that have broken parsers before: malformed escapes, huge numbers, impossible
 * dates, unbalanced queries. */
const NASTY = [
  '%',
  '%E4%B9',
  '%zz',
  '..',
  '%2e%2e',
  '-1',
  '0',
  '99999999999999999999',
  '1e3',
  'NaN',
  '2024-02-30',
  '習近平',
  '(制裁',
  'A OR',
  '"',
  '*',
  'PER:习近平',
  '%00',
];

/** Text as a path or query piece: printable ASCII kept (what http.request allows), the rest
 * percent-encoded, plus raw % escapes that may be malformed. */
const piece = fc.oneof(
  fc.string({ maxLength: 12 }).map((s) => encodeURIComponent(s)),
  fc.string({ unit: 'grapheme', maxLength: 8 }).map((s) => encodeURIComponent(s)),
  { weight: 4, arbitrary: fc.constantFrom(...NASTY) },
  fc.nat({ max: 300 }).map(String),
);
const ascii = (s: string) => s.replace(/[^\x21-\x7e]/g, (c) => encodeURIComponent(c));

const url = fc
  .tuple(
    fc.constantFrom(...ROUTES),
    fc.array(piece, { maxLength: 2 }),
    fc.array(
      fc.tuple(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...PARAMS) }, piece), piece),
      { maxLength: 5 },
    ),
  )
  .map(([route, segments, params]) => {
    // Segments extend the routes that take them (/api/articles/…); a route that takes none
    // gets them only now and then, so most requests reach a handler.
    const path = route.endsWith('/') || segments.length === 2 ? route + segments.join('/') : route;
    const query = params.map(([k, v]) => `${k}=${v}`).join('&');
    return ascii(query === '' ? path : `${path}?${query}`);
  });

describe('fuzzing the server', () => {
  test('any path and query string, any method: an answer, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        url,
        fc.oneof(
          { weight: 6, arbitrary: fc.constant('GET') },
          fc.constantFrom('HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS'),
        ),
        async (path, method) => {
          const answer = await send(
            method,
            path,
            method === 'POST' ? new Uint8Array([0x41]) : undefined,
          );
          if (method !== 'HEAD') assertAnswered(`${method} ${path}`, answer);
          else assert.ok(answer.status < 500 || answer.status === 503, `${method} ${path}`);
        },
      ),
      { numRuns: 500, seed: 5 },
    );
  });

  test('every parameter of every GET route with every nasty value', async () => {
    const routes = [
      '/api/search',
      '/api/articles/1',
      '/api/entities',
      '/api/entities/PER%3A%E4%B9%A0%E8%BF%91%E5%B9%B3',
      '/api/quotes',
      '/api/stances',
      '/api/stances.csv',
      '/api/timeline',
      '/api/graph',
    ];
    for (const route of routes) {
      for (const name of PARAMS) {
        await Promise.all(
          NASTY.map(async (value) => {
            const path = ascii(`${route}?${name}=${value}`);
            assertAnswered(`GET ${path}`, await send('GET', path));
          }),
        );
      }
    }
  });

  test('any body under any content type to parse and ingest', async () => {
    const types = fc.constantFrom(
      'text/plain',
      'application/octet-stream',
      'multipart/form-data; boundary=XyZ',
      'multipart/form-data; boundary="a b"',
      'multipart/form-data',
      `multipart/form-data; boundary=${'x'.repeat(80)}`,
      'application/json',
      'text/plain; charset=big5',
      '',
    );
    const multipart = fc
      .tuple(fc.string({ maxLength: 30 }), fc.uint8Array({ maxLength: 200 }), fc.boolean())
      .map(([name, bytes, close]) => {
        const head = `--XyZ\r\nContent-Disposition: form-data; name="${name}"; filename="a.txt"\r\n\r\n`;
        return new Uint8Array(
          Buffer.concat([Buffer.from(head), bytes, Buffer.from(close ? '\r\n--XyZ--\r\n' : '')]),
        );
      });
    const body = fc.oneof(
      fc.uint8Array({ maxLength: 2000 }),
      fc.string({ maxLength: 300 }).map((s) => new Uint8Array(Buffer.from(s))),
      multipart,
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/api/parse', '/api/ingest'),
        types,
        body,
        fc.boolean(),
        async (path, type, bytes, auth) => {
          const headers: Record<string, string> = type === '' ? {} : { 'content-type': type };
          if (auth) headers.authorization = `Bearer ${TOKEN}`;
          const answer = await send('POST', path, bytes, headers);
          assertAnswered(`POST ${path} ${type}`, answer);
        },
      ),
      { numRuns: 120, seed: 7 },
    );
  });

  test('garbage instead of HTTP: a JSON 4xx and the connection closed; the server goes on', async () => {
    const cases: [string, RegExp][] = [
      ['\u0000\u0001\u0002\r\n\r\n', /^HTTP\/1\.1 400 /],
      ['GET / HTTP/9.9\r\n\r\n', /^HTTP\/1\.1 4\d\d /],
      ['GET /x\r\nHost\r\n\r\n', /^HTTP\/1\.1 400 /],
      [`GET /${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`, /^HTTP\/1\.1 431 /],
    ];
    for (const [garbage, status] of cases) {
      const reply = await new Promise<string>((resolve) => {
        const socket = connect(server.port, '127.0.0.1', () => socket.end(garbage));
        let data = '';
        socket.setEncoding('utf8').on('data', (d: string) => {
          data += d;
        });
        socket.on('close', () => resolve(data));
        socket.on('error', () => resolve(data));
      });
      assert.match(reply, status, JSON.stringify(garbage.slice(0, 30)));
      const body = JSON.parse(reply.slice(reply.indexOf('\r\n\r\n') + 4));
      assert.equal(body.status, Number(reply.slice(9, 12)));
      assert.match(reply, /content-security-policy: /);
    }
    const health = await send('GET', '/healthz');
    assert.equal(health.status, 200);
  });

  test('a body that keeps coming past 2 MiB (no Content-Length) is cut off with a 413', async () => {
    const answer = await new Promise<Raw>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: server.port,
          method: 'POST',
          path: '/api/parse',
          agent: false,
          headers: { 'transfer-encoding': 'chunked' },
        },
        (res) => {
          let body = '';
          res.setEncoding('utf8').on('data', (d: string) => {
            body += d;
          });
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              type: String(res.headers['content-type']),
              body,
            }),
          );
        },
      );
      req.on('error', reject);
      const chunk = Buffer.alloc(256 * 1024, 0x41);
      let sent = 0;
      const pump = () => {
        while (sent < 4 * 1024 * 1024) {
          sent += chunk.length;
          if (!req.write(chunk)) {
            req.once('drain', pump);
            return;
          }
        }
        req.end();
      };
      pump();
    }).catch((err: NodeJS.ErrnoException) => {
      // The server may close the connection while the client still writes: that is a refusal too.
      assert.match(String(err.code), /EPIPE|ECONNRESET/);
      return undefined;
    });
    if (answer !== undefined) {
      assert.equal(answer.status, 413);
      assert.equal(JSON.parse(answer.body).error, 'payload-too-large');
    }
    assert.equal((await send('GET', '/healthz')).status, 200);
  });
});
