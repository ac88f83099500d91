import { STANCE_CSV } from '../store/csv-columns.ts';
import type { StanceGroup, StanceQuery, StanceRow } from '../store/index.ts';
import type { StanceClass } from '../tree/annotations.ts';
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

export const STANCES: Listing<StanceRow> = {
  columns: [
    { header: 'id', align: 'right' },
    { header: 'article', align: 'right' },
    { header: 'date' },
    { header: 'actors', flex: 1, max: 20 },
    { header: 'class' },
    { header: 'cue', max: 8 },
    { header: 'target', flex: 3 },
    { header: 'copies', align: 'right' },
  ],
  cells: (s) => [
    String(s.id),
    String(s.articleId),
    s.date ?? '',
    s.actors.join('、'),
    s.negated ? `not ${s.class}` : s.class,
    s.cue,
    s.target,
    spreadCell(s),
  ],
  csv: STANCE_CSV,
};

/**
 * `jiedu stances [--actor NAME] [--class C] [--about TEXT] [--negated] [filters]
 * [--count [--by F]]`: who stands where in the archive, or with --count how many stances per
 * class (or actor, cue, PLOVER type, target, outlet, date).
 */
export async function run(args: CommandArgs, io: Io): Promise<number> {
  const { flags } = args;
  const actor = stringFlag(flags, 'actor');
  const about = stringFlag(flags, 'about');
  const stanceClass = stringFlag(flags, 'class') as StanceClass | undefined;
  const query: StanceQuery = {
    ...filterFlags('stances', flags),
    ...pageFlags('stances', flags),
    ...(actor === undefined ? {} : { actor }),
    ...(about === undefined ? {} : { about }),
    ...(stanceClass === undefined ? {} : { class: stanceClass }),
    ...(flags.negated === true ? { negated: true } : {}),
    ...(flags.copies === true ? { copies: true } : {}),
  };
  const format = stringFlag(flags, 'format') ?? 'table';
  return withArchive('stances', flags, io, (archive) => {
    if (flags.count === true) {
      const by = (stringFlag(flags, 'by') ?? 'class') as StanceGroup;
      printRows(io, format, archive.countStances(query, by), countListing(by), 'No stances match.');
    } else {
      printRows(io, format, archive.stances(query), STANCES, 'No stances match.');
    }
    return EXIT.ok;
  });
}
