import type { StanceClass } from '../tree/annotations.ts';
import { firstMatchIn, openedBy } from './anchored-matches.ts';
import { MODALITY, NEGATION, NOT_NEGATION, STANCE_CUES, type StanceCue } from './cues.ts';
import type { Line } from './find-quotes.ts';
import { skipOffices } from './gazetteer.ts';
import { firstAtOrAfter, type Ref } from './resolve-references.ts';

/** A stance in Simplified-text offsets, before mapping back. */
export interface RawStance {
  start: number;
  end: number;
  actors: string[];
  cue: string;
  class: StanceClass;
  plover: string;
  targetStart: number;
  targetEnd: number;
  negated: boolean;
  modality: string[];
}

/** Every stance cue as one pattern, longest first (一致同意 before 同意), sticky: tried
 * only at the positions of a clause where a cue's first character stands. */
const CUE_WORDS = STANCE_CUES.map((c) => c.cue);
const CUE = openedBy(new RegExp(CUE_WORDS.join('|'), 'y'), CUE_WORDS);
const CUE_BY_WORD = new Map(STANCE_CUES.map((c) => [c.cue, c]));

/** Words that may stand before a clause's subject: 而中俄…, 同时双方…. */
const LEAD = /^(?:而|但|并且|并|同时|此外|另外|对此|为此)/;
/** A second verb coordinated with the cue: 支持和践行 X → the target is X. */
const COORDINATED = /^(?:和|与|并)(?:践行|推动|维护|促进|加强|深化|坚持|落实|参与)/;
/** Links between actors written together at a clause's start: 中俄, 美国和北约. */
const ACTOR_LINK = /^(?:和|与|及|、)?$/;

/**
 * Finds stances and events in an article's lines: actor set (the subject of the clause,
 * carried over to the following clauses of the sentence and block that have none), cue,
 * class, PLOVER type, target, negation and modality. One sentence may hold several
 * (双方…支持A，反对B，反对C). Handles 对X表示关注 / 向X表示祝贺, where the target precedes
 * the cue, and X同Y举行会晤, where the partner is the target.
 */
export function findStances(
  text: string,
  lines: readonly Line[],
  refs: readonly Ref[],
): RawStance[] {
  const out: RawStance[] = [];
  for (const line of lines) {
    let subject: Ref[] = [];
    for (const sentence of spans(text, line.from, line.to, isSentenceEnd)) {
      for (const clause of spans(text, sentence.from, sentence.to, isClauseEnd)) {
        const own = subjectOf(text, clause.from, clause.to, refs);
        if (own.length > 0) subject = own;
        if (subject.length === 0) continue;
        const after = own.length > 0 ? (own[own.length - 1] as Ref).end : clause.from;
        findInClause(text, clause, after, subject, sentence.to, refs, out);
      }
    }
  }
  return out;
}

function findInClause(
  text: string,
  clause: { from: number; to: number },
  after: number,
  subject: Ref[],
  sentenceEnd: number,
  refs: readonly Ref[],
  out: RawStance[],
): void {
  for (
    let m = firstMatchIn(text, after, clause.to, CUE);
    m !== null;
    m = firstMatchIn(text, m.index + m[0].length, clause.to, CUE)
  ) {
    const hit = CUE_BY_WORD.get(m[0]) as StanceCue;
    const cueEnd = m.index + m[0].length;
    if (cueEnd > clause.to) break;
    const stance = readStance(
      text,
      clause,
      after,
      subject,
      m.index,
      cueEnd,
      hit,
      sentenceEnd,
      refs,
    );
    if (stance !== null) out.push(stance);
  }
}

