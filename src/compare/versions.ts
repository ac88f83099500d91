import type { PageNode } from '../tree/types.ts';
import { compareStatements } from './compare.ts';
import { readStatement } from './statement.ts';
import type { StoryVersions, VersionArticle, VersionCopy } from './types.ts';

/**
 * A story's versions: each copy (another outlet's print, a reworded or cut copy, the same
 * in the other script) against the earliest, as compare sees two statements: the sentences
 * it cut, added and changed, and the quotes and stances it dropped, added or changed.
 */

/** Copies compared at most: a notice copied thousands of times shows its first ones. */
export const MAX_VERSIONS = 50;

/** Earliest first: a date before none, then the earlier date, then the first stored. */
function byDate(a: VersionArticle, b: VersionArticle): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? -1 : 1;
  }
  return a.id - b.id;
}

/**
 * The versions of a story from its articles and a reader of each as a page (an archive's
 * articlePage); articles it cannot read are left out. Undefined when none can be read.
 */
export function storyVersions(
  story: { story: number; headline: string; articles: readonly VersionArticle[] },
  pageOf: (id: number) => PageNode | undefined,
): StoryVersions | undefined {
  const ordered = [...story.articles].sort(byDate);
  const read: { article: VersionArticle; page: PageNode }[] = [];
  for (const article of ordered) {
    if (read.length > MAX_VERSIONS) break;
    const page = pageOf(article.id);
    if (page !== undefined) read.push({ article, page });
  }
  const [first, ...rest] = read;
  if (first === undefined) return undefined;
  const base = readStatement(first.page, `#${first.article.id}`, true);
  const copies = rest.map(({ article, page }): VersionCopy => {
    const copy = readStatement(page, `#${article.id}`, true);
    const comparison = compareStatements(base, copy);
    const s = comparison.summary.sentences;
    return {
      ...article,
      script: copy.script,
      headline: copy.headline,
      sentences: { same: s.same, changed: s.changed, cut: s.dropped, added: s.added },
      comparison,
    };
  });
  return {
    story: story.story,
    headline: story.headline,
    articles: story.articles.length,
    earliest: {
      ...first.article,
      script: base.script,
      headline: base.headline,
      sentences: base.sentences.length,
    },
    copies,
  };
}

/** A story's versions as text: each copy's counts, then the sentences it cut, added and
 * changed, and the positions it dropped, added or changed. */
export function versionsText(v: StoryVersions): string {
  const name = (a: VersionArticle) =>
    `#${a.id} ${[a.outlet, a.date].filter((x) => x !== null).join(' ')} (${a.path})`;
  const lines: string[] = [];
  lines.push(`Story ${v.story}: ${v.headline}`);
  lines.push(
    `${v.articles} articles; the earliest: ${name(v.earliest)}, ${v.earliest.sentences} sentences`,
  );
  if (v.copies.length === 0) lines.push('', 'No other copy.');
  for (const c of v.copies) {
    const s = c.sentences;
    const p = c.comparison.summary.positions;
    lines.push(
      '',
      `${name(c)}: ${s.same} sentences the same, ${s.changed} changed, ${s.cut} cut, ${s.added} added; positions ${p.same} same, ${p.changed} changed, ${p.dropped} dropped, ${p.added} added`,
    );
    for (const row of c.comparison.sentences) {
      if (row.status === 'dropped') lines.push(`  - cut:     ${row.a?.text ?? ''}`);
      else if (row.status === 'added') lines.push(`  + added:   ${row.b?.text ?? ''}`);
      else if (row.status === 'changed') {
        lines.push(`  ~ changed: ${row.a?.text ?? ''}`, `         →  ${row.b?.text ?? ''}`);
      }
    }
    for (const pos of c.comparison.positions) {
      if (pos.status === 'same') continue;
      const what = pos.type === 'quote' ? 'said' : pos.class;
      const how =
        pos.status === 'changed' ? `changed (${(pos.changes ?? []).join(', ')})` : pos.status;
      lines.push(`  ${how}: ${pos.actors.join('、')} ${what} ${pos.target}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
