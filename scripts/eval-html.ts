/**
 * HTML extraction scores for `npm run eval` (scripts/eval.ts calls evalHtml):
 *
 * - html/cwce: pages with hand gold. Body: character-level F1 between the text we extract
 *   after the headline (every block, byline and source line of the page tree) and cleaned/,
 *   both taken as MULTISETS OF NON-WHITESPACE CHARACTERS (order ignored; spaces, line ends
 *   and U+3000 dropped): P = shared / ours, R = shared / gold, F1 per page, averaged over
 *   pages. Date: exact match at the gold's precision (gold 2005-5-7 21:23 matches
 *   2005-05-07T21:23 and 2005-05-07T21:23:40, not 2005-05-07 alone; gold UNKNOWN matches
 *   no date). Author: the set of gold names (split at spaces, 、 and commas) equals our
 *   `authors`, or our editors when we find no author, as the gold credits 责任编辑：X pages
 *   to X (gold UNKNOWN matches none). Gold files that cannot be judged are left out,
 *   as ../shared/eval/README.md lists them: empty ones, a date file that holds no date, a
 *   misspelt placeholder (an all-capitals word other than UNKNOWN).
 * - html/gne: agreement with another extractor's output (result.txt, silver, not gold):
 *   title equal (whitespace ignored), author equal, publish_time equal at its precision,
 *   content character F1 as above.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse, toArticleView } from '../src/index.ts';
import type { PageNode } from '../src/tree/types.ts';

/** Minimums for `--check`, from eval/thresholds.json's `html` entry. */
export interface HtmlThresholds {
  cwce?: Partial<Record<'body.f1' | 'date' | 'author', number>>;
  gne?: Partial<Record<'title' | 'author' | 'date' | 'content.f1', number>>;
}

/** One scored page. */
export interface HtmlPageScore {
  set: 'cwce' | 'gne';
  file: string;
  bodyF1: number;
  bodyP: number;
  bodyR: number;
  /** null: the gold cannot be judged and the page is left out of this metric. */
  date: boolean | null;
  author: boolean | null;
  title?: boolean;
  ours: { date: string | null; authors: string[]; title: string };
  gold: { date: string; author: string; title?: string };
  ms: number;
  error?: string;
}

/** Averages over the pages of one set. */
export interface HtmlSummary {
  set: 'cwce' | 'gne';
  pages: number;
  bodyF1: number;
  bodyP: number;
  bodyR: number;
  date: { right: number; judged: number };
  author: { right: number; judged: number };
  title?: { right: number; judged: number };
}

/** The non-whitespace characters of a text, counted. */
function charCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const ch of text.replace(/[\s\u3000\u00a0\ufeff]/g, '')) {
    counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  return counts;
}

