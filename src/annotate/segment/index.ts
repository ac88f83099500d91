import { simplifiedView } from '../../normalize/index.ts';
import type { Token } from '../../tree/annotations.ts';
import type { TextView } from '../../tree/view.ts';
import { cutView } from './cut-view.ts';
import { findFixedWords, overlayWords } from './find-fixed-words.ts';
import { foldFullWidth } from './fold-full-width.ts';
import { cutWords } from './jieba.ts';
import { joinYouDe } from './join-you-de.ts';
import { mapToSource } from './map-to-source.ts';
import { splitPluralSuffix } from './split-plural-suffix.ts';
import type { WordPass } from './types.ts';

/** How to segment. */
export interface SegmentOptions {
  /** Let jieba's HMM find words its dictionaries lack (default true). */
  hmm?: boolean;
  /** Apply the convention passes after jieba: numbers with their units, runs of dashes,
   * numerals apart from classifiers … (default true). Off gives jieba's cut as it is, on
   * the Simplified view. */
  conventions?: boolean;
  /** The Simplified view of `text` (`simplifiedView(text)`), when the caller has made it
   * already: the conversion is the costliest step after jieba itself. */
  view?: TextView;
}

/** The passes after jieba, in order. */
const PASSES: readonly WordPass[] = [
  (text, words) => overlayWords(words, findFixedWords(text)),
  splitPluralSuffix,
  joinYouDe,
];

/**
 * Cuts `text` (Traditional, Simplified or mixed) into words with their part of speech.
 * jieba, with the lexicon of the field and any user dictionaries, reads the Simplified view
 * (full-width letters and digits folded), so both scripts segment alike; every token is
 * mapped back to `text`: `text.slice(token.start, token.end) === token.text`, in the
 * original script. Tokens are in order and never overlap; whitespace is not a token.
 */
export function segment(text: string, options: SegmentOptions = {}): Token[] {
  if (typeof text !== 'string') throw new TypeError('segment: text must be a string');
  if (text.length === 0) return [];
  const view = options.view ?? simplifiedView(text);
  if (view.starts.length !== view.text.length + 1) {
    throw new TypeError('segment: options.view is not a view of the text');
  }
  const folded = foldFullWidth(view.text);
  let words = cutView(folded, options.hmm ?? true);
  if (options.conventions ?? true) for (const pass of PASSES) words = pass(folded, words);
  return mapToSource(text, view, folded, words);
}

/** The words of `text` as strings, in its own script: the bakeoff's one-line format. */
export function segmentWords(text: string, options?: SegmentOptions): string[] {
  return segment(text, options).map((t) => t.text);
}

/**
 * Segments many lines at once (faster than one call per line): one word list per line.
 * Lines must not contain line breaks.
 */
export function segmentLines(lines: readonly string[], options?: SegmentOptions): string[][] {
  const text = lines.join('\n');
  const out: string[][] = lines.map(() => []);
  let line = 0;
  let lineEnd = (lines[0] ?? '').length;
  for (const token of segment(text, options)) {
    while (token.start >= lineEnd && line < lines.length - 1) {
      line++;
      lineEnd += 1 + (lines[line] as string).length;
    }
    (out[line] as string[]).push(token.text);
  }
  return out;
}

/** jieba's bare cut on the same segmenter, without the view, passes or mapping: the
 * benchmark's baseline. */
export function jiebaCut(text: string): string[] {
  return cutWords(text);
}
