import { annotate } from '../annotate/index.ts';
import { compare, storyVersions } from '../compare/index.ts';
import type { PageNode } from '../tree/types.ts';
import { badRequest, notFound } from './http-error.ts';
import { everyCopy } from './listing-routes.ts';
import { filters, text, whole } from './params.ts';
import { inputFormat, parsePosted } from './parse-posted.ts';
import { json } from './reply.ts';
import type { ApiContext, ApiRequest, Handler, Route } from './route-types.ts';

/**
 * Comparing two statements over HTTP, as `jiedu compare` does: `GET /api/compare?a=ID&b=ID`
 * for two archive articles, `POST /api/compare` with a form whose fields `a` and `b` are
 * pages (files or text), either side an archive article instead when the query names it.
 */

const SIDES = ['a', 'b'] as const;

/** The largest article id accepted: larger is no article. */
const MAX_ID = Number.MAX_SAFE_INTEGER;

/** An archive article named by a query parameter, read as a page; a 400 or a 404 else. */
function storedSide(ctx: ApiContext, name: string, raw: string): PageNode {
  if (
    !/^#?\d{1,16}$/.test(raw) ||
    Number(raw.replace('#', '')) < 1 ||
    Number(raw.replace('#', '')) > MAX_ID
  ) {
    throw badRequest(
      `${name}: an article id is a positive whole number, not '${raw.slice(0, 40)}'`,
    );
  }
  const id = Number(raw.replace('#', ''));
  const page = ctx.archive.articlePage(id);
  if (page === undefined) throw notFound(`${name}: no article ${id}`);
  if (page.children[0]?.annotations === undefined) {
    throw badRequest(`${name}: article ${id} was stored without annotations`);
  }
  return page;
}

/** One side of the comparison: the form's page, else the query's article. */
function side(
  ctx: ApiContext,
  request: ApiRequest,
  name: 'a' | 'b',
): { page: PageNode; label: string } {
  const posted = request.form?.[name];
  const raw = request.query.get(name);
  if (posted !== undefined && raw !== null) {
    throw badRequest(`${name} is both posted and named in the query: give one`);
  }
  if (posted !== undefined) {
    const parsed = parsePosted(posted.bytes, inputFormat(request.query), `${name}: `);
    if (parsed.children.length === 0) throw badRequest(`${name}: no article found on the page`);
    return { page: annotate(parsed), label: posted.filename ?? name };
  }
  if (raw === null || raw === '') {
    throw badRequest(
      request.form === undefined
        ? `which articles? give a and b, two article ids`
        : `${name}: post it in the form's '${name}' field, or name an article with ?${name}=ID`,
    );
  }
  return { page: storedSide(ctx, name, raw), label: `#${raw.replace('#', '')}` };
}

const compareHandler: Handler = (ctx, request) => {
  const [a, b] = SIDES.map((name) => side(ctx, request, name)) as [
    { page: PageNode; label: string },
    { page: PageNode; label: string },
  ];
  return json(compare(a.page, b.page, { a: a.label, b: b.label }));
};

/** A story's versions: each copy against the earliest (the story of any of its articles). */
const versions: Handler = (ctx, request) => {
  const raw = request.params.id ?? '';
  if (!/^\d{1,16}$/.test(raw) || Number(raw) < 1 || Number(raw) > MAX_ID) {
    throw badRequest(
      `a story is named by an article id, a positive whole number, not '${raw.slice(0, 40)}'`,
    );
  }
  const id = Number(raw);
  const story = ctx.archive.getStory(id);
  const found =
    story === undefined ? undefined : storyVersions(story, (a) => ctx.archive.articlePage(a));
  if (found === undefined) throw notFound(`no article ${id}`);
  return json(found);
};

/** Outlets compared for the articles a search selects: which quote whom, stances by class. */
const outlets: Handler = (ctx, { query }) => {
  const q = text(query, 'q');
  const shownOutlets = whole(query, 'outlets', 1, 100);
  const shownSpeakers = whole(query, 'speakers', 1, 100);
  return json(
    ctx.archive.compareOutlets({
      ...filters(query),
      ...everyCopy(query),
      ...(q === undefined ? {} : { text: q }),
      ...(shownOutlets === undefined ? {} : { outlets: shownOutlets }),
      ...(shownSpeakers === undefined ? {} : { speakers: shownSpeakers }),
    }),
  );
};

export const COMPARE_ROUTES: readonly Route[] = [
  { method: 'GET', path: '/api/outlets', handle: outlets, runs: 'reader' },
  { method: 'GET', path: '/api/stories/{id}', handle: versions, runs: 'reader' },
  { method: 'GET', path: '/api/compare', handle: compareHandler, runs: 'reader' },
  {
    method: 'POST',
    path: '/api/compare',
    handle: compareHandler,
    runs: 'reader',
    form: SIDES,
    open: true,
  },
];
