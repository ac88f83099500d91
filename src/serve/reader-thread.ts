import { parentPort, workerData } from 'node:worker_threads';
import { processPage, warmUp } from '../ingest/process-page.ts';
import type { PageTask } from '../ingest/types.ts';
import { openArchive } from '../store/index.ts';
import type { ApiContext } from './routes.ts';
import { runTask, type Task } from './run-handler.ts';

/**
 * A reader thread of the server: its own connection to the archive (SQLite in WAL mode
 * lets readers run beside the writer and each other), answering one task at a time, or
 * parsing and annotating a page for ingest.
 * Errors come back as replies; a log line goes to the main thread.
 *
 * What annotation reads (about two seconds and 200 MB) is loaded at the first piece of
 * work that parses a page, not at start: a server that only answers searches never loads
 * it. The thread says when it starts and ends that loading, so that the pool does not count
 * it against the page's time limit.
 */

interface Start {
  path: string;
}

const { path } = workerData as Start;
const ctx: ApiContext = {
  archive: openArchive(path, { create: false }),
  token: undefined,
  parsed: new Map(),
};
const port = parentPort;
if (port === null) throw new Error('reader-thread: not started as a worker');

let warm = false;

/** Loads what annotation reads before the first work that parses, saying so around it. */
function warmFor(id: number): void {
  if (warm) return;
  port?.postMessage({ id, warming: true });
  warmUp();
  warm = true;
  port?.postMessage({ id, warmed: true });
}

port.postMessage({ ready: true });
port.on('message', (message: { id: number; task?: Task; page?: PageTask }) => {
  const parses =
    message.page !== undefined ||
    message.task?.page !== undefined ||
    message.task?.form !== undefined;
  if (parses) warmFor(message.id);
  if (message.page !== undefined) {
    // Ingest's heavy half: parsing and annotating; the main thread stores the result.
    port.postMessage({ id: message.id, result: processPage(message.page) });
    return;
  }
  if (message.task === undefined) return;
  const reply = runTask(ctx, message.task, (line) => port.postMessage({ log: line }));
  port.postMessage({ id: message.id, reply });
});
