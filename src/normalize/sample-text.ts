/**
 * Up to about `limit` units of `text`, taken as `windows` evenly spaced slices joined by
 * line feeds; the whole text when it is short enough. Slices never split a surrogate pair.
 */
export function sampleText(text: string, limit: number, windows = 20): string {
  const n = text.length;
  if (n <= limit) return text;
  const size = Math.max(1, Math.floor(limit / windows));
  const step = (n - size) / (windows - 1);
  const parts: string[] = [];
  for (let w = 0; w < windows; w++) {
    let start = Math.floor(w * step);
    let end = Math.min(n, start + size);
    if (isLowSurrogate(text.charCodeAt(start))) start++;
    if (end < n && isLowSurrogate(text.charCodeAt(end))) end++;
    parts.push(text.slice(start, end));
  }
  return parts.join('\n');
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
