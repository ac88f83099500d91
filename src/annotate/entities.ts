import { simplifiedView, toTraditional } from '../normalize/index.ts';
import type { EntityType } from '../tree/annotations.ts';
import { viewRangeToSource } from '../tree/view.ts';
import { findEntities, type TagSpans } from './find-entities.ts';
import { scriptOf, tagWords } from './ner/index.ts';
import { tokensToViewWords } from './ner/word-info.ts';
import { segment } from './segment/index.ts';

/** A named entity found in a plain text. */
export interface EntityHit {
  start: number;
  end: number;
  type: EntityType;
  text: string;
  /** Canonical name, in the script of the text found. */
  canonical: string;
}

/** Options for {@link entities}. */
export interface EntitiesOptions {
  /**
   * The statistical tagger for names the rules and lexicon miss: by default the shipped one,
   * in the conventions of the text's script; null for the rules and lexicon alone.
   */
  tagger?: TagSpans | null;
  /** Entity types to keep; all by default. */
  types?: readonly EntityType[];
}

/**
 * Named entities of a plain text (a sentence, a line, a headline): the rules, gazetteer and
 * title patterns of page annotation, plus the tagger when given; offsets into `text`.
 */
export function entities(text: string, options: EntitiesOptions = {}): EntityHit[] {
  if (typeof text !== 'string') throw new TypeError('entities: `text` must be a string');
  const view = simplifiedView(text);
  const script = scriptOf(text);
  const tagger: TagSpans | null =
    options.tagger === undefined ? (t, words) => tagWords(t, words, { script }) : options.tagger;
  const found = findEntities(
    view.text,
    { people: new Set(), works: [], ...(tagger !== null ? { tagger } : {}) },
    tokensToViewWords(view, segment(text, { view })),
  );
  const keep = options.types === undefined ? null : new Set(options.types);
  const out: EntityHit[] = [];
  for (const m of found) {
    if (m.kind !== 'name' && m.kind !== 'alias' && m.kind !== 'abbreviation') continue;
    if (keep !== null && !keep.has(m.type)) continue;
    const { start, end } = viewRangeToSource(view, m.start, m.end);
    const surface = text.slice(start, end);
    const canonical = surface === view.text.slice(m.start, m.end) ? m.key : toTraditional(m.key);
    out.push({
      start,
      end,
      type: m.type,
      text: surface,
      canonical: m.kind === 'name' ? surface : canonical,
    });
  }
  return out;
}
