import type { BatchResult, DocumentInput, PutResult, Store } from '../../src/store/types.ts';

/**
 * A Store kept in memory, for ingest tests that need no SQLite: documents by hash, in the
 * order they were stored, each round-tripped through JSON as a real archive would keep it.
 */
export class MemoryStore implements Store {
  readonly documents = new Map<string, DocumentInput & { id: number }>();
  /** putDocument calls, created or not. */
  puts = 0;
  closed = false;
  /** When set, putDocument throws this once the store holds this many documents. */
  failAfter: number | null = null;

  hasDocument(hash: string): boolean {
    this.#open();
    return this.documents.has(hash);
  }

  putDocument(doc: DocumentInput): PutResult {
    this.#open();
    this.puts++;
    const found = this.documents.get(doc.hash);
    if (found !== undefined) return { documentId: found.id, created: false };
    if (this.failAfter !== null && this.documents.size >= this.failAfter) {
      throw new Error('disk full');
    }
    const id = this.documents.size + 1;
    this.documents.set(doc.hash, { ...JSON.parse(JSON.stringify(doc)), id });
    return { documentId: id, created: true };
  }

  close(): void {
    this.closed = true;
  }

  #open(): void {
    if (this.closed) throw new Error('MemoryStore: closed');
  }
}

/**
 * A MemoryStore that also takes batches (`putDocuments`), as the SQLite store does: each
 * document all or nothing, one "commit" per batch. `refuse` makes it refuse documents whose
 * source matches, one by one; `failCommit` makes the next batch's commit throw.
 */
export class BatchMemoryStore extends MemoryStore {
  commits = 0;
  refuse: RegExp | null = null;
  failCommit = false;

  putDocuments(docs: readonly DocumentInput[]): BatchResult[] {
    if (this.failCommit) throw new Error('commit failed: disk I/O error');
    this.commits++;
    return docs.map((doc) => {
      if (this.refuse?.test(doc.source)) return { error: new Error('constraint failed') };
      return { result: this.putDocument(doc) };
    });
  }
}
