import { gluedCreditStart, MAX_GLUED_CAPTION } from '../text/captions.ts';
import {
  codePointLength,
  displayWidth,
  endingOf,
  hasProsePunctuation,
  isAlnum,
  isHan,
} from '../text/chars.ts';
import { CREDIT, DATELINE_AGENCY, DATELINE_HK, REPORTER } from '../text/patterns.ts';
import type { Diagnostic } from '../tree/types.ts';
import type { TextView } from '../tree/view.ts';
import { viewRangeToSource } from '../tree/view.ts';
import { isFull } from './detect-hard-wrap.ts';
import { isHeadlineShaped, isWhite } from './headline-shape.ts';
import type { LayoutBlock, Line, Segment, Wrap } from './types.ts';

/** Why two lines were joined: a hard wrap (at the width, or at a space before a word that
 *  did not fit), or a column or page break. */
type JoinKind = 'wrap' | 'word' | 'column';

/**
 * A line that opens a block of its own whatever came before: a caption or byline marker
 * (●▲◆■), a list bullet, a source line (來源：) or a dialogue line (普京：「…).
 */
const OPENS_BLOCK =
  /^(?:[●▲◆■▼◎]|[-*•・](?:\s|$)|(?:資料|资料|新聞|新闻|消息|文章|本文)?(?:來源|来源|稿源)\s*[：:]|[^\s：:「」，。、]{1,12}[：:]\s*[「“『])/;

/** Punctuation that closes what came before and so never opens a line. */
const CANNOT_OPEN = /^[。，、；：！？」』”’）)】》〕,.;:!?]/;

/** A caption or boxed byline marker. */
const MARKED = /^[●▲◆■▼◎]/;

/** Characters that open a list item. */
const BULLET_CHARS = '-*•・';

/** Blocks (a caption and its credit) a held paragraph may wait across. */
const MAX_HELD_BLOCKS = 2;

/** Shortest running text that may go on across a blank line when it ends mid-sentence. */
const MIN_PROSE = 15;
/** Text this long reads as running prose even without punctuation. */
const LONG_PROSE = 40;
/** Longest line we take for a title that must not be glued onto a broken paragraph. */
const MAX_TITLE = 30;

/**
 * Groups lines into blocks, rejoining what a column, page or hard wrap broke apart:
 * - a full line of a hard-wrapped page goes on in the next line;
 * - a line that ends mid-sentence (，、： or a word cut in two, 凌|駕) goes on in the next text
 *   line, even across blank or whitespace-only lines, when it reads as running prose;
 * - but a headline made of parts (【rubric】, parts set apart by spaces, X：…，…) that stands on
 *   its own goes on in nothing: it is never the first half of a broken paragraph. Where a
 *   word wrapper broke it at a space between parts, its lines are put back together.
 * Every join is reported with the source ranges it joined.
 */
export function joinBrokenLines(
  lines: readonly Line[],
  wrap: Wrap | null,
  view: TextView,
): { blocks: LayoutBlock[]; diagnostics: Diagnostic[] } {
  const blocks: LayoutBlock[] = [];
  const diagnostics: Diagnostic[] = [];
  let open: Draft | null = null;
  // A paragraph cut mid-sentence by a photo caption, held until its text resumes below.
  let held: { draft: Draft; blankAfter: number; blocks: number } | null = null;
  let blanks = 0;

  for (const line of lines) {
    if (line.length === 0) {
      blanks++;
      continue;
    }
    const kind = open === null ? null : joinKind(open, line, blanks, wrap, lines[line.index + 1]);
    if (open !== null && kind !== null) {
      const prev = open.lines[open.lines.length - 1] as Line;
      append(open, line, kind === 'word' ? ' ' : separator(prev, line, wrap));
      if (kind === 'column') diagnostics.push(columnJoin(prev, line, blanks, view, false));
      else open.wrapJoins++;
      blanks = 0;
      continue;
    }
    if (
      held !== null &&
      !MARKED.test(line.text) &&
      joinKind(held.draft, line, Math.max(1, blanks), wrap)
    ) {
      if (open !== null) blocks.push(finish(open, blanks, wrap, view, diagnostics));
      const prev = held.draft.lines[held.draft.lines.length - 1] as Line;
      append(held.draft, line, separator(prev, line, wrap));
      diagnostics.push(columnJoin(prev, line, blanks, view, true));
      open = held.draft;
      held = null;
      blanks = 0;
      continue;
    }
    if (held !== null && ++held.blocks > MAX_HELD_BLOCKS) {
      blocks.push(finish(held.draft, held.blankAfter, wrap, view, diagnostics));
      held = null;
    }
    if (open !== null) {
      if (held === null && MARKED.test(line.text) && isCutMidSentence(open)) {
        held = { draft: open, blankAfter: blanks, blocks: 0 };
      } else {
        blocks.push(finish(open, blanks, wrap, view, diagnostics));
      }
    }
    open = start(line, blanks);
    blanks = 0;
  }
  if (open !== null) blocks.push(finish(open, blanks, wrap, view, diagnostics));
  if (held !== null) blocks.push(finish(held.draft, held.blankAfter, wrap, view, diagnostics));
  blocks.sort((a, b) => a.start - b.start);
  return { blocks, diagnostics };
}

