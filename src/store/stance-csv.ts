import type { CsvValue } from '../text/csv.ts';
import type { StanceRow } from './types.ts';

/**
 * A stance as a CSV record: one header and one row shape for every CSV of stances (the
 * CLI's `stances --format csv` and `export stances`, the server's /api/stances.csv), so a
 * spreadsheet built on one reads the others.
 */
export const STANCE_CSV_HEADER: readonly string[] = [
  'id',
  'article',
  'document',
  'date',
  'outlet',
  'actor_ids',
  'actors',
  'class',
  'plover',
  'cue',
  'target',
  'negated',
  'modality',
  'start',
  'end',
];

/** The cells of one stance, in {@link STANCE_CSV_HEADER}'s order. */
export function stanceCsv(s: StanceRow): CsvValue[] {
  return [
    s.id,
    s.articleId,
    s.documentId,
    s.date,
    s.outlet,
    s.actorIds,
    s.actors,
    s.class,
    s.plover,
    s.cue,
    s.target,
    s.negated,
    s.modality,
    s.start,
    s.end,
  ];
}
