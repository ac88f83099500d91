import { describeFailure } from '../ingest/process-page.ts';
import { QueryError } from '../store/index.ts';
import { type ErrorBody, HttpError } from './http-error.ts';
import type { PostedPage } from './read-body.ts';
import { json, type Reply } from './reply.ts';
import { type ApiContext, type ApiRequest, ROUTES, type Route } from './routes.ts';

/**
 * Running a handler, on the main thread or a reader thread alike: its reply, or the reply
 * for the error it threw. Nothing a handler throws escapes.
 */

/** A request as it crosses to a reader thread: the route's pattern and plain data. */
export interface Task {
  /** The route's path pattern, `/api/articles/{id}`. */
  route: string;
  method: 'GET' | 'POST';
  /** The query string, without `?`. */
  query: string;
  params: Record<string, string>;
  page?: PostedPage;
  form?: Record<string, PostedPage>;
}

/** The reply for an error: its own status for an HttpError, 400 for a query the search
 * cannot read, 422 for a page or query shaped too deep to read (a stack overflow), else a
 * 500 that is logged. */
export function errorReply(err: unknown, log: (line: string) => void): Reply {
  let body: ErrorBody;
  let headers: Record<string, string> = {};
  if (err instanceof HttpError) {
    body = { status: err.status, error: err.code, message: err.message };
    headers = { ...err.headers };
  } else if (err instanceof QueryError) {
    body = { status: 400, error: 'bad-query', message: err.message };
  } else if (err instanceof RangeError && /call stack/i.test(err.message)) {
    // The request's shape, not a fault of the server: said so, and logged to be fixed.
    log(`jiedu serve: a stack overflow: ${err.stack ?? err.message}`);
    body = { status: 422, error: 'too-deep', message: describeFailure(err) };
  } else {
    log(`jiedu serve: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    body = { status: 500, error: 'internal', message: 'internal error: the server log says more' };
  }
  const reply = json(body, body.status);
  Object.assign(reply.headers, headers);
  return reply;
}

/** Runs a route's handler; an error becomes its reply. */
export function runHandler(
  ctx: ApiContext,
  route: Route,
  request: ApiRequest,
  log: (line: string) => void,
): Reply {
  try {
    return route.handle(ctx, request);
  } catch (err) {
    return errorReply(err, log);
  }
}

/** The request a handler sees for a task, on whichever thread runs it. */
export function requestOf(task: Task): ApiRequest {
  return {
    query: new URLSearchParams(task.query),
    params: task.params,
    ...(task.page === undefined ? {} : { page: task.page }),
    ...(task.form === undefined ? {} : { form: task.form }),
  };
}

/** Runs a task that crossed from the main thread. */
export function runTask(ctx: ApiContext, task: Task, log: (line: string) => void): Reply {
  const route = ROUTES.find((r) => r.path === task.route && r.method === task.method);
  if (route === undefined) return errorReply(new Error(`no route ${task.route}`), log);
  return runHandler(ctx, route, requestOf(task), log);
}