/** A paragraph that stops mid-sentence: its text must go on somewhere below. */
function isCutMidSentence(draft: Draft): boolean {
  const prev = draft.lines[draft.lines.length - 1] as Line;
  const ending = endingOf(stripTrailingMarkup(prev.text));
  return (ending === 'continuing' || ending === 'open') && isProseDraft(draft) && !draft.marked;
}

/**
 * A block being built. What the join rules ask of its whole text (does it open with a
 * caption mark, how long is it, does it hold prose punctuation) is kept up to date line by
 * line: asking the growing text itself costs its length each time, which made a page of
 * many short joining lines quadratic (issue 13).
 */
interface Draft {
  text: string;
  segments: Segment[];
  lines: Line[];
  blankBefore: number;
  wrapJoins: number;
  /** The text opens with a caption or boxed byline mark (MARKED). */
  marked: boolean;
  /** Code points of the text. */
  chars: number;
  /** The text holds prose punctuation. */
  punctuated: boolean;
}

function start(line: Line, blanks: number): Draft {
  return {
    text: line.text,
    segments: [{ start: line.start, end: line.end, at: 0, sep: '' }],
    lines: [line],
    blankBefore: blanks,
    wrapJoins: 0,
    marked: MARKED.test(line.text),
    chars: codePointLength(line.text),
    punctuated: hasProsePunctuation(line.text),
  };
}

function append(draft: Draft, line: Line, sep: string): void {
  draft.text += sep;
  draft.segments.push({ start: line.start, end: line.end, at: draft.text.length, sep });
  draft.text += line.text;
  draft.lines.push(line);
  draft.chars += codePointLength(sep) + codePointLength(line.text);
  draft.punctuated ||= hasProsePunctuation(sep) || hasProsePunctuation(line.text);
}

/** Running prose: punctuated sentences, or long text (from what the draft keeps). */
function isProseDraft(draft: Draft): boolean {
  return draft.chars >= LONG_PROSE || (draft.chars >= MIN_PROSE && draft.punctuated);
}

function finish(
  draft: Draft,
  blankAfter: number,
  wrap: Wrap | null,
  view: TextView,
  diagnostics: Diagnostic[],
): LayoutBlock {
  const first = draft.segments[0] as Segment;
  const last = draft.segments[draft.segments.length - 1] as Segment;
  const { start } = viewRangeToSource(view, first.start, first.end);
  const { end } = viewRangeToSource(view, last.start, last.end);
  if (draft.wrapJoins > 0 && wrap !== null) {
    const firstLine = (draft.lines[0] as Line).index + 1;
    const lastLine = (draft.lines[draft.lines.length - 1] as Line).index + 1;
    diagnostics.push({
      message: `rejoined ${draft.wrapJoins + 1} lines hard-wrapped at width ${wrap.width} (lines ${firstLine}–${lastLine})`,
      rule: 'join-broken-lines',
      source: 'layout',
      severity: 'info',
      start,
      end,
      ranges: draft.segments.map((s) => viewRangeToSource(view, s.start, s.end)),
    });
  }
  const lastLine = draft.lines[draft.lines.length - 1] as Line;
  return {
    type: 'block',
    start,
    end,
    text: draft.text,
    segments: draft.segments,
    lines: draft.lines,
    blankBefore: draft.blankBefore,
    blankAfter,
    indent: (draft.lines[0] as Line).indent,
    endsFull: isFull(lastLine, wrap),
  };
}

