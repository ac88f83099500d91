import { badRequest } from './http-error.ts';
import type { Route } from './routes.ts';

/**
 * Finds the route for a method and path. Patterns are literal segments and `{name}`
 * parameters, one segment each; parameters are percent-decoded (a malformed escape is a
 * 400). A path some route has, asked with another method, gives the methods it allows.
 */

export type RouteMatch =
  | { route: Route; params: Record<string, string> }
  | { route?: undefined; allowed: string[] };

function segments(path: string): string[] {
  return path.split('/').slice(1);
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw badRequest(`malformed percent-encoding in the path: '${segment.slice(0, 60)}'`);
  }
}

/** Matches one pattern against the path's segments; the raw parameters, or null. */
function matchPattern(pattern: string, parts: readonly string[]): Record<string, string> | null {
  const wanted = segments(pattern);
  if (wanted.length !== parts.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < wanted.length; i++) {
    const w = wanted[i] as string;
    const p = parts[i] as string;
    if (w.startsWith('{') && w.endsWith('}')) {
      if (p === '') return null;
      params[w.slice(1, -1)] = p;
    } else if (w !== p) {
      return null;
    }
  }
  return params;
}

/** The route and its decoded parameters, or the methods the path allows (none: 404). */
export function matchRoute(routes: readonly Route[], method: string, path: string): RouteMatch {
  const parts = segments(path);
  const allowed: string[] = [];
  // HEAD is GET without the body.
  const asked = method === 'HEAD' ? 'GET' : method;
  for (const route of routes) {
    const raw = matchPattern(route.path, parts);
    if (raw === null) continue;
    if (route.method !== asked) {
      allowed.push(route.method);
      continue;
    }
    const params: Record<string, string> = {};
    for (const [name, value] of Object.entries(raw)) params[name] = decode(value);
    return { route, params };
  }
  if (allowed.includes('GET')) allowed.push('HEAD');
  return { allowed };
}
