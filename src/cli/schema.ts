import { ARCHIVE_COMMANDS, DB_FLAG, ENTITY_LIST_FLAGS, HELP_FLAG } from './archive-commands.ts';
import type { CommandSpec, FlagSpec } from './command-spec.ts';

export type {
  CommandArgs,
  CommandModule,
  CommandSpec,
  FlagSpec,
  FlagValues,
} from './command-spec.ts';

/** Exit codes, as documented in `jiedu --help`. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export const EXIT_CODES_HELP = [
  '0  every input was read and written',
  '1  some inputs failed; each is named on stderr as "path: reason"',
  '2  usage error: unknown command or option, missing or bad value',
];

/** The encodings `--encoding` accepts, with common alternative names. */
const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'big5', 'gb18030'] as const;
const ENCODING_ALIASES = {
  utf8: 'utf-8',
  utf16le: 'utf-16le',
  utf16be: 'utf-16be',
  'big5-hkscs': 'big5',
  big5hkscs: 'big5',
  gbk: 'gb18030',
  gb2312: 'gb18030',
};

/** `--encoding` of a command that reads one input or many (`parse`: "every input"). */
function encodingFlag(what: string): FlagSpec {
  return {
    type: 'string',
    short: 'e',
    value: 'enc',
    choices: ENCODINGS,
    aliases: ENCODING_ALIASES,
    description: `Read ${what} in this encoding instead of detecting it`,
  };
}

/** `--input-format` of the commands that read pages. */
const INPUT_FORMAT_FLAG: FlagSpec = {
  type: 'string',
  value: 'fmt',
  choices: ['auto', 'text', 'html'],
  default: 'auto',
  description:
    'What the pages are: text, html, or auto to tell each by its content (a document, or a piece of a page in markup, is HTML)',
};

/** `--strict` of the commands that read pages. */
const STRICT_FLAG: FlagSpec = {
  type: 'boolean',
  description:
    'Refuse a page with any byte that is not text in its encoding (by default a few are read as U+FFFD, with a warning giving the offset)',
};

/** `--lines` of the commands that read text one item per line. */
const LINES_FLAG: FlagSpec = {
  type: 'string',
  short: 'l',
  value: 'file',
  description: 'The input: a file of lines, or - for standard input',
};

/** Where `serve` and `start` listen. */
const SERVE_FLAGS: Readonly<Record<'host' | 'port', FlagSpec>> = {
  host: {
    type: 'string',
    value: 'H',
    default: '127.0.0.1',
    description: 'The address to listen on; the default reaches this machine only',
  },
  port: {
    type: 'string',
    short: 'p',
    value: 'P',
    default: '8080',
    description: 'The port to listen on; 0 picks a free one',
  },
};

