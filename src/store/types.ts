import type { EntityType, StanceClass } from '../tree/annotations.ts';
import type { ArticleView } from '../tree/article-view.ts';
import type { Encoding, PageNode, Range, Script } from '../tree/types.ts';
import type { Sketch, StoryPrint } from './minhash.ts';

/**
 * The archive's contract. The rest of jiedu sees this interface, never SQL, so a
 * PostgreSQL implementation can follow without touching callers. SQLite
 * (better-sqlite3) is the embedded default.
 */

/**
 * What finding an article's story needs of the article itself, computed from its text alone
 * (story-input.ts): its print, band keys and sketch (minhash.ts).
 */
export interface StoryInput {
  print: StoryPrint;
  /** Its BANDS band keys; none when the article is too short to be compared. */
  keys: number[];
  /** Null when the article is too short to be compared. */
  sketch: Sketch | null;
}

/** What a writer computes from each article before storing it, computed beforehand. */
export interface PreparedArticle {
  /** The article's text in Simplified, one block a line: what the search index and the
   * story are built from. */
  simplified: string;
  story: StoryInput;
  /** Milliseconds computing `story` took (reported with the writer's, see StoryTime). */
  storyMs: number;
}

/** One parsed and annotated page, ready to be stored. */
export interface DocumentInput {
  /** SHA-256 (hex) of the input bytes: storing the same bytes twice is a no-op. */
  hash: string;
  /** Where it came from: a path, a URL, `-`, or `file.jsonl:LINE`. */
  source: string;
  /** Outlet (媒體), when known from the input (JSONL `outlet`) or the page. */
  outlet?: string;
  /** Publication date, YYYY-MM-DD, when known. */
  date?: string;
  url?: string;
  /** An id the input gave (JSONL `id`). */
  externalId?: string;
  /** Size of the input in bytes. */
  bytes: number;
  /** The page: parsed, annotated (its `text` is the decoded text). */
  page: PageNode;
  /** What the writer computes from each article (its Simplified text, its story print),
   * computed beforehand by `prepareArticles(page)`, one per article in page order (an
   * ingest worker does it beside parsing): the writer then does not. It must be what
   * prepareArticles gives for this page. */
  prepared?: readonly PreparedArticle[];
}

/** Result of storing a document. */
export interface PutResult {
  documentId: number;
  /** False when a document with the same hash was already stored. */
  created: boolean;
}

/** The archive. */
export interface Store {
  /** Whether a document with this content hash is stored. */
  hasDocument(hash: string): boolean;
  /** Stores a document with its articles, blocks, entities, mentions, quotes and stances in
   * one transaction; a document already stored (same hash) is left as it is. */
  putDocument(doc: DocumentInput): PutResult;
  /**
   * Optional: stores several documents in one commit, each all or nothing on its own (a
   * savepoint each), in order, with a result or an error for each; throws only when the
   * commit itself fails, and then none of them is stored. A commit costs about a
   * millisecond on SQLite, more than writing a page: batches of a few dozen documents make
   * ingest much faster, and a crash loses at most the batch, which the same hashes store
   * again on the next run.
   */
  putDocuments?(docs: readonly DocumentInput[]): BatchResult[];
  /** Optional: the record of a page an earlier ingest stopped at its time budget. */
  slowPage?(hash: string): SlowPage | undefined;
  /** Optional: records a page ingest stopped at its time budget (replacing an older record). */
  markSlow?(page: SlowPage): void;
  /** Optional: forgets a page's time-budget record (it has been read since). */
  forgetSlow?(hash: string): void;
  close(): void;
}

/**
 * A page ingest stopped because parsing and annotating it ran past the time budget. A later
 * run skips it (a poison page must not stall every rerun) unless told to try it again or
 * given a longer budget.
 */
export interface SlowPage {
  /** The content hash of the page's bytes. */
  hash: string;
  /** Where it was read from. */
  source: string;
  /** The budget it ran past (ms). */
  limitMs: number;
  /** When, ISO 8601. */
  at: string;
}

/** One document of a batch: its result, or the error that kept it out. */
export type BatchResult =
  | { result: PutResult; error?: undefined }
  | { result?: undefined; error: Error };

/*
 * Reading the archive: search, one article, entities, quotes, stances, export and figures.
 * Every archive offers these; a writer that only stores (an ingest test's memory store)
 * implements `Store` alone.
 */

