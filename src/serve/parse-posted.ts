import { DecodeError } from '../decode/index.ts';
import { parse } from '../pipeline.ts';
import type { PageNode } from '../tree/types.ts';
import { HttpError } from './http-error.ts';
import { choice } from './params.ts';

/** Reading a posted page, for the routes that parse one (parse, ingest, compare). */

const INPUT_FORMATS = ['auto', 'text', 'html'] as const;

/** What a posted page is: `input-format` text or html when told, else told by content. */
export function inputFormat(query: URLSearchParams): 'text' | 'html' | undefined {
  const told = choice(query, 'input-format', INPUT_FORMATS);
  return told === 'auto' ? undefined : told;
}

/** Parses posted bytes; bytes that are not text are the client's mistake: a 400 (its
 * message starts with `what`, when given: which of several pages). */
export function parsePosted(
  bytes: Uint8Array,
  format: 'text' | 'html' | undefined,
  what = '',
): PageNode {
  try {
    return parse(bytes, format === undefined ? {} : { format });
  } catch (err) {
    if (err instanceof DecodeError) {
      throw new HttpError(
        400,
        'not-text',
        `${what}cannot decode as text at byte offset ${err.offset}: ${err.reason}`,
      );
    }
    throw err;
  }
}
