import { type DomElement, type DomNode, ELEMENT_NODE, TEXT_NODE } from './dom.ts';

/** Elements whose text runs on inside the paragraph around them. */
const INLINE_TAGS = new Set([
  'A',
  'ABBR',
  'B',
  'BIG',
  'CITE',
  'CODE',
  'EM',
  'FONT',
  'I',
  'IMG',
  'MARK',
  'Q',
  'S',
  'SMALL',
  'SPAN',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'U',
  'BR',
  'P',
  'LABEL',
]);

/** Containers that can hold an article's text. */
const CONTAINER_TAGS = new Set([
  'DIV',
  'TD',
  'ARTICLE',
  'SECTION',
  'MAIN',
  'BODY',
  'CENTER',
  'FONT',
  'SPAN',
  'BLOCKQUOTE',
  'LI',
]);

/** Text an element holds itself (through inline children and <p>), and how much of it is link text. */
interface OwnText {
  chars: number;
  linkChars: number;
  punctuation: number;
}

function countOwnText(el: DomNode, inLink: boolean, into: OwnText): void {
  const children = el.childNodes;
  for (let i = 0; i < children.length; i++) {
    const child = children[i] as DomNode;
    if (child.nodeType === TEXT_NODE) {
      const text = (child.textContent ?? '').replace(/\s+/g, '');
      into.chars += text.length;
      if (inLink) into.linkChars += text.length;
      into.punctuation += (text.match(/[，。；：！？、,.;]/g) ?? []).length;
    } else if (child.nodeType === ELEMENT_NODE && INLINE_TAGS.has(child.nodeName.toUpperCase())) {
      countOwnText(child, inLink || child.nodeName.toUpperCase() === 'A', into);
    }
  }
}

/**
 * The score of a container as the article's home: the text it holds itself, less link text,
 * with a bonus for sentence punctuation (article prose is full of ，and 。; menus and link
 * lists have none).
 */
function ownScore(el: DomElement): number {
  const own: OwnText = { chars: 0, linkChars: 0, punctuation: 0 };
  countOwnText(el, false, own);
  if (own.chars === 0) return 0;
  const linkDensity = own.linkChars / own.chars;
  if (linkDensity > 0.5) return 0;
  return (own.chars - own.linkChars) * (1 - linkDensity) + own.punctuation * 10;
}

/**
 * The densest text block of a page: each container scores the text it holds itself, and
 * passes all of it to its parent and half to its grandparent (an article split into several
 * <div>s under one parent lifts that parent); the best-scoring container wins. A fallback for
 * pages Readability reads as empty or too short, such as one-paragraph news flashes laid out
 * in tables. Null when the page has no text.
 */
export function findDensestBlock(root: DomElement): DomElement | null {
  const scores = new Map<DomElement, number>();
  const all = root.querySelectorAll('*');
  for (let i = 0; i < all.length; i++) {
    const el = all[i];
    if (el === undefined || !CONTAINER_TAGS.has(el.tagName.toUpperCase())) continue;
    const score = ownScore(el);
    if (score === 0) continue;
    scores.set(el, (scores.get(el) ?? 0) + score);
    const parent = el.parentNode as DomElement | null;
    if (parent !== null && parent.nodeType === ELEMENT_NODE) {
      scores.set(parent, (scores.get(parent) ?? 0) + score / 2);
      const grand = parent.parentNode as DomElement | null;
      if (grand !== null && grand.nodeType === ELEMENT_NODE) {
        scores.set(grand, (scores.get(grand) ?? 0) + score / 4);
      }
    }
  }
  let best: DomElement | null = null;
  let bestScore = 0;
  for (const [el, score] of scores) {
    if (score > bestScore) {
      best = el;
      bestScore = score;
    }
  }
  return best;
}
