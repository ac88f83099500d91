import { createRequire } from 'node:module';
import type { Readability as ReadabilityClass } from '@mozilla/readability';
import type { parseHTML as ParseHtml } from 'linkedom';

/*
 * The edge between jiedu and its DOM libraries: linkedom parses markup, @mozilla/readability
 * finds the main text. The rest of src/html sees only the small interfaces below, so either
 * library can be swapped without touching the passes.
 */

/** The part of a DOM node the passes use. */
export interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  parentNode: DomNode | null;
}

/** The part of a DOM element the passes use. */
export interface DomElement extends DomNode {
  tagName: string;
  children: ArrayLike<DomElement>;
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  remove(): void;
}

/** The part of a DOM document the passes use. */
export interface DomDocument {
  documentElement: DomElement | null;
  body: DomElement | null;
  title: string;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

/** The DOM libraries, loaded on first use. */
interface Libraries {
  parseHTML: typeof ParseHtml;
  Readability: typeof ReadabilityClass;
}

let libraries: Libraries | null = null;

/**
 * linkedom and Readability, loaded the first time a web page is read: a text page never
 * needs them, and loading both costs about a tenth of a second at the start of every
 * `jiedu` process that parses anything. Loaded synchronously (their CommonJS builds) so
 * `parse` stays synchronous.
 */
function libs(): Libraries {
  if (libraries === null) {
    const require = createRequire(import.meta.url);
    libraries = {
      parseHTML: (require('linkedom') as { parseHTML: typeof ParseHtml }).parseHTML,
      Readability: (require('@mozilla/readability') as { Readability: typeof ReadabilityClass })
        .Readability,
    };
  }
  return libraries;
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

/**
 * The markup with <html> at its root, as linkedom needs. A page without <html> is wrapped
 * in one; anything before the <html> tag but a doctype and comments (a wrapper element some
 * archives put around saved pages, `<text id=… encoding=…>`) is dropped, or linkedom would
 * make that element the root and leave the page's <head> and <body> unread.
 */
function rootedMarkup(html: string): string {
  const at = html.search(/<html[\s>]/i);
  if (at < 0) return `<!doctype html><html><body>${html}</body></html>`;
  const before = html
    .slice(0, at)
    .replace(/<!doctype[^>]*>|<!--[\s\S]*?-->|<\?xml[^>]*>|\s+/gi, '');
  return before === '' ? html : html.slice(at);
}

/** Parses markup into a document (never throws: broken markup is repaired as browsers do). */
export function parseDocument(html: string): DomDocument {
  return libs().parseHTML(rootedMarkup(html)).document as unknown as DomDocument;
}

/** The element a page's text hangs from: its body, else its root; null for an empty document. */
export function rootOf(doc: DomDocument): DomElement | null {
  return doc.body ?? doc.documentElement;
}

/**
 * Element nesting past which Readability is not run. Real news pages nest a few dozen levels
 * (the deepest of the evaluation pages, built by site builders, stay under 60).
 */
export const MAX_READABILITY_DEPTH = 150;

/**
 * Whether a document's elements nest deeper than `limit`, walked with an explicit stack (no
 * recursion); stops at the first element past it.
 */
export function nestsDeeperThan(document: DomDocument, limit: number): boolean {
  const root = document.documentElement;
  if (root === null) return false;
  const elements: DomElement[] = [root];
  const depths: number[] = [1];
  while (elements.length > 0) {
    const el = elements.pop() as DomElement;
    const depth = depths.pop() as number;
    if (depth > limit) return true;
    const kids = el.children;
    for (let k = 0; k < kids.length; k++) {
      elements.push(kids[k] as DomElement);
      depths.push(depth + 1);
    }
  }
  return false;
}

/** What Readability found: the main content as markup, and its title and byline. */
export interface ReadabilityResult {
  title: string;
  content: string;
  textLength: number;
  byline: string;
}

/**
 * Runs Readability on its own copy of the page (it rewrites the document it is given).
 * `charThreshold` is the least text it accepts as an article before retrying with looser
 * rules; Chinese packs about three times the meaning per character of English, so the
 * default (500) drops short Chinese stories. Null when it finds no content.
 */
export function runReadability(
  document: DomDocument,
  charThreshold: number,
): ReadabilityResult | null {
  // Readability's cleaning grows far faster than the page on deep nesting (2,000 levels:
  // minutes) and recurses: past a depth no real page reaches, the other extractors read it.
  if (nestsDeeperThan(document, MAX_READABILITY_DEPTH)) return null;
  const { Readability } = libs();
  let result: ReturnType<ReadabilityClass['parse']>;
  try {
    result = new Readability(document as never, { charThreshold, keepClasses: false }).parse();
  } catch {
    // Readability assumes a well-formed tree; a page linkedom could only half-build may trip it.
    return null;
  }
  if (result === null || typeof result.content !== 'string') return null;
  return {
    title: result.title ?? '',
    content: result.content,
    textLength: result.length ?? 0,
    byline: result.byline ?? '',
  };
}