/** Which articles a query looks at; every filter narrows, none widens. */
export interface ArchiveFilter {
  /** The document's outlet, in either script: 文匯報 finds 文汇报. */
  outlet?: string;
  /** Publication dates from this day on, YYYY-MM-DD (inclusive). */
  from?: string;
  /** Publication dates up to this day, YYYY-MM-DD (inclusive). */
  to?: string;
  /** Articles that mention this entity: a canonical name in either script (習近平, 习近平)
   * or an id (`PER:习近平`). */
  entity?: string;
  /** Articles that quote this entity (canonical name in either script, or an id). */
  speaker?: string;
  /** Articles of pages in this script. */
  script?: Script;
}

/** A page of results: at most `limit` (default 20) after skipping `offset` (default 0). */
export interface Page {
  limit?: number;
  offset?: number;
}

/** A full-text search: words and phrases in either script, with filters. */
export interface SearchQuery extends ArchiveFilter, Page {
  /**
   * The query: words (any run of Chinese characters is found wherever it occurs, inside
   * longer words too), "quoted phrases", AND (the default between words), OR, NOT,
   * parentheses and a trailing * for a prefix (covid*, 中*). Traditional and Simplified
   * find each other. Empty or absent: every article the filters let through, newest first.
   */
  text?: string;
  /** Characters of text in a snippet; default 80. */
  snippetLength?: number;
  /** The order of the hits: `relevance` (BM25, the default with query text), `newest` (the
   * default without) or `oldest` first by publication date. */
  sort?: SearchSort;
  /** Every matching article, copies of one story included. By default (false) a story
   * counts once: its copy that comes first in the order asked (best ranked, newest or
   * oldest) among those that match stands for it, and `countMatches` counts stories. */
  copies?: boolean;
}

/** How search hits are ordered. */
export type SearchSort = 'relevance' | 'newest' | 'oldest';

/** What the articles a search matches hold, counted: each facet's largest groups. */
export interface SearchFacets {
  /** Matching articles per outlet (the key is the outlet as written; '' for none). */
  outlets: CountRow[];
  /** Matching articles per month of publication, YYYY-MM, newest first. */
  months: CountRow[];
  /** Matching articles per script of their page. */
  scripts: CountRow[];
  /** The people, organisations, places and works the matching articles mention most, by
   * type: an entity's articles among the matches. */
  entities: { type: EntityType; rows: CooccurrenceRow[] }[];
  /** How many of the matches the facets counted: the newest `FACET_ARTICLES` at most. */
  counted: number;
}

/** A stretch of text with the matches in it; `highlights` are offsets into `text`. */
export interface Snippet {
  text: string;
  highlights: Range[];
}

/** One article found by a search. */
export interface SearchHit {
  articleId: number;
  documentId: number;
  /** The article's headline in the page's own script ('' when it has none). */
  headline: string;
  outlet: string | null;
  date: string | null;
  source: string;
  url: string | null;
  script: Script;
  /** BM25 relevance, higher is better; null for a listing without query text. */
  score: number | null;
  /** Text around the best matches, in the page's own script, matches highlighted. */
  snippet: Snippet;
  /** Every match in the article as offsets into the document's decoded text. */
  matches: Range[];
  /** The article's story: the id of the story's first article. */
  story: number;
  /** How many articles the story has (copies in other outlets, encodings, scripts), this
   * one included. */
  copies: number;
}

/** Which stories to list. */
export interface StoryQuery extends Page {
  /** Only stories of at least this many articles; default 1 (every story). */
  minCopies?: number;
}

/** One article of a story. */
export interface StoryArticle {
  id: number;
  outlet: string | null;
  date: string | null;
  /** Where its document came from (DocumentInput.source). */
  path: string;
}

/** A story: the copies of one article in the archive. */
export interface StoryRow {
  /** The story's id: the id of its first article. */
  story: number;
  /** The headline of its first article ('' when it has none). */
  headline: string;
  /** How many articles it has. */
  copies: number;
  /** The outlets that printed it, as written, in the order they were stored. */
  outlets: string[];
  /** Its articles, in the order they were stored. */
  articles: StoryArticle[];
}

