import { RUBRIC } from '../layout/headline-shape.ts';
import type { LayoutBlock } from '../layout/types.ts';
import { codePointLength } from '../text/chars.ts';
import type { BlockNode } from '../tree/types.ts';
import type { TextView } from '../tree/view.ts';
import { sliceBlock } from './slice-block.ts';

/** Parts of a couplet headline differ in length by at most this much (中俄強化合作 有助反對霸權). */
const COUPLET_SLACK = 2;
/** A part shorter than this is a word, not a title (G20 峰會). */
const MIN_PART = 4;

/**
 * A headline line that holds a title and its subtitle, split by a space
 * (習近平普京視頻會晤：支持和踐行真正多邊主義 中俄延續睦鄰友好合作條約), becomes a headline and
 * a subheadline. Balanced parts are one couplet headline and stay together, and so does a
 * headline led by a rubric (【…】 A：…　B　C), whose first part is the rubric, not a title.
 */
export function splitHeadline(
  block: LayoutBlock,
  node: BlockNode,
  view: TextView,
  subtitleFollows: boolean,
): BlockNode[] {
  const text = block.text.replace(/\*\*/g, ' ');
  const cuts: number[] = [];
  const re = /(?<=[^ -~\s])\s+(?=[^ -~\s])/g;
  // A rubric (【美簽港自治法】) is a part of its own even without a space after it.
  const rubric = RUBRIC.exec(text);
  if (rubric !== null && !/^\s/.test(text.slice(rubric[0].length))) {
    cuts.push(rubric[0].length, rubric[0].length);
  }
  for (let m = re.exec(text); m !== null; m = re.exec(text))
    cuts.push(m.index, m.index + m[0].length);
  const wrapped = cuts.length === 0;
  if (wrapped && !subtitleFollows) {
    // A wrap that broke at the space between title and subtitle dropped the space: the
    // line break is then the only place left to cut (習近平…多邊主義 / 中俄延續…條約).
    // Had it cut inside the title instead, the subtitle would stand on a line of its own.
    for (const seg of block.segments.slice(1)) if (seg.sep === '') cuts.push(seg.at, seg.at);
  }
  if (cuts.length === 0) return [{ ...node, type: 'headline' }];
  const bounds = [0, ...cuts, text.length];
  const parts: { from: number; to: number; n: number }[] = [];
  for (let k = 0; k < bounds.length; k += 2) {
    const from = bounds[k] as number;
    const to = bounds[k + 1] as number;
    parts.push({ from, to, n: codePointLength(text.slice(from, to)) });
  }
  const lengths = parts.map((p) => p.n);
  const first = parts[0] as { from: number; to: number; n: number };
  const longest = lengths.reduce((max, n) => Math.max(max, n), 0);
  const shortest = lengths.reduce((min, n) => Math.min(min, n), Number.POSITIVE_INFINITY);
  const balanced = longest - shortest <= COUPLET_SLACK;
  const colon = /[：:]/.test(text.slice(first.from, first.to));
  const titled = colon || (!wrapped && first.n === longest);
  if (balanced || !titled || lengths.some((n) => n < MIN_PART))
    return [{ ...node, type: 'headline' }];
  const head = sliceBlock(block, first.from, first.to, view);
  const rest = sliceBlock(block, (parts[1] as { from: number }).from, text.length, view);
  return [
    { type: 'headline', ...head, text: head.text.replace(/\*\*/g, '') },
    { type: 'subheadline', ...rest, text: rest.text.replace(/\*\*/g, '') },
  ];
}
