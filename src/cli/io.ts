import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { describeFsError } from '../ingest/describe-fs-error.ts';

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

/** Every page file (*.txt, *.html, *.htm, *.warc, *.warc.gz) under `dir`, relative to it with / separators, sorted by path. */
async function walk(dir: string): Promise<string[]> {
  const found: string[] = [];
  async function visit(sub: string): Promise<void> {
    const entries = await readdir(join(dir, sub), { withFileTypes: true });
    for (const entry of entries) {
      // Hidden files and folders (.git, editor backups) are not pages.
      if (entry.name.startsWith('.')) continue;
      const rel = sub === '' ? entry.name : `${sub}/${entry.name}`;
      if (entry.isDirectory()) await visit(rel);
      else if (PAGE_FILE.test(entry.name)) {
        // Follow a symlink to a file, never to a folder (no cycles).
        if (entry.isFile() || (entry.isSymbolicLink() && (await stat(join(dir, rel))).isFile())) {
          found.push(rel);
        }
      }
    }
  }
  await visit('');
  return found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The inputs of a command line, and whether they form a collection rather than one page. */
export interface Inputs {
  items: (Input | InputFailure)[];
  /** True for several arguments or a directory: decided by the arguments, not by how many
   * files a directory happens to hold, so scripts always get the same shape. */
  collection: boolean;
}

/** The inputs named on the command line, in order: files, folders expanded, `-` for stdin. */
export async function collectInputs(args: readonly string[], cwd: string): Promise<Inputs> {
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
        out.push({ kind: 'input', display: arg, file, outName: basename(file) });
        continue;
      }
      collection = true;
      const pages = await walk(file);
      if (pages.length === 0) {
        out.push({
          kind: 'failure',
          display: arg,
          reason: 'no .txt, .html or .warc files in this directory',
        });
      }
      for (const rel of pages) {
        out.push({
          kind: 'input',
          display: join(arg, ...rel.split('/')),
          file: join(file, ...rel.split('/')),
          outName: rel,
        });
      }
    } catch (err) {
      out.push({ kind: 'failure', display: arg, reason: describeError(err) });
    }
  }
  return { items: out, collection };
}

/** Reads an input's bytes; the whole of stdin for `-`. */
export async function readInput(input: Input, stdin: Io['stdin']): Promise<Uint8Array> {
  if (input.file !== null) return readFile(input.file);
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
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
