/** The values of the Chinese digits. */
const DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** Reads a number written in Arabic, full-width or Chinese digits (二〇二一, 十二, 28). */
export function readNumber(text: string): number | null {
  const ascii = text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (/^[0-9]+$/.test(ascii)) return Number(ascii);
  if ([...text].every((c) => c in DIGITS)) return Number([...text].map((c) => DIGITS[c]).join(''));
  // 十, 十二, 二十, 二十八
  const m = /^([一二三四五六七八九])?十([一二三四五六七八九])?$/.exec(text);
  if (m !== null)
    return (m[1] ? (DIGITS[m[1]] as number) : 1) * 10 + (m[2] ? (DIGITS[m[2]] as number) : 0);
  return null;
}
