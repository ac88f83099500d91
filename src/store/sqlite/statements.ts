import type Database from 'better-sqlite3';

/** Statements kept per connection, by SQL text: preparing one costs tens of microseconds,
 * which a search over many partitions or an export of many articles would pay again and
 * again. A connection keeps at most LIMIT; past that the cache starts over. */
const LIMIT = 256;
const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** The prepared statement for `sql` on `db`, prepared once. */
export function prepared(db: Database.Database, sql: string): Database.Statement {
  let cache = caches.get(db);
  if (cache === undefined) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(sql);
  if (statement === undefined) {
    if (cache.size >= LIMIT) cache.clear();
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}
