import type { Worker } from 'node:worker_threads';
import type { PageResult, PageTask } from '../ingest/types.ts';
import { startThread, terminateAll } from '../ingest/worker-pool.ts';
import { HttpError } from './http-error.ts';
import type { Reply } from './reply.ts';
import { errorReply, type Task } from './run-handler.ts';

/**
 * Reader threads for the server. better-sqlite3 is synchronous: on the main thread, every
 * query holds the whole server (a slow one delays even /healthz), and the server uses one
 * core. Here each reader thread has its own connection to the archive and does one piece
 * of work at a time: a route's task (a read, or parsing a posted page), or parsing and
 * annotating a page for ingest, whose storing stays with the main thread (the archive's
 * one writer). The main thread only does HTTP and writes.
 *
 * A piece of work gets at most `timeLimitMs` on a reader: past it the client gets a 503 and
 * the reader is ended and replaced (a SQLite call cannot be interrupted from JavaScript,
 * but its thread can be dropped). Work that waits in the queue that long, or finds the
 * queue full, gets a 503 too: the server sheds load rather than answer everyone late.
 * A reader's first page loads what annotation reads; that loading is not the page's time
 * (it gets {@link WARM_UP_LIMIT_MS} of its own).
 */

/** Options for {@link ReaderPool}. */
export interface ReaderPoolOptions {
  /** The archive file every reader opens. */
  path: string;
  /** Reader threads. */
  size: number;
  /** Longest a piece of work may run on a reader, and wait for one (ms). */
  timeLimitMs: number;
  /** Pieces of work waiting at most; more are refused with a 503. */
  maxQueue: number;
  log(line: string): void;
}

/** What a reader is asked: a route's task, or a page to parse and annotate for ingest. */
type Work = { task: Task } | { page: PageTask };

/** What comes back: a reply, a processed page, or why there is neither. */
type Answer = { reply: Reply } | { result: PageResult } | { error: Error };

interface Job {
  id: number;
  work: Work;
  /** Longest it may run on a reader (ms). */
  limitMs: number;
  queuedAt: number;
  settle(answer: Answer): void;
}

interface Reader {
  worker: Worker;
  /** Set when the thread has opened the archive: its start-up is no task's time. */
  ready: boolean;
  job: Job | null;
  timer: NodeJS.Timeout | null;
  /** The job's clock is for loading what annotation reads, not for the job itself. */
  warming: boolean;
}

/** Longest a reader may take to load what annotation reads (ms), before its first page's
 * own time starts; a thread stuck that long is replaced like one past a page's limit. */
export const WARM_UP_LIMIT_MS = 60_000;

/** Readers that die before they are ready, in a row, before the pool gives up. */
const MAX_FAILED_STARTS = 3;