/** An article as stored, with its document. */
export interface StoredArticle {
  id: number;
  document: StoredDocument;
  /** Position of the article on its page, from 0. */
  index: number;
  /** The article view of this one article (annotation fields when it was annotated). */
  view: ArticleView;
  /** Its blocks that repeat, word for word, a block of an earlier article of another story
   * (or of the same page): their quotes and stances that the earlier article has too are
   * counted there. */
  repeats: RepeatedPassage[];
}

/** A block of an article that an earlier article printed before (see StoredArticle). */
export interface RepeatedPassage {
  /** The block's position among the article's blocks, from 0. */
  block: number;
  /** The block's range in the document's text. */
  start: number;
  end: number;
  /** The earliest article of another story (or of the page) that has the passage. */
  article: number;
}

/** A stored document without its text. */
export interface StoredDocument {
  id: number;
  hash: string;
  source: string;
  outlet: string | null;
  date: string | null;
  url: string | null;
  externalId: string | null;
  bytes: number;
  encoding: Encoding;
  script: Script;
  /** When it was stored, ISO 8601. */
  storedAt: string;
}

/** Filters for listing entities. */
export interface EntityQuery extends Page {
  type?: EntityType;
  /** Only entities whose canonical name contains this, in either script. */
  name?: string;
  /** Count only articles that pass these; without any, the archive's running totals. */
  filter?: Omit<ArchiveFilter, 'entity' | 'speaker'>;
  /** Count every copy of a story. By default (false) a story counts once: `articles` is
   * the number of stories that mention the entity, and `mentions` its mentions in the
   * first copy of each (that passes the filter) that mentions it. */
  copies?: boolean;
}

/** How an entity is read: its counts and its list of mentions, a story once (the default)
 * or every copy. */
export interface EntityOptions {
  copies?: boolean;
}

/** An entity with how often the archive mentions it. */
export interface EntityRow {
  id: string;
  type: EntityType;
  /** Canonical name, Simplified (the id's own spelling). */
  name: string;
  /** Articles that mention it. */
  articles: number;
  mentions: number;
  /** Offices pages wrote with its name (外交部发言人, 国家主席), most frequent first, in
   * listings; absent where the rows are exported in bulk. */
  roles?: string[];
}

/** Filters for listing quotes. */
export interface QuoteQuery extends ArchiveFilter, Page {
  /** Only quotes whose content contains this text, in either script. */
  about?: string;
  kind?: 'direct' | 'reported';
  /** Every copy's quotes; by default (false) a quote that copies of one story repeat
   * counts once, and each row says in how many copies and outlets it is. */
  copies?: boolean;
  /** Only quotes whose content mentions this entity (name in either script, or id): what
   * others say about it, in the entity's newest 1000 articles (that the filter lets
   * through), so that a much-mentioned entity costs no more than a rare one. */
  mentioning?: string;
}

/** A quote with where it was printed. */
export interface QuoteRow {
  id: number;
  articleId: number;
  documentId: number;
  date: string | null;
  outlet: string | null;
  /** Entity id of the speaker, or null when it was not resolved. */
  speakerId: string | null;
  /** The speaker's canonical name in the page's script, else as written (他, 這位專家). */
  speaker: string;
  kind: 'direct' | 'reported';
  cue: string;
  text: string;
  /** Offsets of the whole quote in the document's decoded text. */
  start: number;
  end: number;
  /** Counted once: how many copies of its story carry it (this one included), and in how
   * many outlets (0 when none is known). */
  copies?: number;
  outlets?: number;
}

/** Filters for listing stances. */
export interface StanceQuery extends ArchiveFilter, Page {
  /** Only stances with this actor among their actors (name in either script, or id). */
  actor?: string;
  class?: StanceClass;
  /** Only stances whose target contains this text, in either script. */
  about?: string;
  /** true: only negated stances (不支持); false: only plain ones. */
  negated?: boolean;
  /** Every copy's stances; by default (false) a stance that copies of one story repeat
   * counts once (in listings, counts and the graph), and each row says in how many copies
   * and outlets it is. */
  copies?: boolean;
  /** Only stances whose target mentions this entity (name in either script, or id): where
   * others stand on it, in the entity's newest 1000 articles (that the filter lets
   * through). */
  mentioning?: string;
}

