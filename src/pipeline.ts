import { type Decoded, decode } from './decode/index.ts';
import { parseHtml, sniffHtml } from './html/index.ts';
import { layout } from './layout/index.ts';
import { detectLineEnding, detectScript, normalizeText } from './normalize/index.ts';
import { structure } from './structure/index.ts';
import type { JieduFile } from './tree/file.ts';
import type { Diagnostic, Encoding, PageNode } from './tree/types.ts';

/** Options for {@link parse}. */
export interface ParseOptions {
  /** Where the input came from; named in errors and kept in `source.path`. */
  path?: string;
  /** Force an encoding instead of detecting it (byte input only). */
  encoding?: Encoding;
  /** Refuse a page with any byte that is not text in its encoding (byte input only); by
   * default a few such bytes are read as U+FFFD with a warning that gives their offset. */
  strict?: boolean;
  /**
   * What the input is: a raw text page, an HTML page, or `auto` (the default) to tell by its
   * content: a page that opens with a doctype, <html> or <head> is HTML, and so is a piece
   * of a page in markup (<div>…<h1>…<p>…, four body tags or more); one that opens with
   * <meta>, <title> or <body> is too, unless `path` ends in .txt.
   */
  format?: 'auto' | 'text' | 'html';
  /** HTML: the Content-Type header the page was served with (a WARC record's), for its charset. */
  contentType?: string;
  /** HTML: the address the page was fetched from (a WARC record's target URI). */
  url?: string;
  /** HTML: when the page was fetched (a WARC record's date), ISO 8601. */
  fetched?: string;
}

/** The warning for byte sequences read as U+FFFD, at the first of them in the text. */
function replacedMessage(text: string, decoded: Decoded): Diagnostic {
  const { count, offset } = decoded.replaced as { count: number; offset: number };
  const at = Math.max(0, text.indexOf('\ufffd'));
  const what = count === 1 ? 'a byte sequence that is not' : `${count} byte sequences that are not`;
  return {
    start: at,
    end: Math.min(text.length, at + 1),
    message: `${what} ${decoded.encoding} text, read as U+FFFD; the first at byte offset ${offset} (--strict refuses the page instead)`,
    rule: 'invalid-bytes-replaced',
    source: 'decode',
    severity: 'warning',
  };
}

/** Reads the input into the carrier: decode (bytes only) and normalize. */
export function readFile(input: string | Uint8Array, options: ParseOptions = {}): JieduFile {
  if (typeof input !== 'string' && !(input instanceof Uint8Array)) {
    throw new TypeError('parse: `input` must be a string or a Uint8Array');
  }
  const decoded: Decoded =
    typeof input === 'string'
      ? { text: input, encoding: 'utf-8' as const, confidence: 1, bom: false }
      : decode(input, options);
  const text = decoded.text;
  // A string is kept as given, so offsets index the caller's own string; a leading BOM
  // is then just a zero-width character that normalization drops.
  const bom = decoded.bom || (typeof input === 'string' && text.charCodeAt(0) === 0xfeff);
  return {
    text,
    source: {
      ...(options.path === undefined ? {} : { path: options.path }),
      encoding: decoded.encoding,
      confidence: decoded.confidence,
      bom,
      lineEnding: detectLineEnding(text),
      script: detectScript(text),
      bytes: typeof input === 'string' ? input.length * 2 : input.byteLength,
      chars: text.length,
    },
    normalized: normalizeText(text),
    messages: [
      ...(decoded.cutTail !== undefined
        ? [
            {
              start: text.length - 1,
              end: text.length,
              message: `the file ends inside a UTF-8 character (${decoded.cutTail} of its bytes): read as U+FFFD; the file looks truncated`,
              rule: 'utf8-cut-tail',
              source: 'decode' as const,
              severity: 'warning' as const,
            },
          ]
        : []),
      ...(decoded.replaced !== undefined ? [replacedMessage(text, decoded)] : []),
    ],
  };
}

/**
 * Whether to read the input as an HTML page: as told, or by its content. A whole document
 * (doctype, <html>, <head>) is HTML whatever its name; a page opening with <meta> or <body>
 * is HTML unless its name ends in .txt, which then has the last word.
 */
function isHtml(input: string | Uint8Array, options: ParseOptions): boolean {
  if (options.format === 'html') return true;
  if (options.format === 'text') return false;
  const sniffed = sniffHtml(input);
  // A whole document, or a page's body in markup, is HTML whatever the file is called.
  if (sniffed === 'document' || sniffed === 'markup') return true;
  return sniffed === 'fragment' && !/\.txt$/i.test(options.path ?? '');
}

/**
 * Parses a news page into the page tree. A raw text page (a string, or bytes in any
 * supported encoding) goes decode → normalize → layout → structure; an HTML page (told by
 * its content, see ParseOptions.format) goes through src/html: charset, main text and
 * metadata, one article. Never throws on content; throws DecodeError for input that is not
 * text and TypeError for a wrong argument.
 */
export function parse(input: string | Uint8Array, options: ParseOptions = {}): PageNode {
  if (typeof input !== 'string' && !(input instanceof Uint8Array)) {
    throw new TypeError('parse: `input` must be a string or a Uint8Array');
  }
  if (isHtml(input, options)) {
    // options.encoding names the bytes' encoding outright; the page's own charset is ignored.
    return parseHtml(input, {
      ...(options.path === undefined ? {} : { path: options.path }),
      ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
      ...(options.contentType === undefined ? {} : { contentType: options.contentType }),
      ...(options.url === undefined ? {} : { url: options.url }),
      ...(options.fetched === undefined ? {} : { fetched: options.fetched }),
    });
  }
  const file = readFile(input, options);
  return structure(layout(file), file);
}
