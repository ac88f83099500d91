import type { CreditRole, Encoding, LineEnding, Script } from './types.ts';

/**
 * The article view: what `jiedu parse --format json` prints. A stable public contract;
 * bump ARTICLE_VIEW_VERSION on any change of shape and document it in docs/article-view.md.
 * Version 2 adds the annotation fields of `jiedu parse --annotate` (absent otherwise).
 * Version 3 adds, on every article, `published`, `authors`, `credits`, `outlet` and `url`,
 * and on the source `format` (text or html) with, for web pages, `declaredCharset`, `url`
 * and `fetched`. Version 4 adds `sourceLines`: each source line as printed, with its range.
 */
export const ARTICLE_VIEW_VERSION = 4;

export interface ArticleViewSource {
  path?: string;
  encoding: Encoding;
  confidence: number;
  bom: boolean;
  lineEnding: LineEnding;
  script: Script;
  bytes: number;
  chars: number;
  /** `text` for a raw text page, `html` for a web page whose main text was extracted. */
  format: 'text' | 'html';
  /** HTML: the charset the page or its HTTP header declared, as written. */
  declaredCharset?: string;
  /** The address the page was fetched from (a WARC record's target URI). */
  url?: string;
  /** When the page was fetched (a WARC record's date), ISO 8601. */
  fetched?: string;
}

/** A person an article credits, with the role the page names. */
export interface ArticleViewCredit {
  role: CreditRole;
  name: string;
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

/** A story's own source line as printed (來源：中央社, （來源：明報）) and the outlet it names. */
export interface ArticleViewSourceLine {
  text: string;
  outlet: string;
  start: number;
  end: number;
}

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
  /** The source lines (來源：X, 資料來源：X) as printed, in page order, with their ranges. */
  sourceLines: ArticleViewSourceLine[];
  /** Reading order; captions and credits are not blocks. */
  blocks: ArticleViewBlock[];
  captions: ArticleViewCaption[];
  /**
   * When the article was published, ISO 8601: `2021-06-29T08:15:00+08:00` with the offset
   * when the page gives one, `2021-06-29T08:15` without, `2021-06-29` for a date alone;
   * null when the page does not say.
   */
  published: string | null;
  /** Who wrote it: the names of its authors, reporters and correspondents, in page order. */
  authors: string[];
  /** Everyone the page credits, with roles: authors, reporters, editors, photographers … */
  credits: ArticleViewCredit[];
  /** The outlet that published it (香港文匯報, 新浪网), or null. */
  outlet: string | null;
  /** The article's canonical address, or null (always null for a text page without one). */
  url: string | null;
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
  /** With --annotate: offices written with people's names (外交部發言人 X): the person's
   * canonical name and the title as the page writes it. */
  roles?: { person: string; text: string; start: number; end: number }[];
  keywords?: { text: string; score: number }[];
  summary?: string[];
}

export interface ArticleView {
  version: typeof ARTICLE_VIEW_VERSION;
  source: ArticleViewSource;
  articles: ArticleViewArticle[];
}
