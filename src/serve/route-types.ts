import type { PageResult, PageTask } from '../ingest/types.ts';
import type { Archive, ArchiveStats } from '../store/index.ts';
import type { PageNode } from '../tree/types.ts';
import type { PostedPage } from './read-body.ts';
import type { Reply } from './reply.ts';

/** The shapes the API's routes share: what a handler gets and answers, and a route. */

/** What every handler gets. */
export interface ApiContext {
  archive: Archive;
  /** The bearer token ingest needs; undefined: the server is read-only. */
  token: string | undefined;
  /** Pages re-parsed for their repairs, by document id (see `repairsOf`). */
  parsed: Map<number, PageNode>;
  /** The last figures of /api/stats and when they were read (performance.now()). */
  stats?: { at: number; value: ArchiveStats };
}

/** One request as a handler sees it: plain data, so it can cross to a reader thread. */
export interface ApiRequest {
  query: URLSearchParams;
  /** Path parameters, decoded: `{id}` → params.id. */
  params: Readonly<Record<string, string>>;
  /** The posted page, for routes that take a body (read before the handler runs). */
  page?: PostedPage;
  /** The pages posted in a form's fields, for routes with `form` (read before the handler). */
  form?: Record<string, PostedPage>;
  /** The posted page parsed and annotated, for routes with `process` (done before the
   * handler runs, on a reader thread when the server has them). */
  processed?: PageResult;
}

/** Handlers are synchronous: the archive is, and a reader thread runs one at a time. */
export type Handler = (ctx: ApiContext, request: ApiRequest) => Reply;

/** A route: `GET /api/articles/{id}`. */
export interface Route {
  method: 'GET' | 'POST';
  path: string;
  handle: Handler;
  /** Where it runs when the server has reader threads: `reader` for what only reads the
   * archive or parses (any thread), `main` for what writes or touches nothing. */
  runs: 'reader' | 'main';
  /** The request body is a page (raw or a form's file), read before the handler. */
  body?: boolean;
  /** The request body is a form whose fields are pages (files or text), read before the
   * handler; the fields the route takes. */
  form?: readonly string[];
  /** Only with the server's bearer token (checked before the body is read). */
  token?: boolean;
  /** Open to all, but a request without the token is held to the open limits
   * (`OpenParseGate`: a smaller body, a rate per client, one at a time, a shorter time). */
  open?: boolean;
  /** The page to parse and annotate before the handler runs (into `processed`). */
  process?: (request: ApiRequest) => PageTask;
}
