import type { EntityType } from '../../tree/annotations.ts';
import { FACET_ARTICLES, facetCount } from '../sqlite/read-facets.ts';
import type { CooccurrenceRow, CountRow, SearchFacets, SearchQuery } from '../types.ts';
import type { Sql } from './connection.ts';
import { matching } from './read-timeline.ts';

/** Facets of a search (see sqlite/read-facets.ts): over its newest FACET_ARTICLES matches. */

const OUTLETS = 12;
const MONTHS = 24;
const ENTITIES = 8;
const FACET_TYPES: readonly EntityType[] = ['PER', 'ORG', 'LOC', 'WORK'];

export async function facets(sql: Sql, query: SearchQuery): Promise<SearchFacets> {
  const where = await matching(sql, query);
  const n = facetCount(query);
  const matches = `WITH f AS MATERIALIZED (
      SELECT a.id AS id, a.story AS story, a.document AS document, a.outlet_key AS outlet_key,
             a.date AS date
        FROM articles a${where} ORDER BY a.id DESC LIMIT ${FACET_ARTICLES})`;
  const groups = await sql.all<{ facet: string; key: string; count: number }>(
    `${matches}
     SELECT 'counted' AS facet, '' AS key, ${n} AS count FROM f
     UNION ALL
     (SELECT 'outlet', coalesce(min(d.outlet), ''), ${n} AS n
         FROM f JOIN documents d ON d.id = f.document
        GROUP BY f.outlet_key ORDER BY n DESC, 2 LIMIT ${OUTLETS})
     UNION ALL
     (SELECT 'month', substr(f.date, 1, 7) AS m, ${n} FROM f
        WHERE f.date IS NOT NULL AND length(f.date) >= 7
        GROUP BY m ORDER BY m DESC LIMIT ${MONTHS})
     UNION ALL
     (SELECT 'script', d.script, ${n} AS n
         FROM f JOIN documents d ON d.id = f.document GROUP BY d.script ORDER BY n DESC, 2)`,
    where.params,
  );
  const of = (facet: string): CountRow[] =>
    groups.filter((g) => g.facet === facet).map(({ key, count }) => ({ key, count }));
  const types = FACET_TYPES.map((t) => `'${t}'`).join(', ');
  const top = await sql.all<CooccurrenceRow>(
    `${matches}
     SELECT id, type, name, articles FROM (
       SELECT e.key AS id, e.type AS type, e.name AS name, ${n} AS articles,
              row_number() OVER (PARTITION BY e.type ORDER BY ${n} DESC, e.id) AS place
         FROM f JOIN article_entities ae ON ae.article = f.id
         JOIN entities e ON e.id = ae.entity
        WHERE e.type IN (${types})
        GROUP BY e.id) x
      WHERE place <= ${ENTITIES} ORDER BY type, place`,
    where.params,
  );
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
