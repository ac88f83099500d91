/**
 * npm run train:ner [-- OPTIONS]
 *
 * Trains the character NER tagger (src/annotate/ner): an averaged perceptron over hashed
 * character features, BIOES tags, Viterbi decoding. It reads the corpora as
 * scripts/lib/eval-ner.ts does (readNerCorpora): the training splits under
 * ../shared/eval/ner-train (MSRA, CLUENER, Weibo, UNER GSD Traditional), and trains on
 * their `train` sentences only; their `dev` sentences (the dev splits under
 * ../shared/eval/ner; for MSRA every 10th block of 100 training sentences) are what
 * `npm run eval` scores. Traditional text is converted to Simplified first: the tagger reads
 * the Simplified view. Writes compact weights (hashes and quantized numbers, no text) to
 * models/ner/: one model for Simplified text and one for Traditional (see --domain).
 * Deterministic: seeded shuffles. About 16 minutes and 10 GB on one core with the defaults.
 *
 * Options (defaults chosen on the dev sentences):
 *   --epochs N       passes over the data (8)
 *   --seed N         shuffles and augmentation (1)
 *   --augment k[,corpus=k…]
 *                    copies of each sentence with its names swapped for other names of the
 *                    same type from the same corpus (mention replacement): 4 for the small
 *                    corpora, none for MSRA (`4,msra=0`), which has names enough and would
 *                    not fit in memory five times over
 *   --min-weight W   drop features whose averaged weights all stay below W (3: a third of
 *                    the features, the same F1 to a few ten-thousandths, a faster tagger)
 *   --min-count N    ignore features seen fewer than N times (1)
 *   --bag K          average K perceptrons trained with different shuffles (3)
 *   --repeat c=k,…   show corpus c's sentences k times per epoch
 *   --corpora a,b    train on these corpora only
 *   --data DIR       the shared eval folder (../shared/eval); --out FILE the Simplified
 *                    model file (the Traditional one is written beside it, -traditional)
 *   --domain s[,t]   give every feature a copy private to each corpus besides the shared
 *                    one (feature augmentation), and export the Simplified model in corpus
 *                    s's conventions and the Traditional one in t's: shared weights plus
 *                    --domain-share times the corpus's own (msra,uner-gsd-trad; `shared`
 *                    exports the shared part alone; `none` trains one set of weights for all
 *                    corpora, as if they agreed)
 *   --domain-share s how much of the domain's own weights the exported models add (1)
 *   --fraction f     train on about f of each corpus's training sentences (1): a learning
 *                    curve (npm run train:ner:curve runs one)
 *   --dev            also score the dev sentences after each epoch
 *   --report FILE    write the exported models' dev scores as JSON
 *
 * Why domains: the corpora disagree on what a name is. MSRA (People's Daily news) marks
 * every country and every level of an address apart (青海省 / 曲麻莱县) and one-character
 * short forms (中/美 in 中美); CLUENER marks whole addresses and leaves many countries
 * unmarked; UNER follows Wikipedia. Trained as one, the model learns their average. Simplified
 * text is read in MSRA's conventions, news being what jiedu reads; Traditional text in
 * UNER's, the only Traditional corpus (its PUD test set is news). The other corpora still
 * teach the shared weights what names look like.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractFeatures, FEATURES_PER_UNIT } from '../src/annotate/ner/extract-features.ts';
import { builtInGazetteer } from '../src/annotate/ner/gazetteer.ts';
import { NER_MODEL_FILE, tagEntities } from '../src/annotate/ner/index.ts';
import { decodeModel, encodeModel, type NerModel } from '../src/annotate/ner/model.ts';
import { addHintBonus } from '../src/annotate/ner/tag-simplified.ts';
import { spansToTags, TAG_COUNT, type TagSpan, tagsToSpans } from '../src/annotate/ner/tags.ts';
import { viterbi } from '../src/annotate/ner/viterbi.ts';
import { tokensToViewWords, wordInfo } from '../src/annotate/ner/word-info.ts';
import { segment } from '../src/annotate/segment/index.ts';
import { simplifiedView } from '../src/normalize/index.ts';
import {
  countSpans,
  NER_TYPES,
  type NerCounts,
  type NerSentence,
  type NerType,
  readNerCorpora,
  scorePart,
} from './lib/eval-ner.ts';
import { scriptArgs } from './lib/script-args.ts';
import { seeded } from './lib/seeded.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const T = TAG_COUNT;
/**
 * Feature slots per unit in training: FEATURES_PER_UNIT, doubled under --domain, where every
 * feature also has a copy private to the sentence's corpus (feature augmentation, Daumé's
 * "frustratingly easy" domain adaptation): the shared copy learns what the corpora agree on,
 * the private one each corpus's own conventions.
 */
