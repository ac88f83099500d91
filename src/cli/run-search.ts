import { FACET_CSV, SEARCH_CSV } from '../store/csv-columns.ts';
import type { CountRow, SearchFacets, SearchHit, SearchSort } from '../store/index.ts';
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

/** One group of a facet: what it is, its key, a label to read, how many matches. */
export interface FacetRow {
  facet: string;
  key: string;
  label: string;
  count: number;
}

/** The facets as rows, in the order the UI shows them. */
function facetRows(facets: SearchFacets): FacetRow[] {
  const rows: FacetRow[] = [];
  const add = (facet: string, groups: readonly CountRow[]) => {
    for (const g of groups) rows.push({ facet, key: g.key, label: g.key, count: g.count });
  };
  add('outlet', facets.outlets);
  add('month', facets.months);
  add('script', facets.scripts);
  for (const f of facets.entities) {
    for (const e of f.rows) {
      rows.push({ facet: f.type, key: e.id, label: e.name, count: e.articles });
    }
  }
  return rows;
}

/** `--facets`: facet, group, count. */
const FACETS: Listing<FacetRow> = {
  columns: [
    { header: 'facet' },
    { header: 'group', flex: 2, max: 30 },
    { header: 'articles', align: 'right' },
  ],
  cells: (r) => [r.facet, r.label, String(r.count)],
  csv: FACET_CSV,
};

/**
 * `jiedu search "query" [--db FILE] [filters] [--limit N --offset N] [--format …]`: the
 * archive's articles that match, best first, with snippets in each page's own script.
 */
export async function run(args: CommandArgs, io: Io): Promise<number> {
  const { flags } = args;
  const text = args.positionals.join(' ');
  const sort = stringFlag(flags, 'sort') as SearchSort | undefined;
  const query = {
    text,
    ...filterFlags('search', flags),
    ...pageFlags('search', flags),
    ...(sort === undefined ? {} : { sort }),
    ...(flags.copies === true ? { copies: true } : {}),
  };
  const format = stringFlag(flags, 'format') ?? 'table';
  return withArchive('search', flags, io, (archive) => {
    if (flags.facets === true) {
      printRows(io, format, facetRows(archive.facets(query)), FACETS, 'No articles match.');
      return EXIT.ok;
    }
    const hits = archive.search(query);
    printRows(io, format, hits, HITS, 'No articles match.');
    return EXIT.ok;
  });
}
