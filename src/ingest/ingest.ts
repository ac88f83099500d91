import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { DocumentInput, Store } from '../store/types.ts';
import { addressSpaceLimit, addressSpaceUsed, planWorkers } from './address-space.ts';
import { collectSources } from './collect-sources.ts';
import { type FailureRecord, FailuresLog } from './failures-log.ts';
import { heapCeiling } from './heap-ceiling.ts';
import { MB, type PageUnit, readUnits, type Unit } from './read-units.ts';
import { StoreWriter } from './store-writer.ts';
import type { PageResult } from './types.ts';
import { formatSeconds, WORKER_HEAP_MB, WorkerPool } from './worker-pool.ts';

/** Options for {@link ingest}. */
export interface IngestOptions {
  /** Files, directories (searched recursively), glob patterns and `-` for standard input. */
  inputs: readonly string[];
  /** The archive the documents go to; ingest writes through it and never closes it. */
  store: Store;
  /** Where relative inputs are resolved; the process's working folder by default. */
  cwd?: string;
  /** Worker threads that parse and annotate; one per core by default. */
  workers?: number;
  /** Largest page accepted, in bytes; 20 MB by default. Larger ones fail, unread. */
  maxBytes?: number;
  /** Take a page's date from a date in its path (2024/03/15/a.txt); off by default. */
  dateFromPath?: boolean;
  /** Follow links found in a folder to files outside it (a site dump's links); off by
   * default: such a link is reported as a failure, unread. */
  followSymlinks?: boolean;
  /** Longest a page may take to parse and annotate, in ms (60 s by default; null for no
   * limit). A page over it fails with the reason; the pages queued behind it go on. */
  pageTimeMs?: number | null;
  /** Parse again the pages an earlier run stopped at its time budget. Off by default: such a
   * page fails at once, unread ("stopped in an earlier run"), unless this run's budget is
   * longer than the one it ran past, or there is none. */
  retrySlow?: boolean;
  /** false: annotate with the rules and lexicon alone, without the statistical name tagger
   * (faster, fewer names); on by default. */
  tagger?: boolean;
  /** false: the workers prepare nothing for story detection, for a store that does none
   * (SqliteStoreOptions.findStories, to measure its cost); on by default. */
  stories?: boolean;
  /** What every page is: text, or HTML; by default each is told by its content. */
  inputFormat?: 'auto' | 'text' | 'html';
  /** Refuse a page with any byte that is not text in its encoding; by default a few are
   * read as U+FFFD and said (`onWarning`). */
  strict?: boolean;
  /** Called for a page stored with a warning (bytes read as U+FFFD, a file cut short). */
  onWarning?(path: string, warning: string): void;
  /** What `-` reads; the process's standard input by default. */
  stdin?: AsyncIterable<Uint8Array | string>;
  /** A JSON Lines file every failure is appended to; none by default. */
  failuresLog?: string;
  /** Stop taking inputs: pages being parsed are finished and stored, then ingest returns. */
  signal?: AbortSignal;
  /** Stop now: pages being parsed are dropped (a later run does them), then ingest returns. */
  abandon?: AbortSignal;
  /** Called as each input is settled, with the live counts (read them, do not keep them). */
  onProgress?(stats: IngestStats): void;
  /** Called for each input that fails, as it fails. */
  onFailure?(failure: FailureRecord): void;
  /** Called with what the user should know about how the run goes (fewer workers under an
   * address-space limit). */
  onNotice?(line: string): void;
}

/** Counts of an ingest run so far. */
export interface IngestStats {
  /** Bytes of all the input files, when known before reading (not with standard input). */
  totalBytes: number | null;
  /** Input bytes settled so far. */
  bytes: number;
  /** Inputs settled so far: stored, already present or failed. */
  documents: number;
  /** Documents written to the archive by this run. */
  stored: number;
  /** Documents the archive already held (the same content hash). */
  present: number;
  failed: number;
  /** Milliseconds since the run started. */
  elapsedMs: number;
}

/** What an ingest run did. */
export interface IngestSummary extends IngestStats {
  /** True when a signal stopped the run before every input was read. */
  interrupted: boolean;
  /** The failures log, when this run wrote to it. */
  failuresLog?: string;
}

/** The writer's heap ceiling in MB: its live data (the SQLite store's tables) is ~100 MB. */
const WRITER_HEAP_MB = 200;

