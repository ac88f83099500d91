import { createReadStream, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { HttpError, notFound } from './http-error.ts';

/**
 * The built web UI (dist/web): files served as they are, with a content type by extension;
 * any other path without a file extension gets index.html, so the UI's own routes
 * (/article/12, /entity/PER:…) load on a reload or a shared link.
 */

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** A file to send: its stream, size and headers. */
export interface StaticFile {
  headers: Record<string, string>;
  size: number;
  /** Where it is and when it last changed: what its compressed copies are kept by. */
  path: string;
  mtimeMs: number;
  open(): Readable;
}

async function fileAt(path: string): Promise<Stats | undefined> {
  try {
    const s = await stat(path);
    return s.isFile() ? s : undefined;
  } catch {
    return undefined;
  }
}

function staticFile(path: string, stats: Stats, immutable: boolean): StaticFile {
  return {
    size: stats.size,
    path,
    mtimeMs: stats.mtimeMs,
    headers: {
      'content-type': TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream',
      'content-length': String(stats.size),
      // Vite names the files under assets/ by their content hash: they never change.
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    },
    open: () => createReadStream(path),
  };
}

/**
 * The file for a URL path under `root`, or index.html for a UI route. A path that leaves
 * the root, or names a missing file with an extension, is a 404; no index.html at all (the
 * UI was not built) is a 503 that says how to build it.
 */
export async function findStaticFile(root: string, urlPath: string): Promise<StaticFile> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    throw notFound(`no file at ${urlPath}`);
  }
  const base = resolve(root);
  const path = resolve(base, `.${decoded}`);
  const inside = path === base || path.startsWith(base + sep);
  if (!inside || decoded.includes('\0')) throw notFound(`no file at ${urlPath}`);
  if (!decoded.endsWith('/')) {
    const stats = await fileAt(path);
    if (stats !== undefined) {
      return staticFile(path, stats, decoded.startsWith('/assets/'));
    }
    if (extname(decoded) !== '') throw notFound(`no file at ${urlPath}`);
  }
  const index = join(base, 'index.html');
  const stats = await fileAt(index);
  if (stats === undefined) {
    throw new HttpError(
      503,
      'ui-not-built',
      `the web UI is not built (no ${index}): run 'npm run build' and start again`,
    );
  }
  return staticFile(index, stats, false);
}
