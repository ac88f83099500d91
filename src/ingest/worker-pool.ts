// Before any thread loads the segmenter's native module: its allocator reads this then.
import '../annotate/segment/allocator.ts';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { PageResult, PageTask } from './types.ts';

/**
 * Tasks a worker holds at once. Deep queues, because the single writer blocks its thread
 * for tens of milliseconds per batch, and the workers must have that much work in hand: on
 * two cores, 4 a worker kept 1.46 cores busy and 32 kept 1.7 (770 → 890 pages/s).
 */
const TASKS_PER_WORKER = 32;

/** Workers that die before finishing a single page, in a row, before the pool gives up. */
const MAX_FAILED_STARTS = 3;

/**
 * The old-generation heap of a pool worker, in MB. A worker's live tables (jieba, the
 * lexicon, OpenCC) take about 140 MB; left alone, V8 sizes the heap by the machine's memory
 * and lets garbage pile up to a gigabyte per worker. 256 MB keeps two workers and the writer
 * under 1 GB with room for pages up to about a megabyte; a larger page that runs out is
 * parsed again on a worker of its own without the limit.
 */
export const WORKER_HEAP_MB = 256;

interface Pending {
  task: PageTask;
  resolve(result: PageResult): void;
  reject(err: Error): void;
}

interface Slot {
  worker: Worker;
  /** Tasks sent to this worker and not yet answered, in the order sent (= run). */
  pending: Map<number, Pending>;
  /** Whether this worker has answered at least one task (it started fine). */
  answered: boolean;
  /** Set once the pool ended this worker on purpose, so its exit is not a crash. */
  retired: boolean;
  /** When the worker started its current task (the first pending one); 0 when idle. */
  since: number;
  /** Whether the worker has loaded what it needs and said so: its clock runs from then. */
  ready: boolean;
  /** Set when the watchdog stopped the worker: its current task took too long. */
  timedOut: boolean;
}

/** How often the watchdog looks for a page over its time budget (ms). */
const WATCH_EVERY_MS = 250;

/**
 * Starts the worker module `name` that sits beside the module at `base` (its
 * `import.meta.url`), from wherever that module runs. Built, it is `name.js`. From the
 * TypeScript sources (bin/jiedu.js under tsx, or the tests under `node --import tsx`), a
 * worker does not inherit the loader the main thread registered, so it starts from a small
 * script that registers tsx and then imports `name.ts`. The ingest pool and the server's
 * reader threads both start theirs here.
 */
export function startThread(base: string, name: string, options: WorkerOptions = {}): Worker {
  // Address space, not memory: V8 reserves 512 MB for each thread's compiled code unless
  // told, which alone puts two workers over a 2 GB limit (`ulimit -v`, a container's).
  // Their code (parse, annotate, a reader's queries) fits in a tenth of this.
  options = {
    ...options,
    resourceLimits: { codeRangeSizeMb: THREAD_CODE_RANGE_MB, ...options.resourceLimits },
  };
  const here = new URL(base);
  if (!here.pathname.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, here), options);
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL(`./${name}.ts`, here).href;
  // A CommonJS script (what `eval` runs): dynamic imports, no top-level await.
  const boot = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { ...options, eval: true });
}

/** Address space for a thread's compiled code (MB). */
const THREAD_CODE_RANGE_MB = 64;

/**
 * Terminates `workers` and resolves once every one has exited. A worker stopped in the
 * middle of its work takes a moment to exit, and Node lets the event loop end meanwhile:
 * terminate()'s promise then never settles, nor does whatever awaits it (an archive failing
 * mid-batch left ingest pending about one run in ten under load). A timer holds the loop
 * open until they are gone.
 */
export async function terminateAll(workers: readonly Worker[]): Promise<void> {
  const holdOpen = setInterval(() => {}, 1000);
  try {
    await Promise.all(workers.map((worker) => worker.terminate()));
  } finally {
    clearInterval(holdOpen);
  }
}

/** Starts a pool worker; `heapMb` limits its old-generation heap, null leaves V8's default. */
function startWorker(heapMb: number | null): Worker {
  const resourceLimits = heapMb === null ? {} : { maxOldGenerationSizeMb: heapMb };
  return startThread(import.meta.url, 'worker', { resourceLimits });
}

/** Whether a worker died of its heap limit. */
function outOfMemory(err: unknown): boolean {
  return (err as NodeJS.ErrnoException)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
}

/** Seconds for a message: whole when whole (60), else to a tenth (0.5). */
export function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return Number.isInteger(seconds) ? String(seconds) : seconds.toFixed(1);
}

