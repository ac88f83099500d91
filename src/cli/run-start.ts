import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingest } from '../ingest/index.ts';
import { openArchive } from '../store/index.ts';
import { archivePath } from './archive.ts';
import type { Io } from './io.ts';
import { failuresLogPath } from './run-ingest.ts';
import { serveArchive, serveFlags } from './run-serve.ts';
import { type CommandArgs, EXIT } from './schema.ts';

/**
 * The package root, two folders up from this module in src/cli and in dist/cli alike, so
 * the bundled samples are found wherever jiedu is installed and whatever the working folder.
 */
const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * `jiedu start`, the npm start job: ingests the bundled sample pages into the local archive
 * (jiedu.db, or --db / $JIEDU_DB; pages already there are left as they are), then serves
 * the archive and its web UI (as `jiedu serve`, read-only) until Ctrl-C or SIGTERM.
 */
export async function run(args: CommandArgs, io: Io): Promise<number> {
  const options = { ...serveFlags('start', args.flags), token: undefined };
  const samples = `${PACKAGE_ROOT}samples`;
  if (!existsSync(samples)) {
    io.stderr.write(`jiedu start: no samples folder at ${samples}\n`);
    return EXIT.failed;
  }
  const db = archivePath(args.flags, io);
  const store = openArchive(db);
  try {
    const summary = await ingest({
      inputs: [samples],
      store,
      cwd: PACKAGE_ROOT,
      failuresLog: failuresLogPath(db),
    });
    const shown = relative(io.cwd, db) || db;
    io.stdout.write(
      `Archive ${shown}: ${summary.stored} sample pages stored, ${summary.present} already there, ${summary.failed} failed.\n\n`,
    );
    const served = await serveArchive('start', store, db, options, io);
    return summary.failed > 0 ? EXIT.failed : served;
  } finally {
    store.close();
  }
}
