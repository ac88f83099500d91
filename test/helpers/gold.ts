import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArticleView } from '../../src/tree/article-view.ts';

/**
 * The article view without offsets or source: the shape gold files are written in.
 * Spaces in titles and bylines are not compared: a word wrap may drop the one it broke at.
 */
export function comparable(view: ArticleView): unknown[] {
  return view.articles.map((a) => ({
    headline: a.headline.replace(/\s+/g, ''),
    subheadlines: a.subheadlines.map((s) => s.replace(/\s+/g, '')),
    bylines: a.bylines.map((s) => s.replace(/\s+/g, '')),
    sources: a.sources,
    blocks: a.blocks.map(({ start: _s, end: _e, ...rest }) => rest),
    captions: a.captions.map(({ start: _s, end: _e, ...rest }) => rest),
  }));
}

/** A gold file's articles in the same comparable shape. */
export function comparableGold(gold: { articles: Record<string, unknown>[] }): unknown[] {
  return gold.articles.map((a) => ({
    headline: String(a.headline).replace(/\s+/g, ''),
    subheadlines: (a.subheadlines as string[]).map((s) => s.replace(/\s+/g, '')),
    bylines: (a.bylines as string[]).map((s) => s.replace(/\s+/g, '')),
    sources: a.sources,
    blocks: a.blocks,
    captions: a.captions,
  }));
}

export const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;

/** Every composed fixture: its name, page text and gold. */
export function fixtures(): {
  name: string;
  text: string;
  gold: { articles: Record<string, unknown>[] };
}[] {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const name = f.slice(0, -4);
      return {
        name,
        text: readFileSync(join(FIXTURES, f), 'utf8'),
        gold: JSON.parse(readFileSync(join(FIXTURES, `${name}.gold.json`), 'utf8')),
      };
    });
}
