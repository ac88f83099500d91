/** How much of the input is looked at to tell HTML from text. */
const SNIFF_BYTES = 2048;

/** Leading comments, which saved pages often open with (<!-- saved from url=… -->). */
const COMMENTS = /^(?:<!--[\s\S]*?-->\s*)*/;

/** What only a whole HTML document opens with. */
const DOCUMENT_START = /^<(?:!doctype\s+html|html|head)[\s>/]/i;

/** Tags that open a page missing its <html> and <head>: likely HTML, not certain. */
const FRAGMENT_START = /^<(?:body|meta|title|link|base|style)[\s>/]/i;

/** The tags of an article's body, opening or closing, with their attributes. */
const BODY_TAG =
  /<\/?(?:p|div|span|h[1-6]|a|br|hr|img|article|section|main|header|footer|aside|nav|table|tbody|tr|td|th|ul|ol|li|dl|dt|dd|strong|em|b|i|u|font|figure|figcaption|blockquote|time|picture|source|center)(?:\s[^<>]*)?\/?>/gi;

/** The input opens with a body tag. */
const BODY_TAG_AT_START = new RegExp(`^${BODY_TAG.source}`, 'i');

/** Body tags a scraped fragment shows in its first 2 KB at least (a <div> with a headline
 * and two paragraphs has eight). */
const FRAGMENT_TAGS = 4;

/**
 * How sure the opening of the input makes it HTML: `document` when, after any BOM,
 * whitespace and comments, it opens with a doctype, <html> or <head>; `fragment` when it
 * opens with <body>, <meta>, <title> …; `markup` when it opens with a body tag (<div>,
 * <article>, <p>, <h1> …) and holds four or more in its first 2 KB, a piece of a page
 * scraped without its head; otherwise `no` (a text page that mentions <b> somewhere is
 * text). Read as Latin-1, which keeps the ASCII of any byte encoding.
 */
export function sniffHtml(input: Uint8Array | string): 'document' | 'fragment' | 'markup' | 'no' {
  const head =
    typeof input === 'string'
      ? input.slice(0, SNIFF_BYTES)
      : new TextDecoder('latin1').decode(input.subarray(0, SNIFF_BYTES));
  const trimmed = head
    .replace(/^(?:\ufeff|\u00ef\u00bb\u00bf)/, '')
    .trimStart()
    .replace(COMMENTS, '');
  if (DOCUMENT_START.test(trimmed)) return 'document';
  // Markup that wraps a whole page (<text id=… encoding=…><html>…): a tag first, and the
  // page's <html> or <head> within the first 2 KB.
  if (/^<[a-z!?]/i.test(trimmed) && /<(?:html|head)[\s>]/i.test(trimmed)) return 'document';
  if (FRAGMENT_START.test(trimmed)) return 'fragment';
  // A scraped piece of a page (<div>…<h1>…<p>…) with neither <html> nor <head>: it opens
  // with a body tag and goes on in markup. A text page that mentions <b> once is not one.
  if (/^<[a-z]/i.test(trimmed)) {
    const tags = trimmed.match(BODY_TAG)?.length ?? 0;
    if (BODY_TAG_AT_START.test(trimmed) && tags >= FRAGMENT_TAGS) return 'markup';
  }
  return 'no';
}

/** Whether the input opens like an HTML page at all (document or fragment). */
export function looksLikeHtml(input: Uint8Array | string): boolean {
  return sniffHtml(input) !== 'no';
}
