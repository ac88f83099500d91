import { findQuotes, type Line, type RawQuote } from './find-quotes.ts';
import { findStances, type RawStance, refsWithin } from './find-stances.ts';
import type { WordEdges } from './read-clauses.ts';
import type { Ref } from './resolve-references.ts';

/**
 * Statements a photo caption or a subhead reports that the body does not (GUIDELINES §0: a
 * caption or subhead is annotated for quotes and stances only when it says what the body
 * nowhere says, as 「…在首爾集會，譴責北韓核試」 under a photo of a story about something
 * else). Each caption line is read on its own, so no speaker carries over between a caption
 * and the body; what repeats a statement of the body is dropped: a quote of a speaker the
 * body quotes in the same or like words, a stance of a class the body has with the same
 * holder or the same object (習近平與馬蒂斯會晤 under a body where 馬蒂斯…與習近平會晤 holds
 * for either side).
 */
export function findCaptionStatements(
  text: string,
  captions: readonly Line[],
  refs: readonly Ref[],
  edges: WordEdges,
  body: { quotes: readonly RawQuote[]; stances: readonly RawStance[] },
): { quotes: RawQuote[]; stances: RawStance[] } {
  const quotes: RawQuote[] = [];
  const stances: RawStance[] = [];
  for (const caption of captions) {
    // The line's own names only: a page of many captions is read in linear time.
    const own = refsWithin(refs, caption.from, caption.to);
    const lineQuotes = findQuotes(text, [caption], own, edges);
    for (const q of lineQuotes) {
      const speaker = q.speaker?.ids[0];
      if (speaker === undefined) continue;
      const words = hanOf(text, q.contentStart, q.contentEnd);
      if (
        body.quotes.some(
          (b) => b.speaker?.ids.includes(speaker) === true && sayAlike(text, words, b),
        )
      )
        continue;
      quotes.push(q);
    }
    for (const st of findStances(text, [caption], own, edges, lineQuotes)) {
      if (!body.stances.some((b) => repeats(text, st, b))) stances.push(st);
    }
  }
  return { quotes, stances };
}

/**
 * Whether a caption's words, `mine` (their Han characters, each once), say what a body
 * quote `b` of the same speaker says, in the same or other words: most of them stand in the
 * body's. A caption that gives the speaker's words on something else (兩國將攜手應對氣候變化
 * under a body quoting them on trade) is its own.
 */
function sayAlike(text: string, mine: ReadonlySet<string>, b: RawQuote): boolean {
  if (mine.size === 0) return true;
  const theirs = text.slice(b.contentStart, b.contentEnd);
  let shared = 0;
  for (const ch of mine) if (theirs.includes(ch)) shared++;
  return shared / mine.size >= SAME_WORDS;
}

/** The Han characters of `[from, to)`, each once. */
function hanOf(text: string, from: number, to: number): Set<string> {
  return new Set([...text.slice(from, to)].filter((ch) => /\p{Script=Han}/u.test(ch)));
}

/** The share of a caption's characters in a body quote from which it says the same. */
const SAME_WORDS = 0.5;

/** Whether caption stance `a` says what body stance `b` says. */
function repeats(text: string, a: RawStance, b: RawStance): boolean {
  if (a.class !== b.class) return false;
  if (a.actors.some((id) => b.actors.includes(id))) return true;
  const targetA = text.slice(a.targetStart, a.targetEnd);
  const targetB = text.slice(b.targetStart, b.targetEnd);
  if (targetA.length > 0 && targetB.length > 0) {
    if (targetA.includes(targetB) || targetB.includes(targetA)) return true;
    // In fewer words (港府暴力驅散民眾 for 香港政府以暴力手段驅離民眾): most characters of the
    // shorter object stand in the longer.
    const [short, long] =
      targetA.length <= targetB.length ? [targetA, targetB] : [targetB, targetA];
    let shared = 0;
    for (const ch of short) if (long.includes(ch)) shared++;
    if (short.length >= 4 && shared / short.length >= 0.75) return true;
  }
  // The two sides of one meeting, told from either: each side's holder is the other's object.
  const named = (ids: readonly string[], target: string) =>
    ids.some((id) => target.includes(id.slice(id.indexOf(':') + 1)));
  return named(a.actors, targetB) || named(b.actors, targetA);
}