const closing = () => new HttpError(503, 'closing', 'the server is stopping');

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
    // Work that waited too long leaves the queue even when no reader frees up.
    this.#sweeper = setInterval(() => this.#sweep(), Math.min(1000, options.timeLimitMs));
    this.#sweeper.unref();
  }

  /** Runs a route's task on a reader, for at most `limitMs` (default the pool's limit);
   * resolves with its reply (never rejects). */
  async run(task: Task, limitMs: number = this.#options.timeLimitMs): Promise<Reply> {
    const answer = await this.#enqueue({ task }, limitMs);
    if ('reply' in answer) return answer.reply;
    if ('error' in answer) return errorReply(answer.error, this.#options.log);
    return errorReply(new Error('a reader answered a task with a page'), this.#options.log);
  }

  /** Parses and annotates a page on a reader; rejects with an HttpError (a 503 when it took
   * too long or the server is busy) when there is no result. */
  async process(page: PageTask): Promise<PageResult> {
    const answer = await this.#enqueue({ page }, this.#options.timeLimitMs);
    if ('result' in answer) return answer.result;
    if ('error' in answer) throw answer.error;
    throw new Error('a reader answered a page with a reply');
  }

  /** Ends every reader; waiting work is answered with a 503. */
  async close(): Promise<void> {
    this.#closed = true;
    clearInterval(this.#sweeper);
    for (const job of this.#queue) job.settle({ error: closing() });
    this.#queue = [];
    for (const reader of this.#readers) {
      if (reader.timer !== null) clearTimeout(reader.timer);
      reader.job?.settle({ error: closing() });
      reader.job = null;
    }
    await terminateAll(this.#readers.map((reader) => reader.worker));
  }

  #enqueue(work: Work, limitMs: number): Promise<Answer> {
    if (this.#closed) return Promise.resolve({ error: closing() });
    if (this.#broken !== null) return Promise.resolve({ error: new Error(this.#broken) });
    if (this.#queue.length >= this.#options.maxQueue) {
      const busy = 'the server has too many requests waiting; try again shortly';
      return Promise.resolve({ error: new HttpError(503, 'busy', busy) });
    }
    return new Promise<Answer>((settle) => {
      const job = { id: this.#nextId++, work, limitMs, queuedAt: performance.now(), settle };
      this.#queue.push(job);
      this.#pump();
    });
  }

  #start(): Reader {
    const reader: Reader = {
      worker: startThread(import.meta.url, 'reader-thread', {
        workerData: { path: this.#options.path },
      }),
      ready: false,
      job: null,
      timer: null,
      warming: false,
    };
    type Message = {
      id?: number;
      reply?: Reply;
      result?: PageResult;
      log?: string;
      ready?: boolean;
      warming?: boolean;
      warmed?: boolean;
    };
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
      if (job === null || job.id !== message.id) return;
      if (message.warming === true || message.warmed === true) {
        // Loading is timed apart: the page's own limit starts once it is loaded.
        reader.warming = message.warming === true;
        this.#time(reader, reader.warming ? WARM_UP_LIMIT_MS : job.limitMs);
        return;
      }
      this.#finish(reader);
      if (message.reply !== undefined) job.settle({ reply: message.reply });
      else if (message.result !== undefined) job.settle({ result: message.result });
      else job.settle({ error: new Error('a reader answered with nothing') });
      this.#pump();
    });
    reader.worker.on('error', (err) => this.#lost(reader, err));
    reader.worker.on('exit', (code) => this.#lost(reader, new Error(`reader exited with ${code}`)));
    return reader;
  }

  /** (Re)starts the clock of a reader's work: past `ms` it is stopped. */
  #time(reader: Reader, ms: number): void {
    if (reader.timer !== null) clearTimeout(reader.timer);
    reader.timer = setTimeout(() => this.#timedOut(reader), ms);
  }

  #finish(reader: Reader): void {
    if (reader.timer !== null) clearTimeout(reader.timer);
    reader.timer = null;
    reader.job = null;
    reader.warming = false;
  }

  /** A reader died: its work fails (a 500), and a new reader takes its place. */
  #lost(reader: Reader, err: Error): void {
    const index = this.#readers.indexOf(reader);
    if (index < 0 || this.#closed) return;
    const job = reader.job;
    this.#finish(reader);
    this.#options.log(`jiedu serve: a reader thread failed: ${err.message}`);
    job?.settle({ error: err });
    if (!reader.ready && ++this.#failedStarts >= MAX_FAILED_STARTS) {
      this.#giveUp(`the reader threads cannot start: ${err.message}`);
      return;
    }
    this.#replace(index);
  }

  /** Readers keep dying before they start: fail what waits, and everything later. */
  #giveUp(why: string): void {
    this.#broken = why;
    for (const job of this.#queue) job.settle({ error: new Error(why) });
    this.#queue = [];
  }

  #replace(index: number): void {
    const old = this.#readers[index] as Reader;
    old.worker.removeAllListeners();
    void old.worker.terminate();
    this.#readers[index] = this.#start();
    this.#pump();
  }

  /** Work ran past the limit: the client is answered and the reader replaced. */
  #timedOut(reader: Reader): void {
    const index = this.#readers.indexOf(reader);
    const job = reader.job;
    if (index < 0 || job === null) return;
    const warming = reader.warming;
    this.#finish(reader);
    const seconds = job.limitMs / 1000;
    const what =
      'task' in job.work ? `${job.work.task.method} ${job.work.task.route}` : 'a page to ingest';
    this.#options.log(
      warming
        ? `jiedu serve: a reader took over ${WARM_UP_LIMIT_MS / 1000} s to load the annotation models for ${what} and was stopped`
        : `jiedu serve: ${what} ran past ${seconds} s on a reader and was stopped`,
    );
    const message = `the request took longer than ${seconds} s and was stopped; narrow it (filters, a smaller page)`;
    job.settle({ error: new HttpError(503, 'timeout', message) });
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
    const busy = 'the server is too busy to answer in time; try again shortly';
    for (const job of waited) job.settle({ error: new HttpError(503, 'busy', busy) });
  }

  #pump(): void {
    for (const reader of this.#readers) {
      if (!reader.ready || reader.job !== null) continue;
      const job = this.#queue.shift();
      if (job === undefined) return;
      reader.job = job;
      this.#time(reader, job.limitMs);
      reader.worker.postMessage({ id: job.id, ...job.work });
    }
  }
}
