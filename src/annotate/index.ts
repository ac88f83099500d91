import { readFile } from 'node:fs/promises';
import { decode } from '../decode/index.ts';
import { loadUserDictionary } from './lexicon/index.ts';

export { type AnnotateOptions, annotate } from './annotate-page.ts';
export { type EntitiesOptions, type EntityHit, entities } from './entities.ts';
export type { TagSpans } from './find-entities.ts';
export { tagEntities } from './ner/index.ts';
export { type SegmentOptions, segment, segmentWords } from './segment/index.ts';

/**
 * Loads a user dictionary file (lines `word [freq] [tag]`, or lexicon TSV rows) for the
 * segmenter and the entity finder; any encoding jiedu reads.
 */
export async function loadDictionaryFile(path: string): Promise<void> {
  const { text } = decode(new Uint8Array(await readFile(path)), { path });
  loadUserDictionary(text, path);
}
