import { MAX_WORD, scanRuns } from './scan-text.ts';

/**
 * The text the full-text index sees: space-separated tokens, one per character of the
 * (Simplified) text. A run of Chinese characters c1 c2 … cn becomes its overlapping pairs
 * c1c2 c2c3 … c(n-1)cn followed by ⟨end⟩cn, where ⟨end⟩ is RUN_END; a word becomes itself,
 * folded. So:
 *
 * - a word of two or more characters is the phrase of its pairs, found wherever it occurs,
 *   inside a longer word too (近平 in 习近平; jieba's cuts play no part);
 * - every character starts a token (a pair, or the ⟨end⟩ token closing its run), so one
 *   character is `c* OR ⟨end⟩c`;
 * - ⟨end⟩ stands between runs, so no phrase runs on across punctuation (习近，近平 is not
 *   习近平).
 *
 * Changing this stream changes what the index holds: it needs a migration that rebuilds
 * the index (see sqlite/migrations.ts).
 */

/** Marks the last character of a run: a private-use character no text token contains. */
export const RUN_END = '\uE000';

/** The characters of a run, one code point each. */
export function codePoints(run: string): string[] {
  return Array.from(run);
}

/** The tokens of one run of Chinese characters: its pairs, then ⟨end⟩ and the last. */
function pushCjk(chars: readonly string[], out: string[]): void {
  for (let k = 0; k + 1 < chars.length; k++) out.push(`${chars[k]}${chars[k + 1]}`);
  out.push(RUN_END + (chars[chars.length - 1] as string));
}

/** The token stream of a text already in Simplified: what the index stores for it. */
export function indexStream(simplified: string): string {
  const out: string[] = [];
  for (const run of scanRuns(simplified)) {
    if (run.kind === 'cjk') pushCjk(codePoints(run.text), out);
    else out.push(run.text.slice(0, MAX_WORD));
  }
  return out.join(' ');
}
