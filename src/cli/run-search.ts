import { SEARCH_CSV } from '../store/csv-columns.ts';
import type { SearchHit } from '../store/index.ts';
import {
  filterFlags,
  type Listing,
  pageFlags,
  printRows,
  stringFlag,
  withArchive,
} from './archive.ts';
import type { Io } from './io.ts';
import { type CommandArgs, EXIT } from './schema.ts';

/** How search results print: a table of id, date, outlet, headline and snippet, or rows. */
export const HITS: Listing<SearchHit> = {
  columns: [
    { header: 'id', align: 'right' },
    { header: 'date' },
    { header: 'outlet', flex: 1, max: 12 },
    { header: 'headline', flex: 2, max: 40 },
    { header: 'snippet', flex: 4 },
  ],
  cells: (hit) => [
    String(hit.articleId),
    hit.date ?? '',
    hit.outlet ?? '',
    hit.headline,
    { text: hit.snippet.text, highlights: hit.snippet.highlights },
  ],
  csv: SEARCH_CSV,
};

/**
 * `jiedu search "query" [--db FILE] [filters] [--limit N --offset N] [--format …]`: the
 * archive's articles that match, best first, with snippets in each page's own script.
 */
export async function run(args: CommandArgs, io: Io): Promise<number> {
  const { flags } = args;
  const text = args.positionals.join(' ');
  const query = {
    text,
    ...filterFlags('search', flags),
    ...pageFlags('search', flags),
  };
  const format = stringFlag(flags, 'format') ?? 'table';
  return withArchive('search', flags, io, (archive) => {
    const hits = archive.search(query);
    printRows(io, format, hits, HITS, 'No articles match.');
    return EXIT.ok;
  });
}
