export type { Decoded, DecodeOptions } from './decode-bytes.ts';
export { decode } from './decode-bytes.ts';
export { DecodeError } from './decode-error.ts';
