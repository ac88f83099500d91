/**
 * The clause reader's subjects scored on Universal Dependencies: in the GSD dev treebank
 * (../shared/eval/ud, 500 Wikipedia sentences, both scripts), every verb whose `nsubj` is a
 * proper noun (a name: 王毅 宣布, 公司 经营 is not counted) is a question — who is the subject
 * of this verb? — and jiedu's answer is `clauseSubject` at the verb, as the quote and stance
 * readers ask it at a cue, over the names page annotation finds (rules, lexicon and tagger,
 * references resolved). An answer is right when the name it gives covers the subject's
 * head word, wrong when it gives another, and none when it gives no one; precision is right
 * over answered, recall right over asked. The treebank's own words and tags are not used:
 * jiedu reads the raw sentence as it reads a page.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findEntities } from '../../src/annotate/find-entities.ts';
import { scriptOf, tagWords } from '../../src/annotate/ner/index.ts';
import { tokensToViewWords } from '../../src/annotate/ner/word-info.ts';
import { clauseSubject, WordEdges } from '../../src/annotate/read-clauses.ts';
import { newPageMemory, resolveReferences } from '../../src/annotate/resolve-references.ts';
import { segment } from '../../src/annotate/segment/index.ts';
import { simplifiedView } from '../../src/normalize/index.ts';
import { textTable } from './text-table.ts';

/** The two dev files: Traditional (GSD) and Simplified (GSDSimp). */
const TREEBANKS = [
  { name: 'gsd-traditional', path: join('UD_Chinese-GSD', 'zh_gsd-ud-dev.conllu') },
  { name: 'gsd-simplified', path: join('UD_Chinese-GSDSimp', 'zh_gsdsimp-ud-dev.conllu') },
] as const;

/** One verb whose subject the treebank gives as a name. */
export interface SubjectQuestion {
  text: string;
  /** The verb's span in `text`. */
  verb: { start: number; end: number };
  /** The subject's head word's span in `text`. */
  subject: { start: number; end: number };
}

export interface SubjectScore {
  treebank: string;
  asked: number;
  right: number;
  wrong: number;
  none: number;
  precision: number;
  recall: number;
  /** Up to `examples` of each kind of miss, as `sentence | verb | gold → ours`. */
  misses: string[];
}

/** The questions of one CoNLL-U file: each sentence's text and the tokens' offsets in it. */
export function subjectQuestions(conllu: string): SubjectQuestion[] {
  const out: SubjectQuestion[] = [];
  for (const block of conllu.split(/\n\s*\n/)) {
    const lines = block.split('\n');
    const text = lines.find((l) => l.startsWith('# text = '))?.slice('# text = '.length);
    if (text === undefined) continue;
    const tokens: { id: string; form: string; upos: string; head: string; rel: string }[] = [];
    for (const line of lines) {
      if (line.startsWith('#') || line.trim() === '') continue;
      const cols = line.split('\t');
      if (cols.length < 8 || !/^\d+$/.test(cols[0] as string)) continue;
      tokens.push({
        id: cols[0] as string,
        form: cols[1] as string,
        upos: cols[3] as string,
        head: cols[6] as string,
        rel: cols[7] as string,
      });
    }
    // Offsets: each form found in the text in order (spaces between some are skipped).
    const spans = new Map<string, { start: number; end: number }>();
    let at = 0;
    let aligned = true;
    for (const t of tokens) {
      const found = text.indexOf(t.form, at);
      if (found === -1 || found - at > 2) {
        aligned = false;
        break;
      }
      spans.set(t.id, { start: found, end: found + t.form.length });
      at = found + t.form.length;
    }
    if (!aligned) continue;
    const byId = new Map(tokens.map((t) => [t.id, t]));
    for (const t of tokens) {
      if (t.rel !== 'nsubj' || t.upos !== 'PROPN') continue;
      const head = byId.get(t.head);
      if (head === undefined || head.upos !== 'VERB') continue;
      const verb = spans.get(head.id);
      const subject = spans.get(t.id);
      if (verb === undefined || subject === undefined || subject.start > verb.start) continue;
      out.push({ text, verb, subject });
    }
  }
  return out;
}

