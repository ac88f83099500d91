import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerOptions,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { processPage } from '../ingest/process-page.ts';
import type { Archive } from '../store/index.ts';
import { suggest } from '../text/suggest.ts';
import {
  chooseEncoding,
  compressBody,
  compressedFile,
  isCompressible,
  MIN_COMPRESSED,
} from './compress.ts';
import { HttpError, notFound } from './http-error.ts';
import { matchRoute } from './match-route.ts';
import { OpenParseGate, type OpenParseLimits } from './open-parse.ts';
import { queryParameters } from './openapi.ts';
import { MAX_BODY, type PostedPage, readPostedForm, readPostedPage } from './read-body.ts';
import { ReaderPool } from './reader-pool.ts';
import type { Reply } from './reply.ts';
import { type ApiContext, authorize, carriesToken, ROUTES, type Route } from './routes.ts';
import { errorReply, requestOf, runHandler, type Task } from './run-handler.ts';
import { findStaticFile } from './static-files.ts';

/**
 * The HTTP server: node:http with the API's routes and the built web UI. No framework: the
 * API is a dozen routes, and what a framework would add (routing, body parsing, errors)
 * is a page of code here that the tests cover. Every response carries the security
 * headers; every failure is a JSON error, and nothing a client sends can crash it.
 */

/** The package root, two folders up from this module in src/serve and dist/serve alike. */
const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Where the built web UI is: dist/web under the package root. */
export const WEB_ROOT = `${PACKAGE_ROOT}dist/web`;

/** Options for {@link startServer}. */
export interface ServeOptions {
  /** The archive the API reads (and ingest writes); the caller opens and closes it. */
  archive: Archive;
  /** Address to bind; default 127.0.0.1 (loopback only). */
  host?: string;
  /** Port; default 8080, 0 for any free port. */
  port?: number;
  /** The bearer token for POST /api/ingest; without one the server is read-only. */
  token?: string;
  /** The built UI; default dist/web of the package. */
  webRoot?: string;
  /** Where server errors (500s) are reported; default stderr. */
  log?: (line: string) => void;
  /**
   * Reader threads, each with its own connection to the archive file at `path` (the file
   * `archive` was opened from): the archive's reads and parsing run there, in parallel and
   * with a time limit, while the main thread does HTTP and writes. Without it everything
   * runs on the main thread (the only way for an in-memory archive).
   */
  readers?: {
    path: string;
    /** Threads; default 2. */
    size?: number;
    /** Longest a request may run, or wait for a reader (ms); default 15000. */
    timeLimitMs?: number;
    /** Requests waiting at most; default 256. */
    maxQueue?: number;
  };
  /** Limits on POST /api/parse without the token (defaults: OPEN_PARSE_LIMITS in open-parse.ts). */
  openParse?: Partial<OpenParseLimits>;
  /** The HTTP layer's time limits (ms); defaults: headers 10 s, a whole request 30 s. */
  timeouts?: { headersMs?: number; requestMs?: number };
}

/** A server that is listening. */
export interface RunningServer {
  server: Server;
  /** http://host:port/ as a browser opens it. */
  url: string;
  /** Whether the bound address is loopback (requests then must name it in Host). */
  loopback: boolean;
  port: number;
  /** Stops taking connections, ends idle ones at once and busy ones after their response
   * (or after `graceMs`); resolves when every one is closed. */
  close(graceMs?: number): Promise<void>;
}

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy':
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; " +
    "font-src 'self'; script-src 'self'; connect-src 'self'; object-src 'none'; " +
    "base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/** Limits of the HTTP layer: slow or endless requests are cut off, not waited for. */
const LIMITS: ServerOptions = {
  /** The whole request, body included, must arrive within this (ms). */
  requestTimeout: 30_000,
  /** The headers must arrive within this (ms). */
  headersTimeout: 10_000,
  /** How often Node checks connections against the two timeouts above (ms). Its default,
   * 30 s, lets a slow client hold a connection for up to 40 s on a 10 s header limit. */
  connectionsCheckingInterval: 1_000,
  /** An idle keep-alive connection is closed after this (ms). */
  keepAliveTimeout: 5_000,
  /** Headers beyond this size are a 431 (Node's default is 16 KiB). */
  maxHeaderSize: 16_384,
};

