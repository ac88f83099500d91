import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { collectInputs, type Io } from './io.ts';
import { convert } from './run-parse.ts';
import { type CommandArgs, EXIT } from './schema.ts';

/**
 * The package root, two folders up from this module in src/cli and in dist/cli alike, so
 * the bundled samples are found wherever jiedu is installed and whatever the working folder.
 */
const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** `jiedu start`: parses every bundled sample page and prints it as Markdown. */
export async function run(_args: CommandArgs, io: Io): Promise<number> {
  if (!existsSync(`${PACKAGE_ROOT}samples`)) {
    io.stderr.write(`jiedu start: no samples folder at ${PACKAGE_ROOT}samples\n`);
    return EXIT.failed;
  }
  // Paths relative to the package root read as samples/….txt in the headers.
  const inputs = await collectInputs(['samples'], PACKAGE_ROOT);
  return convert(
    inputs.items,
    { format: 'md', tree: false, out: null, collection: true },
    { ...io, cwd: PACKAGE_ROOT },
  );
}
