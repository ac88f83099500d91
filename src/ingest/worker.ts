import { parentPort } from 'node:worker_threads';
import { processPage } from './process-page.ts';
import type { PageTask } from './types.ts';

/**
 * An ingest worker: parses and annotates each page it is sent and posts the result back.
 * It first reads what annotation needs (the segmenter's dictionary, the lexicon, the name
 * models of both scripts) on two small pages of its own, then says it is ready: the pool's
 * time budget for a page starts once the worker could work on it, not while it loads.
 */
const port = parentPort;
if (port === null) throw new Error('ingest worker: run me with new Worker(), not directly');
const WARM_UP = [
  '新華社北京電 外交部發言人表示，中方歡迎各方對話。',
  '新华社北京电 外交部发言人表示，中方欢迎各方对话。',
];
for (const [i, text] of WARM_UP.entries()) {
  processPage({ id: -1 - i, source: 'warm-up', input: text });
}
port.postMessage({ ready: true });
port.on('message', (task: PageTask) => {
  port.postMessage(processPage(task));
});