/** jiedu's subject of the verb at `verb.start`: the span of the name it gives, or null. */
export function answer(q: SubjectQuestion): { start: number; end: number } | null {
  // Read as page annotation reads an article's Simplified view; the view keeps offsets for
  // one-to-one conversions, which the treebank's sentences are.
  const view = simplifiedView(q.text);
  if (view.text.length !== q.text.length) return null;
  const words = tokensToViewWords(view, segment(q.text, { view }));
  const script = scriptOf(q.text);
  const raw = findEntities(
    view.text,
    { people: new Set(), works: [], tagger: (t, w) => tagWords(t, w, { script }) },
    words,
  );
  const refs = resolveReferences(view.text, raw, newPageMemory());
  const edges = new WordEdges(view.text.length, words);
  const s = clauseSubject(view.text, 0, q.verb.start, refs, { edges, places: true });
  if (s.kind === 'one') return { start: s.ref.start, end: s.ref.end };
  if (s.kind === 'many') {
    const first = s.refs[0];
    return first === undefined ? null : { start: first.start, end: first.end };
  }
  return null;
}

/** Scores the treebanks under `dir` (../shared/eval/ud); none when they are not there. */
export async function evalSubjects(dir: string, examples = 0): Promise<SubjectScore[]> {
  const out: SubjectScore[] = [];
  for (const tb of TREEBANKS) {
    const path = join(dir, tb.path);
    if (!existsSync(path)) continue;
    const questions = subjectQuestions(await readFile(path, 'utf8'));
    let right = 0;
    let wrong = 0;
    let none = 0;
    const misses: string[] = [];
    for (const q of questions) {
      const a = answer(q);
      const gold = q.text.slice(q.subject.start, q.subject.end);
      const verb = q.text.slice(q.verb.start, q.verb.end);
      if (a === null) none++;
      else if (a.start <= q.subject.start && a.end >= q.subject.end) right++;
      else wrong++;
      if (
        (a === null || !(a.start <= q.subject.start && a.end >= q.subject.end)) &&
        misses.length < examples
      ) {
        const ours = a === null ? '∅' : q.text.slice(a.start, a.end);
        misses.push(`${q.text.slice(0, 40)} | ${verb} | ${gold} → ${ours}`);
      }
    }
    const answered = right + wrong;
    out.push({
      treebank: tb.name,
      asked: questions.length,
      right,
      wrong,
      none,
      precision: answered === 0 ? 0 : right / answered,
      recall: questions.length === 0 ? 0 : right / questions.length,
      misses,
    });
  }
  return out;
}

/** The scores as a table: asked, right, wrong, none, precision, recall. */
export function formatSubjectTable(scores: readonly SubjectScore[]): string {
  return textTable(
    [
      ['treebank', 'asked', 'right', 'wrong', 'none', 'P', 'R'],
      ...scores.map((s) => [
        s.treebank,
        String(s.asked),
        String(s.right),
        String(s.wrong),
        String(s.none),
        s.precision.toFixed(3),
        s.recall.toFixed(3),
      ]),
    ],
    (column) => column > 0,
  );
}

// Run on its own: the table and up to N misses of each treebank (N from the environment).
if (import.meta.url === `file://${process.argv[1]}`) {
  const here = fileURLToPath(new URL('../../../shared/eval/ud', import.meta.url));
  const scores = await evalSubjects(here, Number(process.env.N ?? 20));
  console.log(formatSubjectTable(scores));
  for (const s of scores) {
    console.log(`\n${s.treebank}: misses (sentence | verb | gold subject → ours)`);
    for (const m of s.misses) console.log(`  ${m}`);
  }
}
