import { type ArticleText, articleText, toSource } from '../annotate/article-text.ts';
import { toSimplified } from '../normalize/index.ts';
import type { ArticleNode, BlockNode, PageNode, Script } from '../tree/types.ts';

/**
 * A statement as compare reads it: its sentences in reading order, and its positions (the
 * stances and quotes the annotators found), each placed in the sentence that holds it.
 * Offsets are the page's own (decoded text); `key` is the Simplified text with spacing and
 * punctuation left out, so the same sentence in the other script, with other quotation
 * marks or line ends, has the same key.
 */

/** A sentence of the statement. */
export interface Sentence {
  /** As the page writes it (lines rejoined). */
  text: string;
  /** Its range in the page text. */
  start: number;
  end: number;
  /** Simplified, without spacing and punctuation: what is compared. */
  key: string;
  /** Whether it is a headline or heading rather than body text. */
  heading: boolean;
}

/** A stance of the statement, with its sentence. */
export interface StancePosition {
  type: 'stance';
  /** Entity ids (Simplified canonical, the same in both scripts), sorted. */
  actorIds: string[];
  /** The actors' canonical names in the page's script, in the order of `actorIds`. */
  actors: string[];
  class: string;
  cue: string;
  /** The cue in Simplified, for comparison. */
  cueKey: string;
  target: string;
  targetKey: string;
  negated: boolean;
  /** Modal and aspect words in Simplified (将, 继续, 应 …), for comparison. */
  modality: string[];
  /** The same words as the page writes them, in the order of `modality`. */
  modalityText: string[];
  start: number;
  end: number;
  /** Index of the sentence that holds it. */
  sentence: number;
}

/** A quote of the statement, with its sentence. */
export interface QuotePosition {
  type: 'quote';
  /** The speaker's entity id, or `?` and the speaker as written when unresolved. */
  speakerId: string;
  speaker: string;
  kind: 'direct' | 'reported';
  content: string;
  contentKey: string;
  start: number;
  end: number;
  sentence: number;
}

export interface Statement {
  /** How the statement is named in reports: a file name or `#12`. */
  label: string;
  script: Script;
  /** The page text every offset points into. */
  text: string;
  headline: string;
  sentences: Sentence[];
  stances: StancePosition[];
  quotes: QuotePosition[];
}

/** Blocks that are no part of what the statement says (furniture: a web page's breadcrumb, share buttons, related links). */
const SKIPPED = new Set<BlockNode['type']>(['caption', 'credit', 'byline', 'source', 'furniture']);
const HEADINGS = new Set<BlockNode['type']>(['headline', 'subheadline', 'heading']);

/** Marks that end a sentence, and closing marks that stay with it. */
const END_MARK = /[。！？!?]/;
const CLOSERS = /[」』”’）)》〉\]"']/;

/** Characters left out of a key: spacing, punctuation and symbols. */
const NOT_KEY = /[\s\p{P}\p{S}]/gu;

/** The comparable form of a Simplified text: no spacing, punctuation or symbols. */
export function keyOf(simplified: string): string {
  return simplified.replace(NOT_KEY, '');
}

/** Splits one line of an article text (a block) at its sentence ends. */
function splitLine(line: string): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  let from = 0;
  let i = 0;
  while (i < line.length) {
    if (END_MARK.test(line[i] as string)) {
      let to = i + 1;
      while (
        to < line.length &&
        (END_MARK.test(line[to] as string) || CLOSERS.test(line[to] as string))
      )
        to++;
      out.push({ from, to });
      from = to;
      i = to;
    } else {
      i++;
    }
  }
  if (from < line.length) out.push({ from, to: line.length });
  return out;
}

