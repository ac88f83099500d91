import { version } from '../version.ts';
import { LISTING_TWINS } from './listing-routes.ts';
import { OPEN_PARSE_LIMITS } from './open-parse.ts';
import {
  DEFAULT_LIMIT,
  ENTITY_TYPES,
  MAX_CSV_ROWS,
  MAX_EDGES,
  MAX_LIMIT,
  MAX_OFFSET,
  MAX_TEXT,
  QUOTE_GROUPS,
  SCRIPTS,
  STANCE_CLASSES,
  STANCE_GROUPS,
} from './params.ts';
import { MAX_BODY } from './read-body.ts';

/**
 * The OpenAPI 3.1 document of the API, served at /openapi.json. The tests validate real
 * responses of every route against its schemas, so it cannot drift from what the server
 * sends. Schemas of jiedu's own rows are closed (no other properties); the article view
 * is open, since it is versioned on its own and may gain fields.
 */

type Schema = Record<string, unknown>;

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const nullable = (type: string): Schema => ({ type: [type, 'null'] });
const array = (items: Schema): Schema => ({ type: 'array', items });
const int = (minimum = 0): Schema => ({ type: 'integer', minimum });
const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

/** A closed object: these properties, all required unless listed as optional. */
function object(properties: Record<string, Schema>, optional: readonly string[] = []): Schema {
  return {
    type: 'object',
    properties,
    required: Object.keys(properties).filter((k) => !optional.includes(k)),
    additionalProperties: false,
  };
}

/** An open object: these properties required (unless optional), others allowed. */
function open(properties: Record<string, Schema>, optional: readonly string[] = []): Schema {
  return { ...object(properties, optional), additionalProperties: true };
}

const RANGE = { start: int(), end: int() };

/** What can change in a compared position. */
const CHANGE_KINDS = ['negated', 'class', 'modality', 'target'];

/** An entity's counts, in the directory and on its page: a story once, unless copies=1. */
const entityCounts = {
  articles: {
    ...int(),
    description: 'The stories that mention it (a story counts once); every article with copies=1.',
  },
  mentions: {
    ...int(),
    description:
      'Its mentions in the first copy of each of those stories; in every article with copies=1.',
  },
};

