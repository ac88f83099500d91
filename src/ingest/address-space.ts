import { readFileSync } from 'node:fs';
import { addressSpaceLimit } from '../address-space-limit.ts';

export { addressSpaceLimit };

/**
 * Ingest under a limit of address space (`ulimit -v`, some containers). What a process
 * reserves counts against such a limit, not only what it uses, and running out of it is
 * fatal for the whole process (V8 cannot grow a heap: every page of the run is lost), where
 * a worker's own heap limit only fails the page it is on. So under a limit ingest plans its
 * workers to fit: as many as the room allows (at least one), each with the usual heap, and
 * a page too large for that heap is re-read on a larger one only if there is room for it.
 */

const MB = 1024 * 1024;

/** What a worker reserves before its first page: code, the segmenter's dictionary, the
 * lexicon, the name models, malloc's arenas (measured: about 300 MB). */
export const WORKER_FIXED_MB = 320;
/** What the main thread may still grow by: the writer's batches, SQLite's cache, its heap. */
export const MAIN_MARGIN_MB = 300;

/** The address space this process holds now, in bytes (VmSize), or null without /proc. */
export function addressSpaceUsed(status?: string): number | null {
  let text = status;
  if (text === undefined) {
    try {
      text = readFileSync('/proc/self/status', 'utf8');
    } catch {
      return null;
    }
  }
  const kb = /^VmSize:\s+(\d+)\s*kB/m.exec(text)?.[1];
  return kb === undefined ? null : Number(kb) * 1024;
}

/** How ingest runs its workers within a limit. */
export interface WorkerPlan {
  workers: number;
  /** The heap of a one-off worker for a page too large for the pool's (MB): null for no
   * limit, 0 when there is no room for one (such a page fails). */
  largeHeapMb: number | null;
  /** What was changed from what was asked, for the user; null when nothing was. */
  note: string | null;
}

/**
 * The workers to start: `requested` when there is no limit; else as many as fit beside what
 * the process holds (`used`) and the main thread's margin, each `heapMb` of heap plus its
 * fixed cost, and a larger one-off worker only with the room left after them.
 */
export function planWorkers(
  requested: number,
  heapMb: number,
  limit: number | null,
  used: number | null,
): WorkerPlan {
  if (limit === null || used === null) return { workers: requested, largeHeapMb: null, note: null };
  const free = (limit - used) / MB - MAIN_MARGIN_MB;
  // Old generation plus the young generation's semi-spaces and pages V8 keeps in hand.
  const perWorker = WORKER_FIXED_MB + heapMb + 64;
  const fit = Math.max(1, Math.floor(free / perWorker));
  const workers = Math.min(requested, fit);
  const left = Math.floor(free - workers * perWorker - WORKER_FIXED_MB - 64);
  const largeHeapMb = left >= heapMb * 1.5 ? left : 0;
  const limitText = `${(limit / 1024 / MB).toFixed(1)} GB`;
  const parts: string[] = [];
  if (workers < requested)
    parts.push(`${workers} worker${workers === 1 ? '' : 's'} of ${requested}`);
  if (largeHeapMb === 0) parts.push(`pages needing more than ${heapMb} MB of heap fail`);
  const note =
    parts.length === 0
      ? null
      : `address space limited to ${limitText} (ulimit -v): ${parts.join('; ')}`;
  return { workers, largeHeapMb, note };
}
