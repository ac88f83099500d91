/**
 * Big5 lacks a few characters Hong Kong and mainland text uses (着, 〇). A page "saved as
 * Big5" is saved the way an editor would: such a character becomes its usual Big5 form, or
 * ？ when there is none. The eval adjusts the gold with the same function.
 */
const BIG5_FORMS: Readonly<Record<string, string>> = { 着: '著', 〇: '零' };

/** What a Big5-safe pass replaced: "着→著" → count. */
export type Replacements = Map<string, number>;

/**
 * Makes a function that returns `text` with every character `encode` rejects replaced;
 * `encode` is a Big5 encoder that throws on a character it lacks. Answers are cached per
 * character, so a large corpus costs one encoder call per distinct character.
 */
export function big5Safe(encode: (text: string) => Uint8Array) {
  const known = new Map<string, boolean>();
  const encodable = (ch: string): boolean => {
    let ok = known.get(ch);
    if (ok === undefined) {
      try {
        encode(ch);
        ok = true;
      } catch {
        ok = false;
      }
      known.set(ch, ok);
    }
    return ok;
  };
  return (text: string, replaced?: Replacements): string => {
    let out = '';
    for (const ch of text) {
      if (ch.charCodeAt(0) < 0x80 || encodable(ch)) {
        out += ch;
        continue;
      }
      const form = BIG5_FORMS[ch] ?? '？';
      replaced?.set(`${ch}→${form}`, (replaced.get(`${ch}→${form}`) ?? 0) + 1);
      out += form;
    }
    return out;
  };
}
