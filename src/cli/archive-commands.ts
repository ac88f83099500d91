import type { CommandSpec, FlagSpec } from './command-spec.ts';

/**
 * The flag schemas of the commands that read the archive. Kept apart from their code (and
 * free of imports that load SQLite), so `jiedu --help` stays cheap: each command's module
 * loads only when it runs.
 */

/** `--help`, on every command. */
export const HELP_FLAG: FlagSpec = { type: 'boolean', short: 'h', description: 'Show this help' };

/** `--copies` of the quote and stance listings. */
const EVERY_COPY: FlagSpec = {
  type: 'boolean',
  description:
    "List every copy's rows (by default a story counts once: a quote or stance that copies of one article repeat, in other outlets, encodings or scripts, is one row, with the copies and outlets that carry it)",
};

/** Where the archive is, for every command that reads it. */
export const DB_FLAG: FlagSpec = {
  type: 'string',
  value: 'file|url',
  description:
    'The archive: a SQLite file or a postgres:// URL (default: $JIEDU_DB, else jiedu.db in the current folder)',
};

const OUTLET: FlagSpec = {
  type: 'string',
  value: 'name',
  description: 'Only documents of this outlet, in either script',
};
const FROM: FlagSpec = {
  type: 'string',
  value: 'YYYY-MM-DD',
  description: 'Only documents dated this day or later',
};
const TO: FlagSpec = {
  type: 'string',
  value: 'YYYY-MM-DD',
  description: 'Only documents dated this day or earlier',
};
const ENTITY: FlagSpec = {
  type: 'string',
  value: 'name',
  description: 'Only articles that mention this entity: a canonical name (either script) or an id',
};
const SPEAKER: FlagSpec = {
  type: 'string',
  value: 'name',
  description: 'Only articles that quote this speaker: a canonical name (either script) or an id',
};
const SCRIPT: FlagSpec = {
  type: 'string',
  value: 'script',
  choices: ['traditional', 'simplified', 'mixed', 'unknown'],
  description: 'Only articles of pages in this script',
};
const LIMIT: FlagSpec = {
  type: 'string',
  short: 'n',
  value: 'n',
  description: 'Show at most N rows (default: 20)',
};
const OFFSET: FlagSpec = {
  type: 'string',
  value: 'n',
  description: 'Skip the first N rows (default: 0)',
};
const COUNT: FlagSpec = {
  type: 'boolean',
  short: 'c',
  description: 'Print counts per group instead of rows',
};

function format(choices: readonly string[], fallback: string): FlagSpec {
  return {
    type: 'string',
    short: 'f',
    value: 'fmt',
    choices,
    default: fallback,
    description:
      'Output format: a table fitted to the terminal, pretty JSON, JSON Lines or CSV (RFC 4180)',
  };
}

const LISTING_FORMAT = format(['table', 'json', 'jsonl', 'csv'], 'table');

const ARCHIVE_SECTION = [
  'The archive is --db FILE, else the file named by $JIEDU_DB, else jiedu.db in the',
  'current folder; jiedu ingest fills it. Names (outlets, entities, speakers, actors)',
  'match in either script: 習近平 finds 习近平.',
];

const STANCE_CLASSES = [
  'support',
  'oppose',
  'concern',
  'demand',
  'appeal',
  'praise',
  'agree',
  'meet',
  'criticize',
  'thank',
  'welcome',
  'congratulate',
  'cooperate',
  'reject',
] as const;

/** The flags `jiedu entities` takes to list the archive instead of tagging --lines. */
export const ENTITY_LIST_FLAGS: Readonly<Record<string, FlagSpec>> = {
  db: DB_FLAG,
  type: {
    type: 'string',
    short: 't',
    value: 'type',
    choices: ['PER', 'ORG', 'LOC', 'WORK', 'EVENT', 'DATE'],
    aliases: { per: 'PER', org: 'ORG', loc: 'LOC', work: 'WORK', event: 'EVENT', date: 'DATE' },
    description: 'List only entities of this type',
  },
  name: {
    type: 'string',
    value: 'text',
    description: 'List only entities whose canonical name contains this, either script',
  },
  outlet: OUTLET,
  from: FROM,
  to: TO,
  script: SCRIPT,
  count: { type: 'boolean', short: 'c', description: 'Print how many entities of each type' },
  copies: {
    type: 'boolean',
    description:
      "Count every copy of a story (by default a story counts once: an entity's articles are the stories that mention it, its mentions those of the first copy of each)",
  },
  limit: LIMIT,
  offset: OFFSET,
};

