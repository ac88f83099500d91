import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { notAFile } from '../ingest/collect-sources.ts';
import { describeFsError } from '../ingest/describe-fs-error.ts';
import { tooLarge } from '../ingest/read-units.ts';
import { walkFolder } from '../ingest/walk-folder.ts';

/** The outside world of a command, so tests and embedders can swap it. */
export interface Io {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
  stdin: AsyncIterable<Uint8Array | string>;
  cwd: string;
}

/** The real process: its streams and working directory. */
export function processIo(): Io {
  // `jiedu parse dir | head` closes the pipe early; that is the reader's choice, not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
  });
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    cwd: process.cwd(),
  };
}

/** One page to read: a file on disk or standard input. */
export interface Input {
  kind: 'input';
  /** How errors and `source.path` name it: the path as given, or `-` for stdin. */
  display: string;
  /** Absolute path, or null for stdin. */
  file: string | null;
  /** Where its output goes under `--out`: a relative path, extension still on. */
  outName: string;
}

/** An argument that could not become an input; reported in its turn, exit code 1. */
export interface InputFailure {
  kind: 'failure';
  display: string;
  reason: string;
}

/** A readable reason for a file-system error: the one ingest gives. */
export const describeError = describeFsError;

/** What a directory is searched for: text pages, web pages and web archives. */
const PAGE_FILE = /\.(?:txt|html?|warc|warc\.gz)$/i;

/** The inputs of a command line, and whether they form a collection rather than one page. */
export interface Inputs {
  items: (Input | InputFailure)[];
  /** True for several arguments or a directory: decided by the arguments, not by how many
   * files a directory happens to hold, so scripts always get the same shape. */
  collection: boolean;
}

/** How {@link collectInputs} treats folders. */
export interface CollectInputOptions {
  /** Follow links found in a folder to files outside it; off by default. */
  followSymlinks?: boolean;
}

/**
 * The inputs named on the command line, in order: files, folders expanded, `-` for stdin.
 * Only regular files are read (a device or a named pipe is refused: /dev/zero never ends).
 * In a folder, a link out of it is not followed unless asked, and a link whose target is
 * missing is said, both as failures (see walk-folder.ts).
 */
export async function collectInputs(
  args: readonly string[],
  cwd: string,
  options: CollectInputOptions = {},
): Promise<Inputs> {
  const out: (Input | InputFailure)[] = [];
  let collection = args.length > 1;
  for (const arg of args) {
    if (arg === '-') {
      out.push({ kind: 'input', display: '-', file: null, outName: 'stdin.txt' });
      continue;
    }
    const file = resolve(cwd, arg);
    try {
      const info = await stat(file);
      if (!info.isDirectory()) {
        const refused = notAFile(info);
        out.push(
          refused === null
            ? { kind: 'input', display: arg, file, outName: basename(file) }
            : { kind: 'failure', display: arg, reason: refused },
        );
        continue;
      }
      collection = true;
      const pages = await walkFolder(file, {
        wanted: (name) => PAGE_FILE.test(name),
        followSymlinks: options.followSymlinks === true,
        display: arg,
      });
      if (pages.length === 0) {
        out.push({
          kind: 'failure',
          display: arg,
          reason: 'no .txt, .html or .warc files in this directory',
        });
      }
      for (const page of pages) {
        const display = join(arg, ...page.rel.split('/'));
        out.push(
          page.refused === undefined
            ? { kind: 'input', display, file: page.path, outName: page.rel }
            : { kind: 'failure', display, reason: page.refused },
        );
      }
    } catch (err) {
      out.push({ kind: 'failure', display: arg, reason: describeError(err) });
    }
  }
  return { items: out, collection };
}

/** An input refused before it is read; its message is the reason, without the path. */
export class InputRefused extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'InputRefused';
  }
}

/** An input over the size limit: refused before (a file) or while (stdin) it is read. */
export class TooLargeError extends InputRefused {
  constructor(bytes: number | null, limit: number) {
    super(`${tooLarge(bytes, limit)}: not read`);
    this.name = 'TooLargeError';
  }
}

/** The most a line-by-line command (segment, entities --lines) reads: 1 GiB. */
export const LINES_MAX_BYTES = 1024 ** 3;

/**
 * Reads an input's bytes, at most `maxBytes`: a larger file is refused before it is read;
 * standard input is read until it passes the limit, then refused (what was read is dropped).
 */
export async function readInput(
  input: Input,
  stdin: Io['stdin'],
  maxBytes: number = Number.POSITIVE_INFINITY,
): Promise<Uint8Array> {
  if (input.file !== null) {
    const handle = await open(input.file, 'r');
    try {
      // The file opened, not whatever the path names by now: a device or a pipe is never
      // read (/dev/zero would not end), a file over the limit not at all.
      const info = await handle.stat();
      const refused = notAFile(info);
      if (refused !== null) throw new InputRefused(refused);
      const { size } = info;
      if (size > maxBytes) throw new TooLargeError(size, maxBytes);
      return await handle.readFile();
    } finally {
      await handle.close();
    }
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk);
    size += buffer.length;
    if (size > maxBytes) throw new TooLargeError(null, maxBytes);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks, size);
}

/** Where `input`'s output goes under `outDir`: its name with the extension replaced. */
export function outputPath(outDir: string, input: Input, extension: string): string {
  const stem = input.outName.replace(/\.[^./]*$/, '');
  return join(outDir, ...`${stem}${extension}`.split('/'));
}

/**
 * Writes `data` to `dest` so that `dest` is either untouched or complete: the bytes go to a
 * temporary file in the same folder, are flushed to disk, and the file is renamed over
 * `dest` (rename within one file system is atomic).
 */
export async function writeFileAtomic(dest: string, data: string): Promise<void> {
  const folder = dirname(dest);
  await mkdir(folder, { recursive: true });
  const temp = join(
    folder,
    `.${basename(dest)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(data, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, dest);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}
