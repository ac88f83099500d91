import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { big5Safe } from '../../scripts/lib/big5.ts';
import { toSimplified, toTraditional } from '../../src/normalize/index.ts';
import { parse } from '../../src/pipeline.ts';
import type { DocumentInput } from '../../src/store/types.ts';
import { encodeBig5, encodeGb18030, encodeUtf8 } from './encode.ts';

/**
 * The composed story set (test/fixtures/stories/stories.json) and its copies: each story as
 * written and six copies of it, as other outlets would print it: in the other script; saved
 * as Big5 or GB18030; headlined anew with another dateline; a paragraph cut and a sentence
 * reworded; its first half only, headlined anew; and all of these at once. Every topic has two different stories with the same
 * actors (the non-copies). `npm run eval` and test/stories.test.ts score the archive's
 * stories against it.
 */

export interface ComposedStory {
  id: string;
  script: 'traditional' | 'simplified';
  outlet: string;
  date: string;
  headline: string;
  headline2: string;
  /** The start of the first paragraph that another outlet writes as `dateline2`. */
  dateline: string;
  dateline2: string;
  paragraphs: string[];
  /** A sentence (or part of one) as written, and reworded. */
  reword: [string, string];
}

/** One page of the set: a story's copy as bytes, with what ingest would know of it. */
export interface StoryCopy {
  /** The story it is a copy of (the gold). */
  story: string;
  variant: string;
  source: string;
  outlet: string;
  date: string;
  bytes: Uint8Array;
}

const FIXTURE = new URL('../fixtures/stories/stories.json', import.meta.url);

/** Outlets that print a copy, by script. */
const OUTLETS = {
  traditional: ['大公報', '東方日報', '經濟日報', '信報'],
  simplified: ['人民日报', '中新网', '环球时报', '澎湃新闻'],
} as const;

const toBig5 = big5Safe(encodeBig5);

/** The stories as written. */
export function composedStories(): ComposedStory[] {
  return (JSON.parse(readFileSync(FIXTURE, 'utf8')) as { stories: ComposedStory[] }).stories;
}

/** A page: the headline, then the paragraphs, blank lines between. */
function page(headline: string, paragraphs: readonly string[]): string {
  return `${[headline, ...paragraphs].join('\n\n')}\n`;
}

/** The story's paragraphs with its sentence reworded. */
function reworded(story: ComposedStory): string[] {
  const [from, to] = story.reword;
  if (!story.paragraphs.some((p) => p.includes(from))) {
    throw new Error(`stories.json: ${story.id}: '${from}' is in no paragraph`);
  }
  return story.paragraphs.map((p) => p.replace(from, to));
}

/** The first paragraph with the other dateline. */
function redated(story: ComposedStory, paragraphs: readonly string[]): string[] {
  const [first, ...rest] = paragraphs;
  if (first === undefined || !first.startsWith(story.dateline)) {
    throw new Error(
      `stories.json: ${story.id}: the first paragraph does not open with its dateline`,
    );
  }
  return [story.dateline2 + first.slice(story.dateline.length), ...rest];
}

/** A page saved in the legacy encoding of its script: Big5 or GB18030. */
function legacy(text: string, script: ComposedStory['script']): Uint8Array {
  return script === 'traditional' ? encodeBig5(toBig5(text)) : encodeGb18030(text);
}

/** The story as written and its six copies. */
export function storyCopies(story: ComposedStory): StoryCopy[] {
  const other = story.script === 'traditional' ? 'simplified' : 'traditional';
  const convert = other === 'traditional' ? toTraditional : toSimplified;
  const own = OUTLETS[story.script];
  const theirs = OUTLETS[other];
  const written = page(story.headline, story.paragraphs);
  const cut = (paragraphs: string[], index: number) => paragraphs.filter((_, i) => i !== index);
  const copies: [string, string, Uint8Array][] = [
    ['original', story.outlet, encodeUtf8(written)],
    ['other-script', theirs[0], encodeUtf8(convert(written))],
    ['legacy-encoding', own[0], legacy(written, story.script)],
    [
      'headline-dateline',
      own[1],
      encodeUtf8(page(story.headline2, redated(story, story.paragraphs))),
    ],
    ['cut-reworded', own[2], encodeUtf8(page(story.headline, cut(reworded(story), 4)))],
    // A brief made of the copy's first half, as a paper short of space prints it.
    ['first-half', own[3], encodeUtf8(page(story.headline2, story.paragraphs.slice(0, 3)))],
    [
      'all-at-once',
      theirs[1],
      legacy(
        convert(page(story.headline2, cut(redated(story, reworded(story)), 2))),
        other as ComposedStory['script'],
      ),
    ],
  ];
  return copies.map(([variant, outlet, bytes]) => ({
    story: story.id,
    variant,
    source: `stories/${story.id}/${variant}.txt`,
    outlet,
    date: story.date,
    bytes,
  }));
}

/** Every page of the set, story by story; or those of the topics named (eu-tariffs: both
 * its stories). */
export function storySet(topics?: readonly string[]): StoryCopy[] {
  const wanted = (id: string) =>
    topics === undefined || topics.some((t) => id === t || id.startsWith(`${t}-`));
  return composedStories()
    .filter((s) => wanted(s.id))
    .flatMap(storyCopies);
}

/** A page of the set as the archive takes it: parsed (not annotated: stories read the
 * text alone), hashed by its bytes. */
export function storyDocument(copy: StoryCopy): DocumentInput {
  return {
    hash: createHash('sha256').update(copy.bytes).digest('hex'),
    source: copy.source,
    outlet: copy.outlet,
    date: copy.date,
    bytes: copy.bytes.length,
    page: parse(copy.bytes, { path: copy.source }),
  };
}
