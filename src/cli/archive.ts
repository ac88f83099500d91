import { isAbsolute, relative, resolve } from 'node:path';
import { type CsvColumns, countCsv, csvOf } from '../store/csv-columns.ts';
import {
  type Archive,
  type ArchiveFilter,
  isPostgresUrl,
  openArchive,
  QueryError,
  StoreError,
  shownUrl,
} from '../store/index.ts';
import { isDate } from '../text/dates.ts';
import type { Script } from '../tree/types.ts';
import { UsageError } from './args.ts';
import type { Io } from './io.ts';
import { EXIT, type FlagValues } from './schema.ts';
import { type Cell, type Column, renderTable } from './table.ts';

/**
 * What the archive commands (search, show, entities, quotes, stances, export, stats) share:
 * where the archive is, how it opens, the filter flags and the output formats. Each command
 * stays a thin shell over the Archive interface.
 */

/** The archive file when neither --db nor JIEDU_DB names one: jiedu.db in the current folder. */
export const DEFAULT_DB = 'jiedu.db';

/** --db FILE|URL, else $JIEDU_DB, else ./jiedu.db; a file relative to the working folder,
 * a postgres:// URL as given. */
export function archivePath(flags: FlagValues, io: Io): string {
  const given = typeof flags.db === 'string' ? flags.db : process.env.JIEDU_DB;
  if (given !== undefined && isPostgresUrl(given)) return given;
  return resolve(io.cwd, given !== undefined && given !== '' ? given : DEFAULT_DB);
}

