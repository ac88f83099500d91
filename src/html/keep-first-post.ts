import type { DomDocument, DomElement } from './dom.ts';
import { nameWords } from './remove-boilerplate.ts';

/** Class words that mark one post of a blog or forum page. */
const POST_WORDS = new Set(['post', 'entry', 'blogpost', 'postbody', 'entrybody']);

/** Text, in non-space characters, each repeated post must hold to count as a full post. */
const MIN_POST_TEXT = 100;

function textSize(el: DomElement): number {
  return (el.textContent ?? '').replace(/\s+/g, '').length;
}

/**
 * On a page that lists several full posts (a blog's front page: `.post-body` again and
 * again), the article is the first post: every later element of each post class
 * (`.post-body`, `.post-title`, `.post-date` …) is removed, in place. Only elements that
 * hold a post's worth of text make a list; a repeated date line alone does not. Returns
 * the number of elements removed.
 */
export function keepFirstPost(doc: DomDocument): number {
  const byClass = new Map<string, DomElement[]>();
  const all = doc.querySelectorAll('[class]');
  for (let i = 0; i < all.length; i++) {
    const el = all[i];
    if (el === undefined) continue;
    const value = (el.getAttribute('class') ?? '').trim();
    if (!nameWords(value).some((w) => POST_WORDS.has(w))) continue;
    const list = byClass.get(value) ?? [];
    list.push(el);
    byClass.set(value, list);
  }
  const isList = (list: DomElement[]) => {
    const full = list.filter((el) => textSize(el) >= MIN_POST_TEXT);
    // Nested matches (a .post inside a .post) are not a list of posts.
    return full.length >= 2 && !full.some((el, i) => i > 0 && isInside(el, full[0] as DomElement));
  };
  if (![...byClass.values()].some(isList)) return 0;
  // A list of posts: every part of a post after the first goes, titles and dates included.
  let removed = 0;
  for (const list of byClass.values()) {
    for (const el of list.slice(1)) {
      if (isInside(el, list[0] as DomElement)) continue;
      el.remove();
      removed++;
    }
  }
  return removed;
}

function isInside(el: DomElement, ancestor: DomElement): boolean {
  for (let node = el.parentNode; node !== null; node = node.parentNode) {
    if (node === ancestor) return true;
  }
  return false;
}
