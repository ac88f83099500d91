import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { startServer, WEB_ROOT } from '../serve/index.ts';
import { type Archive, openArchive, StoreError } from '../store/index.ts';
import { archivePath, shownPath, stringFlag } from './archive.ts';
import { UsageError } from './args.ts';
import type { Io } from './io.ts';
import { type CommandArgs, EXIT, type FlagValues } from './schema.ts';

/** Where `jiedu serve` listens unless told otherwise: loopback only. */
const DEFAULT_HOST = '127.0.0.1';
const DEFAULT_PORT = 8080;

/** Reader threads: one per core, at most 4 (SQLite readers gain little past that). */
function readerThreads(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

/** Where and how to serve, from the flags (checked) and $JIEDU_TOKEN. */
export interface ServeFlags {
  host: string;
  port: number;
  token: string | undefined;
}

/** --host, --port and --token (else $JIEDU_TOKEN, which keeps it out of `ps`). */
export function serveFlags(command: string, flags: FlagValues): ServeFlags {
  const host = stringFlag(flags, 'host') ?? DEFAULT_HOST;
  const rawPort = stringFlag(flags, 'port');
  let port = DEFAULT_PORT;
  if (rawPort !== undefined) {
    if (!/^\d{1,5}$/.test(rawPort) || Number(rawPort) > 65_535) {
      throw new UsageError(`--port must be a port number 0–65535, not '${rawPort}'`, command);
    }
    port = Number(rawPort);
  }
  const given = stringFlag(flags, 'token') ?? process.env.JIEDU_TOKEN;
  const token = given === undefined || given === '' ? undefined : given;
  if (token !== undefined && token.length < 8) {
    throw new UsageError('--token must be at least 8 characters', command);
  }
  return { host, port, token };
}

/** A wait for the first SIGINT or SIGTERM, or for `signal` to abort; `cancel` removes the
 * handlers without waiting. */
function stopRequested(signal?: AbortSignal): { stopped: Promise<string>; cancel(): void } {
  let cancel = () => {};
  const stopped = new Promise<string>((resolve) => {
    const stop = (why: string) => {
      cancel();
      resolve(why);
    };
    const onInt = () => stop('SIGINT');
    const onTerm = () => stop('SIGTERM');
    const onAbort = () => stop('abort');
    cancel = () => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      signal?.removeEventListener('abort', onAbort);
    };
    process.once('SIGINT', onInt);
    process.once('SIGTERM', onTerm);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  return { stopped, cancel };
}

/**
 * Serves an open archive (opened from the file `path`, which the reader threads open too)
 * until Ctrl-C or SIGTERM (or `signal`): prints the URL, then on the signal stops taking
 * connections, lets the requests in hand finish and returns. The caller closes the
 * archive. Exit code 1 when the address cannot be bound.
 */
export async function serveArchive(
  command: string,
  archive: Archive,
  path: string,
  options: ServeFlags,
  io: Io,
  signal?: AbortSignal,
): Promise<number> {
  // Listening for the signals before the URL is out: whoever reads it may stop us at once.
  const stop = stopRequested(signal);
  let running: Awaited<ReturnType<typeof startServer>>;
  try {
    running = await startServer({
      archive,
      host: options.host,
      port: options.port,
      ...(options.token === undefined ? {} : { token: options.token }),
      readers: { path, size: readerThreads() },
      log: (line) => io.stderr.write(`${line}\n`),
    });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const why =
      e.code === 'EADDRINUSE'
        ? `port ${options.port} is in use (give --port, or --port 0 for any free port)`
        : e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND'
          ? `cannot bind to ${options.host}`
          : e.message;
    io.stderr.write(`jiedu ${command}: ${why}\n`);
    stop.cancel();
    return EXIT.failed;
  }
  const mode =
    options.token === undefined ? 'read-only' : 'POST /api/ingest open to the bearer token';
  io.stdout.write(`jiedu ${command}: serving ${running.url} (${mode}); Ctrl-C stops\n`);
  if (!existsSync(join(WEB_ROOT, 'index.html'))) {
    io.stderr.write(
      `jiedu ${command}: the web UI is not built (no ${WEB_ROOT}); the API works, run 'npm run build' for the UI\n`,
    );
  }
  if (!running.loopback) {
    io.stderr.write(
      `jiedu ${command}: listening on ${options.host}: anyone who reaches this machine can read the archive\n`,
    );
  }
  await stop.stopped;
  await running.close();
  io.stdout.write(`jiedu ${command}: stopped\n`);
  return EXIT.ok;
}

/**
 * `jiedu serve [--db FILE] [--host H] [--port P] [--token T]`: the archive's API and web UI
 * over HTTP until Ctrl-C. Without a token the archive is only read (and must exist); with
 * one, it is created if missing, for ingest to fill.
 */
export async function run(args: CommandArgs, io: Io): Promise<number> {
  const options = serveFlags('serve', args.flags);
  const path = archivePath(args.flags, io);
  let archive: Archive;
  try {
    archive = openArchive(path, { create: options.token !== undefined });
  } catch (err) {
    if (!(err instanceof StoreError)) throw err;
    const hint = /no archive there/.test(err.message)
      ? ` (give --db FILE or set JIEDU_DB; 'jiedu ingest' creates one)`
      : '';
    io.stderr.write(`jiedu serve: ${err.message}${hint}\n`);
    return EXIT.failed;
  }
  try {
    io.stdout.write(`jiedu serve: archive ${shownPath(path, io.cwd)}\n`);
    return await serveArchive('serve', archive, path, options, io);
  } finally {
    archive.close();
  }
}