let WIDTH = FEATURES_PER_UNIT;

/** A sentence ready for training: feature ids per unit and gold tags. */
interface Example {
  corpus: string;
  n: number;
  /** Dictionary hints per unit, for the decoder's bonus. */
  hints: Uint8Array;
  /** n × WIDTH feature ids; -1 for a feature the trainer has not seen. */
  ids: Int32Array;
  gold: Uint8Array;
  /** Gold spans in Simplified offsets (for scoring). */
  spans: TagSpan[];
}

/** The sentence in Simplified with its spans moved onto the Simplified text. */
function simplify(s: NerSentence): { text: string; spans: TagSpan[] } {
  const view = simplifiedView(s.text);
  if (view.text.length === s.text.length) return { text: view.text, spans: s.spans };
  const spans: TagSpan[] = [];
  for (const span of s.spans) {
    let start = -1;
    let end = -1;
    for (let j = 0; j < view.text.length; j++) {
      if ((view.starts[j] as number) >= span.start && (view.ends[j] as number) <= span.end) {
        if (start < 0) start = j;
        end = j + 1;
      }
    }
    if (start >= 0) spans.push({ start, end, type: span.type });
  }
  return { text: view.text, spans };
}

/** A sentence's features as hashes, before they are numbered. */
interface Hashed {
  corpus: string;
  n: number;
  hints: Uint8Array;
  hashes: Int32Array;
  gold: Uint8Array;
  spans: TagSpan[];
}

/** A feature's copy private to corpus number `domain` (1-based); never 0, as hashes aren't. */
function domainHash(hash: number, domain: number): number {
  const h = Math.imul(hash ^ Math.imul(domain, 0x61c88647), 0x2c1b3c6d);
  return h ^ (h >>> 15) || 1;
}

/**
 * `corpus`'s sentence hashed; with `domain` (1-based, 0 for none), WIDTH slots per unit: the
 * shared features, then their copies private to that domain.
 */
function hashSentence(corpus: string, s: NerSentence, domain = 0): Hashed {
  const { text, spans } = simplify(s);
  const n = text.length;
  const hints = new Uint8Array(n);
  builtInGazetteer().mark(text, hints, new Uint8Array(n));
  const hashes = new Int32Array(n * FEATURES_PER_UNIT);
  // The sentence is Simplified already: its view is itself, unit for unit.
  const view = simplifiedView(text);
  const words = tokensToViewWords(view, segment(text, { view }));
  extractFeatures(text, hints, wordInfo(text, 0, n, words), hashes);
  const gold = spansToTags(spans, n);
  if (WIDTH === FEATURES_PER_UNIT) return { corpus, n, hints, hashes, gold, spans };
  const both = new Int32Array(n * WIDTH);
  for (let i = 0; i < n; i++) {
    for (let f = 0; f < FEATURES_PER_UNIT; f++) {
      const h = hashes[i * FEATURES_PER_UNIT + f] as number;
      both[i * WIDTH + f] = h;
      both[i * WIDTH + FEATURES_PER_UNIT + f] = domainHash(h, domain);
    }
  }
  return { corpus, n, hints, hashes: both, gold, spans };
}

/**
 * Mention replacement: copies of `s` with each name swapped, with probability 1/2, for
 * another name of the same type from `pool`, so the model sees names in new contexts.
 */
function augment(
  s: NerSentence,
  pool: Record<NerType, string[]>,
  copies: number,
  next: () => number,
): NerSentence[] {
  const out: NerSentence[] = [];
  if (s.spans.length === 0) return out;
  for (let k = 0; k < copies; k++) {
    let text = '';
    let at = 0;
    const spans: TagSpan[] = [];
    for (const span of s.spans) {
      text += s.text.slice(at, span.start);
      const names = pool[span.type];
      const name =
        next() < 0.5 && names.length > 0
          ? (names[Math.floor(next() * names.length)] as string)
          : s.text.slice(span.start, span.end);
      spans.push({ start: text.length, end: text.length + name.length, type: span.type });
      text += name;
      at = span.end;
    }
    text += s.text.slice(at);
    out.push({ text, spans });
  }
  return out;
}