const SCHEMAS: Record<string, Schema> = {
  Error: object({
    status: { type: 'integer', minimum: 400, maximum: 599 },
    error: { type: 'string', description: 'A short code: bad-request, bad-query, not-found, …' },
    message: { type: 'string' },
  }),
  Health: object({ ok: { const: true } }),
  Range: object(RANGE),
  Snippet: object({
    text: { type: 'string' },
    highlights: { ...array(ref('Range')), description: 'Offsets into `text`.' },
  }),
  Script: { enum: ['traditional', 'simplified', 'mixed', 'unknown'] },
  Encoding: { enum: ['utf-8', 'utf-16le', 'utf-16be', 'big5', 'gb18030'] },
  EntityType: { enum: ENTITY_TYPES },
  StanceClass: { enum: STANCE_CLASSES },
  CountRow: object({ key: { type: 'string' }, count: int() }),
  ArchiveStats: object({
    schemaVersion: int(1),
    documents: int(),
    articles: int(),
    blocks: int(),
    entities: int(),
    mentions: int(),
    quotes: int(),
    stances: int(),
    inputBytes: int(),
    fileBytes: int(),
    firstDate: nullable('string'),
    lastDate: nullable('string'),
    scripts: array(ref('CountRow')),
    outlets: array(ref('CountRow')),
  }),
  SearchHit: object({
    articleId: int(1),
    documentId: int(1),
    headline: { type: 'string' },
    outlet: nullable('string'),
    date: nullable('string'),
    source: { type: 'string' },
    url: nullable('string'),
    script: ref('Script'),
    score: { type: ['number', 'null'], description: 'BM25, higher is better; null without q.' },
    snippet: ref('Snippet'),
    matches: {
      ...array(ref('Range')),
      description: "Every match, as offsets into the document's decoded text.",
    },
    story: { ...int(1), description: "The article's story: the id of its first article." },
    copies: {
      ...int(1),
      description:
        'How many articles its story has (copies in other outlets, encodings or scripts), this one included.',
    },
  }),
  SearchResult: object({
    hits: array(ref('SearchHit')),
    total: {
      ...int(),
      description: 'Every match: stories, or articles with copies=1.',
    },
    limit: int(1),
    offset: int(),
  }),
  StoryArticle: object({
    id: int(1),
    outlet: nullable('string'),
    date: nullable('string'),
    path: { type: 'string', description: 'Where its document came from.' },
  }),
  StoryRow: object({
    story: { ...int(1), description: 'The id of its first article.' },
    headline: { type: 'string', description: "Its first article's headline." },
    copies: int(1),
    outlets: {
      ...array({ type: 'string' }),
      description: 'The outlets that printed it, in the order stored.',
    },
    articles: {
      ...array(ref('StoryArticle')),
      description: 'Its articles in the order stored (the first 1000).',
    },
  }),
  StoryList: object({
    stories: array(ref('StoryRow')),
    total: { ...int(), description: 'Every story the query selects.' },
    limit: int(1),
    offset: int(),
  }),
  StoredDocument: object({
    id: int(1),
    hash: { type: 'string', pattern: '^[0-9a-f]{64}$' },
    source: { type: 'string' },
    outlet: nullable('string'),
    date: nullable('string'),
    url: nullable('string'),
    externalId: nullable('string'),
    bytes: int(),
    encoding: ref('Encoding'),
    script: ref('Script'),
    storedAt: { type: 'string' },
  }),
  ArticleViewBlock: {
    oneOf: [
      open({ type: { const: 'heading' }, text: { type: 'string' }, ...RANGE }),
      open({ type: { const: 'paragraph' }, text: { type: 'string' }, ...RANGE }),
      open({
        type: { const: 'dialogue' },
        speaker: { type: 'string' },
        text: { type: 'string' },
        ...RANGE,
      }),
      open({
        type: { const: 'list-item' },
        level: int(1),
        text: { type: 'string' },
        emphasis: array({ type: 'string' }),
        ...RANGE,
      }),
    ],
  },
  ArticleViewArticle: open(
    {
      headline: { type: 'string' },
      subheadlines: array({ type: 'string' }),
      bylines: array({ type: 'string' }),
      sources: array({ type: 'string' }),
      blocks: array(ref('ArticleViewBlock')),
      captions: array(open({ text: { type: 'string' }, credit: nullable('string'), ...RANGE })),
      ...RANGE,
      entities: array(
        open({
          text: { type: 'string' },
          type: { type: 'string' },
          canonical: { type: 'string' },
          ...RANGE,
        }),
      ),
      quotes: array(
        open({
          speaker: nullable('string'),
          kind: { enum: ['direct', 'reported'] },
          cue: { type: 'string' },
          text: { type: 'string' },
          ...RANGE,
        }),
      ),
      stances: array(
        open({
          actors: array({ type: 'string' }),
          cue: { type: 'string' },
          class: { type: 'string' },
          plover: { type: 'string' },
          target: { type: 'string' },
          negated: { type: 'boolean' },
          modality: array({ type: 'string' }),
          ...RANGE,
        }),
      ),
      dates: array(
        open(
          {
            text: { type: 'string' },
            value: nullable('string'),
            relative: { type: 'boolean' },
            unresolved: { type: 'string' },
            ...RANGE,
          },
          ['unresolved'],
        ),
      ),
      roles: array(open({ person: { type: 'string' }, text: { type: 'string' }, ...RANGE })),
      keywords: array(open({ text: { type: 'string' }, score: { type: 'number' } })),
      summary: array({ type: 'string' }),
    },
    ['entities', 'quotes', 'stances', 'dates', 'roles', 'keywords', 'summary'],
  ),
  ArticleView: {
    ...open({
      version: { type: 'integer', minimum: 2 },
      source: open({
        encoding: ref('Encoding'),
        confidence: { type: 'number' },
        bom: { type: 'boolean' },
        lineEnding: { enum: ['lf', 'crlf', 'cr', 'mixed', 'none'] },
        script: ref('Script'),
        bytes: int(),
        chars: int(),
      }),
      articles: array(ref('ArticleViewArticle')),
    }),
    description:
      'The article view, what `jiedu parse --format json` prints (docs/article-view.md); ' +
      'the annotation fields are there when the page was annotated.',
  },
  StoredArticle: object({
    id: int(1),
    document: ref('StoredDocument'),
    index: int(),
    view: ref('ArticleView'),
    repeats: {
      ...array(ref('RepeatedPassage')),
      description:
        "The article's blocks that repeat, word for word, a block of an earlier article of another story (or of the same page); their quotes and stances that the earlier article has too are counted there, unless copies.",
    },
  }),
  RepeatedPassage: object({
    block: { ...int(), description: "The block's position among the article's blocks, from 0." },
    ...RANGE,
    article: { ...int(1), description: 'The earliest article that printed the passage.' },
  }),
  Repair: {
    ...object({
      kind: { enum: ['join', 'wrap', 'blank-dropped', 'caption-moved'] },
      ...RANGE,
      note: { type: 'string' },
    }),
    description:
      'What the parser changed, as offsets into the decoded text: a line break removed (join, wrap), blank lines inside a paragraph removed (blank-dropped), a caption that cut a paragraph taken out of its way (caption-moved).',
  },
  ArticleResult: object({
    article: ref('StoredArticle'),
    text: { type: 'string', description: "The document's whole decoded text." },
    repairs: array(ref('Repair')),
  }),
  EntityRow: object({
    id: { type: 'string', description: 'TYPE:canonical name, e.g. PER:习近平' },
    type: ref('EntityType'),
    name: { type: 'string' },
    ...entityCounts,
    roles: {
      ...array({ type: 'string' }),
      description: 'Offices pages wrote with its name (外交部发言人), most frequent first.',
    },
  }),
  EntityDetail: object({
    id: { type: 'string' },
    type: ref('EntityType'),
    name: { type: 'string' },
    ...entityCounts,
    names: array({ type: 'string' }),
    roles: array({ type: 'string' }),
  }),
  EntityMention: object(
    {
      articleId: int(1),
      documentId: int(1),
      headline: { type: 'string' },
      date: nullable('string'),
      outlet: nullable('string'),
      snippet: ref('Snippet'),
      copies: {
        ...int(1),
        description:
          'Counted once (its newest copy listed): the copies of its story that mention the entity.',
      },
      outlets: {
        ...int(),
        description: 'Counted once: the outlets of those copies (0: none known).',
      },
    },
    ['copies', 'outlets'],
  ),
  CooccurrenceRow: object({
    id: { type: 'string' },
    type: ref('EntityType'),
    name: { type: 'string' },
    articles: int(1),
  }),
  QuoteRow: object(
    {
      id: int(1),
      articleId: int(1),
      documentId: int(1),
      date: nullable('string'),
      outlet: nullable('string'),
      speakerId: nullable('string'),
      speaker: { type: 'string' },
      kind: { enum: ['direct', 'reported'] },
      cue: { type: 'string' },
      text: { type: 'string' },
      ...RANGE,
      copies: { ...int(1), description: 'Counted once: the copies of its story that carry it.' },
      outlets: {
        ...int(),
        description: 'Counted once: the outlets of those copies (0: none known).',
      },
    },
    ['copies', 'outlets'],
  ),
  StanceRow: object(
    {
      id: int(1),
      articleId: int(1),
      documentId: int(1),
      date: nullable('string'),
      outlet: nullable('string'),
      actorIds: array({ type: 'string' }),
      actors: array({ type: 'string' }),
      cue: { type: 'string' },
      class: ref('StanceClass'),
      plover: { type: 'string' },
      target: { type: 'string' },
      negated: { type: 'boolean' },
      modality: array({ type: 'string' }),
      ...RANGE,
      copies: { ...int(1), description: 'Counted once: the copies of its story that carry it.' },
      outlets: {
        ...int(),
        description: 'Counted once: the outlets of those copies (0: none known).',
      },
    },
    ['copies', 'outlets'],
  ),
  DayCount: object({ date: { type: 'string', pattern: DATE_PATTERN }, count: int(1) }),
  EntityList: object({
    entities: array(ref('EntityRow')),
    total: int(),
    limit: int(1),
    offset: int(),
  }),
  MentionList: object({
    mentions: array(ref('EntityMention')),
    total: { ...int(), description: 'Articles that mention the entity and pass the filters.' },
    limit: int(1),
    offset: int(),
  }),
  CooccurrenceList: object({
    cooccurring: array(ref('CooccurrenceRow')),
    limit: int(1),
    offset: int(),
  }),
  SearchFacets: object({
    outlets: array(ref('CountRow')),
    months: { ...array(ref('CountRow')), description: 'Keys YYYY-MM, newest first.' },
    scripts: array(ref('CountRow')),
    entities: array(object({ type: ref('EntityType'), rows: array(ref('CooccurrenceRow')) })),
    counted: {
      ...int(),
      description: 'How many matches were counted: the newest 5000 at most.',
    },
  }),
  EntityPage: object({
    entity: ref('EntityDetail'),
    mentions: array(ref('EntityMention')),
    cooccurring: array(ref('CooccurrenceRow')),
    quotesBy: array(ref('QuoteRow')),
    quotesAbout: array(ref('QuoteRow')),
    stancesBy: array(ref('StanceRow')),
    stancesAbout: array(ref('StanceRow')),
    timeline: array(ref('DayCount')),
    totals: object({
      mentions: int(),
      quotesBy: int(),
      quotesAbout: int(),
      stancesBy: int(),
      stancesAbout: int(),
    }),
  }),
  Counts: object({ counts: array(ref('CountRow')), limit: int(1), offset: int() }),
  QuoteList: object({
    quotes: array(ref('QuoteRow')),
    total: { ...int(), description: 'Every quote the query selects.' },
    limit: int(1),
    offset: int(),
  }),
  StanceList: object({
    stances: array(ref('StanceRow')),
    total: { ...int(), description: 'Every stance the query selects.' },
    limit: int(1),
    offset: int(),
  }),
  Timeline: object({ days: array(ref('DayCount')) }),
  GraphNode: object({
    id: { type: 'string' },
    name: { type: 'string' },
    type: ref('EntityType'),
    stances: int(1),
  }),
  GraphEdge: object({
    source: { type: 'string' },
    target: { type: 'string' },
    weight: int(1),
    classes: {
      type: 'object',
      propertyNames: ref('StanceClass'),
      additionalProperties: int(1),
    },
  }),
  StanceGraph: object({ nodes: array(ref('GraphNode')), edges: array(ref('GraphEdge')) }),
  ParseResult: object({
    page: ref('ArticleView'),
    text: { type: 'string', description: 'The decoded text every offset indexes.' },
    encoding: ref('Encoding'),
    script: ref('Script'),
    repairs: array(ref('Repair')),
  }),
  ComparedText: object({
    text: { type: 'string' },
    start: int(),
    end: int(),
  }),
  PositionSide: object(
    {
      text: { type: 'string', description: 'The sentence that holds the position.' },
      start: int(),
      end: int(),
      span: { ...object(RANGE), description: "The position's own range." },
      cue: { type: 'string' },
      target: { type: 'string', description: "The stance's target, or the quote's content." },
      negated: { type: 'boolean' },
      modality: array({ type: 'string' }),
    },
    ['cue', 'negated', 'modality'],
  ),
  ComparedPosition: object(
    {
      type: { enum: ['stance', 'quote'] },
      status: { enum: ['same', 'added', 'dropped', 'changed'] },
      change: {
        enum: CHANGE_KINDS,
        description: 'The first of what changed, in the order negated, class, modality, target.',
      },
      changes: array({ enum: CHANGE_KINDS }),
      targetChange: { enum: ['widened', 'narrowed', 'reworded'] },
      modalityAdded: array({ type: 'string' }),
      modalityRemoved: array({ type: 'string' }),
      actors: array({ type: 'string' }),
      class: { type: 'string', description: "A stance's class, or `quote`." },
      target: { type: 'string' },
      a: { oneOf: [ref('PositionSide'), { type: 'null' }] },
      b: { oneOf: [ref('PositionSide'), { type: 'null' }] },
    },
    ['change', 'changes', 'targetChange', 'modalityAdded', 'modalityRemoved'],
  ),
  ComparedSentence: object({
    status: { enum: ['same', 'changed', 'added', 'dropped'] },
    similarity: { type: 'number', minimum: 0, maximum: 1 },
    a: { oneOf: [ref('ComparedText'), { type: 'null' }] },
    b: { oneOf: [ref('ComparedText'), { type: 'null' }] },
  }),
  ComparedStatement: object({
    label: { type: 'string' },
    script: ref('Script'),
    headline: { type: 'string' },
    sentences: int(),
    stances: int(),
    quotes: int(),
  }),
  Comparison: object({
    version: { const: 1 },
    a: ref('ComparedStatement'),
    b: ref('ComparedStatement'),
    summary: object({
      positions: object({ same: int(), changed: int(), added: int(), dropped: int() }),
      sentences: object({ same: int(), changed: int(), added: int(), dropped: int() }),
    }),
    positions: array(ref('ComparedPosition')),
    sentences: array(ref('ComparedSentence')),
  }),
  VersionArticle: object({
    id: int(1),
    outlet: nullable('string'),
    date: nullable('string'),
    path: { type: 'string' },
  }),
  VersionCopy: object({
    id: int(1),
    outlet: nullable('string'),
    date: nullable('string'),
    path: { type: 'string' },
    script: ref('Script'),
    headline: { type: 'string' },
    sentences: object({ same: int(), changed: int(), cut: int(), added: int() }),
    comparison: {
      ...ref('Comparison'),
      description: 'A is the earliest copy, B this one.',
    },
  }),
  StoryVersions: object({
    story: int(1),
    headline: { type: 'string' },
    articles: { ...int(1), description: 'Articles of the story (the first 51 are compared).' },
    earliest: object({
      id: int(1),
      outlet: nullable('string'),
      date: nullable('string'),
      path: { type: 'string' },
      script: ref('Script'),
      headline: { type: 'string' },
      sentences: int(),
    }),
    copies: array(ref('VersionCopy')),
  }),
  OutletComparison: object({
    outlets: array(object({ outlet: { type: 'string' }, quotes: int(), stances: int() })),
    speakers: array(object({ id: { type: 'string' }, name: { type: 'string' }, quotes: int(1) })),
    quotes: array(
      object({ outlet: { type: 'string' }, speaker: { type: 'string' }, count: int(1) }),
    ),
    stances: array(
      object({ outlet: { type: 'string' }, class: ref('StanceClass'), count: int(1) }),
    ),
  }),
  IngestResult: object({
    documentId: int(1),
    created: { type: 'boolean', description: 'False when the same bytes were already stored.' },
    articles: { ...array(int(1)), description: "The document's article ids, in page order." },
  }),
};

