import { extname } from 'node:path';
import { type IngestSummary, ingest, MAX_WORKERS, MB } from '../ingest/index.ts';
import { type ProgressStream, rates, showProgress } from '../ingest/show-progress.ts';
import { enqueue } from '../queue/page-queue.ts';
import { isPostgresUrl, openArchive, type Store, StoreError } from '../store/index.ts';
import { archivePath, shownPath } from './archive.ts';
import { UsageError } from './args.ts';
import type { Io } from './io.ts';
import { countFlag } from './run-worker.ts';
import { type CommandArgs, EXIT } from './schema.ts';

/** The exit code of a run stopped by Ctrl-C, as shells report a SIGINT. */
export const EXIT_INTERRUPTED = 130;

/** The failures log beside an archive: archive.db → archive.failures.jsonl. */
export function failuresLogPath(db: string): string {
  // A database on a server: the log goes in the working folder.
  if (isPostgresUrl(db)) return 'jiedu.failures.jsonl';
  const ext = extname(db);
  return `${ext === '' ? db : db.slice(0, -ext.length)}.failures.jsonl`;
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
  if (workers !== undefined && workers > MAX_WORKERS) {
    throw new UsageError(
      `--workers takes 1 to ${MAX_WORKERS} on this machine (4 per core; each worker holds about 200 MB), not ${workers}`,
      'ingest',
    );
  }
  const pageTime = Number(flags['page-time']);
  if (!(pageTime > 0) || !Number.isFinite(pageTime)) {
    throw new UsageError(
      `--page-time takes a positive number of seconds, not ${JSON.stringify(flags['page-time'])}`,
      'ingest',
    );
  }
  const maxSize = Number(flags['max-size']);
  if (!(maxSize > 0) || !Number.isFinite(maxSize)) {
    throw new UsageError(
      `--max-size takes a positive number of MB, not ${JSON.stringify(flags['max-size'])}`,
      'ingest',
    );
  }
  // The archive the other archive commands read: --db, else $JIEDU_DB, else ./jiedu.db.
  const dbPath = archivePath(flags, io);
  const db = shownPath(dbPath, io.cwd);

  if (flags.queue === true) return queuePages(positionals, dbPath, maxSize * MB, flags, io);

  let store: Store;
  try {
    store = openArchive(dbPath);
  } catch (err) {
    if (!(err instanceof StoreError)) throw err;
    io.stderr.write(`jiedu ingest: ${err.message}\n`);
    return EXIT.failed;
  }
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
      followSymlinks: flags['follow-symlinks'] === true,
      pageTimeMs: pageTime * 1000,
      retrySlow: flags['retry-slow'] === true,
      inputFormat:
        flags['input-format'] === 'text' || flags['input-format'] === 'html'
          ? flags['input-format']
          : 'auto',
      ...(flags['no-ner'] === true ? { tagger: false } : {}),
      stdin: io.stdin,
      failuresLog: failuresLogPath(dbPath),
      signal: stop.signal,
      abandon: abandon.signal,
      ...(workers === undefined ? {} : { workers }),
      onProgress: (stats) => display.update(stats),
      onFailure: (failure) => display.log(`${failure.path}: ${failure.reason}`),
      onNotice: (line) => display.log(`jiedu ingest: ${line}`),
      onWarning: (path, warning) => display.log(`${path}: warning: ${warning}`),
      ...(flags.strict === true ? { strict: true } : {}),
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
    io.stderr.write(`jiedu ingest: failures logged to ${shownPath(summary.failuresLog, io.cwd)}\n`);
  }
  if (summary.interrupted) {
    io.stderr.write('jiedu ingest: run the same command again to finish the job\n');
    return EXIT_INTERRUPTED;
  }
  if (summary.failed > 0) return EXIT.failed;
  return EXIT.ok;
}

/** `ingest --queue`: the pages go on the PostgreSQL queue for `jiedu worker`. */
async function queuePages(
  inputs: readonly string[],
  url: string,
  maxBytes: number,
  flags: CommandArgs['flags'],
  io: Io,
): Promise<number> {
  if (!isPostgresUrl(url)) {
    throw new UsageError('--queue needs a PostgreSQL archive: --db postgres://…', 'ingest');
  }
  try {
    const summary = await enqueue(url, inputs, {
      cwd: io.cwd,
      maxBytes,
      dateFromPath: flags['date-from-path'] === true,
      stdin: () => io.stdin,
      jobTimeoutSeconds: countFlag('ingest', flags['job-timeout'], 'job-timeout', 900),
    });
    for (const f of summary.failed) io.stderr.write(`${f.source}: ${f.reason}\n`);
    io.stderr.write(
      `jiedu ingest: ${summary.queued} queued, ${summary.present} already stored or queued, ${summary.failed.length} failed, on ${shownPath(url, io.cwd)}\n`,
    );
    return summary.failed.length > 0 ? EXIT.failed : EXIT.ok;
  } catch (err) {
    io.stderr.write(`jiedu ingest: ${(err as Error).message}\n`);
    return EXIT.failed;
  }
}
