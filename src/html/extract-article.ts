import type { Credit } from '../tree/types.ts';
import { collapseWhitespace, collectParagraphs, type HtmlParagraph } from './collect-paragraphs.ts';
import { type DomDocument, parseDocument, rootOf, runReadability } from './dom.ts';
import { findDensestBlock } from './find-densest-block.ts';
import { keepFirstPost } from './keep-first-post.ts';
import { formatIso, parseDate } from './normalize-date.ts';
import { readJsonLd } from './read-json-ld.ts';
import { type MarkupFacts, readMetaTags, readTimeElements } from './read-meta-tags.ts';
import {
  findPublishedInText,
  headerLines,
  readTextCredits,
  type TextDate,
} from './read-text-meta.ts';
import { removeBoilerplate } from './remove-boilerplate.ts';
import { tidyParagraphs } from './tidy-paragraphs.ts';

/** The article of one HTML page: its text and what the page says about it. */
export interface HtmlArticle {
  title: string;
  paragraphs: HtmlParagraph[];
  /** ISO 8601 at the precision the page gives. */
  published?: string;
  credits: Credit[];
  outlet?: string;
  url?: string;
  /** Which pass found the text: Readability, or our densest-block fallback. */
  extractor: 'readability' | 'densest-block';
}

/**
 * Readability's threshold (characters) before it loosens its rules and retries. Its default,
 * 500, is a long English article's worth; a Chinese news flash is often under 200.
 */
const READABILITY_CHARS = 100;

/**
 * Readability's text is kept only when it has at least this share of the densest block's:
 * it sometimes settles on a summary box or a caption and drops a short article.
 */
const MIN_SHARE_OF_DENSEST = 0.05;

/** Non-space characters of some paragraphs. */
function size(paragraphs: readonly HtmlParagraph[]): number {
  return paragraphs.reduce((n, p) => n + p.text.replace(/\s/g, '').length, 0);
}

