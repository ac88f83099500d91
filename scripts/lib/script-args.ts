import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ParseArgsConfig, parseArgs } from 'node:util';

/**
 * The options of a script under scripts/ (`npm run bench -- --mb 5`), read as `parseArgs`
 * reads them, with what a user of a command expects around it: `--help` (or `-h`) prints the
 * script's usage, the comment that opens its file, and exits 0; an option the script does not
 * take, or a value of the wrong kind, is named with the usage after it, on stderr, exit 2,
 * not a stack trace. `scriptUrl` is the script's `import.meta.url`.
 */
export function scriptArgs<T extends ParseArgsConfig>(
  scriptUrl: string,
  config: T,
): ReturnType<typeof parseArgs<T>> {
  const args = config.args ?? process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(usageOf(scriptUrl));
    process.exit(0);
  }
  try {
    return parseArgs(config);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS')) throw error;
    const name = basename(fileURLToPath(scriptUrl));
    process.stderr.write(`${name}: ${(error as Error).message}\n\n${usageOf(scriptUrl)}`);
    process.exit(2);
  }
}

/** The comment that opens a script's file, without its comment marks. */
export function usageOf(scriptUrl: string): string {
  const source = readFileSync(fileURLToPath(scriptUrl), 'utf8');
  const comment = /^\s*\/\*\*([\s\S]*?)\*\//.exec(source)?.[1];
  if (comment === undefined) return `usage: see ${basename(fileURLToPath(scriptUrl))}\n`;
  const lines = comment
    .split('\n')
    .map((line) => line.replace(/^\s*\* ?/, '').trimEnd())
    .join('\n')
    .trim();
  return `${lines}\n`;
}
