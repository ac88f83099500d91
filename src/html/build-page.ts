import { detectScript } from '../normalize/index.ts';
import type {
  ArticleMeta,
  ArticleNode,
  BlockNode,
  Diagnostic,
  PageNode,
  SourceInfo,
} from '../tree/types.ts';
import type { HtmlArticle } from './extract-article.ts';
import { readCredits, readSourceOutlet } from './read-credits.ts';

/** A paragraph this short that names credits is a credit line (byline), not body text. */
const MAX_BYLINE = 40;

/** Where one piece of the extracted text is. */
interface Placed {
  text: string;
  start: number;
  end: number;
}

/** The block node for one extracted paragraph: heading, byline, source line or paragraph. */
function blockOf(p: Placed, heading: boolean): BlockNode {
  const base = {
    text: p.text,
    start: p.start,
    end: p.end,
    pieces: [{ start: p.start, end: p.end }],
  };
  if (heading) return { type: 'heading', ...base };
  if (p.text.length <= MAX_BYLINE) {
    const outlet = readSourceOutlet(p.text);
    if (outlet !== undefined && readCredits(p.text).length === 0) {
      return { type: 'source', ...base, outlet };
    }
    if (readCredits(p.text).length > 0) {
      return {
        type: 'byline',
        ...base,
        kind: 'reporter',
        outlets: outlet === undefined ? [] : [outlet],
      };
    }
  }
  return { type: 'paragraph', ...base, emphasis: [] };
}

/** What the HTML reader knew about the input before extraction. */
export type HtmlSource = Omit<SourceInfo, 'lineEnding' | 'script' | 'chars' | 'format'>;

/**
 * The page tree of an extracted HTML article. Its text is the headline and the paragraphs,
 * one per line with a blank line between (what a reader of the page sees, in order); every
 * node's offsets point into that text, and the article carries the page's metadata.
 */
export function buildPage(
  article: HtmlArticle,
  source: HtmlSource,
  diagnostics: Diagnostic[],
): PageNode {
  const pieces: string[] = [];
  let offset = 0;
  const place = (text: string): Placed => {
    if (pieces.length > 0) offset += 2;
    const placed = { text, start: offset, end: offset + text.length };
    pieces.push(text);
    offset += text.length;
    return placed;
  };
  const children: BlockNode[] = [];
  if (article.title !== '') {
    const h = place(article.title);
    children.push({
      type: 'headline',
      text: h.text,
      start: h.start,
      end: h.end,
      pieces: [{ start: h.start, end: h.end }],
    });
  }
  for (const p of article.paragraphs) children.push(blockOf(place(p.text), p.heading));
  const text = pieces.join('\n\n');
  const meta: ArticleMeta = {
    credits: article.credits,
    ...(article.published === undefined ? {} : { published: article.published }),
    ...(article.outlet === undefined ? {} : { outlet: article.outlet }),
    ...(article.url === undefined ? {} : { url: article.url }),
  };
  const hasBody = children.some((c) => c.type !== 'headline');
  const articles: ArticleNode[] = hasBody
    ? [{ type: 'article', start: 0, end: text.length, children, meta }]
    : [];
  return {
    type: 'page',
    start: 0,
    end: text.length,
    text,
    source: {
      ...source,
      format: 'html',
      lineEnding: text.includes('\n') ? 'lf' : 'none',
      script: detectScript(text),
      chars: text.length,
    },
    children: articles,
    diagnostics,
  };
}
