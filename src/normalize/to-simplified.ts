import { convertText } from './convert-pieces.ts';
import { simplifyPiece } from './simplify-piece.ts';

/** Traditional (Hong Kong or Taiwan) → Simplified; the same text `simplifiedView` gives. */
export function toSimplified(text: string): string {
  return convertText(text, simplifyPiece);
}
