import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingest } from '../ingest/index.ts';
import { openStore } from '../store/index.ts';
import { archivePath, printRows } from './archive.ts';
import type { Io } from './io.ts';
import { failuresLogPath } from './run-ingest.ts';
import { HITS } from './run-search.ts';
import { type CommandArgs, EXIT } from './schema.ts';

/**
 * The package root, two folders up from this module in src/cli and in dist/cli alike, so
 * the bundled samples are found wherever jiedu is installed and whatever the working folder.
 */
const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The sample search: a word every bundled page talks about, in Traditional. */
const SAMPLE_QUERY = '合作';

/**
 * `jiedu start`, the npm start job: ingests the bundled sample pages into the local archive
 * (jiedu.db, or --db / $JIEDU_DB; pages already there are left as they are) and runs a
 * sample search, to show what the archive answers.
 */
export async function run(args: CommandArgs, io: Io): Promise<number> {
  const samples = `${PACKAGE_ROOT}samples`;
  if (!existsSync(samples)) {
    io.stderr.write(`jiedu start: no samples folder at ${samples}\n`);
    return EXIT.failed;
  }
  const db = archivePath(args.flags, io);
  const store = openStore(db);
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
    io.stdout.write(`jiedu search "${SAMPLE_QUERY}" (either script finds both):\n\n`);
    printRows(
      io,
      'table',
      store.search({ text: SAMPLE_QUERY, limit: 5 }),
      HITS,
      'No articles match.',
    );
    io.stdout.write(
      `\nNext: jiedu search "習近平" · jiedu show <id> · jiedu stances --count · jiedu quotes · jiedu --help\n`,
    );
    return summary.failed > 0 ? EXIT.failed : EXIT.ok;
  } finally {
    store.close();
  }
}