/**
 * Up to `size` worker threads that parse and annotate pages, started as the work needs
 * them. `run` hands a task to the least busy worker. When a worker crashes, the page it
 * was working on fails with the reason (or, when the heap limit killed it, is parsed again
 * on a worker without the limit) and the pages queued behind it go to the others or to a
 * new worker: one poisonous page never stops a batch.
 */
export class WorkerPool {
  readonly size: number;
  readonly #slots: Slot[] = [];
  readonly #heapMb: number | null;
  #failedStarts = 0;
  #closed = false;
  /** Set when workers keep dying at start: every later `run` rejects with it. */
  #broken: Error | null = null;
  /** One-off workers without a heap limit, for pages too large for the pool's. */
  readonly #large = new Set<Worker>();
  /** Pages that ran out of the pool's heap and were parsed again without the limit. */
  largeRuns = 0;
  /** Longest a page may take on a worker (ms); null for no limit. */
  readonly #pageTimeMs: number | null;
  readonly #largeHeapMb: number | null;
  #watchdog: ReturnType<typeof setInterval> | null = null;

  /**
   * `heapMb`: the workers' old-generation limit, {@link WORKER_HEAP_MB} by default.
   * `pageTimeMs`: how long a page may take; a worker still on one page after that is
   * stopped, the page fails with the reason, and the pages queued behind it go on elsewhere.
   * `largeHeapMb`: the heap of the one-off worker that reads a page again when it ran out of
   * the pool's: null for no limit, 0 for none (the page fails; see address-space.ts).
   */
  constructor(
    size: number,
    heapMb: number | null = WORKER_HEAP_MB,
    pageTimeMs: number | null = null,
    largeHeapMb: number | null = null,
  ) {
    if (!Number.isInteger(size) || size < 1) {
      throw new TypeError('WorkerPool: `size` must be a positive integer');
    }
    if (pageTimeMs !== null && !(pageTimeMs > 0)) {
      throw new TypeError('WorkerPool: `pageTimeMs` must be positive');
    }
    this.size = size;
    this.#heapMb = heapMb;
    this.#pageTimeMs = pageTimeMs;
    this.#largeHeapMb = largeHeapMb;
  }

