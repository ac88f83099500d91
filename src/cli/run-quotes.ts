import { QUOTE_CSV } from '../store/csv-columns.ts';
import type { QuoteGroup, QuoteQuery, QuoteRow } from '../store/index.ts';
import {
  countListing,
  filterFlags,
  type Listing,
  pageFlags,
  printRows,
  spreadCell,
  stringFlag,
  withArchive,
} from './archive.ts';
import type { Io } from './io.ts';
import { type CommandArgs, EXIT } from './schema.ts';

export const QUOTES: Listing<QuoteRow> = {
  columns: [
    { header: 'id', align: 'right' },
    { header: 'article', align: 'right' },
    { header: 'date' },
    { header: 'speaker', flex: 1, max: 16 },
    { header: 'cue', max: 6 },
    { header: 'quote', flex: 4 },
    { header: 'copies', align: 'right' },
  ],
  cells: (q) => [
    String(q.id),
    String(q.articleId),
    q.date ?? '',
    q.speaker,
    q.cue,
    q.text,
    spreadCell(q),
  ],
  csv: QUOTE_CSV,
};

/**
 * `jiedu quotes [--speaker NAME] [--about TEXT] [--kind K] [filters] [--count [--by F]]`:
 * who said what in the archive, or with --count how many quotes per speaker (or cue, kind,
 * outlet, date).
 */
export async function run(args: CommandArgs, io: Io): Promise<number> {
  const { flags } = args;
  const about = stringFlag(flags, 'about');
  const kind = stringFlag(flags, 'kind') as QuoteQuery['kind'];
  const query: QuoteQuery = {
    ...filterFlags('quotes', flags),
    ...pageFlags('quotes', flags),
    ...(about === undefined ? {} : { about }),
    ...(kind === undefined ? {} : { kind }),
    ...(flags.copies === true ? { copies: true } : {}),
  };
  const format = stringFlag(flags, 'format') ?? 'table';
  return withArchive('quotes', flags, io, (archive) => {
    if (flags.count === true) {
      const by = (stringFlag(flags, 'by') ?? 'speaker') as QuoteGroup;
      printRows(io, format, archive.countQuotes(query, by), countListing(by), 'No quotes match.');
    } else {
      printRows(io, format, archive.quotes(query), QUOTES, 'No quotes match.');
    }
    return EXIT.ok;
  });
}
