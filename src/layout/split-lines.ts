import { codePointLength, displayWidth } from '../text/chars.ts';
import type { Line } from './types.ts';

/**
 * Splits the normalized text into lines, trimmed, with indent and measured length.
 * Normalization has already made every line end a single "\n" and odd spaces plain ones.
 */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let lineStart = 0;
  let index = 0;
  const n = text.length;
  while (lineStart <= n) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = n;
    let s = lineStart;
    while (s < lineEnd && isSpace(text.charCodeAt(s))) s++;
    let e = lineEnd;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    const content = text.slice(s, e);
    const indent = s - lineStart;
    lines.push({
      index,
      start: s,
      end: e,
      indent: e > s ? indent : 0,
      trailing: e > s ? lineEnd - e : 0,
      text: content,
      length: e > s ? indent + codePointLength(content) + (lineEnd - e) : 0,
      width: e > s ? indent + displayWidth(content) + (lineEnd - e) : 0,
    });
    index++;
    if (lineEnd === n) break;
    lineStart = lineEnd + 1;
  }
  return lines;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09;
}
