import type {
  Archive,
  ArchiveFilter,
  ArticleRecord,
  EntityRow,
  QuoteRow,
  StanceRow,
} from '../store/index.ts';
import { filterFlags, stringFlag, withArchive, writeStreamed } from './archive.ts';
import { type CsvValue, csvRecord } from './csv.ts';
import type { Io } from './io.ts';
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

const QUOTES: Export<QuoteRow> = {
  rows: (archive, filter) => archive.exportQuotes(filter),
  header: [
    'id',
    'article',
    'document',
    'date',
    'outlet',
    'speaker_id',
    'speaker',
    'kind',
    'cue',
    'text',
    'start',
    'end',
  ],
  csv: (q) => [
    q.id,
    q.articleId,
    q.documentId,
    q.date,
    q.outlet,
    q.speakerId,
    q.speaker,
    q.kind,
    q.cue,
    q.text,
    q.start,
    q.end,
  ],
};

const STANCES: Export<StanceRow> = {
  rows: (archive, filter) => archive.exportStances(filter),
  header: [
    'id',
    'article',
    'document',
    'date',
    'outlet',
    'actor_ids',
    'actors',
    'class',
    'plover',
    'cue',
    'target',
    'negated',
    'modality',
    'start',
    'end',
  ],
  csv: (s) => [
    s.id,
    s.articleId,
    s.documentId,
    s.date,
    s.outlet,
    s.actorIds,
    s.actors,
    s.class,
    s.plover,
    s.cue,
    s.target,
    s.negated,
    s.modality,
    s.start,
    s.end,
  ],
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
