import type { Diagnostic, SourceInfo } from './types.ts';
import type { TextView } from './view.ts';

/**
 * The carrier every stage receives (cf. vfile): the decoded text, never modified, what is
 * known about the source, the derived views and the messages gathered so far.
 */
export interface JieduFile {
  /** The decoded text; every offset in the tree points into it. */
  text: string;
  source: SourceInfo;
  /** Line ends, zero-width characters and odd spaces normalized; maps back to `text`. */
  normalized: TextView;
  messages: Diagnostic[];
}
