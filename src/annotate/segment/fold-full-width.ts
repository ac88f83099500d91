/**
 * Full-width Latin letters and digits (ＩＢＭ, １９９８) folded to ASCII, one unit for one
 * unit, so jieba reads them as it reads ASCII: a run of them is one word instead of one
 * word per character. The full-width point and percent sign fold too (３．５％ → 3.5%).
 * Other full-width punctuation (，：；！？（）) keeps its shape: jieba treats it alike.
 */
export function foldFullWidth(text: string): string {
  let out: string[] | null = null;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isFoldable(c)) continue;
    if (out === null) out = [];
    out.push(text.slice(from, i), String.fromCharCode(c - 0xfee0));
    from = i + 1;
  }
  if (out === null) return text;
  out.push(text.slice(from));
  return out.join('');
}

function isFoldable(c: number): boolean {
  if (c < 0xff05 || c > 0xff5a) return false;
  return (
    (c >= 0xff10 && c <= 0xff19) || // ０-９
    (c >= 0xff21 && c <= 0xff3a) || // Ａ-Ｚ
    (c >= 0xff41 && c <= 0xff5a) || // ａ-ｚ
    c === 0xff0e || // ．
    c === 0xff05 // ％
  );
}
