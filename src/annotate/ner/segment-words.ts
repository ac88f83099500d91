import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import type { TaggedWord } from './word-info.ts';

let jieba: Jieba | null = null;

/** Cuts and tags Simplified text into words with jieba's part-of-speech tags. */
export function segmentWords(text: string): TaggedWord[] {
  if (jieba === null) jieba = Jieba.withDict(dict);
  return jieba.tag(text, true);
}
