import { resolve } from 'node:path';
import { DictionaryError, loadUserDictionary } from '../annotate/lexicon/index.ts';
import { segmentLines } from '../annotate/segment/index.ts';
import { DecodeError, decode } from '../decode/index.ts';
import type { Encoding } from '../tree/types.ts';
import { UsageError } from './args.ts';
import { describeError, InputRefused, type Io, LINES_MAX_BYTES, readInput } from './io.ts';
import { type CommandArgs, EXIT } from './schema.ts';

/** Lines segmented and written at once: one segmenter call and one write per batch. */
const BATCH = 2048;

/** The lines of `text`: split at LF, CRLF or CR; a final line end does not open a line. */
function splitLines(text: string): string[] {
  if (text.length === 0) return [];
  const lines = text.split(/\r\n|\n|\r/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Reads and decodes one input (a file or - for stdin), in `encoding` if given. */
async function readText(name: string, io: Io, encoding: Encoding | undefined): Promise<string> {
  const file = name === '-' ? null : resolve(io.cwd, name);
  const bytes = await readInput(
    { kind: 'input', display: name, file, outName: 'lines.txt' },
    io.stdin,
    LINES_MAX_BYTES,
  );
  return decode(bytes, { path: name, ...(encoding === undefined ? {} : { encoding }) }).text;
}

/** Reports a failure on `name` the way every command does: `path: reason`. */
function report(err: unknown, name: string, io: Io): void {
  if (err instanceof DecodeError || err instanceof DictionaryError) {
    io.stderr.write(`${err.message}\n`);
  } else if (err instanceof InputRefused) {
    io.stderr.write(`${name}: ${err.message}\n`);
  } else if ((err as NodeJS.ErrnoException)?.code !== undefined) {
    io.stderr.write(`${name}: ${describeError(err)}\n`);
  } else {
    const message = err instanceof Error ? err.message : String(err);
    io.stderr.write(`${name}: internal error: ${message}\n`);
    if (process.env.JIEDU_DEBUG && err instanceof Error && err.stack) {
      io.stderr.write(`${err.stack}\n`);
    }
  }
}

/**
 * `jiedu segment --lines FILE|- [--dict FILE] [--encoding …]`: segments every line of the
 * input and prints its words separated by single spaces, one output line per input line
 * (the SIGHAN bakeoff format), in the input's own script.
 */
export async function run(args: CommandArgs, io: Io): Promise<number> {
  const { flags } = args;
  const input = flags.lines;
  if (typeof input !== 'string') {
    throw new UsageError('no input: give --lines FILE, or --lines - for standard input', 'segment');
  }
  const encoding = typeof flags.encoding === 'string' ? (flags.encoding as Encoding) : undefined;
  const dict = flags.dict;
  if (typeof dict === 'string') {
    if (dict === '-' && input === '-') {
      throw new UsageError('--dict and --lines cannot both read standard input', 'segment');
    }
    try {
      // The dictionary is read in its own encoding, detected like any input.
      loadUserDictionary(await readText(dict, io, undefined), dict);
    } catch (err) {
      report(err, dict, io);
      return EXIT.failed;
    }
  }
  try {
    const lines = splitLines(await readText(input, io, encoding));
    for (let from = 0; from < lines.length; from += BATCH) {
      const words = segmentLines(lines.slice(from, from + BATCH));
      io.stdout.write(`${words.map((w) => w.join(' ')).join('\n')}\n`);
    }
    return EXIT.ok;
  } catch (err) {
    report(err, input, io);
    return EXIT.failed;
  }
}
