import type { ArchiveStats } from '../store/index.ts';
import { archivePath, shownPath, stringFlag, withArchive } from './archive.ts';
import type { Io } from './io.ts';
import { type CommandArgs, EXIT } from './schema.ts';

const MB = 1024 * 1024;

function size(bytes: number): string {
  return bytes >= MB ? `${(bytes / MB).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} KB`;
}

/** The figures as aligned `label  value` lines. */
function describe(path: string, s: ArchiveStats): string {
  const rows: [string, string][] = [
    ['archive', path],
    ['schema version', String(s.schemaVersion)],
    ['documents', String(s.documents)],
    ['articles', String(s.articles)],
    ['blocks', String(s.blocks)],
    ['entities', String(s.entities)],
    ['mentions', String(s.mentions)],
    ['quotes', String(s.quotes)],
    ['stances', String(s.stances)],
    ['input', size(s.inputBytes)],
    ['on disk', size(s.fileBytes)],
    ['dates', s.firstDate === null ? '–' : `${s.firstDate} … ${s.lastDate}`],
    ['scripts', s.scripts.map((r) => `${r.key} ${r.count}`).join(', ') || '–'],
    ['outlets', s.outlets.map((r) => `${r.key || '(none)'} ${r.count}`).join(', ') || '–'],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${label.padEnd(width)}  ${value}\n`).join('');
}

/** `jiedu stats [--db FILE] [--format table|json]`: what the archive holds. */
export async function run(args: CommandArgs, io: Io): Promise<number> {
  const { flags } = args;
  const format = stringFlag(flags, 'format') ?? 'table';
  return withArchive('stats', flags, io, (archive) => {
    const stats = archive.stats();
    io.stdout.write(
      format === 'json'
        ? `${JSON.stringify(stats, null, 2)}\n`
        : describe(shownPath(archivePath(flags, io), io.cwd), stats),
    );
    return EXIT.ok;
  });
}
