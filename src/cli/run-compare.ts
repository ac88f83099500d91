import { resolve } from 'node:path';
import { annotate } from '../annotate/index.ts';
import { type ComparisonFormat, compare, formatComparison } from '../compare/index.ts';
import { DecodeError } from '../decode/index.ts';
import { describeFailure } from '../ingest/process-page.ts';
import { parse } from '../pipeline.ts';
import { openStore, StoreError } from '../store/index.ts';
import type { PageNode } from '../tree/types.ts';
import { archivePath, stringFlag } from './archive.ts';
import { UsageError } from './args.ts';
import { describeError, InputRefused, type Io, readInput } from './io.ts';
import { type CommandArgs, EXIT } from './schema.ts';

/** The largest page compare reads: as parse's default --max-size. */
const MAX_BYTES = 20 * 1024 * 1024;

/** A statement that could not be read, named: `path: reason`. */
class StatementError extends Error {}

/** An archive article: `#12`. */
const ARTICLE_ID = /^#(\d{1,15})$/;

/** Reads, parses and annotates one page file (or standard input, `-`). */
async function readPage(arg: string, io: Io, format: 'text' | 'html' | undefined, ner: boolean) {
  const file = arg === '-' ? null : resolve(io.cwd, arg);
  let bytes: Uint8Array;
  try {
    bytes = await readInput(
      { kind: 'input', display: arg, file, outName: arg },
      io.stdin,
      MAX_BYTES,
    );
  } catch (err) {
    if (err instanceof InputRefused) throw new StatementError(`${arg}: ${err.message}`);
    throw new StatementError(`${arg}: ${describeError(err)}`);
  }
  try {
    const page = parse(bytes, { path: arg, ...(format === undefined ? {} : { format }) });
    if (page.children.length === 0)
      throw new StatementError(`${arg}: no article found on the page`);
    return annotate(page, ner ? {} : { tagger: null });
  } catch (err) {
    if (err instanceof StatementError) throw err;
    // A DecodeError names the file and the byte offset already.
    if (err instanceof DecodeError) throw new StatementError(err.message);
    throw new StatementError(`${arg}: ${describeFailure(err)}`);
  }
}

/** Reads one archive article as an annotated page. */
function readArticle(arg: string, id: number, db: string): PageNode {
  let archive: ReturnType<typeof openStore>;
  try {
    archive = openStore(db, { create: false });
  } catch (err) {
    if (err instanceof StoreError) throw new StatementError(`${arg}: ${err.message}`);
    throw err;
  }
  try {
    const page = archive.articlePage(id);
    if (page === undefined) throw new StatementError(`${arg}: no article ${id} in ${db}`);
    if (page.children[0]?.annotations === undefined) {
      throw new StatementError(`${arg}: article ${id} was stored without annotations`);
    }
    return page;
  } finally {
    archive.close();
  }
}

/**
 * `jiedu compare A B [--format md|json|html] [--db FILE]`: two statements (page files, or
 * archive articles `#id`) compared: their sentences aligned, their stances and quotes each
 * same, added, dropped or changed.
 */
export async function run(args: CommandArgs, io: Io): Promise<number> {
  const { flags, positionals } = args;
  if (positionals.length < 2) {
    throw new UsageError(
      'compare needs two statements: files, or archive articles as #id',
      'compare',
    );
  }
  if (positionals.length > 2)
    throw new UsageError(`unexpected argument '${positionals[2]}'`, 'compare');
  const [a, b] = positionals as [string, string];
  if (a === '-' && b === '-')
    throw new UsageError('only one statement can be read from standard input', 'compare');
  const format = (stringFlag(flags, 'format') ?? 'md') as ComparisonFormat;
  const told = stringFlag(flags, 'input-format');
  const inputFormat = told === 'text' || told === 'html' ? told : undefined;
  const ner = flags['no-ner'] !== true;
  const read = (arg: string): Promise<PageNode> | PageNode => {
    const m = ARTICLE_ID.exec(arg);
    if (m !== null) return readArticle(arg, Number(m[1]), archivePath(flags, io));
    return readPage(arg, io, inputFormat, ner);
  };
  try {
    const pageA = await read(a);
    const pageB = await read(b);
    io.stdout.write(formatComparison(compare(pageA, pageB, { a, b }), format));
    return EXIT.ok;
  } catch (err) {
    if (!(err instanceof StatementError)) throw err;
    io.stderr.write(`jiedu compare: ${err.message}\n`);
    return EXIT.failed;
  }
}
