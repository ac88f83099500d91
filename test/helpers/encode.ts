import iconv from 'iconv-lite';

/**
 * Encoders for tests. Node only encodes UTF-8, so Big5 and GB18030 tables are built once, on
 * first use, by running every code of the encoding through Node's own TextDecoder and inverting
 * the result: whatever these produce, that decoder reads back as the original text.
 */

type Table = Map<number, number[]>;

const BIG5_TRAILS = [...range(0x40, 0x7e), ...range(0xa1, 0xfe)];
const GBK_TRAILS = [...range(0x40, 0x7e), ...range(0x80, 0xfe)];

let big5Table: Table | undefined;
let gb18030Table: Table | undefined;

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** The single code point `text` holds, or undefined (empty, several, or U+FFFD). */
function singleCodePoint(text: string): number | undefined {
  const cp = text.codePointAt(0);
  if (cp === undefined || cp === 0xfffd) return undefined;
  return text.length === (cp > 0xffff ? 2 : 1) ? cp : undefined;
}

/** Adds `code → bytes` unless the code point already has bytes (the first mapping wins). */
function invert(table: Table, decoder: TextDecoder, bytes: number[]): void {
  const cp = singleCodePoint(decoder.decode(Uint8Array.from(bytes)));
  if (cp !== undefined && !table.has(cp)) table.set(cp, bytes);
}

function buildBig5(): Table {
  const decoder = new TextDecoder('big5');
  const table: Table = new Map();
  // Standard Big5 (lead 0xA1 and up) first, so that it wins over the HKSCS duplicates below.
  for (const lead of [...range(0xa1, 0xfe), ...range(0x81, 0xa0)]) {
    for (const trail of BIG5_TRAILS) invert(table, decoder, [lead, trail]);
  }
  return table;
}

function buildGb18030(): Table {
  const decoder = new TextDecoder('gb18030');
  const table: Table = new Map();
  for (const lead of range(0x81, 0xfe)) {
    for (const trail of GBK_TRAILS) invert(table, decoder, [lead, trail]);
  }
  // Four-byte codes for the rest of the BMP: 81–84, 30–39, 81–FE, 30–39.
  for (const b1 of range(0x81, 0x84)) {
    for (const b2 of range(0x30, 0x39)) {
      for (const b3 of range(0x81, 0xfe)) {
        for (const b4 of range(0x30, 0x39)) invert(table, decoder, [b1, b2, b3, b4]);
      }
    }
  }
  return table;
}

/** GB18030 four-byte code of a code point beyond the BMP: a linear run from 90 30 81 30. */
function gb18030Supplementary(cp: number): number[] {
  let n = cp - 0x10000;
  const b4 = 0x30 + (n % 10);
  n = Math.floor(n / 10);
  const b3 = 0x81 + (n % 126);
  n = Math.floor(n / 126);
  const b2 = 0x30 + (n % 10);
  const b1 = 0x90 + Math.floor(n / 10);
  return [b1, b2, b3, b4];
}

function describe(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')} "${String.fromCodePoint(cp)}"`;
}

function encodeWith(
  text: string,
  name: string,
  table: Table,
  beyond?: (cp: number) => number[],
): Uint8Array {
  const out: number[] = [];
  let index = 0;
  for (const char of text) {
    const cp = char.codePointAt(0) as number;
    if (cp < 0x80) out.push(cp);
    else {
      const bytes = table.get(cp) ?? (cp > 0xffff && beyond ? beyond(cp) : undefined);
      if (bytes === undefined) {
        throw new Error(`${name} cannot encode ${describe(cp)} at index ${index}`);
      }
      out.push(...bytes);
    }
    index += char.length;
  }
  return Uint8Array.from(out);
}

/**
 * Encodes `text` as Big5-HKSCS, as a Hong Kong paper would save it (iconv-lite's table, the
 * one the decoder reads with); throws on a character it lacks.
 */
export function encodeBig5(text: string): Uint8Array {
  const bytes = iconv.encode(text, 'big5hkscs');
  const back = iconv.decode(bytes, 'big5hkscs');
  if (back !== text) {
    let index = 0;
    while (index < text.length && text[index] === back[index]) index++;
    const cp = text.codePointAt(index) as number;
    throw new Error(`Big5 cannot encode ${describe(cp)} at index ${index}`);
  }
  return new Uint8Array(bytes);
}

/** Encodes `text` with Node's own Big5 table (no HKSCS): what a Taiwan Big5 file holds. */
export function encodePlainBig5(text: string): Uint8Array {
  big5Table ??= buildBig5();
  return encodeWith(text, 'Big5', big5Table);
}

/** Encodes `text` as GB18030 (two-byte GBK codes where they exist, four-byte codes otherwise). */
export function encodeGb18030(text: string): Uint8Array {
  gb18030Table ??= buildGb18030();
  return encodeWith(text, 'GB18030', gb18030Table, gb18030Supplementary);
}

/** Encodes `text` as UTF-16 in the given byte order, with a BOM when `bom` is true. */
export function encodeUtf16(text: string, order: 'le' | 'be', bom: boolean): Uint8Array {
  const offset = bom ? 2 : 0;
  const out = new Uint8Array(offset + text.length * 2);
  const high = order === 'be' ? 0 : 1;
  const low = 1 - high;
  if (bom) {
    out[high] = 0xfe;
    out[low] = 0xff;
  }
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    out[offset + 2 * i + high] = unit >> 8;
    out[offset + 2 * i + low] = unit & 0xff;
  }
  return out;
}

/** Encodes `text` as UTF-8, with a BOM when `bom` is true. */
export function encodeUtf8(text: string, bom = false): Uint8Array {
  const body = new TextEncoder().encode(text);
  if (!bom) return body;
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}