/**
 * Worker threads at most: each holds its own segmenter dictionary, lexicon and name models
 * (about 200 MB), so more than a few per core only fills memory. 4 per core, and at least 8.
 */
export const MAX_WORKERS = Math.max(8, 4 * availableParallelism());

/** Input bytes on the workers at most (unless a single page is larger): 32 MB. */
const IN_FLIGHT_BYTES = 32 * MB;

/** The default --max-size: 20 MB. */
export const DEFAULT_MAX_BYTES = 20 * MB;

/** How long a page may take to parse and annotate by default: 60 s (a news page takes well
 * under a second; one that takes a minute is pathological input). */
export const DEFAULT_PAGE_TIME_MS = 60_000;

/**
 * `promise`'s outcome, or 'aborted' as soon as one of `signals` aborts. The listeners go
 * when it settles: racing a long-lived promise instead would add a reaction to it on every
 * call, a leak of about 2 KB a document.
 */
function orAborted<T>(
  promise: Promise<T>,
  signals: readonly (AbortSignal | undefined)[],
): Promise<T | 'aborted'> {
  if (signals.some((s) => s?.aborted)) return Promise.resolve('aborted');
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      done();
      resolve('aborted');
    };
    const done = () => {
      for (const s of signals) s?.removeEventListener('abort', onAbort);
    };
    for (const s of signals) s?.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        done();
        resolve(value);
      },
      (err: unknown) => {
        done();
        reject(err);
      },
    );
  });
}

/**
 * Reads pages into the archive. Inputs are hashed as they are read and a page the archive
 * already holds is skipped before any parsing; new pages are parsed and annotated on
 * worker threads and written by this thread alone, each document all or nothing (in
 * batches of a few dozen per commit when the store offers `putDocuments`), so a run killed
 * at any point leaves only whole documents and running it again stores each page exactly
 * once. A bad input (not text, empty, too large, a broken JSON line) is reported and
 * skipped; it never stops the run. Throws only when the run cannot go on at all (the
 * archive fails, or no worker can start). While it runs, the calling thread's heap is kept
 * near 200 MB by a full collection whenever it passes that (see heap-ceiling.ts).
 */
