import type { DomDocument, DomElement } from './dom.ts';

/** Elements that are never the article: page chrome, forms, embedded code. */
const CHROME_SELECTOR =
  'script, style, noscript, template, iframe, object, embed, form, nav, aside, footer, select, button, textarea, input';

/**
 * Words in `class` and `id` values that mark page furniture: comments, related links,
 * sharing, ads, footers, navigation. Chinese sites often write them in pinyin (pinglun 评论,
 * xgxw 相关新闻, tuijian 推荐, guanggao 广告). Matched against whole words of the value, so
 * `head` or `download` never count as `ad`.
 */
const FURNITURE_WORDS = new Set([
  'comment',
  'comments',
  'reply',
  'replies',
  'discuss',
  'pinglun',
  'pl',
  'related',
  'relate',
  'recommend',
  'recommended',
  'tuijian',
  'xgxw',
  'xiangguan',
  'relnews',
  'share',
  'sharing',
  'social',
  'bdshare',
  'jiathis',
  'ad',
  'ads',
  'advert',
  'advertisement',
  'banner',
  'sponsor',
  'guanggao',
  'gg',
  'footer',
  'copyright',
  'copy',
  'banquan',
  'nav',
  'navbar',
  'navigation',
  'menu',
  'breadcrumb',
  'breadcrumbs',
  'crumb',
  'crumbs',
  'sidebar',
  'toolbar',
  'login',
  'popup',
  'modal',
  'hotnews',
  'ranking',
  'rank',
  'pager',
  'pagination',
]);

/** The words of a class or id value: split at spaces, - and _, and at camelCase joins. */
export function nameWords(value: string): string[] {
  return value
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[\s_-]+|\d+/)
    .filter((w) => w !== '');
}

/**
 * Words that name a reader-comment section and nothing else. Comments can outweigh a short
 * post many times over, so these are removed whatever their size, as long as the page keeps
 * some text of its own.
 */
const COMMENT_WORDS = new Set([
  'comment',
  'comments',
  'reply',
  'replies',
  'pinglun',
  'guestbook',
  'feedback',
  'trackback',
  'trackbacks',
  'commentform',
  'commentlist',
]);

/** Text a page must keep beside a comment section for that section to be removed. */
const MIN_TEXT_LEFT = 100;

/** Whether an element's class or id names it a comment section. */
function isCommentSection(el: DomElement): boolean {
  const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  return nameWords(names).some((w) => COMMENT_WORDS.has(w));
}

/** Whether an element's class or id names it page furniture. */
export function isFurniture(el: DomElement): boolean {
  const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  return nameWords(names).some((w) => FURNITURE_WORDS.has(w));
}

/** Characters of text, spaces not counted. */
function textSize(el: DomElement): number {
  return (el.textContent ?? '').replace(/\s+/g, '').length;
}

/** No removal may take away more than this share of the page's text: that is the article. */
const MAX_SHARE_REMOVED = 0.5;

/**
 * Removes page chrome and furniture from a parsed page, in place: the chrome elements, then
 * every element whose class or id names furniture (comments, related links, ads, share bars,
 * copyright footers). An element holding most of the page's text is kept whatever its name
 * (a site that calls its article box `main-copy` must not lose the article), except a
 * comment section, which goes as long as the page keeps some text beside it. Returns the
 * number of elements removed.
 */
export function removeBoilerplate(doc: DomDocument): number {
  const root = doc.body ?? doc.documentElement;
  if (root === null) return 0;
  let removed = 0;
  const chrome = doc.querySelectorAll(CHROME_SELECTOR);
  const total = Math.max(1, textSize(root));
  for (let i = 0; i < chrome.length; i++) {
    const el = chrome[i];
    if (el === undefined) continue;
    // A <form> wrapping the whole page (ASP.NET sites do this) is not chrome.
    if (textSize(el) > total * MAX_SHARE_REMOVED) continue;
    el.remove();
    removed++;
  }
  const all = root.querySelectorAll('*');
  const size = Math.max(1, textSize(root));
  for (let i = 0; i < all.length; i++) {
    const el = all[i];
    if (el === undefined || el.parentNode === null || !isFurniture(el)) continue;
    const inside = textSize(el);
    const keep = isCommentSection(el)
      ? size - inside < MIN_TEXT_LEFT
      : inside > size * MAX_SHARE_REMOVED;
    if (keep) continue;
    el.remove();
    removed++;
  }
  return removed;
}
