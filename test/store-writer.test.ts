import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { StoreWriter } from '../src/ingest/store-writer.ts';
import type { DocumentInput, Store } from '../src/store/types.ts';

/** A store that only counts its commits and the documents in each. */
function countingStore(): { store: Store; commits: number[] } {
  const commits: number[] = [];
  const store = {
    putDocument: () => {
      throw new Error('one at a time is not used here');
    },
    putDocuments: (docs: readonly DocumentInput[]) => {
      commits.push(docs.length);
      return docs.map(() => ({ result: 'stored' }));
    },
  } as unknown as Store;
  return { store, commits };
}

const doc = (i: number) => ({ hash: `h${i}` }) as unknown as DocumentInput;

describe('the store writer', () => {
  test('a batch that does not fill is committed after a short wait', async () => {
    const { store, commits } = countingStore();
    const writer = new StoreWriter<number>(store, () => {}, assert.fail);
    writer.add(doc(1), 1);
    writer.add(doc(2), 2);
    await sleep(400);
    assert.deepEqual(commits, [2]);
  });

  test('held (after a stop signal), documents wait for the one last flush', async () => {
    const { store, commits } = countingStore();
    const writer = new StoreWriter<number>(store, () => {}, assert.fail);
    writer.add(doc(1), 1);
    writer.hold();
    writer.add(doc(2), 2);
    await sleep(400);
    assert.deepEqual(commits, []);
    writer.add(doc(3), 3);
    writer.flush();
    assert.deepEqual(commits, [3]);
  });
});
