import type { Comparison, StoryVersions } from '../../src/compare/types.ts';
import type {
  ArchiveStats,
  CooccurrenceRow,
  CountRow,
  DayCount,
  EntityDetail,
  EntityMention,
  EntityRow,
  OutletComparison,
  QuoteRow,
  SearchFacets,
  SearchHit,
  StanceGraph,
  StanceRow,
  StoredArticle,
} from '../../src/store/types.ts';
import type { ArticleView } from '../../src/tree/article-view.ts';
import type { Encoding, Script } from '../../src/tree/types.ts';

/**
 * The HTTP API the UI reads (served by `jiedu serve`; /openapi.json describes it). Every
 * call goes to the same origin; errors come back as ApiError with the server's message.
 */

/** Something the parser changed, as offsets into the decoded text. */
export interface Repair {
  kind: string;
  start: number;
  end: number;
  note: string;
}

export interface ArticleResponse {
  article: StoredArticle;
  text: string;
  repairs: Repair[];
}

export interface ParseResponse {
  page: ArticleView;
  text: string;
  encoding: Encoding;
  script: Script;
  repairs: Repair[];
}

/** GET /api/entities/{id}: the entity page. */
export interface EntityResponse {
  entity: EntityDetail;
  mentions: EntityMention[];
  cooccurring: CooccurrenceRow[];
  quotesBy: QuoteRow[];
  quotesAbout: QuoteRow[];
  stancesBy: StanceRow[];
  stancesAbout: StanceRow[];
  timeline: DayCount[];
  /** How many rows each list has in all. */
  totals: {
    mentions: number;
    quotesBy: number;
    quotesAbout: number;
    stancesBy: number;
    stancesAbout: number;
  };
}

/** A page of a listing: its rows under `K`, the total the query selects, the page asked. */
export type Listing<K extends string, T> = { [key in K]: T[] } & {
  total: number;
  limit: number;
  offset: number;
};

/** GET /api/graph: the actor graph. */
export type GraphResponse = StanceGraph;

export type {
  ArchiveStats,
  CountRow,
  DayCount,
  EntityMention,
  EntityRow,
  QuoteRow,
  SearchFacets,
  SearchHit,
  StanceRow,
  StoredArticle,
};

/** A failed call: the HTTP status and the server's short code and message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Query parameters: empty and undefined values are left out. */
export type Params = Record<string, string | number | boolean | undefined | null>;

/** `path?params`, leaving out empty values. */
export function withParams(path: string, params: Params = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const query = search.toString();
  return query === '' ? path : `${path}?${query}`;
}

async function readError(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { error?: string; message?: string };
    return new ApiError(
      response.status,
      body.error ?? 'error',
      body.message ?? response.statusText ?? 'The server could not answer.',
    );
  } catch {
    return new ApiError(response.status, 'error', `The server answered ${response.status}.`);
  }
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { accept: 'application/json' }, ...init });
  } catch {
    throw new ApiError(0, 'network', 'The server cannot be reached. Is `jiedu serve` running?');
  }
  if (!response.ok) throw await readError(response);
  return (await response.json()) as T;
}

/** GET a JSON resource. */
export function get<T>(path: string, params?: Params): Promise<T> {
  return request<T>(withParams(path, params));
}

/** The archive's figures. */
export function stats(): Promise<ArchiveStats> {
  return get('/api/stats');
}

export function search(params: Params): Promise<Listing<'hits', SearchHit>> {
  return get('/api/search', params);
}

/** What the matches of a search hold: outlets, months, scripts, entities. */
export function facets(params: Params): Promise<SearchFacets> {
  return get('/api/facets', params);
}

export function quotes(params: Params): Promise<Listing<'quotes', QuoteRow>> {
  return get('/api/quotes', params);
}

export function article(id: string): Promise<ArticleResponse> {
  return get(`/api/articles/${encodeURIComponent(id)}`);
}

export function entity(id: string, params: Params = {}): Promise<EntityResponse> {
  return get(`/api/entities/${encodeURIComponent(id)}`, params);
}

export function entities(params: Params): Promise<Listing<'entities', EntityRow>> {
  return get('/api/entities', params);
}

export function stances(params: Params): Promise<Listing<'stances', StanceRow>> {
  return get('/api/stances', params);
}

export function graph(params: Params): Promise<GraphResponse> {
  return get('/api/graph', params);
}

/** Parses and annotates a page without storing it: raw bytes, any supported encoding. */
export function parsePage(body: Blob | string, date?: string): Promise<ParseResponse> {
  // Pasted text goes as UTF-8; a file goes as its own bytes, whose encoding the server detects.
  const type = typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/octet-stream';
  return request(withParams('/api/parse', { annotate: 1, date }), {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': type },
    body,
  });
}

export type { Comparison, OutletComparison, StoryVersions };

/** Outlets compared for the articles a search selects: which quote whom, stances by class. */
export function outlets(params: Params): Promise<OutletComparison> {
  return get<OutletComparison>('/api/outlets', params);
}

/** A story's versions: each copy against the earliest. */
export function storyVersions(id: string): Promise<StoryVersions> {
  return get<StoryVersions>(`/api/stories/${encodeURIComponent(id)}`);
}

/** One side of a comparison: an archive article's id, or a page (text or a file). */
export type CompareSide = { id: string } | { page: Blob | string; name?: string };

/** Compares two statements: GET for two archive articles, else a form of the pages. */
export function compare(a: CompareSide, b: CompareSide): Promise<Comparison> {
  if ('id' in a && 'id' in b) return get<Comparison>('/api/compare', { a: a.id, b: b.id });
  const form = new FormData();
  const params: Params = {};
  for (const [name, side] of [
    ['a', a],
    ['b', b],
  ] as const) {
    if ('id' in side) params[name] = side.id;
    else if (typeof side.page === 'string') form.set(name, side.page);
    else form.set(name, side.page, side.name ?? name);
  }
  return request(withParams('/api/compare', params), { method: 'POST', body: form });
}
