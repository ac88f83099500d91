import type { Io } from './io.ts';

/** One command-line option; the schema drives parsing, validation and help alike. */
export interface FlagSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** Placeholder for the value in help, e.g. `fmt`. */
  value?: string;
  /** Allowed values; matched case-insensitively after `aliases` are applied. */
  choices?: readonly string[];
  /** Other spellings accepted for a choice: `utf8` → `utf-8`. */
  aliases?: Readonly<Record<string, string>>;
  /** The value when the option is absent, as shown in help. */
  default?: string;
  description: string;
}

/** The flags a command was given, by long name, after validation. */
export type FlagValues = Record<string, string | boolean | undefined>;

/** A command's arguments after parsing against its schema. */
export interface CommandArgs {
  flags: FlagValues;
  positionals: string[];
}

/** What a command module exports; loaded only when the command runs. */
export interface CommandModule {
  /** Runs the command and resolves to its exit code. */
  run(args: CommandArgs, io: Io): Promise<number>;
}

/** A command: its help text, its flags and how to load it. */
export interface CommandSpec {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** What follows the command name in the usage line, e.g. `<file|dir|->...`. */
  usage: string;
  /** A paragraph under the usage line. */
  description: string;
  /** Whether positional arguments are accepted. */
  positionals: boolean;
  flags: Readonly<Record<string, FlagSpec>>;
  /** Extra help sections, title → lines. */
  sections?: Readonly<Record<string, readonly string[]>>;
  examples?: readonly string[];
  load(): Promise<CommandModule>;
}
