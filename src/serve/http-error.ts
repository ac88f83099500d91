/**
 * Errors the API answers with. Every non-2xx response is JSON of one shape,
 * `{ status, error, message }`: `error` a short code a client can branch on, `message` a
 * sentence for a person.
 */

/** An error with the HTTP status and code it is answered with. */
export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  /** Extra response headers, e.g. `Allow` for a 405. */
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    status: number,
    code: string,
    message: string,
    headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.code = code;
    this.headers = headers;
  }
}

/** The JSON body of an error response. */
export interface ErrorBody {
  status: number;
  error: string;
  message: string;
}

/** 400: the request cannot be read (a bad number, date, choice or query). */
export function badRequest(message: string): HttpError {
  return new HttpError(400, 'bad-request', message);
}

/** 404: no such route or record. */
export function notFound(message: string): HttpError {
  return new HttpError(404, 'not-found', message);
}