/** Splits the request target into path and query; a target that is no path is a 400. */
function target(raw: string | undefined): { path: string; search: string } {
  const url = raw ?? '/';
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  if (!path.startsWith('/')) {
    throw new HttpError(400, 'bad-request', 'the request target must be a path');
  }
  return { path, search: q < 0 ? '' : url.slice(q + 1) };
}

/** What answering a request needs. */
interface ServerState {
  ctx: ApiContext;
  pool: ReaderPool | undefined;
  webRoot: string;
  /** Host names a request may be addressed to; null: any (the server listens beyond
   * loopback, where a name check would only refuse its own users). */
  hosts: ReadonlySet<string> | null;
  openParse: OpenParseGate;
  log(line: string): void;
}

/** Loopback addresses and the names they go by. */
const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]', '::1'];

/**
 * Whether a bound address (what the socket reports once listening, always numeric) is
 * loopback: 127.0.0.0/8, ::1, or 127.x.x.x mapped into IPv6. The address asked for is not
 * asked: 127.1, 0x7f.0.0.1 and ::ffff:127.0.0.1 all bind loopback, spelled otherwise.
 */
export function isLoopbackAddress(address: string): boolean {
  const v4 = address.toLowerCase().replace(/^::ffff:/, '');
  return address === '::1' || /^127(?:\.\d{1,3}){3}$/.test(v4);
}

/**
 * The Host header a server on loopback accepts: its own address or localhost, with its
 * port. A page elsewhere that rebinds its own name to 127.0.0.1 (DNS rebinding) sends its
 * own name, and is refused: it cannot read a local archive through the reader's browser.
 */
function allowedHosts(host: string, bound: string, port: number): Set<string> {
  const names = new Set(
    [...LOOPBACK_HOSTS, host, bound].map((h) =>
      (h.includes(':') && !h.startsWith('[') ? `[${h}]` : h).toLowerCase(),
    ),
  );
  // A browser leaves the default port out of the header.
  return new Set([...names].flatMap((h) => (port === 80 ? [h, `${h}:80`] : [`${h}:${port}`])));
}

function checkHost(server: ServerState, req: IncomingMessage): void {
  if (server.hosts === null) return;
  const host = (req.headers.host ?? '').toLowerCase();
  if (!server.hosts.has(host)) {
    throw new HttpError(
      421,
      'wrong-host',
      `this server answers requests to ${[...server.hosts][0] ?? 'its own address'} only`,
    );
  }
}

/** Refuses a query parameter the route does not take: a typo (clas=oppose) would
 * otherwise be ignored and the answer quietly wrong. */
function checkParameters(route: Route, search: string): void {
  const known = queryParameters(route.path, route.method);
  for (const name of new URLSearchParams(search).keys()) {
    if (known.has(name)) continue;
    const hint = suggest(name, [...known]);
    const takes = known.size === 0 ? 'no parameters' : [...known].join(', ');
    throw new HttpError(
      400,
      'unknown-parameter',
      `${route.path} does not take '${name.slice(0, 40)}'${hint} (it takes ${takes})`,
    );
  }
}

