import { parentPort } from 'node:worker_threads';
import { processPage } from './process-page.ts';
import type { PageTask } from './types.ts';

/** An ingest worker: parses and annotates each page it is sent and posts the result back. */
const port = parentPort;
if (port === null) throw new Error('ingest worker: run me with new Worker(), not directly');
port.on('message', (task: PageTask) => {
  port.postMessage(processPage(task));
});