function readStance(
  text: string,
  clause: { from: number; to: number },
  after: number,
  subject: Ref[],
  cueStart: number,
  cueEnd: number,
  hit: StanceCue,
  sentenceEnd: number,
  refs: readonly Ref[],
): RawStance | null {
  const before = text.slice(after, cueStart);
  let targetStart = cueEnd;
  let targetEnd = clause.to;
  const expressed = /(?:表示|感到|致以)$/.test(before);
  if (expressed) {
    // 对X表示关注 / 向X表示祝贺: the target stands between 对 and 表示.
    const to = Math.max(before.lastIndexOf('对'), before.lastIndexOf('向'));
    if (to === -1) return null;
    targetStart = after + to + 1;
    targetEnd = cueStart - 2;
  } else if (hit.class === 'meet') {
    // 习近平同普京举行会晤: the partner after 同/与 before the cue; 会见山田一郎: after it.
    const link = Math.max(
      before.lastIndexOf('同'),
      before.lastIndexOf('与'),
      before.lastIndexOf('和'),
    );
    const candidates =
      link === -1
        ? refs.filter((r) => r.start >= cueEnd && r.end <= clause.to)
        : refs.filter((r) => r.start > after + link && r.end <= cueStart);
    // 日本外长山田一郎: the person, not the country that qualifies the title.
    const partner = candidates.find((r) => r.type === 'PER') ?? candidates[0];
    if (partner === undefined) return null;
    targetStart = partner.start;
    targetEnd = partner.end;
  } else {
    if (before.endsWith('的')) return null;
    const coordinated = COORDINATED.exec(text.slice(cueEnd, clause.to));
    if (coordinated !== null) targetStart += coordinated[0].length;
    if (targetStart >= targetEnd && hit.class === 'agree') {
      // 双方一致同意，共同弘扬…: what was agreed follows.
      targetStart = clause.to + 1;
      targetEnd = sentenceEnd;
    }
  }
  while (targetEnd > targetStart && /[\s，。；、]/.test(text[targetEnd - 1] as string)) targetEnd--;
  if (targetEnd - targetStart < 2) return null;
  const lead = text.slice(Math.max(clause.from, cueStart - 4), cueStart);
  const negated = NEGATION.test(lead) && !NOT_NEGATION.test(lead);
  const modality = MODALITY.filter((w) => before.includes(w)).filter(
    (w, _, all) => !all.some((o) => o !== w && o.includes(w)),
  );
  const ids = [...new Set(subject.flatMap((r) => r.ids))];
  return {
    start: Math.min((subject[0] as Ref).start, clause.from),
    end: Math.max(targetEnd, cueEnd),
    actors: ids,
    cue: hit.cue,
    class: hit.class,
    plover: hit.plover,
    targetStart,
    targetEnd,
    negated,
    modality,
  };
}

/** The actors a clause opens with: 中俄, 雙方, 俄方, 美国和北约. */
function subjectOf(text: string, from: number, to: number, refs: readonly Ref[]): Ref[] {
  const lead = LEAD.exec(text.slice(from, to));
  let at = from + (lead === null ? 0 : lead[0].length);
  // Titles before the name: 国务委员兼外长林国栋.
  at = skipOffices(text, at);
  const found: Ref[] = [];
  // Refs are in reading order: start from the first at or after the subject's slot.
  for (let k = firstAtOrAfter(refs, at); k < refs.length; k++) {
    const r = refs[k] as Ref;
    if (r.start >= to) break;
    if (!ACTOR_LINK.test(text.slice(at, r.start))) break;
    if (r.type !== 'PER' && r.type !== 'ORG' && r.type !== 'LOC' && r.type !== 'group') break;
    found.push(r);
    at = r.end;
  }
  return found;
}

/** 。！？；: the marks that end a sentence. */
function isSentenceEnd(c: number): boolean {
  return c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff1b;
}

/** ，：,: — the marks that end a clause. */
function isClauseEnd(c: number): boolean {
  return c === 0xff0c || c === 0xff1a || c === 0x2c || c === 0x3a;
}

/** Splits `[from, to)` after each mark (the mark stays with the span before it). Marks are
 * told by code unit: a test on a one-character string would make one per unit. */
function spans(
  text: string,
  from: number,
  to: number,
  isMark: (c: number) => boolean,
): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  let start = from;
  for (let i = from; i < to; i++) {
    if (isMark(text.charCodeAt(i))) {
      out.push({ from: start, to: i + 1 });
      start = i + 1;
    }
  }
  if (start < to) out.push({ from: start, to });
  return out;
}
