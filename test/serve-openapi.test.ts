import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { processPage } from '../src/ingest/process-page.ts';
import { buildOpenApi } from '../src/serve/openapi.ts';
import { type ApiContext, type ApiRequest, ROUTES } from '../src/serve/routes.ts';
import { openStore } from '../src/store/index.ts';
import { fillStore, SIMP_PAGE } from './helpers/store-pages.ts';

/*
 * The OpenAPI document against the handlers themselves: every query parameter a handler
 * reads is one the document lists for that route (and every path parameter too), so a
 * parameter added to a handler without its documentation fails here.
 */

/** Query parameters that record which names a handler asks for. */
class RecordingParams extends URLSearchParams {
  readonly asked = new Set<string>();
  override get(name: string): string | null {
    this.asked.add(name);
    return super.get(name);
  }
}

type Doc = {
  paths: Record<
    string,
    Record<string, { parameters?: { $ref?: string; name?: string; in?: string }[] }>
  >;
  components: { parameters: Record<string, { name: string; in: string }> };
};

/** The parameter names the document gives a route, by where they go (query, path). */
function documented(doc: Doc, path: string, method: string, where: string): Set<string> {
  const op = doc.paths[path]?.[method.toLowerCase()];
  const names = new Set<string>();
  for (const p of op?.parameters ?? []) {
    const resolved =
      p.$ref === undefined ? p : doc.components.parameters[p.$ref.split('/').pop() as string];
    if (resolved?.in === where && resolved.name !== undefined) names.add(resolved.name);
  }
  return names;
}

describe('the OpenAPI document and the handlers', () => {
  test('every parameter a handler reads is documented for its route', () => {
    const doc = buildOpenApi() as unknown as Doc;
    const archive = openStore(':memory:');
    fillStore(archive);
    const ctx: ApiContext = { archive, token: 'documented-token', parsed: new Map() };
    const bytes = new TextEncoder().encode(SIMP_PAGE);
    try {
      for (const route of ROUTES) {
        const query = new RecordingParams();
        const pathParams = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
        const params = Object.fromEntries(
          pathParams.map((name) => [
            name,
            /articles|stories/.test(route.path) ? '1' : 'PER:习近平',
          ]),
        );
        const request: ApiRequest = {
          query,
          params,
          ...(route.body === true ? { page: { bytes } } : {}),
          ...(route.form === undefined
            ? {}
            : { form: Object.fromEntries(route.form.map((f) => [f, { bytes }])) }),
        };
        // A route reading articles by query (compare's a and b) is given two.
        if (route.path === '/api/compare' && route.form === undefined) {
          query.set('a', '1');
          query.set('b', '2');
        }
        if (route.process !== undefined) {
          request.processed = processPage(route.process(request));
        }
        const reply = route.handle(ctx, request);
        assert.ok(
          reply.status < 400,
          `${route.method} ${route.path}: ${String(reply.body).slice(0, 200)}`,
        );
        const listed = documented(doc, route.path, route.method, 'query');
        for (const name of query.asked) {
          assert.ok(
            listed.has(name),
            `${route.method} ${route.path} reads '${name}', undocumented`,
          );
        }
        assert.deepEqual(
          [...documented(doc, route.path, route.method, 'path')].sort(),
          pathParams.sort(),
          `${route.path} path parameters`,
        );
      }
    } finally {
      archive.close();
    }
  });
});
