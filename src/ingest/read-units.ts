import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { type Decoded, DecodeError, decode } from '../decode/index.ts';
import { LONE_SURROGATE } from '../text/chars.ts';
import { isWarcFile, readWarc, WarcError, warcBudget } from '../warc/index.ts';
import type { FileSource, Source } from './collect-sources.ts';
import { contentHash } from './content-hash.ts';
import { dateFromPath, readDate } from './date-from-path.ts';
import { describeFsError } from './describe-fs-error.ts';
import { type Line, readLines } from './read-lines.ts';
import type { WebRecordInfo } from './types.ts';

/** What the input says about a page besides its text. */
export interface UnitMeta {
  url?: string;
  date?: string;
  outlet?: string;
  externalId?: string;
}

/** One page read from the inputs, hashed, not yet parsed. */
export interface PageUnit {
  kind: 'page';
  /** A path, `-`, or `file.jsonl:LINE`. */
  source: string;
  /** File bytes, or the text of a JSONL line. */
  input: Uint8Array | string;
  /** SHA-256 (hex) of the file bytes, or of the UTF-8 bytes of the line's text. */
  hash: string;
  /** Size of the input in bytes (the text's UTF-8 bytes for a JSONL line). */
  bytes: number;
  /** Bytes of the input files this unit accounts for: for progress. */
  consumed: number;
  meta: UnitMeta;
  /** For an HTML response out of a WARC file: what its record says. */
  web?: WebRecordInfo;
  /** What reading it had to repair before parsing (a JSON line's bytes read as U+FFFD). */
  warnings?: string[];
}

/** Something that could not become a page, with the reason. */
export interface FailedUnit {
  kind: 'failure';
  source: string;
  reason: string;
  consumed: number;
}

/** Bytes that hold no page (blank JSONL lines): counted for progress only. */
export interface SkippedBytes {
  kind: 'skip';
  consumed: number;
}

export type Unit = PageUnit | FailedUnit | SkippedBytes;

/** How {@link readUnits} reads. */
export interface ReadOptions {
  /** Largest page accepted, in bytes. */
  maxBytes: number;
  /** Take the page date from a date in the path (2024/03/15/a.txt). */
  dateFromPath: boolean;
  /** Standard input, asked for only when `-` is among the inputs. */
  stdin: () => AsyncIterable<Uint8Array | string>;
  /** Refuse a JSON line with any byte that is not UTF-8 (else a few become U+FFFD). */
  strict?: boolean;
}

/** 1 MB as --max-size counts it. */
export const MB = 1024 * 1024;

/** `20 MB`, `0.5 MB`: a byte count the way --max-size is given. */
export function formatMb(bytes: number): string {
  const mb = bytes / MB;
  return `${mb >= 10 ? mb.toFixed(0) : Number(mb.toPrecision(2))} MB`;
}

/** Why a page over --max-size is not read; `bytes` null when the size is not known (standard
 * input, read until it passed the limit). */
export const tooLarge = (bytes: number | null, max: number) =>
  `larger than --max-size (${bytes === null ? '' : `${formatMb(bytes)} `}> ${formatMb(max)})`;

/** Where a page of `source` gets its date when the input does not say. */
function pathDate(path: string, options: ReadOptions): UnitMeta {
  if (!options.dateFromPath) return {};
  const date = dateFromPath(path);
  return date === undefined ? {} : { date };
}

/** UTF-8 that throws on the first bad sequence (and leaves a byte-order mark in place). */

