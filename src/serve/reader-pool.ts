import { Worker } from 'node:worker_threads';
import { HttpError } from './http-error.ts';
import type { Reply } from './reply.ts';
import { errorReply, type Task } from './run-handler.ts';

/**
 * Reader threads for the server. better-sqlite3 is synchronous: on the main thread, every
 * query holds the whole server (a slow one delays even /healthz), and the server uses one
 * core. Here each reader thread has its own connection to the archive and answers one task
 * at a time; the main thread only does HTTP. A task gets at most `timeLimitMs` on a reader:
 * past it the client gets a 503 and the reader is ended and replaced (a SQLite call cannot
 * be interrupted from JavaScript, but its thread can be dropped). A task that waits in the
 * queue that long, or finds the queue full, gets a 503 too: the server sheds load rather
 * than answer everyone late.
 */

/** Options for {@link ReaderPool}. */
export interface ReaderPoolOptions {
  /** The archive file every reader opens. */
  path: string;
  /** Reader threads. */
  size: number;
  /** Longest a task may run on a reader, and wait for one (ms). */
  timeLimitMs: number;
  /** Tasks waiting at most; more are refused with a 503. */
  maxQueue: number;
  log(line: string): void;
}

interface Job {
  id: number;
  task: Task;
  queuedAt: number;
  resolve(reply: Reply): void;
}

interface Reader {
  worker: Worker;
  /** Set when the thread has opened the archive: its start-up is no task's time. */
  ready: boolean;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

/** Readers that die before they are ready, in a row, before the pool gives up. */
const MAX_FAILED_STARTS = 3;

/**
 * Starts the reader module from wherever this module runs: `reader-thread.js` beside it
 * when built; from the TypeScript sources, a small boot script that registers tsx first
 * (a worker does not inherit the loader of the main thread).
 */
function startWorker(path: string): Worker {
  const here = new URL(import.meta.url);
  const workerData = { path };
  if (!here.pathname.endsWith('.ts')) {
    return new Worker(new URL('./reader-thread.js', here), { workerData });
  }
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./reader-thread.ts', here).href;
  const boot = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { eval: true, workerData });
}

function refusal(status: number, code: string, message: string): Reply {
  return errorReply(new HttpError(status, code, message), () => {});
}

/** A fixed set of reader threads with a queue in front. */
export class ReaderPool {
  readonly #options: ReaderPoolOptions;
  readonly #readers: Reader[] = [];
  #queue: Job[] = [];
  #nextId = 1;
  #closed = false;
  #failedStarts = 0;
  /** Why the readers cannot start (the archive will not open), once they failed to. */
  #broken: string | null = null;
  #sweeper: NodeJS.Timeout;

  constructor(options: ReaderPoolOptions) {
    if (!Number.isInteger(options.size) || options.size < 1) {
      throw new TypeError('ReaderPool: `size` must be a positive whole number');
    }
    this.#options = options;
    for (let i = 0; i < options.size; i++) this.#readers.push(this.#start());
    // Tasks that waited too long leave the queue even when no reader frees up.
    this.#sweeper = setInterval(() => this.#sweep(), Math.min(1000, options.timeLimitMs));
    this.#sweeper.unref();
  }

