import type { Encoding } from '../tree/types.ts';

/** How far into a page its `<meta charset>` is looked for (the HTML standard says 1024). */
const PRESCAN_BYTES = 4096;

/**
 * Charset labels as pages and servers write them, mapped to the encodings jiedu reads. GBK
 * and GB2312 are read as GB18030, their superset (pages labelled gb2312 routinely use GBK
 * characters); Big5 as Big5-HKSCS, a superset of Big5.
 */
const LABELS: Record<string, Encoding> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'unicode-1-1-utf-8': 'utf-8',
  'utf-16': 'utf-16le',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
  gb2312: 'gb18030',
  gbk: 'gb18030',
  gb18030: 'gb18030',
  'x-gbk': 'gb18030',
  cp936: 'gb18030',
  csgb2312: 'gb18030',
  chinese: 'gb18030',
  'iso-ir-58': 'gb18030',
  'gb_2312-80': 'gb18030',
  big5: 'big5',
  'big5-hkscs': 'big5',
  'x-x-big5': 'big5',
  'cn-big5': 'big5',
  csbig5: 'big5',
  cp950: 'big5',
};

/** The encoding a charset label names, or undefined for a label jiedu does not read. */
export function encodingOfLabel(label: string): Encoding | undefined {
  return LABELS[label.trim().toLowerCase()];
}

/** The charset parameter of a Content-Type value: `text/html; charset=GBK` → `GBK`. */
export function charsetOfContentType(contentType: string): string | undefined {
  const m = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType);
  return m?.[1];
}

/**
 * The charset a page declares in its markup: `<meta charset="gbk">` or
 * `<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`, whichever comes
 * first in the page's first 4 KB. Read as Latin-1 so any byte encoding keeps its ASCII.
 */
export function sniffMetaCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, PRESCAN_BYTES));
  const metas = head.match(/<meta\b[^>]*>/gi) ?? [];
  for (const meta of metas) {
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(meta);
    if (direct === null) continue;
    const isHttpEquiv = /http-equiv\s*=\s*["']?content-type/i.test(meta);
    const isCharsetAttribute = /<meta\b[^>]*\s(?:charset)\s*=/i.test(meta);
    if (isHttpEquiv || isCharsetAttribute) return direct[1];
  }
  return undefined;
}
