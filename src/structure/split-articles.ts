import { CLOSING_FORMULA, TITLED_SPEAKER } from '../text/patterns.ts';
import { pushAll } from '../text/push-all.ts';
import type { ArticleNode, BlockNode, BylineNode, Diagnostic } from '../tree/types.ts';
import type { TextView } from '../tree/view.ts';
import type { Item, Role } from './classify-blocks.ts';
import { findDigest, LEAD_IN_DATELINE } from './find-digest.ts';
import { type Slice, sliceBlock } from './slice-block.ts';
import { splitHeadline } from './split-headline.ts';

/** Points a title needs to open a new story rather than a section of the current one. */
const HEADLINE_SCORE = 4;

/** Roles that carry the story's text. */
const BODY: ReadonlySet<Role> = new Set(['paragraph', 'list-item', 'dialogue', 'dateline']);

interface Draft {
  nodes: BlockNode[];
  hasHeadline: boolean;
  hasBody: boolean;
  /** A section heading was seen (it opens no body of its own). */
  hasHeading: boolean;
  /** Set by what ends a story: a reporter or source line after the body (strong), or a
   *  closing formula such as …等參加上述活動 (weak: only a title after it opens a story). */
  closed: 'strong' | 'weak' | null;
  /** The body text so far, to know who was already named. */
  text: string;
}

/**
 * Splits the page's items into articles and settles every title: headline (a new story),
 * subheadline, or section heading. A title opens a story at the top of the page, after
 * something that closed the last one (a trailing byline or source line, a closing formula),
 * before a dateline or an opening source line, or when set apart by more blank lines than
 * the page's usual gap. Captions seen after a story closed go with the next story. On a digest
 * (several short titled stories on one page, see findDigest) every item's title opens a story;
 * a rubric over them (国际联播快讯) and its lead-in line go with the first.
 */
export function splitArticles(
  items: readonly Item[],
  gap: number,
  view: TextView,
): { articles: ArticleNode[]; diagnostics: Diagnostic[] } {
  const articles: ArticleNode[] = [];
  const diagnostics: Diagnostic[] = [];
  let cur: Draft | null = null;
  let pending: BlockNode[] = [];
  const digest = findDigest(items);

  const open = (item: Item, why: string[]): Draft => {
    if (cur !== null) {
      articles.push(finish(cur));
      const line = (item.block.lines[0]?.index ?? 0) + 1;
      diagnostics.push({
        message: `new article at line ${line}: ${why.join(', ')}`,
        rule: 'split-articles',
        source: 'structure',
        severity: 'info',
        start: item.block.start,
        end: item.block.end,
      });
    }
    const draft: Draft = {
      nodes: pending,
      hasHeadline: false,
      hasBody: false,
      hasHeading: false,
      closed: null,
      text: '',
    };
    pending = [];
    cur = draft;
    return draft;
  };

  for (let i = 0; i < items.length; i++) {
    const item = items[i] as Item;
    const draft = cur as Draft | null;
    switch (item.role) {
      case 'caption':
      case 'credit':
      case 'furniture':
        if (draft === null || draft.closed !== null) pushAll(pending, item.nodes);
        else pushAll(draft.nodes, item.nodes);
        break;
      case 'title': {
        const node = item.nodes[0] as BlockNode;
        if (digest.rubrics.has(i)) {
          const target =
            draft === null || draft.hasHeadline || draft.hasBody || draft.closed
              ? open(item, ['a digest opens'])
              : draft;
          target.nodes.push({ ...node, type: 'subheadline' });
          break;
        }
        const opens = digest.opens.get(i);
        const { kind, why } =
          opens === undefined
            ? settleTitle(items, i, draft, gap)
            : { kind: 'headline' as const, why: opens };
        if (kind === 'headline') {
          const target =
            draft === null || draft.hasHeadline || draft.hasBody || draft.closed
              ? open(item, why)
              : draft;
          const below = items[i + 1];
          const subtitleFollows = below?.role === 'title' && below.block.blankBefore === 0;
          const glued = digest.glued.get(i);
          if (glued === undefined) {
            pushAll(target.nodes, splitHeadline(item.block, node, view, subtitleFollows));
          } else {
            target.nodes.push(leadInByline(sliceBlock(item.block, 0, glued, view)), {
              type: 'headline',
              ...sliceBlock(item.block, glued, item.block.text.length, view),
            });
          }
          target.hasHeadline = true;
        } else if (kind === 'subheadline') {
          (draft as Draft).nodes.push({ ...node, type: 'subheadline' });
        } else {
          const target = draft ?? open(item, why);
          target.nodes.push(node);
          target.hasHeading = true;
          target.text += node.text;
        }
        break;
      }
      case 'end-mark': {
        const target = draft ?? open(item, ['page opens with it']);
        pushAll(target.nodes, item.nodes);
        target.closed = 'strong';
        break;
      }
      case 'source':
      case 'reporter': {
        const target = draft ?? open(item, ['page opens with it']);
        pushAll(target.nodes, item.nodes);
        if (target.hasBody) target.closed = 'strong';
        break;
      }
      default: {
        if (digest.leadIns.has(i) && draft !== null) {
          // The digest's lead-in: a dateline for its stories, not a paragraph of the first.
          const node = item.nodes[0] as BlockNode;
          draft.nodes.push(LEAD_IN_DATELINE.test(node.text.trim()) ? leadInByline(node) : node);
          break;
        }
        let target = draft;
        const digestBreak = digest.breaks.get(i);
        if (target === null) target = open(item, ['page opens with it']);
        else if (digestBreak !== undefined && target.hasBody) target = open(item, digestBreak);
        else if (target.closed === 'strong' || (item.role === 'dateline' && target.hasBody)) {
          target = open(item, [
            target.closed === 'strong' ? 'the last story was closed' : 'a dateline opens a story',
          ]);
        }
        pushAll(target.nodes, item.nodes);
        target.hasBody = true;
        for (const n of item.nodes) target.text += n.text;
        const last = item.nodes[item.nodes.length - 1] as BlockNode;
        target.closed =
          last.type === 'paragraph' && CLOSING_FORMULA.test(last.text) ? 'weak' : null;
      }
    }
  }
  if (pending.length > 0) {
    if (cur === null)
      cur = {
        nodes: [],
        hasHeadline: false,
        hasBody: false,
        hasHeading: false,
        closed: null,
        text: '',
      };
    pushAll((cur as Draft).nodes, pending);
  }
  if (cur !== null) articles.push(finish(cur));
  return { articles, diagnostics };
}

