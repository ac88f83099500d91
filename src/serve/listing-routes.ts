import {
  COOCCURRENCE_CSV,
  type CsvColumns,
  countCsv,
  csvOf,
  DAY_CSV,
  EDGE_CSV,
  ENTITY_CSV,
  MENTION_CSV,
  QUOTE_CSV,
  SEARCH_CSV,
  STANCE_CSV,
  STORY_CSV,
} from '../store/csv-columns.ts';
import type {
  EntityQuery,
  QuoteQuery,
  SearchQuery,
  SearchSort,
  StanceQuery,
} from '../store/index.ts';
import { notFound } from './http-error.ts';
import {
  choice,
  ENTITY_TYPES,
  filters,
  flag,
  MAX_CSV_ROWS,
  MAX_EDGES,
  MAX_LIMIT,
  page,
  QUOTE_GROUPS,
  STANCE_CLASSES,
  STANCE_GROUPS,
  text,
  whole,
} from './params.ts';
import { json, type Reply } from './reply.ts';
import type { ApiContext, ApiRequest, Handler, Route } from './route-types.ts';

/**
 * The archive's listings over HTTP, each in two shapes from one handler: JSON (its rows, the
 * total the query selects, the page asked) and CSV (the same rows, the columns of the CLI's
 * `--format csv`, as an attachment). Every listing has `/api/X`, `/api/X.json` (the same)
 * and `/api/X.csv`; the UI's listing pages have twins of their own URL (`/quotes?…` →
 * `/quotes.csv?…`, `/quotes.json?…`), as Datasette has, so an export holds exactly the rows
 * the page shows: same parameters, same defaults. A CSV may ask for up to 10000 rows.
 */

/** What a listing answers: the JSON body, and the same rows as CSV. */
interface Listed {
  body: Record<string, unknown>;
  csv(): string;
}

/** A listing: reads its parameters, asks the archive, and answers in either shape. `max`
 * is the largest page the shape allows. */
type List = (ctx: ApiContext, request: ApiRequest, max: number) => Listed;

function listed<T>(
  key: string,
  rows: T[],
  columns: CsvColumns<T>,
  extra: Record<string, unknown>,
): Listed {
  return { body: { [key]: rows, ...extra }, csv: () => csvOf(columns, rows) };
}

const SORTS: readonly SearchSort[] = ['relevance', 'newest', 'oldest'];

/** What a search matches, from the request: its text and filters. */
export function matchQuery(query: URLSearchParams): SearchQuery {
  const q = text(query, 'q');
  return { ...filters(query), ...(q === undefined ? {} : { text: q }) };
}

/** A search from the request: what it matches, in which order, and whether every copy of a
 * story is a hit (copies=1) or a story counts once (the default). */
function searchQuery(query: URLSearchParams): SearchQuery {
  const sort = choice(query, 'sort', SORTS);
  const copies = flag(query, 'copies');
  return {
    ...matchQuery(query),
    ...(sort === undefined ? {} : { sort }),
    ...(copies === true ? { copies } : {}),
  };
}

/** `copies=1`: every copy's rows; by default a story counts once. */
export function everyCopy(query: URLSearchParams): { copies?: true } {
  return flag(query, 'copies') === true ? { copies: true } : {};
}

function stanceQuery(query: URLSearchParams): StanceQuery {
  const actor = text(query, 'actor');
  const about = text(query, 'about');
  const mentioning = text(query, 'mentioning');
  const stanceClass = choice(query, 'class', STANCE_CLASSES);
  const negated = flag(query, 'negated');
  return {
    ...filters(query),
    ...(actor === undefined ? {} : { actor }),
    ...(about === undefined ? {} : { about }),
    ...(mentioning === undefined ? {} : { mentioning }),
    ...(stanceClass === undefined ? {} : { class: stanceClass }),
    ...(negated === undefined ? {} : { negated }),
    ...everyCopy(query),
  };
}

