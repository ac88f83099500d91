import { decode } from './decode/index.ts';
import { layout } from './layout/index.ts';
import { detectLineEnding, detectScript, normalizeText } from './normalize/index.ts';
import { structure } from './structure/index.ts';
import type { JieduFile } from './tree/file.ts';
import type { Encoding, PageNode } from './tree/types.ts';

/** Options for {@link parse}. */
export interface ParseOptions {
  /** Where the input came from; named in errors and kept in `source.path`. */
  path?: string;
  /** Force an encoding instead of detecting it (byte input only). */
  encoding?: Encoding;
}

/** Reads the input into the carrier: decode (bytes only) and normalize. */
export function readFile(input: string | Uint8Array, options: ParseOptions = {}): JieduFile {
  if (typeof input !== 'string' && !(input instanceof Uint8Array)) {
    throw new TypeError('parse: `input` must be a string or a Uint8Array');
  }
  const decoded =
    typeof input === 'string'
      ? { text: input, encoding: 'utf-8' as const, confidence: 1, bom: false }
      : decode(input, options);
  const text = decoded.text;
  // A string is kept as given, so offsets index the caller's own string; a leading BOM
  // is then just a zero-width character that normalization drops.
  const bom = decoded.bom || (typeof input === 'string' && text.charCodeAt(0) === 0xfeff);
  return {
    text,
    source: {
      ...(options.path === undefined ? {} : { path: options.path }),
      encoding: decoded.encoding,
      confidence: decoded.confidence,
      bom,
      lineEnding: detectLineEnding(text),
      script: detectScript(text),
      bytes: typeof input === 'string' ? input.length * 2 : input.byteLength,
      chars: text.length,
    },
    normalized: normalizeText(text),
    messages: [],
  };
}

/**
 * Parses a raw news page (text, or bytes in any supported encoding) into the page tree:
 * decode → normalize → layout → structure. Never throws on content; throws DecodeError for
 * input that is not text and TypeError for a wrong argument.
 */
export function parse(input: string | Uint8Array, options: ParseOptions = {}): PageNode {
  const file = readFile(input, options);
  return structure(layout(file), file);
}
