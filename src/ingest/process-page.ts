import { annotate } from '../annotate/index.ts';
import { DecodeError } from '../decode/index.ts';
import { parse } from '../pipeline.ts';
import { prepareArticles } from '../store/story-input.ts';
import type { PageNode } from '../tree/types.ts';
import { findOutlet, findPageDate } from './find-outlet.ts';
import type { PageResult, PageTask } from './types.ts';

/** Two small pages of news, one in each script: parsing them loads everything annotation
 * reads (the segmenter's dictionary, the lexicon, the name models of both scripts). */
const WARM_UP = [
  '新華社北京電 外交部發言人表示，中方歡迎各方對話。',
  '新华社北京电 外交部发言人表示，中方欢迎各方对话。',
];

/** Loads what annotation reads, so that the first real page is timed for its own work
 * (about two seconds and 200 MB on first use). */
export function warmUp(): void {
  for (const [i, input] of WARM_UP.entries()) processPage({ id: -1 - i, source: 'warm-up', input });
}

/**
 * Parses and annotates one page: what an ingest worker does with each task. Never throws:
 * a page that is not text, or holds no text, comes back as a failure with its reason.
 */
export function processPage(task: PageTask): PageResult {
  try {
    const web = task.web;
    const parsed = parse(task.input, {
      path: task.source,
      // A WARC record was chosen as an HTML response: its payload is a web page.
      ...(web === undefined ? {} : { format: 'html' as const }),
      ...(task.format === undefined ? {} : { format: task.format }),
      ...(task.strict === true ? { strict: true } : {}),
      ...(web?.url === undefined ? {} : { url: web.url }),
      ...(web?.fetched === undefined ? {} : { fetched: web.fetched }),
      ...(web?.contentType === undefined ? {} : { contentType: web.contentType }),
    });
    if (parsed.children.length === 0) {
      return { id: task.id, ok: false, reason: 'empty: no text on the page' };
    }
    const page = annotate(parsed, {
      ...(task.date === undefined ? {} : { date: task.date }),
      ...(task.tagger === false ? { tagger: null } : {}),
    });
    const meta = page.children.find((a) => a.meta !== undefined)?.meta;
    const outlet = meta?.outlet ?? findOutlet(page);
    const published = meta?.published?.slice(0, 10);
    const date = task.date ?? published ?? findPageDate(page);
    const url = meta?.url;
    const warnings = decodeWarnings(page);
    return {
      id: task.id,
      ok: true,
      page,
      // The writer's share of the story search (prints, keys, sketches), done here in parallel.
      prepared: prepareArticles(page, task.stories !== false),
      ...(warnings.length === 0 ? {} : { warnings }),
      ...(outlet === undefined ? {} : { outlet }),
      ...(date === undefined ? {} : { date }),
      ...(url === undefined ? {} : { url }),
    };
  } catch (err) {
    return { id: task.id, ok: false, reason: describeFailure(err) };
  }
}

/** The decode stage's warnings of a page: what reading its bytes had to repair (bytes read
 * as U+FFFD, a file cut short), said to the user beside the page. */
export function decodeWarnings(page: PageNode): string[] {
  return page.diagnostics
    .filter((d) => d.source === 'decode' && d.severity === 'warning')
    .map((d) => d.message);
}

/** The reason for a failed page, without its path (the caller names the page). */
export function describeFailure(err: unknown): string {
  if (err instanceof DecodeError) {
    return `cannot decode as text at byte offset ${err.offset}: ${err.reason}`;
  }
  const message = err instanceof Error ? err.message : String(err);
  // A shape of page no pass expected (the known ones are read without recursion): said as
  // what it is, not as jiedu breaking.
  if (err instanceof RangeError && /call stack/i.test(message)) {
    return 'a page shaped too deep or too long for one of the passes (a stack overflow): not read; please report it';
  }
  return `internal error: ${message}`;
}
