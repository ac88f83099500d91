import type {
  Archive,
  ArchiveFilter,
  ArticleRecord,
  EntityRow,
  QuoteRow,
  StanceRow,
} from '../store/index.ts';
import { STANCE_CSV_HEADER, stanceCsv } from '../store/stance-csv.ts';
import { type CsvValue, csvRecord } from '../text/csv.ts';
import { filterFlags, stringFlag, withArchive, writeStreamed } from './archive.ts';
import type { Io } from './io.ts';
import { QUOTES as QUOTES_LISTING } from './run-quotes.ts';
import { type CommandArgs, EXIT } from './schema.ts';

/** One kind of record to export: where the rows come from and their CSV columns. */
interface Export<T> {
  rows(archive: Archive, filter: ArchiveFilter): Iterable<T>;
  header: readonly string[];
  csv(row: T): CsvValue[];
}

const ARTICLES: Export<ArticleRecord> = {
  rows: (archive, filter) => archive.exportArticles(filter),
  header: [
    'id',
    'document',
    'index',
    'source',
    'outlet',
    'date',
    'url',
    'external_id',
    'script',
    'headline',
    'text',
    'entities',
    'keywords',
  ],
  csv: (a) => [
    a.id,
    a.documentId,
    a.index,
    a.source,
    a.outlet,
    a.date,
    a.url,
    a.externalId,
    a.script,
    a.headline,
    a.text,
    a.entities,
    a.keywords,
  ],
};

// The same columns as `jiedu quotes --format csv`: one definition serves both.
const QUOTES: Export<QuoteRow> = {
  rows: (archive, filter) => archive.exportQuotes(filter),
  header: QUOTES_LISTING.csvHeader,
  csv: (row) => QUOTES_LISTING.csv(row),
};

// The same columns as `jiedu stances --format csv`: one definition serves both.
const STANCES: Export<StanceRow> = {
  rows: (archive, filter) => archive.exportStances(filter),
  header: STANCE_CSV_HEADER,
  csv: stanceCsv,
};

const ENTITIES: Export<EntityRow> = {
  rows: (archive) => archive.exportEntities(),
  header: ['id', 'type', 'name', 'articles', 'mentions'],
  csv: (e) => [e.id, e.type, e.name, e.articles, e.mentions],
};

const EXPORTS: Readonly<Record<string, Export<never>>> = {
  articles: ARTICLES as Export<never>,
  quotes: QUOTES as Export<never>,
  stances: STANCES as Export<never>,
  entities: ENTITIES as Export<never>,
};

function* lines<T>(format: string, spec: Export<T>, rows: Iterable<T>): Generator<string> {
  if (format === 'csv') yield csvRecord(spec.header);
  for (const row of rows)
    yield format === 'csv' ? csvRecord(spec.csv(row)) : `${JSON.stringify(row)}\n`;
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