/** A query parameter. */
function param(name: string, schema: Schema, description: string, required = false): Schema {
  return { name, in: 'query', required, description, schema };
}

const text = (maxLength = MAX_TEXT): Schema => ({ type: 'string', maxLength });
const date = { type: 'string', pattern: DATE_PATTERN };

const PARAMETERS: Record<string, Schema> = {
  outlet: param('outlet', text(), 'Only documents of this outlet, in either script.'),
  from: param('from', date, 'Publication dates from this day on (inclusive).'),
  to: param('to', date, 'Publication dates up to this day (inclusive).'),
  entity: param(
    'entity',
    text(),
    'Only articles that mention this entity: a canonical name in either script, or an id (PER:习近平).',
  ),
  speaker: param('speaker', text(), 'Only articles that quote this entity.'),
  script: param('script', { enum: SCRIPTS }, 'Only articles of pages in this script.'),
  limit: param(
    'limit',
    { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT },
    'Rows to return.',
  ),
  offset: param(
    'offset',
    { type: 'integer', minimum: 0, maximum: MAX_OFFSET, default: 0 },
    'Rows to skip.',
  ),
};

/** `copies` of the entity directory and an entity's mentions. */
const ENTITY_COPIES = param(
  'copies',
  { enum: ['1', 'true', '0', 'false'], default: '0' },
  "Every copy (1); by default a story counts once: an entity's articles are the stories that mention it, and its mentions are listed one per story (its newest copy, with the copies and outlets that mention it).",
);

