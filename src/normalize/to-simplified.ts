import { convertText } from './convert-pieces.ts';
import { hasTraditional } from './detect-script.ts';
import { simplifyPiece } from './simplify-piece.ts';

/**
 * Traditional (Hong Kong or Taiwan) → Simplified; the same text `simplifiedView` gives,
 * including its shortcut: text with no Traditional-only character is already Simplified.
 */
export function toSimplified(text: string): string {
  if (!hasTraditional(text)) return text;
  return convertText(text, simplifyPiece);
}