/** The sentences of one article, read in the annotators' text. */
function articleSentences(at: ArticleText): Sentence[] {
  const out: Sentence[] = [];
  for (const block of at.blocks) {
    if (SKIPPED.has(block.node.type)) continue;
    const simplified = at.simplified.text;
    // Blocks are placed in the original view; the Simplified view's units map into it
    // (a phrase may convert to another length), so its range is looked up.
    const sFrom = indexInView(at.simplified.starts, block.from);
    const sTo = indexInView(at.simplified.starts, block.to);
    const line = simplified.slice(sFrom, sTo);
    for (const piece of splitLine(line)) {
      // Leading and trailing spacing is no part of the sentence.
      let from = piece.from;
      let to = piece.to;
      while (from < to && /\s/.test(line[from] as string)) from++;
      while (to > from && /\s/.test(line[to - 1] as string)) to--;
      if (to <= from) continue;
      const key = keyOf(line.slice(from, to));
      if (key === '') continue;
      const range = toSource(at, sFrom + from, sFrom + to);
      const oFrom = at.simplified.starts[sFrom + from] ?? 0;
      const oTo = at.simplified.ends[sFrom + to - 1] ?? oFrom;
      out.push({
        text: at.original.text.slice(oFrom, oTo),
        start: range.start,
        end: range.end,
        key,
        heading: HEADINGS.has(block.node.type),
      });
    }
  }
  return out;
}

/** The first unit of a view that came from original unit `at` or later. */
function indexInView(starts: Int32Array, at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((starts[mid] as number) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the sentence holding offset `at`: the last that starts at or before it. */
function sentenceAt(sentences: readonly Sentence[], at: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((sentences[mid] as Sentence).start <= at) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/**
 * Reads an annotated page (every article of it, in order) into a statement.
 * Throws a TypeError when the page was not annotated: positions need the annotators;
 * with `sentencesOnly`, an article without annotations gives its sentences alone.
 */
export function readStatement(page: PageNode, label: string, sentencesOnly = false): Statement {
  if (page?.type !== 'page') throw new TypeError(`${label}: not a page tree`);
  const sentences: Sentence[] = [];
  const stances: StancePosition[] = [];
  const quotes: QuotePosition[] = [];
  for (const article of page.children) {
    if (article.annotations === undefined && !sentencesOnly) {
      throw new TypeError(`${label}: the page is not annotated`);
    }
    const before = sentences.length;
    sentences.push(...articleSentences(articleText(article, page.text)));
    const own = sentences.slice(before);
    if (own.length === 0) continue;
    readPositions(article, own, before, stances, quotes);
  }
  const headline = page.children.flatMap((a) => a.children).find((b) => b.type === 'headline');
  return {
    label,
    script: page.source.script,
    text: page.text,
    headline: headline?.text ?? '',
    sentences,
    stances,
    quotes,
  };
}

function readPositions(
  article: ArticleNode,
  sentences: readonly Sentence[],
  offset: number,
  stances: StancePosition[],
  quotes: QuotePosition[],
): void {
  const a = article.annotations;
  if (a === undefined) return;
  const names = new Map(a.entities.map((e) => [e.id, e.canonical]));
  const nameOf = (id: string) => names.get(id) ?? id.slice(id.indexOf(':') + 1);
  for (const s of a.stances) {
    const actorIds = [...new Set(s.actors)].sort();
    const at = s.target.end > s.target.start ? s.target.start : Math.max(s.start, s.end - 1);
    stances.push({
      type: 'stance',
      actorIds,
      actors: actorIds.map(nameOf),
      class: s.class,
      cue: s.cue,
      cueKey: toSimplified(s.cue),
      target: s.target.text,
      targetKey: keyOf(toSimplified(s.target.text)),
      negated: s.negated,
      ...modalityOf(s.modality),
      start: s.start,
      end: s.end,
      sentence: offset + sentenceAt(sentences, at),
    });
  }
  for (const q of a.quotes) {
    const speakerId = q.speaker ?? `?${toSimplified(q.speakerText)}`;
    quotes.push({
      type: 'quote',
      speakerId,
      speaker: q.speaker === null ? q.speakerText : nameOf(q.speaker),
      kind: q.kind,
      content: q.content.text,
      contentKey: keyOf(toSimplified(q.content.text)),
      start: q.start,
      end: q.end,
      sentence: offset + sentenceAt(sentences, q.content.start),
    });
  }
}

/** Modal words, each once, sorted by their Simplified form, with the page's spelling. */
function modalityOf(words: readonly string[]): { modality: string[]; modalityText: string[] } {
  const byKey = new Map<string, string>();
  for (const w of words) {
    const key = toSimplified(w);
    if (!byKey.has(key)) byKey.set(key, w);
  }
  const modality = [...byKey.keys()].sort();
  return { modality, modalityText: modality.map((k) => byKey.get(k) as string) };
}