/** `copies`: every copy's rows, where a story otherwise counts once. */
const COPIES = param(
  'copies',
  { enum: ['1', 'true', '0', 'false'], default: '0' },
  "Every copy's rows (1); by default a story counts once: a quote or stance its copies repeat is one row, with the copies and outlets that carry it, and the timeline counts a story once a day.",
);

const FILTERS = ['outlet', 'from', 'to', 'entity', 'speaker', 'script'].map((n) => ({
  $ref: `#/components/parameters/${n}`,
}));
const PAGING = ['limit', 'offset'].map((n) => ({ $ref: `#/components/parameters/${n}` }));

const STANCE_PARAMS = [
  param('actor', text(), 'Only stances with this actor (name in either script, or id).'),
  param('class', ref('StanceClass'), 'Only stances of this class.'),
  param('about', text(), 'Only stances whose target contains this text, in either script.'),
  param('negated', { enum: ['1', 'true', '0', 'false'] }, 'Only negated (1) or plain (0) stances.'),
  param(
    'mentioning',
    text(),
    "Only stances whose target mentions this entity (in the entity's newest 1000 articles).",
  ),
];

const ENTITY_PATH_ID: Schema = {
  name: 'id',
  in: 'path',
  required: true,
  description: 'An id (PER:习近平, URL-encoded) or a canonical name in either script.',
  schema: { type: 'string' },
};

