import { findOffices, officeAt } from './gazetteer.ts';
import type { Ref } from './resolve-references.ts';

/**
 * Roles: the office a page writes with a person's name, what an analyst wants beside the
 * name in a directory (外交部发言人 汪文斌, 美国国务卿 布林肯, 习近平主席). Read from the
 * lexicon's office titles (the `OFFICE` entries, see `npm run build:lexicon`) standing
 * right against a name mention, with the organisation or place that owns the office when
 * the page names one right before it (外交部 + 发言人). Nothing is guessed: a name with no
 * title against it has no role.
 */

/** A role found in the article's Simplified text: offsets into it, and whose it is. */
export interface FoundRole {
  start: number;
  end: number;
  /** The person's entity id. */
  entity: string;
}

/** How far before a name a title run may start. */
const REACH = 24;

/** Office runs in `text` ending exactly at `end`, chained back through 兼 (国务委员兼外长),
 * and the start of the run; `end` itself when no office ends there. */
function officesEndingAt(text: string, end: number): number {
  const from = Math.max(0, end - REACH);
  const hits = findOffices(text.slice(from, end)).map((h) => ({
    start: from + h.start,
    end: from + h.start + h.office.length,
  }));
  let at = end;
  for (let i = hits.length - 1; i >= 0; i--) {
    const h = hits[i] as { start: number; end: number };
    if (h.end === at || (h.end === at - 1 && text[at - 1] === '兼' && at !== end)) at = h.start;
    else if (h.end < at) break;
  }
  return at;
}

/** An office written right after a name (习近平主席, 林国栋行政长官): a title, unless a
 * name-like run goes on after it (the title then heads another name). */
function officeAfter(text: string, at: number): number {
  const office = officeAt(text, at);
  if (office === null) return at;
  return at + office.length;
}

/**
 * The roles of the people an article names. `refs` are the resolved mentions (Simplified
 * offsets); only a person's own name or alias mentions carry a role, never a pronoun or a
 * title standing alone (该发言人 is who, not a role seen with a name).
 */
export function findRoles(text: string, refs: readonly Ref[]): FoundRole[] {
  const roles: FoundRole[] = [];
  // Organisations and places that end where a title run starts: their names own the office.
  const ownerEnding = new Map<number, number>();
  for (const r of refs) {
    if ((r.type === 'ORG' || r.type === 'LOC') && r.kind !== 'pronoun') {
      ownerEnding.set(r.end, Math.min(ownerEnding.get(r.end) ?? r.start, r.start));
    }
  }
  const mentionAt = new Set(refs.map((r) => r.start));
  for (const r of refs) {
    if (r.type !== 'PER' || r.ids.length !== 1 || (r.kind !== 'name' && r.kind !== 'alias')) {
      continue;
    }
    const entity = r.ids[0] as string;
    const before = officesEndingAt(text, r.start);
    if (before < r.start) {
      let start = before;
      // 外交部 发言人, 美国 总统: the owner named right before the office.
      for (
        let owner = ownerEnding.get(start);
        owner !== undefined;
        owner = ownerEnding.get(start)
      ) {
        // A run of owners (中国 外交部) reads as one.
        start = owner;
      }
      roles.push({ start, end: r.start, entity });
      continue;
    }
    const after = officeAfter(text, r.end);
    // 习近平主席: a title after the name, unless a mention starts right after it (the title
    // then belongs to that name: 王毅外长李明, read as two people by the entity rules).
    if (after > r.end && !mentionAt.has(after)) {
      roles.push({ start: r.end, end: after, entity });
    }
  }
  return roles;
}
