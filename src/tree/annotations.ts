import type { Range } from './range.ts';

/**
 * Annotation layers. They point at offsets of the decoded text and never edit it; the same
 * page in Traditional or Simplified gets the same annotations, with names given in the
 * page's own script.
 */

/** A word with its part of speech (jieba's tag set: n, nr, ns, nt, v, …). */
export interface Token extends Range {
  text: string;
  pos: string;
}

/** Entity types: GPE is folded into LOC; WORK is a title in 《》. */
export type EntityType = 'PER' | 'ORG' | 'LOC' | 'WORK' | 'EVENT' | 'DATE';

/** A span of text tagged with a type, before it is resolved to an entity. */
export interface EntitySpan extends Range {
  type: EntityType;
}

/** One thing the page talks about, with a canonical id and name. */
export interface Entity {
  /** Stable across pages and scripts: `LOC:俄罗斯`, `PER:习近平` (Simplified canonical name). */
  id: string;
  type: EntityType;
  /** The canonical name in the page's script: 俄羅斯 on a Traditional page. */
  canonical: string;
}

/** How a mention names its entity. */
export type MentionKind = 'name' | 'abbreviation' | 'alias' | 'pronoun' | 'title';

/** A place in the text that refers to an entity (or to several: 雙方 → 中國, 俄羅斯). */
export interface Mention extends Range {
  text: string;
  kind: MentionKind;
  /** Entity ids; more than one for a group reference such as 雙方 or 兩國. */
  refersTo: string[];
}

/** A quotation: who said what. */
export interface Quote extends Range {
  /** Entity id of the speaker, or null when it could not be resolved. */
  speaker: string | null;
  /** The speaker as written where the quote is attributed (他, 這位專家, 普京). */
  speakerText: string;
  kind: 'direct' | 'reported';
  /** The cue verb: 指出, 表示, 強調 … or ：for a dialogue line. */
  cue: string;
  /** The quoted content (without 「」 for direct quotes). */
  content: Range & { text: string };
}

/** Coarse stance classes. */
export type StanceClass =
  | 'support'
  | 'oppose'
  | 'concern'
  | 'demand'
  | 'appeal'
  | 'praise'
  | 'agree'
  | 'meet'
  | 'criticize'
  | 'thank'
  | 'welcome'
  | 'congratulate'
  | 'cooperate'
  | 'reject';

/** Who stands where: an actor set, a cue verb and what it is about. */
export interface Stance extends Range {
  /** Entity ids of the actors. */
  actors: string[];
  cue: string;
  class: StanceClass;
  /** PLOVER event type, e.g. CONSULT, COOPERATE, DEMAND, DISAPPROVE. */
  plover: string;
  target: Range & { text: string };
  negated: boolean;
  /** Modal or aspect words before the cue: 將, 繼續, 應, 願 … */
  modality: string[];
}

/** A date or time expression, resolved against the page date when it is relative. */
export interface DateMention extends Range {
  text: string;
  /** ISO 8601 (YYYY, YYYY-MM, YYYY-MM-DD, or with a part of day), or null when unknown. */
  value: string | null;
  relative: boolean;
  /** Why it could not be resolved, when `value` is null. */
  unresolved?: string;
}

/** An office a page writes with a person's name (外交部發言人 X, X主席), in the page's
 * script: who the person is, as this page says. */
export interface Role extends Range {
  text: string;
  /** The person's entity id. */
  entity: string;
}

/** A keyword with its weight. */
export interface Keyword {
  text: string;
  score: number;
}

/** All annotation layers of one article. */
export interface ArticleAnnotations {
  tokens: Token[];
  entities: Entity[];
  mentions: Mention[];
  quotes: Quote[];
  stances: Stance[];
  dates: DateMention[];
  /** Offices written with people's names. */
  roles: Role[];
  keywords: Keyword[];
  /** Extractive summary: 2–3 sentences in reading order. */
  summary: (Range & { text: string })[];
}
