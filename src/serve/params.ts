import { LONE_SURROGATE } from '../text/chars.ts';
import { isDate } from '../text/dates.ts';

export { isDate };

import type { ArchiveFilter, QuoteGroup, StanceGroup } from '../store/index.ts';
import type { EntityType, StanceClass } from '../tree/annotations.ts';
import { badRequest } from './http-error.ts';

/**
 * Reading query strings into archive queries. Every value is checked here, before the
 * archive sees it, so a malformed request is a 400 that names the parameter, never an
 * exception from deep inside a query.
 */

/** Largest page a listing returns; the CSV download has its own, higher cap. */
export const MAX_LIMIT = 200;
/** Rows the CSV download returns at most. */
export const MAX_CSV_ROWS = 10_000;
/** Edges the graph returns at most. */
export const MAX_EDGES = 1000;
/** Default page size of the listings. */
export const DEFAULT_LIMIT = 20;
/** Largest offset accepted: deep paging reads and drops every row before it. */
export const MAX_OFFSET = 100_000;
/** Longest value of any text parameter (a query, a name), in UTF-16 units. */
export const MAX_TEXT = 500;

// Records keyed by the union types: a new entity type or stance class without an entry
// here fails to compile, so the API never lags behind the annotator.
const ENTITY_TYPE: Readonly<Record<EntityType, true>> = {
  PER: true,
  ORG: true,
  LOC: true,
  WORK: true,
  EVENT: true,
  DATE: true,
};
const STANCE_CLASS: Readonly<Record<StanceClass, true>> = {
  support: true,
  oppose: true,
  concern: true,
  demand: true,
  appeal: true,
  praise: true,
  agree: true,
  meet: true,
  criticize: true,
  thank: true,
  welcome: true,
  congratulate: true,
  cooperate: true,
  reject: true,
};
const QUOTE_GROUP: Readonly<Record<QuoteGroup, true>> = {
  speaker: true,
  cue: true,
  kind: true,
  outlet: true,
  date: true,
};
const STANCE_GROUP: Readonly<Record<StanceGroup, true>> = {
  class: true,
  actor: true,
  cue: true,
  plover: true,
  target: true,
  outlet: true,
  date: true,
};

export const ENTITY_TYPES = Object.keys(ENTITY_TYPE) as EntityType[];
export const STANCE_CLASSES = Object.keys(STANCE_CLASS) as StanceClass[];
export const QUOTE_GROUPS = Object.keys(QUOTE_GROUP) as QuoteGroup[];
export const STANCE_GROUPS = Object.keys(STANCE_GROUP) as StanceGroup[];

const WHOLE = /^\d{1,9}$/;

/** A text parameter: absent or empty is undefined; too long is a 400. */
export function text(query: URLSearchParams, name: string): string | undefined {
  const value = query.get(name);
  if (value === null || value.trim() === '') return undefined;
  if (value.length > MAX_TEXT) {
    throw badRequest(`'${name}' is longer than ${MAX_TEXT} characters`);
  }
  // Unpaired surrogates cannot be converted or searched; they only come from broken clients.
  if (!isWellFormed(value)) throw badRequest(`'${name}' is not well-formed Unicode`);
  return value;
}

/** No lone surrogate anywhere in `value`. */
export function isWellFormed(value: string): boolean {
  return !LONE_SURROGATE.test(value);
}

/** A calendar date YYYY-MM-DD that exists (no 2024-02-30). */
export function date(query: URLSearchParams, name: string): string | undefined {
  const value = text(query, name);
  if (value === undefined) return undefined;
  if (!isDate(value)) throw badRequest(`'${name}' must be a date YYYY-MM-DD, not '${value}'`);
  return value;
}

/** A whole number within [min, max]. */
export function whole(
  query: URLSearchParams,
  name: string,
  min: number,
  max: number,
): number | undefined {
  const value = text(query, name);
  if (value === undefined) return undefined;
  const n = WHOLE.test(value) ? Number(value) : Number.NaN;
  if (!(n >= min && n <= max)) {
    throw badRequest(`'${name}' must be a whole number from ${min} to ${max}, not '${value}'`);
  }
  return n;
}

/** One of a fixed set of values, exactly as written. */
export function choice<T extends string>(
  query: URLSearchParams,
  name: string,
  choices: readonly T[],
): T | undefined {
  const value = text(query, name);
  if (value === undefined) return undefined;
  if (!(choices as readonly string[]).includes(value)) {
    throw badRequest(`'${name}' must be one of ${choices.join(', ')}, not '${value}'`);
  }
  return value as T;
}

/** A yes/no flag: 1, true, 0 or false. */
export function flag(query: URLSearchParams, name: string): boolean | undefined {
  const value = text(query, name);
  if (value === undefined) return undefined;
  if (value === '1' || value === 'true') return true;
  if (value === '0' || value === 'false') return false;
  throw badRequest(`'${name}' must be 1, true, 0 or false, not '${value}'`);
}

/** The names of the common filters. */
export type FilterName = keyof ArchiveFilter;
const FILTER_NAMES: readonly FilterName[] = ['outlet', 'from', 'to', 'entity', 'speaker', 'script'];

/** Scripts a page is read in, as the `script` filter takes them. */
export const SCRIPTS = ['traditional', 'simplified', 'mixed', 'unknown'] as const;

/** The common filters (or those of `names`): outlet, from, to, entity, speaker, script;
 * from must not be after to. */
export function filters(
  query: URLSearchParams,
  names: readonly FilterName[] = FILTER_NAMES,
): ArchiveFilter {
  const filter: ArchiveFilter = {};
  for (const name of names) {
    if (name === 'script') {
      const script = choice(query, 'script', SCRIPTS);
      if (script !== undefined) filter.script = script;
      continue;
    }
    const value = name === 'from' || name === 'to' ? date(query, name) : text(query, name);
    if (value !== undefined) filter[name] = value;
  }
  if (filter.from !== undefined && filter.to !== undefined && filter.from > filter.to) {
    throw badRequest(`'from' (${filter.from}) is after 'to' (${filter.to})`);
  }
  return filter;
}

/** limit (1…max, default 20) and offset (0…100000, default 0). */
export function page(
  query: URLSearchParams,
  max: number = MAX_LIMIT,
): { limit: number; offset: number } {
  return {
    limit: whole(query, 'limit', 1, max) ?? DEFAULT_LIMIT,
    offset: whole(query, 'offset', 0, MAX_OFFSET) ?? 0,
  };
}
