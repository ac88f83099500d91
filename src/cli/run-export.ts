import {
  ARTICLE_CSV,
  type CsvColumns,
  ENTITY_CSV,
  QUOTE_CSV,
  STANCE_CSV,
} from '../store/csv-columns.ts';
import type {
  Archive,
  ArchiveFilter,
  ArticleRecord,
  EntityRow,
  QuoteRow,
  StanceRow,
} from '../store/index.ts';
import { csvRecord } from '../text/csv.ts';
import { filterFlags, stringFlag, withArchive, writeStreamed } from './archive.ts';
import type { Io } from './io.ts';
import { type CommandArgs, EXIT } from './schema.ts';

/** One kind of record to export: where the rows come from and their CSV columns. */
interface Export<T> {
  rows(archive: Archive, filter: ArchiveFilter): Iterable<T>;
  /** The store's CSV columns, which the listings write too. */
  csv: CsvColumns<T>;
}

const ARTICLES: Export<ArticleRecord> = {
  rows: (archive, filter) => archive.exportArticles(filter),
  csv: ARTICLE_CSV,
};

// The same columns as `jiedu quotes --format csv` and the server's quotes.csv.
const QUOTES: Export<QuoteRow> = {
  rows: (archive, filter) => archive.exportQuotes(filter),
  csv: QUOTE_CSV,
};

// The same columns as `jiedu stances --format csv` and the server's stances.csv.
const STANCES: Export<StanceRow> = {
  rows: (archive, filter) => archive.exportStances(filter),
  csv: STANCE_CSV,
};

const ENTITIES: Export<EntityRow> = {
  rows: (archive) => archive.exportEntities(),
  csv: ENTITY_CSV,
};

const EXPORTS: Readonly<Record<string, Export<never>>> = {
  articles: ARTICLES as Export<never>,
  quotes: QUOTES as Export<never>,
  stances: STANCES as Export<never>,
  entities: ENTITIES as Export<never>,
};

function* lines<T>(format: string, spec: Export<T>, rows: Iterable<T>): Generator<string> {
  if (format === 'csv') yield csvRecord(spec.csv.header);
  for (const row of rows)
    yield format === 'csv' ? csvRecord(spec.csv.cells(row)) : `${JSON.stringify(row)}\n`;
}

/**
 * `jiedu export --what articles|quotes|stances|entities [--format jsonl|csv] [filters]`:
 * every record of one kind, in id order, streamed to standard output.
 */
export async function run(args: CommandArgs, io: Io): Promise<number> {
  const { flags } = args;
  const what = stringFlag(flags, 'what') ?? 'articles';
  const format = stringFlag(flags, 'format') ?? 'jsonl';
  const filter = filterFlags('export', flags);
  const spec = EXPORTS[what] as Export<unknown>;
  return withArchive('export', flags, io, async (archive) => {
    await writeStreamed(io, lines(format, spec, spec.rows(archive, filter)));
    return EXIT.ok;
  });
}
