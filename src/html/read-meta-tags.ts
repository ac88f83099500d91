import type { DomDocument } from './dom.ts';

/** What a page's markup says about its article; each field from the first source that has it. */
export interface MarkupFacts {
  title?: string;
  /** The raw date string as the markup gives it (normalized later). */
  published?: string;
  authors: string[];
  outlet?: string;
  url?: string;
}

/** `<meta>` names and properties, by what they give, most specific first. */
const META_KEYS = {
  title: ['og:title', 'twitter:title'],
  published: [
    'article:published_time',
    'og:article:published_time',
    'og:release_date',
    'datepublished',
    'pubdate',
    'publishdate',
    'publish_date',
    'publication_date',
    'publishtime',
    'dc.date.issued',
    'dc.date',
    'date',
    'sailthru.date',
    'parsely-pub-date',
    'weibo:article:create_at',
  ],
  authors: ['article:author', 'author', 'dc.creator', 'byl', 'parsely-author'],
  outlet: ['og:site_name', 'application-name', 'source', 'mediaid'],
  url: ['og:url'],
} as const;

/** Every `<meta>` value by lower-cased name, property or itemprop, in page order. */
function metaValues(doc: DomDocument): Map<string, string[]> {
  const values = new Map<string, string[]>();
  const metas = doc.querySelectorAll('meta');
  for (let i = 0; i < metas.length; i++) {
    const meta = metas[i];
    if (meta === undefined) continue;
    const key =
      meta.getAttribute('property') ?? meta.getAttribute('name') ?? meta.getAttribute('itemprop');
    const content = meta.getAttribute('content')?.trim();
    if (key === null || content === undefined || content === '') continue;
    const k = key.trim().toLowerCase();
    const list = values.get(k) ?? [];
    list.push(content);
    values.set(k, list);
  }
  return values;
}

function first(values: Map<string, string[]>, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = values.get(key)?.[0];
    if (value !== undefined) return value;
  }
  return undefined;
}

/** Words of organisations, sites and placeholders, never of a person's name. */
const NOT_A_PERSON =
  /^https?:|\.(?:com|cn|net|org)\b|[网網报報社台]|集团|集團|公司|出版|期刊|财经|財經|新闻|新聞|日报|日報|电视|電視|频道|頻道|中心|大学|大學|编辑|編輯|记者|記者|责任|責任|[:：]|\b(?:team|publishers?|press|inc|ltd|group|news|media|admin|administrator|name|author|editor|unknown)\b/i;

/** A meta author that is a person: 林晓雯, Jane Doe; not 新浪网, Discuz! Team, name. */
export function isPersonName(value: string): boolean {
  return value.length <= 40 && !NOT_A_PERSON.test(value);
}

/** A name as a page spaces it out: 赵  培 (padded to the width of three characters) → 赵培. */
export function tidyName(value: string): string {
  const squeezed = value.replace(/([\u3400-\u9fff])[\s\u3000]+(?=[\u3400-\u9fff])/g, '$1');
  return /^[\u3400-\u9fff]{2,4}$/.test(squeezed) ? squeezed : value.trim();
}

/**
 * Reads `<meta>` tags (Open Graph, Dublin Core, the names Chinese portals use) and
 * `<link rel="canonical">`.
 */
export function readMetaTags(doc: DomDocument): MarkupFacts {
  const values = metaValues(doc);
  const facts: MarkupFacts = { authors: [] };
  const title = first(values, META_KEYS.title);
  if (title !== undefined) facts.title = title;
  const published = first(values, META_KEYS.published);
  if (published !== undefined) facts.published = published;
  for (const key of META_KEYS.authors) {
    for (const value of values.get(key) ?? []) {
      for (const name of value.split(/[,，、;；]\s*/)) {
        const trimmed = tidyName(name);
        if (trimmed !== '' && isPersonName(trimmed) && !facts.authors.includes(trimmed)) {
          facts.authors.push(trimmed);
        }
      }
    }
    if (facts.authors.length > 0) break;
  }
  const outlet = first(values, META_KEYS.outlet);
  if (outlet !== undefined) facts.outlet = outlet;
  const canonical = doc.querySelectorAll('link[rel="canonical"]')[0]?.getAttribute('href');
  const url = canonical ?? first(values, META_KEYS.url);
  if (url !== undefined && url !== null && /^https?:\/\//.test(url)) facts.url = url;
  return facts;
}

/** `<time datetime>` or an element marked `itemprop="datePublished"`: the first one's value. */
export function readTimeElements(doc: DomDocument): string | undefined {
  const marked = doc.querySelectorAll('[itemprop="datePublished"], time[datetime], time[pubdate]');
  for (let i = 0; i < marked.length; i++) {
    const el = marked[i];
    if (el === undefined) continue;
    const value = el.getAttribute('datetime') ?? el.getAttribute('content') ?? el.textContent;
    if (value !== null && value.trim() !== '') return value.trim();
  }
  return undefined;
}
