import type { Encoding, LineEnding, Script } from './types.ts';

/**
 * The article view: what `jiedu parse --format json` prints. A stable public contract;
 * bump ARTICLE_VIEW_VERSION on any change of shape and document it in docs/article-view.md.
 */
export const ARTICLE_VIEW_VERSION = 1;

export interface ArticleViewSource {
  path?: string;
  encoding: Encoding;
  confidence: number;
  bom: boolean;
  lineEnding: LineEnding;
  script: Script;
  bytes: number;
  chars: number;
}

export type ArticleViewBlock =
  | { type: 'heading'; text: string; start: number; end: number }
  | { type: 'paragraph'; text: string; start: number; end: number }
  | { type: 'dialogue'; speaker: string; text: string; start: number; end: number }
  | {
      type: 'list-item';
      level: number;
      text: string;
      emphasis: string[];
      start: number;
      end: number;
    };

export interface ArticleViewCaption {
  text: string;
  credit: string | null;
  start: number;
  end: number;
}

export interface ArticleViewArticle {
  headline: string;
  subheadlines: string[];
  /** Datelines and reporter lines, without the ● marker. */
  bylines: string[];
  /** Outlet names: 來源：X → X; 據X報道 → X. */
  sources: string[];
  /** Reading order; captions and credits are not blocks. */
  blocks: ArticleViewBlock[];
  captions: ArticleViewCaption[];
  start: number;
  end: number;
}

export interface ArticleView {
  version: typeof ARTICLE_VIEW_VERSION;
  source: ArticleViewSource;
  articles: ArticleViewArticle[];
}
