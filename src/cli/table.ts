import { displayWidth } from '../text/chars.ts';
import type { Range } from '../tree/types.ts';

/**
 * Tables for the terminal: columns sized to their content, the flexible ones shrunk to fit
 * the width, Chinese characters counted two columns wide, long cells cut with …, and
 * highlighted stretches (search matches) in reverse video on a colour terminal or between
 * « » elsewhere.
 */

/** One column: its header, alignment, and whether it gives up width when space is short. */
export interface Column {
  header: string;
  align?: 'left' | 'right';
  /** Share of the spare width this column may shrink to; 0 (default) keeps it whole. */
  flex?: number;
  /** Widest it gets, in terminal columns. */
  max?: number;
}

/** A cell: text, or text with stretches to highlight. */
export type Cell = string | { text: string; highlights: readonly Range[] };

/** How to show highlights. */
export interface TableStyle {
  width: number;
  color: boolean;
}

const GAP = 2;
const MIN_FLEX = 8;
const ESC = '\u001b';
/** An SGR escape sequence (colours, reverse video): no width on the screen. */
const SGR = new RegExp(`${ESC}\\[[0-9;]*m`, 'g');
const SGR_AT_START = new RegExp(`^${ESC}\\[[0-9;]*m`);
const ON = `${ESC}[7m`;
const OFF = `${ESC}[27m`;

/** A cell's text with line breaks and tabs as spaces, and its highlights marked. */
function marked(cell: Cell, color: boolean): string {
  const text = (typeof cell === 'string' ? cell : cell.text).replace(/[\t\r\n]/g, ' ');
  if (typeof cell === 'string' || cell.highlights.length === 0) return text;
  const [open, close] = color ? [ON, OFF] : ['«', '»'];
  let out = '';
  let at = 0;
  for (const h of cell.highlights) {
    if (h.start < at) continue;
    out += text.slice(at, h.start) + open + text.slice(h.start, h.end) + close;
    at = h.end;
  }
  return out + text.slice(at);
}

/** Display width, not counting escape sequences. */
export function visibleWidth(text: string): number {
  return displayWidth(text.includes(ESC) ? text.replace(SGR, '') : text);
}

/** Cuts `text` to at most `width` columns, ending with … when cut; escapes kept, reverse
 * video switched off at the cut. */
export function truncate(text: string, width: number): string {
  if (visibleWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  let inverse = false;
  for (let i = 0; i < text.length; ) {
    if (text[i] === ESC) {
      const m = SGR_AT_START.exec(text.slice(i));
      if (m !== null) {
        out += m[0];
        inverse = m[0] === ON;
        i += m[0].length;
        continue;
      }
    }
    const cp = text.codePointAt(i) as number;
    const ch = String.fromCodePoint(cp);
    const w = displayWidth(ch);
    if (used + w > width - 1) break;
    out += ch;
    used += w;
    i += ch.length;
  }
  return `${out}${inverse ? OFF : ''}…`;
}

/**
 * A highlighted cell wider than its column, its first highlight past the edge: cut at the
 * start instead, so the highlight shows a quarter of the way in.
 */
function showHighlight(cell: Cell, width: number): Cell {
  if (typeof cell === 'string' || cell.highlights.length === 0) return cell;
  const text = cell.text.replace(/[\t\r\n]/g, ' ');
  const first = cell.highlights[0] as Range;
  if (displayWidth(text.slice(0, first.end)) + 2 <= width) return cell;
  let from = first.start;
  let lead = 0;
  const room = Math.floor(width / 4);
  while (from > 0) {
    const w = displayWidth(text.slice(from - 1, from));
    if (lead + w > room) break;
    lead += w;
    from--;
  }
  if (from > 0 && text.charCodeAt(from) >= 0xdc00 && text.charCodeAt(from) <= 0xdfff) from++;
  const shift = 1 - from;
  return {
    text: `…${text.slice(from)}`,
    highlights: cell.highlights
      .filter((h) => h.start >= from)
      .map((h) => ({ start: h.start + shift, end: h.end + shift })),
  };
}

function pad(text: string, width: number, align: 'left' | 'right'): string {
  const room = Math.max(0, width - visibleWidth(text));
  return align === 'right' ? ' '.repeat(room) + text : text + ' '.repeat(room);
}

/**
 * Column widths that fit `width`: natural widths, then the flexible columns cut one column
 * at a time, always the one widest for its share (width ÷ flex), so a long snippet gives up
 * room before a short headline does; none below MIN_FLEX.
 */
function fit(columns: readonly Column[], natural: number[], width: number): number[] {
  const widths = natural.map((w, i) => Math.min(w, columns[i]?.max ?? w));
  let excess = widths.reduce((a, b) => a + b, 0) + GAP * (widths.length - 1) - width;
  while (excess > 0) {
    let pick = -1;
    let ratio = 0;
    columns.forEach((c, i) => {
      const flex = c.flex ?? 0;
      const w = widths[i] as number;
      if (flex > 0 && w > MIN_FLEX && w / flex > ratio) {
        ratio = w / flex;
        pick = i;
      }
    });
    if (pick < 0) break;
    widths[pick] = (widths[pick] as number) - 1;
    excess--;
  }
  return widths;
}

/** Renders rows under a header and a rule, fitted to `style.width` columns. */
export function renderTable(
  columns: readonly Column[],
  rows: readonly (readonly Cell[])[],
  style: TableStyle,
): string {
  const natural = columns.map((c, i) =>
    Math.max(
      visibleWidth(c.header),
      ...rows.map((row) => visibleWidth(marked(row[i] ?? '', style.color))),
    ),
  );
  const widths = fit(columns, natural, style.width);
  const texts = rows.map((row) =>
    columns.map((_, i) => marked(showHighlight(row[i] ?? '', widths[i] as number), style.color)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) =>
        pad(truncate(cell, widths[i] as number), widths[i] as number, columns[i]?.align ?? 'left'),
      )
      .join(' '.repeat(GAP))
      .trimEnd();
  return [
    line(columns.map((c) => c.header)),
    widths.map((w) => '─'.repeat(w)).join(' '.repeat(GAP)),
    ...texts.map(line),
    '',
  ].join('\n');
}
