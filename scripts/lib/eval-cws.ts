/**
 * Word segmentation scored on the SIGHAN bakeoff test sets: every ../shared/eval/cws/<corpus>/
 * holding raw.txt (one unsegmented sentence per line) and gold.txt (the same lines, words
 * separated by spaces or U+3000). jiedu's `segment` and Debian's python3-jieba (the ordinary
 * `jieba.cut`, run by scripts/lib/jieba-peer.py with /usr/bin/python3) segment the same lines
 * in the same run and are scored alike: word precision, recall and F1, a word counting as
 * right when its character span matches a gold word's (the bakeoff scorer's rule).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { segmentLines } from '../../src/annotate/segment/index.ts';
import { detectScript } from '../../src/normalize/index.ts';
import { textTable } from './text-table.ts';

/** The interpreter Debian's python3-jieba installs for; not whatever python3 is first on PATH. */
export const PEER_PYTHON = '/usr/bin/python3';
const PEER_SCRIPT = fileURLToPath(new URL('./jieba-peer.py', import.meta.url));
/** jieba-peer.py's exit status when jieba cannot be imported. */
const PEER_MISSING = 3;

/** Word-level scores of one segmenter on one corpus. */
export interface CwsScore {
  precision: number;
  recall: number;
  f1: number;
  /** Words in the gold standard, in the segmenter's output, and matched. */
  gold: number;
  predicted: number;
  matched: number;
  /** Lines whose characters differ from gold's once spaces are removed (scored anyway). */
  mismatched: number;
  ms: number;
}

/** One corpus: our scores beside python3-jieba's. */
export interface Row {
  corpus: string;
  script: string;
  lines: number;
  ours?: CwsScore;
  /** python3-jieba's scores; absent when it could not run (see `note`). */
  peer?: CwsScore;
  /** Why the peer or the corpus was skipped. */
  note?: string;
  error?: string;
}

/** Lines of a bakeoff file, without the final empty line a trailing newline leaves. */
function fileLines(text: string): string[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

const SEPARATOR = /[\s\u3000]+/u;

/** The words of a segmented line: split on spaces, U+3000 included. */
export function lineWords(line: string): string[] {
  return line.split(SEPARATOR).filter((w) => w !== '');
}

/** Character spans of a line's words, as `start:end` keys. */
function spans(words: readonly string[]): { keys: Set<number>; chars: string } {
  const keys = new Set<number>();
  let at = 0;
  for (const w of words) {
    // One number per span: start * 2^20 + end (lines are far shorter than 2^20).
    keys.add(at * 1048576 + at + w.length);
    at += w.length;
  }
  return { keys, chars: words.join('') };
}

/** Scores segmented lines against gold lines, both as word lists, line by line. */
export function scoreLines(
  gold: readonly (readonly string[])[],
  predicted: readonly (readonly string[])[],
  ms = 0,
): CwsScore {
  let goldCount = 0;
  let predictedCount = 0;
  let matched = 0;
  let mismatched = 0;
  for (let i = 0; i < gold.length; i++) {
    const g = spans(gold[i] ?? []);
    const p = spans(predicted[i] ?? []);
    if (g.chars !== p.chars) mismatched++;
    goldCount += g.keys.size;
    predictedCount += p.keys.size;
    for (const key of p.keys) if (g.keys.has(key)) matched++;
  }
  const precision = predictedCount === 0 ? 0 : matched / predictedCount;
  const recall = goldCount === 0 ? 0 : matched / goldCount;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    precision,
    recall,
    f1,
    gold: goldCount,
    predicted: predictedCount,
    matched,
    mismatched,
    ms,
  };
}

/** Output of the peer: its lines, or why it could not run. */
export type PeerResult = { lines: string[]; ms: number } | { skipped: string };

/**
 * Runs python3-jieba over `lines`, one line in, one line out; with `pos`, each word as
 * `word/flag` (jieba.posseg's part of speech).
 */