/** A stance with where it was printed. */
export interface StanceRow {
  id: number;
  articleId: number;
  documentId: number;
  date: string | null;
  outlet: string | null;
  /** Entity ids of the actors. */
  actorIds: string[];
  /** The actors' canonical names in the page's script. */
  actors: string[];
  cue: string;
  class: StanceClass;
  plover: string;
  target: string;
  negated: boolean;
  modality: string[];
  start: number;
  end: number;
  /** Counted once: how many copies of its story carry it (this one included), and in how
   * many outlets (0 when none is known). */
  copies?: number;
  outlets?: number;
}

/** A group and its size, for `--count`. */
export interface CountRow {
  key: string;
  count: number;
}

/** What quotes can be counted by. */
export type QuoteGroup = 'speaker' | 'cue' | 'kind' | 'outlet' | 'date';
/** What stances can be counted by. */
export type StanceGroup = 'class' | 'actor' | 'cue' | 'plover' | 'target' | 'outlet' | 'date';

/** An article for export: its metadata and reader text (one block a line). */
export interface ArticleRecord {
  id: number;
  documentId: number;
  index: number;
  source: string;
  outlet: string | null;
  date: string | null;
  url: string | null;
  externalId: string | null;
  script: Script;
  headline: string;
  text: string;
  /** Entity ids mentioned, most mentioned first. */
  entities: string[];
  keywords: string[];
}

/** Figures about the archive. */
export interface ArchiveStats {
  schemaVersion: number;
  documents: number;
  articles: number;
  blocks: number;
  entities: number;
  mentions: number;
  quotes: number;
  stances: number;
  /** Bytes of input stored, and of the archive on disk (database and write-ahead log). */
  inputBytes: number;
  fileBytes: number;
  /** Earliest and latest publication date, when any document has one. */
  firstDate: string | null;
  lastDate: string | null;
  /** Documents per script and per outlet (the 20 largest outlets). */
  scripts: CountRow[];
  outlets: CountRow[];
}

/** One entity with the names pages gave it. */
export interface EntityDetail extends EntityRow {
  /** How pages wrote it, most frequent first: its canonical name in each script, and the
   * names, abbreviations, aliases and titles its mentions used (pronouns left out), as seen
   * in its newest 1000 articles. */
  names: string[];
  /** Offices pages wrote with its name, most frequent first (its newest 1000 articles). */
  roles: string[];
}

/** An article that mentions an entity, with the text around its mentions. */
export interface EntityMention {
  articleId: number;
  documentId: number;
  headline: string;
  date: string | null;
  outlet: string | null;
  /** Text around the mentions, in the page's own script, the mentions highlighted. */
  snippet: Snippet;
  /** Counted once (the default): how many copies of its story mention the entity, and in
   * how many outlets (the filter applies to them too). Absent with `copies`. */
  copies?: number;
  outlets?: number;
}

/** An entity that shares articles with another, and how many. */
export interface CooccurrenceRow {
  id: string;
  type: EntityType;
  /** Canonical name, Simplified. */
  name: string;
  /** Articles that mention both. */
  articles: number;
}

/** Articles published on one day. */
export interface DayCount {
  /** YYYY-MM-DD. */
  date: string;
  count: number;
}

/** Which stances the actor graph is drawn from, and how much of it. */
export interface GraphQuery extends StanceQuery {
  /** Only edges of at least this many stances; default 1. */
  min?: number;
}

/** An entity of the actor graph. */
export interface GraphNode {
  id: string;
  name: string;
  type: EntityType;
  /** Stances on its edges, as actor or as target. */
  stances: number;
}

/** Stances of one actor about another entity (named in the stance's target). */
export interface GraphEdge {
  /** The actor's entity id. */
  source: string;
  /** The entity id the target mentions. */
  target: string;
  /** Stances, of every class. */
  weight: number;
  /** Stances per class. */
  classes: Partial<Record<StanceClass, number>>;
}

/** Actor–actor edges from stances: who takes a stance on whom. */
export interface StanceGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** Outlets compared: the articles a search selects (its text and filters). */
export interface OutletQuery extends ArchiveFilter {
  /** The search's text, in the query language of `search`. */
  text?: string;
  /** Every copy's quotes and stances; by default an outlet counts a story's once. */
  copies?: boolean;
  /** Outlets shown, most quotes and stances first (default 12), and speakers (default 10). */
  outlets?: number;
  speakers?: number;
}

