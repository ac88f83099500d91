import { toSimplified } from '../normalize/index.ts';
import type { Keyword, Token } from '../tree/annotations.ts';

/** Parts of speech that make keywords: nouns and names (n…), verbs and verbal nouns, Latin. */
function isKeyPos(pos: string): boolean {
  return pos.charCodeAt(0) === 0x6e || pos === 'v' || pos === 'vn' || pos === 'eng';
}
/**
 * Words too common in news to say what a story is about: the reporting verbs (表示, 指出,
 * 强调, 认为, 表达), the verbs of every communiqué (进行, 实现, 推动, 加强, 继续, 发展, 坚定,
 * 维护, 支持, 反对), the nouns of every diplomatic story (问题, 方面, 领域, 工作, 关系, 国家,
 * 国际, 世界, 双方, 各方), and news furniture (今天, 记者, 报道, 有关, 相关, 重要, 共同).
 * In Simplified: a word is looked up in Simplified, so both scripts lose the same words.
 */
const STOP = new Set(
  '表示 指出 强调 认为 表达 进行 实现 推动 加强 继续 发展 坚定 维护 支持 反对 问题 方面 领域 工作 关系 国家 国际 世界 双方 各方 今天 记者 报道 有关 相关 重要 共同'.split(
    ' ',
  ),
);
/** Whether a word is a stop word, by its Simplified form. Words repeat from page to page:
 * each is converted once (the table is emptied when it grows past STOP_CACHE). */
const stopCache = new Map<string, boolean>();
const STOP_CACHE = 100_000;

function isStopWord(word: string): boolean {
  let stop = stopCache.get(word);
  if (stop === undefined) {
    stop = STOP.has(word) || STOP.has(toSimplified(word));
    if (stopCache.size >= STOP_CACHE) stopCache.clear();
    stopCache.set(word, stop);
  }
  return stop;
}

const WINDOW = 5;
const DAMPING = 0.85;
const ITERATIONS = 20;
/** Mean change per word below which the ranking has settled. */
const CONVERGED = 1e-3;

/**
 * Keywords by TextRank: candidate words (nouns, names, verbs; two characters or more) are
 * linked each time they occur within five words of each other, and ranked by the graph.
 * Scores are scaled so the top keyword has 1.
 */
export function extractKeywords(tokens: readonly Token[], top = 10): Keyword[] {
  if (top <= 0) return [];
  const { index, ids } = candidateIds(tokens);
  const n = index.size;
  if (n === 0) return [];
  // Undirected co-occurrence links, one per co-occurrence (so pairs that meet often weigh
  // more, as in jieba's TextRank), laid out as adjacency lists in two passes.
  const degree = new Int32Array(n);
  const last = ids.length;
  for (let i = 0; i < last; i++) {
    const a = ids[i] as number;
    const stop = Math.min(last, i + WINDOW);
    for (let j = i + 1; j < stop; j++) {
      const b = ids[j] as number;
      if (a === b) continue;
      degree[a] = (degree[a] as number) + 1;
      degree[b] = (degree[b] as number) + 1;
    }
  }
  const offset = new Int32Array(n + 1);
  for (let a = 0; a < n; a++) offset[a + 1] = (offset[a] as number) + (degree[a] as number);
  const fill = offset.slice(0, n);
  const adjacent = new Int32Array(offset[n] as number);
  for (let i = 0; i < last; i++) {
    const a = ids[i] as number;
    const stop = Math.min(last, i + WINDOW);
    for (let j = i + 1; j < stop; j++) {
      const b = ids[j] as number;
      if (a === b) continue;
      adjacent[fill[a] as number] = b;
      fill[a] = (fill[a] as number) + 1;
      adjacent[fill[b] as number] = a;
      fill[b] = (fill[b] as number) + 1;
    }
  }
  let rank = new Float64Array(n).fill(1);
  let next = new Float64Array(n);
  for (let it = 0; it < ITERATIONS; it++) {
    next.fill(1 - DAMPING);
    for (let a = 0; a < n; a++) {
      const d = degree[a] as number;
      if (d === 0) continue;
      const share = (DAMPING * (rank[a] as number)) / d;
      // The bound read once: V8 cannot tell that the stores to `next` leave `offset` alone,
      // and would read it again on every link of the hottest loop of keyword extraction.
      const end = offset[a + 1] as number;
      for (let k = offset[a] as number; k < end; k++) {
        const b = adjacent[k] as number;
        next[b] = (next[b] as number) + share;
      }
    }
    let change = 0;
    for (let a = 0; a < n; a++) change += Math.abs((next[a] as number) - (rank[a] as number));
    const swap = rank;
    rank = next;
    next = swap;
    if (change < CONVERGED * n) break;
  }
  const names = [...index.keys()];
  let max = 0;
  for (const r of rank) if (r > max) max = r;
  // Only the top few are wanted: keep them in a small sorted list instead of sorting every
  // candidate. Ties go to the word first in code-point order, so the choice is stable.
  const best: Keyword[] = [];
  for (let i = 0; i < n; i++) {
    const score = Math.round(((rank[i] as number) / max) * 1000) / 1000;
    const text = names[i] as string;
    if (best.length === top && !outranks(score, text, best[top - 1] as Keyword)) continue;
    let at = best.length;
    while (at > 0 && outranks(score, text, best[at - 1] as Keyword)) at--;
    best.splice(at, 0, { text, score });
    if (best.length > top) best.pop();
  }
  return best;
}