/** The filters a list of an entity's articles takes (the entity is the path's). */
const ENTITY_LIST_FILTERS = ['outlet', 'from', 'to', 'speaker', 'script'].map((n) => ({
  $ref: `#/components/parameters/${n}`,
}));

/** A JSON response. */
function ok(schema: string, description: string): Schema {
  return { description, content: { 'application/json': { schema: ref(schema) } } };
}

const ERROR = (description: string): Schema => ({
  description,
  content: { 'application/json': { schema: ref('Error') } },
});

/** The error responses every route may give, and those it adds. */
function errors(...statuses: number[]): Record<string, Schema> {
  const all: Record<number, string> = {
    400: 'Malformed input: a bad number, date, choice or query.',
    401: 'Missing or wrong bearer token.',
    403: 'Ingest is disabled: the server runs without --token.',
    404: 'No such record.',
    413: `Body larger than ${MAX_BODY} bytes.`,
    415: 'Unsupported content type.',
    429: 'Too many requests: wait as long as Retry-After says.',
    503: 'The server is busy, or the request took too long and was stopped.',
  };
  const out: Record<string, Schema> = {};
  for (const s of statuses) out[String(s)] = ERROR(all[s] ?? '');
  out.default = ERROR('Any other error, e.g. 405 for a wrong method or 500.');
  return out;
}

const INPUT_FORMAT_PARAM = param(
  'input-format',
  { enum: ['auto', 'text', 'html'], default: 'auto' },
  'What the page is: text, html, or auto to tell by its content (a document, or a piece of a page in markup, is HTML).',
);

const PAGE_BODY: Schema = {
  required: true,
  description: `The page: raw bytes in any supported encoding (detected), or a form with a \`file\` field. At most ${MAX_BODY} bytes.`,
  content: {
    'text/plain': { schema: { type: 'string' } },
    'application/octet-stream': { schema: { type: 'string', format: 'binary' } },
    'multipart/form-data': {
      schema: {
        type: 'object',
        properties: { file: { type: 'string', format: 'binary' } },
        required: ['file'],
      },
    },
  },
};

