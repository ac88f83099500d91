import { createHash } from 'node:crypto';

/**
 * The hash a page is stored under (hex SHA-256 of its bytes, or of its text for one given
 * as text): what makes ingest idempotent, so `jiedu ingest` and the server's POST
 * /api/ingest must compute it alike. A module of its own, so the server can use it without
 * loading ingest's readers (warcio).
 */
export function contentHash(input: Uint8Array | string): string {
  return createHash('sha256').update(input).digest('hex');
}
