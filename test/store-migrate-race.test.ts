/**
 * Several processes opening one new (or older) archive at once: every one opens it, the
 * migrations run once, none fails with "table documents already exists".
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { SCHEMA_VERSION } from '../src/store/index.ts';
import { migrate, schemaVersion } from '../src/store/sqlite/migrations.ts';
import { runNode } from './helpers/cli.ts';

let dir = '';
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jiedu-migrate-race-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

const STORE = pathToFileURL(join(import.meta.dirname, '..', 'src', 'store', 'index.ts')).href;

/** `count` processes that open `path` as an archive together; their exit codes and errors. */
async function openTogether(path: string, count: number) {
  // Each waits for the same moment, so the opens overlap however slowly the processes start.
  const at = Date.now() + 2500;
  const code = `const { openStore } = await import(${JSON.stringify(STORE)});
    while (Date.now() < ${at}) {}
    const store = openStore(${JSON.stringify(path)});
    store.close();
    process.stdout.write('ok');`;
  return Promise.all(
    Array.from({ length: count }, () =>
      runNode(['--import', 'tsx', '--input-type=module', '-e', code]),
    ),
  );
}

test('processes opening one new archive at once all open it', async () => {
  for (let round = 0; round < 2; round++) {
    const path = join(dir, `new-${round}.db`);
    const runs = await openTogether(path, 4);
    for (const r of runs) assert.equal(r.code, 0, r.stderr);
    const db = new Database(path, { readonly: true });
    assert.equal(schemaVersion(db), SCHEMA_VERSION);
    db.close();
  }
});

test('processes opening one older archive at once upgrade it once', async () => {
  const path = join(dir, 'old.db');
  const old = new Database(path);
  migrate(old, 1);
  old.close();
  const runs = await openTogether(path, 4);
  for (const r of runs) assert.equal(r.code, 0, r.stderr);
  const db = new Database(path, { readonly: true });
  assert.equal(schemaVersion(db), SCHEMA_VERSION);
  db.close();
});
