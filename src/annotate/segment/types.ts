import type { Token } from '../../tree/annotations.ts';

/**
 * A word while the segmenter works on it: a token whose `start`/`end` are still offsets into
 * the segmenting view's text and whose `text` is filled in when it is mapped back to the
 * decoded text. One object per word from jieba's cut to the result: no copies.
 */
export type ViewWord = Token;

/** One post-processing pass over the words of a view text; returns the new word list. */
export type WordPass = (text: string, words: ViewWord[]) => ViewWord[];
