/** What is not compared in a text's comparable key: spacing, punctuation and symbols (so
 * 「」 and “” copies of a quote are one). */
const NOT_KEY = /[\s\p{P}\p{S}]/gu;

/** The comparable key of a text already in Simplified: without spacing or punctuation
 * (sqlite/once-per-story.ts's storyKey converts first). */
export function keyOfSimplified(simplified: string): string {
  return simplified.replace(NOT_KEY, '');
}
