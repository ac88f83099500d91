/**
 * The shape of a comparison: what `jiedu compare --format json` prints and `/api/compare`
 * answers (the OpenAPI document's Comparison). Types only, free of Node, so the web UI
 * reads them too.
 */

import type { Script } from '../tree/types.ts';

/** What can change in a position. */
export type ChangeKind = 'negated' | 'class' | 'modality' | 'target';

/** How a changed target relates to the earlier one. */
export type TargetChange = 'widened' | 'narrowed' | 'reworded';

export const COMPARISON_VERSION = 1;

/** A place in one statement: the sentence that holds a position, or a sentence alone. */
export interface ComparedText {
  text: string;
  start: number;
  end: number;
}

/** Where a position is in one statement: its sentence, and what it is there. */
export interface PositionSide extends ComparedText {
  /** The position's own range (a stance from its actor to its target; a quote). */
  span: { start: number; end: number };
  cue?: string;
  target: string;
  negated?: boolean;
  modality?: string[];
}

export interface ComparedPosition {
  type: 'stance' | 'quote';
  status: 'same' | 'added' | 'dropped' | 'changed';
  /** The first of what changed, in the order negated, class, modality, target. */
  change?: ChangeKind;
  /** Everything that changed. */
  changes?: ChangeKind[];
  /** For a changed target: whether B's holds A's (widened), the reverse, or neither. */
  targetChange?: TargetChange;
  modalityAdded?: string[];
  modalityRemoved?: string[];
  /** Canonical names, in A's script when A has the position, else B's. */
  actors: string[];
  /** A stance's class; `quote` for a quote. */
  class: string;
  /** A stance's target, a quote's content, as A has it when A does. */
  target: string;
  a: PositionSide | null;
  b: PositionSide | null;
}

export interface ComparedSentence {
  status: 'same' | 'changed' | 'added' | 'dropped';
  similarity: number;
  a: ComparedText | null;
  b: ComparedText | null;
}

export interface ComparedStatement {
  label: string;
  script: Script;
  headline: string;
  sentences: number;
  stances: number;
  quotes: number;
}

export interface Comparison {
  version: typeof COMPARISON_VERSION;
  a: ComparedStatement;
  b: ComparedStatement;
  /** Positions by status, and sentences by status. */
  summary: {
    positions: Record<ComparedPosition['status'], number>;
    sentences: Record<ComparedSentence['status'], number>;
  };
  positions: ComparedPosition[];
  sentences: ComparedSentence[];
}

/** One article of the story, as versions name it. */
export interface VersionArticle {
  id: number;
  outlet: string | null;
  date: string | null;
  path: string;
}

/** A copy against the earliest. */
export interface VersionCopy extends VersionArticle {
  script: Script;
  headline: string;
  /** Sentences the copy kept as they were, changed, cut (only in the earliest) and added. */
  sentences: { same: number; changed: number; cut: number; added: number };
  /** The full comparison: A is the earliest, B this copy. */
  comparison: Comparison;
}

export interface StoryVersions {
  story: number;
  headline: string;
  /** How many articles the story has (more than `copies` lists when there are over 50). */
  articles: number;
  /** The copy the others are read against: the earliest dated, else the first stored. */
  earliest: VersionArticle & { script: Script; headline: string; sentences: number };
  copies: VersionCopy[];
}
