import { WARCParser } from 'warcio';

/** A WARC file that cannot be read on: names the file and the offset of the bad record. */
export class WarcError extends Error {
  override name = 'WarcError';
  constructor(
    readonly path: string | undefined,
    /** Byte offset of the record in the file (in the compressed file for .warc.gz). */
    readonly offset: number,
    readonly reason: string,
  ) {
    super(`${path ?? '<input>'}: bad WARC record at byte offset ${offset}: ${reason}`);
  }
}

/** An HTML page a WARC record holds, with what the record says about it. */
export interface WarcPage {
  kind: 'page';
  /** Offset of the record in the file (compressed offset for .warc.gz). */
  offset: number;
  /** WARC-Target-URI. */
  url?: string;
  /** WARC-Date, as the record gives it (ISO 8601). */
  date?: string;
  /** The HTTP Content-Type of the response, for its charset. */
  contentType?: string;
  /** The HTTP body, transfer and content encodings undone. */
  payload: Uint8Array;
}

/** A record that holds no HTML page (warcinfo, request, an image, a redirect…). */
export interface WarcSkipped {
  kind: 'skipped';
  offset: number;
  reason: string;
}

/** An HTML record larger than the caller's budget: passed over unread, never inflated into memory. */
export interface WarcOversize {
  kind: 'oversize';
  offset: number;
  /** The record's declared Content-Length. */
  bytes: number;
}

export type WarcEntry = WarcPage | WarcSkipped | WarcOversize;

/** Budgets of {@link readWarc}: what decompression may cost. */
export interface WarcBudget {
  /** An HTML record declaring more bytes than this is passed over (streamed past, not
   * held): `oversize`. None by default. */
  maxRecordBytes?: number;
  /** The records of one file declaring more bytes than this in all end it with a WarcError
   * (a small .warc.gz that inflates to gigabytes). None by default. */
  maxFileBytes?: number;
}

/** Media types of web pages. */
const HTML_TYPE = /^\s*(?:text\/html|application\/xhtml\+xml)\b/i;

/** The head of a payload that opens like HTML, for records that give no Content-Type. */
const HTML_OPENING = /^\s*<(?:!doctype\s+html|html|head)[\s>]/i;

function looksLikeHtmlPayload(payload: Uint8Array): boolean {
  return HTML_OPENING.test(new TextDecoder('latin1').decode(payload.subarray(0, 512)));
}

/** Why a record is not a page, or undefined when it may be one (judged before reading it). */
function skipReason(
  type: string,
  status: number | undefined,
  contentType: string,
): string | undefined {
  if (type !== 'response' && type !== 'resource') return `a ${type} record`;
  if (status !== undefined && (status < 200 || status >= 300)) return `HTTP status ${status}`;
  if (contentType !== '' && !HTML_TYPE.test(contentType)) return `not HTML (${contentType})`;
  return undefined;
}

const MIB = 1024 * 1024;

/**
 * The budgets jiedu reads a WARC file of `fileBytes` with (ingest and parse alike): an HTML
 * record over `maxRecordBytes` (20 MiB by default, ingest's --max-size) is streamed past,
 * never held; the records may declare 512 MiB in all, or twenty times the file's own size
 * when that is more (a plain .warc declares about its size, a .warc.gz of web pages five to
 * ten times its size). A 2 KB .warc.gz whose records claim a gigabyte stops at the record
 * that claims it, before inflating it.
 */
export function warcBudget(fileBytes: number, maxRecordBytes = 20 * MIB): WarcBudget {
  return { maxRecordBytes, maxFileBytes: Math.max(512 * MIB, 20 * fileBytes) };
}

/**
 * Bytes of a record's block that its Content-Length promised and the stream did not hold,
 * once the record is read: what warcio's length-limited reader of the block has left. 0 when
 * warcio does not say (its reader is internal; a version without it checks nothing).
 */
function bytesMissing(record: object): number {
  const left = (record as { _reader?: { limit?: unknown } })._reader?.limit;
  return typeof left === 'number' && left > 0 ? left : 0;
}

