import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { annotate } from '../annotate/index.ts';
import { contentHash } from '../ingest/content-hash.ts';
import type { PageTask } from '../ingest/types.ts';
import { parse } from '../pipeline.ts';
import { toArticleView } from '../render/index.ts';
import { COMPARE_ROUTES } from './compare-routes.ts';
import { findRepairs, type Repair } from './find-repairs.ts';
import { badRequest, HttpError, notFound } from './http-error.ts';
import { everyCopy, LISTING_ROUTES, matchQuery } from './listing-routes.ts';
import { buildOpenApi } from './openapi.ts';
import { date, filters, flag, page, text } from './params.ts';
import { inputFormat, parsePosted } from './parse-posted.ts';
import type { PostedPage } from './read-body.ts';
import { json } from './reply.ts';
import type { ApiContext, ApiRequest, Handler, Route } from './route-types.ts';

export type { ApiContext, ApiRequest, Handler, Route };

/**
 * The API's routes: each a method, a path pattern and a handler that reads the request's
 * parameters, asks the archive and answers JSON. Handlers are thin: the archive does the
 * work, params.ts checks the input.
 */

/** How long /api/stats keeps its figures: counting every table of a large archive takes
 * a while, and the search page asks for them on every visit. */
const STATS_TTL_MS = 5000;

/** Pages kept parsed for the repairs of their articles. */
const PARSED_PAGES = 16;

/** The largest article id accepted in a path: larger is no article. */
const MAX_ID = Number.MAX_SAFE_INTEGER;

/** The article id from the path: a positive whole number, else a 400. */
function articleId(raw: string | undefined): number {
  if (raw === undefined || !/^\d{1,16}$/.test(raw) || Number(raw) < 1 || Number(raw) > MAX_ID) {
    throw badRequest(`the article id must be a positive whole number, not '${raw ?? ''}'`);
  }
  return Number(raw);
}

// ── reading ─────────────────────────────────────────────────────────────────────────────

/**
 * The repairs of one stored article: its page parsed again from the stored text (parsing
 * is deterministic, so the joins are the ones made when it was stored), kept for the next
 * article of the same page.
 */
function repairsOf(
  ctx: ApiContext,
  documentId: number,
  text: string,
  range: { start: number; end: number },
): Repair[] {
  let page = ctx.parsed.get(documentId);
  if (page === undefined) {
    page = parse(text);
    if (ctx.parsed.size >= PARSED_PAGES) {
      const oldest = ctx.parsed.keys().next().value;
      if (oldest !== undefined) ctx.parsed.delete(oldest);
    }
    ctx.parsed.set(documentId, page);
  }
  return findRepairs(page, range);
}

const stats: Handler = (ctx) => {
  const now = performance.now();
  if (ctx.stats === undefined || now - ctx.stats.at > STATS_TTL_MS) {
    ctx.stats = { at: now, value: ctx.archive.stats() };
  }
  return json(ctx.stats.value);
};

/** What the matches of a search hold, counted: outlets, months, scripts, entities. */
const facets: Handler = (ctx, { query }) => json(ctx.archive.facets(matchQuery(query)));

const article: Handler = (ctx, { params }) => {
  const id = articleId(params.id);
  const found = ctx.archive.getArticle(id);
  if (found === undefined) throw notFound(`no article ${id}`);
  const text = ctx.archive.documentText(found.document.id) ?? '';
  const view = found.view.articles[0];
  const repairs =
    view === undefined
      ? []
      : repairsOf(ctx, found.document.id, text, { start: view.start, end: view.end });
  return json({ article: found, text, repairs });
};

const entity: Handler = (ctx, { params, query }) => {
  const name = params.id ?? '';
  // Its counts count a story once, unless copies=1.
  const found = name.trim() === '' ? undefined : ctx.archive.getEntity(name, everyCopy(query));
  if (found === undefined) throw notFound(`no entity '${name}'`);
  const archive = ctx.archive;
  const id = found.id;
  const filter = filters(query);
  const paging = page(query);
  // Its counts, mentions, quotes, stances and timeline count a story once, unless copies=1.
  const copies = everyCopy(query);
  const listed = { ...filter, ...paging };
  const quotesBy = { ...filter, ...copies, speaker: id };
  const quotesAbout = { ...filter, ...copies, mentioning: id };
  const stancesBy = { ...filter, ...copies, actor: id };
  const stancesAbout = { ...filter, ...copies, mentioning: id };
  return json({
    entity: found,
    mentions: archive.entityMentions(id, { ...listed, ...copies }),
    cooccurring: archive.cooccurring(id, listed),
    quotesBy: archive.quotes({ ...quotesBy, ...paging }),
    quotesAbout: archive.quotes({ ...quotesAbout, ...paging }),
    stancesBy: archive.stances({ ...stancesBy, ...paging }),
    stancesAbout: archive.stances({ ...stancesAbout, ...paging }),
    timeline: archive.timeline({ ...filter, ...copies, entity: id }),
    // How many rows each list has in all, for "20 of 312" and the exports' links.
    totals: {
      // The mentions: the stories that name it, or every article with copies=1.
      mentions: archive.countMatches({ ...filter, ...copies, entity: id }),
      quotesBy: archive.totalQuotes(quotesBy),
      quotesAbout: archive.totalQuotes(quotesAbout),
      stancesBy: archive.totalStances(stancesBy),
      stancesAbout: archive.totalStances(stancesAbout),
    },
  });
};

