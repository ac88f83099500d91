import { createReadStream, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { type AnnotateOptions, annotate, loadDictionaryFile } from '../annotate/index.ts';
import { DecodeError } from '../decode/index.ts';
import { decodeWarnings, describeFailure } from '../ingest/process-page.ts';
import { MB, tooLarge } from '../ingest/read-units.ts';
import { parse } from '../pipeline.ts';
import { renderHtml, renderMarkdown, renderText, toArticleView } from '../render/index.ts';
import { isDate } from '../text/dates.ts';
import type { Encoding, PageNode } from '../tree/types.ts';
import { isWarc, isWarcFile, readWarc, WarcError, warcBudget } from '../warc/index.ts';
import { UsageError } from './args.ts';
import {
  collectInputs,
  describeError,
  type Input,
  type InputFailure,
  InputRefused,
  type Io,
  outputPath,
  readInput,
  writeFileAtomic,
} from './io.ts';
import { type CommandArgs, EXIT } from './schema.ts';

/** What to print for each page. */
export type Format = 'json' | 'md' | 'text' | 'html';

/** How {@link convert} writes its results. */
export interface ConvertOptions {
  format: Format;
  /** Print the full page tree (JSON) instead of the article view. */
  tree: boolean;
  /** Write one file per input into this folder instead of printing. */
  out: string | null;
  encoding?: Encoding;
  /** Annotate every article (entities, quotes, stances …), with this page date if given. */
  annotate?: AnnotateOptions;
  /** Several inputs or a folder: JSON Lines and per-input headers instead of one document. */
  collection: boolean;
  /** Largest page read, in bytes (a WARC file's page records each); larger ones fail, unread. */
  maxBytes: number;
  /** What every page is; by default each is told by its content. */
  inputFormat?: 'text' | 'html';
  /** Refuse a page with any byte that is not text in its encoding. */
  strict?: boolean;
}

const EXTENSIONS: Record<Format, string> = {
  json: '.json',
  md: '.md',
  text: '.txt',
  html: '.html',
};

/** Renders one page in the chosen format; `compact` gives one JSON line. */
function render(page: PageNode, options: ConvertOptions, compact: boolean): string {
  const indent = compact ? undefined : 2;
  if (options.tree) return `${JSON.stringify(page, null, indent)}\n`;
  const view = toArticleView(page);
  switch (options.format) {
    case 'json':
      return `${JSON.stringify(view, null, indent)}\n`;
    case 'md':
      return renderMarkdown(view);
    case 'text':
      return renderText(view);
    case 'html':
      return renderHtml(view);
  }
}

/** The header printed before each input of a collection, in Markdown or text. */
function header(format: Format, display: string): string {
  if (format === 'md') return `<!-- ${display.replace(/--/g, '-\u2010')} -->\n\n`;
  return `==> ${display} <==\n\n`;
}

/** A refusal to write one input's output; reported as `path: reason`, like a read error. */
class OutputError extends Error {}

/** `path: reason` for an error thrown while reading, parsing or writing one input. */
function failure(display: string, err: unknown): string {
  // A DecodeError already names the file and the byte offset, a WarcError the record's.
  if (err instanceof DecodeError || err instanceof WarcError) return err.message;
  if (err instanceof OutputError || err instanceof InputRefused) {
    return `${display}: ${err.message}`;
  }
  if ((err as NodeJS.ErrnoException)?.code !== undefined)
    return `${display}: ${describeError(err)}`;
  return `${display}: ${describeFailure(err)}`;
}

/** The pages of one input: one for a page file, one per HTML response for a WARC file. */
interface InputPages {
  warc: boolean;
  list: { page: PageNode; input: Input }[];
  /** Page records of a WARC file passed over unread, each `file@offset: reason`. */
  skipped: string[];
}

/**
 * Reads one input into its pages, parsed (and annotated if asked). A WARC or WARC.gz file
 * (told by its content) is streamed record by record and gives one page per HTML response,
 * named `file@offset` after the record's byte offset; its pages are all read before any is
 * printed, so a bad record fails the whole file and nothing of it is half-written.
 */
async function readPages(
  item: Input,
  stdin: Io['stdin'],
  options: ConvertOptions,
): Promise<InputPages> {
  const finish = (parsed: PageNode) =>
    options.annotate === undefined ? parsed : annotate(parsed, options.annotate);
  const warcFile = item.file !== null && (await isWarcFile(item.file));
  const bytes = warcFile ? null : await readInput(item, stdin, options.maxBytes);
  if (bytes !== null && !isWarc(bytes)) {
    const parsed = parse(bytes, {
      path: item.display,
      ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
      ...(options.inputFormat === undefined ? {} : { format: options.inputFormat }),
      ...(options.strict === true ? { strict: true } : {}),
    });
    return { warc: false, list: [{ page: finish(parsed), input: item }], skipped: [] };
  }
  const source: AsyncIterable<Uint8Array> | Iterable<Uint8Array> =
    bytes !== null
      ? [bytes]
      : createReadStream(item.file as string, { highWaterMark: 1024 * 1024 });
  const list: InputPages['list'] = [];
  const skipped: string[] = [];
  // Ingest's budgets: an oversized page record is streamed past, not held.
  const fileBytes = bytes?.byteLength ?? (item.file === null ? 0 : statSync(item.file).size);
  const budget = warcBudget(fileBytes, options.maxBytes);
  for await (const entry of readWarc(source, item.display, budget)) {
    if (entry.kind === 'oversize') {
      skipped.push(`${item.display}@${entry.offset}: ${tooLarge(entry.bytes, options.maxBytes)}`);
    }
    if (entry.kind !== 'page') continue;
    const display = `${item.display}@${entry.offset}`;
    const parsed = parse(entry.payload, {
      path: display,
      format: 'html',
      ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
      ...(entry.contentType === undefined ? {} : { contentType: entry.contentType }),
      ...(entry.url === undefined ? {} : { url: entry.url }),
      ...(entry.date === undefined ? {} : { fetched: entry.date }),
    });
    list.push({
      page: finish(parsed),
      input: {
        kind: 'input',
        display,
        file: null,
        outName: `${item.outName}@${entry.offset}.html`,
      },
    });
  }
  return { warc: true, list, skipped };
}

/**
 * Parses each input and prints or writes it; one failing input is reported as
 * `path: reason` and the others go on. Resolves to the exit code.
 */
export async function convert(
  items: readonly (Input | InputFailure)[],
  options: ConvertOptions,
  io: Io,
): Promise<number> {
  const written = new Map<string, string>();
  let failed = 0;
  let first = true;
  /** Writes one page under --out, or prints it; a collection prints JSON Lines or headers. */
  const emit = async (page: PageNode, input: Input, collection: boolean): Promise<void> => {
    if (options.out !== null) {
      const extension = options.tree ? '.tree.json' : EXTENSIONS[options.format];
      const dest = outputPath(resolve(io.cwd, options.out), input, extension);
      const earlier = written.get(dest);
      if (earlier !== undefined) {
        throw new OutputError(
          `output ${dest} was already written for ${earlier}; rename one input`,
        );
      }
      if (input.file !== null && resolve(input.file) === dest) {
        throw new OutputError(`output ${dest} would overwrite this input; choose another --out`);
      }
      await writeFileAtomic(dest, render(page, options, false));
      written.set(dest, input.display);
      return;
    }
    const jsonLines = collection && (options.tree || options.format === 'json');
    const text = render(page, options, jsonLines);
    if (collection && !jsonLines) {
      io.stdout.write(`${first ? '' : '\n'}${header(options.format, input.display)}${text}`);
    } else {
      io.stdout.write(text);
    }
    first = false;
  };
  for (const item of items) {
    if (item.kind === 'failure') {
      io.stderr.write(`${item.display}: ${item.reason}\n`);
      failed++;
      continue;
    }
    try {
      const pages = await readPages(item, io.stdin, options);
      if (pages.warc && options.format === 'html' && !options.tree && options.out === null) {
        throw new OutputError('a WARC file holds many pages; --format html needs --out DIR');
      }
      for (const { page, input } of pages.list) {
        // What reading the bytes had to repair is said, not only kept in the tree.
        for (const d of decodeWarnings(page)) io.stderr.write(`${input.display}: warning: ${d}\n`);
        await emit(page, input, pages.warc || options.collection);
      }
      for (const line of pages.skipped) io.stderr.write(`${line}\n`);
      if (pages.skipped.length > 0) failed++;
    } catch (err) {
      io.stderr.write(`${failure(item.display, err)}\n`);
      if (process.env.JIEDU_DEBUG && err instanceof Error && err.stack) {
        io.stderr.write(`${err.stack}\n`);
      }
      failed++;
    }
  }
  if (options.out !== null) {
    const files = written.size === 1 ? 'file' : 'files';
    const tail = failed === 0 ? '' : `; ${failed} of ${items.length} inputs failed`;
    io.stderr.write(`jiedu: wrote ${written.size} ${files} to ${options.out}${tail}\n`);
  } else if (failed > 0 && items.length > 1) {
    io.stderr.write(`jiedu: ${failed} of ${items.length} inputs failed\n`);
  }
  return failed === 0 ? EXIT.ok : EXIT.failed;
}

/** `jiedu parse <file|dir|->… [--format …] [--tree] [--out DIR] [--encoding …]`. */
export async function run(args: CommandArgs, io: Io): Promise<number> {
  const { flags, positionals } = args;
  if (positionals.length === 0) {
    throw new UsageError('no input: give a file, a directory, or - for standard input', 'parse');
  }
  if (positionals.filter((p) => p === '-').length > 1) {
    throw new UsageError('standard input (-) can be read only once', 'parse');
  }
  const format = flags.format as Format;
  const tree = flags.tree === true;
  if (tree && format !== 'json') {
    throw new UsageError(
      `--tree prints JSON; it cannot be combined with --format ${format}`,
      'parse',
    );
  }
  const out = typeof flags.out === 'string' ? flags.out : null;
  if (
    (typeof flags.date === 'string' || typeof flags.dict === 'string') &&
    flags.annotate !== true
  ) {
    throw new UsageError('--date and --dict go with --annotate', 'parse');
  }
  if (typeof flags.date === 'string' && !isDate(flags.date)) {
    throw new UsageError(
      `--date takes a calendar date YYYY-MM-DD, not ${JSON.stringify(flags.date)}`,
      'parse',
    );
  }
  if (typeof flags.dict === 'string') await loadDictionaryFile(resolve(io.cwd, flags.dict));
  const maxSize = Number(flags['max-size']);
  if (!(maxSize > 0) || !Number.isFinite(maxSize)) {
    throw new UsageError(
      `--max-size takes a positive number of MB, not ${JSON.stringify(flags['max-size'])}`,
      'parse',
    );
  }
  const inputs = await collectInputs(positionals, io.cwd, {
    followSymlinks: flags['follow-symlinks'] === true,
  });
  if (format === 'html' && inputs.collection && out === null) {
    throw new UsageError(
      '--format html writes one page per input; with several inputs use --out DIR',
      'parse',
    );
  }
  return convert(
    inputs.items,
    {
      format,
      tree,
      out,
      collection: inputs.collection,
      maxBytes: maxSize * MB,
      ...(flags.strict === true ? { strict: true } : {}),
      ...(flags['input-format'] === 'text' || flags['input-format'] === 'html'
        ? { inputFormat: flags['input-format'] }
        : {}),
      ...(typeof flags.encoding === 'string' ? { encoding: flags.encoding as Encoding } : {}),
      ...(flags.annotate === true
        ? {
            annotate: {
              ...(typeof flags.date === 'string' ? { date: flags.date } : {}),
              ...(flags['no-ner'] === true ? { tagger: null } : {}),
            },
          }
        : {}),
    },
    io,
  );
}
