import { SqliteStore, type SqliteStoreOptions } from './sqlite/sqlite-store.ts';

export { QueryError } from './search/parse-query.ts';
export { SCHEMA_VERSION } from './sqlite/migrations.ts';
export { SqliteStore, type SqliteStoreOptions, StoreError } from './sqlite/sqlite-store.ts';
export type * from './types.ts';

/**
 * Opens (or creates) the archive at `path`: a SQLite file, upgraded in place to the
 * current schema. `:memory:` gives an archive that lives as long as the object. Throws
 * StoreError when the file is not an archive or is newer than this jiedu.
 */
export function openStore(path: string, options: SqliteStoreOptions = {}): SqliteStore {
  return new SqliteStore(path, options);
}