const PATHS: Record<string, Schema> = {
  '/healthz': {
    get: {
      operationId: 'health',
      summary: 'The server answers.',
      responses: { 200: ok('Health', 'Always { ok: true }.'), ...errors() },
    },
  },
  '/openapi.json': {
    get: {
      operationId: 'openapi',
      summary: 'This document.',
      responses: {
        200: { description: 'The OpenAPI 3.1 document.', content: { 'application/json': {} } },
      },
    },
  },
  '/api/stats': {
    get: {
      operationId: 'stats',
      summary: 'What the archive holds (figures up to 5 s old: counting takes a while).',
      responses: { 200: ok('ArchiveStats', 'Counts, sizes and dates.'), ...errors() },
    },
  },
  '/api/search': {
    get: {
      operationId: 'search',
      summary: 'Full-text search in either script; best matches first, with snippets.',
      parameters: [
        param(
          'q',
          text(),
          'The query (the CLI query language): words, "phrases", AND, OR, NOT, brackets, prefix*. Absent: every article the filters let through, newest first.',
        ),
        param(
          'sort',
          { enum: ['relevance', 'newest', 'oldest'] },
          'The order: relevance (BM25; the default with q), newest (the default without) or oldest first.',
        ),
        param(
          'copies',
          { enum: ['1', 'true', '0', 'false'], default: '0' },
          'Every copy of a story is a hit (1); by default a story is one hit, its copy that comes first in the order, and total counts stories.',
        ),
        ...FILTERS,
        ...PAGING,
      ],
      responses: { 200: ok('SearchResult', 'A page of hits.'), ...errors(400) },
    },
  },
  '/api/facets': {
    get: {
      operationId: 'facets',
      summary:
        "What a search's matches hold: matching stories (a story's copies once; every article with copies=1) per outlet, month and script, and the entities of each type they mention most.",
      parameters: [param('q', text(), 'The query, as for search.'), ...FILTERS],
      responses: { 200: ok('SearchFacets', 'The facets.'), ...errors(400) },
    },
  },
  '/api/articles/{id}': {
    get: {
      operationId: 'article',
      summary: "One article: its view with annotations, its document's text and repairs.",
      parameters: [
        { name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } },
      ],
      responses: {
        200: ok('ArticleResult', 'The article, the decoded text and the repairs.'),
        ...errors(400, 404),
      },
    },
  },
  '/api/entities': {
    get: {
      operationId: 'entities',
      summary: 'Entities, most written about first.',
      parameters: [
        param('type', ref('EntityType'), 'Only entities of this type.'),
        param('name', text(), 'Only entities whose canonical name contains this.'),
        ...FILTERS.slice(0, 3),
        FILTERS[5] as Schema,
        ENTITY_COPIES,
        ...PAGING,
      ],
      responses: { 200: ok('EntityList', 'A page of entities.'), ...errors(400) },
    },
  },
  '/api/entities/{id}': {
    get: {
      operationId: 'entity',
      summary:
        'One entity: its mentions, co-occurring entities, quotes and stances by and about it, and its mentions per day.',
      parameters: [ENTITY_PATH_ID, COPIES, ...FILTERS, ...PAGING],
      responses: {
        200: ok(
          'EntityPage',
          'The entity page; `limit` and `offset` page every list. quotesAbout, stancesAbout and cooccurring look at the newest 1000 articles of the entity that pass the filters.',
        ),
        ...errors(400, 404),
      },
    },
  },
  '/api/entities/{id}/mentions': {
    get: {
      operationId: 'entityMentions',
      summary:
        'The articles that mention an entity, newest first, with the text around it; a story once (its newest copy), every copy with copies=1.',
      parameters: [ENTITY_PATH_ID, ...ENTITY_LIST_FILTERS, ENTITY_COPIES, ...PAGING],
      responses: { 200: ok('MentionList', 'A page of articles.'), ...errors(400, 404) },
    },
  },
  '/api/entities/{id}/cooccurring': {
    get: {
      operationId: 'entityCooccurring',
      summary: "The entities that share an entity's articles (its newest 1000), most shared first.",
      parameters: [ENTITY_PATH_ID, ...ENTITY_LIST_FILTERS, ...PAGING],
      responses: { 200: ok('CooccurrenceList', 'A page of entities.'), ...errors(400, 404) },
    },
  },
  '/api/quotes': {
    get: {
      operationId: 'quotes',
      summary: 'Who said what, or (with by) how many quotes per group.',
      parameters: [
        param('about', text(), 'Only quotes whose content contains this text, in either script.'),
        param('kind', { enum: ['direct', 'reported'] }, 'Only direct or reported quotes.'),
        param(
          'mentioning',
          text(),
          "Only quotes whose words mention this entity (in the entity's newest 1000 articles).",
        ),
        param('by', { enum: QUOTE_GROUPS }, 'Count quotes per group instead of listing them.'),
        COPIES,
        ...FILTERS,
        ...PAGING,
      ],
      responses: {
        200: {
          description: 'A page of quotes, or the counts with `by`.',
          content: {
            'application/json': { schema: { oneOf: [ref('QuoteList'), ref('Counts')] } },
          },
        },
        ...errors(400),
      },
    },
  },
  '/api/stances': {
    get: {
      operationId: 'stances',
      summary: 'Who stands where, or (with by) how many stances per group.',
      parameters: [
        ...STANCE_PARAMS,
        param('by', { enum: STANCE_GROUPS }, 'Count stances per group instead of listing them.'),
        COPIES,
        ...FILTERS,
        ...PAGING,
      ],
      responses: {
        200: {
          description: 'A page of stances, or the counts with `by`.',
          content: {
            'application/json': { schema: { oneOf: [ref('StanceList'), ref('Counts')] } },
          },
        },
        ...errors(400),
      },
    },
  },
  '/api/stories': {
    get: {
      operationId: 'stories',
      summary:
        'Stories: the copies of one article (other outlets, encodings, scripts, light edits), most copies first.',
      parameters: [
        param(
          'min-copies',
          { type: 'integer', minimum: 1, maximum: 1_000_000, default: 1 },
          'Only stories of at least this many articles.',
        ),
        ...PAGING,
      ],
      responses: { 200: ok('StoryList', 'A page of stories.'), ...errors(400) },
    },
  },
  '/api/stories/{id}': {
    get: {
      operationId: 'storyVersions',
      summary:
        "A story's versions: each copy against the earliest (by date, else the first stored), with the sentences it cut, added and changed and the quotes and stances it dropped, added or changed.",
      parameters: [
        {
          name: 'id',
          in: 'path',
          required: true,
          description: 'Any article of the story.',
          schema: { type: 'integer', minimum: 1 },
        },
      ],
      responses: {
        200: ok('StoryVersions', 'The earliest copy and every other against it.'),
        ...errors(400, 404),
      },
    },
  },
  '/api/outlets': {
    get: {
      operationId: 'outlets',
      summary:
        'Outlets compared for the articles a search selects (q, an entity they mention, the filters): which outlets quote whom, and their stances by class; an outlet counts a story it printed more than once once, unless copies=1.',
      parameters: [
        param('q', text(), 'The query, as for search.'),
        param(
          'outlets',
          { type: 'integer', minimum: 1, maximum: 100, default: 12 },
          'Outlets shown, most quotes and stances first.',
        ),
        param(
          'speakers',
          { type: 'integer', minimum: 1, maximum: 100, default: 10 },
          'Speakers shown, most quoted first.',
        ),
        COPIES,
        ...FILTERS,
      ],
      responses: { 200: ok('OutletComparison', 'The outlets compared.'), ...errors(400) },
    },
  },
  '/api/timeline': {
    get: {
      operationId: 'timeline',
      summary: 'Articles per publication day for a query or an entity.',
      parameters: [param('q', text(), 'The query, as for search.'), COPIES, ...FILTERS],
      responses: {
        200: ok('Timeline', 'Days with at least one article, in order.'),
        ...errors(400),
      },
    },
  },
  '/api/graph': {
    get: {
      operationId: 'graph',
      summary:
        'Actor–actor graph: an edge from a stance actor to each person, organisation or place its target mentions, weighted by stances and counted per class.',
      parameters: [
        ...STANCE_PARAMS,
        param(
          'min',
          { type: 'integer', minimum: 1, default: 1 },
          'Only edges of at least this weight.',
        ),
        COPIES,
        param(
          'limit',
          { type: 'integer', minimum: 1, maximum: MAX_EDGES, default: 200 },
          'Edges to return, heaviest first.',
        ),
        ...FILTERS,
      ],
      responses: { 200: ok('StanceGraph', 'Nodes and edges.'), ...errors(400) },
    },
  },
  '/api/parse': {
    post: {
      operationId: 'parse',
      security: [{}, { bearer: [] }],
      summary: 'Parse (and annotate) a posted page; nothing is stored.',
      description: `Open to all. Without the server's token a request is held to smaller limits: a page of at most ${OPEN_PARSE_LIMITS.maxBytes} bytes, ${OPEN_PARSE_LIMITS.perMinute} pages a minute from one address, one page at a time across all clients, ${OPEN_PARSE_LIMITS.timeLimitMs / 1000} s each. With the token (Authorization: Bearer), the limits of every request apply.`,
      parameters: [
        param(
          'annotate',
          { enum: ['1', 'true', '0', 'false'], default: '1' },
          'Annotate the articles.',
        ),
        param(
          'date',
          date,
          'The page date for relative dates (昨日); else the first full date on the page.',
        ),
        INPUT_FORMAT_PARAM,
      ],
      requestBody: PAGE_BODY,
      responses: {
        200: ok('ParseResult', 'The article view, the decoded text and the repairs.'),
        ...errors(400, 413, 415, 429, 503),
        413: ERROR(
          `Body larger than ${OPEN_PARSE_LIMITS.maxBytes} bytes without the server's token, or ${MAX_BODY} bytes with it.`,
        ),
        429: ERROR(
          `Without the server's token: more than ${OPEN_PARSE_LIMITS.perMinute} pages a minute from one address, or another page is being parsed (one at a time). Wait as long as Retry-After says.`,
        ),
        503: ERROR(
          `The page took longer than ${OPEN_PARSE_LIMITS.timeLimitMs / 1000} s without the server's token (15 s with it) and was stopped, or the server is busy.`,
        ),
      },
    },
  },
  '/api/compare': {
    get: {
      operationId: 'compareArticles',
      summary:
        'Compare two archive articles as statements: sentences aligned, stances and quotes same, added, dropped or changed (negated, class, modality, target).',
      parameters: [
        param('a', { type: 'string', pattern: '^#?\\d{1,16}$' }, 'The first article id (A).', true),
        param(
          'b',
          { type: 'string', pattern: '^#?\\d{1,16}$' },
          'The second article id (B).',
          true,
        ),
      ],
      responses: {
        200: ok('Comparison', 'The comparison, as jiedu compare --format json prints it.'),
        ...errors(400, 404),
      },
    },
    post: {
      operationId: 'compare',
      security: [{}, { bearer: [] }],
      summary:
        'Compare two posted statements (or a posted one and an archive article); nothing is stored.',
      description: `A form with fields \`a\` and \`b\`, each a page (a file or text); a side may be an archive article instead, named by the query parameter of its name. Open to all: without the server's token, the limits of /api/parse apply, the body up to ${2 * OPEN_PARSE_LIMITS.maxBytes} bytes.`,
      parameters: [
        param(
          'a',
          { type: 'string', pattern: '^#?\\d{1,16}$' },
          'A as an archive article, when the form has no `a`.',
        ),
        param(
          'b',
          { type: 'string', pattern: '^#?\\d{1,16}$' },
          'B as an archive article, when the form has no `b`.',
        ),
        INPUT_FORMAT_PARAM,
      ],
      requestBody: {
        required: true,
        content: {
          'multipart/form-data': {
            schema: {
              type: 'object',
              properties: {
                a: { type: 'string', format: 'binary' },
                b: { type: 'string', format: 'binary' },
              },
            },
          },
        },
      },
      responses: {
        200: ok('Comparison', 'The comparison, as jiedu compare --format json prints it.'),
        ...errors(400, 404, 413, 415, 429, 503),
      },
    },
  },
  '/api/ingest': {
    post: {
      operationId: 'ingest',
      summary: 'Parse, annotate and store a posted page (needs the server token).',
      security: [{ bearer: [] }],
      parameters: [
        param('source', text(), 'Where the page came from (default: the file name, or "api").'),
        param('outlet', text(), "The outlet (default: the one the page's byline names)."),
        param('date', date, 'The publication date (default: the first full date on the page).'),
        param('url', text(), 'The page address.'),
        INPUT_FORMAT_PARAM,
      ],
      requestBody: PAGE_BODY,
      responses: {
        200: ok('IngestResult', 'The same bytes were already stored.'),
        201: ok('IngestResult', 'Stored.'),
        ...errors(400, 401, 403, 413, 415),
      },
    },
  },
};

