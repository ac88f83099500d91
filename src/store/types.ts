import type { PageNode } from '../tree/types.ts';

/**
 * The archive's contract. The rest of jiedu sees this interface, never SQL, so a
 * PostgreSQL implementation can follow without touching callers. SQLite
 * (better-sqlite3) is the embedded default.
 */

/** One parsed and annotated page, ready to be stored. */
export interface DocumentInput {
  /** SHA-256 (hex) of the input bytes: storing the same bytes twice is a no-op. */
  hash: string;
  /** Where it came from: a path, a URL, `-`, or `file.jsonl:LINE`. */
  source: string;
  /** Outlet (媒體), when known from the input (JSONL `outlet`) or the page. */
  outlet?: string;
  /** Publication date, YYYY-MM-DD, when known. */
  date?: string;
  url?: string;
  /** An id the input gave (JSONL `id`). */
  externalId?: string;
  /** Size of the input in bytes. */
  bytes: number;
  /** The page: parsed, annotated (its `text` is the decoded text). */
  page: PageNode;
}

/** Result of storing a document. */
export interface PutResult {
  documentId: number;
  /** False when a document with the same hash was already stored. */
  created: boolean;
}

/** The archive. */
export interface Store {
  /** Whether a document with this content hash is stored. */
  hasDocument(hash: string): boolean;
  /** Stores a document with its articles, blocks, entities, mentions, quotes and stances in
   * one transaction; a document already stored (same hash) is left as it is. */
  putDocument(doc: DocumentInput): PutResult;
  close(): void;
}
