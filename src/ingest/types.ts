import type { PreparedArticle } from '../store/story-input.ts';
import type { PageNode } from '../tree/types.ts';

/**
 * Messages between the ingest writer (the main thread) and its workers. Plain data only:
 * they cross `postMessage` by structured clone.
 */

/** One page for a worker to parse and annotate. */
export interface PageTask {
  id: number;
  /** How the page is named: a path, `-`, or `file.jsonl:LINE`; given to parse as its path. */
  source: string;
  /** The raw bytes of a file (any supported encoding), or the text of a JSONL line. */
  input: Uint8Array | string;
  /** The page date (YYYY-MM-DD) for relative dates, when the input or its path gives one. */
  date?: string;
  /** For an HTML response out of a WARC file: what its record says. */
  web?: WebRecordInfo;
  /** false: annotate without the statistical name tagger. */
  tagger?: false;
  /** What the page is, when told (--input-format): else told by its content. */
  format?: 'text' | 'html';
  /** Refuse the page for any byte that is not text in its encoding. */
  strict?: true;
  /** false: nothing prepared for story detection (a store that does none). */
  stories?: false;
}

/** What a WARC record says about the HTML page it holds. */
export interface WebRecordInfo {
  /** WARC-Target-URI. */
  url?: string;
  /** WARC-Date (when it was fetched), ISO 8601. */
  fetched?: string;
  /** The HTTP Content-Type, for the page's charset. */
  contentType?: string;
}

/** A page parsed and annotated, with what the page itself says about its outlet and date. */
export interface PageDone {
  id: number;
  ok: true;
  page: PageNode;
  /** The publishing outlet named by the first byline (香港文匯報訊 → 香港文匯報). */
  outlet?: string;
  /** The task's date, else the date the page says it was published, else the first full
   * date the page gives. */
  date?: string;
  /** The article's canonical address, when an HTML page gives one. */
  url?: string;
  /** What reading its bytes had to repair (bytes read as U+FFFD, a file cut short). */
  warnings?: string[];
  /** What the writer needs of each article (its Simplified text, its story print),
   * computed here so that the one writer does not. */
  prepared?: PreparedArticle[];
}

/** A page that could not be read: not text, or nothing in it. */
export interface PageFailed {
  id: number;
  ok: false;
  reason: string;
  /** Set when the page ran past the time budget and its worker was stopped. */
  timedOut?: true;
}

export type PageResult = PageDone | PageFailed;
