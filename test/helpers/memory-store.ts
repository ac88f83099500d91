import type { DocumentInput, PutResult, Store } from '../../src/store/types.ts';

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