/** `k,name=k,…`: a default number and numbers per corpus. */
function perCorpus(spec: string): (corpus: string) => number {
  let fallback = 0;
  const own = new Map<string, number>();
  for (const part of spec.split(',')) {
    const [a, b] = part.split('=');
    if (b === undefined) fallback = Number(a);
    else own.set(a as string, Number(b));
  }
  return (corpus) => own.get(corpus) ?? fallback;
}

/**
 * Feature hashes numbered in the order they were added: an open-addressing table over typed
 * arrays, as a Map holds at most 2^24 entries and the training data has more features than
 * that with the domain copies. Hashes are never 0 (0 marks an empty slot).
 */
class FeatureIds {
  /** The hash in each slot, 0 for none, and its number. */
  private slots = new Int32Array(1 << 20);
  private numbers = new Int32Array(1 << 20);
  /** The hashes by number. */
  private hashes = new Int32Array(1 << 16);
  size = 0;

  private slotOf(hash: number): number {
    const mask = this.slots.length - 1;
    let s = Math.imul(hash, 0x9e3779b1) >>> 0;
    s &= mask;
    for (;;) {
      const found = this.slots[s] as number;
      if (found === hash || found === 0) return s;
      s = (s + 1) & mask;
    }
  }

  /** The number of `hash`, -1 when it was never added. */
  indexOf(hash: number): number {
    const s = this.slotOf(hash);
    return this.slots[s] === 0 ? -1 : (this.numbers[s] as number);
  }

  has(hash: number): boolean {
    return this.indexOf(hash) >= 0;
  }

  /** The hash numbered `id`. */
  hashAt(id: number): number {
    return this.hashes[id] as number;
  }

  /** Adds `hash` if new; its number. */
  add(hash: number): number {
    let s = this.slotOf(hash);
    if (this.slots[s] !== 0) return this.numbers[s] as number;
    if (2 * (this.size + 1) > this.slots.length) {
      this.grow();
      s = this.slotOf(hash);
    }
    if (this.size === this.hashes.length) {
      const more = new Int32Array(2 * this.hashes.length);
      more.set(this.hashes);
      this.hashes = more;
    }
    this.slots[s] = hash;
    this.numbers[s] = this.size;
    this.hashes[this.size] = hash;
    return this.size++;
  }

  private grow(): void {
    const { slots, numbers } = this;
    this.slots = new Int32Array(2 * slots.length);
    this.numbers = new Int32Array(2 * slots.length);
    for (let k = 0; k < slots.length; k++) {
      const hash = slots[k] as number;
      if (hash === 0) continue;
      const s = this.slotOf(hash);
      this.slots[s] = hash;
      this.numbers[s] = numbers[k] as number;
    }
  }
}

/** Numbers the features seen at least `minCount` times in `train`, in order of first sight. */
function numberFeatures(train: readonly Hashed[], minCount: number): FeatureIds {
  const seen = new FeatureIds();
  let counts = new Int32Array(1 << 16);
  for (const h of train) {
    for (const k of h.hashes) {
      const id = seen.add(k);
      if (id >= counts.length) {
        const more = new Int32Array(2 * counts.length);
        more.set(counts);
        counts = more;
      }
      counts[id] = (counts[id] as number) + 1;
    }
  }
  if (minCount <= 1) return seen;
  const ids = new FeatureIds();
  for (let id = 0; id < seen.size; id++) {
    if ((counts[id] as number) >= minCount) ids.add(seen.hashAt(id));
  }
  return ids;
}

/** A hashed sentence with its features numbered; -1 for features left out. */
function toExample(h: Hashed, ids: FeatureIds): Example {
  const out = new Int32Array(h.hashes.length);
  for (let k = 0; k < out.length; k++) out[k] = ids.indexOf(h.hashes[k] as number);
  return { corpus: h.corpus, n: h.n, hints: h.hints, ids: out, gold: h.gold, spans: h.spans };
}

/**
 * Averaged perceptron weights: `w` the current weights, `u` the sum of every update times
 * the step it was made at, so the average over all steps is `w - u / step`.
 */
class Perceptron {
  w: Float32Array;
  u: Float64Array;
  tw = new Float64Array(T * T + 2 * T);
  tu = new Float64Array(T * T + 2 * T);
  step = 1;

