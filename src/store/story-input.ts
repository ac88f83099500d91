import { simplifiedView } from '../normalize/index.ts';
import type { PageNode } from '../tree/types.ts';
import { articleSpans, articleText } from './article-text.ts';
import {
  bandKeys,
  MIN_STORY_CHARS,
  signature,
  sketchOf,
  storyPrint,
  storyText,
} from './minhash.ts';
import type { PreparedArticle, StoryInput } from './types.ts';

export type { PreparedArticle, StoryInput };

/**
 * What finding an article's story needs of the article itself, computed from its text alone:
 * its print, band keys and sketch (minhash.ts). A writer computes it for each article it
 * stores; an ingest worker can compute it beforehand (`prepareArticles`), beside parsing and
 * annotating, so that the one writer only looks candidates up and stores.
 */

/** The story input of an article's Simplified text (one block a line); `hasHeadline`: its
 * first line is the headline. */
export function storyInput(simplified: string, hasHeadline: boolean): StoryInput {
  const print = storyPrint(storyText(simplified, hasHeadline));
  if (print.chars < MIN_STORY_CHARS) return { print, keys: [], sketch: null };
  return { print, keys: bandKeys(signature(print.shingles)), sketch: sketchOf(print) };
}

/** The article's headline, '' when it has none. */
export function headlineOf(article: PageNode['children'][number]): string {
  return article.children.find((b) => b.type === 'headline')?.text ?? '';
}

/** The Simplified text of a page's article, as the archive indexes it. */
export function simplifiedOf(text: string, article: PageNode['children'][number]): string {
  return simplifiedView(articleText(text, articleSpans(article)).text).text;
}

/** What a writer needs of each article of a page, in page order (DocumentInput.prepared).
 * `stories` false: nothing computed for story detection (for a store that does none: each
 * article is then given what one too short to compare gives). */
export function prepareArticles(page: PageNode, stories = true): PreparedArticle[] {
  return page.children.map((article) => {
    const simplified = simplifiedOf(page.text, article);
    const started = performance.now();
    const story = stories
      ? storyInput(simplified, headlineOf(article) !== '')
      : storyInput('', false);
    return { simplified, story, storyMs: performance.now() - started };
  });
}
