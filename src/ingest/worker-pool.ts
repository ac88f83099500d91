import { Worker } from 'node:worker_threads';
import type { PageResult, PageTask } from './types.ts';

/** Tasks a worker holds at once: one running, one waiting so it never idles between them. */
const TASKS_PER_WORKER = 2;

/** Workers that die before finishing a single page, in a row, before the pool gives up. */
const MAX_FAILED_STARTS = 3;

interface Pending {
  task: PageTask;
  resolve(result: PageResult): void;
  reject(err: Error): void;
}

interface Slot {
  worker: Worker;
  /** Tasks sent to this worker and not yet answered, by id. */
  pending: Map<number, Pending>;
  /** Whether this worker has answered at least one task (it started fine). */
  answered: boolean;
  /** Set once the pool ended this worker on purpose, so its exit is not a crash. */
  retired: boolean;
}

/**
 * How to start the worker module from wherever this module runs. Built, it is
 * `worker.js` beside this file. From the TypeScript sources (bin/jiedu.js under tsx, or the
 * tests under `node --import tsx`), a worker does not inherit the loader the main thread
 * registered, so it starts from a small script that registers tsx and then imports
 * `worker.ts`.
 */
function startWorker(): Worker {
  const here = new URL(import.meta.url);
  if (!here.pathname.endsWith('.ts')) return new Worker(new URL('./worker.js', here));
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./worker.ts', here).href;
  // A CommonJS script (what `eval` runs): dynamic imports, no top-level await.
  const boot = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { eval: true });
}

/**
 * A fixed number of worker threads that parse and annotate pages. `run` hands a task to
 * the least busy worker; a worker that crashes fails its tasks with the reason and is
 * replaced, so one poisonous page cannot stop a batch.
 */
export class WorkerPool {
  readonly size: number;
  readonly #slots: Slot[] = [];
  #failedStarts = 0;
  #closed = false;
  /** Set when workers keep dying at start: every later `run` rejects with it. */
  #broken: Error | null = null;

  constructor(size: number) {
    if (!Number.isInteger(size) || size < 1) {
      throw new TypeError('WorkerPool: `size` must be a positive integer');
    }
    this.size = size;
    for (let i = 0; i < size; i++) this.#slots.push(this.#spawn());
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
    if (this.#broken !== null) return Promise.reject(this.#broken);
    if (this.#closed) return Promise.reject(new Error('WorkerPool: the pool is closed'));
    let best = this.#slots[0] as Slot;
    for (const slot of this.#slots) if (slot.pending.size < best.pending.size) best = slot;
    return new Promise<PageResult>((resolve, reject) => {
      best.pending.set(task.id, { task, resolve, reject });
      // A busy worker keeps the process alive; an idle one must not.
      best.worker.ref();
      best.worker.postMessage(task);
    });
  }

  /** Ends every worker; tasks still pending are abandoned (their promises never settle). */
  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all(
      this.#slots.map((slot) => {
        slot.retired = true;
        return slot.worker.terminate();
      }),
    );
  }

  #spawn(): Slot {
    const slot: Slot = {
      worker: startWorker(),
      pending: new Map(),
      answered: false,
      retired: false,
    };
    slot.worker.on('message', (result: PageResult) => {
      const pending = slot.pending.get(result.id);
      if (pending === undefined) return;
      slot.pending.delete(result.id);
      slot.answered = true;
      this.#failedStarts = 0;
      if (slot.pending.size === 0) slot.worker.unref();
      pending.resolve(result);
    });
    // A worker that throws also exits; 'error' carries the reason, 'exit' does the cleanup.
    let crash = 'the worker stopped';
    slot.worker.on('error', (err) => {
      crash = err instanceof Error ? err.message : String(err);
    });
    slot.worker.on('exit', (code) => {
      if (slot.retired) return;
      this.#replace(slot, `worker crashed (exit code ${code}): ${crash}`);
    });
    slot.worker.unref();
    return slot;
  }

  /** Fails a dead worker's tasks and starts another in its place. */
  #replace(slot: Slot, reason: string): void {
    if (!slot.answered) this.#failedStarts++;
    const index = this.#slots.indexOf(slot);
    const orphans = [...slot.pending.values()];
    slot.pending.clear();
    if (this.#failedStarts >= MAX_FAILED_STARTS) {
      this.#broken = new Error(`ingest workers cannot start: ${reason}`);
    } else if (!this.#closed && index >= 0) {
      this.#slots[index] = this.#spawn();
    }
    const broken = this.#broken;
    if (broken === null) {
      for (const { task, resolve } of orphans) resolve({ id: task.id, ok: false, reason });
      return;
    }
    // Nothing will run on a broken pool: every waiting caller hears why.
    for (const { reject } of orphans) reject(broken);
    for (const other of this.#slots) {
      for (const { reject } of other.pending.values()) reject(broken);
      other.pending.clear();
    }
  }
}
