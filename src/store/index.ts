import { isPostgresUrl } from './postgres/connection.ts';
import { PgSyncStore } from './postgres/sync-store.ts';
import { SqliteStore, type SqliteStoreOptions } from './sqlite/sqlite-store.ts';
import type { Archive } from './types.ts';

export { type AsyncArchive, asyncArchive } from './async-archive.ts';
export { isPostgresUrl, shownUrl } from './postgres/connection.ts';
export { openPgArchive, PgArchive, type PgStoreOptions } from './postgres/pg-store.ts';
export { PgSyncStore } from './postgres/sync-store.ts';
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

/**
 * Opens the archive at `location`: a postgres:// (postgresql://) URL names a PostgreSQL
 * database (created tables on first use, as a new SQLite file is), anything else a SQLite
 * file (see openStore). Throws StoreError when it cannot be opened: no such file, no
 * server at the URL, not an archive.
 */
export function openArchive(location: string, options: SqliteStoreOptions = {}): Archive {
  if (isPostgresUrl(location)) {
    return new PgSyncStore(location, {
      ...(options.rankWindow === undefined ? {} : { rankWindow: options.rankWindow }),
      ...(options.create === undefined ? {} : { create: options.create }),
    });
  }
  return new SqliteStore(location, options);
}
