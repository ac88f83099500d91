import type { BlockNode, Diagnostic, PageNode, Range } from '../tree/types.ts';

/**
 * What the parser changed on the way from the page to its articles, as spans of the decoded
 * text a reader can see marked in the original layout. Read from the page tree: layout
 * reports every join it made (`join-broken-lines` diagnostics with the source ranges it
 * joined), and the gap between two joined ranges tells what the join removed.
 */

/** Kinds of repair:
 * - `join`: a line break inside a sentence or a word (凌|駕) removed, the lines read as one;
 * - `wrap`: a line break of a hard-wrapped page removed;
 * - `blank-dropped`: blank lines inside a paragraph broken across them removed;
 * - `caption-moved`: a photo caption that cut a paragraph in two taken out of its way (the
 *   article shows it with its captions, the paragraph reads on across it). */
export type RepairKind = 'join' | 'wrap' | 'blank-dropped' | 'caption-moved';

/** One repair: what was changed, where in the decoded text, and why. */
export interface Repair extends Range {
  kind: RepairKind;
  /** Why, in the parser's words: "joined line 3 and 5 across 1 blank line: split word 凌|駕". */
  note: string;
}

const JOIN_RULE = 'join-broken-lines';
/** Hard-wrap joins say "rejoined N lines hard-wrapped at width W"; column joins "joined …". */
const WRAP_MESSAGE = /^rejoined /;
const LINE_BREAK = /\r\n|\r|\n/g;

/** Captions and their credits: what a join may have stepped over. */
function captionsOf(page: PageNode): BlockNode[] {
  return page.children.flatMap((article) =>
    article.children.filter((b) => b.type === 'caption' || b.type === 'credit'),
  );
}

/** What one seam between two joined ranges of a column join removed. */
function classifySeam(
  page: PageNode,
  gap: Range,
  captions: readonly BlockNode[],
  note: string,
): Repair {
  const inGap = captions.filter((c) => c.start >= gap.start && c.end <= gap.end);
  if (inGap.length > 0) {
    return {
      kind: 'caption-moved',
      start: inGap.reduce((min, c) => Math.min(min, c.start), Number.POSITIVE_INFINITY),
      end: inGap.reduce((max, c) => Math.max(max, c.end), 0),
      note,
    };
  }
  const breaks = page.text.slice(gap.start, gap.end).match(LINE_BREAK)?.length ?? 0;
  return { kind: breaks > 1 ? 'blank-dropped' : 'join', ...gap, note };
}

function seams(diagnostic: Diagnostic): Range[] {
  const ranges = diagnostic.ranges ?? [];
  const out: Range[] = [];
  for (let i = 0; i + 1 < ranges.length; i++) {
    const a = ranges[i] as Range;
    const b = ranges[i + 1] as Range;
    if (a.end <= b.start) out.push({ start: a.end, end: b.start });
  }
  return out;
}

/**
 * The repairs of a parsed page, in text order; with `within`, only those inside that range
 * (one article's). Offsets index `page.text`.
 */
export function findRepairs(page: PageNode, within?: Range): Repair[] {
  const captions = captionsOf(page);
  const repairs: Repair[] = [];
  for (const diagnostic of page.diagnostics) {
    if (diagnostic.rule !== JOIN_RULE) continue;
    const wrap = WRAP_MESSAGE.test(diagnostic.message);
    for (const gap of seams(diagnostic)) {
      repairs.push(
        wrap
          ? { kind: 'wrap', ...gap, note: diagnostic.message }
          : classifySeam(page, gap, captions, diagnostic.message),
      );
    }
  }
  const kept =
    within === undefined
      ? repairs
      : repairs.filter((r) => r.start >= within.start && r.end <= within.end);
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}