  /** Stops every worker whose current page is over the time budget. */
  #watch(): void {
    const limit = this.#pageTimeMs;
    if (limit === null) return;
    const now = performance.now();
    for (const slot of this.#slots) {
      if (slot.retired || !slot.ready || slot.pending.size === 0 || now - slot.since <= limit) {
        continue;
      }
      slot.timedOut = true;
      // Its 'exit' settles the page and hands the queued ones to other workers.
      void slot.worker.terminate();
    }
  }

  /** Workers started so far: the pool grows to `size` only while they all have work. */
  get started(): number {
    return this.#slots.length;
  }

  /** How many tasks the pool takes before `run` callers should wait for one to finish. */
  get capacity(): number {
    return this.size * TASKS_PER_WORKER;
  }

  /** Why the pool stopped, when workers kept dying before finishing a page; else null. */
  get broken(): Error | null {
    return this.#broken;
  }

  /** Parses and annotates one page on a worker. Rejects only when the pool is broken. */
  run(task: PageTask): Promise<PageResult> {
    return new Promise<PageResult>((resolve, reject) => {
      this.#submit({ task, resolve, reject });
    });
  }

  /** Ends every worker; tasks still pending are abandoned (their promises never settle). */
  async close(): Promise<void> {
    this.#closed = true;
    if (this.#watchdog !== null) clearInterval(this.#watchdog);
    for (const slot of this.#slots) slot.retired = true;
    await terminateAll([...this.#slots.map((slot) => slot.worker), ...this.#large]);
  }

  #submit(pending: Pending): void {
    if (this.#broken !== null || this.#closed) {
      pending.reject(this.#broken ?? new Error('WorkerPool: the pool is closed'));
      return;
    }
    let best: Slot | undefined;
    for (const slot of this.#slots) {
      if (best === undefined || slot.pending.size < best.pending.size) best = slot;
    }
    // Another worker only when every one has a page: one page costs one worker's start
    // (its tables take a second and 300 MB), not one per core.
    if (best === undefined || (best.pending.size > 0 && this.#slots.length < this.size)) {
      best = this.#spawn();
      this.#slots.push(best);
    }
    if (best.pending.size === 0) best.since = performance.now();
    best.pending.set(pending.task.id, pending);
    if (this.#pageTimeMs !== null && this.#watchdog === null) {
      this.#watchdog = setInterval(() => this.#watch(), WATCH_EVERY_MS);
      this.#watchdog.unref();
    }
    // A busy worker keeps the process alive; an idle one must not.
    best.worker.ref();
    best.worker.postMessage(pending.task);
  }

  #spawn(): Slot {
    const slot: Slot = {
      worker: startWorker(this.#heapMb),
      pending: new Map(),
      answered: false,
      retired: false,
      since: 0,
      ready: false,
      timedOut: false,
    };
    slot.worker.on('message', (result: PageResult | { ready: true }) => {
      if ('ready' in result) {
        // Its first page starts now.
        slot.ready = true;
        slot.since = performance.now();
        return;
      }
      const pending = slot.pending.get(result.id);
      if (pending === undefined) return;
      slot.pending.delete(result.id);
      // The next page in its queue starts now.
      slot.since = performance.now();
      slot.answered = true;
      this.#failedStarts = 0;
      if (slot.pending.size === 0) slot.worker.unref();
      pending.resolve(result);
    });
    // A worker that throws also exits; 'error' carries the reason, 'exit' does the cleanup.
    let crash: unknown = null;
    slot.worker.on('error', (err) => {
      crash = err;
    });
    slot.worker.on('exit', (code) => {
      if (!slot.retired) this.#dropCrashed(slot, code, crash);
    });
    slot.worker.unref();
    return slot;
  }

  /** Drops a dead worker; settles or reassigns the tasks it held. */
  #dropCrashed(slot: Slot, code: number, crash: unknown): void {
    slot.retired = true;
    // A page over its time budget says nothing of whether workers can start.
    if (!slot.answered && !slot.timedOut) this.#failedStarts++;
    const [current, ...queued] = [...slot.pending.values()];
    slot.pending.clear();
    const message = crash instanceof Error ? crash.message : 'the worker stopped';
    const reason = slot.timedOut
      ? `took longer than ${formatSeconds(this.#pageTimeMs ?? 0)} s to parse and annotate: stopped (--page-time)`
      : `worker crashed (exit code ${code}): ${message}`;
    if (this.#failedStarts >= MAX_FAILED_STARTS) {
      // Nothing will run on a broken pool: every waiting caller hears why.
      const broken = new Error(`ingest workers cannot start: ${reason}`);
      this.#broken = broken;
      for (const pending of [current, ...queued]) pending?.reject(broken);
      for (const other of this.#slots) {
        for (const pending of other.pending.values()) pending.reject(broken);
        other.pending.clear();
      }
      return;
    }
    // Gone from the pool; the next page that needs a worker starts one.
    const index = this.#slots.indexOf(slot);
    if (index >= 0) this.#slots.splice(index, 1);
    // The worker runs its tasks in order, so the first one is what it died on.
    if (current !== undefined) {
      const oom = !slot.timedOut && outOfMemory(crash);
      if (oom && this.#heapMb !== null && this.#largeHeapMb !== 0) {
        this.#runLarge(current);
      } else if (oom) {
        current.resolve({
          id: current.task.id,
          ok: false,
          reason: `needs more than the ${this.#heapMb} MB of heap a worker has, and the address-space limit (ulimit -v) leaves no room for a larger one: not read`,
        });
      } else {
        current.resolve({
          id: current.task.id,
          ok: false,
          reason,
          ...(slot.timedOut ? { timedOut: true as const } : {}),
        });
      }
    }
    for (const pending of queued) this.#submit(pending);
  }

  /** Parses one page on a worker of its own with the large heap (no limit by default), then
   * ends it. */
  #runLarge(pending: Pending): void {
    if (this.#closed) return;
    this.largeRuns++;
    const worker = startWorker(this.#largeHeapMb);
    this.#large.add(worker);
    let crash: unknown = null;
    let settled = false;
    const finish = (result: PageResult) => {
      if (settled) return;
      settled = true;
      this.#large.delete(worker);
      void worker.terminate();
      pending.resolve(result);
    };
    worker.on('message', (result: PageResult | { ready: true }) => {
      if (!('ready' in result)) finish(result);
    });
    worker.on('error', (err) => {
      crash = err;
    });
    worker.on('exit', (code) => {
      if (this.#closed) return;
      const message = crash instanceof Error ? crash.message : 'the worker stopped';
      finish({
        id: pending.task.id,
        ok: false,
        reason: `worker crashed (exit code ${code}): ${message}`,
      });
    });
    worker.postMessage(pending.task);
  }
}
