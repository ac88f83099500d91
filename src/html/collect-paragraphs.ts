import { type DomElement, type DomNode, ELEMENT_NODE, TEXT_NODE } from './dom.ts';

/** Elements that start a new paragraph: text on either side of them is not run together. */
const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BR',
  'CAPTION',
  'CENTER',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TBODY',
  'TD',
  'TH',
  'THEAD',
  'TFOOT',
  'TR',
  'UL',
]);

/** Elements whose text is never page text. */
const SKIPPED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'SVG',
  'CANVAS',
  'SELECT',
  'OPTION',
  'BUTTON',
  'TEXTAREA',
  'INPUT',
  'HEAD',
]);

/** A paragraph as a reader sees it, and whether it came from a heading element. */
export interface HtmlParagraph {
  text: string;
  heading: boolean;
  /** Share of its non-space characters inside links (0..1): near 1 for a link list. */
  linkShare?: number;
}

const HEADING = /^H[1-6]$/;

/** CJK ideographs and full-width punctuation: no space is needed between them. */
const CJK = '[\\u2e80-\\u9fff\\uf900-\\ufaff\\u3000-\\u303f\\uff00-\\uffef]';

/** A line break (with any spaces around it) between two CJK characters. */
const WRAP_BETWEEN_CJK = new RegExp(`(${CJK})[ \\t\\u00a0]*[\\r\\n][\\s\\u00a0]*(?=${CJK})`, 'g');

/**
 * Collapses the whitespace of markup text: a line break between two CJK characters is the
 * author's wrapping of the source and goes (中文⏎內容 is 中文內容); other runs of spaces,
 * tabs and line ends become one space (a full-width space stays one, 記者　王五), as a
 * browser shows them. Leading and trailing space (the 　　 indent of a paragraph) goes.
 */
export function collapseWhitespace(text: string): string {
  return text
    .replace(WRAP_BETWEEN_CJK, '$1')
    .replace(/[\s\u00a0]+/g, (run) => (run.includes('\u3000') ? '\u3000' : ' '))
    .replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
}

/**
 * The paragraphs of an element in reading order: every block element and `<br>` ends one,
 * inline elements (links, emphasis, spans) run on. Empty paragraphs are dropped.
 */
export function collectParagraphs(root: DomElement | DomNode | null): HtmlParagraph[] {
  if (root === null) return [];
  const out: HtmlParagraph[] = [];
  let buffer = '';
  let inHeading = 0;
  let inLink = 0;
  let linkChars = 0;
  let bufferHeading = false;
  const flush = () => {
    const text = collapseWhitespace(buffer);
    if (text !== '') {
      const chars = text.replace(/[\s\u3000]/g, '').length;
      out.push({
        text,
        heading: bufferHeading,
        linkShare: chars === 0 ? 0 : Math.min(1, linkChars / chars),
      });
    }
    buffer = '';
    linkChars = 0;
    bufferHeading = false;
  };
  // Walked with an explicit stack, not recursion: a page nested tens of thousands deep
  // would overflow the call stack. An element leaves an exit entry below its children.
  const stack: { node: DomNode; exit: boolean; block: boolean; heading: boolean; link: boolean }[] =
    [{ node: root as DomNode, exit: false, block: false, heading: false, link: false }];
  while (stack.length > 0) {
    const entry = stack.pop() as (typeof stack)[number];
    if (entry.exit) {
      if (entry.heading) inHeading--;
      if (entry.link) inLink--;
      if (entry.block) flush();
      continue;
    }
    const node = entry.node;
    if (node.nodeType === TEXT_NODE) {
      const text = node.textContent ?? '';
      buffer += text;
      if (inLink > 0) linkChars += text.replace(/[\s\u3000\u00a0]/g, '').length;
      if (inHeading > 0) bufferHeading = true;
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const tag = node.nodeName.toUpperCase();
    if (SKIPPED_TAGS.has(tag)) continue;
    const block = BLOCK_TAGS.has(tag);
    if (block) flush();
    const heading = HEADING.test(tag);
    const link = tag === 'A';
    if (heading) inHeading++;
    if (link) inLink++;
    stack.push({ node, exit: true, block, heading, link });
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) {
      stack.push({
        node: children[i] as DomNode,
        exit: false,
        block: false,
        heading: false,
        link: false,
      });
    }
  }
  flush();
  return out;
}