/** search, show, quotes, stances, stories, export and stats, in the order help lists them. */
export const ARCHIVE_COMMANDS: readonly CommandSpec[] = [
  {
    name: 'search',
    summary: 'Search the archive in either script; best matches first, with snippets',
    usage: '<query...> [options]',
    description: [
      'Finds the articles of the archive that match a query, ranked by BM25, each with a',
      "snippet in its page's own script and the matches highlighted. Traditional and",
      'Simplified find each other; a word is found wherever its characters occur, inside',
      'longer words too (近平 finds 習近平); one character works as well.',
    ].join('\n'),
    positionals: true,
    flags: {
      db: DB_FLAG,
      outlet: OUTLET,
      from: FROM,
      to: TO,
      entity: ENTITY,
      speaker: SPEAKER,
      script: SCRIPT,
      sort: {
        type: 'string',
        value: 'order',
        choices: ['relevance', 'newest', 'oldest'],
        description:
          'The order: relevance (BM25; the default with a query), newest (the default without) or oldest first',
      },
      facets: {
        type: 'boolean',
        description:
          'Print what the matches hold instead: stories per outlet, month and script (every copy with --copies), and the entities of each type they mention most',
      },
      copies: {
        type: 'boolean',
        description:
          'List every copy of a story (by default the copies of one article, in other outlets, encodings or scripts, are one hit: the copy that comes first)',
      },
      limit: LIMIT,
      offset: OFFSET,
      format: LISTING_FORMAT,
      help: HELP_FLAG,
    },
    sections: {
      Query: [
        'Words side by side must all occur (AND); OR, NOT and ( ) combine them, in capitals;',
        '"quoted words" must occur together in that order; a trailing * matches a prefix:',
        'covid* finds covid19, 中俄* finds 中俄關係 but not 中俄 at the end of a sentence.',
        'A query of filters alone lists the articles they let through, newest first.',
        'A broad query is ranked among its 1,000 newest matches, which keeps it fast.',
        'A story counts once: each hit says how many copies its story has (copies in',
        'JSON and CSV); --copies lists them all.',
        'At most 32 different words and phrases and brackets 16 deep; a word repeated is',
        'searched once; a run of Chinese over 64 characters is searched by its first 64.',
      ],
      Archive: ARCHIVE_SECTION,
    },
    examples: [
      'jiedu search 習近平 普京',
      'jiedu search \'"睦鄰友好" OR 戰略協作\' --from 2024-01-01',
      'jiedu search 制裁 NOT 美國 --outlet 新華社 --format json',
      'jiedu search --speaker 王毅 --limit 50 --format csv > wang-yi.csv',
      'jiedu search 關稅 --sort newest --script traditional',
      'jiedu search 制裁 --facets',
      'jiedu search 關稅 --copies --format jsonl',
    ],
    load: () => import('./run-search.ts'),
  },
  {
    name: 'show',
    summary: 'Print one article of the archive as Markdown or JSON',
    usage: '<id> [options]',
    description: [
      'Prints the article with this id (jiedu search shows ids) as Markdown, or as JSON:',
      'its document, and its article view with entities, quotes, stances, dates, keywords',
      'and summary.',
    ].join('\n'),
    positionals: true,
    flags: {
      db: DB_FLAG,
      format: {
        type: 'string',
        short: 'f',
        value: 'fmt',
        choices: ['md', 'json'],
        aliases: { markdown: 'md' },
        default: 'md',
        description: 'Output format: Markdown or JSON',
      },
      help: HELP_FLAG,
    },
    sections: { Archive: ARCHIVE_SECTION },
    examples: ['jiedu show 42', 'jiedu show 42 --format json'],
    load: () => import('./run-show.ts'),
  },
  {
    name: 'quotes',
    summary: 'List who said what in the archive, or count quotes per speaker',
    usage: '[options]',
    description: [
      'Lists the quotes of the archive (direct and reported) in the order they were',
      "stored: speaker, cue verb and what was said, in the page's own script.",
    ].join('\n'),
    positionals: false,
    flags: {
      db: DB_FLAG,
      speaker: {
        type: 'string',
        value: 'name',
        description: 'Only quotes by this speaker: a canonical name (either script) or an id',
      },
      about: {
        type: 'string',
        value: 'text',
        description: 'Only quotes that contain this text, in either script',
      },
      kind: {
        type: 'string',
        value: 'kind',
        choices: ['direct', 'reported'],
        description: 'Only direct (「…」) or reported (X表示…) quotes',
      },
      entity: ENTITY,
      outlet: OUTLET,
      from: FROM,
      to: TO,
      script: SCRIPT,
      count: COUNT,
      by: {
        type: 'string',
        value: 'field',
        choices: ['speaker', 'cue', 'kind', 'outlet', 'date'],
        default: 'speaker',
        description: 'With --count: what to count by',
      },
      copies: EVERY_COPY,
      limit: LIMIT,
      offset: OFFSET,
      format: LISTING_FORMAT,
      help: HELP_FLAG,
    },
    sections: { Archive: ARCHIVE_SECTION },
    examples: [
      'jiedu quotes --speaker 王毅 --from 2024-01-01',
      'jiedu quotes --about 制裁 --format csv > quotes.csv',
      'jiedu quotes --count --limit 10',
    ],
    load: () => import('./run-quotes.ts'),
  },
  {
    name: 'stances',
    summary: 'List who stands where in the archive, or count stances by class or actor',
    usage: '[options]',
    description: [
      'Lists the stances of the archive in the order they were stored: the actors, the',
      'class (support, oppose, …), the cue verb and what the stance is about.',
    ].join('\n'),
    positionals: false,
    flags: {
      db: DB_FLAG,
      actor: {
        type: 'string',
        value: 'name',
        description: 'Only stances with this actor: a canonical name (either script) or an id',
      },
      class: {
        type: 'string',
        value: 'class',
        choices: STANCE_CLASSES,
        description: 'Only stances of this class',
      },
      about: {
        type: 'string',
        value: 'text',
        description: 'Only stances whose target contains this text, in either script',
      },
      negated: { type: 'boolean', description: 'Only negated stances (不支持, 不會接受)' },
      entity: ENTITY,
      speaker: SPEAKER,
      outlet: OUTLET,
      from: FROM,
      to: TO,
      script: SCRIPT,
      count: COUNT,
      by: {
        type: 'string',
        value: 'field',
        choices: ['class', 'actor', 'cue', 'plover', 'target', 'outlet', 'date'],
        default: 'class',
        description: 'With --count: what to count by',
      },
      copies: EVERY_COPY,
      limit: LIMIT,
      offset: OFFSET,
      format: LISTING_FORMAT,
      help: HELP_FLAG,
    },
    sections: { Archive: ARCHIVE_SECTION },
    examples: [
      'jiedu stances --actor 俄羅斯 --class oppose --about 制裁',
      'jiedu stances --actor 中國 --count --by class',
      'jiedu stances --about 南海 --count --by actor --format csv',
    ],
    load: () => import('./run-stances.ts'),
  },
  {
    name: 'stories',
    summary: "List the archive's stories: an article and its copies, most copies first",
    usage: '[options]',
    description: [
      'Lists the stories of the archive, most copies first: the articles that are copies',
      'of one another (the same wire copy in other outlets, other encodings or scripts,',
      'lightly edited: a paragraph cut, a headline reworded), found when they were stored.',
      'A story is known by the id of its first article.',
    ].join('\n'),
    positionals: false,
    flags: {
      db: DB_FLAG,
      'min-copies': {
        type: 'string',
        value: 'n',
        description: 'Only stories of at least N articles (default: 1, every story)',
      },
      story: {
        type: 'string',
        value: 'id',
        description:
          "Show one story's versions instead: each copy against the earliest, the sentences it cut, added and changed, and the quotes and stances it dropped, added or changed (the story of any of its articles; table or json)",
      },
      limit: LIMIT,
      offset: OFFSET,
      format: LISTING_FORMAT,
      help: HELP_FLAG,
    },
    sections: {
      Output: [
        'A table (or JSON, JSON Lines, CSV) of story, copies, headline (its first',
        "article's) and outlets; JSON rows also give each article's id, outlet, date and",
        'path (where its document came from), CSV its ids and paths.',
        'With --story: the earliest copy (by date, else the first stored), then each other',
        'copy with its counts and the sentences it cut (-), added (+) and changed (~); JSON',
        "gives each copy's full comparison, as jiedu compare --format json prints it.",
      ],
      Archive: ARCHIVE_SECTION,
    },
    examples: [
      'jiedu stories --min-copies 2',
      'jiedu stories --format json --limit 5',
      'jiedu stories --min-copies 3 --format csv > copied.csv',
      'jiedu stories --story 12',
    ],
    load: () => import('./run-stories.ts'),
  },
  {
    name: 'outlets',
    summary: 'Compare outlets: which quote whom, and their stances by class',
    usage: '[query...] [options]',
    description: [
      'For the articles a search selects (words of the query language, an entity they',
      'mention, the other filters): the outlets that printed most quotes and stances, whom',
      'each quotes and how often, and how many stances of each class each printed. An',
      'outlet that printed a story more than once counts its quotes and stances once.',
    ].join('\n'),
    positionals: true,
    flags: {
      db: DB_FLAG,
      entity: ENTITY,
      outlet: OUTLET,
      from: FROM,
      to: TO,
      speaker: SPEAKER,
      script: SCRIPT,
      copies: {
        type: 'boolean',
        description: "Count every copy's quotes and stances, an outlet's reprints included",
      },
      outlets: {
        type: 'string',
        value: 'n',
        default: '12',
        description: 'Outlets shown, most quotes and stances first (1–100)',
      },
      speakers: {
        type: 'string',
        value: 'n',
        default: '10',
        description: 'Speakers shown, most quoted first (1–100)',
      },
      format: format(['table', 'json'], 'table'),
      help: HELP_FLAG,
    },
    sections: {
      Output: [
        'A table: each outlet with its quotes and stances, the speakers it quotes (of the',
        'most quoted) and its stances by class. JSON: {outlets, speakers, quotes, stances},',
        'as GET /api/outlets answers.',
      ],
      Archive: ARCHIVE_SECTION,
    },
    examples: ['jiedu outlets --entity 普京', 'jiedu outlets 制裁 --from 2024-01-01 --format json'],
    load: () => import('./run-outlets.ts'),
  },
  {
    name: 'export',
    summary: "Write the archive's articles, quotes, stances or entities: JSONL or CSV",
    usage: '[options]',
    description: [
      'Streams one kind of record of the archive to standard output, in id order: JSON',
      'Lines (one object per line) or CSV with a header row. Articles carry their reader',
      'text, one block a line, with their entities and keywords.',
    ].join('\n'),
    positionals: false,
    flags: {
      db: DB_FLAG,
      what: {
        type: 'string',
        short: 'w',
        value: 'kind',
        choices: ['articles', 'quotes', 'stances', 'entities'],
        default: 'articles',
        description: 'What to export',
      },
      format: {
        type: 'string',
        short: 'f',
        value: 'fmt',
        choices: ['jsonl', 'csv'],
        default: 'jsonl',
        description: 'Output format: JSON Lines or CSV (RFC 4180)',
      },
      outlet: OUTLET,
      from: FROM,
      to: TO,
      entity: ENTITY,
      speaker: SPEAKER,
      script: SCRIPT,
      help: HELP_FLAG,
    },
    sections: {
      Archive: [
        ...ARCHIVE_SECTION,
        'The filters apply to articles, quotes and stances, not entities.',
      ],
    },
    examples: [
      'jiedu export > articles.jsonl',
      'jiedu export --what quotes --format csv --from 2024-01-01 > quotes.csv',
    ],
    load: () => import('./run-export.ts'),
  },
  {
    name: 'stats',
    summary: 'Show what the archive holds: documents, articles, annotations, size',
    usage: '[options]',
    description:
      'Counts the documents, articles, blocks, entities, mentions, quotes and stances of the archive, its size, dates, scripts and largest outlets.',
    positionals: false,
    flags: {
      db: DB_FLAG,
      format: {
        type: 'string',
        short: 'f',
        value: 'fmt',
        choices: ['table', 'json'],
        default: 'table',
        description: 'Output format: aligned lines or JSON',
      },
      help: HELP_FLAG,
    },
    sections: { Archive: ARCHIVE_SECTION },
    examples: ['jiedu stats', 'JIEDU_DB=archive.db jiedu stats --format json'],
    load: () => import('./run-stats.ts'),
  },
];
