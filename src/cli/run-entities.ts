import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { tagEntities } from '../annotate/ner/index.ts';
import { DecodeError, decode } from '../decode/index.ts';
import { ENTITY_CSV } from '../store/csv-columns.ts';
import type { EntityQuery, EntityRow } from '../store/index.ts';
import type { EntityType } from '../tree/annotations.ts';
import type { Encoding } from '../tree/types.ts';
import {
  archivePath,
  countListing,
  DEFAULT_DB,
  filterFlags,
  type Listing,
  pageFlags,
  printRows,
  stringFlag,
  withArchive,
} from './archive.ts';
import { UsageError } from './args.ts';
import { describeError, InputRefused, type Io, LINES_MAX_BYTES, readInput } from './io.ts';
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

/** Flags that only the archive listing takes, not the line tagger. */
const ARCHIVE_FLAGS = [
  'db',
  'type',
  'name',
  'outlet',
  'from',
  'to',
  'script',
  'count',
  'copies',
  'limit',
  'offset',
];

/**
 * `jiedu entities --lines FILE|- [--format jsonl] [--encoding …]` tags every line of the
 * input and prints one JSON object per line, offsets in UTF-16 units of that line.
 * Without --lines, it lists the entities of the archive (see listEntities).
 */
export async function run(args: CommandArgs, io: Io): Promise<number> {
  const { flags } = args;
  const lines = flags.lines;
  if (typeof lines !== 'string') return listEntities(args, io);
  const archiveFlag = ARCHIVE_FLAGS.find((name) => flags[name] !== undefined);
  if (archiveFlag !== undefined) {
    throw new UsageError(
      `--${archiveFlag} lists the archive; it does not go with --lines`,
      'entities',
    );
  }
  if (flags.format !== undefined && flags.format !== 'jsonl') {
    throw new UsageError('--lines prints JSON Lines: --format jsonl', 'entities');
  }
  const display = lines;
  try {
    const file = lines === '-' ? null : resolve(io.cwd, lines);
    const bytes = await readInput(
      { kind: 'input', display, file, outName: 'lines.txt' },
      io.stdin,
      LINES_MAX_BYTES,
    );
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
    else if (err instanceof InputRefused) io.stderr.write(`${display}: ${err.message}\n`);
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

const ENTITIES: Listing<EntityRow> = {
  columns: [
    { header: 'id', flex: 2, max: 30 },
    { header: 'type' },
    { header: 'name', flex: 2, max: 24 },
    { header: 'articles', align: 'right' },
    { header: 'mentions', align: 'right' },
    { header: 'roles', flex: 2, max: 30 },
  ],
  cells: (e) => [
    e.id,
    e.type,
    e.name,
    String(e.articles),
    String(e.mentions),
    (e.roles ?? []).join('、'),
  ],
  csv: ENTITY_CSV,
};

/**
 * `jiedu entities [--db FILE] [--type T] [--name TEXT] [--outlet --from --to] [--count]
 * [--copies]`: the archive's entities, most written about first (a story counted once, every
 * copy with --copies), or with --count how many of each type.
 */
async function listEntities(args: CommandArgs, io: Io): Promise<number> {
  const { flags } = args;
  if (flags.encoding !== undefined) {
    throw new UsageError('--encoding reads --lines; the archive listing has no input', 'entities');
  }
  const { entity: _entity, speaker: _speaker, ...filter } = filterFlags('entities', flags);
  const type = stringFlag(flags, 'type');
  const name = stringFlag(flags, 'name');
  const query: EntityQuery = {
    ...pageFlags('entities', flags),
    ...(type === undefined ? {} : { type: type.toUpperCase() as EntityType }),
    ...(name === undefined ? {} : { name }),
    ...(flags.copies === true ? { copies: true } : {}),
    filter,
  };
  // Bare `jiedu entities` where there is no archive: say what it can do.
  if (flags.db === undefined && !process.env.JIEDU_DB && !existsSync(archivePath(flags, io))) {
    throw new UsageError(
      `no archive here (${DEFAULT_DB}): give --db FILE to list an archive's entities, ` +
        'or --lines FILE (- for standard input) to tag text',
      'entities',
    );
  }
  const format = stringFlag(flags, 'format') ?? 'table';
  return withArchive('entities', flags, io, (archive) => {
    if (flags.count === true) {
      printRows(io, format, archive.countEntities(query), countListing('type'), 'No entities.');
    } else {
      printRows(io, format, archive.entities(query), ENTITIES, 'No entities.');
    }
    return EXIT.ok;
  });
}
