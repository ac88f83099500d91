import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Keeps the writer's heap near a ceiling. The writer lives on the process's main thread,
 * whose heap limit V8 sizes by the machine's memory (4 GB on a 24 GB machine): it lets
 * the garbage of stored pages (each page tree arrives from a worker and dies once written)
 * pile up to several hundred megabytes before collecting it, which alone would break an
 * RSS budget of 1 GB. A worker's heap can be capped with resourceLimits; the main thread's
 * only with a node flag at start, which a library cannot set. So: a full collection when
 * the heap in use passes the ceiling, checked every `every` calls; tens of milliseconds
 * every few thousand pages.
 */
export function heapCeiling(ceilingMb: number, every = 256): () => void {
  // --expose-gc takes effect for contexts made after it; the function is the same collector.
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const ceiling = ceilingMb * 1024 * 1024;
  let calls = 0;
  return () => {
    if (++calls % every !== 0) return;
    if (getHeapStatistics().used_heap_size > ceiling) gc();
  };
}
