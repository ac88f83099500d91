import { firstMatchIn, openedBy } from './anchored-matches.ts';
import { SPEECH_CUES } from './cues.ts';
import { firstAtOrAfter, type Ref } from './resolve-references.ts';

/** A quote in Simplified-text offsets, before mapping back. */
export interface RawQuote {
  start: number;
  end: number;
  speaker: Ref | null;
  kind: 'direct' | 'reported';
  cue: string;
  contentStart: number;
  contentEnd: number;
}

/** One line of the article text: a block, and whether it is a dialogue line. */
export interface Line {
  from: number;
  to: number;
  dialogue: boolean;
}

/** A speech cue and the mark after it, sticky: tried only where a cue's first character
 * stands in the line. */
const CUE = openedBy(new RegExp(`(${SPEECH_CUES.join('|')})[，,：:]`, 'y'), SPEECH_CUES);
/** Where a clause begins: after these marks. */
const CLAUSE_MARK = /[，,。！？；：:」”\n]/;
/** Longest stretch between a speaker and the cue (一针见血地, 在会上). */
const MAX_GAP = 8;
/** Longest clause before a cue that can hold the speaker. */
const MAX_ZONE = 24;

/**
 * Finds who said what: dialogue lines (普京：「…」), reported speech (X指出，… to the next
 * attribution or the end of the paragraph), direct quotes introduced by a cue (X说：「…」)
 * and direct quotes attributed after they close (「…」宋忠平强调，). Speakers are people or
 * organisations, found through their names, titles (这位专家) or pronouns (他); a group
 * (双方) states positions rather than quotes.
 */
export function findQuotes(text: string, lines: readonly Line[], refs: readonly Ref[]): RawQuote[] {
  const quotes: RawQuote[] = [];
  for (const line of lines) {
    if (line.dialogue) {
      const q = dialogueQuote(text, line, refs);
      if (q !== null) quotes.push(q);
      continue;
    }
    const cues: { start: number; end: number; cue: string; speaker: Ref; clause: number }[] = [];
    for (
      let m = firstMatchIn(text, line.from, line.to, CUE);
      m !== null;
      m = firstMatchIn(text, m.index + m[0].length, line.to, CUE)
    ) {
      const cueStart = m.index;
      const clause = clauseStart(text, cueStart, line.from);
      const speaker = speakerIn(refs, clause, cueStart);
      if (speaker === null) continue;
      cues.push({
        start: cueStart,
        end: cueStart + m[0].length,
        cue: m[1] as string,
        speaker,
        clause,
      });
    }
    cues.forEach((c, k) => {
      // A direct quote that closes right before the attribution: 「…」宋忠平强调，
      if (text[c.clause - 1] === '」' || text[c.clause - 1] === '”') {
        const close = c.clause - 1;
        const open = text.lastIndexOf(text[close] === '」' ? '「' : '“', close);
        if (open >= line.from) {
          quotes.push({
            start: open,
            end: c.end - 1,
            speaker: c.speaker,
            kind: 'direct',
            cue: c.cue,
            contentStart: open + 1,
            contentEnd: close,
          });
        }
      }
      const next = cues[k + 1];
      let contentEnd = next === undefined ? line.to : sentenceEndBefore(text, next.clause, c.end);
      const contentStart = c.end;
      const opener = text[contentStart];
      if (opener === '「' || opener === '“') {
        const close = text.indexOf(opener === '「' ? '」' : '”', contentStart);
        if (close !== -1 && close < contentEnd) {
          quotes.push({
            start: c.speaker.start,
            end: close + 1,
            speaker: c.speaker,
            kind: 'direct',
            cue: c.cue,
            contentStart: contentStart + 1,
            contentEnd: close,
          });
          return;
        }
      }
      while (contentEnd > contentStart && /\s/.test(text[contentEnd - 1] as string)) contentEnd--;
      if (contentEnd - contentStart < 2) return;
      quotes.push({
        start: Math.min(c.speaker.start, c.start),
        end: contentEnd,
        speaker: c.speaker,
        kind: 'reported',
        cue: c.cue,
        contentStart,
        contentEnd,
      });
    });
  }
  return quotes.sort((a, b) => a.contentStart - b.contentStart);
}

/** 普京：「很高興見到您。」 — the speaker is the name before the colon. */
function dialogueQuote(text: string, line: Line, refs: readonly Ref[]): RawQuote | null {
  const colon = text.slice(line.from, line.to).search(/[：:]/);
  if (colon === -1) return null;
  const at = line.from + colon;
  const speaker =
    refs.find(
      (r) => r.start >= line.from && r.end <= at && (r.type === 'PER' || r.type === 'ORG'),
    ) ?? null;
  let start = at + 1;
  let end = line.to;
  while (start < end && /\s/.test(text[start] as string)) start++;
  if (text[start] === '「' || text[start] === '“') start++;
  if (text[end - 1] === '」' || text[end - 1] === '”') end--;
  return {
    start: line.from,
    end: line.to,
    speaker,
    kind: 'direct',
    cue: '：',
    contentStart: start,
    contentEnd: end,
  };
}

function clauseStart(text: string, at: number, floor: number): number {
  let i = at - 1;
  while (i >= floor && !CLAUSE_MARK.test(text[i] as string)) i--;
  return i + 1;
}

/** The speaker of a cue: the person (else organisation) named in the clause right before it. */
function speakerIn(refs: readonly Ref[], clause: number, cue: number): Ref | null {
  if (cue - clause > MAX_ZONE) return null;
  let person: Ref | null = null;
  let org: Ref | null = null;
  // Refs are in reading order and never empty: only those from the clause's start up to the
  // cue can lie inside, found by halving rather than by reading all of the article's.
  for (let k = firstAtOrAfter(refs, clause); k < refs.length; k++) {
    const r = refs[k] as Ref;
    if (r.start >= cue) break;
    if (r.end > cue) continue;
    if (cue - r.end > MAX_GAP) continue;
    if (r.type === 'PER') person = r;
    else if (r.type === 'ORG' && org === null) org = r;
  }
  return person ?? org;
}

/** The end of the last sentence before `at` (after its 。), or `at` when there is none. */
function sentenceEndBefore(text: string, at: number, floor: number): number {
  for (let i = at - 1; i > floor; i--) {
    if ('。！？'.includes(text[i] as string)) return i + 1;
  }
  return at;
}
