import PgBoss from 'pg-boss';
import { collectSources } from '../ingest/collect-sources.ts';
import { type PageUnit, readUnits } from '../ingest/read-units.ts';
import type { PageResult, PageTask } from '../ingest/types.ts';
import { WORKER_HEAP_MB, WorkerPool } from '../ingest/worker-pool.ts';
import { shownUrl } from '../store/postgres/connection.ts';
import { openPgArchive, type PgArchive } from '../store/postgres/pg-store.ts';
import type { DocumentInput } from '../store/types.ts';

/**
 * Ingest spread over machines: a job queue in PostgreSQL through pg-boss (a maintained
 * queue on the same server as the archive: jobs are rows locked with SKIP LOCKED, retried
 * when a worker dies, nothing else to run). `enqueue` reads the inputs as ingest does and
 * queues each page (its bytes, its name and what the input said of it); `work` takes pages
 * off the queue, parses and annotates them in worker threads and stores them.
 *
 * Exactly once: a page's job id is made from its content hash, so the same bytes are never
 * queued twice (while the job is kept); a page already in the archive is not queued; and a
 * worker stores under the archive's write lock, checking the hash first, so a job run twice
 * (its worker was killed after storing, before it could report) stores nothing the second
 * time. A worker killed mid-page (SIGKILL) leaves its job active; when the job's time runs
 * out pg-boss puts it back and another worker takes it.
 */

/** The queue's name. */
export const PAGE_QUEUE = 'jiedu-pages';

/** Jobs a worker takes at a time, per parsing thread. */
const BATCH_PER_THREAD = 4;

/** Tries a page gets after its first (a worker that died, a server that went away). */
const RETRY_LIMIT = 3;

/** What a job carries: a page as ingest read it. */
export interface PageJob {
  hash: string;
  source: string;
  /** The page's bytes, base64; or the text of a JSON line. */
  bytes?: string;
  text?: string;
  size: number;
  meta: { url?: string; date?: string; outlet?: string; externalId?: string };
  web?: PageUnit['web'];
}

/** Queue settings. */
export interface QueueOptions {
  /** How long a page may stay with one worker before it is given to another (s); a
   * killed worker's page waits this long. Default 900. */
  jobTimeoutSeconds?: number;
  /** How often expired jobs are looked for (s); default 30. */
  maintenanceSeconds?: number;
}

/** The job id of a page: a UUID made of its content hash. */
export function jobId(hash: string): string {
  const h = hash.padEnd(32, '0');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** Starts pg-boss on the archive's server (its tables in the schema `pgboss`). */
export async function openQueue(url: string, options: QueueOptions = {}): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: url,
    schema: 'pgboss',
    max: 4,
    maintenanceIntervalSeconds: options.maintenanceSeconds ?? 30,
    monitorStateIntervalSeconds: 60,
  });
  boss.on('error', () => {
    // Reported to the caller by the operation that failed.
  });
  try {
    await boss.start();
  } catch (err) {
    throw new Error(`cannot start the queue on ${shownUrl(url)}: ${(err as Error).message}`);
  }
  await boss.createQueue(PAGE_QUEUE, {
    name: PAGE_QUEUE,
    retryLimit: RETRY_LIMIT,
    retryDelay: 1,
    expireInSeconds: options.jobTimeoutSeconds ?? 900,
  });
  return boss;
}

/** What `enqueue` did. */
export interface EnqueueSummary {
  queued: number;
  /** Already in the archive, or already queued. */
  present: number;
  failed: { source: string; reason: string }[];
}

