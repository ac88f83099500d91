import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { type IncomingHttpHeaders, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { type RunningServer, startServer } from '../../src/serve/index.ts';
import { openStore, type SqliteStore } from '../../src/store/index.ts';
import { ROOT } from './cli.ts';
import { documentFor, fillStore } from './store-pages.ts';

/**
 * A server for the API tests: an in-memory archive of the composed test pages (store-pages)
 * and two fixture pages, a token, and a web root of its own with an index.html and an asset.
 */

export const TOKEN = 'test-token-0123456789';

/** The security headers every response must carry. */
export const SECURITY_HEADERS = [
  'content-security-policy',
  'x-content-type-options',
  'referrer-policy',
] as const;

/** Fixture pages stored after the three test documents: article ids 5 and on. */
const FIXTURES = ['trad-lanting-column-breaks.txt', 'simp-asean-multi.txt'];

export interface TestServer extends RunningServer {
  archive: SqliteStore;
  webRoot: string;
}

/** A web root with index.html and one hashed asset, as `vite build` writes them. */
export function makeWebRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'jiedu-web-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(
    join(root, 'index.html'),
    '<!doctype html><title>jiedu</title><div id="app"></div>',
  );
  writeFileSync(join(root, 'assets', 'app-1a2b3c.js'), 'console.log("jiedu");');
  return root;
}

/** Fills an archive as the API tests know it: the composed test pages, then FIXTURES. */
export function fillTestArchive(archive: SqliteStore): void {
  fillStore(archive);
  for (const name of FIXTURES) {
    const text = readFileSync(join(ROOT, 'test', 'fixtures', name), 'utf8');
    archive.putDocument(documentFor(text, { source: name, date: '2024-06-01' }));
  }
}

/** Starts a server on a free loopback port over a filled in-memory archive. */
export async function startTestServer(
  options: { token?: string | null; webRoot?: string } = {},
): Promise<TestServer> {
  const archive = openStore(':memory:');
  fillTestArchive(archive);
  const webRoot = options.webRoot ?? makeWebRoot();
  const token = options.token === null ? undefined : (options.token ?? TOKEN);
  const running = await startServer({
    archive,
    port: 0,
    webRoot,
    ...(token === undefined ? {} : { token }),
    log: () => {},
  });
  return { ...running, archive, webRoot };
}

/** Stops a test server: closes it and its archive and removes its web root. */
export async function stopTestServer(server: TestServer): Promise<void> {
  await server.close();
  server.archive.close();
  rmSync(server.webRoot, { recursive: true, force: true });
}

/** A JSON body as the tests read it: field by field, its shape checked by the OpenAPI
 * document rather than by the type system. */
// biome-ignore lint/suspicious/noExplicitAny: any route's body; the schemas check its shape
export type Json = any;

/** A response, read whole. */
export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed, when it is JSON. */
  json: Json;
}

/** Fetches `path` from the server; every answer must carry the security headers, and
 * every error must be JSON {status, error, message} with the response's status. */
export async function call(base: string, path: string, init?: RequestInit): Promise<Answer> {
  const res = await fetch(new URL(path, base), init);
  const text = await res.text();
  for (const h of SECURITY_HEADERS) assert.ok(res.headers.get(h), `${h} on ${path}`);
  const isJson = (res.headers.get('content-type') ?? '').startsWith('application/json');
  const json = isJson && text !== '' ? JSON.parse(text) : undefined;
  if (res.status >= 400) {
    assert.ok(isJson, `error of ${path} is JSON`);
    assert.equal(json.status, res.status);
    assert.equal(typeof json.error, 'string');
    assert.equal(typeof json.message, 'string');
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** Posts a page to /api/ingest with the test token. */
export function ingest(base: string, body: string): Promise<Answer> {
  return call(base, '/api/ingest', {
    method: 'POST',
    body,
    headers: { authorization: `Bearer ${TOKEN}` },
  });
}

/** Escapes one JSON pointer segment for a URI fragment. */
function pointer(segment: string): string {
  return encodeURIComponent(segment.replaceAll('~', '~0').replaceAll('/', '~1'));
}

/**
 * Validates answers against the OpenAPI document the server serves: the schema of the
 * route's response for that status (or its default), with ajv's JSON Schema 2020-12.
 */
export class OpenApiChecker {
  readonly doc: Json;
  readonly #ajv: Ajv2020;
  static readonly ID = 'https://jiedu.test/openapi.json';

  constructor(doc: Json) {
    this.doc = doc;
    this.#ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
    this.#ajv.addSchema({ ...doc, $id: OpenApiChecker.ID });
  }

  /** The JSON schema of a route's response, as a $ref into the document. */
  schemaRef(method: string, route: string, status: number): string {
    const responses = this.doc.paths[route]?.[method]?.responses;
    assert.ok(responses, `the document has ${method.toUpperCase()} ${route}`);
    const key = String(status) in responses ? String(status) : 'default';
    assert.ok(responses[key], `${method} ${route} documents status ${status}`);
    return `${OpenApiChecker.ID}#/paths/${pointer(route)}/${method}/responses/${key}/content/${pointer('application/json')}/schema`;
  }

  /** Asserts that a JSON answer matches the document. */
  check(method: string, route: string, answer: Answer): void {
    assert.ok(answer.json !== undefined, `${route} answered JSON`);
    const validate = this.#ajv.compile({ $ref: this.schemaRef(method, route, answer.status) });
    const ok = validate(answer.json);
    assert.ok(
      ok,
      `${method.toUpperCase()} ${route} ${answer.status}: ${this.#ajv.errorsText(validate.errors)}`,
    );
  }
}

/** An answer as it came over the wire: nothing decoded, decompressed or normalised. */
export interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/**
 * One request sent as given (the path is not normalised; no Accept-Encoding unless in
 * `headers`, and a compressed answer is not decompressed), its answer read whole.
 */
export function rawRequest(
  port: number,
  method: string,
  path: string,
  options: { body?: Uint8Array; headers?: Record<string, string> } = {},
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method, path, headers: options.headers ?? {}, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}