const search: List = (ctx, { query }, max) => {
  const paging = page(query, max);
  const wanted = searchQuery(query);
  const hits = ctx.archive.search({ ...wanted, ...paging });
  // The total of every match, for "1–20 of 3,412": counted only when this page is full or
  // starts further on (else it is what the page shows).
  const total =
    hits.length < paging.limit && paging.offset === 0
      ? hits.length
      : ctx.archive.countMatches(wanted);
  return listed('hits', hits, SEARCH_CSV, { total, ...paging });
};

const entities: List = (ctx, { query }, max) => {
  const type = choice(query, 'type', ENTITY_TYPES);
  const name = text(query, 'name');
  // A list of entities is narrowed by where and when; entity and speaker do not apply.
  const filter = filters(query, ['outlet', 'from', 'to', 'script']);
  const paging = page(query, max);
  const request: EntityQuery = {
    ...(type === undefined ? {} : { type }),
    ...(name === undefined ? {} : { name }),
    ...everyCopy(query),
    filter,
  };
  const rows = ctx.archive.entities({ ...request, ...paging });
  const total =
    rows.length < paging.limit && paging.offset === 0
      ? rows.length
      : ctx.archive.totalEntities(request);
  return listed('entities', rows, ENTITY_CSV, { total, ...paging });
};

const quotes: List = (ctx, { query }, max) => {
  const about = text(query, 'about');
  const mentioning = text(query, 'mentioning');
  const kind = choice(query, 'kind', ['direct', 'reported'] as const);
  const by = choice(query, 'by', QUOTE_GROUPS);
  const paging = page(query, max);
  const request: QuoteQuery = {
    ...filters(query),
    ...(about === undefined ? {} : { about }),
    ...(mentioning === undefined ? {} : { mentioning }),
    ...(kind === undefined ? {} : { kind }),
    ...everyCopy(query),
  };
  if (by !== undefined) {
    const counts = ctx.archive.countQuotes({ ...request, ...paging }, by);
    return listed('counts', counts, countCsv(by), { ...paging });
  }
  const rows = ctx.archive.quotes({ ...request, ...paging });
  const total =
    rows.length < paging.limit && paging.offset === 0
      ? rows.length
      : ctx.archive.totalQuotes(request);
  return listed('quotes', rows, QUOTE_CSV, { total, ...paging });
};

const stances: List = (ctx, { query }, max) => {
  const by = choice(query, 'by', STANCE_GROUPS);
  const paging = page(query, max);
  const request = stanceQuery(query);
  if (by !== undefined) {
    const counts = ctx.archive.countStances({ ...request, ...paging }, by);
    return listed('counts', counts, countCsv(by), { ...paging });
  }
  const rows = ctx.archive.stances({ ...request, ...paging });
  const total =
    rows.length < paging.limit && paging.offset === 0
      ? rows.length
      : ctx.archive.totalStances(request);
  return listed('stances', rows, STANCE_CSV, { total, ...paging });
};

const stories: List = (ctx, { query }, max) => {
  const minCopies = whole(query, 'min-copies', 1, 1_000_000);
  const paging = page(query, max);
  const request = minCopies === undefined ? {} : { minCopies };
  const rows = ctx.archive.stories({ ...request, ...paging });
  const total =
    rows.length < paging.limit && paging.offset === 0
      ? rows.length
      : ctx.archive.totalStories(request);
  return listed('stories', rows, STORY_CSV, { total, ...paging });
};

const timeline: List = (ctx, { query }) =>
  listed('days', ctx.archive.timeline({ ...matchQuery(query), ...everyCopy(query) }), DAY_CSV, {});

const graph: List = (ctx, { query }) => {
  const min = whole(query, 'min', 1, 1_000_000);
  const limit = whole(query, 'limit', 1, MAX_EDGES);
  const found = ctx.archive.stanceGraph({
    ...stanceQuery(query),
    ...(min === undefined ? {} : { min }),
    ...(limit === undefined ? {} : { limit }),
  });
  return { body: { ...found }, csv: () => csvOf(EDGE_CSV, found.edges) };
};

/** The entity a path names, or a 404. */
function entityOf(ctx: ApiContext, request: ApiRequest): string {
  const name = request.params.id ?? '';
  const found = name.trim() === '' ? undefined : ctx.archive.getEntity(name);
  if (found === undefined) throw notFound(`no entity '${name}'`);
  return found.id;
}

