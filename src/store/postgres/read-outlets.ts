import type { StanceClass } from '../../tree/annotations.ts';
import type { OutletComparison, OutletQuery } from '../types.ts';
import type { Sql } from './connection.ts';
import { addOncePerStory } from './once-per-story.ts';
import { matching } from './read-timeline.ts';

/**
 * Outlets compared, for the articles a search selects (see sqlite/read-outlets.ts): which
 * outlets quote whom, and how many stances of each class each outlet printed; an outlet
 * that printed several copies of one story counts its quotes and stances once, unless
 * `copies`. Groups are read in key order, as SQLite's grouping gives them, so that ties
 * fall alike on both.
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

export async function compareOutlets(sql: Sql, query: OutletQuery): Promise<OutletComparison> {
  const outletLimit = shown(query.outlets, OUTLETS, 'outlets');
  const speakerLimit = shown(query.speakers, SPEAKERS, 'speakers');
  const quoteWhere = (await matching(sql, query)).add('a.outlet_key IS NOT NULL');
  const stanceWhere = (await matching(sql, query)).add('a.outlet_key IS NOT NULL');
  if (query.copies !== true) {
    await addOncePerStory(sql, quoteWhere, 'quote', query, true);
    await addOncePerStory(sql, stanceWhere, 'stance', query, true);
  }
  const totals = new Map<string, { outlet: string; quotes: number; stances: number }>();
  const quoteTotals = await sql.all<{ key: string; outlet: string; n: number }>(
    `SELECT a.outlet_key AS key, min(d.outlet) AS outlet, count(*) AS n FROM ${QUOTES}${quoteWhere}
      GROUP BY a.outlet_key ORDER BY a.outlet_key`,
    quoteWhere.params,
  );
  const stanceTotals = await sql.all<{ key: string; outlet: string; n: number }>(
    `SELECT a.outlet_key AS key, min(d.outlet) AS outlet, count(*) AS n FROM ${STANCES}${stanceWhere}
      GROUP BY a.outlet_key ORDER BY a.outlet_key`,
    stanceWhere.params,
  );
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
  const speakers = await sql.all<OutletComparison['speakers'][number]>(
    `SELECT e.key AS id, e.name AS name, count(*) AS quotes
       FROM ${QUOTES} JOIN entities e ON e.id = q.speaker${quoteWhere} AND ${inKeys}
      GROUP BY e.id ORDER BY quotes DESC, e.key LIMIT ?`,
    [...quoteWhere.params, ...keys, speakerLimit],
  );
  const quotes =
    speakers.length === 0
      ? []
      : await sql.all<{ key: string; speaker: string; count: number }>(
          `SELECT a.outlet_key AS key, e.key AS speaker, count(*) AS count
             FROM ${QUOTES} JOIN entities e ON e.id = q.speaker${quoteWhere} AND ${inKeys}
              AND e.key IN (${speakers.map(() => '?').join(', ')})
            GROUP BY a.outlet_key, e.id ORDER BY a.outlet_key, e.id`,
          [...quoteWhere.params, ...keys, ...speakers.map((s) => s.id)],
        );
  const stances = await sql.all<{ key: string; class: StanceClass; count: number }>(
    `SELECT a.outlet_key AS key, s.class AS class, count(*) AS count
       FROM ${STANCES}${stanceWhere} AND ${inKeys}
      GROUP BY a.outlet_key, s.class ORDER BY a.outlet_key, s.class`,
    [...stanceWhere.params, ...keys],
  );
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