/** Character-multiset precision, recall and F1 of `ours` against `gold`. */
export function charF1(ours: string, gold: string): { p: number; r: number; f1: number } {
  const a = charCounts(ours);
  const b = charCounts(gold);
  let shared = 0;
  let na = 0;
  let nb = 0;
  for (const n of a.values()) na += n;
  for (const n of b.values()) nb += n;
  for (const [ch, n] of a) shared += Math.min(n, b.get(ch) ?? 0);
  if (na === 0 && nb === 0) return { p: 1, r: 1, f1: 1 };
  const p = na === 0 ? 0 : shared / na;
  const r = nb === 0 ? 0 : shared / nb;
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

/** The numbers of a date as written (2005-5-7 21:23:57 → [2005, 5, 7, 21, 23, 57]), or null. */
export function dateNumbers(value: string): number[] | null {
  const m =
    /^(\d{4})(?:[-/.年](\d{1,2})(?:[-/.月](\d{1,2})日?(?:[ T]+(\d{1,2})[:：](\d{1,2})(?:[:：](\d{1,2}))?)?)?)?/.exec(
      value.trim(),
    );
  if (m === null) return null;
  return m
    .slice(1)
    .filter((x): x is string => x !== undefined)
    .map(Number);
}

/** Whether our ISO date matches a gold date at the gold's precision. */
export function sameDate(ours: string | null, gold: string): boolean {
  if (gold === 'UNKNOWN') return ours === null;
  if (ours === null) return false;
  const g = dateNumbers(gold);
  const o = dateNumbers(ours);
  if (g === null || o === null || o.length < g.length) return false;
  return g.every((n, i) => n === o[i]);
}

/** Names of a gold author line: 王建宏 张文攀, 赵延东、风笑天. */
function goldNames(value: string): string[] {
  return value
    .split(/[\s\u3000、，,;；]+/)
    .map((n) => n.trim())
    .filter((n) => n !== '');
}

/** Whether our authors are exactly the gold's (as sets). */
export function sameAuthors(ours: readonly string[], gold: string): boolean {
  if (gold === 'UNKNOWN') return ours.length === 0;
  const want = new Set(goldNames(gold));
  const got = new Set(ours.map((n) => n.trim()));
  return want.size === got.size && [...want].every((n) => got.has(n));
}

/** A gold value that cannot be judged: empty, or a misspelt placeholder (UNKNWON). */
function unjudgeable(value: string): boolean {
  return value === '' || (/^[A-Z]{4,}$/.test(value) && value !== 'UNKNOWN');
}

/** The body text of a parsed page: everything but the headline. */
function bodyOf(page: PageNode): string {
  return page.children
    .flatMap((a) => a.children.filter((n) => n.type !== 'headline').map((n) => n.text))
    .join('\n');
}

async function readText(path: string): Promise<string> {
  return existsSync(path) ? (await readFile(path, 'utf8')).replace(/^\ufeff/, '').trim() : '';
}

interface Extracted {
  page: PageNode;
  date: string | null;
  authors: string[];
  title: string;
  ms: number;
}

function extract(bytes: Uint8Array, path: string): Extracted {
  const t0 = performance.now();
  const page = parse(bytes, { path, format: 'html' });
  const ms = performance.now() - t0;
  const article = toArticleView(page).articles[0];
  // The person a page is credited to: its authors, or when it names none, its editors
  // (the gold files credit 责任编辑：X pages to X).
  const authors = article?.authors ?? [];
  const editors = (article?.credits ?? []).filter((c) => c.role === 'editor').map((c) => c.name);
  return {
    page,
    date: article?.published ?? null,
    authors: authors.length > 0 ? authors : editors,
    title: article?.headline ?? '',
    ms,
  };
}

/** Scores html/cwce: every original/*.html with its cleaned/, date/ and author/ gold. */
async function scoreCwce(root: string): Promise<HtmlPageScore[]> {
  const out: HtmlPageScore[] = [];
  const files = (await readdir(join(root, 'original'))).filter((f) => f.endsWith('.html')).sort();
  for (const file of files) {
    const stem = file.replace(/\.html$/, '');
    const cleaned = await readText(join(root, 'cleaned', `${stem}.txt`));
    const date = await readText(join(root, 'date', `${stem}.txt`));
    const author = await readText(join(root, 'author', `${stem}.txt`));
    const ours = extract(new Uint8Array(await readFile(join(root, 'original', file))), file);
    const body = charF1(bodyOf(ours.page), cleaned);
    const dateJudged = !unjudgeable(date) && (date === 'UNKNOWN' || dateNumbers(date) !== null);
    out.push({
      set: 'cwce',
      file: stem,
      bodyF1: body.f1,
      bodyP: body.p,
      bodyR: body.r,
      date: dateJudged ? sameDate(ours.date, date) : null,
      author: unjudgeable(author) ? null : sameAuthors(ours.authors, author),
      ours: { date: ours.date, authors: ours.authors, title: ours.title },
      gold: { date, author },
      ms: ours.ms,
    });
  }
  return out;
}

/** One entry of gne's result.txt: `>>>>…path>>>>` then a JSON object, then `<<<<…`. */
interface GneEntry {
  path: string;
  title: string;
  author: string;
  publish_time: string;
  content: string;
}

function readGneResults(text: string): GneEntry[] {
  const out: GneEntry[] = [];
  const re = />{4,}([^>\n]+?)>{4,}\n([\s\S]*?)\n<{4,}/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const json = JSON.parse(m[2] as string) as Omit<GneEntry, 'path'>;
    out.push({ path: (m[1] as string).trim(), ...json });
  }
  return out;
}

/** Scores html/gne against result.txt (silver). */
async function scoreGne(root: string): Promise<HtmlPageScore[]> {
  const entries = readGneResults(await readFile(join(root, 'result.txt'), 'utf8'));
  const out: HtmlPageScore[] = [];
  for (const entry of entries) {
    const path = join(root, entry.path);
    if (!existsSync(path)) continue;
    const ours = extract(new Uint8Array(await readFile(path)), entry.path);
    const body = charF1(bodyOf(ours.page), entry.content);
    const bare = (s: string) => s.replace(/\s+/g, '');
    // gne writes 未知 (unknown) when it found no author.
    const goldAuthor = entry.author === '未知' || entry.author === '' ? 'UNKNOWN' : entry.author;
    const goldDate = entry.publish_time === '' ? 'UNKNOWN' : entry.publish_time;
    out.push({
      set: 'gne',
      file: entry.path,
      bodyF1: body.f1,
      bodyP: body.p,
      bodyR: body.r,
      date:
        dateNumbers(goldDate) === null && goldDate !== 'UNKNOWN'
          ? null
          : sameDate(ours.date, goldDate),
      author: sameAuthors(ours.authors, goldAuthor),
      title: bare(ours.title) === bare(entry.title),
      ours: { date: ours.date, authors: ours.authors, title: ours.title },
      gold: { date: goldDate, author: goldAuthor, title: entry.title },
      ms: ours.ms,
    });
  }
  return out;
}

