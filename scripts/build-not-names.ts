/**
 * node --import tsx scripts/build-not-names.ts [--data DIR] [--check]
 *
 * Generates src/annotate/segment/not-names.generated.json: words jieba's dictionary tags as
 * a person's name (nr, nrfg) that the public NER training splits show are no person's name
 * (the dictionary tags some 73,000 words nr, among them 卫星, 友谊, 多云, and places and
 * bodies: 乌克兰, 柏林, 欧佩克). The segmenter's tagger then gives each the tag the splits
 * show: `ns` for a word mostly inside a place's name, `nt` inside an organisation's, else
 * `nc`, so that neither the rules (a name after a title must be one by its words) nor the
 * statistical tagger (which reads the parts of speech) take them for people. `nc` is no tag
 * of jieba's: the splits say the word is no name, not what it is (卫星 is a noun, 祝贺 a
 * verb, 古老 an adjective), so it reads as a noun-like word where any n… tag does (as nr did)
 * and as no name, no plain noun and no verb where a reader asks for one of those.
 *
 * How each entry is justified: the training sentences of MSRA, CLUENER, Weibo and UNER GSD
 * (../shared/eval/ner-train; Traditional read in Simplified, as the tagger reads it) are cut
 * by the segmenter; each word cut so that the dictionary tags nr is counted, and counted as
 * a name of each type when it lies inside a gold name of that type. A word seen at least
 * MIN_SEEN times and inside a person's name at most MAX_NAME_SHARE of them is listed, with
 * its counts and the tag they give (ns or nt when more than half the sightings are inside
 * names of that type). Words of one character are left alone (surnames, 丁 and 史, are names and words
 * alike). The dev sentences are not read.
 *
 * With --check it writes nothing and exits 1 when the committed file is out of date.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dict } from '@node-rs/jieba/dict.js';
import { cutWords } from '../src/annotate/segment/jieba.ts';
import { toSimplified } from '../src/normalize/index.ts';
import { biomeFormat } from './lib/biome-format.ts';
import { readNerCorpora } from './lib/eval-ner.ts';
import { scriptArgs } from './lib/script-args.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'src', 'annotate', 'segment', 'not-names.generated.json');
const GENERATED =
  'by scripts/build-not-names.ts from the NER training splits: do not edit, rerun the script';

/** Fewest times a word must be seen to be judged. */
const MIN_SEEN = 2;
/** Largest share of its sightings inside a person's name for a word to be listed. */
const MAX_NAME_SHARE = 0.1;
/** jieba's tags for a person's name. */
const PERSON_TAGS = new Set(['nr', 'nrfg']);

const { values } = scriptArgs(import.meta.url, {
  options: {
    data: { type: 'string', default: join(ROOT, '..', 'shared', 'eval') },
    check: { type: 'boolean', default: false },
  },
});
const data = values.data as string;
if (!existsSync(join(data, 'ner-train'))) {
  throw new Error(`build-not-names: no NER training splits under ${join(data, 'ner-train')}`);
}

// The dictionary's person words of two characters or more.
const person = new Set<string>();
for (const line of new TextDecoder().decode(dict).split('\n')) {
  const [word, , tag] = line.trim().split(' ');
  if (word !== undefined && tag !== undefined && PERSON_TAGS.has(tag) && word.length >= 2) {
    person.add(word);
  }
}

/** Sightings of each word: in all, and inside a gold person's, place's and body's name. */
interface Counts {
  seen: number;
  PER: number;
  LOC: number;
  ORG: number;
}
const counts = new Map<string, Counts>();
const corpora = await readNerCorpora(data);
let sentences = 0;
for (const corpus of corpora) {
  for (const s of corpus.train) {
    sentences++;
    const text = corpus.script === 'traditional' ? toSimplified(s.text) : s.text;
    // toSimplified keeps offsets for these one-to-one conversions; a text whose length
    // changed is counted without its names.
    const spans = text.length === s.text.length ? s.spans : [];
    let at = 0;
    for (const word of cutWords(text)) {
      const start = at;
      at += word.length;
      if (!person.has(word)) continue;
      let c = counts.get(word);
      if (c === undefined) {
        c = { seen: 0, PER: 0, LOC: 0, ORG: 0 };
        counts.set(word, c);
      }
      c.seen++;
      const inside = spans.find((x) => x.start <= start && at <= x.end);
      if (
        inside !== undefined &&
        (inside.type === 'PER' || inside.type === 'LOC' || inside.type === 'ORG')
      ) {
        c[inside.type]++;
      }
    }
  }
}

/** The tag the sightings give a word: a place's or a body's name, or a common word. */
const tagOf = (c: Counts) => (c.LOC > c.seen / 2 ? 'ns' : c.ORG > c.seen / 2 ? 'nt' : 'nc');
const entries = [...counts]
  .filter(([, c]) => c.seen >= MIN_SEEN && c.PER <= MAX_NAME_SHARE * c.seen)
  .sort((a, b) => b[1].seen - a[1].seen || (a[0] < b[0] ? -1 : 1))
  .map(([word, c]) => [word, tagOf(c), c.seen, c.PER, c.LOC, c.ORG] as const);

const body = {
  generated: GENERATED,
  rule: `seen at least ${MIN_SEEN} times in ${sentences} training sentences, inside a person's name at most ${MAX_NAME_SHARE * 100}% of them`,
  corpora: corpora.map((c) => c.name),
  columns: [
    'word',
    'tag',
    'seen',
    "inside a person's name",
    "inside a place's name",
    "inside an organisation's name",
  ],
  words: entries,
};
const json = biomeFormat(`${JSON.stringify(body)}\n`, OUT, 'scripts/build-not-names.ts');
if (values.check) {
  const committed = existsSync(OUT) ? await readFile(OUT, 'utf8') : '';
  if (committed !== json) {
    process.stderr.write(
      `${OUT} is out of date: run node --import tsx scripts/build-not-names.ts\n`,
    );
    process.exit(1);
  }
  process.stdout.write(`not-names: up to date (${entries.length} words)\n`);
} else {
  await writeFile(OUT, json);
  process.stdout.write(
    `not-names: ${entries.length} of the dictionary's ${person.size} person words seen in ${sentences} training sentences\n`,
  );
}