/** Decides whether `next` goes on the open block, and why. */
function joinKind(
  draft: Draft,
  next: Line,
  blanks: number,
  wrap: Wrap | null,
  after?: Line,
): JoinKind | null {
  if (
    OPENS_BLOCK.test(next.text) ||
    DATELINE_HK.test(next.text) ||
    DATELINE_AGENCY.test(next.text)
  ) {
    return null;
  }
  const prev = draft.lines[draft.lines.length - 1] as Line;
  // A line cannot open with 。，」: a wrap or break pushed them off the line they end.
  if (CANNOT_OPEN.test(next.text)) return isFull(prev, wrap) ? 'wrap' : 'column';
  if (blanks === 0 && isWordWrappedHeadline(draft, next, after, wrap)) return 'word';
  const kind = proseJoin(draft, prev, next, blanks, wrap);
  // A headline made of parts (【rubric】 A　B：…，…) standing on its own line, or on lines a
  // wrap cut, is not the first half of a paragraph broken across a column: it ends here
  // (a full line ends it too when a blank line follows). Asked only where the lines would
  // otherwise be joined.
  if (kind !== null && (blanks > 0 || !isFull(prev, wrap)) && isStandingHeadline(draft)) {
    return null;
  }
  return kind;
}

/** joinKind for a line that no mark decides: whether the text reads on into it. */
function proseJoin(
  draft: Draft,
  prev: Line,
  next: Line,
  blanks: number,
  wrap: Wrap | null,
): JoinKind | null {
  const ending = hasOpenBracket(prev.text)
    ? 'continuing'
    : endingOf(stripTrailingMarkup(prev.text));
  if (blanks === 0) {
    if (isFull(prev, wrap)) {
      // A full line that ends a sentence, or a caption already complete, followed by a
      // title: the text ended right at the width and the title stands on its own.
      const complete = ending === 'terminal' || (draft.marked && endsWithCredit(draft.text));
      return complete && isTitleLike(next, wrap) ? null : 'wrap';
    }
    // A caption or boxed byline goes on only where a wrap cut it, never into the body.
    if (draft.marked) return null;
    if (ending === 'continuing') return 'column';
    if (ending === 'open' && isProseDraft(draft) && !isTitleLike(next, wrap)) {
      return 'column';
    }
    return null;
  }
  // Across blank lines only running prose goes on: never a caption (marked, or a sentence
  // with its photo credit glued on: …會晤。美聯社), never a title.
  if (
    draft.marked ||
    (draft.text.length <= GLUED_CAPTION_LINE && gluedCreditStart(draft.text) !== null)
  )
    return null;
  if ((ending === 'continuing' || ending === 'open') && isProseDraft(draft)) {
    return isTitleLike(next, wrap) ? null : 'column';
  }
  return null;
}

/** A block of one line, or of lines a hard wrap cut, shaped like a headline of parts. */
function isStandingHeadline(draft: Draft): boolean {
  return (
    draft.wrapJoins === draft.lines.length - 1 &&
    isHeadlineShaped(draft.text) &&
    !isSpecialLine(draft.text)
  );
}

/** A line with a role of its own (來源：, a dateline, a reporter line, a caption): no title. */
function isSpecialLine(text: string): boolean {
  return (
    OPENS_BLOCK.test(text) ||
    DATELINE_HK.test(text) ||
    DATELINE_AGENCY.test(text) ||
    REPORTER.test(text)
  );
}

/**
 * A headline of parts that a word wrapper broke at the space between two parts: the line
 * ends short of the width only because the next part did not fit after it (its first word
 * plus a space would pass the width, while it fits a line of its own), and the two read as
 * one headline (【rubric】 / 外交部：…). `after` is the line below `next`.
 */
function isWordWrappedHeadline(
  draft: Draft,
  next: Line,
  after: Line | undefined,
  wrap: Wrap | null,
): boolean {
  if (wrap === null || draft.wrapJoins !== draft.lines.length - 1) return false;
  const prev = draft.lines[draft.lines.length - 1] as Line;
  if (isFull(prev, wrap)) return false;
  let space = 0;
  while (space < next.text.length && !isWhite(next.text.charCodeAt(space))) space++;
  const word = next.text.slice(0, space);
  // A full line without a space may hold only the start of a longer word (a paragraph's
  // first line): its word is whole only when nothing follows it.
  if (word === next.text && isFull(next, wrap) && after !== undefined && after.length > 0) {
    return false;
  }
  const size = (t: string) => (wrap.measure === 'chars' ? codePointLength(t) : displayWidth(t));
  const room = wrap.width - (wrap.measure === 'chars' ? prev.length : prev.width);
  return (
    size(word) + 1 > room &&
    size(word) + next.indent <= wrap.width &&
    !isSpecialLine(draft.text) &&
    isHeadlineShaped(`${draft.text} ${next.text}`)
  );
}

