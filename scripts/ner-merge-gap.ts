/**
 * node --import tsx scripts/ner-merge-gap.ts [CORPUS…] [--eval DIR] [--examples N]
 *
 * Where page annotation's names (`entities()`, what `parse --annotate` gives: the tagger
 * merged with the rules and lexicon) fall short of the tagger alone on the NER dev splits
 * (issue 12: within .02 of the tagger). Counts the names the tagger finds right (span and
 * type as the gold's) that the merged finder does not give, split into the kinds the
 * annotation guidelines (../shared/eval/annot/GUIDELINES.md) do not mark as names the way the
 * NER corpora do:
 *
 * - a one-character abbreviation (中, 美, 京, 华; and 中华): the guidelines resolve a
 *   country written so in a bilateral compound or in X方 to the country, and leave out
 *   adjectival uses (中餐馆, 欧美球队, 中华民族); the corpora mark each as a LOC;
 * - an organisation right before an office title (全国人大常委会副委员长, 亚足联主席):
 *   the guidelines leave out an organisation that appears only inside a job title;
 *
 * - a place inside a nationality (美国人, 中国人, 韩国籍): the guidelines leave
 *   nationalities out; the corpora mark the place;
 *
 * and the rest, by type, with examples. Corpora: msra, gsd, cluener, weibo (default: all
 * that ../shared/eval holds). MSRA's dev split is its own (see scripts/lib/eval-ner.ts).
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { officeAt } from '../src/annotate/gazetteer.ts';
import { entities } from '../src/annotate/index.ts';
import { tagEntities } from '../src/annotate/ner/index.ts';
import { toSimplified } from '../src/normalize/index.ts';
import { readNerCorpora } from './lib/eval-ner.ts';
import { scriptArgs } from './lib/script-args.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values, positionals } = scriptArgs(import.meta.url, {
  allowPositionals: true,
  options: {
    eval: { type: 'string', default: join(ROOT, '..', 'shared', 'eval') },
    examples: { type: 'string', default: '12' },
  },
});
const examples = Number(values.examples);

interface Span {
  start: number;
  end: number;
  type: string;
}
const key = (e: Span) => `${e.start}:${e.end}:${e.type}`;

/** Whether an office title of the lexicon follows the span. */
function beforeTitle(text: string, e: Span): boolean {
  return officeAt(toSimplified(text.slice(e.end, e.end + 8)), 0) !== null;
}

function kindOf(text: string, e: Span): string {
  const name = text.slice(e.start, e.end);
  if (name.length === 1 || toSimplified(name) === '中华') return 'one-character abbreviation';
  if (e.type === 'ORG' && beforeTitle(text, e)) return 'organisation inside a job title';
  if (e.type === 'LOC' && /^[人籍](?![民大])/.test(text.slice(e.end, e.end + 2))) {
    return 'place inside a nationality (美国人, 韩国籍)';
  }
  return `other ${e.type}`;
}

const corpora = await readNerCorpora(values.eval);
for (const corpus of corpora) {
  if (positionals.length > 0 && !positionals.includes(corpus.name)) continue;
  let gold = 0;
  let taggerRight = 0;
  const lost = new Map<string, string[]>();
  for (const s of corpus.dev) {
    const goldKeys = new Set(s.spans.map(key));
    gold += s.spans.length;
    const merged = entities(s.text);
    const mergedKeys = new Set(merged.map(key));
    for (const e of tagEntities(s.text)) {
      if (!goldKeys.has(key(e))) continue;
      taggerRight++;
      if (mergedKeys.has(key(e))) continue;
      const kind = kindOf(s.text, e);
      const list = lost.get(kind) ?? [];
      const got = merged
        .filter((m) => m.start < e.end && m.end > e.start)
        .map((m) => `${m.text}/${m.type}`)
        .join(', ');
      list.push(
        `${s.text.slice(e.start, e.end)}/${e.type} → ${got === '' ? 'nothing' : got} | ` +
          s.text.slice(Math.max(0, e.start - 8), e.end + 8),
      );
      lost.set(kind, list);
    }
  }
  const total = [...lost.values()].reduce((n, l) => n + l.length, 0);
  console.log(
    `\n== ${corpus.name}: ${gold} gold names in dev; the tagger finds ${taggerRight} of them, ` +
      `the merged finder misses ${total} of those (${((100 * total) / Math.max(1, gold)).toFixed(1)} points of recall)`,
  );
  for (const [kind, list] of [...lost].sort((a, b) => b[1].length - a[1].length)) {
    console.log(
      `  ${kind}: ${list.length} (${((100 * list.length) / Math.max(1, gold)).toFixed(1)} points)`,
    );
    for (const line of list.slice(0, examples)) console.log(`      ${line}`);
  }
}
