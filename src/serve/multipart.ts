import { badRequest } from './http-error.ts';

/** A page posted to the API: its bytes, and the file name a form gave with it. */
export interface PostedPage {
  bytes: Uint8Array;
  filename?: string;
}

/**
 * Just enough of multipart/form-data (RFC 7578) to take one file from a form: the parts are
 * found by their boundary, each part's headers read for its name, and the body of the part
 * named `field` returned byte for byte. Other parts are skipped. Whatever does not follow
 * the format is a 400, never an exception.
 */

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');
/** A boundary is 1–70 characters (RFC 2046); anything longer is not one. */
const MAX_BOUNDARY = 70;

/** The boundary parameter of a multipart Content-Type, quoted or not. */
export function boundaryOf(contentType: string): string {
  const m = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = m?.[1] ?? m?.[2];
  if (boundary === undefined || boundary.length > MAX_BOUNDARY) {
    throw badRequest('multipart/form-data without a valid boundary');
  }
  return boundary;
}

/** One part: its headers (names lower case) and its body. */
interface Part {
  headers: Map<string, string>;
  body: Buffer;
}

/** Splits a multipart body into its parts. */
export function splitParts(body: Buffer, boundary: string): Part[] {
  const delimiter = Buffer.from(`--${boundary}`);
  // The first delimiter may open the body or follow a preamble that ends in CRLF.
  let at = body.indexOf(delimiter);
  if (at < 0 || (at > 0 && body.indexOf(CRLF, at - 2) !== at - 2)) {
    throw badRequest('multipart body without its opening boundary');
  }
  const parts: Part[] = [];
  const next = Buffer.concat([CRLF, delimiter]);
  for (;;) {
    const afterDelimiter = at + delimiter.length;
    // `--` after a delimiter closes the body.
    if (body.subarray(afterDelimiter, afterDelimiter + 2).toString('latin1') === '--') break;
    if (body.indexOf(CRLF, afterDelimiter) !== afterDelimiter) {
      throw badRequest('multipart boundary not followed by a line end');
    }
    const headStart = afterDelimiter + 2;
    const headEnd = body.indexOf(HEADER_END, headStart);
    const end = body.indexOf(next, headStart);
    if (end < 0) throw badRequest('multipart body ends before its closing boundary');
    if (headEnd < 0 || headEnd > end) throw badRequest('multipart part without a header block');
    parts.push({
      headers: readHeaders(body.subarray(headStart, headEnd).toString('utf8')),
      body: body.subarray(headEnd + HEADER_END.length, end),
    });
    at = end + CRLF.length;
  }
  return parts;
}

function readHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  if (block === '') return headers;
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) throw badRequest(`malformed multipart header '${line.slice(0, 40)}'`);
    headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

/** A parameter of a Content-Disposition header: name="file" → file. */
function dispositionParam(disposition: string, param: string): string | undefined {
  const m = new RegExp(`;\\s*${param}="((?:[^"\\\\]|\\\\.)*)"|;\\s*${param}=([^;\\s]+)`, 'i').exec(
    disposition,
  );
  const value = m?.[1] ?? m?.[2];
  return value?.replace(/\\(.)/g, '$1');
}

/**
 * The pages posted in form fields `fields` of a multipart/form-data body (a file or a text
 * field alike); a field missing is a 400 naming it.
 */
export function readMultipartFields(
  body: Buffer,
  contentType: string,
  fields: readonly string[],
): Record<string, PostedPage> {
  const parts = splitParts(body, boundaryOf(contentType));
  const out: Record<string, PostedPage> = {};
  for (const part of parts) {
    const disposition = part.headers.get('content-disposition') ?? '';
    if (!/^form-data\b/i.test(disposition)) continue;
    const name = dispositionParam(disposition, 'name');
    if (name === undefined || !fields.includes(name) || out[name] !== undefined) continue;
    const filename = dispositionParam(disposition, 'filename');
    out[name] = filename === undefined ? { bytes: part.body } : { bytes: part.body, filename };
  }
  return out;
}

/** The file posted in form field `field` of a multipart/form-data body. */
export function readMultipartFile(body: Buffer, contentType: string, field: string): PostedPage {
  const parts = splitParts(body, boundaryOf(contentType));
  for (const part of parts) {
    const disposition = part.headers.get('content-disposition') ?? '';
    if (!/^form-data\b/i.test(disposition)) continue;
    if (dispositionParam(disposition, 'name') !== field) continue;
    const filename = dispositionParam(disposition, 'filename');
    return filename === undefined ? { bytes: part.body } : { bytes: part.body, filename };
  }
  throw badRequest(`the form has no '${field}' field`);
}
