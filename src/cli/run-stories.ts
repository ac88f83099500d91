import { storyVersions, versionsText } from '../compare/index.ts';
import { STORY_CSV } from '../store/csv-columns.ts';
import type { StoryQuery, StoryRow } from '../store/index.ts';
import {
  archivePath,
  intFlag,
  type Listing,
  pageFlags,
  printRows,
  stringFlag,
  withArchive,
} from './archive.ts';
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
  const story = intFlag('stories', flags, 'story');
  if (story !== undefined) return showVersions(story, format, args, io);
  return withArchive('stories', flags, io, (archive) => {
    printRows(io, format, archive.stories(query), STORIES, 'No stories match.');
    return EXIT.ok;
  });
}

/** `--story ID`: the versions of the story of article ID, as text or JSON. */
function showVersions(id: number, format: string, args: CommandArgs, io: Io): Promise<number> {
  if (format !== 'table' && format !== 'json') {
    throw new UsageError(`--story prints a table or json, not ${format}`, 'stories');
  }
  return withArchive('stories', args.flags, io, (archive) => {
    const story = archive.getStory(id);
    const versions =
      story === undefined ? undefined : storyVersions(story, (a) => archive.articlePage(a));
    if (versions === undefined) {
      io.stderr.write(`jiedu stories: no article ${id} in ${archivePath(args.flags, io)}\n`);
      return EXIT.failed;
    }
    io.stdout.write(
      format === 'json' ? `${JSON.stringify(versions, null, 2)}\n` : versionsText(versions),
    );
    return EXIT.ok;
  });
}
