import { parseArgs } from 'node:util';
import { suggest } from '../text/suggest.ts';
import type { CommandArgs, CommandSpec, FlagSpec, FlagValues } from './schema.ts';

/** A mistake in how jiedu was called: reported with a pointer to help, exit code 2. */
export class UsageError extends Error {
  /** The command whose help to point to, if any. */
  readonly command: string | undefined;

  constructor(message: string, command?: string) {
    super(message);
    this.name = 'UsageError';
    this.command = command;
  }
}

function checkChoice(name: string, spec: FlagSpec, raw: string, command: string): string {
  if (spec.choices === undefined) return raw;
  const lower = raw.toLowerCase();
  const value = spec.aliases?.[lower] ?? lower;
  if (spec.choices.includes(value)) return value;
  throw new UsageError(
    `invalid value '${raw}' for --${name}; expected one of: ${spec.choices.join(', ')}`,
    command,
  );
}

/**
 * Parses a command's arguments against its flag schema with node:util parseArgs, turning
 * every problem (unknown option, missing value, value out of range) into a UsageError
 * that names the option.
 */
export function parseCommandArgs(command: CommandSpec, argv: readonly string[]): CommandArgs {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = {};
  for (const [name, spec] of Object.entries(command.flags)) {
    options[name] =
      spec.short === undefined ? { type: spec.type } : { type: spec.type, short: spec.short };
  }
  // Non-strict with tokens, so the errors are ours rather than parseArgs' generic ones.
  const { tokens } = parseArgs({
    args: [...argv],
    options,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });

  const flags: FlagValues = {};
  const positionals: string[] = [];
  const longNames = Object.keys(command.flags);
  for (const token of tokens) {
    if (token.kind === 'positional') {
      positionals.push(token.value);
      continue;
    }
    if (token.kind === 'option-terminator') continue;
    const spec = command.flags[token.name];
    if (spec === undefined) {
      throw new UsageError(
        `unknown option '${token.rawName}'${suggest(token.name, longNames, '--')}`,
        command.name,
      );
    }
    if (spec.type === 'boolean') {
      if (token.value !== undefined) {
        throw new UsageError(`option --${token.name} takes no value`, command.name);
      }
      flags[token.name] = true;
      continue;
    }
    if (
      token.value === undefined ||
      (token.inlineValue !== true && token.value.startsWith('-') && token.value !== '-')
    ) {
      const expected = spec.choices === undefined ? '' : ` (${spec.choices.join(', ')})`;
      throw new UsageError(`option ${token.rawName} needs a value${expected}`, command.name);
    }
    flags[token.name] = checkChoice(token.name, spec, token.value, command.name);
  }

  if (!command.positionals && positionals.length > 0) {
    throw new UsageError(`unexpected argument '${positionals[0]}'`, command.name);
  }
  for (const [name, spec] of Object.entries(command.flags)) {
    if (flags[name] === undefined && spec.default !== undefined) flags[name] = spec.default;
  }
  return { flags, positionals };
}
