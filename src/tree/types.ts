import type { ArticleAnnotations } from './annotations.ts';
import type { Range } from './range.ts';

export type { Range } from './range.ts';

/**
 * The one document tree. Every node carries `start`/`end`: 0-based, end-exclusive UTF-16
 * offsets into the decoded text (the string a user can slice). Trees are plain JSON:
 * `JSON.parse(JSON.stringify(page))` gives the same page back.
 */

/** How sure a stage is of a finding; only `fatal` problems throw. */
export type Severity = 'info' | 'warning' | 'error';

/** A content message in the style of vfile-message: a value, never an exception. */
export interface Diagnostic extends Range {
  /** Human sentence, e.g. "joined line 50 and 52: split word 凌|駕". */
  message: string;
  /** The rule that produced it, kebab-case, e.g. `join-broken-lines`. */
  rule: string;
  /** The stage that produced it: decode, normalize, layout or structure. */
  source: 'decode' | 'normalize' | 'layout' | 'structure';
  severity: Severity;
  /** For repairs: the source ranges that were joined, in reading order. */
  ranges?: Range[];
}

/** Text encodings jiedu reads. */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'big5' | 'gb18030';

/** Which Chinese script a text is written in. */
export type Script = 'traditional' | 'simplified' | 'mixed' | 'unknown';

/** Line terminators seen in the decoded text. */
export type LineEnding = 'lf' | 'crlf' | 'cr' | 'mixed' | 'none';

/** What is known about the input before structure: its bytes, encoding and script. */
export interface SourceInfo {
  /** File path when read from disk, `-` for stdin; absent for in-memory input. */
  path?: string;
  encoding: Encoding;
  /** 0..1: 1 when a BOM or the caller said so, lower when detected. */
  confidence: number;
  bom: boolean;
  lineEnding: LineEnding;
  script: Script;
  /** Byte length of the input (UTF-16 code units ×2 for string input). */
  bytes: number;
  /** Length of the decoded text in UTF-16 code units. */
  chars: number;
  /**
   * What the input was: a raw text page, or an HTML page whose main text was extracted
   * (then `text` is that extracted text, not the markup). Absent means text.
   */
  format?: 'text' | 'html';
  /** For HTML: the charset the page declared (meta, HTTP header), when it declared one. */
  declaredCharset?: string;
  /** The address the page was fetched from (a WARC record's target URI), when known. */
  url?: string;
  /** When the page was fetched (a WARC record's date), ISO 8601, when known. */
  fetched?: string;
}

/** Inline emphasis (`**…**` in the source); `text` has the markers removed. */
export interface Emphasis extends Range {
  type: 'emphasis';
  text: string;
}

interface BlockBase extends Range {
  /** What a reader sees: line breaks repaired, markup such as `**` and `- ` removed. */
  text: string;
  /** The source ranges this block was read from, in order (several when lines were joined). */
  pieces: Range[];
}

/** The main title of an article. */
export interface HeadlineNode extends BlockBase {
  type: 'headline';
}
/** A secondary title printed with the headline. */
export interface SubheadlineNode extends BlockBase {
  type: 'subheadline';
}
/** A section heading inside an article. */
export interface HeadingNode extends BlockBase {
  type: 'heading';
}
/** A dateline (香港文匯報訊 據新華社報道) or reporter line (香港文匯報記者 葛沖 北京報道). */
export interface BylineNode extends BlockBase {
  type: 'byline';
  kind: 'dateline' | 'reporter';
  /** Outlets named as the source inside the byline: 據新華社報道 → 新華社. */
  outlets: string[];
}
/** A source line, 來源：央視網; `outlet` is the name alone. */
export interface SourceNode extends BlockBase {
  type: 'source';
  outlet: string;
}
/** A photo caption (●…); `text` has the marker and any trailing credit removed. */
export interface CaptionNode extends BlockBase {
  type: 'caption';
}
/** A photo credit: a lone 新華社 line after a caption, or 網上圖片 closing the caption line. */
export interface CreditNode extends BlockBase {
  type: 'credit';
}
/** A body paragraph. */
export interface ParagraphNode extends BlockBase {
  type: 'paragraph';
  emphasis: Emphasis[];
}
/** A dialogue line, 普京：「…」; `text` is what follows the colon. */
export interface DialogueNode extends BlockBase {
  type: 'dialogue';
  speaker: string;
  speakerRange: Range;
}
/** A list item; `level` is 1 for top-level items, 2 for items nested under them, … */
export interface ListItemNode extends BlockBase {
  type: 'list-item';
  level: number;
  emphasis: Emphasis[];
}

/** Page furniture copied with the article from a web page, no part of the story: a
 * breadcrumb (首页 > 新闻 > 国际), share buttons (分享到：微信 微博), a font-size switch (字号：大
 * 中 小), a list of related links and its heading (相关新闻). Kept in the tree, with its offsets;
 * annotation and the article's reading view leave it out. */
export interface FurnitureNode extends BlockBase {
  type: 'furniture';
}

export type BlockNode =
  | HeadlineNode
  | SubheadlineNode
  | HeadingNode
  | BylineNode
  | SourceNode
  | CaptionNode
  | CreditNode
  | ParagraphNode
  | DialogueNode
  | ListItemNode
  | FurnitureNode;

export type BlockType = BlockNode['type'];

/** A person the page credits, with the role it names: 记者 X → reporter, 责任编辑：X → editor. */
export interface Credit {
  role: CreditRole;
  name: string;
}

/** Roles a page names: author (作者), reporter (記者), editor (編輯), photographer (攝影),
 * translator (翻譯), correspondent (通訊員). */
export type CreditRole =
  | 'author'
  | 'reporter'
  | 'correspondent'
  | 'editor'
  | 'photographer'
  | 'translator';

/**
 * What a page says about an article beyond its text, gathered from markup (`<meta>`, Open
 * Graph, JSON-LD, `<time>`) and from Chinese patterns (发布时间：, 来源：, 责任编辑：).
 */
export interface ArticleMeta {
  /** ISO 8601: `2021-06-29T08:15:00+08:00` when the offset is known, `2021-06-29T08:15`
   * without it, `2021-06-29` for a date alone. */
  published?: string;
  credits: Credit[];
  outlet?: string;
  /** The canonical address of the article. */
  url?: string;
}

/** One story on the page; `annotations` once the page went through annotate. */
export interface ArticleNode extends Range {
  type: 'article';
  children: BlockNode[];
  annotations?: ArticleAnnotations;
  /** Metadata read from an HTML page; text pages carry theirs in byline and source nodes. */
  meta?: ArticleMeta;
}

/** The root: a decoded page split into its articles. */
export interface PageNode extends Range {
  type: 'page';
  /** The decoded text every offset points into. */
  text: string;
  source: SourceInfo;
  children: ArticleNode[];
  diagnostics: Diagnostic[];
}
