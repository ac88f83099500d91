import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync } from 'node:zlib';

/**
 * Compression of what the server sends, for readers not on the same machine: JSON and CSV
 * answers, and the UI's scripts, styles and page (1.1 MB of the Traditional converter's
 * dictionary shrinks to a fraction). Fonts (WOFF2) and images are compressed already and go
 * as they are. Brotli when the client takes it, else gzip, else nothing.
 */

export type ContentEncoding = 'br' | 'gzip';

/** Bodies smaller than this are sent as they are: the headers would cost more. */
export const MIN_COMPRESSED = 1024;

/** Content types worth compressing: text of every kind, JSON, JavaScript, SVG. */
export function isCompressible(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const type = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  return (
    type.startsWith('text/') ||
    type === 'application/json' ||
    type === 'application/manifest+json' ||
    type === 'image/svg+xml'
  );
}

/**
 * The encoding to answer with, from an Accept-Encoding header: br when accepted, else gzip,
 * else none. A coding given `q=0` is refused; `*` stands for both.
 */
export function chooseEncoding(accept: string | undefined): ContentEncoding | null {
  if (accept === undefined || accept === '') return null;
  const taken = new Map<string, boolean>();
  for (const part of accept.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    let q = 1;
    for (const p of params) {
      const [key, value] = p.trim().split('=');
      if (key === 'q') q = Number(value);
    }
    if (name !== '') taken.set(name.trim(), Number.isFinite(q) && q > 0);
  }
  const wants = (name: string) => taken.get(name) ?? taken.get('*') ?? false;
  if (wants('br')) return 'br';
  if (wants('gzip')) return 'gzip';
  return null;
}

/** An API answer, compressed on the spot: a fast setting, since it is made for each request. */
export function compressBody(body: Buffer, encoding: ContentEncoding): Buffer {
  return encoding === 'br'
    ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } })
    : gzipSync(body, { level: 6 });
}

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Compressed UI files, by path, encoding and modification time; made once each, off the
 * request's critical path (zlib's thread pool), with a stronger setting than API answers. */
const cache = new Map<string, Promise<Buffer>>();
/** The UI is a few dozen compressible files; more entries than this means files changed. */
const CACHE_ENTRIES = 256;

/** The compressed bytes of a UI file, from the cache or made now. */
export function compressedFile(
  path: string,
  mtimeMs: number,
  encoding: ContentEncoding,
): Promise<Buffer> {
  const key = `${encoding}\0${mtimeMs}\0${path}`;
  let made = cache.get(key);
  if (made === undefined) {
    if (cache.size >= CACHE_ENTRIES) cache.clear();
    made = readFile(path).then((bytes) =>
      encoding === 'br'
        ? brotliAsync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } })
        : gzipAsync(bytes, { level: 9 }),
    );
    // A failure (the file went away) is not remembered: the next request tries again.
    made.catch(() => cache.delete(key));
    cache.set(key, made);
  }
  return made;
}
