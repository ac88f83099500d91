import { openccConverter } from './convert-script.ts';
import { restoreZheParticle } from './restore-zhe-particle.ts';

/**
 * Traditional → Simplified for one piece of text: opencc-js with Hong Kong variants as the
 * source (it also reads Taiwan forms, and maps the Hong Kong 衞 to 卫), then the 著 → 着
 * repair for Taiwan-style particles. Both steps keep lengths except where opencc-js's
 * phrase tables change them.
 */
export function simplifyPiece(text: string): string {
  return restoreZheParticle(openccConverter('hk-to-cn')(text));
}