  constructor(features: number) {
    this.w = new Float32Array(features * T);
    this.u = new Float64Array(features * T);
  }

  /** Per-unit tag scores with the current (or averaged) weights. */
  scores(ex: Example, averaged: boolean): Float64Array {
    const out = new Float64Array(ex.n * T);
    const { w, u, step } = this;
    for (let i = 0; i < ex.n; i++) {
      for (let f = i * WIDTH; f < (i + 1) * WIDTH; f++) {
        const id = ex.ids[f] as number;
        if (id < 0) continue;
        const row = id * T;
        for (let t = 0; t < T; t++) {
          const v = averaged
            ? (w[row + t] as number) - (u[row + t] as number) / step
            : (w[row + t] as number);
          out[i * T + t] = (out[i * T + t] as number) + v;
        }
      }
    }
    return out;
  }

  transitionWeights(averaged: boolean) {
    const all = new Float32Array(T * T + 2 * T);
    for (let k = 0; k < all.length; k++) {
      all[k] = averaged
        ? (this.tw[k] as number) - (this.tu[k] as number) / this.step
        : (this.tw[k] as number);
    }
    return {
      transitions: all.subarray(0, T * T),
      start: all.subarray(T * T, T * T + T),
      end: all.subarray(T * T + T),
    };
  }

  decode(ex: Example, averaged: boolean): Uint8Array {
    const tags = new Uint8Array(ex.n);
    const scores = this.scores(ex, averaged);
    addHintBonus(scores, ex.hints, ex.n);
    viterbi(scores, ex.n, this.transitionWeights(averaged), tags);
    return tags;
  }

  private bump(ex: Example, i: number, tag: number, d: number): void {
    const { w, u, step } = this;
    for (let f = i * WIDTH; f < (i + 1) * WIDTH; f++) {
      const id = ex.ids[f] as number;
      if (id < 0) continue;
      const k = id * T + tag;
      w[k] = (w[k] as number) + d;
      u[k] = (u[k] as number) + step * d;
    }
  }

  private bumpTransition(k: number, d: number): void {
    this.tw[k] = (this.tw[k] as number) + d;
    this.tu[k] = (this.tu[k] as number) + this.step * d;
  }

  /** Adds `share` of `other`'s averaged weights to this one's current weights. */
  addAverage(other: Perceptron, share: number): void {
    for (let k = 0; k < this.w.length; k++) {
      const v = (other.w[k] as number) - (other.u[k] as number) / other.step;
      this.w[k] = (this.w[k] as number) + share * v;
    }
    for (let k = 0; k < this.tw.length; k++) {
      const v = (other.tw[k] as number) - (other.tu[k] as number) / other.step;
      this.tw[k] = (this.tw[k] as number) + share * v;
    }
  }

  /** One example: decode, and where the best sequence differs from gold, move toward gold. */
  learn(ex: Example): boolean {
    const pred = this.decode(ex, false);
    const { gold, n } = ex;
    let wrong = false;
    for (let i = 0; i < n; i++) {
      const g = gold[i] as number;
      const p = pred[i] as number;
      if (g !== p) {
        wrong = true;
        this.bump(ex, i, g, 1);
        this.bump(ex, i, p, -1);
      }
      const gPrev = i === 0 ? -1 : (gold[i - 1] as number);
      const pPrev = i === 0 ? -1 : (pred[i - 1] as number);
      if (g !== p || gPrev !== pPrev) {
        if (i === 0) {
          this.bumpTransition(T * T + g, 1);
          this.bumpTransition(T * T + p, -1);
        } else {
          this.bumpTransition(gPrev * T + g, 1);
          this.bumpTransition(pPrev * T + p, -1);
        }
      }
    }
    const gl = gold[n - 1] as number;
    const pl = pred[n - 1] as number;
    if (n > 0 && gl !== pl) {
      this.bumpTransition(T * T + T + gl, 1);
      this.bumpTransition(T * T + T + pl, -1);
    }
    this.step++;
    return wrong;
  }
}

function emptyCounts(): Record<NerType, NerCounts> {
  return {
    PER: { gold: 0, predicted: 0, correct: 0 },
    LOC: { gold: 0, predicted: 0, correct: 0 },
    ORG: { gold: 0, predicted: 0, correct: 0 },
  };
}

