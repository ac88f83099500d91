import type { TextView } from '../tree/view.ts';
import { mapConversion } from './map-conversion.ts';
import { simplifyPiece } from './simplify-piece.ts';

/** The Simplified view of the decoded text, with a map back to it. */
export function simplifiedView(text: string): TextView {
  return mapConversion(text, simplifyPiece);
}