export function runPeer(lines: readonly string[], pos = false): Promise<PeerResult> {
  if (!existsSync(PEER_PYTHON)) {
    return Promise.resolve({ skipped: `${PEER_PYTHON} is absent` });
  }
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(PEER_PYTHON, [PEER_SCRIPT, ...(pos ? ['--pos'] : [])], {
      stdio: ['pipe', 'pipe', 'pipe'],
      // The system interpreter with its own packages only: no user site, no PYTHONPATH.
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C.UTF-8', PYTHONNOUSERSITE: '1' },
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', (e) => resolve({ skipped: `cannot run ${PEER_PYTHON}: ${e.message}` }));
    child.on('close', (code) => {
      if (code === PEER_MISSING) {
        resolve({ skipped: `python3-jieba is not installed for ${PEER_PYTHON}` });
      } else if (code !== 0) {
        const why = Buffer.concat(err).toString('utf8').trim().split('\n').pop() ?? '';
        resolve({ skipped: `jieba-peer.py exited with ${code}: ${why}` });
      } else {
        resolve({
          lines: fileLines(Buffer.concat(out).toString('utf8')),
          ms: performance.now() - t0,
        });
      }
    });
    child.stdin.on('error', () => {
      // The peer died early; 'close' reports why.
    });
    child.stdin.end(`${lines.join('\n')}\n`);
  });
}

/** Scores every corpus under `<sharedEvalDir>/cws`, ours and python3-jieba's side by side. */
export async function evalCws(sharedEvalDir: string): Promise<Row[]> {
  const root = join(sharedEvalDir, 'cws');
  if (!existsSync(root)) return [];
  const corpora = (await readdir(root, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .filter(
      (name) => existsSync(join(root, name, 'raw.txt')) && existsSync(join(root, name, 'gold.txt')),
    )
    .sort();
  const rows: Row[] = [];
  for (const corpus of corpora) {
    const raw = fileLines(await readFile(join(root, corpus, 'raw.txt'), 'utf8'));
    const gold = fileLines(await readFile(join(root, corpus, 'gold.txt'), 'utf8')).map(lineWords);
    const row: Row = { corpus, script: detectScript(raw.join('\n')), lines: raw.length };
    rows.push(row);
    if (gold.length !== raw.length) {
      row.error = `raw.txt has ${raw.length} lines, gold.txt ${gold.length}`;
      continue;
    }
    const t0 = performance.now();
    const ours = segmentLines(raw);
    row.ours = scoreLines(gold, ours, performance.now() - t0);
    const peer = await runPeer(raw);
    if ('skipped' in peer) {
      row.note = `python3-jieba skipped: ${peer.skipped}`;
    } else if (peer.lines.length !== raw.length) {
      row.note = `python3-jieba gave ${peer.lines.length} lines for ${raw.length}`;
    } else {
      row.peer = scoreLines(gold, peer.lines.map(lineWords), peer.ms);
    }
  }
  return rows;
}

const f3 = (n: number | undefined) => (n === undefined ? '–' : n.toFixed(3));

/** The table: one row per corpus, our P/R/F1 beside python3-jieba's and the difference. */
export function formatCwsTable(rows: readonly Row[]): string {
  if (rows.length === 0) return 'cws: no corpus with raw.txt and gold.txt under cws/';
  const head = [
    'corpus',
    'script',
    'lines',
    'P',
    'R',
    'F1',
    'jieba P',
    'jieba R',
    'jieba F1',
    'ΔF1',
    'ms',
    'jieba ms',
    '',
  ];
  const body = rows.map((r) => {
    const delta =
      r.ours !== undefined && r.peer !== undefined
        ? `${r.ours.f1 >= r.peer.f1 ? '+' : ''}${(r.ours.f1 - r.peer.f1).toFixed(3)}`
        : '–';
    const notes = [r.error, r.note];
    if (r.ours !== undefined && r.ours.mismatched > 0)
      notes.push(`${r.ours.mismatched} lines differ`);
    return [
      r.corpus,
      r.script,
      String(r.lines),
      f3(r.ours?.precision),
      f3(r.ours?.recall),
      f3(r.ours?.f1),
      f3(r.peer?.precision),
      f3(r.peer?.recall),
      f3(r.peer?.f1),
      delta,
      r.ours === undefined ? '–' : String(Math.round(r.ours.ms)),
      r.peer === undefined ? '–' : String(Math.round(r.peer.ms)),
      notes.filter((n) => n !== undefined).join('; '),
    ];
  });
  return textTable([head, ...body], (i) => i !== 0 && i !== 1 && i !== 12);
}
