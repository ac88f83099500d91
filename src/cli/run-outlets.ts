import type { OutletComparison } from '../store/index.ts';
import {
  filterFlags,
  intFlag,
  stringFlag,
  terminalWidth,
  useColor,
  withArchive,
} from './archive.ts';
import { UsageError } from './args.ts';
import type { Io } from './io.ts';
import { type CommandArgs, EXIT } from './schema.ts';
import { renderTable } from './table.ts';

/** One outlet's row of the table. */
interface OutletLine {
  outlet: string;
  quotes: number;
  stances: number;
  speakers: string;
  classes: string;
}

/** The comparison as one row per outlet: whom it quotes and its stances, most first. */
function lines(c: OutletComparison): OutletLine[] {
  const names = new Map(c.speakers.map((s) => [s.id, s.name]));
  return c.outlets.map((o) => ({
    ...o,
    speakers: c.quotes
      .filter((q) => q.outlet === o.outlet)
      .map((q) => `${names.get(q.speaker) ?? q.speaker} ${q.count}`)
      .join('、'),
    classes: c.stances
      .filter((s) => s.outlet === o.outlet)
      .map((s) => `${s.class} ${s.count}`)
      .join(', '),
  }));
}

function shown(flags: CommandArgs['flags'], name: string): number | undefined {
  const n = intFlag('outlets', flags, name);
  if (n !== undefined && (n < 1 || n > 100)) {
    throw new UsageError(`--${name} must be from 1 to 100, not ${n}`, 'outlets');
  }
  return n;
}

/**
 * `jiedu outlets [query] [filters] [--copies] [--format table|json]`: which outlets quote
 * whom, and their stances by class, for the articles a search selects.
 */
export async function run(args: CommandArgs, io: Io): Promise<number> {
  const { flags } = args;
  const text = args.positionals.join(' ').trim();
  const outlets = shown(flags, 'outlets');
  const speakers = shown(flags, 'speakers');
  const query = {
    ...filterFlags('outlets', flags),
    ...(text === '' ? {} : { text }),
    ...(flags.copies === true ? { copies: true } : {}),
    ...(outlets === undefined ? {} : { outlets }),
    ...(speakers === undefined ? {} : { speakers }),
  };
  const format = stringFlag(flags, 'format') ?? 'table';
  return withArchive('outlets', flags, io, (archive) => {
    const found = archive.compareOutlets(query);
    if (format === 'json') {
      io.stdout.write(`${JSON.stringify(found, null, 2)}\n`);
      return EXIT.ok;
    }
    const rows = lines(found);
    if (rows.length === 0) {
      io.stderr.write('No outlet has quotes or stances here.\n');
      return EXIT.ok;
    }
    io.stdout.write(
      renderTable(
        [
          { header: 'outlet', max: 16 },
          { header: 'quotes', align: 'right' },
          { header: 'stances', align: 'right' },
          { header: 'quotes whom', flex: 2 },
          { header: 'stances by class', flex: 2 },
        ],
        rows.map((l) => [l.outlet, String(l.quotes), String(l.stances), l.speakers, l.classes]),
        { width: terminalWidth(io), color: useColor(io) },
      ),
    );
    return EXIT.ok;
  });
}
