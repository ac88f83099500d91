import { parentPort } from 'node:worker_threads';
import { processPage, warmUp } from './process-page.ts';
import type { PageTask } from './types.ts';

/**
 * An ingest worker: parses and annotates each page it is sent and posts the result back.
 * It first reads what annotation needs (the segmenter's dictionary, the lexicon, the name
 * models of both scripts) on two small pages of its own, then says it is ready: the pool's
 * time budget for a page starts once the worker could work on it, not while it loads.
 */
const port = parentPort;
if (port === null) throw new Error('ingest worker: run me with new Worker(), not directly');
warmUp();
port.postMessage({ ready: true });
port.on('message', (task: PageTask) => {
  port.postMessage(processPage(task));
});