/** The candidate words in text order as ids (0, 1, … by first occurrence), in one pass over
 * the tokens: a page has thousands of them, and a filter, a map and a walk would each make
 * another array of them. */
function candidateIds(tokens: readonly Token[]): { index: Map<string, number>; ids: Int32Array } {
  const index = new Map<string, number>();
  const ids = new Int32Array(tokens.length);
  let count = 0;
  for (const t of tokens) {
    const w = t.text;
    if (w.length < 2 || !isKeyPos(t.pos) || isStopWord(w)) continue;
    let id = index.get(w);
    if (id === undefined) {
      id = index.size;
      index.set(w, id);
    }
    ids[count++] = id;
  }
  return { index, ids: ids.subarray(0, count) };
}

/** Whether a word with `score` ranks before keyword `k`: a higher score, or the same score
 * and an earlier word in code-point order. */
function outranks(score: number, text: string, k: Keyword): boolean {
  return score > k.score || (score === k.score && text < k.text);
}

/** A sentence a summary may pick, with its tokens' texts. */
export interface Sentence {
  start: number;
  end: number;
  text: string;
  words: string[];
}

/**
 * An extractive summary: sentences scored by the keywords they hold (longer sentences are
 * not favoured beyond their content), the lead sentence given a head start, and the best
 * two or three returned in reading order.
 */
export function summarize(
  sentences: readonly Sentence[],
  keywords: readonly Keyword[],
): Sentence[] {
  if (sentences.length <= 2) return [...sentences];
  const weight = new Map(keywords.map((k) => [k.text, k.score]));
  const want = sentences.length >= 6 ? 3 : 2;
  const scored = sentences.map((s, i) => {
    // Each keyword counts once a sentence; a sentence holds few of them, so a short list of
    // those seen beats a set of all its words.
    let score = 0;
    const seen: string[] = [];
    for (const w of s.words) {
      const k = weight.get(w);
      if (k === undefined || seen.includes(w)) continue;
      seen.push(w);
      score += k;
    }
    score /= 1 + Math.log(1 + codePoints(s.text) / 20);
    if (i === 0) score += 0.5;
    return { s, i, score };
  });
  return scored
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .slice(0, want)
    .sort((a, b) => a.i - b.i)
    .map((x) => x.s);
}

/** Characters of `text`, a surrogate pair counting one, without splitting it into an array. */
function codePoints(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
      const p = text.charCodeAt(i - 1);
      if (p >= 0xd800 && p <= 0xdbff) n--;
    }
  }
  return n;
}