/** Reads the inputs as ingest does and queues every page not stored or queued already. */
export async function enqueue(
  url: string,
  inputs: readonly string[],
  options: {
    cwd: string;
    maxBytes: number;
    dateFromPath?: boolean;
    stdin: () => AsyncIterable<Uint8Array | string>;
  } & QueueOptions,
): Promise<EnqueueSummary> {
  const archive = await openPgArchive(url, { max: 2 });
  const boss = await openQueue(url, options);
  const summary: EnqueueSummary = { queued: 0, present: 0, failed: [] };
  try {
    const sources = await collectSources(inputs, options.cwd);
    for await (const unit of readUnits(sources, {
      maxBytes: options.maxBytes,
      dateFromPath: options.dateFromPath === true,
      stdin: options.stdin,
    })) {
      if (unit.kind === 'skip') continue;
      if (unit.kind === 'failure') {
        summary.failed.push({ source: unit.source, reason: unit.reason });
        await archive.logFailure({ hash: null, source: unit.source, reason: unit.reason });
        continue;
      }
      if (await archive.hasDocument(unit.hash)) {
        summary.present++;
        continue;
      }
      const job: PageJob = {
        hash: unit.hash,
        source: unit.source,
        size: unit.bytes,
        meta: unit.meta,
        ...(typeof unit.input === 'string'
          ? { text: unit.input }
          : { bytes: Buffer.from(unit.input).toString('base64') }),
        ...(unit.web === undefined ? {} : { web: unit.web }),
      };
      const id = await boss.send(PAGE_QUEUE, job, {
        id: jobId(unit.hash),
        expireInSeconds: options.jobTimeoutSeconds ?? 900,
      });
      if (id === null) summary.present++;
      else summary.queued++;
    }
  } finally {
    await boss.stop({ graceful: false, wait: true });
    await archive.close();
  }
  return summary;
}

/** How the queue stands. */
export interface QueueStatus {
  /** Waiting to be taken (created, or to be retried). */
  waiting: number;
  active: number;
  completed: number;
  /** Failed for good (retries used up). */
  failed: number;
}

/** Jobs by state, and the newest failures. */
export async function queueStatus(url: string): Promise<QueueStatus> {
  const archive = await openPgArchive(url, { max: 1 });
  try {
    // The queue's table, read directly: pg-boss counts only what is waiting.
    const table = await archive.pool.query<{ t: string | null }>(
      "SELECT to_regclass('pgboss.job') AS t",
    );
    const status: QueueStatus = { waiting: 0, active: 0, completed: 0, failed: 0 };
    if (table.rows[0]?.t == null) return status;
    const rows = await archive.pool.query<{ state: string; n: string }>(
      'SELECT state::text AS state, count(*) AS n FROM pgboss.job WHERE name = $1 GROUP BY state',
      [PAGE_QUEUE],
    );
    for (const { state, n } of rows.rows) {
      const count = Number(n);
      if (state === 'created' || state === 'retry') status.waiting += count;
      else if (state === 'active') status.active += count;
      else if (state === 'completed') status.completed += count;
      else if (state === 'failed' || state === 'cancelled') status.failed += count;
    }
    return status;
  } finally {
    await archive.close();
  }
}

/** What one worker did. */
export interface WorkSummary {
  stored: number;
  present: number;
  failed: number;
}

/** Settings of a worker. */
export interface WorkOptions extends QueueOptions {
  /** Pages parsed at once (worker threads); default 1. */
  concurrency?: number;
  /** Stop once the queue has nothing waiting or active. */
  untilIdle?: boolean;
  /** Longest a page may take to parse and annotate (ms); default 60000. */
  pageTimeMs?: number;
  /** Stop when this is aborted (SIGINT, SIGTERM): pages in hand are finished first. */
  signal?: AbortSignal;
  onPage?: (source: string, outcome: 'stored' | 'present' | 'failed', reason?: string) => void;
}

/** Whether a failure is the connection's (worth another try), not the page's: a socket
 * error, the client losing its server, or SQLSTATE class 08 (connection), 53 (resources),
 * 57 (operator intervention) or 40 (serialization, deadlock). A page the archive refuses
 * (a TypeError from its checks, a constraint) is not. */
export function transient(err: unknown): boolean {
  const { code, message } = (err ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string') {
    if (/^(ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND)$/.test(code))
      return true;
    return /^(08|53|57|40)[0-9A-Z]{3}$/.test(code);
  }
  return typeof message === 'string' && /Connection terminated|connection timeout/i.test(message);
}

/** The document of a parsed page, as ingest makes it. */
function documentOf(job: PageJob, result: PageResult & { ok: true }): DocumentInput {
  const doc: DocumentInput = {
    hash: job.hash,
    source: job.source,
    bytes: job.size,
    page: result.page,
    ...(result.prepared === undefined ? {} : { prepared: result.prepared }),
  };
  const outlet = job.meta.outlet ?? result.outlet;
  const date = job.meta.date ?? result.date;
  const url = job.meta.url ?? result.url;
  if (outlet !== undefined) doc.outlet = outlet;
  if (date !== undefined) doc.date = date;
  if (url !== undefined) doc.url = url;
  if (job.meta.externalId !== undefined) doc.externalId = job.meta.externalId;
  return doc;
}

