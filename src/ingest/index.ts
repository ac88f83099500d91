/**
 * Ingest: reads pages (files, folders, globs, JSON Lines, standard input) into an archive,
 * parsing and annotating them on worker threads and writing through one {@link Store}.
 */
export type { FailureRecord } from './failures-log.ts';
export {
  DEFAULT_MAX_BYTES,
  type IngestOptions,
  type IngestStats,
  type IngestSummary,
  ingest,
  MAX_WORKERS,
} from './ingest.ts';
export { formatMb, MB } from './read-units.ts';
