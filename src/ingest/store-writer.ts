import type { BatchResult, DocumentInput, Store } from '../store/types.ts';

/** Documents a batch holds before it is committed. */
const BATCH_SIZE = 32;
/** Milliseconds the first document of a batch waits at most for the rest. */
const BATCH_WAIT_MS = 250;

/**
 * The one writer of an ingest run. Through a store that offers `putDocuments` it commits
 * documents in batches (a commit costs more than a page on SQLite), each document still all
 * or nothing; a crash loses at most the batch, whose pages the next run parses and stores
 * again. The caller flushes a {@link full} batch when it suits it (after handing the
 * workers their next pages, so they work while it writes); a batch that does not fill is
 * flushed {@link BATCH_WAIT_MS} after its first document. Through a plain `putDocument`
 * store, one document at a time, at once. `done` hears each document's outcome once it is
 * committed; an error thrown by the store itself (the commit failed, the disk is full) goes
 * to `fatal` from the timer, or out of `add` and `flush`.
 */
export class StoreWriter<T> {
  readonly #store: Store;
  readonly #done: (tag: T, outcome: BatchResult) => void;
  readonly #fatal: (err: Error) => void;
  #docs: DocumentInput[] = [];
  #tags: T[] = [];
  #timer: NodeJS.Timeout | null = null;
  #held = false;

  constructor(
    store: Store,
    done: (tag: T, outcome: BatchResult) => void,
    fatal: (err: Error) => void,
  ) {
    this.#store = store;
    this.#done = done;
    this.#fatal = fatal;
  }

  /** Whether the batch is due: {@link BATCH_SIZE} documents or more are waiting. */
  get full(): boolean {
    return this.#docs.length >= BATCH_SIZE;
  }

  add(doc: DocumentInput, tag: T): void {
    if (this.#store.putDocuments === undefined) {
      this.#done(tag, { result: this.#store.putDocument(doc) });
      return;
    }
    this.#docs.push(doc);
    this.#tags.push(tag);
    if (this.#timer === null && !this.#held) {
      this.#timer = setTimeout(() => {
        this.#timer = null;
        try {
          this.flush();
        } catch (err) {
          this.#fatal(err instanceof Error ? err : new Error(String(err)));
        }
      }, BATCH_WAIT_MS);
    }
  }

  /** From now on, documents wait for the caller's {@link flush}, however long: after a stop
   * signal, what is parsed meanwhile goes in one last commit. */
  hold(): void {
    this.#held = true;
    if (this.#timer !== null) {
      clearTimeout(this.#timer);
      this.#timer = null;
    }
  }

  /** Commits the documents waiting, if any. */
  flush(): void {
    if (this.#timer !== null) {
      clearTimeout(this.#timer);
      this.#timer = null;
    }
    const putDocuments = this.#store.putDocuments;
    if (this.#docs.length === 0 || putDocuments === undefined) return;
    const docs = this.#docs;
    const tags = this.#tags;
    this.#docs = [];
    this.#tags = [];
    const outcomes = putDocuments.call(this.#store, docs);
    for (const [i, tag] of tags.entries()) {
      this.#done(
        tag,
        outcomes[i] ?? { error: new Error('the store gave no result for this document') },
      );
    }
  }
}
