import { isUtf8 } from 'node:buffer';
import { DecodeError, decodeLenient, detectBom, rankEncodings } from '../decode/index.ts';
import { utf8CutTail } from '../decode/utf8-cut-tail.ts';
import type { Encoding } from '../tree/types.ts';
import { charsetOfContentType, encodingOfLabel, sniffMetaCharset } from './sniff-charset.ts';

/** An HTML page's markup as text, and how it was decoded. */
export interface DecodedHtml {
  html: string;
  encoding: Encoding;
  /** 0..1: 1 for a BOM or valid UTF-8, lower when the bytes had to be judged. */
  confidence: number;
  bom: boolean;
  /** The charset the HTTP header or the markup declared, as written. */
  declared?: string;
  /** Set when the bytes were not in the declared charset and another was used. */
  overruled: boolean;
  /** Characters that could not be decoded and became U+FFFD. */
  replaced: number;
}

export interface DecodeHtmlOptions {
  path?: string;
  /** The HTTP Content-Type header the page was served with (from a WARC record). */
  contentType?: string;
  /** Decode as this encoding, whatever the page says (the caller knows better). */
  encoding?: Encoding;
}

/** The legacy encodings a Chinese page may really be in, whatever it says. */
const LEGACY: readonly Encoding[] = ['gb18030', 'big5'];

/**
 * How far (in score points) another encoding must out-score the declared one before the
 * declaration is called a lie. A score sums per-character weights, so real mislabelling
 * (GBK read as Big5 gives rare characters and punctuation soup) is far past this.
 */
const OVERRULE_MARGIN = 20;

/** More undecodable characters than this share and the declared charset is not believed. */
const MAX_REPLACED_SHARE = 0.002;

/**
 * Decodes an HTML page. A BOM decides; otherwise valid UTF-8 with non-ASCII bytes is UTF-8
 * whatever the page says (no GBK or Big5 text of any length is valid UTF-8 by chance); then
 * the declared charset (HTTP header first, then `<meta>`) is used if the bytes bear it out,
 * and else the best-scoring legacy encoding. Many GBK and Big5 pages declare the wrong
 * charset, so a declaration is a hint, not a fact. Stray invalid bytes become U+FFFD.
 */
export function decodeHtml(bytes: Uint8Array, options: DecodeHtmlOptions = {}): DecodedHtml {
  const fromHeader =
    options.contentType === undefined ? undefined : charsetOfContentType(options.contentType);
  const declared = fromHeader ?? sniffMetaCharset(bytes);
  const base = { ...(declared === undefined ? {} : { declared }) };

  // The caller's encoding, else a BOM, decides; a BOM is skipped only if it is of that encoding.
  const bom = detectBom(bytes);
  const decided = options.encoding ?? bom?.encoding;
  if (decided !== undefined) {
    const start = bom?.encoding === decided ? bom.length : 0;
    const { text, replaced } = decodeLenient(bytes, decided, start);
    return {
      ...base,
      html: text,
      encoding: decided,
      confidence: 1,
      bom: start > 0,
      overruled: false,
      replaced,
    };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    throw new DecodeError(options.path, nul, 'found a NUL byte: this is not an HTML page');
  }
  const declaredEncoding = declared === undefined ? undefined : encodingOfLabel(declared);
  // Valid UTF-8, or valid but for a last character cut short (a truncated download or a
  // WARC record cut at a crawler's limit): UTF-8, whatever a legacy decoding might make of it.
  const valid = isUtf8(bytes);
  const cut = valid ? 0 : utf8CutTail(bytes);
  if (valid || cut > 0) {
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    const overruled =
      declaredEncoding !== undefined && declaredEncoding !== 'utf-8' && hasHighBytes(bytes);
    return {
      ...base,
      html: text,
      encoding: 'utf-8',
      confidence: 1,
      bom: false,
      overruled,
      replaced: cut > 0 ? 1 : 0,
    };
  }
  const choice = chooseLegacy(bytes, declaredEncoding);
  const { text, replaced } = decodeLenient(bytes, choice.encoding);
  return {
    ...base,
    html: text,
    encoding: choice.encoding,
    confidence: choice.confidence,
    bom: false,
    overruled: declaredEncoding !== undefined && choice.encoding !== declaredEncoding,
    replaced,
  };
}

function hasHighBytes(bytes: Uint8Array): boolean {
  return bytes.some((b) => b >= 0x80);
}

/** The legacy encoding to read non-UTF-8 bytes in: the declared one unless the bytes say otherwise. */
function chooseLegacy(
  bytes: Uint8Array,
  declared: Encoding | undefined,
): { encoding: Encoding; confidence: number } {
  const scores = rankEncodings(bytes, LEGACY);
  const best = scores[0] as (typeof scores)[number];
  const claimed = scores.find((s) => s.encoding === declared);
  if (claimed !== undefined) {
    const replacedShare = claimed.broken / Math.max(1, claimed.chars);
    const beaten = best !== claimed && best.sum - claimed.sum > OVERRULE_MARGIN;
    if (!beaten && replacedShare <= MAX_REPLACED_SHARE)
      return { encoding: claimed.encoding, confidence: 0.99 };
  }
  const second = scores[1];
  const gap = second === undefined ? 10 : best.sum - second.sum;
  const confidence = Math.round(Math.min(0.99, 1 / (1 + Math.exp(-gap / 10))) * 1000) / 1000;
  return { encoding: best.encoding, confidence };
}
