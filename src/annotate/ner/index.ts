import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectScript, simplifiedView } from '../../normalize/index.ts';
import type { EntitySpan, Token } from '../../tree/annotations.ts';
import { segment } from '../segment/index.ts';
import { findModelsDir } from './find-models.ts';
import { Gazetteer } from './gazetteer.ts';
import { decodeModel, type NerModel } from './model.ts';
import { tagSimplified } from './tag-simplified.ts';
import type { NerType, TagSpan } from './tags.ts';
import { tokensToViewWords, type ViewWord } from './word-info.ts';

/**
 * The statistical entity tagger: an averaged perceptron over character features (with the
 * segmenter's words and parts of speech, and dictionary matches) with BIOES tags and
 * Viterbi decoding, trained by scripts/train-ner.ts. It reads the Simplified view of the
 * text, so Traditional and Simplified input share one model, and gives spans in the
 * offsets of the text it was given.
 */

export type { NerType } from './tags.ts';

/** A dictionary match in a piece of Simplified text: `[start, end)` offsets into it. */
export interface GazetteerHit {
  start: number;
  end: number;
  type: NerType;
}

/** Options of {@link tagEntities}. */
export interface TagEntitiesOptions {
  /**
   * Extra dictionary matches (a lexicon of the field) added to the built-in lists as
   * features: called with each piece of the Simplified text, it returns spans in that
   * piece. None by default.
   */
  gazetteer?: (simplified: string) => readonly GazetteerHit[];
  /**
   * The words of `text` as `segment(text)` gives them, when the caller has them already
   * (the annotation pipeline does): the tagger uses their parts of speech. Segmented here
   * otherwise.
   */
  tokens?: readonly Token[];
  /** A model of one's own (decodeModel of a trained file) instead of the shipped one: the
   * trainer scores what it is about to write this way. */
  model?: NerModel;
  /**
   * Whose conventions to follow; by default the text's own script ({@link scriptOf}). A caller that knows a whole article's script
   * passes it, so every sentence of it is read alike.
   */
  script?: NerScript;
}

/** The model files, under the package's models/ folder: for Simplified and Traditional text. */
export const NER_MODEL_FILE = 'ner/ner-perceptron.bin.gz';
export const NER_MODEL_FILE_TRADITIONAL = 'ner/ner-perceptron-traditional.bin.gz';

/** The script whose conventions the tagger follows: see {@link nerModel}. */
export type NerScript = 'simplified' | 'traditional';

const models: Partial<Record<NerScript, NerModel>> = {};

/**
 * The shipped model for text in `script`, read on first use and kept. Both share what the
 * training corpora agree on; each adds the conventions of the corpus of its script (MSRA's
 * news for Simplified, Universal NER's for Traditional), see scripts/train-ner.ts.
 */
export function nerModel(script: NerScript = 'simplified'): NerModel {
  let m = models[script];
  if (m === undefined) {
    const file = script === 'traditional' ? NER_MODEL_FILE_TRADITIONAL : NER_MODEL_FILE;
    m = decodeModel(readFileSync(join(findModelsDir(), file)));
    models[script] = m;
  }
  return m;
}

/**
 * Whose conventions a text is read in: Traditional when its script is Traditional or mixed
 * (as a page's), Simplified otherwise. By the characters only one script uses, not by
 * whether conversion changes anything: a Simplified post with a character the converter
 * maps (乾, 著) is still Simplified.
 */
export function scriptOf(text: string): NerScript {
  const script = detectScript(text);
  return script === 'traditional' || script === 'mixed' ? 'traditional' : 'simplified';
}

/**
 * Finds the names of people (PER), places (LOC, countries and cities included) and
 * organisations (ORG) in `text`, Traditional or Simplified. Spans are `[start, end)` UTF-16
 * offsets into `text`, in order, never overlapping.
 */
export function tagEntities(text: string, options: TagEntitiesOptions = {}): EntitySpan[] {
  if (typeof text !== 'string') throw new TypeError('tagEntities: text must be a string');
  if (text.length === 0) return [];
  const view = simplifiedView(text);
  const tokens = options.tokens ?? segment(text, { view });
  const words = tokensToViewWords(view, tokens);
  const script = options.script ?? scriptOf(text);
  const spans = tagSimplified(
    options.model ?? nerModel(script),
    view.text,
    words,
    options.gazetteer,
  );
  if (view.text === text) return spans;
  // Back to the offsets of `text`: unit by unit where the conversion kept the length, to
  // the whole converted phrase where it did not.
  const out: EntitySpan[] = [];
  for (const s of spans) {
    const start = view.starts[s.start] as number;
    const end = Math.max(start, view.ends[s.end - 1] as number);
    const last = out[out.length - 1];
    if (last !== undefined && start < last.end) continue;
    out.push({ start, end, type: s.type });
  }
  return out;
}

/**
 * The tagger on a Simplified text whose words the caller has (the annotation pipeline reads
 * an article's Simplified view and has segmented it already): spans in offsets of `simplified`,
 * following the conventions of `script`, the script the text was written in.
 */
export function tagWords(
  simplified: string,
  words: readonly ViewWord[],
  options: {
    script?: NerScript;
    model?: NerModel;
    gazetteer?: TagEntitiesOptions['gazetteer'];
  } = {},
): EntitySpan[] {
  if (simplified.length === 0) return [];
  return tagSimplified(
    options.model ?? nerModel(options.script ?? 'simplified'),
    simplified,
    words,
    options.gazetteer,
  );
}

/**
 * A gazetteer function for {@link TagEntitiesOptions} from typed words (Simplified forms):
 * longest match first, e.g. the forms of a lexicon's countries, cities and organisations.
 */
export function gazetteerOf(
  words: Iterable<readonly [form: string, type: NerType]>,
): (simplified: string) => GazetteerHit[] {
  const g = new Gazetteer();
  for (const [form, type] of words) g.add(form, type);
  return (simplified) => g.find(simplified);
}

export type { TagSpan };