async function route(server: ServerState, req: IncomingMessage): Promise<Reply> {
  checkHost(server, req);
  const method = req.method ?? 'GET';
  const { path, search } = target(req.url);
  const match = matchRoute(ROUTES, method, path);
  if (match.route !== undefined) {
    const route = match.route;
    checkParameters(route, search);
    // The token before the body: a refused client need not send 2 MiB first.
    if (route.token === true) authorize(server.ctx.token, req);
    if (route.open === true && !carriesToken(server.ctx.token, req)) {
      return openRoute(server, req, route, match.params, search);
    }
    const page = route.body === true ? await readPostedPage(req) : undefined;
    const form =
      route.form === undefined
        ? undefined
        : await readPostedForm(req, route.form, MAX_BODY * route.form.length);
    const task = taskOf(route, search, match.params, page, form);
    if (route.process === undefined && server.pool !== undefined && route.runs === 'reader') {
      return server.pool.run(task);
    }
    const request = requestOf(task);
    if (route.process !== undefined) {
      const work = route.process(request);
      request.processed =
        server.pool === undefined ? processPage(work) : await server.pool.process(work);
    }
    return runHandler(server.ctx, route, request, server.log);
  }
  if (match.allowed.length > 0) {
    throw new HttpError(405, 'method-not-allowed', `${method} is not allowed on ${path}`, {
      allow: match.allowed.join(', '),
    });
  }
  if (path === '/api' || path.startsWith('/api/')) throw notFound(`no API route ${path}`);
  if (method !== 'GET' && method !== 'HEAD') {
    throw new HttpError(405, 'method-not-allowed', `${method} is not allowed on ${path}`, {
      allow: 'GET, HEAD',
    });
  }
  const file = await findStaticFile(server.webRoot, path);
  return { status: 200, headers: file.headers, body: file };
}

/** A request as plain data, for a reader thread or the main thread alike. */
function taskOf(
  route: Route,
  query: string,
  params: Record<string, string>,
  page: PostedPage | undefined,
  form?: Record<string, PostedPage>,
): Task {
  return {
    route: route.path,
    method: route.method,
    query,
    params,
    ...(page === undefined ? {} : { page }),
    ...(form === undefined ? {} : { form }),
  };
}

/**
 * A route open to all, for a request without the token: admitted by the gate (rate per
 * client address, one at a time), its body under the open size limit, and run on a reader
 * under the open time limit.
 */
async function openRoute(
  server: ServerState,
  req: IncomingMessage,
  route: Route,
  params: Record<string, string>,
  query: string,
): Promise<Reply> {
  const gate = server.openParse;
  const release = gate.admit(req.socket.remoteAddress ?? 'unknown');
  try {
    const hint =
      server.ctx.token === undefined
        ? ''
        : ` (without the server's token; with it, up to ${MAX_BODY} bytes)`;
    const page =
      route.body === true ? await readPostedPage(req, gate.limits.maxBytes, hint) : undefined;
    // A form of two pages may be twice the size of one.
    const form =
      route.form === undefined
        ? undefined
        : await readPostedForm(req, route.form, gate.limits.maxBytes * route.form.length, hint);
    const task = taskOf(route, query, params, page, form);
    if (server.pool !== undefined && route.runs === 'reader') {
      return await server.pool.run(task, gate.limits.timeLimitMs);
    }
    return runHandler(server.ctx, route, requestOf(task), server.log);
  } finally {
    release();
  }
}

/** Sends a body held whole, with its length; a HEAD request gets the headers only. */
function sendBytes(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  bytes: Buffer,
): void {
  headers['content-length'] = String(bytes.length);
  res.writeHead(status, headers);
  res.end(req.method === 'HEAD' ? undefined : bytes);
}

function send(req: IncomingMessage, res: ServerResponse, reply: Reply): void | Promise<void> {
  if (res.headersSent || res.destroyed) return;
  const headers: Record<string, string> = { ...SECURITY_HEADERS, ...reply.headers };
  // A body left unread (refused before it arrived) must not be taken for the next request.
  if (!req.complete) headers.connection = 'close';
  const compressible = isCompressible(headers['content-type']);
  if (compressible) headers.vary = 'Accept-Encoding';
  const encoding = compressible ? chooseEncoding(req.headers['accept-encoding']) : null;
  if (typeof reply.body === 'string') {
    let bytes: Buffer = Buffer.from(reply.body, 'utf8');
    if (encoding !== null && bytes.length >= MIN_COMPRESSED) {
      bytes = compressBody(bytes, encoding);
      headers['content-encoding'] = encoding;
    }
    sendBytes(req, res, reply.status, headers, bytes);
    return;
  }
  const file = reply.body;
  if (encoding !== null && file.size >= MIN_COMPRESSED) {
    return compressedFile(file.path, file.mtimeMs, encoding).then(
      (bytes) => {
        if (res.headersSent || res.destroyed) return;
        headers['content-encoding'] = encoding;
        sendBytes(req, res, reply.status, headers, bytes);
      },
      () => {
        res.destroy();
      },
    );
  }
  res.writeHead(reply.status, headers);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = file.open();
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

/** Statuses for what Node's HTTP parser refuses before a request exists. */
const CLIENT_ERRORS: Readonly<Record<string, [number, string, string]>> = {
  HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large', 'headers-too-large'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout', 'timeout'],
};

