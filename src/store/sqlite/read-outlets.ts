import type Database from 'better-sqlite3';
import type { StanceClass } from '../../tree/annotations.ts';
import type { OutletComparison, OutletQuery } from '../types.ts';
import { addOncePerStory } from './once-per-story.ts';
import { matching } from './read-timeline.ts';
import type { SearchIndex } from './search-index.ts';

/**
 * Outlets compared, for the articles a search selects (its text, an entity they mention,
 * the other filters): which outlets quote whom, and how many stances of each class each
 * outlet printed. An outlet that printed several copies of one story counts its quotes and
 * stances once (each outlet that printed one counts it), unless `copies`.
 */

/** Outlets and speakers shown by default, and at most. */
const OUTLETS = 12;
const SPEAKERS = 10;
const MAX_SHOWN = 100;

function shown(value: number | undefined, fallback: number, name: string): number {
  const n = value ?? fallback;
  if (!Number.isInteger(n) || n < 1 || n > MAX_SHOWN) {
    throw new TypeError(`\`${name}\` must be a whole number from 1 to ${MAX_SHOWN}`);
  }
  return n;
}

const QUOTES = 'quotes q JOIN articles a ON a.id = q.article JOIN documents d ON d.id = a.document';
const STANCES =
  'stances s JOIN articles a ON a.id = s.article JOIN documents d ON d.id = a.document';

export function compareOutlets(
  db: Database.Database,
  index: SearchIndex,
  query: OutletQuery,
): OutletComparison {
  const outletLimit = shown(query.outlets, OUTLETS, 'outlets');
  const speakerLimit = shown(query.speakers, SPEAKERS, 'speakers');
  const quoteWhere = matching(db, index, query).add('a.outlet_key IS NOT NULL');
  const stanceWhere = matching(db, index, query).add('a.outlet_key IS NOT NULL');
  if (query.copies !== true) {
    addOncePerStory(db, quoteWhere, 'quote', query, true);
    addOncePerStory(db, stanceWhere, 'stance', query, true);
  }
  const totals = new Map<string, { outlet: string; quotes: number; stances: number }>();
  const quoteTotals = db
    .prepare(
      `SELECT a.outlet_key AS key, min(d.outlet) AS outlet, count(*) AS n FROM ${QUOTES}${quoteWhere}
        GROUP BY a.outlet_key`,
    )
    .all(...quoteWhere.params) as { key: string; outlet: string; n: number }[];
  const stanceTotals = db
    .prepare(
      `SELECT a.outlet_key AS key, min(d.outlet) AS outlet, count(*) AS n FROM ${STANCES}${stanceWhere}
        GROUP BY a.outlet_key`,
    )
    .all(...stanceWhere.params) as { key: string; outlet: string; n: number }[];
  for (const r of quoteTotals) totals.set(r.key, { outlet: r.outlet, quotes: r.n, stances: 0 });
  for (const r of stanceTotals) {
    const t = totals.get(r.key) ?? { outlet: r.outlet, quotes: 0, stances: 0 };
    t.stances = r.n;
    totals.set(r.key, t);
  }
  const ranked = [...totals]
    .sort(([ka, a], [kb, b]) => b.quotes + b.stances - (a.quotes + a.stances) || (ka < kb ? -1 : 1))
    .slice(0, outletLimit);
  const keys = ranked.map(([k]) => k);
  if (keys.length === 0) return { outlets: [], speakers: [], quotes: [], stances: [] };
  const name = new Map(ranked.map(([k, t]) => [k, t.outlet]));
  const order = new Map(keys.map((k, i) => [k, i]));
  const inKeys = `a.outlet_key IN (${keys.map(() => '?').join(', ')})`;
  const speakers = db
    .prepare(
      `SELECT e.key AS id, e.name AS name, count(*) AS quotes
         FROM ${QUOTES} JOIN entities e ON e.id = q.speaker${quoteWhere} AND ${inKeys}
        GROUP BY q.speaker ORDER BY quotes DESC, e.key LIMIT ?`,
    )
    .all(...quoteWhere.params, ...keys, speakerLimit) as OutletComparison['speakers'];
  const quotes =
    speakers.length === 0
      ? []
      : (db
          .prepare(
            `SELECT a.outlet_key AS key, e.key AS speaker, count(*) AS count
               FROM ${QUOTES} JOIN entities e ON e.id = q.speaker${quoteWhere} AND ${inKeys}
                AND e.key IN (${speakers.map(() => '?').join(', ')})
              GROUP BY a.outlet_key, q.speaker`,
          )
          .all(...quoteWhere.params, ...keys, ...speakers.map((s) => s.id)) as {
          key: string;
          speaker: string;
          count: number;
        }[]);
  const stances = db
    .prepare(
      `SELECT a.outlet_key AS key, s.class AS class, count(*) AS count
         FROM ${STANCES}${stanceWhere} AND ${inKeys} GROUP BY a.outlet_key, s.class`,
    )
    .all(...stanceWhere.params, ...keys) as { key: string; class: StanceClass; count: number }[];
  const rank = (k: string) => order.get(k) ?? 0;
  return {
    outlets: ranked.map(([, t]) => t),
    speakers,
    quotes: quotes
      .sort((x, y) => rank(x.key) - rank(y.key) || y.count - x.count)
      .map((q) => ({ outlet: name.get(q.key) ?? q.key, speaker: q.speaker, count: q.count })),
    stances: stances
      .sort((x, y) => rank(x.key) - rank(y.key) || y.count - x.count)
      .map((s) => ({ outlet: name.get(s.key) ?? s.key, class: s.class, count: s.count })),
  };
}
