import type { IncomingMessage } from 'node:http';
import { badRequest, HttpError } from './http-error.ts';
import { type PostedPage, readMultipartFields, readMultipartFile } from './multipart.ts';

/** Largest request body /api/parse and /api/ingest take: 2 MiB. */
export const MAX_BODY = 2 * 1024 * 1024;

export type { PostedPage } from './multipart.ts';

function tooLarge(limit: number, hint: string): HttpError {
  return new HttpError(413, 'payload-too-large', `the body is larger than ${limit} bytes${hint}`);
}

/**
 * Reads a request body into memory, at most `limit` bytes. A Content-Length over the limit
 * is refused before anything is read; a body that grows past it while arriving is refused
 * as soon as it does (the rest is discarded by the server, which closes the connection).
 */
async function readBody(req: IncomingMessage, limit: number, hint: string): Promise<Buffer> {
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > limit) throw tooLarge(limit, hint);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) throw tooLarge(limit, hint);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks, size);
}

/** The media type of a Content-Type header, lower case, without its parameters. */
function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** Body types that are the page itself. */
const RAW_TYPES = new Set(['', 'text/plain', 'application/octet-stream', 'text/html']);

/**
 * The page a parse or ingest request posted: the raw body (text/plain,
 * application/octet-stream, or no type; any supported encoding), or the `file` field of a
 * multipart/form-data form. Anything else is a 415; an empty page a 400; a body over `limit`
 * bytes a 413 (its message ends with `hint`).
 */
export async function readPostedPage(
  req: IncomingMessage,
  limit: number = MAX_BODY,
  hint = '',
): Promise<PostedPage> {
  const type = mediaType(req.headers['content-type']);
  if (type !== 'multipart/form-data' && !RAW_TYPES.has(type)) {
    throw new HttpError(
      415,
      'unsupported-media-type',
      `cannot read a body of type '${type}': send the page as text/plain, application/octet-stream or multipart/form-data`,
    );
  }
  const body = await readBody(req, limit, hint);
  const page: PostedPage =
    type === 'multipart/form-data'
      ? readMultipartFile(body, req.headers['content-type'] ?? '', 'file')
      : { bytes: body };
  if (page.bytes.byteLength === 0) throw badRequest('the page is empty');
  return page;
}

/**
 * The pages a form posted in its fields `fields` (files or text fields): the body must be
 * multipart/form-data (else a 415), at most `limit` bytes (a 413). A field left out is
 * absent from the result; a field posted empty is a 400 naming it.
 */
export async function readPostedForm(
  req: IncomingMessage,
  fields: readonly string[],
  limit: number = MAX_BODY,
  hint = '',
): Promise<Record<string, PostedPage>> {
  const type = mediaType(req.headers['content-type']);
  if (type !== 'multipart/form-data') {
    throw new HttpError(
      415,
      'unsupported-media-type',
      `cannot read a body of type '${type}': send multipart/form-data with the fields ${fields.join(' and ')}`,
    );
  }
  const body = await readBody(req, limit, hint);
  const form = readMultipartFields(body, req.headers['content-type'] ?? '', fields);
  for (const [name, page] of Object.entries(form)) {
    if (page.bytes.byteLength === 0) throw badRequest(`the form's '${name}' field is empty`);
  }
  return form;
}