function f1(c: NerCounts): number {
  return c.gold + c.predicted === 0 ? 0 : (2 * c.correct) / (c.gold + c.predicted);
}

/** Span F1 per corpus (and type) of the averaged model on `examples`. */
function score(model: Perceptron, examples: readonly Example[]): string {
  const byCorpus = new Map<string, Record<NerType, NerCounts>>();
  for (const ex of examples) {
    let counts = byCorpus.get(ex.corpus);
    if (counts === undefined) {
      counts = emptyCounts();
      byCorpus.set(ex.corpus, counts);
    }
    const predicted = tagsToSpans(model.decode(ex, true));
    countSpans(ex.spans, predicted, counts);
  }
  const parts: string[] = [];
  for (const [corpus, counts] of byCorpus) {
    const total = { gold: 0, predicted: 0, correct: 0 };
    for (const t of NER_TYPES) {
      total.gold += counts[t].gold;
      total.predicted += counts[t].predicted;
      total.correct += counts[t].correct;
    }
    const types = NER_TYPES.map((t) => `${t} ${f1(counts[t]).toFixed(3)}`).join(' ');
    parts.push(`${corpus} ${f1(total).toFixed(3)} (${types})`);
  }
  return parts.join(' | ');
}

/**
 * The averaged weights of features that matter, ready for encodeModel. Under --domain only
 * the `shared` features are exported, with `share` of their copies private to `domain`
 * added in, so the model speaks that corpus's conventions at no cost at run time.
 */
function exportWeights(
  model: Perceptron,
  ids: FeatureIds,
  minWeight: number,
  domain = 0,
  share = 1,
  shared: FeatureIds | null = null,
) {
  const keys: number[] = [];
  const rows: number[] = [];
  const avg = new Float32Array(T);
  const kept: Float32Array[] = [];
  const average = (id: number, t: number) =>
    (model.w[id * T + t] as number) - (model.u[id * T + t] as number) / model.step;
  // `shared`: under --domain, the hashes of the shared features; domain -1 exports them alone.
  for (let id = 0; id < ids.size; id++) {
    const hash = ids.hashAt(id);
    if (shared !== null && !shared.has(hash)) continue;
    const found = domain <= 0 ? -1 : ids.indexOf(domainHash(hash, domain));
    const own = found < 0 ? undefined : found;
    let max = 0;
    for (let t = 0; t < T; t++) {
      const v = average(id, t) + (own === undefined ? 0 : share * average(own, t));
      avg[t] = v;
      max = Math.max(max, Math.abs(v));
    }
    if (max < minWeight) continue;
    keys.push(hash);
    rows.push(id);
    kept.push(avg.slice());
  }
  const weights = new Float32Array(keys.length * T);
  kept.forEach((row, r) => {
    weights.set(row, r * T);
  });
  const tw = model.transitionWeights(true);
  return {
    keys: Int32Array.from(keys),
    weights,
    transitions: Float32Array.from(tw.transitions),
    start: Float32Array.from(tw.start),
    end: Float32Array.from(tw.end),
  };
}

