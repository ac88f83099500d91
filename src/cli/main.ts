import { suggest } from '../text/suggest.ts';
import { version } from '../version.ts';
import { parseCommandArgs, UsageError } from './args.ts';
import { commandHelp, globalHelp } from './help.ts';
import { type Io, processIo } from './io.ts';
import { COMMANDS, EXIT, findCommand } from './schema.ts';

function unknownCommand(name: string): UsageError {
  const names = COMMANDS.map((c) => c.name);
  if (name.startsWith('-')) return new UsageError(`unknown option '${name}'`);
  return new UsageError(`unknown command '${name}'${suggest(name, [...names, 'help'])}`);
}

async function dispatch(argv: readonly string[], io: Io): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr.write(globalHelp());
    return EXIT.usage;
  }
  if (first === '-h' || first === '--help') {
    io.stdout.write(globalHelp());
    return EXIT.ok;
  }
  if (first === '-v' || first === '--version') {
    io.stdout.write(`${version()}\n`);
    return EXIT.ok;
  }
  if (first === 'help') {
    const [name, ...extra] = rest;
    if (name === undefined) {
      io.stdout.write(globalHelp());
      return EXIT.ok;
    }
    const command = findCommand(name);
    if (command === undefined) throw unknownCommand(name);
    if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'`);
    io.stdout.write(commandHelp(command));
    return EXIT.ok;
  }
  const command = findCommand(first);
  if (command === undefined) throw unknownCommand(first);
  const args = parseCommandArgs(command, rest);
  if (args.flags.help === true) {
    io.stdout.write(commandHelp(command));
    return EXIT.ok;
  }
  // Commands load lazily: `jiedu --help` never pays for the parser.
  const module = await command.load();
  return module.run(args, io);
}

/**
 * Runs the jiedu command line on `argv` (without node and the script) and resolves to the
 * exit code: 0 ok, 1 some inputs failed, 2 usage error. It never exits the process; the
 * bin script sets `process.exitCode`.
 */
export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (err) {
    if (err instanceof UsageError) {
      const where = err.command === undefined ? 'jiedu' : `jiedu ${err.command}`;
      const help = err.command === undefined ? 'jiedu --help' : `jiedu help ${err.command}`;
      io.stderr.write(`${where}: ${err.message}\nRun '${help}' for usage.\n`);
      return EXIT.usage;
    }
    const message = err instanceof Error ? err.message : String(err);
    io.stderr.write(`jiedu: ${message}\n`);
    return EXIT.failed;
  }
}
