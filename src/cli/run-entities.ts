import { resolve } from 'node:path';
import { tagEntities } from '../annotate/ner/index.ts';
import { DecodeError, decode } from '../decode/index.ts';
import type { Encoding } from '../tree/types.ts';
import { UsageError } from './args.ts';
import { describeError, type Io, readInput } from './io.ts';
import { type CommandArgs, EXIT } from './schema.ts';

/** Lines written to stdout at once: fewer writes, bounded memory. */
const BATCH = 256;

/** The lines of `text`: split at LF, CRLF or CR; a final line end does not open a line. */
export function splitLines(text: string): string[] {
  if (text.length === 0) return [];
  const lines = text.split(/\r\n|\n|\r/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** One output line: the input line and its entities as [start, end, type]. */
export function entityLine(text: string): string {
  const entities = tagEntities(text).map((e) => [e.start, e.end, e.type]);
  return `${JSON.stringify({ text, entities })}\n`;
}

/**
 * `jiedu entities --lines FILE|- [--format jsonl] [--encoding …]`: tags every line of the
 * input and prints one JSON object per line, offsets in UTF-16 units of that line.
 */
export async function run(args: CommandArgs, io: Io): Promise<number> {
  const { flags } = args;
  const lines = flags.lines;
  if (typeof lines !== 'string') {
    throw new UsageError(
      'no input: give --lines FILE, or --lines - for standard input',
      'entities',
    );
  }
  const display = lines;
  try {
    const file = lines === '-' ? null : resolve(io.cwd, lines);
    const bytes = await readInput({ kind: 'input', display, file, outName: 'lines.txt' }, io.stdin);
    const { text } = decode(bytes, {
      path: display,
      ...(typeof flags.encoding === 'string' ? { encoding: flags.encoding as Encoding } : {}),
    });
    let out: string[] = [];
    for (const line of splitLines(text)) {
      out.push(entityLine(line));
      if (out.length >= BATCH) {
        io.stdout.write(out.join(''));
        out = [];
      }
    }
    if (out.length > 0) io.stdout.write(out.join(''));
    return EXIT.ok;
  } catch (err) {
    if (err instanceof DecodeError) io.stderr.write(`${err.message}\n`);
    else if ((err as NodeJS.ErrnoException)?.code !== undefined) {
      io.stderr.write(`${display}: ${describeError(err)}\n`);
    } else {
      const message = err instanceof Error ? err.message : String(err);
      io.stderr.write(`${display}: internal error: ${message}\n`);
      if (process.env.JIEDU_DEBUG && err instanceof Error && err.stack) {
        io.stderr.write(`${err.stack}\n`);
      }
    }
    return EXIT.failed;
  }
}
