import type { TextView } from '../tree/view.ts';
import { identityView } from '../tree/view.ts';
import { hasTraditional } from './detect-script.ts';
import { mapConversion } from './map-conversion.ts';
import { simplifyPiece } from './simplify-piece.ts';

/**
 * The Simplified view of the decoded text, with a map back to it. Text without a single
 * Traditional-only character is already Simplified: its view is itself.
 */
export function simplifiedView(text: string): TextView {
  if (!hasTraditional(text)) return identityView(text);
  return mapConversion(text, simplifyPiece);
}