/**
 * Reads a WARC or WARC.gz stream record by record with warcio, never holding more than one
 * record: yields each HTML response (and HTML resource record) with its target URI, date and
 * Content-Type, and a skip for every other record. Throws WarcError naming `path` and the
 * record's offset when the stream is not valid WARC from some record on.
 */
export async function* readWarc(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  path?: string,
  budget: WarcBudget = {},
): AsyncGenerator<WarcEntry> {
  let declaredTotal = 0;
  let total = 0;
  const counted = (async function* () {
    for await (const chunk of source) {
      total += chunk.byteLength;
      yield chunk;
    }
  })();
  const parser = new WARCParser(counted);
  let offset = 0;
  for (;;) {
    let record: Awaited<ReturnType<WARCParser['parse']>>;
    try {
      record = await parser.parse();
    } catch (err) {
      throw new WarcError(path, offset, err instanceof Error ? err.message : String(err));
    }
    if (record === null) {
      // warcio stops quietly at a gzip member it cannot inflate (a truncated or corrupt
      // .warc.gz): bytes left over after the last record it read mean the file is damaged.
      if (parser.offset < total) {
        throw new WarcError(
          path,
          parser.offset,
          `unreadable data from here on (${total - parser.offset} bytes)`,
        );
      }
      return;
    }
    offset = parser.offset;
    const version = record.warcHeaders.protocol;
    if (!/^WARC\/1\.[01]$/.test(version ?? '')) {
      throw new WarcError(path, offset, `not a WARC record header (${JSON.stringify(version)})`);
    }
    const type = record.warcType ?? 'unknown';
    const info = type === 'response' ? record.getResponseInfo() : null;
    const status = info?.status === undefined ? undefined : Number(info.status);
    const contentType =
      (type === 'response'
        ? record.httpHeaders?.headers.get('content-type')
        : record.warcContentType) ?? '';
    const reason = skipReason(type, Number.isNaN(status) ? undefined : status, contentType);
    // What the record says it holds, against the budgets, before anything is inflated.
    const declared = Number(record.warcHeaders.headers.get('Content-Length') ?? 0) || 0;
    declaredTotal += declared;
    if (budget.maxFileBytes !== undefined && declaredTotal > budget.maxFileBytes) {
      throw new WarcError(
        path,
        offset,
        `the file's records declare more than ${budget.maxFileBytes} bytes in all: not read on`,
      );
    }
    if (
      reason === undefined &&
      budget.maxRecordBytes !== undefined &&
      declared > budget.maxRecordBytes
    ) {
      try {
        await record.skipFully();
      } catch (err) {
        throw new WarcError(path, offset, err instanceof Error ? err.message : String(err));
      }
      yield { kind: 'oversize', offset: parser.offset, bytes: declared };
      continue;
    }
    let payload: Uint8Array;
    try {
      if (reason !== undefined) {
        await record.skipFully();
      }
      payload = reason !== undefined ? new Uint8Array(0) : await record.readFully(true);
    } catch (err) {
      throw new WarcError(path, offset, err instanceof Error ? err.message : String(err));
    }
    // A record cut short (a plain .warc truncated inside it: a crawler's size limit, a broken
    // download) ends the file before its Content-Length: refused, never stored in part.
    const missing = bytesMissing(record);
    if (missing > 0) {
      throw new WarcError(
        path,
        offset,
        `record cut short: the file ends ${missing} bytes before its Content-Length`,
      );
    }
    // In a .warc.gz, warcio settles a record's offset only once the record has been read.
    offset = parser.offset;
    if (reason !== undefined) {
      yield { kind: 'skipped', offset, reason };
      continue;
    }
    if (contentType === '' && !looksLikeHtmlPayload(payload)) {
      yield { kind: 'skipped', offset, reason: 'no Content-Type and not HTML' };
      continue;
    }
    const url = record.warcTargetURI ?? undefined;
    const date = record.warcDate ?? undefined;
    yield {
      kind: 'page',
      offset,
      ...(url === undefined || url === null ? {} : { url }),
      ...(date === undefined || date === null ? {} : { date }),
      ...(contentType === '' ? {} : { contentType }),
      payload,
    };
  }
}
