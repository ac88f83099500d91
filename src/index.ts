/**
 * jiedu: reads raw Chinese-language news pages into clean, structured articles.
 * The package root: the pipeline, annotation, the article view and its renderers, and their
 * types.
 */

export {
  type AnnotateOptions,
  annotate,
  type EntitiesOptions,
  type EntityHit,
  entities,
  loadDictionaryFile,
  type SegmentOptions,
  segment,
  segmentWords,
} from './annotate/index.ts';
export type { Decoded, DecodeOptions } from './decode/index.ts';
export { DecodeError, decode } from './decode/index.ts';
export { type IngestOptions, type IngestSummary, ingest } from './ingest/index.ts';
export { type ParseOptions, parse } from './pipeline.ts';
export {
  type RenderHtmlOptions,
  renderHtml,
  renderMarkdown,
  renderText,
  toArticleView,
} from './render/index.ts';
export {
  type Archive,
  type ArchiveFilter,
  type DocumentInput,
  openStore,
  QueryError,
  SCHEMA_VERSION,
  type SearchHit,
  type SearchQuery,
  type Store,
  StoreError,
} from './store/index.ts';
export type {
  ArticleAnnotations,
  DateMention,
  Entity,
  EntityType,
  Keyword,
  Mention,
  MentionKind,
  Quote,
  Stance,
  StanceClass,
  Token,
} from './tree/annotations.ts';
export type {
  ArticleView,
  ArticleViewArticle,
  ArticleViewBlock,
  ArticleViewCaption,
  ArticleViewCredit,
  ArticleViewSource,
  ArticleViewSourceLine,
} from './tree/article-view.ts';
export { ARTICLE_VIEW_VERSION } from './tree/article-view.ts';
export type {
  ArticleNode,
  BlockNode,
  BlockType,
  BylineNode,
  CaptionNode,
  CreditNode,
  Diagnostic,
  DialogueNode,
  Emphasis,
  Encoding,
  HeadingNode,
  HeadlineNode,
  LineEnding,
  ListItemNode,
  PageNode,
  ParagraphNode,
  Range,
  Script,
  Severity,
  SourceInfo,
  SourceNode,
  SubheadlineNode,
} from './tree/types.ts';
