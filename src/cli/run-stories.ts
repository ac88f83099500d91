import { STORY_CSV } from '../store/csv-columns.ts';
import type { StoryQuery, StoryRow } from '../store/index.ts';
import { intFlag, type Listing, pageFlags, printRows, stringFlag, withArchive } from './archive.ts';
import { UsageError } from './args.ts';
import type { Io } from './io.ts';
import { type CommandArgs, EXIT } from './schema.ts';

/** How stories print: a table of story, copies, headline and outlets, or rows. */
export const STORIES: Listing<StoryRow> = {
  columns: [
    { header: 'story', align: 'right' },
    { header: 'copies', align: 'right' },
    { header: 'headline', flex: 2, max: 40 },
    { header: 'outlets', flex: 3 },
  ],
  cells: (s) => [String(s.story), String(s.copies), s.headline, s.outlets.join('、')],
  csv: STORY_CSV,
};

/**
 * `jiedu stories [--db FILE] [--min-copies N] [--limit N --offset N] [--format …]`: the
 * stories of the archive, most copies first, each with its articles.
 */
export async function run(args: CommandArgs, io: Io): Promise<number> {
  const { flags } = args;
  const minCopies = intFlag('stories', flags, 'min-copies');
  if (minCopies === 0) throw new UsageError('--min-copies must be 1 or more', 'stories');
  const query: StoryQuery = {
    ...pageFlags('stories', flags),
    ...(minCopies === undefined ? {} : { minCopies }),
  };
  const format = stringFlag(flags, 'format') ?? 'table';
  return withArchive('stories', flags, io, (archive) => {
    printRows(io, format, archive.stories(query), STORIES, 'No stories match.');
    return EXIT.ok;
  });
}