/** One JSONL line as a page, or the reason it is not one; null for a blank line. */
function lineUnit(
  line: Line,
  prefix: string,
  fallback: UnitMeta,
  options: ReadOptions,
): Unit | null {
  const source = `${prefix}:${line.number}`;
  const fail = (reason: string): FailedUnit => ({
    kind: 'failure',
    source,
    reason,
    consumed: line.size,
  });
  if (line.bytes === null) return fail(tooLarge(line.size, options.maxBytes));
  // JSON Lines are UTF-8. A line with a byte or two that is not is read as a text file is:
  // those bytes as U+FFFD, said in a warning; more, or any with --strict, refuse the line.
  // The decoder's own policy (decode-bytes.ts): how many bad sequences a text may hold.
  let decoded: Decoded;
  try {
    decoded = decode(line.bytes, { encoding: 'utf-8', strict: options.strict === true });
  } catch (err) {
    if (!(err instanceof DecodeError)) throw err;
    const why = /^invalid/.test(err.reason) ? 'not valid UTF-8' : err.reason;
    return fail(`${why} at byte ${err.offset} of the line: JSON Lines must be UTF-8`);
  }
  const warnings: string[] = [];
  if (decoded.replaced !== undefined) {
    const { count, offset } = decoded.replaced;
    const what =
      count === 1 ? 'a byte sequence that is not' : `${count} byte sequences that are not`;
    warnings.push(
      `${what} UTF-8, read as U+FFFD; the first at byte ${offset} of the line (--strict refuses the line instead)`,
    );
  }
  // A byte-order mark may open the first line of a file saved by a Windows editor.
  const json = decoded.text.replace(/^\uFEFF/, '');
  if (json.trim() === '') return null;
  let record: unknown;
  try {
    record = JSON.parse(json);
  } catch (err) {
    return fail(`invalid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return fail('not a JSON object: expected {"text": "…"} with optional url, date, outlet, id');
  }
  const fields = record as Record<string, unknown>;
  // {"html": "…"} is a web page: its main text and metadata are extracted like a file's.
  const isHtml = fields.text === undefined && typeof fields.html === 'string';
  const text = isHtml ? fields.html : fields.text;
  if (typeof text !== 'string') return fail('no "text" or "html" field (a string) in this line');
  // \ud800 written as an escape is valid JSON but no character: not text either.
  const lone = LONE_SURROGATE.exec(text);
  if (lone !== null) {
    return fail(
      `the text holds a lone surrogate (\\u${lone[0].charCodeAt(0).toString(16)}) at character ${lone.index}: not text`,
    );
  }
  const bytes = Buffer.byteLength(text, 'utf8');
  if (text.trim() === '') return fail('empty: no text on the page');
  if (bytes > options.maxBytes) return fail(tooLarge(bytes, options.maxBytes));
  const meta: UnitMeta = { ...fallback };
  for (const key of ['url', 'outlet'] as const) {
    const value = fields[key];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') return fail(`"${key}" must be a string`);
    if (value !== '') meta[key] = value;
  }
  const id = fields.id;
  if (typeof id === 'string' || typeof id === 'number') meta.externalId = String(id);
  else if (id !== undefined && id !== null) return fail('"id" must be a string or a number');
  if (fields.date !== undefined && fields.date !== null) {
    const date = typeof fields.date === 'string' ? readDate(fields.date) : undefined;
    if (date === undefined) {
      return fail(`"date" must be YYYY-MM-DD, not ${JSON.stringify(fields.date)}`);
    }
    meta.date = date;
  }
  return {
    ...(warnings.length === 0 ? {} : { warnings }),
    kind: 'page',
    source,
    input: text,
    hash: contentHash(text),
    bytes,
    consumed: line.size,
    meta,
    ...(isHtml ? { web: meta.url === undefined ? {} : { url: meta.url } } : {}),
  };
}

/** The pages of a stream of JSON Lines; blank lines are skipped. */
async function* jsonlUnits(
  chunks: AsyncIterable<Uint8Array | string>,
  prefix: string,
  fallback: UnitMeta,
  options: ReadOptions,
): AsyncGenerator<Unit> {
  // JSON escapes can take twice the bytes of the text they stand for (中 → \u4e2d).
  const maxLine = options.maxBytes * 2 + 64 * 1024;
  for await (const line of readLines(chunks, maxLine)) {
    yield lineUnit(line, prefix, fallback, options) ?? { kind: 'skip', consumed: line.size };
  }
}

/** A whole page file (or stdin) as one unit. */
function pageUnit(source: string, bytes: Uint8Array, meta: UnitMeta, options: ReadOptions): Unit {
  const consumed = bytes.byteLength;
  if (bytes.byteLength === 0) return { kind: 'failure', source, reason: 'empty file', consumed };
  if (bytes.byteLength > options.maxBytes) {
    return {
      kind: 'failure',
      source,
      reason: tooLarge(bytes.byteLength, options.maxBytes),
      consumed,
    };
  }
  return {
    kind: 'page',
    source,
    input: bytes,
    hash: contentHash(bytes),
    bytes: consumed,
    consumed,
    meta,
  };
}

/**
 * The pages of a WARC or WARC.gz file, streamed record by record: one unit per HTML
 * response, named `file@offset` after the record's byte offset, its hash that of the HTTP
 * body (the same page crawled twice is stored once), with the record's target URI, date and
 * Content-Type. --max-size applies to each page, not to the file. A bad record ends the
 * file with a failure naming its offset; the pages before it are kept.
 */
async function* warcUnits(file: FileSource, options: ReadOptions): AsyncGenerator<Unit> {
  let counted = 0;
  const upTo = (offset: number) => {
    const consumed = Math.max(0, offset - counted);
    counted = Math.max(counted, offset);
    return consumed;
  };
  try {
    const stream = createReadStream(file.path, { highWaterMark: MB });
    const budget = warcBudget(file.size, options.maxBytes);
    for await (const entry of readWarc(stream, file.display, budget)) {
      const consumed = upTo(entry.offset);
      if (entry.kind === 'skipped') {
        yield { kind: 'skip', consumed };
        continue;
      }
      const source = `${file.display}@${entry.offset}`;
      if (entry.kind === 'oversize') {
        yield {
          kind: 'failure',
          source,
          reason: tooLarge(entry.bytes, options.maxBytes),
          consumed,
        };
        continue;
      }
      const bytes = entry.payload.byteLength;
      if (bytes === 0) {
        yield { kind: 'failure', source, reason: 'empty response', consumed };
        continue;
      }
      if (bytes > options.maxBytes) {
        yield { kind: 'failure', source, reason: tooLarge(bytes, options.maxBytes), consumed };
        continue;
      }
      const web: WebRecordInfo = {
        ...(entry.url === undefined ? {} : { url: entry.url }),
        ...(entry.date === undefined ? {} : { fetched: entry.date }),
        ...(entry.contentType === undefined ? {} : { contentType: entry.contentType }),
      };
      yield {
        kind: 'page',
        source,
        input: entry.payload,
        hash: contentHash(entry.payload),
        bytes,
        consumed,
        meta: entry.url === undefined ? {} : { url: entry.url },
        web,
      };
    }
    yield { kind: 'skip', consumed: upTo(file.size) };
  } catch (err) {
    const reason =
      err instanceof WarcError
        ? `bad WARC record at byte offset ${err.offset}: ${err.reason}`
        : describeFsError(err);
    yield { kind: 'failure', source: file.display, reason, consumed: upTo(file.size) };
  }
}

async function* fileUnits(file: FileSource, options: ReadOptions): AsyncGenerator<Unit> {
  const meta = pathDate(file.display, options);
  // An unreadable file is not taken for WARC: the read that follows reports its error.
  if (!file.jsonl && (await isWarcFile(file.path).catch(() => false))) {
    yield* warcUnits(file, options);
    return;
  }
  if (file.jsonl) {
    try {
      yield* jsonlUnits(
        createReadStream(file.path, { highWaterMark: MB }),
        file.display,
        meta,
        options,
      );
    } catch (err) {
      yield { kind: 'failure', source: file.display, reason: describeFsError(err), consumed: 0 };
    }
    return;
  }
  // The size is checked before reading: a 2 GB file is refused without loading it.
  if (file.size > options.maxBytes) {
    yield {
      kind: 'failure',
      source: file.display,
      reason: tooLarge(file.size, options.maxBytes),
      consumed: file.size,
    };
    return;
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file.path);
  } catch (err) {
    yield {
      kind: 'failure',
      source: file.display,
      reason: describeFsError(err),
      consumed: file.size,
    };
    return;
  }
  yield pageUnit(file.display, bytes, meta, options);
}

/**
 * Standard input: JSON Lines when its first non-blank character opens a JSON object (a
 * news page never starts with `{`), else one page, read up to --max-size and refused
 * beyond it (the rest is drained, not kept).
 */
async function* stdinUnits(options: ReadOptions): AsyncGenerator<Unit> {
  const iterator = options.stdin()[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let first: number | undefined;
  let ended = false;
  while (first === undefined) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    const chunk =
      typeof next.value === 'string' ? Buffer.from(next.value) : Buffer.from(next.value);
    head.push(chunk);
    const text = chunk.toString('latin1');
    const at = text.search(/[^\s\uFEFF\u00EF\u00BB\u00BF]/);
    if (at !== -1) first = chunk[at];
  }
  const rest: AsyncIterable<Uint8Array | string> = {
    async *[Symbol.asyncIterator]() {
      yield* head;
      if (ended) return;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        yield next.value;
      }
    },
  };
  if (first === 0x7b) {
    yield* jsonlUnits(rest, '-', {}, options);
    return;
  }
  const parts: Buffer[] = [];
  let length = 0;
  for await (const chunk of rest) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk);
    length += buffer.length;
    if (length <= options.maxBytes) parts.push(buffer);
  }
  if (length > options.maxBytes) {
    yield {
      kind: 'failure',
      source: '-',
      reason: tooLarge(length, options.maxBytes),
      consumed: length,
    };
    return;
  }
  yield pageUnit('-', Buffer.concat(parts, length), {}, options);
}

/**
 * The pages of the inputs, in order: one per page file, one per JSONL line, stdin as a
 * page or as JSON Lines. Everything that cannot become a page (an argument naming nothing,
 * an empty or oversized file, a bad JSONL line) comes as a failure with its reason, in its
 * turn; reading goes on.
 */
export async function* readUnits(
  sources: readonly Source[],
  options: ReadOptions,
): AsyncGenerator<Unit> {
  for (const source of sources) {
    if (source.kind === 'failure') {
      yield { kind: 'failure', source: source.display, reason: source.reason, consumed: 0 };
    } else if (source.kind === 'stdin') {
      yield* stdinUnits(options);
    } else {
      yield* fileUnits(source, options);
    }
  }
}
