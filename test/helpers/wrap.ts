/**
 * Hard wrappers for tests: the two ways pages reach us cut at a fixed width.
 * Each line of the input is wrapped on its own, so blank lines stay where they were.
 */

/** Cuts every line longer than `width` code points into chunks of exactly `width`. */
export function sliceWrap(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => {
      const cps = [...line];
      if (cps.length <= width) return line;
      const out: string[] = [];
      for (let i = 0; i < cps.length; i += width) out.push(cps.slice(i, i + width).join(''));
      return out.join('\n');
    })
    .join('\n');
}

/**
 * Wraps like a word wrapper (Python's textwrap.fill): breaks at spaces where it can, cuts
 * a word longer than the room left, drops the space at a break, keeps a line's indent.
 */
export function wordWrap(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => {
      if ([...line].length <= width) return line;
      const indent = /^\s*/.exec(line)?.[0] ?? '';
      const out: string[] = [];
      let cur = indent;
      const room = () => width - [...cur].length;
      for (const word of line.trim().split(/\s+/)) {
        let rest = [...word];
        const gap = cur.trim() === '' ? 0 : 1;
        if (rest.length + gap <= room()) {
          cur += (gap ? ' ' : '') + word;
          continue;
        }
        if (cur.trim() !== '') {
          if (rest.length > width && room() - 1 > 0) {
            const take = room() - 1;
            cur += ` ${rest.slice(0, take).join('')}`;
            rest = rest.slice(take);
          }
          out.push(cur);
          cur = '';
        }
        while (rest.length > room()) {
          const take = room();
          out.push(cur + rest.slice(0, take).join(''));
          cur = '';
          rest = rest.slice(take);
        }
        cur += rest.join('');
      }
      if (cur !== '') out.push(cur);
      return out.join('\n');
    })
    .join('\n');
}

/** Drops every blank or whitespace-only line. */
export function dropBlankLines(text: string): string {
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .join('\n');
}