/** A line that opens a bracket or a title mark and does not close it: （記者 / 《中俄. */
function hasOpenBracket(text: string): boolean {
  const open = Math.max(text.lastIndexOf('（'), text.lastIndexOf('《'), text.lastIndexOf('【'));
  if (open === -1) return false;
  const rest = text.slice(open);
  return !/[）》】]/.test(rest);
}

/** Longest line that can be a sentence with its credit glued on (a growing block of prose
 * is never looked at again). */
const GLUED_CAPTION_LINE = MAX_GLUED_CAPTION + 48;

/** A caption line closed by its credit: ●…打招呼。 網上圖片. */
function endsWithCredit(text: string): boolean {
  const cut = Math.max(text.lastIndexOf(' '), text.lastIndexOf('。'));
  return cut > 0 && CREDIT.test(text.slice(cut + 1));
}

/** A short unpunctuated line that does not end a sentence: a title, not a paragraph's tail. */
function isTitleLike(line: Line, wrap: Wrap | null): boolean {
  return (
    !isFull(line, wrap) &&
    line.length <= MAX_TITLE &&
    /[\p{L}\p{N}].*[\p{L}\p{N}]/u.test(line.text) &&
    !hasProsePunctuation(line.text) &&
    endingOf(line.text) !== 'terminal'
  );
}

/** `**` closing an emphasis does not end a sentence: look at what it closes. */
function stripTrailingMarkup(text: string): string {
  return text.endsWith('**') ? text.slice(0, -2) : text;
}

/**
 * What to put between joined lines: nothing in Chinese text; a space between Latin words
 * unless a full line of a wrapped page cut a word in two.
 */
function separator(prev: Line, next: Line, wrap: Wrap | null): string {
  const a = prev.text.charCodeAt(prev.text.length - 1);
  const b = next.text.charCodeAt(0);
  // A bullet left alone on its line by a wrap (- / 世界正經歷…) keeps its space.
  if (prev.text.length === 1 && BULLET_CHARS.includes(prev.text)) return ' ';
  // A wrap that cut at a space leaves it closing this line or opening the next.
  if ((next.indent > 0 || prev.trailing > 0) && isFull(prev, wrap)) return ' ';
  if (!isAlnum(b)) return '';
  if (isAlnum(a)) return isFull(prev, wrap) ? '' : ' ';
  return a === 0x2c || a === 0x2e || a === 0x3b || a === 0x3a || a === 0x21 || a === 0x3f
    ? ' '
    : '';
}

function columnJoin(
  prev: Line,
  next: Line,
  blanks: number,
  view: TextView,
  pastCaption: boolean,
): Diagnostic {
  const a = viewRangeToSource(view, prev.start, prev.end);
  const b = viewRangeToSource(view, next.start, next.end);
  const lastChar = lastCodePoint(prev.text);
  const firstChar = String.fromCodePoint(next.text.codePointAt(0) ?? 0x20);
  const splitWord = isHan(lastChar.charCodeAt(0)) && isHan(firstChar.charCodeAt(0));
  const across = pastCaption
    ? ' across a photo caption'
    : blanks > 0
      ? ` across ${blanks} blank line${blanks > 1 ? 's' : ''}`
      : '';
  const why = splitWord
    ? `split word ${lastChar}|${firstChar}`
    : `line ended mid-sentence (${lastChar})`;
  return {
    message: `joined line ${prev.index + 1} and ${next.index + 1}${across}: ${why}`,
    rule: 'join-broken-lines',
    source: 'layout',
    severity: 'info',
    start: a.start,
    end: b.end,
    ranges: [a, b],
  };
}

function lastCodePoint(text: string): string {
  const code = text.charCodeAt(text.length - 1);
  if (code >= 0xdc00 && code <= 0xdfff && text.length >= 2) return text.slice(-2);
  return text.slice(-1);
}
