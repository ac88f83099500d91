export type { Decoded, DecodeOptions } from './decode-bytes.ts';
export { decode } from './decode-bytes.ts';
export { DecodeError } from './decode-error.ts';
export { detectBom } from './detect-bom.ts';
export { decodeLenient, type LenientDecoding, rankEncodings } from './rank-encodings.ts';
export type { Score } from './score-decoding.ts';
