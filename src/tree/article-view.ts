import type { Encoding, LineEnding, Script } from './types.ts';

/**
 * The article view: what `jiedu parse --format json` prints. A stable public contract;
 * bump ARTICLE_VIEW_VERSION on any change of shape and document it in docs/article-view.md.
 * Version 2 adds the annotation fields of `jiedu parse --annotate` (absent otherwise).
 */
export const ARTICLE_VIEW_VERSION = 2;

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
  /** With --annotate: every mention of a named entity, canonical name in the page's script. */
  entities?: { text: string; type: string; canonical: string; start: number; end: number }[];
  /** With --annotate: who said what; `speaker` is a canonical name or null. */
  quotes?: {
    speaker: string | null;
    kind: 'direct' | 'reported';
    cue: string;
    text: string;
    start: number;
    end: number;
  }[];
  /** With --annotate: who stands where. */
  stances?: {
    actors: string[];
    cue: string;
    class: string;
    plover: string;
    target: string;
    negated: boolean;
    modality: string[];
    start: number;
    end: number;
  }[];
  /** With --annotate: dates, ISO values, null when they could not be resolved. */
  dates?: {
    text: string;
    value: string | null;
    relative: boolean;
    unresolved?: string;
    start: number;
    end: number;
  }[];
  keywords?: { text: string; score: number }[];
  summary?: string[];
}

export interface ArticleView {
  version: typeof ARTICLE_VIEW_VERSION;
  source: ArticleViewSource;
  articles: ArticleViewArticle[];
}
