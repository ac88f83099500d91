import { extname, isAbsolute, relative, resolve } from 'node:path';
import { type IngestSummary, ingest, MB } from '../ingest/index.ts';
import { type ProgressStream, rates, showProgress } from '../ingest/show-progress.ts';
import type { Store } from '../store/types.ts';
import { UsageError } from './args.ts';
import type { Io } from './io.ts';
import { type CommandArgs, EXIT } from './schema.ts';

/** The exit code of a run stopped by Ctrl-C, as shells report a SIGINT. */
export const EXIT_INTERRUPTED = 130;

/** The archive when neither --db nor $JIEDU_DB names one: jiedu.db in the working folder. */
export const DEFAULT_DB = 'jiedu.db';

/** How to name a file in messages: relative to the working folder when it is inside it. */
function shown(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

/** The failures log beside an archive: archive.db → archive.failures.jsonl. */
export function failuresLogPath(db: string): string {
  const ext = extname(db);
  return `${ext === '' ? db : db.slice(0, -ext.length)}.failures.jsonl`;
}

/**
 * Opens the SQLite archive. TODO(store): a plain `import { openStore } from
 * '../store/index.ts'` once src/store/index.ts lands; until then the module is looked up at
 * run time (with this module's own extension, .ts from the sources or .js built).
 */
async function openArchive(path: string): Promise<Store> {
  const ext = extname(new URL(import.meta.url).pathname);
  const url = new URL(`../store/index${ext}`, import.meta.url).href;
  let module: { openStore?: (path: string) => Store };
  try {
    module = await import(url);
  } catch (err) {
    throw new Error(`the archive store is not available yet: ${(err as Error).message}`);
  }
  if (typeof module.openStore !== 'function') throw new Error('the archive store has no openStore');
  return module.openStore(path);
}

function positiveInteger(value: string, flag: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1) {
    throw new UsageError(
      `--${flag} takes a positive whole number, not ${JSON.stringify(value)}`,
      'ingest',
    );
  }
  return n;
}

function summaryLine(summary: IngestSummary, db: string): string {
  const rate = rates(summary);
  return (
    `${summary.stored} stored, ${summary.present} already present, ${summary.failed} failed ` +
    `in ${(summary.elapsedMs / 1000).toFixed(1)} s (${rate.docs.toFixed(1)} documents/s, ` +
    `${rate.mb.toFixed(2)} MB/s) into ${db}`
  );
}

/**
 * `jiedu ingest <paths|globs|->… [--db FILE] [--workers N] [--max-size MB]
 * [--date-from-path]`: reads pages into the archive, showing progress on standard error.
 * Ctrl-C stops taking inputs and stores the pages in hand; a second Ctrl-C drops them.
 */
export async function run(args: CommandArgs, io: Io): Promise<number> {
  const { flags, positionals } = args;
  if (positionals.length === 0) {
    throw new UsageError(
      'no input: give files, directories, glob patterns, or - for standard input',
      'ingest',
    );
  }
  if (positionals.filter((p) => p === '-').length > 1) {
    throw new UsageError('standard input (-) can be read only once', 'ingest');
  }
  const workers =
    typeof flags.workers === 'string' ? positiveInteger(flags.workers, 'workers') : undefined;
  const maxSize = Number(flags['max-size']);
  if (!(maxSize > 0) || !Number.isFinite(maxSize)) {
    throw new UsageError(
      `--max-size takes a positive number of MB, not ${JSON.stringify(flags['max-size'])}`,
      'ingest',
    );
  }
  // The archive the other archive commands read: --db, else $JIEDU_DB, else ./jiedu.db.
  const given = typeof flags.db === 'string' ? flags.db : process.env.JIEDU_DB;
  const dbPath = resolve(io.cwd, given !== undefined && given !== '' ? given : DEFAULT_DB);
  const db = shown(dbPath, io.cwd);

  const store = await openArchive(dbPath);
  const stop = new AbortController();
  const abandon = new AbortController();
  const interval = Number(process.env.JIEDU_PROGRESS_MS) || 5000;
  const display = showProgress(io.stderr as ProgressStream, interval);
  const onSigint = () => {
    if (!stop.signal.aborted) {
      display.log('jiedu ingest: stopping — storing the pages in hand (Ctrl-C again to drop them)');
      stop.abort();
    } else {
      abandon.abort();
    }
  };
  process.on('SIGINT', onSigint);
  let summary: IngestSummary;
  try {
    summary = await ingest({
      inputs: positionals,
      store,
      cwd: io.cwd,
      maxBytes: maxSize * MB,
      dateFromPath: flags['date-from-path'] === true,
      stdin: io.stdin,
      failuresLog: failuresLogPath(dbPath),
      signal: stop.signal,
      abandon: abandon.signal,
      ...(workers === undefined ? {} : { workers }),
      onProgress: (stats) => display.update(stats),
      onFailure: (failure) => display.log(`${failure.path}: ${failure.reason}`),
    });
  } finally {
    process.off('SIGINT', onSigint);
    display.stop();
    store.close();
  }
  if (summary.interrupted && positionals.includes('-')) {
    // A read of standard input may still be pending; it must not keep the process alive.
    (io.stdin as { destroy?: () => void }).destroy?.();
  }
  const head = summary.interrupted ? 'jiedu ingest: interrupted: ' : 'jiedu ingest: ';
  io.stderr.write(`${head}${summaryLine(summary, db)}\n`);
  if (summary.failuresLog !== undefined) {
    io.stderr.write(`jiedu ingest: failures logged to ${shown(summary.failuresLog, io.cwd)}\n`);
  }
  if (summary.interrupted) {
    io.stderr.write('jiedu ingest: run the same command again to finish the job\n');
    return EXIT_INTERRUPTED;
  }
  if (summary.failed > 0) return EXIT.failed;
  return EXIT.ok;
}