  /** Runs a task on a reader; resolves with its reply (never rejects). */
  run(task: Task): Promise<Reply> {
    if (this.#closed) {
      return Promise.resolve(refusal(503, 'closing', 'the server is stopping'));
    }
    if (this.#broken !== null) {
      return Promise.resolve(refusal(500, 'internal', this.#broken));
    }
    if (this.#queue.length >= this.#options.maxQueue) {
      return Promise.resolve(
        refusal(503, 'busy', 'the server has too many requests waiting; try again shortly'),
      );
    }
    return new Promise<Reply>((resolve) => {
      this.#queue.push({ id: this.#nextId++, task, queuedAt: performance.now(), resolve });
      this.#pump();
    });
  }

  /** Ends every reader; queued tasks are answered with a 503. */
  async close(): Promise<void> {
    this.#closed = true;
    clearInterval(this.#sweeper);
    for (const job of this.#queue) job.resolve(refusal(503, 'closing', 'the server is stopping'));
    this.#queue = [];
    await Promise.all(
      this.#readers.map((reader) => {
        if (reader.timer !== null) clearTimeout(reader.timer);
        reader.job?.resolve(refusal(503, 'closing', 'the server is stopping'));
        reader.job = null;
        return reader.worker.terminate();
      }),
    );
  }

  #start(): Reader {
    const reader: Reader = {
      worker: startWorker(this.#options.path),
      ready: false,
      job: null,
      timer: null,
    };
    type Message = { id?: number; reply?: Reply; log?: string; ready?: boolean };
    reader.worker.on('message', (message: Message) => {
      if (message.log !== undefined) {
        this.#options.log(message.log);
        return;
      }
      if (message.ready === true) {
        reader.ready = true;
        this.#failedStarts = 0;
        this.#pump();
        return;
      }
      const job = reader.job;
      if (job === null || job.id !== message.id || message.reply === undefined) return;
      this.#finish(reader);
      job.resolve(message.reply);
      this.#pump();
    });
    reader.worker.on('error', (err) => this.#lost(reader, err));
    reader.worker.on('exit', (code) => this.#lost(reader, new Error(`reader exited with ${code}`)));
    return reader;
  }

  #finish(reader: Reader): void {
    if (reader.timer !== null) clearTimeout(reader.timer);
    reader.timer = null;
    reader.job = null;
  }

  /** A reader died: its task gets a 500, and a new reader takes its place. */
  #lost(reader: Reader, err: Error): void {
    const index = this.#readers.indexOf(reader);
    if (index < 0 || this.#closed) return;
    const job = reader.job;
    this.#finish(reader);
    this.#options.log(`jiedu serve: a reader thread failed: ${err.message}`);
    job?.resolve(errorReply(err, () => {}));
    if (!reader.ready && ++this.#failedStarts >= MAX_FAILED_STARTS) {
      this.#giveUp(`the reader threads cannot start: ${err.message}`);
      return;
    }
    this.#replace(index);
  }

  /** Readers keep dying before they start: answer what waits, and every later request. */
  #giveUp(why: string): void {
    this.#broken = why;
    for (const job of this.#queue) job.resolve(refusal(500, 'internal', why));
    this.#queue = [];
  }

  #replace(index: number): void {
    const old = this.#readers[index] as Reader;
    old.worker.removeAllListeners();
    void old.worker.terminate();
    this.#readers[index] = this.#start();
    this.#pump();
  }

  /** A task ran past the limit: the client is answered and the reader replaced. */
  #timedOut(reader: Reader): void {
    const index = this.#readers.indexOf(reader);
    const job = reader.job;
    if (index < 0 || job === null) return;
    this.#finish(reader);
    const seconds = this.#options.timeLimitMs / 1000;
    job.resolve(
      refusal(
        503,
        'timeout',
        `the request took longer than ${seconds} s and was stopped; narrow it (filters, a smaller page)`,
      ),
    );
    this.#replace(index);
  }

  #sweep(): void {
    // While no reader is up (the pool starts, or replaces its only reader), waiting is
    // start-up, not overload.
    if (!this.#readers.some((r) => r.ready)) return;
    const now = performance.now();
    const limit = this.#options.timeLimitMs;
    const waited = this.#queue.filter((job) => now - job.queuedAt > limit);
    if (waited.length === 0) return;
    this.#queue = this.#queue.filter((job) => now - job.queuedAt <= limit);
    for (const job of waited) {
      job.resolve(
        refusal(503, 'busy', 'the server is too busy to answer in time; try again shortly'),
      );
    }
  }

  #pump(): void {
    for (const reader of this.#readers) {
      if (!reader.ready || reader.job !== null) continue;
      const job = this.#queue.shift();
      if (job === undefined) return;
      reader.job = job;
      reader.timer = setTimeout(() => this.#timedOut(reader), this.#options.timeLimitMs);
      reader.worker.postMessage({ id: job.id, task: job.task });
    }
  }
}
