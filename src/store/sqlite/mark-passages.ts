import type Database from 'better-sqlite3';
import type { Passage } from '../passages.ts';

/**
 * Repeated passages at ingest (see passages.ts): each passage of a stored article is looked
 * up by its key in `passage_keys` (the first row of its primary key (key, article): the
 * earliest article that printed it) and then added there. When that earliest article is of
 * another story, or of the same page (a page that prints a passage twice), the passage is a
 * repeat of it: a row of `passage_repeats`. When it is an earlier copy of the article's own
 * story, the passage began in this story, whose copies count once already: no repeat.
 * Rows are inserted OR IGNORE: marking an article again adds nothing.
 */

/** Where a stored article is: its id, its story, its document. */
export interface PassageOwner {
  article: number;
  story: number;
  document: number;
}

/** Marks the repeated passages of stored articles; one per connection that writes. */
export class PassageMarker {
  readonly #s;

  constructor(db: Database.Database) {
    this.#s = {
      first: db.prepare<[number, number], { article: number; story: number; document: number }>(
        `SELECT article, story, document FROM passage_keys
          WHERE key = ? AND article < ? ORDER BY article LIMIT 1`,
      ),
      key: db.prepare(
        'INSERT OR IGNORE INTO passage_keys (key, article, story, document) VALUES (?, ?, ?, ?)',
      ),
      repeat: db.prepare(
        `INSERT OR IGNORE INTO passage_repeats (article, block, span_start, span_end, first)
         VALUES (?, ?, ?, ?, ?)`,
      ),
    };
  }

  /** Records an article's passages and those of them an earlier article has; returns how
   * many repeat. Call inside the article's transaction, after it joined its story. */
  mark(owner: PassageOwner, passages: readonly Passage[]): number {
    if (passages.length === 0) return 0;
    const s = this.#s;
    const { article, story, document } = owner;
    let repeats = 0;
    for (const p of passages) {
      const first = s.first.get(p.key, article);
      if (first !== undefined && (first.story !== story || first.document === document)) {
        s.repeat.run(article, p.block, p.start, p.end, first.article);
        repeats++;
      }
      s.key.run(p.key, article, story, document);
    }
    return repeats;
  }
}