/**
 * The whole response to a client whose bytes are not a request Node can read (garbage, too
 * large headers, too slow): the JSON error every other failure gets, then the connection
 * closes.
 */
function clientErrorResponse(err: NodeJS.ErrnoException): string {
  const [status, reason, code] = CLIENT_ERRORS[err.code ?? ''] ?? [
    400,
    'Bad Request',
    'bad-request',
  ];
  const body = JSON.stringify({
    status,
    error: code,
    message: `cannot read the request: ${reason.toLowerCase()}`,
  });
  const headers = {
    ...SECURITY_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
    connection: 'close',
  };
  const lines = Object.entries(headers).map(([k, v]) => `${k}: ${v}`);
  return `HTTP/1.1 ${status} ${reason}\r\n${lines.join('\r\n')}\r\n\r\n${body}`;
}

/** Starts the server and resolves once it listens. */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  if (options.token !== undefined && options.token.length < 8) {
    throw new TypeError('startServer: `token` must be at least 8 characters');
  }
  const readers = options.readers;
  const state: ServerState = {
    ctx: { archive: options.archive, token: options.token, parsed: new Map() },
    pool:
      readers === undefined
        ? undefined
        : new ReaderPool({
            path: readers.path,
            size: readers.size ?? 2,
            timeLimitMs: readers.timeLimitMs ?? 15_000,
            maxQueue: readers.maxQueue ?? 256,
            log,
          }),
    webRoot: options.webRoot ?? WEB_ROOT,
    hosts: null,
    openParse: new OpenParseGate(options.openParse),
    log,
  };
  const limits: ServerOptions = {
    ...LIMITS,
    headersTimeout: options.timeouts?.headersMs ?? LIMITS.headersTimeout,
    requestTimeout: options.timeouts?.requestMs ?? LIMITS.requestTimeout,
  };
  const server = createServer(limits, (req, res) => {
    route(state, req)
      .catch((err: unknown) => errorReply(err, log))
      .then((reply) => send(req, res, reply))
      .catch((err: unknown) => {
        log(`jiedu serve: ${err instanceof Error ? err.message : String(err)}`);
        res.destroy();
      });
  });
  // A client whose bytes are not a request gets a JSON 4xx and the connection closed.
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (socket.writable) socket.end(clientErrorResponse(err));
    else socket.destroy();
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    // Only a failure to listen (a port in use) ends the start; the readers go with it.
    const failed = (err: Error) => {
      void state.pool?.close();
      reject(err);
    };
    server.once('error', failed);
    server.listen(options.port ?? 8080, host, () => {
      server.off('error', failed);
      resolve();
    });
  });
  // Later errors (an accept that fails when the process is out of file handles) are
  // logged: the server goes on with the connections it can take.
  server.on('error', (err) => log(`jiedu serve: ${err.message}`));
  const { port, address: bound } = server.address() as AddressInfo;
  // Loopback by the address bound, however it was spelled: the Host check is on.
  const loopback = isLoopbackAddress(bound);
  if (loopback) state.hosts = allowedHosts(host, bound, port);
  const shownHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  return {
    server,
    port,
    url: `http://${shownHost}:${port}/`,
    loopback,
    close: async (graceMs = 2000) => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), graceMs).unref();
      });
      await state.pool?.close();
    },
  };
}
