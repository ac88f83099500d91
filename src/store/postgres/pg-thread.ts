import { type MessagePort, workerData } from 'node:worker_threads';
import { openPgArchive, type PgArchive, type PgStoreOptions } from './pg-store.ts';

/**
 * The connection thread of a synchronous PostgreSQL archive (sync-store.ts): it owns the
 * pool, runs each call it is sent on the asynchronous archive, posts the answer on its port
 * and wakes the caller, who waits on a shared word.
 */

interface Start {
  url: string;
  options: PgStoreOptions;
  signal: SharedArrayBuffer;
  port: MessagePort;
}

const { url, options, signal, port } = workerData as Start;
const flag = new Int32Array(signal);

function answer(message: unknown): void {
  port.postMessage(message);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
}

function failure(err: unknown) {
  const e = err as { name?: string; message?: string; code?: string };
  return { error: { name: e?.name ?? 'Error', message: e?.message ?? String(err), code: e?.code } };
}

let archive: PgArchive | undefined;
try {
  archive = await openPgArchive(url, options);
  answer({ result: true });
} catch (err) {
  answer(failure(err));
}

port.on('message', async (message: { op: string; args: unknown[] }) => {
  if (archive === undefined) return answer({ error: { name: 'StoreError', message: 'closed' } });
  try {
    if (message.op === 'close') {
      await archive.close();
      archive = undefined;
      return answer({ result: undefined });
    }
    const method = (archive as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[
      message.op
    ];
    if (typeof method !== 'function') throw new TypeError(`no such archive call: ${message.op}`);
    answer({ result: await method.apply(archive, message.args) });
  } catch (err) {
    answer(failure(err));
  }
});
