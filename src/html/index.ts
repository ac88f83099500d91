import { DecodeError } from '../decode/index.ts';
import type { Diagnostic, Encoding, PageNode } from '../tree/types.ts';
import { buildPage } from './build-page.ts';
import { type DecodedHtml, decodeHtml } from './decode-html.ts';
import { extractArticle } from './extract-article.ts';

export { collapseWhitespace } from './collect-paragraphs.ts';
export { type DecodedHtml, decodeHtml } from './decode-html.ts';
export { extractArticle, type HtmlArticle } from './extract-article.ts';
export { looksLikeHtml, sniffHtml } from './looks-like-html.ts';
export { findDates, formatIso, parseDate } from './normalize-date.ts';
export { readCredits, readPublisher, readSourceOutlet } from './read-credits.ts';

/** Options for {@link parseHtml}. */
export interface ParseHtmlOptions {
  /** Where the page came from; named in errors and kept in `source.path`. */
  path?: string;
  /** The HTTP Content-Type the page was served with, for its charset. */
  contentType?: string;
  /** Decode as this encoding, whatever the page declares. */
  encoding?: Encoding;
  /** The address the page was fetched from (a WARC record's target URI). */
  url?: string;
  /** When it was fetched (a WARC record's date), ISO 8601. */
  fetched?: string;
}

/** A warning about how the page's bytes as a whole were decoded (its charset). */
function decodeWarning(message: string): Diagnostic {
  return { message, rule: 'decode-html', source: 'decode', severity: 'warning', start: 0, end: 0 };
}

/** Element nesting past which a page is refused before it is parsed. */
export const MAX_NESTING = 20_000;

/** Elements whose end tag may be left out, and void elements: they do not nest when unclosed. */
const NOT_NESTING = new Set(
  'p li td th tr dt dd option optgroup tbody thead tfoot colgroup caption rb rt rp br hr img input meta link area base col embed param source track wbr'.split(
    ' ',
  ),
);

/**
 * Where the markup's open elements first nest deeper than `limit`, counting start and end
 * tags in one pass (elements that may stay unclosed not counted); -1 when they never do.
 * An estimate made before parsing, linear in the markup.
 */
export function nestingPast(html: string, limit: number): number {
  let depth = 0;
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(\/?)>/g)) {
    const name = (m[2] as string).toLowerCase();
    if (NOT_NESTING.has(name) || m[3] === '/') continue;
    if (m[1] === '/') {
      if (depth > 0) depth--;
    } else if (++depth > limit) {
      return m.index ?? 0;
    }
  }
  return -1;
}

/**
 * Parses an HTML news page (bytes in any charset, or a string) into the page tree: decode
 * (BOM, HTTP header, <meta charset>, checked against the bytes) → extract the article (main
 * text and metadata) → one article whose text is the headline and paragraphs. A page with
 * no text gives a page with no articles. Throws DecodeError for bytes that are not a page.
 */
export function parseHtml(input: Uint8Array | string, options: ParseHtmlOptions = {}): PageNode {
  const diagnostics: Diagnostic[] = [];
  const decoded: DecodedHtml =
    typeof input === 'string'
      ? {
          html: input,
          encoding: 'utf-8',
          confidence: 1,
          bom: false,
          overruled: false,
          replaced: 0,
        }
      : decodeHtml(input, options);
  const declared = decoded.declared;
  if (decoded.overruled) {
    diagnostics.push(
      decodeWarning(
        `the page declares charset ${declared} but its bytes read as ${decoded.encoding}`,
      ),
    );
  }
  if (decoded.replaced > 0) {
    diagnostics.push(
      decodeWarning(
        `${decoded.replaced} byte sequences are not ${decoded.encoding} and were replaced by U+FFFD`,
      ),
    );
  }
  const tooDeep = nestingPast(decoded.html, MAX_NESTING);
  if (tooDeep >= 0) {
    throw new DecodeError(
      options.path,
      Buffer.byteLength(decoded.html.slice(0, tooDeep)),
      `HTML nested more than ${MAX_NESTING} elements deep here: not read (no page nests so deep; the parser would take minutes)`,
    );
  }
  const article = extractArticle(
    decoded.html,
    options.url === undefined ? {} : { url: options.url },
  );
  if (article.extractor === 'densest-block') {
    diagnostics.push({
      message: 'Readability found little or no text; the densest text block was taken instead',
      rule: 'find-densest-block',
      source: 'structure',
      severity: 'info',
      start: 0,
      end: 0,
    });
  }
  return buildPage(
    article,
    {
      ...(options.path === undefined ? {} : { path: options.path }),
      encoding: decoded.encoding,
      confidence: decoded.confidence,
      bom: decoded.bom,
      bytes: typeof input === 'string' ? input.length * 2 : input.byteLength,
      ...(declared === undefined ? {} : { declaredCharset: declared }),
      ...(options.url === undefined ? {} : { url: options.url }),
      ...(options.fetched === undefined ? {} : { fetched: options.fetched }),
    },
    diagnostics,
  );
}
