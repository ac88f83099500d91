import type { StaticFile } from './static-files.ts';

/** What a handler answers: a status, headers and a body (JSON text, CSV, or a file). */
export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string | StaticFile;
}

/** A JSON reply; `no-store`, since the archive changes under the API. */
export function json(value: unknown, status = 200): Reply {
  return {
    status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
    },
    body: JSON.stringify(value),
  };
}
