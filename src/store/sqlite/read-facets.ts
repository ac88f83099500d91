import type Database from 'better-sqlite3';
import type { EntityType } from '../../tree/annotations.ts';
import type { CooccurrenceRow, CountRow, SearchFacets, SearchQuery } from '../types.ts';
import { matching } from './read-timeline.ts';
import type { SearchIndex } from './search-index.ts';

/**
 * Facets of a search: what the matching articles hold, counted, so an analyst sees at a
 * glance which outlets, months, scripts and names the matches come from, and narrows by a
 * click. A story counts once in each (its copies together), unless the query asks for copies. The counts run over the newest `FACET_ARTICLES` matches (all of them in an
 * archive of ordinary size), so a common word in a large archive costs a bounded read.
 */

/** Matching articles the facets count: the newest. */
export const FACET_ARTICLES = 5000;
/** Groups a facet lists. */
const OUTLETS = 12;
const MONTHS = 24;
const ENTITIES = 8;
/** Entity types with a facet of their own. */
const FACET_TYPES: readonly EntityType[] = ['PER', 'ORG', 'LOC', 'WORK'];

/**
 * What a facet counts: stories (copies of one story, in other outlets, scripts or encodings,
 * once; issue 15), or every article with `copies`.
 */
export function facetCount(query: SearchQuery): string {
  return query.copies === true ? 'count(*)' : 'count(DISTINCT coalesce(f.story, f.id))';
}

export function facets(
  db: Database.Database,
  index: SearchIndex,
  query: SearchQuery,
): SearchFacets {
  const where = matching(db, index, query);
  const n = facetCount(query);
  // The matches, newest first, bounded; materialized once for every facet of a statement
  // (a CTE, not a temporary table: a reader's connection is read-only).
  const matches = `WITH f AS MATERIALIZED (
      SELECT a.id AS id, a.story AS story, a.document AS document, a.outlet_key AS outlet_key,
             a.date AS date
        FROM articles a${where} ORDER BY a.id DESC LIMIT ${FACET_ARTICLES})`;
  const groups = db
    .prepare(
      `${matches}
       SELECT 'counted' AS facet, '' AS key, ${n} AS count FROM f
       UNION ALL
       SELECT * FROM (SELECT 'outlet', coalesce(min(d.outlet), ''), ${n} AS n
           FROM f JOIN documents d ON d.id = f.document
          GROUP BY f.outlet_key ORDER BY n DESC, 2 LIMIT ${OUTLETS})
       UNION ALL
       SELECT * FROM (SELECT 'month', substr(f.date, 1, 7) AS m, ${n} FROM f
          WHERE f.date IS NOT NULL AND length(f.date) >= 7
          GROUP BY m ORDER BY m DESC LIMIT ${MONTHS})
       UNION ALL
       SELECT * FROM (SELECT 'script', d.script, ${n} AS n
           FROM f JOIN documents d ON d.id = f.document GROUP BY d.script ORDER BY n DESC, 2)`,
    )
    .all(...where.params) as { facet: string; key: string; count: number }[];
  const of = (facet: string): CountRow[] =>
    groups.filter((g) => g.facet === facet).map(({ key, count }) => ({ key, count }));
  const types = FACET_TYPES.map((t) => `'${t}'`).join(', ');
  const top = db
    .prepare(
      `${matches}
       SELECT id, type, name, articles FROM (
         SELECT e.key AS id, e.type AS type, e.name AS name, ${n} AS articles,
                row_number() OVER (PARTITION BY e.type ORDER BY ${n} DESC, e.id) AS place
           FROM f JOIN article_entities ae ON ae.article = f.id
           JOIN entities e ON e.id = ae.entity
          WHERE e.type IN (${types})
          GROUP BY ae.entity)
        WHERE place <= ${ENTITIES} ORDER BY type, place`,
    )
    .all(...where.params) as CooccurrenceRow[];
  const entities = FACET_TYPES.map((type) => ({
    type,
    rows: top.filter((r) => r.type === type),
  })).filter((f) => f.rows.length > 0);
  return {
    outlets: of('outlet'),
    months: of('month'),
    scripts: of('script'),
    entities,
    counted: of('counted')[0]?.count ?? 0,
  };
}
