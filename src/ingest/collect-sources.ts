import type { Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { describeFsError } from './describe-fs-error.ts';
import { walkFolder } from './walk-folder.ts';

/** A file to ingest: a page, or JSON Lines of pages. */
export interface FileSource {
  kind: 'file';
  /** How the file is named in the archive and in messages: as given, or found under it. */
  display: string;
  /** Absolute path. */
  path: string;
  /** Size in bytes when collected. */
  size: number;
  /** One page per line (`{"text": …}`) rather than one page per file. */
  jsonl: boolean;
}

/** Standard input (`-`): a page, or JSON Lines when its first line is a JSON object. */
export interface StdinSource {
  kind: 'stdin';
  display: '-';
}

/** An argument that gave nothing to read, with the reason. */
export interface SourceFailure {
  kind: 'failure';
  display: string;
  reason: string;
}

export type Source = FileSource | StdinSource | SourceFailure;

/** File names read as JSON Lines; every other file is a page. */
const JSONL_FILE = /\.(?:jsonl|ndjson)$/i;
/** What a directory is searched for: pages, web pages, web archives and JSON Lines, in every
 * sub-folder (a site dump is a folder of .html files). */
const PAGE_OR_LINES = /\.(?:txt|html?|warc|warc\.gz|jsonl|ndjson)$/i;

const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** `rel` under the folder `arg` as the user wrote it, with the platform's separators. */
function under(arg: string, rel: string): string {
  return arg === '.' ? rel.split('/').join(sep) : join(arg, ...rel.split('/'));
}

/** What a path that is not a regular file is, for the message that refuses it. */
export function notAFile(info: Stats): string | null {
  if (info.isFile()) return null;
  const what = info.isFIFO()
    ? 'a named pipe'
    : info.isCharacterDevice() || info.isBlockDevice()
      ? 'a device'
      : info.isSocket()
        ? 'a socket'
        : 'not a regular file';
  return `${what}, not a file: not read (only regular files are, within --max-size)`;
}

async function fileSource(display: string, path: string): Promise<FileSource | SourceFailure> {
  const info = await stat(path);
  const refused = notAFile(info);
  if (refused !== null) return { kind: 'failure', display, reason: refused };
  return { kind: 'file', display, path, size: info.size, jsonl: JSONL_FILE.test(path) };
}

/** Options of {@link collectSources}. */
export interface CollectOptions {
  /** Follow links found in a folder to files outside it; off by default. */
  followSymlinks?: boolean;
}

/**
 * The sources named on an ingest command line, in order: files as given, directories
 * searched recursively for *.txt, *.html, *.htm, *.warc, *.warc.gz and *.jsonl (hidden files skipped, sorted by path), globs
 * expanded (quoted ones the shell left alone: `'pages/**\/*.txt'`), and `-` for standard
 * input. An argument that names nothing becomes a failure with its reason; it never stops
 * the others. A file named twice (`a.txt a.txt`) is read once. Files in `exclude`
 * (absolute paths: the archive's own failures log) are passed over when a folder or a
 * pattern finds them, and refused when named. Only regular files are read: a device, a named
 * pipe or a socket is refused with its reason (/dev/zero would never end). A link found in
 * a folder that leads out of it (a site dump's link to /etc/passwd) is not followed unless
 * `followSymlinks`, and said so; a link whose target is missing is said too (see
 * walk-folder.ts).
 */
export async function collectSources(
  args: readonly string[],
  cwd: string,
  exclude: ReadonlySet<string> = new Set(),
  options: CollectOptions = {},
): Promise<Source[]> {
  const out: Source[] = [];
  const seen = new Set<string>(exclude);
  const add = (source: FileSource | SourceFailure) => {
    if (source.kind === 'failure') {
      out.push(source);
      return;
    }
    if (seen.has(source.path)) return;
    seen.add(source.path);
    out.push(source);
  };
  for (const arg of args) {
    if (arg === '-') {
      out.push({ kind: 'stdin', display: '-' });
      continue;
    }
    const path = resolve(cwd, arg);
    try {
      const info = await stat(path);
      if (!info.isDirectory()) {
        if (exclude.has(path)) {
          out.push({ kind: 'failure', display: arg, reason: "is this archive's failures log" });
        } else {
          add(await fileSource(arg, path));
        }
        continue;
      }
      const found = await walkFolder(path, {
        wanted: (name) => PAGE_OR_LINES.test(name),
        followSymlinks: options.followSymlinks === true,
        display: arg,
      });
      if (found.length === 0) {
        out.push({
          kind: 'failure',
          display: arg,
          reason: 'no .txt, .html, .warc or .jsonl files in it',
        });
      }
      for (const entry of found) {
        const display = under(arg, entry.rel);
        if (entry.refused !== undefined) {
          out.push({ kind: 'failure', display, reason: entry.refused });
          continue;
        }
        try {
          add(await fileSource(display, entry.path));
        } catch (fileErr) {
          out.push({ kind: 'failure', display, reason: describeFsError(fileErr) });
        }
      }
    } catch (err) {
      const code = (err as NodeJS.ErrnoException)?.code;
      if (code !== 'ENOENT' || !isDynamicPattern(arg)) {
        out.push({ kind: 'failure', display: arg, reason: describeFsError(err) });
        continue;
      }
      // Not a path: a pattern. Matches are named relative to where the pattern points.
      const matches = (
        await glob(arg, { cwd, onlyFiles: true, absolute: true, expandDirectories: false })
      ).sort(byPath);
      if (matches.length === 0) {
        out.push({ kind: 'failure', display: arg, reason: 'no files match this pattern' });
      }
      for (const match of matches) {
        const display = isAbsolute(arg) ? match : relative(cwd, match);
        try {
          add(await fileSource(display, match));
        } catch (fileErr) {
          out.push({ kind: 'failure', display, reason: describeFsError(fileErr) });
        }
      }
    }
  }
  return out;
}
