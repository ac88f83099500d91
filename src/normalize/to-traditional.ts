import { convertText } from './convert-pieces.ts';
import { openccConverter } from './convert-script.ts';

/** Simplified → Hong Kong Traditional. */
export function toTraditional(text: string): string {
  return convertText(text, openccConverter('cn-to-hk'));
}