async function main(): Promise<number> {
  const { values } = scriptArgs(import.meta.url, {
    options: {
      epochs: { type: 'string', default: '8' },
      seed: { type: 'string', default: '1' },
      dev: { type: 'boolean', default: false },
      data: { type: 'string' },
      out: { type: 'string' },
      'min-weight': { type: 'string', default: '3' },
      'min-count': { type: 'string', default: '1' },
      corpora: { type: 'string' },
      repeat: { type: 'string' },
      augment: { type: 'string', default: '4,msra=0' },
      bag: { type: 'string', default: '3' },
      domain: { type: 'string', default: 'msra,uner-gsd-trad' },
      'domain-share': { type: 'string', default: '1' },
      fraction: { type: 'string', default: '1' },
      report: { type: 'string' },
    },
  });
  const epochs = Number(values.epochs);
  const seed = Number(values.seed);
  const minWeight = Number(values['min-weight']);
  const minCount = Number(values['min-count']);
  const showDev = values.dev === true;
  const dataDir = resolve(values.data ?? join(ROOT, '..', 'shared', 'eval'));
  const out = resolve(values.out ?? join(ROOT, 'models', NER_MODEL_FILE));
  const t0 = performance.now();

  const only = values.corpora?.split(',');
  const corpora = (await readNerCorpora(dataDir)).filter(
    (c) => only === undefined || only.includes(c.name),
  );
  if (corpora.length === 0) {
    console.error(`train-ner: no NER corpora under ${dataDir}`);
    return 1;
  }
  // --domain s[,t]: per-corpus feature copies, and the models exported in corpus s's
  // conventions for Simplified text and t's for Traditional (1-based indices); -1 for
  // `shared`, the shared part alone; 0 for `none`, no copies.
  const names = (values.domain as string).split(',');
  const domainIndex = (name: string) =>
    name === 'none' ? 0 : name === 'shared' ? -1 : corpora.findIndex((c) => c.name === name) + 1;
  const domains = {
    simplified: domainIndex(names[0] as string),
    traditional: domainIndex((names[1] ?? names[0]) as string),
  };
  for (const [k, d] of Object.entries(domains)) {
    if (d === 0 && !names.includes('none')) {
      console.error(
        `train-ner: the --domain for ${k} text is not among the corpora trained on ` +
          `(${corpora.map((c) => c.name).join(', ')}); or give shared or none`,
      );
      return 2;
    }
  }
  const domain = domains.simplified === 0 && domains.traditional === 0 ? 0 : 1;
  if (domain !== 0) WIDTH = 2 * FEATURES_PER_UNIT;
  const share = Number(values['domain-share']);
  if (!(share >= 0 && share <= 1)) {
    console.error('train-ner: --domain-share takes a number from 0 to 1');
    return 2;
  }
  const domainOf = (name: string) =>
    domain === 0 ? 0 : corpora.findIndex((c) => c.name === name) + 1;
  // --fraction f: train on about f of each corpus's training sentences (a learning curve).
  const fraction = Number(values.fraction);
  if (!(fraction > 0 && fraction <= 1)) {
    console.error('train-ner: --fraction takes a number in (0, 1]');
    return 2;
  }
  // A golden-ratio scatter: the kept sentences spread over the whole file.
  const kept = (i: number) => fraction === 1 || (i * 0.6180339887498949) % 1 < fraction;
  const hashed: Hashed[] = [];
  const devHashed: Hashed[] = [];
  /** The dev sentences as written, per corpus, to score the exported model on. */
  const devSentences = new Map<string, NerSentence[]>();
  // --augment k[,corpus=k…]: copies per sentence, by default and per corpus.
  const copiesOf = perCorpus(values.augment);
  const augmentRandom = seeded(seed + 1);
  for (const c of corpora) {
    const pool: Record<NerType, string[]> = { PER: [], LOC: [], ORG: [] };
    const mine: NerSentence[] = [];
    c.train.forEach((s, i) => {
      if (!kept(i)) return;
      const simple = simplify(s);
      mine.push({ text: simple.text, spans: simple.spans as NerSentence['spans'] });
      for (const span of simple.spans)
        pool[span.type].push(simple.text.slice(span.start, span.end));
    });
    const copies = copiesOf(c.name);
    for (const s of mine) {
      hashed.push(hashSentence(c.name, s, domainOf(c.name)));
      for (const a of augment(s, pool, copies, augmentRandom))
        hashed.push(hashSentence(c.name, a, domainOf(c.name)));
    }
    if (showDev && c.dev.length > 0) {
      // Scored as the exported model will tag it: in the conventions of --domain.
      const d = Math.max(domains[c.script], 0);
      for (const s of c.dev) devHashed.push(hashSentence(c.name, s, d));
    }
    if (c.dev.length > 0) devSentences.set(c.name, c.dev);
    console.error(
      `${c.name}: ${mine.length} of ${c.train.length} training sentences, ${copies} copies each; ${c.dev.length} dev`,
    );
  }
  // Under --domain, the shared features are the first FEATURES_PER_UNIT slots of each unit.
  const sharedHashes = domain === 0 ? null : new FeatureIds();
  if (sharedHashes !== null) {
    for (const h of hashed) {
      for (let k = 0; k < h.hashes.length; k += WIDTH) {
        for (let f = 0; f < FEATURES_PER_UNIT; f++) sharedHashes.add(h.hashes[k + f] as number);
      }
    }
  }
  const ids = numberFeatures(hashed, minCount);
  const train = hashed.map((h) => toExample(h, ids));
  const dev = devHashed.map((h) => toExample(h, ids));
  const tPrep = performance.now();
  console.error(
    `${train.length} sentences, ${ids.size} features; prepared in ${((tPrep - t0) / 1000).toFixed(1)} s`,
  );

  // --repeat name=k,…: a corpus's sentences k times per epoch.
  const repeat = new Map(
    (values.repeat?.split(',') ?? []).map((r) => {
      const [name, k] = r.split('=');
      return [name as string, Number(k)] as const;
    }),
  );
  const base = train.flatMap((ex, i) => Array<number>(repeat.get(ex.corpus) ?? 1).fill(i));
  // --bag K: K perceptrons, each with its own shuffles, averaged into one model.
  const bag = Number(values.bag);
  const model = new Perceptron(ids.size);
  for (let b = 0; b < bag; b++) {
    const one = bag === 1 ? model : new Perceptron(ids.size);
    const next = seeded(seed + 1000 * b);
    const order = base.slice();
    for (let epoch = 1; epoch <= epochs; epoch++) {
      // Fisher–Yates with the seeded generator.
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [order[i], order[j]] = [order[j] as number, order[i] as number];
      }
      let wrong = 0;
      for (const k of order) if (one.learn(train[k] as Example)) wrong++;
      const line = `${bag > 1 ? `bag ${b + 1} ` : ''}epoch ${epoch}: ${wrong} sentences corrected`;
      // Under --domain, the domain's own weights count in full here (the export adds a share).
      console.error(dev.length > 0 ? `${line}; dev F1 ${score(one, dev)}` : line);
    }
    if (bag > 1) model.addAverage(one, 1 / bag);
  }
  if (bag > 1 && dev.length > 0) console.error(`bag of ${bag}: dev F1 ${score(model, dev)}`);
  const tTrain = performance.now();

  // One model per script, unless both speak the same conventions.
  const outs = {
    simplified: out,
    traditional: out.replace(/(\.bin\.gz)?$/, '-traditional$1'),
  };
  const scripts: ('simplified' | 'traditional')[] =
    domains.simplified === domains.traditional ? ['simplified'] : ['simplified', 'traditional'];
  const written: Partial<Record<'simplified' | 'traditional', NerModel>> = {};
  for (const script of scripts) {
    const parts = exportWeights(model, ids, minWeight, domains[script], share, sharedHashes);
    const bytes = encodeModel({
      ...parts,
      trained: {
        corpora: corpora.filter((c) => c.train.length > 0).flatMap((c) => c.files),
        sentences: train.length,
        epochs,
        seed,
        script,
        ...(domain === 0
          ? {}
          : { domain: names[script === 'simplified' ? 0 : 1] ?? names[0], domainShare: share }),
        ...(fraction === 1 ? {} : { fraction }),
        heldOut: 'the dev splits; MSRA: every 10th block of 100 training sentences',
      },
    });
    await mkdir(dirname(outs[script]), { recursive: true });
    await writeFile(outs[script], bytes);
    written[script] = decodeModel(bytes);
    console.error(
      `wrote ${relative(process.cwd(), outs[script])}: ${parts.keys.length} features with weight, ` +
        `${(bytes.length / 1e6).toFixed(2)} MB`,
    );
  }
  if (devSentences.size > 0) {
    // What ships is what is scored: the written models, through the run-time tagger.
    const rows = [...devSentences].flatMap(([name, sentences]) => {
      const script = corpora.find((c) => c.name === name)?.script ?? 'simplified';
      const m = (written[script] ?? written.simplified) as NerModel;
      return scorePart(name, 'dev', sentences, (t) => tagEntities(t, { model: m }));
    });
    const f1s = [...devSentences.keys()].map(
      (name) =>
        `${name} ${rows
          .filter((r) => r.corpus === name)
          .map((r) => `${r.type} ${r.f1.toFixed(3)}`)
          .join(' ')}`,
    );
    console.error(`exported models, dev F1: ${f1s.join(' | ')}`);
    // --report FILE: the dev rows as JSON, with how many sentences were trained on.
    if (values.report !== undefined) {
      const trainedOn = Object.fromEntries(
        corpora.map((c) => [c.name, c.train.filter((_, i) => kept(i)).length]),
      );
      await writeFile(
        resolve(values.report),
        `${JSON.stringify({ fraction, trainedOn, rows }, null, 2)}\n`,
      );
    }
  }
  console.error(
    `training ${((tTrain - tPrep) / 1000).toFixed(1)} s, total ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  return 0;
}

process.exitCode = await main();
