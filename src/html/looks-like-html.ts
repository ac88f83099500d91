/** How much of the input is looked at to tell HTML from text. */
const SNIFF_BYTES = 2048;

/** Leading comments, which saved pages often open with (<!-- saved from url=… -->). */
const COMMENTS = /^(?:<!--[\s\S]*?-->\s*)*/;

/** What only a whole HTML document opens with. */
const DOCUMENT_START = /^<(?:!doctype\s+html|html|head)[\s>/]/i;

/** Tags that open a page missing its <html> and <head>: likely HTML, not certain. */
const FRAGMENT_START = /^<(?:body|meta|title|link|base|style)[\s>/]/i;

/**
 * How sure the opening of the input makes it HTML: `document` when, after any BOM,
 * whitespace and comments, it opens with a doctype, <html> or <head>; `fragment` when it
 * opens with <body>, <meta>, <title> …; otherwise `no` (a text page that mentions <b>
 * somewhere is text). Read as Latin-1, which keeps the ASCII of any byte encoding.
 */
export function sniffHtml(input: Uint8Array | string): 'document' | 'fragment' | 'no' {
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
  return FRAGMENT_START.test(trimmed) ? 'fragment' : 'no';
}

/** Whether the input opens like an HTML page at all (document or fragment). */
export function looksLikeHtml(input: Uint8Array | string): boolean {
  return sniffHtml(input) !== 'no';
}