/** Every command, in the order help lists them. */
export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'parse',
    summary: 'Parse news pages into articles: JSON, Markdown, text or HTML',
    usage: '<file|dir|->... [options]',
    description: [
      'Reads raw news pages (UTF-8, UTF-16, Big5 or GB18030; Traditional or Simplified),',
      'repairs their layout and splits them into articles. HTML pages and WARC/WARC.gz web',
      'archives are told by their content, whatever their name: a web page gives its main',
      'text and metadata (date, authors, outlet, URL), a WARC file one page per HTML',
      'response. A directory is read recursively for *.txt, *.html, *.htm, *.warc and',
      '*.warc.gz files, sorted by path; - reads standard input.',
    ].join('\n'),
    positionals: true,
    flags: {
      format: {
        type: 'string',
        short: 'f',
        value: 'fmt',
        choices: ['json', 'md', 'text', 'html'],
        aliases: { markdown: 'md', txt: 'text' },
        default: 'json',
        description: 'Output format: the article view (json), Markdown, plain text or an HTML page',
      },
      tree: {
        type: 'boolean',
        description: 'Print the full page tree with offsets and diagnostics instead (JSON)',
      },
      out: {
        type: 'string',
        short: 'o',
        value: 'dir',
        description:
          'Write one file per input into DIR (same base name, extension by format), ' +
          'atomically; print only a summary on stderr',
      },
      encoding: encodingFlag('every input'),
      'input-format': INPUT_FORMAT_FLAG,
      strict: STRICT_FLAG,
      annotate: {
        type: 'boolean',
        short: 'a',
        description:
          'Add entities, quotes, stances, dates, keywords and a summary to every article',
      },
      'no-ner': {
        type: 'boolean',
        description:
          'With --annotate, leave out the statistical name tagger (on by default): rules and lexicon only, faster, fewer names',
      },
      ner: {
        type: 'boolean',
        description:
          'With --annotate, run the statistical name tagger (the default; kept for old scripts)',
      },
      date: {
        type: 'string',
        value: 'YYYY-MM-DD',
        description:
          'The page date for relative dates (昨日, 上周); else the first full date on the page',
      },
      dict: {
        type: 'string',
        value: 'file',
        description:
          'A user dictionary for --annotate: lines "word [freq] [tag]" or lexicon TSV rows',
      },
      'max-size': {
        type: 'string',
        value: 'MB',
        default: '20',
        description:
          'Fail, unread, any page larger than this (a WARC file: any page record); 1 MB = 1,048,576 bytes',
      },
      'follow-symlinks': {
        type: 'boolean',
        description:
          'Follow links found in a folder to files outside it (not followed by default, reported as failures)',
      },
      help: HELP_FLAG,
    },
    sections: {
      Output: [
        'One file (or -) prints one document: pretty JSON, Markdown, text or HTML.',
        'A directory or several inputs print JSON Lines for json and --tree (one compact',
        'object per input, in input order, each naming its file in source.path); Markdown',
        'and text put a header line before each input (<!-- path --> and ==> path <==).',
        'HTML is one page per input, so several inputs need --out.',
        'With --out, files are named after the input: page.txt → page.json, page.md,',
        'page.txt, page.html or page.tree.json; a directory keeps its sub-folders.',
        'A WARC file prints like a collection, one page per HTML response in record order,',
        "each named file@offset (the record's byte offset) in source.path, with the",
        "record's URI and date in source.url and source.fetched; with --out,",
        'crawl.warc.gz@1234.json. A WARC file is read whole before anything of it is',
        'printed: a bad record fails the file, naming its offset, and none of it is written.',
      ],
    },
    examples: [
      'jiedu parse page.txt',
      'jiedu parse page.txt --format md',
      'jiedu parse pages/ > pages.jsonl',
      'jiedu parse pages/ --format html --out site/',
      'jiedu parse article.html',
      'jiedu parse crawl.warc.gz > crawl.jsonl',
      'cat page.txt | jiedu parse - --tree',
    ],
    load: () => import('./run-parse.ts'),
  },
  {
    name: 'compare',
    summary: 'Compare two statements: their positions same, changed, added or dropped',
    usage: '<a> <b> [options]',
    description: [
      'Compares two statements, each a page file (- for standard input) or an archive',
      'article written #id: both are parsed and annotated (an archive article as stored),',
      'their sentences aligned in order, in either script, and their positions paired:',
      'stances (actors, class, target) and quotes (speaker, content). Each position is',
      'same, added (only in B), dropped (only in A) or changed, and a change is negated,',
      'class, modality (將, 繼續, 應 … added or removed) or target (widened, narrowed or',
      "reworded; a quote's content), given with the sentence that holds it in A and in B.",
    ].join('\n'),
    positionals: true,
    flags: {
      format: {
        type: 'string',
        short: 'f',
        value: 'fmt',
        choices: ['md', 'json', 'html'],
        aliases: { markdown: 'md' },
        default: 'md',
        description:
          'Output format: a Markdown report, the comparison as JSON, or an HTML page with the two side by side',
      },
      db: DB_FLAG,
      'input-format': INPUT_FORMAT_FLAG,
      'no-ner': {
        type: 'boolean',
        description:
          'Annotate the page files without the statistical name tagger: rules and lexicon only',
      },
      help: HELP_FLAG,
    },
    sections: {
      Output: [
        'JSON: {version, a, b, summary, positions, sentences}. Each position has type',
        '(stance or quote), status, change (the first of negated, class, modality, target)',
        'and changes when changed, actors, class (quote for a quote), target, and a and b:',
        'the sentence that holds it, {text, start, end} with offsets into that page, or',
        'null. Each sentence row has status (same, changed, added, dropped), similarity,',
        'a and b. A stance whose actors differ is another position: dropped and added.',
      ],
    },
    examples: [
      'jiedu compare statement-2019.txt statement-2023.txt',
      "jiedu compare '#12' '#40' --db archive.db --format json",
      'jiedu compare before.txt after.txt --format html > changes.html',
    ],
    load: () => import('./run-compare.ts'),
  },
  {
    name: 'start',
    summary: 'Ingest the bundled sample pages into the archive and serve the web UI',
    usage: '[--db FILE] [--host H] [--port P]',
    description: [
      'The npm start job: parses and annotates every page under the samples/ folder that',
      'ships with jiedu, stores them in the archive (jiedu.db in the working folder, or',
      '--db FILE, or $JIEDU_DB; pages already stored are left as they are), then serves',
      'the archive and its web UI as jiedu serve does (read-only) and prints the URL.',
      'Ctrl-C or SIGTERM stops the server.',
    ].join('\n'),
    positionals: false,
    flags: {
      db: {
        ...DB_FLAG,
        description: 'The archive: a file or a postgres:// URL (default: $JIEDU_DB, else jiedu.db)',
      },
      host: SERVE_FLAGS.host,
      port: SERVE_FLAGS.port,
      help: HELP_FLAG,
    },
    load: () => import('./run-start.ts'),
  },
  {
    name: 'serve',
    summary: 'Serve the archive: JSON API, OpenAPI document and web UI over HTTP',
    usage: '[--db FILE|URL] [--host H] [--port P] [--token T]',
    description: [
      'Serves the archive over HTTP until Ctrl-C or SIGTERM: the web UI at /, the JSON API',
      'under /api/ (search, articles, entities, quotes, stances, timeline, graph, parse)',
      'described at /openapi.json, and /healthz. Read-only unless a token is set: then',
      'POST /api/ingest stores pages sent with the header Authorization: Bearer <token>.',
    ].join('\n'),
    positionals: false,
    flags: {
      db: {
        ...DB_FLAG,
        description:
          'The archive to serve: a file or a postgres:// URL (default: $JIEDU_DB, else jiedu.db)',
      },
      ...SERVE_FLAGS,
      token: {
        type: 'string',
        value: 'T',
        description:
          'Open POST /api/ingest to requests bearing this token, 8 characters or more ' +
          '(default: $JIEDU_TOKEN, which keeps it out of the process list); creates the ' +
          'archive if missing',
      },
      help: HELP_FLAG,
    },
    sections: {
      Limits: [
        'Reads and parsing run on reader threads (one per core, at most 4), each request',
        'for at most 15 s (then a 503). Bodies of POST /api/parse and /api/ingest up to',
        '2 MiB (413 beyond); headers within 10 s and a whole request within 30 s; listings',
        'return at most 200 rows a page (the CSV download 10000). POST /api/parse without',
        'the token (the UI page "Paste a page"): pages up to 256 KiB, 30 a minute from one',
        'address, one at a time (429 beyond), 5 s each. Errors are JSON:',
        '{"status", "error", "message"}.',
      ],
    },
    examples: [
      'jiedu serve',
      'jiedu serve --db archive.db --port 3000',
      'JIEDU_TOKEN=$(openssl rand -hex 16) jiedu serve --host 0.0.0.0',
      'curl -sG localhost:8080/api/search --data-urlencode q=合作',
    ],
    load: () => import('./run-serve.ts'),
  },
  {
    name: 'segment',
    summary: 'Cut text into words, one line of space-separated words per input line',
    usage: '--lines <file|-> [options]',
    description: [
      'Reads text one sentence per line (UTF-8, UTF-16, Big5 or GB18030; Traditional,',
      'Simplified or mixed) and prints each line cut into words, separated by single',
      'spaces, in its own script (the SIGHAN bakeoff format); - reads standard input.',
    ].join('\n'),
    positionals: false,
    flags: {
      lines: LINES_FLAG,
      dict: {
        type: 'string',
        short: 'd',
        value: 'file',
        description:
          'Add a user dictionary: lines "word [freq] [tag]" (jieba format) or ' +
          '"name<TAB>type<TAB>aliases<TAB>abbr" (the lexicon format), either script',
      },
      encoding: encodingFlag('the input'),
      help: HELP_FLAG,
    },
    sections: {
      Output: [
        'One line per input line, in input order, empty lines included; whitespace in the',
        'input is not a word. A final line end does not start another line.',
      ],
    },
    examples: [
      'jiedu segment --lines sentences.txt > words.txt',
      'echo 外交部發言人表示中俄關係良好 | jiedu segment --lines -',
      'jiedu segment --lines big5.txt --dict names.tsv',
    ],
    load: () => import('./run-segment.ts'),
  },
  {
    name: 'entities',
    summary: "List the archive's entities, or tag names in text line by line (--lines)",
    usage: '[--lines <file|->] [options]',
    description: [
      'Without --lines: lists the people, places, organisations and works of the archive,',
      'most written about first, with how many articles mention them.',
      'With --lines: reads text one item per line (UTF-8, UTF-16, Big5 or GB18030;',
      'Traditional or Simplified) and tags the names of people (PER), places (LOC,',
      'countries included) and organisations (ORG) with the statistical tagger; - reads',
      'standard input.',
    ].join('\n'),
    positionals: false,
    flags: {
      lines: LINES_FLAG,
      format: {
        type: 'string',
        short: 'f',
        value: 'fmt',
        choices: ['table', 'json', 'jsonl', 'csv'],
        description:
          'Output format (default: jsonl with --lines, which prints only that; else table)',
      },
      encoding: encodingFlag('the input'),
      ...ENTITY_LIST_FLAGS,
      help: HELP_FLAG,
    },
    sections: {
      Output: [
        'Without --lines: a table (or JSON, JSON Lines, CSV) of id, type, name, articles',
        'and mentions; with --count, how many entities of each type. The archive is --db,',
        'else $JIEDU_DB, else jiedu.db in the current folder.',
        'With --lines: one JSON object per input line, in input order, empty lines included:',
        '{"text": "…", "entities": [[start, end, "PER"], …]} with [start, end) offsets in',
        'UTF-16 code units of that line. A final line end does not start another line.',
      ],
    },
    examples: [
      'jiedu entities --type PER --from 2024-01-01',
      'jiedu entities --name 俄 --format csv',
      'jiedu entities --lines sentences.txt > entities.jsonl',
      'echo 國家主席習近平在北京會見俄羅斯總統普京 | jiedu entities --lines -',
    ],
    load: () => import('./run-entities.ts'),
  },
  {
    name: 'ingest',
    summary: 'Read pages into the archive: parse, annotate and store them, once each',
    usage: '<path|glob|->... [options]',
    description: [
      'Reads news pages into the archive: files in any supported encoding, directories',
      '(searched recursively for *.txt, *.html, *.htm, *.warc, *.warc.gz and *.jsonl: a',
      'site dump is a folder of .html files), glob patterns, JSON Lines files (one page per',
      'line: {"text": …} or {"html": …} with optional url, date, outlet, id) and - for',
      'standard input (a page, or JSON Lines when it starts with {). HTML pages and WARC',
      'files are told by their content; each HTML response of a WARC file is one document',
      "(file@offset), with the record's URL, and the date and outlet the page gives. Pages",
      'are parsed and annotated in parallel; a page already in the archive (same SHA-256)',
      'is skipped unread. The archive is a SQLite file or a PostgreSQL database (--db); on',
      'PostgreSQL, --queue leaves parsing and storing to `jiedu worker` processes.',
    ].join('\n'),
    positionals: true,
    flags: {
      db: {
        type: 'string',
        value: 'file|url',
        description:
          'The archive to write to, created if missing: a SQLite file or a postgres:// URL (default: $JIEDU_DB, else jiedu.db)',
      },
      workers: {
        type: 'string',
        short: 'j',
        value: 'n',
        description: 'Worker threads that parse and annotate (default: one per core)',
      },
      'max-size': {
        type: 'string',
        value: 'MB',
        default: '20',
        description: 'Skip, as failed, any page larger than this (1 MB = 1,048,576 bytes)',
      },
      'date-from-path': {
        type: 'boolean',
        description:
          'Take a page date from its path (2024/03/15/a.txt, 20240315.txt) unless a JSONL line gives one',
      },
      'page-time': {
        type: 'string',
        value: 's',
        default: '60',
        description:
          'Fail, as too slow, any page that takes longer than this to parse and annotate; the pages queued behind it go on, and later runs skip it',
      },
      'retry-slow': {
        type: 'boolean',
        description:
          'Parse again the pages an earlier run failed as too slow (skipped otherwise, unless --page-time is longer than it was)',
      },
      'follow-symlinks': {
        type: 'boolean',
        description:
          'Follow links found in a folder to files outside it (not followed by default, reported as failures)',
      },
      'input-format': INPUT_FORMAT_FLAG,
      strict: STRICT_FLAG,
      queue: {
        type: 'boolean',
        description:
          'Only queue the pages (a PostgreSQL --db) for `jiedu worker` processes to parse and store; a page stored or queued already is not queued again',
      },
      'job-timeout': {
        type: 'string',
        value: 's',
        default: '900',
        description:
          "With --queue: how long a queued page may stay with one worker before another is given it (a killed worker's page waits this long)",
      },
      'no-ner': {
        type: 'boolean',
        description:
          'Annotate without the statistical name tagger (on by default): rules and lexicon only, about three times faster, fewer names',
      },
      help: HELP_FLAG,
    },
    sections: {
      Output: [
        'A progress bar on a terminal, else a progress line every 5 seconds, on stderr;',
        'each failed input as "path: reason"; then a summary: stored, already present,',
        'failed, time and rate. Failures are also appended to a log beside the archive',
        '(archive.db → archive.failures.jsonl: time, path, reason).',
        'Each page is stored whole or not at all (a few dozen to a commit): after a crash or',
        'Ctrl-C, run the same command again and every page ends up stored exactly once.',
        'Ctrl-C stores the pages in hand and exits with code 130; a second Ctrl-C drops the',
        'pages still being parsed.',
      ],
    },
    examples: [
      'jiedu ingest pages/ --db archive.db',
      "jiedu ingest 'papers/**/2024-*.txt' --date-from-path",
      'jiedu ingest feed.jsonl --workers 2 --max-size 5',
      'jiedu ingest site-dump/ crawl.warc.gz',
      'cat page.txt | jiedu ingest -',
    ],
    load: () => import('./run-ingest.ts'),
  },
  {
    name: 'worker',
    summary: 'Take queued pages (ingest --queue) off a PostgreSQL queue: parse, annotate, store',
    usage: '--db postgres://… [options]',
    description: [
      'Runs on any number of machines at once, each taking pages that `jiedu ingest --queue`',
      "put on the queue in the archive's PostgreSQL database (pg-boss). Each page is stored",
      'once: a page another worker stored is left alone, and the page of a worker that died',
      '(even by SIGKILL) is given to another when its job times out.',
    ].join('\n'),
    positionals: false,
    flags: {
      db: {
        type: 'string',
        value: 'url',
        description:
          'The archive and its queue: postgres://user:password@host/db (default: $JIEDU_DB)',
      },
      concurrency: {
        type: 'string',
        value: 'n',
        default: '1',
        description: 'Pages parsed and annotated at once (worker threads)',
      },
      'until-idle': {
        type: 'boolean',
        description:
          'Stop when no page is waiting or being worked on (else run until Ctrl-C or SIGTERM)',
      },
      'job-timeout': {
        type: 'string',
        value: 's',
        default: '900',
        description: 'How long a page may stay with one worker before another is given it',
      },
      help: HELP_FLAG,
    },
    examples: [
      'jiedu ingest pages/ --db postgres://jiedu@db/jiedu --queue',
      'jiedu worker --db postgres://jiedu@db/jiedu --concurrency 4',
    ],
    load: () => import('./run-worker.ts'),
  },
  {
    name: 'queue',
    summary: 'How the ingest queue stands: pages waiting, active, done, failed; recent failures',
    usage: '--db postgres://… [options]',
    description:
      'The PostgreSQL ingest queue (ingest --queue, jiedu worker), and its failures log.',
    positionals: false,
    flags: {
      db: {
        type: 'string',
        value: 'url',
        description: 'The archive and its queue (default: $JIEDU_DB)',
      },
      failures: {
        type: 'string',
        value: 'n',
        default: '10',
        description: 'How many of the newest failed pages to list',
      },
      format: {
        type: 'string',
        value: 'fmt',
        choices: ['table', 'json'],
        default: 'table',
        description: 'Output format',
      },
      help: HELP_FLAG,
    },
    examples: ['jiedu queue --db postgres://jiedu@db/jiedu'],
    load: () => import('./run-queue.ts'),
  },
  ...ARCHIVE_COMMANDS,
];

/** Looks a command up by name. */
export function findCommand(name: string): CommandSpec | undefined {
  return COMMANDS.find((c) => c.name === name);
}