export async function ingest(options: IngestOptions): Promise<IngestSummary> {
  const { store } = options;
  if (typeof store?.hasDocument !== 'function' || typeof store.putDocument !== 'function') {
    throw new TypeError('ingest: `store` must be a Store');
  }
  const workers = options.workers ?? availableParallelism();
  if (!Number.isInteger(workers) || workers < 1 || workers > MAX_WORKERS) {
    throw new TypeError(`ingest: \`workers\` must be an integer from 1 to ${MAX_WORKERS}`);
  }
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const pageTimeMs = options.pageTimeMs === undefined ? DEFAULT_PAGE_TIME_MS : options.pageTimeMs;
  if (pageTimeMs !== null && !(pageTimeMs > 0)) {
    throw new TypeError('ingest: `pageTimeMs` must be positive, or null for no limit');
  }
  if (!(maxBytes > 0)) throw new TypeError('ingest: `maxBytes` must be positive');

  const started = performance.now();
  const cwd = options.cwd ?? process.cwd();
  // Reading the failures log as input would append to the file being read.
  const own = options.failuresLog === undefined ? [] : [resolve(cwd, options.failuresLog)];
  const sources = await collectSources(options.inputs, cwd, new Set(own), {
    followSymlinks: options.followSymlinks === true,
  });
  const stats: IngestStats = {
    totalBytes: sources.some((s) => s.kind === 'stdin')
      ? null
      : sources.reduce((sum, s) => sum + (s.kind === 'file' ? s.size : 0), 0),
    bytes: 0,
    documents: 0,
    stored: 0,
    present: 0,
    failed: 0,
    elapsedMs: 0,
  };
  const log = options.failuresLog === undefined ? null : new FailuresLog(options.failuresLog);
  const progress = (consumed: number) => {
    stats.bytes += consumed;
    stats.documents++;
    stats.elapsedMs = performance.now() - started;
    options.onProgress?.(stats);
  };
  const fail = (path: string, reason: string, consumed: number) => {
    const record = { time: new Date().toISOString(), path, reason };
    log?.append(record);
    stats.failed++;
    options.onFailure?.(record);
    progress(consumed);
  };

  const checkHeap = heapCeiling(WRITER_HEAP_MB);
  // Workers start on the first page that needs parsing: re-ingesting a stored batch
  // pays for none.
  let pool: WorkerPool | null = null;
  /** Pages being parsed, by hash, with the copies of the same page read meanwhile. */
  const parsing = new Map<string, PageUnit[]>();
  const running = new Set<Promise<void>>();
  let inFlightBytes = 0;
  let fatal: Error | null = null;
  let nextId = 0;

  const fatalError = (err: unknown) => {
    fatal ??= err instanceof Error ? err : new Error(String(err));
  };

  /** A page and the copies of it read meanwhile, settled all at once. */
  const finish = (unit: PageUnit, failure: string | null, created: boolean) => {
    const copies = parsing.get(unit.hash) ?? [];
    parsing.delete(unit.hash);
    if (failure !== null) fail(unit.source, failure, unit.consumed);
    else {
      if (created) stats.stored++;
      else stats.present++;
      if (retried.delete(unit.hash)) {
        try {
          store.forgetSlow?.(unit.hash);
        } catch (err) {
          fatalError(err);
        }
      }
      progress(unit.consumed);
    }
    for (const copy of copies) {
      if (failure === null) {
        stats.present++;
        progress(copy.consumed);
      } else {
        fail(copy.source, failure, copy.consumed);
      }
    }
  };

  const writer = new StoreWriter<PageUnit>(
    store,
    (unit, outcome) => {
      if (outcome.error !== undefined) {
        finish(unit, `cannot store: ${outcome.error.message}`, false);
      } else {
        finish(unit, null, outcome.result.created);
      }
      checkHeap();
    },
    fatalError,
  );

  const writeBatch = () => {
    try {
      writer.flush();
    } catch (err) {
      fatalError(err);
    }
  };

  /** Pages an earlier run stopped at its budget, parsed again in this run. */
  const retried = new Set<string>();

  const settle = (unit: PageUnit, result: PageResult) => {
    if (result.ok) {
      for (const w of [...(unit.warnings ?? []), ...(result.warnings ?? [])]) {
        options.onWarning?.(unit.source, w);
      }
    }
    if (!result.ok) {
      // A poison page: the archive remembers it, so the next run does not stall on it again.
      if (result.timedOut === true && pageTimeMs !== null) {
        try {
          store.markSlow?.({
            hash: unit.hash,
            source: unit.source,
            limitMs: pageTimeMs,
            at: new Date().toISOString(),
          });
        } catch (err) {
          fatalError(err);
        }
      }
      finish(unit, result.reason, false);
      return;
    }
    const doc: DocumentInput = {
      hash: unit.hash,
      source: unit.source,
      bytes: unit.bytes,
      page: result.page,
      ...(result.prepared === undefined ? {} : { prepared: result.prepared }),
    };
    const outlet = unit.meta.outlet ?? result.outlet;
    const date = unit.meta.date ?? result.date;
    if (outlet !== undefined) doc.outlet = outlet;
    if (date !== undefined) doc.date = date;
    const url = unit.meta.url ?? result.url;
    if (url !== undefined) doc.url = url;
    if (unit.meta.externalId !== undefined) doc.externalId = unit.meta.externalId;
    writer.add(doc, unit);
  };

  const dispatch = (unit: PageUnit) => {
    if (pool === null) {
      const plan = planWorkers(workers, WORKER_HEAP_MB, addressSpaceLimit(), addressSpaceUsed());
      if (plan.note !== null) options.onNotice?.(plan.note);
      pool = new WorkerPool(plan.workers, WORKER_HEAP_MB, pageTimeMs, plan.largeHeapMb);
    }
    parsing.set(unit.hash, []);
    const task = {
      id: nextId++,
      source: unit.source,
      input: unit.input,
      ...(unit.meta.date === undefined ? {} : { date: unit.meta.date }),
      ...(unit.web === undefined ? {} : { web: unit.web }),
      ...(options.tagger === false ? { tagger: false as const } : {}),
      ...(options.strict === true ? { strict: true as const } : {}),
      ...(options.stories === false ? { stories: false as const } : {}),
      // A WARC record is a web page whatever the run was told.
      ...(options.inputFormat === undefined ||
      options.inputFormat === 'auto' ||
      unit.web !== undefined
        ? {}
        : { format: options.inputFormat }),
    };
    inFlightBytes += unit.bytes;
    const done: Promise<void> = pool
      .run(task)
      .then((result) => settle(unit, result))
      .catch(fatalError)
      .finally(() => {
        running.delete(done);
        inFlightBytes -= unit.bytes;
      });
    running.add(done);
  };

  const handle = (unit: Unit) => {
    if (unit.kind === 'skip') {
      stats.bytes += unit.consumed;
      return;
    }
    if (unit.kind === 'failure') {
      fail(unit.source, unit.reason, unit.consumed);
      return;
    }
    // Checked before parsing: a stored page costs one hash and one lookup.
    if (store.hasDocument(unit.hash)) {
      stats.present++;
      progress(unit.consumed);
      return;
    }
    const copies = parsing.get(unit.hash);
    if (copies !== undefined) {
      copies.push(unit);
      return;
    }
    const slow = store.slowPage?.(unit.hash);
    if (slow !== undefined) {
      const longer = pageTimeMs === null || pageTimeMs > slow.limitMs;
      if (options.retrySlow !== true && !longer) {
        const seconds = formatSeconds(slow.limitMs);
        fail(
          unit.source,
          `took longer than ${seconds} s to parse and annotate in an earlier run (${slow.at.slice(0, 10)}): skipped; --retry-slow or a longer --page-time tries it again`,
          unit.consumed,
        );
        return;
      }
      retried.add(unit.hash);
    }
    dispatch(unit);
  };

  const both = [options.signal, options.abandon];
  const units = readUnits(sources, {
    maxBytes,
    dateFromPath: options.dateFromPath === true,
    ...(options.strict === true ? { strict: true } : {}),
    // process.stdin is not touched unless `-` is read: it would start a stream for nothing.
    stdin: () => options.stdin ?? process.stdin,
  });
  const aborted = () => options.signal?.aborted === true || options.abandon?.aborted === true;
  let interrupted = false;
  // Told to stop: the pages still on the workers join what is parsed in one last commit,
  // not a batch of their own when the batch timer fires meanwhile.
  const hold = () => writer.hold();
  options.signal?.addEventListener('abort', hold, { once: true });
  try {
    while (fatal === null) {
      // Waiting on input (a terminal on stdin) must not delay a Ctrl-C.
      const next = await orAborted(units.next(), both);
      if (next === 'aborted') {
        interrupted = true;
        // The pending read finishes on its own; the generator then closes its files.
        units.return(undefined).catch(() => {});
        break;
      }
      if (next.done) break;
      handle(next.value);
      while (
        pool !== null &&
        (running.size >= (pool as WorkerPool).capacity ||
          (inFlightBytes >= IN_FLIGHT_BYTES && running.size > 0)) &&
        fatal === null &&
        !aborted()
      ) {
        await orAborted(Promise.race(running), both);
        // The workers have their next pages (the loop refills them first): write meanwhile.
        // Once told to stop, what is parsed waits for the one last commit below: the pages
        // still on the workers are few (their count and bytes are bounded).
        if (writer.full && !aborted()) writeBatch();
      }
      if (writer.full && !aborted()) writeBatch();
    }
    if (interrupted || options.signal?.aborted) interrupted = true;
    // (A signal that was aborted before the run began fires no event: held here.)
    if (interrupted) writer.hold();
    // Pages on the workers are finished and stored, unless told to drop them.
    while (running.size > 0 && fatal === null && options.abandon?.aborted !== true) {
      await orAborted(Promise.race(running), [options.abandon]);
      if (writer.full && !interrupted) writeBatch();
    }
    if (options.abandon?.aborted) interrupted = true;
  } finally {
    options.signal?.removeEventListener('abort', hold);
    // What is parsed is committed, even when told to stop at once: a batch takes
    // milliseconds. Abandoned pages are simply not stored: nothing of them was written.
    if (fatal === null) writeBatch();
    await (pool as WorkerPool | null)?.close();
    log?.close();
  }
  if (fatal !== null) throw fatal;
  stats.elapsedMs = performance.now() - started;
  return {
    ...stats,
    interrupted,
    ...(log !== null && log.written > 0 ? { failuresLog: log.path } : {}),
  };
}