/** Which outlets quote whom, and their stances by class. */
export interface OutletComparison {
  /** The outlets, most quotes and stances first, with how many of each they printed. */
  outlets: { outlet: string; quotes: number; stances: number }[];
  /** The speakers those outlets quote most (id, canonical name, quotes in all). */
  speakers: { id: string; name: string; quotes: number }[];
  /** Quotes per outlet and speaker (the speakers above only); no row for none. */
  quotes: { outlet: string; speaker: string; count: number }[];
  /** Stances per outlet and class; no row for none. */
  stances: { outlet: string; class: StanceClass; count: number }[];
}

/** The archive with its queries: what `openStore` returns. */
export interface Archive extends Store {
  /** Searches the articles; results ranked by BM25, or newest first without query text.
   * Throws QueryError for a query it cannot read. */
  search(query: SearchQuery): SearchHit[];
  /** One article with its document, or undefined when there is no such id. */
  getArticle(id: number): StoredArticle | undefined;
  /** One article as a page tree of its own (the document's text, the article's blocks and
   * annotations with entity ids), or undefined when there is no such id. */
  articlePage(id: number): PageNode | undefined;
  /** The story an article belongs to (any of its articles names it), or undefined when
   * there is no such article. */
  getStory(articleId: number): StoryRow | undefined;
  /** Outlets compared for the articles a search selects: which outlets quote whom, and
   * their stances by class (a story's quotes and stances once per outlet, unless copies). */
  compareOutlets(query: OutletQuery): OutletComparison;
  entities(query?: EntityQuery): EntityRow[];
  quotes(query?: QuoteQuery): QuoteRow[];
  countQuotes(query: QuoteQuery, by: QuoteGroup): CountRow[];
  stances(query?: StanceQuery): StanceRow[];
  countStances(query: StanceQuery, by: StanceGroup): CountRow[];
  /** How many entities of each type the query selects, largest first. */
  countEntities(query?: EntityQuery): CountRow[];
  /** How many entities, quotes or stances a query selects in all (limit and offset aside). */
  totalEntities(query?: EntityQuery): number;
  totalQuotes(query?: QuoteQuery): number;
  totalStances(query?: StanceQuery): number;
  /** What the articles a search matches hold, counted by outlet, month, script and entity. */
  facets(query: SearchQuery): SearchFacets;
  /** Every article, quote, stance or entity, in id order, one at a time. */
  exportArticles(filter?: ArchiveFilter): IterableIterator<ArticleRecord>;
  exportQuotes(filter?: ArchiveFilter): IterableIterator<QuoteRow>;
  exportStances(filter?: ArchiveFilter): IterableIterator<StanceRow>;
  exportEntities(): IterableIterator<EntityRow>;
  stats(): ArchiveStats;
  /** A document's decoded text, which every offset of its articles indexes. */
  documentText(documentId: number): string | undefined;
  /** The ids of a document's articles, in page order. */
  documentArticles(documentId: number): number[];
  /** One entity (canonical name in either script, or id), or undefined when unknown; its
   * counts count a story once, unless `copies`. */
  getEntity(name: string, options?: EntityOptions): EntityDetail | undefined;
  /** Articles that mention an entity, newest first, each with a snippet around it; a story
   * once (its newest copy that mentions it and passes the filter), unless `copies`. */
  entityMentions(entity: string, query?: ArchiveFilter & Page & EntityOptions): EntityMention[];
  /** Entities mentioned in the same articles as `entity` (its newest 1000 that the filter
   * lets through), most shared first. */
  cooccurring(entity: string, query?: ArchiveFilter & Page): CooccurrenceRow[];
  /** Articles per publication day that a search (text and filters) finds; articles without
   * a date are not counted. Throws QueryError for a query it cannot read. */
  timeline(query: SearchQuery): DayCount[];
  /** How many articles a search matches in all (every match, not only the ranked window;
   * limit and offset are ignored); without `copies`, how many stories. */
  countMatches(query: SearchQuery): number;
  /** Stories, most copies first (newest first among equals), each with its articles. */
  stories(query?: StoryQuery): StoryRow[];
  /** How many stories a query selects in all (limit and offset aside). */
  totalStories(query?: StoryQuery): number;
  /** Who takes a stance on whom: for each stance (the newest 20000 the query selects), an
   * edge from each actor to each person, organisation or place its target mentions;
   * heaviest edges first, at most `limit` (default 200). */
  stanceGraph(query: GraphQuery): StanceGraph;
}
