import type { DomDocument } from './dom.ts';
import { isPersonName, type MarkupFacts, tidyName } from './read-meta-tags.ts';

/** Schema.org types that describe an article. */
const ARTICLE_TYPE = /Article$|^ReportageNews$|^BlogPosting$|^LiveBlogPosting$|^WebPage$/;

type Json = unknown;

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every object in a JSON-LD value: top-level arrays and `@graph` lists are opened. */
function objects(value: Json): Record<string, Json>[] {
  if (Array.isArray(value)) return value.flatMap(objects);
  if (!isObject(value)) return [];
  const graph = value['@graph'];
  return [value, ...(graph === undefined ? [] : objects(graph))];
}

function types(node: Record<string, Json>): string[] {
  const t = node['@type'];
  if (typeof t === 'string') return [t];
  return Array.isArray(t) ? t.filter((x): x is string => typeof x === 'string') : [];
}

function text(value: Json): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (isObject(value)) return text(value.name) ?? text(value['@id']);
  return undefined;
}

function names(value: Json): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map(text).filter((x): x is string => x !== undefined);
}

/**
 * Reads the JSON-LD blocks of a page (`<script type="application/ld+json">`): from the first
 * article object, its headline, datePublished, authors, publisher and url. A block that is
 * not valid JSON is skipped (pages often ship one with a trailing comma).
 */
export function readJsonLd(doc: DomDocument): MarkupFacts {
  const facts: MarkupFacts = { authors: [] };
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i++) {
    let parsed: Json;
    try {
      parsed = JSON.parse(scripts[i]?.textContent ?? '');
    } catch {
      continue;
    }
    // Articles before mere pages: a WebPage object is used only when nothing better is there.
    const candidates = objects(parsed).filter((o) => types(o).some((t) => ARTICLE_TYPE.test(t)));
    candidates.sort(
      (a, b) => Number(types(a).includes('WebPage')) - Number(types(b).includes('WebPage')),
    );
    const article = candidates[0];
    if (article === undefined) continue;
    const headline = text(article.headline) ?? text(article.name);
    if (headline !== undefined) facts.title = headline;
    const published = text(article.datePublished) ?? text(article.dateCreated);
    if (published !== undefined) facts.published = published;
    facts.authors = names(article.author ?? article.creator)
      .map(tidyName)
      .filter(isPersonName);
    const publisher = text(article.publisher) ?? text(article.sourceOrganization);
    if (publisher !== undefined) facts.outlet = publisher;
    const url = text(article.url) ?? text(article.mainEntityOfPage);
    if (url !== undefined && /^https?:\/\//.test(url)) facts.url = url;
    return facts;
  }
  return facts;
}