// ── parse and ingest ─────────────────────────────────────────────────────────────────────

/** The posted page of a route that takes a body. */
function postedPage(request: ApiRequest): PostedPage {
  if (request.page === undefined) throw new TypeError('a body route ran without its body');
  return request.page;
}

const parsePage: Handler = (_ctx, request) => {
  const { query } = request;
  const withAnnotations = flag(query, 'annotate') ?? true;
  const pageDate = date(query, 'date');
  const parsed = parsePosted(postedPage(request).bytes, inputFormat(query));
  const tree =
    withAnnotations && parsed.children.length > 0
      ? annotate(parsed, pageDate === undefined ? {} : { date: pageDate })
      : parsed;
  const view = toArticleView(tree);
  return json({
    page: view,
    text: tree.text,
    encoding: tree.source.encoding,
    script: tree.source.script,
    repairs: findRepairs(tree),
  });
};

/** Compares tokens in constant time: their digests, so lengths leak nothing either. */
function sameToken(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** Whether the request carries the server's bearer token (false when there is none). */
export function carriesToken(token: string | undefined, req: IncomingMessage): boolean {
  if (token === undefined) return false;
  const m = /^Bearer[ ]+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  return m !== null && sameToken(m[1] as string, token);
}

/** Ingest is open only with a token, and only to a request that carries it. */
export function authorize(token: string | undefined, req: IncomingMessage): void {
  if (token === undefined) {
    throw new HttpError(
      403,
      'read-only',
      'this server is read-only: start it with --token to allow ingest',
    );
  }
  if (!carriesToken(token, req)) {
    throw new HttpError(
      401,
      'unauthorized',
      'ingest needs the header Authorization: Bearer <token>',
      {
        'www-authenticate': 'Bearer',
      },
    );
  }
}

/** The name a posted page is stored under: ?source=, else the form's file name, else api. */
function sourceOf(request: ApiRequest): string {
  return text(request.query, 'source') ?? postedPage(request).filename ?? 'api';
}

/** What ingest parses and annotates (on a reader thread when there are some): the posted
 * bytes, named, with the page date. Every parameter is checked here, before the work. */
function ingestTask(request: ApiRequest): PageTask {
  const { query } = request;
  text(query, 'outlet');
  text(query, 'url');
  const pageDate = date(query, 'date');
  const format = inputFormat(query);
  return {
    id: 0,
    source: sourceOf(request),
    input: postedPage(request).bytes,
    ...(pageDate === undefined ? {} : { date: pageDate }),
    ...(format === undefined ? {} : { format }),
  };
}

/** Stores the processed page (the main thread's connection is the archive's writer). */
const ingestPage: Handler = (ctx, request) => {
  const { query } = request;
  const result = request.processed;
  if (result === undefined) throw new TypeError('ingest ran without its processed page');
  if (!result.ok) {
    const status = /^internal error/.test(result.reason) ? 500 : 400;
    throw new HttpError(status, status === 500 ? 'internal' : 'not-a-page', result.reason);
  }
  const posted = postedPage(request);
  const outlet = text(query, 'outlet') ?? result.outlet;
  const url = text(query, 'url');
  // The figures change with what is stored.
  ctx.stats = undefined;
  const put = ctx.archive.putDocument({
    hash: contentHash(posted.bytes),
    source: sourceOf(request),
    bytes: posted.bytes.byteLength,
    page: result.page,
    ...(result.prepared === undefined ? {} : { prepared: result.prepared }),
    ...(outlet === undefined ? {} : { outlet }),
    ...(result.date === undefined ? {} : { date: result.date }),
    ...(url === undefined ? {} : { url }),
  });
  return json(
    { ...put, articles: ctx.archive.documentArticles(put.documentId) },
    put.created ? 201 : 200,
  );
};

// ── the rest ─────────────────────────────────────────────────────────────────────────────

let openApiText: string | undefined;
const openApi: Handler = () => {
  openApiText ??= JSON.stringify(buildOpenApi());
  return { ...json(null), body: openApiText };
};

const health: Handler = () => json({ ok: true });

/** Every route of the API. */
export const ROUTES: readonly Route[] = [
  { method: 'GET', path: '/healthz', handle: health, runs: 'main' },
  { method: 'GET', path: '/openapi.json', handle: openApi, runs: 'main' },
  { method: 'GET', path: '/api/stats', handle: stats, runs: 'reader' },
  { method: 'GET', path: '/api/facets', handle: facets, runs: 'reader' },
  { method: 'GET', path: '/api/articles/{id}', handle: article, runs: 'reader' },
  { method: 'GET', path: '/api/entities/{id}', handle: entity, runs: 'reader' },
  ...LISTING_ROUTES,
  {
    method: 'POST',
    path: '/api/parse',
    handle: parsePage,
    runs: 'reader',
    body: true,
    open: true,
  },
  ...COMPARE_ROUTES,
  // Ingest writes, and the archive has one writer: the main thread's connection; the
  // parsing and annotating before it run where the readers do.
  {
    method: 'POST',
    path: '/api/ingest',
    handle: ingestPage,
    runs: 'main',
    body: true,
    token: true,
    process: ingestTask,
  },
];
