import { parentPort, workerData } from 'node:worker_threads';
import { openStore } from '../store/index.ts';
import type { ApiContext } from './routes.ts';
import { runTask, type Task } from './run-handler.ts';

/**
 * A reader thread of the server: its own connection to the archive (SQLite in WAL mode
 * lets readers run beside the writer and each other), answering one task at a time.
 * Errors come back as replies; a log line goes to the main thread.
 */

interface Start {
  path: string;
}

const { path } = workerData as Start;
const ctx: ApiContext = {
  archive: openStore(path, { create: false }),
  token: undefined,
  parsed: new Map(),
};
const port = parentPort;
if (port === null) throw new Error('reader-thread: not started as a worker');

port.postMessage({ ready: true });
port.on('message', (message: { id: number; task: Task }) => {
  const reply = runTask(ctx, message.task, (line) => port.postMessage({ log: line }));
  port.postMessage({ id: message.id, reply });
});
