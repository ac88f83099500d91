/**
 * Text transforms that imitate how pages reach us: hard-wrapped by a PDF copy or a narrow
 * column, or saved with CRLF line ends. Pure functions over strings; widths count code
 * points, so a surrogate pair is never split.
 */

function lines(text: string): string[] {
  return text.split(/\r\n|\n|\r/);
}

/** Cuts every line longer than `width` into chunks of exactly `width` code points. */
export function wrapHard(text: string, width: number): string {
  if (!(width >= 1)) throw new RangeError('wrapHard: `width` must be at least 1');
  return lines(text)
    .map((line) => {
      const chars = Array.from(line);
      if (chars.length <= width) return line;
      const out: string[] = [];
      for (let i = 0; i < chars.length; i += width) out.push(chars.slice(i, i + width).join(''));
      return out.join('\n');
    })
    .join('\n');
}

const SPACE = /^\s+$/;

/**
 * Wraps every line longer than `width` the way Python's textwrap.wrap does by default:
 * break at whitespace when a word would overflow, drop the whitespace at the break, keep a
 * line's leading indentation, and cut a word longer than the width to fill the line.
 * Chinese text has few spaces, so mostly this cuts like {@link wrapHard}; where there are
 * spaces (香港文匯報訊 據…, two-part headlines) the breaks move to them.
 */
export function wrapWords(text: string, width: number): string {
  if (!(width >= 1)) throw new RangeError('wrapWords: `width` must be at least 1');
  return lines(text)
    .map((line) => {
      if (Array.from(line).length <= width) return line;
      const chunks = (line.match(/\s+|\S+/g) ?? []).map((c) => Array.from(c));
      const out: string[] = [];
      let i = 0;
      while (i < chunks.length) {
        // Whitespace at the start of a continuation line goes (the first line keeps its indent).
        if (out.length > 0 && SPACE.test((chunks[i] ?? []).join(''))) {
          i++;
          continue;
        }
        const current: string[][] = [];
        let used = 0;
        while (i < chunks.length && used + (chunks[i]?.length ?? 0) <= width) {
          const chunk = chunks[i] ?? [];
          current.push(chunk);
          used += chunk.length;
          i++;
        }
        const next = chunks[i];
        if (next !== undefined && next.length > width && used < width) {
          // A word longer than a whole line fills what is left of this one.
          current.push(next.slice(0, width - used));
          chunks[i] = next.slice(width - used);
        }
        const last = current[current.length - 1];
        if (last !== undefined && SPACE.test(last.join(''))) current.pop();
        if (current.length > 0) out.push(current.map((c) => c.join('')).join(''));
      }
      return out.join('\n');
    })
    .join('\n');
}

/** Every line end as CRLF. */
export function toCrlf(text: string): string {
  return text.replace(/\r\n|\n|\r/g, '\r\n');
}