/** A digest's lead-in (央视网消息（新闻联播）：) as the dateline of its stories; it names the
 * outlet itself, not a source. */
function leadInByline(slice: Slice): BylineNode {
  return {
    type: 'byline',
    start: slice.start,
    end: slice.end,
    pieces: slice.pieces,
    text: slice.text.trim().replace(/\s*[：:]$/, ''),
    kind: 'dateline',
    outlets: [],
  };
}

/** Decides what a title is, with the cues that decided it. */
function settleTitle(
  items: readonly Item[],
  i: number,
  draft: Draft | null,
  gap: number,
): { kind: 'headline' | 'subheadline' | 'heading'; why: string[] } {
  if (draft === null) return { kind: 'headline', why: ['top of the page'] };
  const item = items[i] as Item;
  const prev = items[i - 1];
  const next = nextContent(items, i + 1);
  // Looked for from here on: indexOf from the start made a page of many titles quadratic.
  const after = next === undefined ? undefined : nextContent(items, items.indexOf(next, i + 1) + 1);

  if (draft.hasHeadline && !draft.hasBody && draft.closed === null && prev?.role === 'title') {
    // Right under the headline, or a ——dash subtitle, or followed by the dateline.
    if (
      item.block.blankBefore === 0 ||
      /^[—–－-]{1,2}/.test(item.block.text) ||
      next?.role === 'dateline'
    ) {
      return { kind: 'subheadline', why: [] };
    }
  }
  const why: string[] = [];
  let score = 0;
  if (draft.closed !== null) {
    score += 5;
    why.push(draft.closed === 'strong' ? 'the last story was closed' : 'after a closing formula');
  }
  if (next?.role === 'dateline') {
    score += 4;
    why.push('a dateline follows');
  }
  if (
    (next?.role === 'source' || next?.role === 'reporter') &&
    after !== undefined &&
    after.role !== 'caption'
  ) {
    score += 4;
    why.push(`an opening ${next.role} line follows`);
  }
  if (item.block.blankAfter >= gap + 2) {
    score += 2;
    why.push('set apart by blank lines below');
  }
  if (item.block.blankBefore >= gap + 2 && i > 0) {
    score += 2;
    why.push('set apart by blank lines above');
  }
  if (next?.role === 'paragraph') {
    const m = TITLED_SPEAKER.exec(next.block.text);
    if (m !== null && !draft.text.includes(m[1] as string)) {
      score += 2;
      why.push(`introduces ${m[1]} with a full title`);
    }
  }
  const speaker = /^([^\s：:]{2,6})[：:]/.exec(item.block.text);
  if (speaker !== null && draft.text.includes(speaker[1] as string)) score -= 2;
  if (!draft.hasBody && !draft.hasHeading && draft.closed === null) return { kind: 'heading', why };
  return { kind: score >= HEADLINE_SCORE ? 'headline' : 'heading', why };
}

/** The next item that is not a caption or credit. */
function nextContent(items: readonly Item[], from: number): Item | undefined {
  for (let j = from; j < items.length; j++) {
    const item = items[j] as Item;
    if (item.role !== 'caption' && item.role !== 'credit') return item;
  }
  return undefined;
}

function finish(draft: Draft): ArticleNode {
  const nodes = draft.nodes;
  let start = Number.POSITIVE_INFINITY;
  let end = 0;
  for (const n of nodes) {
    if (n.start < start) start = n.start;
    if (n.end > end) end = n.end;
  }
  return { type: 'article', start: nodes.length === 0 ? 0 : start, end, children: nodes };
}

export { BODY };
