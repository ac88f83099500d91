import { version } from '../version.ts';
import { COMMANDS, type CommandSpec, EXIT_CODES_HELP, type FlagSpec } from './schema.ts';

/** Help lines are wrapped to this many columns. */
const COLUMNS = 90;

/** Two aligned columns; the right one wraps at spaces, continuing under itself. */
function table(rows: readonly (readonly [string, string])[]): string[] {
  const width = Math.max(...rows.map(([left]) => left.length));
  const room = Math.max(30, COLUMNS - width - 4);
  const out: string[] = [];
  for (const [left, right] of rows) {
    const lines: string[] = [];
    let line = '';
    for (const word of right.split(' ')) {
      if (line !== '' && line.length + 1 + word.length > room) {
        lines.push(line);
        line = word;
      } else {
        line = line === '' ? word : `${line} ${word}`;
      }
    }
    lines.push(line);
    lines.forEach((text, i) => {
      out.push(`  ${(i === 0 ? left : '').padEnd(width)}  ${text}`.trimEnd());
    });
  }
  return out;
}

function flagLabel(name: string, spec: FlagSpec): string {
  const short = spec.short === undefined ? '    ' : `-${spec.short}, `;
  const value = spec.type === 'string' ? ` <${spec.value ?? 'value'}>` : '';
  return `${short}--${name}${value}`;
}

function flagText(spec: FlagSpec): string {
  const extra: string[] = [];
  if (spec.choices !== undefined) extra.push(`one of: ${spec.choices.join(', ')}`);
  if (spec.default !== undefined) extra.push(`default: ${spec.default}`);
  return extra.length === 0 ? spec.description : `${spec.description} (${extra.join('; ')})`;
}

/** `jiedu --help`: the commands, the global options and the exit codes. */
export function globalHelp(): string {
  return [
    `jiedu ${version()}: reads raw Chinese news pages into clean, structured articles`,
    '',
    'Usage:',
    '  jiedu <command> [options]',
    '',
    'Commands:',
    ...table([
      ...COMMANDS.map((c) => [c.name, c.summary] as const),
      ['help <command>', 'Show the options of a command'],
    ]),
    '',
    'Options:',
    ...table([
      ['-h, --help', 'Show this help'],
      ['-v, --version', 'Print the version'],
    ]),
    '',
    'Exit codes:',
    ...EXIT_CODES_HELP.map((line) => `  ${line}`),
    '',
    "Run 'jiedu help <command>' for the options of a command.",
    '',
  ].join('\n');
}

/** `jiedu help <command>`: usage, description, options, extra sections, examples. */
export function commandHelp(command: CommandSpec): string {
  const lines = [
    `Usage: jiedu ${command.name}${command.usage === '' ? '' : ` ${command.usage}`}`,
    '',
    command.description,
    '',
    'Options:',
    ...table(
      Object.entries(command.flags).map(([name, spec]) => [flagLabel(name, spec), flagText(spec)]),
    ),
  ];
  for (const [title, body] of Object.entries(command.sections ?? {})) {
    lines.push('', `${title}:`, ...body.map((line) => `  ${line}`));
  }
  lines.push('', 'Exit codes:', ...EXIT_CODES_HELP.map((line) => `  ${line}`));
  if (command.examples !== undefined) {
    lines.push('', 'Examples:', ...command.examples.map((line) => `  ${line}`));
  }
  lines.push('');
  return lines.join('\n');
}
