import { annotate } from '../annotate/index.ts';
import { DecodeError } from '../decode/index.ts';
import { parse } from '../pipeline.ts';
import { findOutlet, findPageDate } from './find-outlet.ts';
import type { PageResult, PageTask } from './types.ts';

/**
 * Parses and annotates one page: what an ingest worker does with each task. Never throws:
 * a page that is not text, or holds no text, comes back as a failure with its reason.
 */
export function processPage(task: PageTask): PageResult {
  try {
    const parsed = parse(task.input, { path: task.source });
    if (parsed.children.length === 0) {
      return { id: task.id, ok: false, reason: 'empty: no text on the page' };
    }
    const page = annotate(parsed, task.date === undefined ? {} : { date: task.date });
    const outlet = findOutlet(page);
    const date = task.date ?? findPageDate(page);
    return {
      id: task.id,
      ok: true,
      page,
      ...(outlet === undefined ? {} : { outlet }),
      ...(date === undefined ? {} : { date }),
    };
  } catch (err) {
    return { id: task.id, ok: false, reason: describeFailure(err) };
  }
}

/** The reason for a failed page, without its path (the caller names the page). */
export function describeFailure(err: unknown): string {
  if (err instanceof DecodeError) {
    return `cannot decode as text at byte offset ${err.offset}: ${err.reason}`;
  }
  const message = err instanceof Error ? err.message : String(err);
  return `internal error: ${message}`;
}
