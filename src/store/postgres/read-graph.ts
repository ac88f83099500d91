import type { EntityType, StanceClass } from '../../tree/annotations.ts';
import type { GraphEdge, GraphNode, GraphQuery, StanceGraph } from '../types.ts';
import type { Sql } from './connection.ts';
import { pageOf } from './filters.ts';
import { stanceWhere } from './read-lists.ts';

/** The actor graph: who takes a stance on whom (see sqlite/read-graph.ts). */

const MAX_STANCES = 20_000;
const DEFAULT_EDGES = 200;
const ACTOR_TYPES = "('PER', 'ORG', 'LOC')";

interface PairRow {
  source: string;
  target: string;
  class: StanceClass;
  n: number;
}

function toEdges(rows: readonly PairRow[], min: number): GraphEdge[] {
  const edges = new Map<string, GraphEdge>();
  for (const row of rows) {
    const key = `${row.source}\u0000${row.target}`;
    let edge = edges.get(key);
    if (edge === undefined) {
      edge = { source: row.source, target: row.target, weight: 0, classes: {} };
      edges.set(key, edge);
    }
    edge.weight += row.n;
    edge.classes[row.class] = (edge.classes[row.class] ?? 0) + row.n;
  }
  return [...edges.values()]
    .filter((e) => e.weight >= min)
    .sort(
      (a, b) =>
        b.weight - a.weight || a.source.localeCompare(b.source) || a.target.localeCompare(b.target),
    );
}

export async function stanceGraph(sql: Sql, query: GraphQuery): Promise<StanceGraph> {
  const { limit } = pageOf(query, DEFAULT_EDGES);
  const min = query.min ?? 1;
  if (!Number.isInteger(min) || min < 1) throw new TypeError('`min` must be a whole number ≥ 1');
  const where = await stanceWhere(sql, query);
  const rows = await sql.all<PairRow>(
    `WITH picked AS (
       SELECT s.id FROM stances s JOIN articles a ON a.id = s.article${where}
        ORDER BY s.id DESC LIMIT ?
     )
     SELECT min(actor.key) AS source, min(other.key) AS target, s.class AS class,
            count(DISTINCT s.id) AS n
       FROM stances s
       JOIN stance_actors sa ON sa.stance = s.id
       JOIN entities actor ON actor.id = sa.entity
       JOIN mentions m ON m.article = s.article
        AND m.span_start >= s.target_start AND m.span_end <= s.target_end
       JOIN entities other ON other.id = m.entity
      WHERE s.id IN (SELECT id FROM picked) AND m.entity <> sa.entity AND other.type IN ${ACTOR_TYPES}
      GROUP BY sa.entity, m.entity, s.class`,
    [...where.params, MAX_STANCES],
  );
  const edges = toEdges(rows, min).slice(0, limit);
  const weights = new Map<string, number>();
  for (const e of edges) {
    weights.set(e.source, (weights.get(e.source) ?? 0) + e.weight);
    weights.set(e.target, (weights.get(e.target) ?? 0) + e.weight);
  }
  const found = await sql.all<{ key: string; name: string; type: EntityType }>(
    'SELECT key, name, type FROM entities WHERE key = ANY(?::text[])',
    [[...weights.keys()]],
  );
  const byKey = new Map(found.map((e) => [e.key, e]));
  const nodes: GraphNode[] = [];
  for (const [id, stances] of weights) {
    const entity = byKey.get(id);
    if (entity !== undefined) nodes.push({ id, name: entity.name, type: entity.type, stances });
  }
  nodes.sort((a, b) => b.stances - a.stances || a.id.localeCompare(b.id));
  return { nodes, edges };
}