const mentions: List = (ctx, request, max) => {
  const id = entityOf(ctx, request);
  const filter = filters(request.query, ['outlet', 'from', 'to', 'speaker', 'script']);
  const paging = page(request.query, max);
  // A story once (its newest copy), unless copies=1; the total counts alike.
  const copies = everyCopy(request.query);
  const rows = ctx.archive.entityMentions(id, { ...filter, ...copies, ...paging });
  const total =
    rows.length < paging.limit && paging.offset === 0
      ? rows.length
      : ctx.archive.countMatches({ ...filter, ...copies, entity: id });
  return listed('mentions', rows, MENTION_CSV, { total, ...paging });
};

const cooccurring: List = (ctx, request, max) => {
  const id = entityOf(ctx, request);
  const filter = filters(request.query, ['outlet', 'from', 'to', 'speaker', 'script']);
  const paging = page(request.query, max);
  const rows = ctx.archive.cooccurring(id, { ...filter, ...paging });
  return listed('cooccurring', rows, COOCCURRENCE_CSV, { ...paging });
};

/** A listing answered as JSON. */
function asJson(list: List): Handler {
  return (ctx, request) => json(list(ctx, request, MAX_LIMIT).body);
}

/** A listing answered as CSV, an attachment named for it. */
function asCsv(list: List, filename: string): Handler {
  return (ctx, request): Reply => ({
    status: 200,
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename=${filename}`,
      'cache-control': 'no-store',
    },
    body: list(ctx, request, MAX_CSV_ROWS).csv(),
  });
}

/** The listings, by the name their paths take. */
const LISTINGS: readonly { name: string; list: List; view?: string }[] = [
  { name: 'search', list: search, view: '/search' },
  { name: 'entities', list: entities, view: '/entities' },
  { name: 'quotes', list: quotes, view: '/quotes' },
  { name: 'stances', list: stances, view: '/stances' },
  { name: 'stories', list: stories },
  { name: 'timeline', list: timeline },
  { name: 'graph', list: graph },
  { name: 'entities/{id}/mentions', list: mentions },
  { name: 'entities/{id}/cooccurring', list: cooccurring },
];

/** The file a CSV of a listing is saved as: its last plain segment. */
function csvName(name: string): string {
  return `${name.split('/').pop() ?? name}.csv`;
}

/** Every listing's routes: `/api/X`, `/api/X.json`, `/api/X.csv`, and the UI view's twins. */
export const LISTING_ROUTES: readonly Route[] = LISTINGS.flatMap(({ name, list, view }) => {
  const routes: Route[] = [
    { method: 'GET', path: `/api/${name}`, handle: asJson(list), runs: 'reader' },
    { method: 'GET', path: `/api/${name}.json`, handle: asJson(list), runs: 'reader' },
    { method: 'GET', path: `/api/${name}.csv`, handle: asCsv(list, csvName(name)), runs: 'reader' },
  ];
  if (view !== undefined) {
    routes.push(
      { method: 'GET', path: `${view}.json`, handle: asJson(list), runs: 'reader' },
      { method: 'GET', path: `${view}.csv`, handle: asCsv(list, csvName(name)), runs: 'reader' },
    );
  }
  return routes;
});

/** The paths of a listing's twins, for the OpenAPI document: each twin answers as the
 * listing's own path does, in its shape. */
export const LISTING_TWINS: readonly { path: string; of: string; shape: 'json' | 'csv' }[] =
  LISTINGS.flatMap(({ name, view }) => {
    const of = `/api/${name}`;
    const twins: { path: string; of: string; shape: 'json' | 'csv' }[] = [
      { path: `${of}.json`, of, shape: 'json' },
      { path: `${of}.csv`, of, shape: 'csv' },
    ];
    if (view !== undefined) {
      twins.push(
        { path: `${view}.json`, of, shape: 'json' },
        { path: `${view}.csv`, of, shape: 'csv' },
      );
    }
    return twins;
  });