/** Splits a page <title> at the separators sites put between headline and site name. */
function titleParts(title: string): string[] {
  return title
    .split(/\s+[-|–—_－]+\s+|\s*[_|｜»«]\s*|\s*--\s*|\s*——\s*|\s+-\s*/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/** The text of every element matching `selector`, in page order. */
function texts(doc: DomDocument, selector: string): string[] {
  const found = doc.querySelectorAll(selector);
  const out: string[] = [];
  for (let i = 0; i < found.length; i++) {
    const text = collapseWhitespace(found[i]?.textContent ?? '');
    if (text !== '') out.push(text);
  }
  return out;
}

/**
 * The headline: a heading (h1–h3) that the page <title> or og:title begins with; else the
 * JSON-LD or Open Graph headline; else the part of the <title> that is not the site or
 * section name (新闻标题_新浪网, 多维博客 » 新闻标题); else, on a page without any title,
 * its first h1 (h2, h3).
 */
function chooseTitle(doc: DomDocument, markup: MarkupFacts): string {
  const pageTitle = collapseWhitespace(doc.title ?? '');
  const claimed = [markup.title, pageTitle].filter((t): t is string => t !== undefined && t !== '');
  for (const heading of texts(doc, 'h1, h2, h3')) {
    if (heading.length >= 4 && claimed.some((t) => t.startsWith(heading) || heading === t)) {
      return heading;
    }
  }
  if (markup.title !== undefined && markup.title.trim() !== '') {
    return headlinePart(titleParts(markup.title)) ?? markup.title.trim();
  }
  const fromTitle = headlinePart(titleParts(pageTitle));
  if (fromTitle !== undefined) return fromTitle;
  // No title at all (a piece of a page scraped without its head): its first main heading.
  for (const selector of ['h1', 'h2', 'h3']) {
    const heading = texts(doc, selector).find((h) => h.length >= 4);
    if (heading !== undefined) return heading;
  }
  return '';
}

/** Words of a site, channel or section name: 新浪网, 听雨轩的博客, 新闻中心, blog.example.com. */
const SITE_NAME =
  /[网網]$|博客|部落格|首页|首頁|频道|頻道|中心$|论坛|論壇|社区|社區|\.(?:com|cn|net|org)\b|^www\./i;

/**
 * The headline among the parts of a <title>: the first that does not read as a site or
 * section name (标题_新浪网, 多维博客 » 标题), else the longest.
 */
function headlinePart(parts: readonly string[]): string | undefined {
  const named = parts.find((part) => !SITE_NAME.test(part));
  if (named !== undefined) return named;
  let best: string | undefined;
  for (const part of parts) if (best === undefined || part.length > best.length) best = part;
  return best;
}

/** The site name a <title> ends with (新闻标题_新浪网 → 新浪网), when it looks like one. */
function siteFromTitle(pageTitle: string): string | undefined {
  const parts = titleParts(pageTitle);
  const last = parts[parts.length - 1];
  if (parts.length < 2 || last === undefined || last.length > 12) return undefined;
  return /[网網报報社台]$|新闻|新聞|日报|日報|时报|時報/.test(last) ? last : undefined;
}

/** Words of a portal's page furniture, not of a name: 关注, 举报, 分享 … */
const FURNITURE =
  /关注|關注|举报|舉報|分享|收藏|点赞|點讚|评论|評論|登录|登錄|注册|註冊|打印|列印|字号|字號|订阅|訂閱|转发|轉發|阅读|閱讀|责任编辑|責任編輯|返回|首页|首頁|更多|下载|下載|扫一扫|掃一掃/;

/**
 * Whether a value from a page's markup can be a name (an author or an outlet): not a bare
 * number (104363, a user id), not a piece of the page's furniture (关注, …举报), not a
 * web address, not a sentence.
 */
export function isNameValue(value: string): boolean {
  const v = value.trim();
  if (v === '' || v.length > 40) return false;
  if (/^[\d\s.,:/_-]+$/.test(v)) return false;
  if (/https?:|www\.|@|[<>{}=]/.test(v)) return false;
  if (/[。！？；]/.test(v)) return false;
  return !FURNITURE.test(v);
}

/** Merges facts from several sources: the first to give a field wins. Authors and outlets
 * that cannot be names (see isNameValue) are passed over. */
function mergeFacts(list: readonly MarkupFacts[]): MarkupFacts {
  const out: MarkupFacts = { authors: [] };
  for (const facts of list) {
    out.title ??= facts.title;
    out.published ??= facts.published;
    if (facts.outlet !== undefined && isNameValue(facts.outlet)) out.outlet ??= facts.outlet;
    out.url ??= facts.url;
    if (out.authors.length === 0) out.authors = facts.authors.filter(isNameValue);
  }
  return out;
}

/** The main text: Readability's, unless it found nothing or much less than the densest block. */
function extractBody(html: string): {
  paragraphs: HtmlParagraph[];
  extractor: HtmlArticle['extractor'];
} {
  const work = parseDocument(html);
  removeBoilerplate(work);
  keepFirstPost(work);
  const root = rootOf(work);
  const densestEl = root === null ? null : findDensestBlock(root);
  const densest = densestEl === null ? [] : collectParagraphs(densestEl);
  const result = runReadability(work, READABILITY_CHARS);
  const readable = result === null ? [] : collectParagraphs(rootOf(parseDocument(result.content)));
  if (readable.length > 0 && size(readable) >= size(densest) * MIN_SHARE_OF_DENSEST) {
    return { paragraphs: readable, extractor: 'readability' };
  }
  return { paragraphs: densest, extractor: 'densest-block' };
}

/** The date string of the markup as ISO 8601, or undefined when it is not a date. */
function isoOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const parts = parseDate(value);
  return parts === undefined ? undefined : formatIso(parts);
}

/**
 * The publication date: the markup's (JSON-LD, <meta>, <time>), unless the page shows a
 * labelled date (发布时间：…) that differs from it in local time — then what readers see
 * wins (a site may stamp its markup in UTC while printing local time). When they agree the
 * markup's is kept, with its offset. Without markup, the text's date.
 */
function choosePublished(
  markup: string | undefined,
  text: TextDate | undefined,
): string | undefined {
  if (text === undefined) return markup;
  const shown = formatIso(text.parts);
  if (markup === undefined) return shown;
  if (!text.labelled || markup.startsWith(shown)) return markup;
  return shown;
}

/**
 * Extracts the article of an HTML page: headline, main text (boilerplate removed, Readability
 * with a densest-block fallback so short articles survive, then our tidying passes) and
 * metadata, from markup (JSON-LD, then <meta>, then <time>) before the page's text (发布时间,
 * 记者, 责任编辑, 来源 lines). `url` is where the page was fetched from, if known.
 */
export function extractArticle(html: string, options: { url?: string } = {}): HtmlArticle {
  const doc = parseDocument(html);
  const jsonLd = readJsonLd(doc);
  const metaTags = readMetaTags(doc);
  const time = readTimeElements(doc);
  const markup = mergeFacts([
    jsonLd,
    metaTags,
    { authors: [], ...(time === undefined ? {} : { published: time }) },
  ]);
  const title = chooseTitle(doc, markup);

  const pageLines = collectParagraphs(rootOf(doc)).map((p) => p.text);
  const { paragraphs: raw, extractor } = extractBody(html);
  const paragraphs = tidyParagraphs(raw, title);

  const published = choosePublished(
    isoOf(jsonLd.published) ?? isoOf(metaTags.published) ?? isoOf(time),
    findPublishedInText(pageLines, title),
  );

  const text = readTextCredits(
    headerLines(pageLines, title),
    paragraphs.map((p) => p.text),
    markup.authors.length > 0,
  );
  const credits: Credit[] = markup.authors.map((name) => ({ role: 'author' as const, name }));
  for (const c of text.credits) {
    if (isNameValue(c.name) && !credits.some((x) => x.name === c.name)) credits.push(c);
  }
  const source = text.source !== undefined && isNameValue(text.source) ? text.source : undefined;
  const outlet = markup.outlet ?? siteFromTitle(collapseWhitespace(doc.title ?? '')) ?? source;
  const url = markup.url ?? options.url;
  return {
    title,
    paragraphs,
    ...(published === undefined ? {} : { published }),
    credits,
    ...(outlet === undefined ? {} : { outlet }),
    ...(url === undefined ? {} : { url }),
    extractor,
  };
}
