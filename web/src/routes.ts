import { withParams } from './api.ts';
import { simplified } from './script.ts';

/**
 * Paths of the UI. History routing: every page has a real path (/article/12,
 * /entity/PER:习近平, /stances?class=oppose), which the server answers with index.html.
 */

/** The entity page of an entity; ids spell the canonical name in Simplified. */
export function entityPath(type: string, canonical: string): string {
  return `/entity/${encodeURIComponent(`${type}:${simplified(canonical)}`)}`;
}

/** The entity page for an id (`PER:习近平`). */
export function entityIdPath(id: string): string {
  return `/entity/${encodeURIComponent(id)}`;
}

/** The reader of a stored article. */
export function articlePath(id: number): string {
  return `/article/${id}`;
}

/** The versions of a story (named by any of its articles). */
export function storyPath(id: number): string {
  return `/story/${id}`;
}

/** A path of the UI with a query string, leaving out empty values (as the API's paths do). */
export function pathWith(
  path: string,
  params: Record<string, string | number | undefined>,
): string {
  return withParams(path, params);
}

/** Which page a path shows, with its parameter. */
export type Route =
  | { page: 'search' }
  | { page: 'article'; id: string }
  | { page: 'entity'; id: string }
  | { page: 'stances' }
  | { page: 'entities' }
  | { page: 'quotes' }
  | { page: 'paste' }
  | { page: 'compare' }
  | { page: 'story'; id: string }
  | { page: 'missing'; path: string };

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    // A malformed escape (%E4 alone) is kept as written; the page then says it found nothing.
    return part;
  }
}

/** Reads a path into a route. */
export function parseRoute(pathname: string): Route {
  const parts = pathname.split('/').filter((p) => p !== '');
  const [first, second] = parts;
  if (parts.length === 0 || (first === 'search' && parts.length === 1)) return { page: 'search' };
  if (first === 'article' && second !== undefined && parts.length === 2) {
    return { page: 'article', id: decode(second) };
  }
  if (first === 'entity' && second !== undefined && parts.length === 2) {
    return { page: 'entity', id: decode(second) };
  }
  if (first === 'stances' && parts.length === 1) return { page: 'stances' };
  if (first === 'entities' && parts.length === 1) return { page: 'entities' };
  if (first === 'quotes' && parts.length === 1) return { page: 'quotes' };
  if (first === 'paste' && parts.length === 1) return { page: 'paste' };
  if (first === 'compare' && parts.length === 1) return { page: 'compare' };
  if (first === 'story' && second !== undefined && parts.length === 2) {
    return { page: 'story', id: decode(second) };
  }
  return { page: 'missing', path: pathname };
}