/** How to name a file in messages: relative to the working folder when it is inside it. */
export function shownPath(path: string, cwd: string): string {
  if (isPostgresUrl(path)) return shownUrl(path);
  const rel = relative(cwd, path);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

/**
 * Runs `body` on the archive named by the flags, closing it after. A missing archive, a
 * file that is not one and a query the search cannot read are reported on stderr (exit 1,
 * or 2 for the query); any other error goes to main's catch.
 */
export async function withArchive(
  command: string,
  flags: FlagValues,
  io: Io,
  body: (archive: Archive) => Promise<number> | number,
): Promise<number> {
  const path = archivePath(flags, io);
  let archive: Archive;
  try {
    archive = openArchive(path, { create: false });
  } catch (err) {
    if (!(err instanceof StoreError)) throw err;
    const hint = /no archive there/.test(err.message)
      ? ` (give --db FILE or set JIEDU_DB; 'jiedu ingest' creates one)`
      : '';
    io.stderr.write(`jiedu ${command}: ${err.message}${hint}\n`);
    return EXIT.failed;
  }
  try {
    return await body(archive);
  } catch (err) {
    if (err instanceof QueryError) throw new UsageError(err.message, command);
    throw err;
  } finally {
    archive.close();
  }
}

// ── flags ───────────────────────────────────────────────────────────────────────────────

/** A whole-number flag, checked. */
export function intFlag(command: string, flags: FlagValues, name: string): number | undefined {
  const raw = flags[name];
  if (typeof raw !== 'string') return undefined;
  if (!/^\d+$/.test(raw))
    throw new UsageError(`--${name} must be a whole number, not '${raw}'`, command);
  return Number(raw);
}

/** A string flag, or undefined. */
export function stringFlag(flags: FlagValues, name: string): string | undefined {
  const value = flags[name];
  return typeof value === 'string' ? value : undefined;
}

/** The filter flags a command was given, dates checked. */
export function filterFlags(command: string, flags: FlagValues): ArchiveFilter {
  const filter: ArchiveFilter = {};
  const script = stringFlag(flags, 'script');
  // Checked against its choices by the flag parser.
  if (script !== undefined) filter.script = script as Script;
  for (const name of ['outlet', 'from', 'to', 'entity', 'speaker'] as const) {
    const value = stringFlag(flags, name);
    if (value === undefined) continue;
    if ((name === 'from' || name === 'to') && !isDate(value)) {
      throw new UsageError(`--${name} must be a date YYYY-MM-DD, not '${value}'`, command);
    }
    filter[name] = value;
  }
  return filter;
}

/** --limit and --offset. */
export function pageFlags(command: string, flags: FlagValues): { limit: number; offset: number } {
  const limit = intFlag(command, flags, 'limit') ?? 20;
  if (limit > 10_000) throw new UsageError('--limit must be 10000 or less', command);
  return { limit, offset: intFlag(command, flags, 'offset') ?? 0 };
}

// ── output ──────────────────────────────────────────────────────────────────────────────

/** Terminal width for tables: the terminal's, or 100 when output is not a terminal. */
export function terminalWidth(io: Io): number {
  const columns = (io.stdout as { columns?: number }).columns;
  return typeof columns === 'number' && columns > 0 ? columns : 100;
}

/** Colour (reverse video for highlights) on a terminal, unless NO_COLOR is set. */
export function useColor(io: Io): boolean {
  return (io.stdout as { isTTY?: boolean }).isTTY === true && !process.env.NO_COLOR;
}

/** How a listing prints its rows in each format. */
export interface Listing<T> {
  columns: readonly Column[];
  cells(row: T): Cell[];
  /** Its CSV columns: the store's, which the server's CSV listings write too. */
  csv: CsvColumns<T>;
}

/** Prints rows in the chosen format; an empty table prints a note on stderr instead. */
export function printRows<T>(
  io: Io,
  format: string,
  rows: readonly T[],
  listing: Listing<T>,
  empty: string,
): void {
  switch (format) {
    case 'json':
      io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      return;
    case 'jsonl':
      io.stdout.write(rows.map((row) => `${JSON.stringify(row)}\n`).join(''));
      return;
    case 'csv':
      io.stdout.write(csvOf(listing.csv, rows));
      return;
    default:
      if (rows.length === 0) {
        io.stderr.write(`${empty}\n`);
        return;
      }
      io.stdout.write(
        renderTable(listing.columns, rows.map(listing.cells), {
          width: terminalWidth(io),
          color: useColor(io),
        }),
      );
  }
}

/** The listing of `--count` results: a key and its count. */
export function countListing(header: string): Listing<{ key: string; count: number }> {
  return {
    columns: [
      { header, flex: 1 },
      { header: 'count', align: 'right' },
    ],
    cells: (row) => [row.key, String(row.count)],
    csv: countCsv(header),
  };
}

type Writable = {
  write(chunk: string): unknown;
  once?: (event: string, fn: () => void) => unknown;
  removeListener?: (event: string, fn: () => void) => unknown;
  destroyed?: boolean;
};

/** Resolves when a full stream may take more: it drained, or it closed (a reader such as
 * `head` went away), whichever comes first. */
function drained(out: Writable): Promise<void> {
  return new Promise<void>((done) => {
    const finish = () => {
      for (const event of ['drain', 'close', 'error']) out.removeListener?.(event, finish);
      done();
    };
    for (const event of ['drain', 'close', 'error']) out.once?.(event, finish);
  });
}

/** Writes chunks to stdout in pieces of about 64 KB, waiting while the pipe is full, so a
 * large export never piles up in memory; stops when the reader has gone. */
export async function writeStreamed(io: Io, chunks: Iterable<string>): Promise<void> {
  const out = io.stdout as Writable;
  let buffer = '';
  for (const chunk of chunks) {
    buffer += chunk;
    if (buffer.length < 65_536) continue;
    const ok = out.write(buffer);
    buffer = '';
    if (ok === false && typeof out.once === 'function') await drained(out);
    if (out.destroyed === true) return;
  }
  if (buffer !== '') out.write(buffer);
}

/** A counted-once row's copies in a table: `3 in 2` (copies in outlets); '' for one copy
 * or with --copies. */
export function spreadCell(row: { copies?: number; outlets?: number }): string {
  if (row.copies === undefined || row.copies < 2) return '';
  return row.outlets === undefined || row.outlets === 0
    ? String(row.copies)
    : `${row.copies} in ${row.outlets}`;
}