/**
 * Takes pages off the queue until stopped (or, with `untilIdle`, until no page is waiting
 * or being worked on anywhere), `concurrency` at a time.
 */
export async function work(url: string, options: WorkOptions = {}): Promise<WorkSummary> {
  const concurrency = options.concurrency ?? 1;
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) {
    throw new TypeError('work: `concurrency` must be a whole number from 1 to 64');
  }
  const archive: PgArchive = await openPgArchive(url, { max: concurrency + 1 });
  const boss = await openQueue(url, options);
  const pool = new WorkerPool(concurrency, WORKER_HEAP_MB, options.pageTimeMs ?? 60_000, null);
  const summary: WorkSummary = { stored: 0, present: 0, failed: 0 };
  let nextTask = 0;
  const handle = async (job: PgBoss.Job<PageJob>) => {
    const data = job.data;
    if (await archive.hasDocument(data.hash)) {
      summary.present++;
      options.onPage?.(data.source, 'present');
      return;
    }
    const task: PageTask = {
      // The pool matches results to tasks by id: each task its own.
      id: nextTask++,
      source: data.source,
      input: data.text ?? new Uint8Array(Buffer.from(data.bytes ?? '', 'base64')),
      ...(data.meta.date === undefined ? {} : { date: data.meta.date }),
      ...(data.web === undefined ? {} : { web: data.web }),
    };
    const result = await pool.run(task);
    if (!result.ok) {
      // The page cannot be read: trying it again would fail again. Logged, not retried.
      summary.failed++;
      await archive.logFailure({ hash: data.hash, source: data.source, reason: result.reason });
      options.onPage?.(data.source, 'failed', result.reason);
      return;
    }
    let put: Awaited<ReturnType<PgArchive['putDocument']>>;
    try {
      put = await archive.putDocument(documentOf(data, result));
    } catch (err) {
      // The server went away: the batch is tried again (elsewhere, or here later).
      if (transient(err)) throw err;
      // The page cannot be stored (rolled back whole): logged, not retried.
      const reason = `cannot store: ${(err as Error).message}`;
      summary.failed++;
      await archive.logFailure({ hash: data.hash, source: data.source, reason });
      options.onPage?.(data.source, 'failed', reason);
      return;
    }
    if (put.created) summary.stored++;
    else summary.present++;
    options.onPage?.(data.source, put.created ? 'stored' : 'present');
  };
  try {
    // One poller a process, taking a batch at a time and parsing its pages in parallel
    // (the pool runs `concurrency` at once): pg-boss waits its polling interval after each
    // fetch that took less time than that, so a page a fetch would cap a worker at a
    // couple of pages a second. A batch is completed together when all of it is stored;
    // a worker killed mid-batch leaves all of it to be retried, and the pages it stored are
    // then found stored.
    await boss.work<PageJob>(
      PAGE_QUEUE,
      { batchSize: concurrency * BATCH_PER_THREAD, pollingIntervalSeconds: 0.5 },
      async (jobs) => {
        await Promise.all(jobs.map(handle));
      },
    );
    await new Promise<void>((resolve) => {
      const check = setInterval(async () => {
        if (options.signal?.aborted === true) {
          clearInterval(check);
          resolve();
          return;
        }
        if (options.untilIdle !== true) return;
        try {
          const status = await queueCounts(archive);
          if (status.waiting === 0 && status.active === 0) {
            clearInterval(check);
            resolve();
          }
        } catch {
          // The next check tries again.
        }
      }, 500);
    });
  } finally {
    await boss.stop({ graceful: true, wait: true, timeout: 60_000 });
    await pool.close();
    await archive.close();
  }
  return summary;
}

async function queueCounts(archive: PgArchive): Promise<{ waiting: number; active: number }> {
  const rows = await archive.pool.query<{ waiting: string; active: string }>(
    `SELECT count(*) FILTER (WHERE state IN ('created', 'retry')) AS waiting,
            count(*) FILTER (WHERE state = 'active') AS active
       FROM pgboss.job WHERE name = $1`,
    [PAGE_QUEUE],
  );
  return { waiting: Number(rows.rows[0]?.waiting ?? 0), active: Number(rows.rows[0]?.active ?? 0) };
}
