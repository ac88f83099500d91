import type { Diagnostic, Range } from '../tree/types.ts';

/** One line of the normalized view, trimmed; offsets are normalized-view offsets. */
export interface Line {
  /** 0-based line number (the same in the decoded text: normalization keeps line breaks). */
  index: number;
  /** Normalized offsets of the trimmed content. */
  start: number;
  end: number;
  /** Leading spaces before the content. */
  indent: number;
  /** The trimmed content; empty for a blank line. */
  text: string;
  /** Spaces after the content (a cut wrap may leave the one it cut before). */
  trailing: number;
  /** Code points of the whole line, indent and trailing spaces included. */
  length: number;
  /** Display width of the same (wide characters count 2). */
  width: number;
}

/** A piece of a block's text: one line's content, with what was put before it when joined. */
export interface Segment {
  /** Normalized offsets of the content. */
  start: number;
  end: number;
  /** Offset of this segment's first unit in the block's text. */
  at: number;
  /** Inserted before the segment when joined ('' or ' '); not in the source. */
  sep: string;
}

/** How the page was hard-wrapped, when it was: every full line is `width` long. */
export interface Wrap {
  width: number;
  measure: 'chars' | 'display';
  /** Lines this much shorter than `width` still count as full (display widths only). */
  tolerance: number;
}

/** Consecutive lines read as one unit (a paragraph, a headline, a list item …). */
export interface LayoutBlock extends Range {
  type: 'block';
  /** The lines' contents joined: repaired, no line break inside. */
  text: string;
  segments: Segment[];
  lines: Line[];
  /** Blank lines right before and after the block. */
  blankBefore: number;
  blankAfter: number;
  /** Indent of the first line. */
  indent: number;
  /** True when the block's last line was a full line of a hard-wrapped page. */
  endsFull: boolean;
}

/** The layout tree: the page's blocks in reading order, with what layout learnt. */
export interface LayoutRoot extends Range {
  type: 'layout';
  children: LayoutBlock[];
  wrap: Wrap | null;
  /** The usual number of blank lines between blocks on this page (0, 1, 2 …). */
  blankGap: number;
  diagnostics: Diagnostic[];
}
