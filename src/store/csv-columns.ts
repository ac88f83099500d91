import { type CsvValue, csvRecord } from '../text/csv.ts';
import type {
  ArticleRecord,
  CooccurrenceRow,
  CountRow,
  DayCount,
  EntityMention,
  EntityRow,
  GraphEdge,
  QuoteRow,
  SearchHit,
  StanceRow,
  StoryRow,
} from './types.ts';

/**
 * The CSV columns of every listing, one definition each: the CLI's `--format csv` and
 * `export`, the server's `.csv` twins of its listings and so the UI's CSV downloads write
 * the same header and row shape, so a spreadsheet built on one reads the others. Column
 * names are snake_case; lists are joined with "; ".
 */
export interface CsvColumns<T> {
  header: readonly string[];
  cells(row: T): CsvValue[];
}

/** A whole CSV document: the header and every row. */
export function csvOf<T>(columns: CsvColumns<T>, rows: Iterable<T>): string {
  let out = csvRecord(columns.header);
  for (const row of rows) out += csvRecord(columns.cells(row));
  return out;
}

/** Search hits; `story` and `copies` last, after the columns the CSV had before stories. */
export const SEARCH_CSV: CsvColumns<SearchHit> = {
  header: [
    'id',
    'document',
    'date',
    'outlet',
    'headline',
    'score',
    'snippet',
    'source',
    'url',
    'story',
    'copies',
  ],
  cells: (hit) => [
    hit.articleId,
    hit.documentId,
    hit.date,
    hit.outlet,
    hit.headline,
    hit.score,
    hit.snippet.text,
    hit.source,
    hit.url,
    hit.story,
    hit.copies,
  ],
};

/** Stories: their articles' ids and the paths of their documents, in the order stored. */
export const STORY_CSV: CsvColumns<StoryRow> = {
  header: ['story', 'headline', 'copies', 'outlets', 'articles', 'paths'],
  cells: (s) => [
    s.story,
    s.headline,
    s.copies,
    s.outlets,
    s.articles.map((a) => a.id),
    s.articles.map((a) => a.path),
  ],
};

export const QUOTE_CSV: CsvColumns<QuoteRow> = {
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
  cells: (q) => [
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

export const STANCE_CSV: CsvColumns<StanceRow> = {
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
  cells: (s) => [
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

/** Entities; `roles` is empty in a bulk export, which does not read them. */
export const ENTITY_CSV: CsvColumns<EntityRow> = {
  header: ['id', 'type', 'name', 'articles', 'mentions', 'roles'],
  cells: (e) => [e.id, e.type, e.name, e.articles, e.mentions, e.roles ?? []],
};

export const ARTICLE_CSV: CsvColumns<ArticleRecord> = {
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
  cells: (a) => [
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

/** The articles that mention an entity (its page's mentions). */
export const MENTION_CSV: CsvColumns<EntityMention> = {
  header: ['article', 'document', 'date', 'outlet', 'headline', 'snippet'],
  cells: (m) => [m.articleId, m.documentId, m.date, m.outlet, m.headline, m.snippet.text],
};

/** The entities that share an entity's articles. */
export const COOCCURRENCE_CSV: CsvColumns<CooccurrenceRow> = {
  header: ['id', 'type', 'name', 'articles'],
  cells: (c) => [c.id, c.type, c.name, c.articles],
};

/** Articles per day. */
export const DAY_CSV: CsvColumns<DayCount> = {
  header: ['date', 'count'],
  cells: (d) => [d.date, d.count],
};

/** The actor graph's edges: who takes how many stances of which class on whom. */
export const EDGE_CSV: CsvColumns<GraphEdge> = {
  header: ['source', 'target', 'weight', 'classes'],
  cells: (e) => [
    e.source,
    e.target,
    e.weight,
    Object.entries(e.classes).map(([cls, n]) => `${cls} ${n}`),
  ],
};

/** A search's facets as rows (`jiedu search --facets`): the facet (outlet, month, script or
 * an entity type), the group's key and readable label, its matching articles. */
export const FACET_CSV: CsvColumns<{ facet: string; key: string; label: string; count: number }> = {
  header: ['facet', 'key', 'label', 'count'],
  cells: (r) => [r.facet, r.key, r.label, r.count],
};

/** Counts by a field (`--count --by F`): the field's name heads the key column. */
export function countCsv(header: string): CsvColumns<CountRow> {
  return { header: [header, 'count'], cells: (row) => [row.key, row.count] };
}
