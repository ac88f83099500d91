import type Database from 'better-sqlite3';
import type { Passage } from '../passages.ts';

/**
 * Repeated passages at ingest (see passages.ts): each passage of a stored article is looked
 * up by its key in `passage_keys` (its primary key (key, article) read in article order, so
 * the first row that qualifies ends the search) and then added there; a passage an earlier
 * article already has becomes a row of `passage_repeats`. An earlier article qualifies when
 * it is of another story (copies of one story are counted once already) or of the same page
 * (a page that prints a passage twice). Rows are inserted OR IGNORE: marking an article
 * again adds nothing.
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
      first: db
        .prepare<[number, number, number, number], number>(
          `SELECT article FROM passage_keys
            WHERE key = ? AND article < ? AND (story <> ? OR document = ?)
            ORDER BY article LIMIT 1`,
        )
        .pluck(),
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
      const first = s.first.get(p.key, article, story, document);
      if (first !== undefined) {
        s.repeat.run(article, p.block, p.start, p.end, first);
        repeats++;
      }
      s.key.run(p.key, article, story, document);
    }
    return repeats;
  }
}
