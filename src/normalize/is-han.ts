/** True for code points of Han ideographs (CJK unified, extensions, compatibility, 〇). */
export function isHan(cp: number): boolean {
  if (cp < 0x3007) return false;
  if (cp < 0x4e00) return cp === 0x3007 || (cp >= 0x3400 && cp <= 0x4dbf);
  if (cp <= 0x9fff) return true;
  if (cp >= 0xf900 && cp <= 0xfaff) return true;
  return cp >= 0x20000 && cp <= 0x323af;
}
