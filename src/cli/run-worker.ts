import { work } from '../queue/page-queue.ts';
import { isPostgresUrl, shownUrl } from '../store/index.ts';
import { archivePath } from './archive.ts';
import { UsageError } from './args.ts';
import type { Io } from './io.ts';
import { type CommandArgs, EXIT } from './schema.ts';

/** A whole number flag of at least 1. */
export function countFlag(command: string, value: unknown, flag: string, fallback: number): number {
  if (typeof value !== 'string') return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1) {
    throw new UsageError(
      `--${flag} takes a positive whole number, not ${JSON.stringify(value)}`,
      command,
    );
  }
  return n;
}

/** The queue's database: --db or $JIEDU_DB, which must be a postgres:// URL. */
export function queueUrl(command: string, args: CommandArgs, io: Io): string {
  const url = archivePath(args.flags, io);
  if (!isPostgresUrl(url)) {
    throw new UsageError(
      'the queue lives in PostgreSQL: give --db postgres://… (or set JIEDU_DB to one)',
      command,
    );
  }
  return url;
}

/**
 * `jiedu worker --db postgres://… [--concurrency N] [--until-idle]`: takes pages off the
 * queue, parses, annotates and stores them, until Ctrl-C / SIGTERM (pages in hand are
 * finished) or, with --until-idle, until the queue is empty.
 */
export async function run(args: CommandArgs, io: Io): Promise<number> {
  const url = queueUrl('worker', args, io);
  const concurrency = countFlag('worker', args.flags.concurrency, 'concurrency', 1);
  const jobTimeout = countFlag('worker', args.flags['job-timeout'], 'job-timeout', 900);
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const summary = await work(url, {
      concurrency,
      untilIdle: args.flags['until-idle'] === true,
      jobTimeoutSeconds: jobTimeout,
      maintenanceSeconds: Math.max(1, Math.min(30, Math.floor(jobTimeout / 3))),
      signal: stop.signal,
      onPage: (source, outcome, reason) => {
        if (outcome === 'failed') io.stderr.write(`${source}: ${reason}\n`);
      },
    });
    io.stderr.write(
      `jiedu worker: ${summary.stored} stored, ${summary.present} already present, ${summary.failed} failed into ${shownUrl(url)}\n`,
    );
    return EXIT.ok;
  } catch (err) {
    if (err instanceof TypeError || err instanceof UsageError) throw err;
    io.stderr.write(`jiedu worker: ${(err as Error).message}\n`);
    return EXIT.failed;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
