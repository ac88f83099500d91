/**
 * How alike two keys are (keys: Simplified text without spacing or punctuation): the Dice
 * coefficient of their character bigrams, 1 for equal keys, 0 for keys sharing none. A
 * key of one character is its own single bigram.
 */

/** The bigrams of a key with their counts. */
export function bigrams(key: string): Map<string, number> {
  const out = new Map<string, number>();
  const chars = [...key];
  if (chars.length === 1) out.set(key, 1);
  for (let i = 0; i + 1 < chars.length; i++) {
    const gram = `${chars[i]}${chars[i + 1]}`;
    out.set(gram, (out.get(gram) ?? 0) + 1);
  }
  return out;
}

function total(grams: ReadonlyMap<string, number>): number {
  let n = 0;
  for (const c of grams.values()) n += c;
  return n;
}

/** Dice over bigram multisets. */
export function diceOf(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const size = total(a) + total(b);
  if (size === 0) return 1;
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const [gram, count] of small) shared += Math.min(count, large.get(gram) ?? 0);
  return (2 * shared) / size;
}

/** How alike two keys are, 0..1. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a === '' || b === '') return 0;
  return diceOf(bigrams(a), bigrams(b));
}