function tally(rows: readonly HtmlPageScore[], key: 'date' | 'author' | 'title') {
  const judged = rows.filter((r) => r[key] !== null && r[key] !== undefined);
  return { right: judged.filter((r) => r[key] === true).length, judged: judged.length };
}

function summarize(set: 'cwce' | 'gne', rows: readonly HtmlPageScore[]): HtmlSummary {
  const mean = (f: (r: HtmlPageScore) => number) =>
    rows.length === 0 ? 0 : rows.reduce((s, r) => s + f(r), 0) / rows.length;
  return {
    set,
    pages: rows.length,
    bodyF1: mean((r) => r.bodyF1),
    bodyP: mean((r) => r.bodyP),
    bodyR: mean((r) => r.bodyR),
    date: tally(rows, 'date'),
    author: tally(rows, 'author'),
    ...(set === 'gne' ? { title: tally(rows, 'title') } : {}),
  };
}

const share = (t: { right: number; judged: number }) => (t.judged === 0 ? 1 : t.right / t.judged);

/** `html <set>: <metric> <value> < <floor>` for each measured metric below its floor. */
function shortfalls<M extends string>(
  set: HtmlPageScore['set'],
  got: Record<M, number>,
  floors: Partial<Record<M, number>> | undefined,
): string[] {
  const out: string[] = [];
  for (const [metric, value] of Object.entries<number>(got)) {
    const floor = floors?.[metric as M];
    if (floor !== undefined && value < floor)
      out.push(`html ${set}: ${metric} ${value.toFixed(3)} < ${floor}`);
  }
  return out;
}

/** The scores of every HTML set present under `dir`, and the shortfalls against `min`. */
export async function evalHtml(
  dir: string,
  min: HtmlThresholds,
): Promise<{ pages: HtmlPageScore[]; summaries: HtmlSummary[]; below: string[] }> {
  const pages: HtmlPageScore[] = [];
  const summaries: HtmlSummary[] = [];
  const below: string[] = [];
  const cwceDir = join(dir, 'html', 'cwce');
  if (existsSync(join(cwceDir, 'original'))) {
    const rows = await scoreCwce(cwceDir);
    pages.push(...rows);
    const s = summarize('cwce', rows);
    summaries.push(s);
    const got = { 'body.f1': s.bodyF1, date: share(s.date), author: share(s.author) };
    below.push(...shortfalls('cwce', got, min.cwce));
  }
  const gneDir = join(dir, 'html', 'gne');
  if (existsSync(join(gneDir, 'result.txt'))) {
    const rows = await scoreGne(gneDir);
    pages.push(...rows);
    const s = summarize('gne', rows);
    summaries.push(s);
    const got = {
      title: share(s.title ?? { right: 0, judged: 0 }),
      author: share(s.author),
      date: share(s.date),
      'content.f1': s.bodyF1,
    };
    below.push(...shortfalls('gne', got, min.gne));
  }
  return { pages, summaries, below };
}

/** The summary table of evalHtml, one row per set. */
export function formatHtmlTable(summaries: readonly HtmlSummary[]): string {
  const pct = (t: { right: number; judged: number } | undefined) =>
    t === undefined ? '   —   ' : `${share(t).toFixed(2)} (${t.right}/${t.judged})`;
  const lines = ['set    pages  body P  body R  body F1  date            author          title'];
  for (const s of summaries) {
    lines.push(
      [
        s.set.padEnd(6),
        String(s.pages).padStart(5),
        s.bodyP.toFixed(3).padStart(7),
        s.bodyR.toFixed(3).padStart(7),
        s.bodyF1.toFixed(3).padStart(8),
        ` ${pct(s.date).padEnd(15)}`,
        pct(s.author).padEnd(15),
        pct(s.title),
      ].join(' '),
    );
  }
  return lines.join('\n');
}

/** Run alone (node --import tsx scripts/eval-html.ts [dir] [--pages]): the table, and every page with --pages. */
if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? join(import.meta.dirname, '..', '..', 'shared', 'eval');
  const { pages, summaries } = await evalHtml(dir, {});
  if (process.argv.includes('--pages')) {
    for (const p of pages) {
      console.log(
        `${p.set} ${p.file.slice(0, 24).padEnd(24)} F1 ${p.bodyF1.toFixed(3)} P ${p.bodyP.toFixed(3)} R ${p.bodyR.toFixed(3)} date ${p.date} (${p.ours.date} | ${p.gold.date}) author ${p.author} (${p.ours.authors.join(' ')} | ${p.gold.author})${p.title === undefined ? '' : ` title ${p.title}`}`,
      );
    }
  }
  console.log(formatHtmlTable(summaries));
}