/** The twins of the listings: `/api/X.json` answers as `/api/X`; `/api/X.csv` and the UI
 * views' `/X.csv` answer the same rows as CSV, up to 10000 of them (MAX_CSV_ROWS). */
for (const twin of LISTING_TWINS) {
  const of = (PATHS[twin.of] as { get: Schema & { parameters: Schema[] } }).get;
  if (twin.shape === 'json') {
    PATHS[twin.path] = { get: { ...of, operationId: `${of.operationId}Json` } };
    continue;
  }
  const name = twin.path.split('/').pop() ?? twin.path;
  PATHS[twin.path] = {
    get: {
      ...of,
      operationId: `${of.operationId}${twin.path.startsWith('/api/') ? 'Csv' : 'ViewCsv'}`,
      summary: `${String(of.summary)} As CSV: the columns of the CLI's --format csv.`,
      parameters: of.parameters.map((p) =>
        p.$ref === '#/components/parameters/limit'
          ? param(
              'limit',
              { type: 'integer', minimum: 1, maximum: MAX_CSV_ROWS, default: DEFAULT_LIMIT },
              'Rows to return (as the listing, up to more).',
            )
          : p,
      ),
      responses: {
        200: {
          description: `RFC 4180 CSV with a header row, as an attachment (${name}).`,
          content: { 'text/csv': { schema: { type: 'string' } } },
        },
        ...errors(400),
      },
    },
  };
}
for (const [path, item] of Object.entries(PATHS)) {
  if (!path.endsWith('.json') || path.startsWith('/api/') || path === '/openapi.json') continue;
  const get = (item as { get: Schema }).get;
  PATHS[path] = { get: { ...get, operationId: `${String(get.operationId)}View` } };
}

const queryNames = new Map<string, Set<string>>();

/** The query parameters the document lists for a route: what the server accepts. */
export function queryParameters(path: string, method: string): ReadonlySet<string> {
  const key = `${method} ${path}`;
  let names = queryNames.get(key);
  if (names === undefined) {
    names = new Set();
    const op = (PATHS[path] as Record<string, { parameters?: Schema[] }> | undefined)?.[
      method.toLowerCase()
    ];
    for (const p of op?.parameters ?? []) {
      const ref = typeof p.$ref === 'string' ? p.$ref.split('/').pop() : undefined;
      const resolved = ref === undefined ? p : PARAMETERS[ref];
      if (resolved?.in === 'query' && typeof resolved.name === 'string') names.add(resolved.name);
    }
    queryNames.set(key, names);
  }
  return names;
}

/** The OpenAPI 3.1 document. */
export function buildOpenApi(): Schema {
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'jiedu',
      version: version(),
      description:
        'The jiedu archive over HTTP: search, articles with annotations, entities, quotes, stances, stories, timelines and the actor graph; parse a page without storing it. Every error is JSON { status, error, message }.',
    },
    paths: PATHS,
    components: {
      schemas: SCHEMAS,
      parameters: PARAMETERS,
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    },
  };
}
