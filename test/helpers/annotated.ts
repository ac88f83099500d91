import { it } from 'node:test';
import { annotate } from '../../src/annotate/index.ts';
import { parse, toArticleView } from '../../src/index.ts';
import { toSimplified } from '../../src/normalize/index.ts';
import type { ArticleViewArticle } from '../../src/tree/article-view.ts';

/** Annotates a composed page and returns its articles' views. */
export function read(text: string, date?: string): ArticleViewArticle[] {
  return toArticleView(annotate(parse(text), date === undefined ? {} : { date })).articles;
}

/** Runs a check on the page as written (Traditional) and converted to Simplified. */
export function bothScripts(
  name: string,
  page: string,
  check: (articles: ArticleViewArticle[], conv: (s: string) => string) => void,
) {
  it(`${name} (Traditional)`, () => check(read(page), (s) => s));
  it(`${name} (Simplified)`, () => check(read(toSimplified(page)), toSimplified));
}

/** Stances as `actors class[ NOT] target`. */
export const stances = (a: readonly ArticleViewArticle[]) =>
  a
    .flatMap((x) => x.stances ?? [])
    .map((s) => `${s.actors.join('+')} ${s.class}${s.negated ? ' NOT' : ''} ${s.target}`);
