/**
 * Composes news articles for the archive benchmark from the pages under samples/ and
 * test/fixtures/: their headlines, paragraphs, dialogue and captions, in both scripts, with
 * the people and places the annotator finds in them swapped for others (consistently within
 * an article), numbers changed, and the bylines, datelines and source lines our pages use.
 * Seeded, so a run with the same seed composes the same articles.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { annotate } from '../../src/annotate/index.ts';
import { segmentWords } from '../../src/annotate/segment/index.ts';
import { toSimplified, toTraditional } from '../../src/normalize/index.ts';
import { parse } from '../../src/pipeline.ts';
import type { PageNode } from '../../src/tree/types.ts';
import { seeded } from './seeded.ts';
import { wrapHard } from './wrap.ts';

type Script = 'trad' | 'simp';

/** A name to swap in: the same person or place in both scripts. */
interface Name {
  trad: string;
  simp: string;
}

/** A piece of text with holes where a person (P) or a place (L) was. */
type Piece = string | { slot: 'P' | 'L'; index: number };

/** A block of text from the templates, in both scripts, names cut out as slots. */
interface Template {
  trad: Piece[];
  simp: Piece[];
}

/** Made-up names, added to those found so that swaps have room to vary. */
const EXTRA_PEOPLE = [
  '林嘉欣',
  '周文傑',
  '何志明',
  '梁思穎',
  '陳立德',
  '黃雅文',
  '吳家明',
  '鄭一鳴',
  '馬永康',
  '袁方圓',
  '葉子健',
  '蔡明亮',
  '許曉東',
  '譚國華',
  '孫麗萍',
  '羅家豪',
  '鍾偉強',
  '潘美玲',
];
const EXTRA_PLACES = [
  '深圳',
  '廈門',
  '廣州',
  '珠海',
  '汕頭',
  '福州',
  '杭州',
  '寧波',
  '成都',
  '重慶',
  '武漢',
  '西安',
  '曼谷',
  '河內',
  '馬尼拉',
  '吉隆坡',
  '新加坡',
  '雅加達',
  '首爾',
  '東京',
];
const AGENCIES = ['新華社', '中通社', '中新社'];
const OUTLETS = ['央視新聞', '新華網', '人民網', '大公網', '中新網', '香港商報'];
const CAPTION_CREDITS = ['網上圖片', '新華社', '中新社', '資料圖片'];

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The pages the benchmark composes from, as text. */
function templatePages(root: string): string[] {
  const out: string[] = [];
  for (const dir of ['samples', join('test', 'fixtures')]) {
    const path = join(root, dir);
    if (!existsSync(path)) continue;
    for (const name of readdirSync(path).sort()) {
      if (!name.endsWith('.txt')) continue;
      // Pages in Big5 or GB18030 (samples/ has some) are not UTF-8: read as such they would
      // put U+FFFD into the composed text, which no legacy encoding can write.
      try {
        out.push(UTF8.decode(readFileSync(join(path, name))));
      } catch {
        // Not UTF-8: left out.
      }
    }
  }
  return out;
}

/** Dateline prefixes a lead paragraph may carry; the composer writes its own. */
const LEAD_PREFIX =
  /^(?:香港文[匯汇][報报][訊讯]\s*(?:[據据]\S{2,4}[報报]道，?)?|新[華华]社\S{2,6}?\d+月\d+日[電电]（[記记]者\s*\S+?）)/;

/** Everything a composer needs, built once from the templates. */
export interface Vocabulary {
  headlines: Template[];
  paragraphs: Template[];
  dialogue: Template[];
  captions: Template[];
  people: Name[];
  places: Name[];
  /** For search queries: the words (two to four characters) of each block, in both scripts. */
  words: { trad: string[]; simp: string[] }[];
}

function both(text: string, script: 'traditional' | 'simplified'): Name {
  return script === 'simplified'
    ? { trad: toTraditional(text), simp: text }
    : { trad: text, simp: toSimplified(text) };
}

/**
 * Cuts the known names out of `text` as slots: whole words only (one jieba word, or two
 * that together make the name), so 中国 inside 发展中国家 stays put.
 */
function cut(text: string, index: Map<string, Piece>): Piece[] {
  const words = segmentWords(text);
  const pieces: Piece[] = [];
  let plain = '';
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    const pair = word + (words[i + 1] ?? '');
    const slot = index.get(word) ?? (i + 1 < words.length ? index.get(pair) : undefined);
    if (slot === undefined) {
      plain += word;
      continue;
    }
    if (plain !== '') pieces.push(plain);
    plain = '';
    pieces.push(slot);
    if (index.get(word) === undefined) i++;
  }
  if (plain !== '') pieces.push(plain);
  return pieces;
}

// Surnames a swapped-in person may have: found names that start otherwise are more often
// the tagger's misses (集體, 出席會議) than people.
const SURNAMES = new Set(
  Array.from(
    '王李張张劉刘陳陈楊杨黃黄趙赵吳吴周徐孫孙馬马朱胡郭何林高羅罗鄭郑梁謝谢宋唐許许韓韩馮冯鄧邓曹彭曾蕭萧田董潘袁蔡蔣蒋余葉叶杜程魏呂吕丁沈任姚盧卢傅鍾钟姜崔譚谭陸陆范汪廖石金韋韦賈贾夏付方鄒邹熊白孟秦邱侯江尹薛閻阎段雷龍龙黎史陶賀贺顧顾毛郝龔龚邵萬万錢钱嚴严覃武戴莫孔向湯汤霍施',
  ),
);

/** Reads the templates, finds their people and places, and cuts the blocks into pools. */
export function buildVocabulary(root: string): Vocabulary {
  const pages: PageNode[] = templatePages(root).map((text) => annotate(parse(text)));
  const people = new Map<string, Name>();
  const places = new Map<string, Name>();
  const blocks: { kind: keyof Vocabulary; name: Name }[] = [];
  for (const page of pages) {
    const script = page.source.script === 'simplified' ? 'simplified' : 'traditional';
    for (const article of page.children) {
      const entities = new Map(article.annotations?.entities.map((e) => [e.id, e.type]));
      for (const mention of article.annotations?.mentions ?? []) {
        if (mention.kind !== 'name' || mention.text.length < 2) continue;
        const type = entities.get(mention.refersTo[0] ?? '');
        const name = both(mention.text, script);
        if (type === 'PER' && mention.text.length <= 3 && SURNAMES.has(mention.text[0] as string)) {
          people.set(name.trad, name);
        } else if (type === 'LOC') {
          places.set(name.trad, name);
        }
      }
      for (const block of article.children) {
        let text = block.text;
        if (block.type === 'headline') blocks.push({ kind: 'headlines', name: both(text, script) });
        else if (block.type === 'dialogue') {
          const line = `${block.speaker}：${text}`;
          blocks.push({ kind: 'dialogue', name: both(line, script) });
        } else if (block.type === 'caption') {
          blocks.push({ kind: 'captions', name: both(text, script) });
        } else if (block.type === 'paragraph') {
          text = text.replace(LEAD_PREFIX, '').trim();
          if (text.length >= 30) blocks.push({ kind: 'paragraphs', name: both(text, script) });
        }
      }
    }
  }
  for (const p of EXTRA_PEOPLE) people.set(p, both(p, 'traditional'));
  for (const p of EXTRA_PLACES) places.set(p, both(p, 'traditional'));
  const peopleList = [...people.values()];
  const placesList = [...places.values()];
  const slots = (script: Script) => {
    const index = new Map<string, Piece>();
    for (const [i, n] of peopleList.entries()) index.set(n[script], { slot: 'P', index: i });
    for (const [i, n] of placesList.entries()) index.set(n[script], { slot: 'L', index: i });
    return index;
  };
  const trad = slots('trad');
  const simp = slots('simp');
  const vocabulary: Vocabulary = {
    headlines: [],
    paragraphs: [],
    dialogue: [],
    captions: [],
    people: peopleList,
    places: placesList,
    words: [],
  };
  const seen = new Set<string>();
  for (const { kind, name } of blocks) {
    if (seen.has(name.trad)) continue;
    seen.add(name.trad);
    (vocabulary[kind] as Template[]).push({
      trad: cut(name.trad, trad),
      simp: cut(name.simp, simp),
    });
  }
  for (const { kind, name } of blocks) {
    if (kind !== 'paragraphs') continue;
    const words = new Set<string>();
    for (const word of segmentWords(name.simp)) {
      if (word.length >= 2 && word.length <= 4 && /^[\u4e00-\u9fff]+$/.test(word)) words.add(word);
    }
    if (words.size >= 4) {
      const simp = [...words];
      vocabulary.words.push({ simp, trad: simp.map((w) => toTraditional(w)) });
    }
  }
  return vocabulary;
}

/** One composed article and what a JSONL line says about it. */
export interface Article {
  text: string;
  script: Script;
  outlet: string;
  date: string;
}

/**
 * Composes articles from a vocabulary: each a headline (and sometimes a subheadline), a
 * dateline or reporter line, three to eight paragraphs in shuffled order, sometimes dialogue,
 * a captioned photo and a source line; 60% Traditional, 40% Simplified; some hard-wrapped
 * as a PDF copy would be.
 */
export function composer(vocabulary: Vocabulary, seed: number) {
  const rand = seeded(seed);
  const int = (n: number) => Math.floor(rand() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  return (): Article => {
    const script: Script = rand() < 0.6 ? 'trad' : 'simp';
    const people = new Map<number, Name>();
    const places = new Map<number, Name>();
    const fill = (template: Template): string => {
      let out = '';
      for (const piece of template[script]) {
        if (typeof piece === 'string') {
          out += piece;
          continue;
        }
        const swaps = piece.slot === 'P' ? people : places;
        let name = swaps.get(piece.index);
        if (name === undefined) {
          name = pick(piece.slot === 'P' ? vocabulary.people : vocabulary.places);
          swaps.set(piece.index, name);
        }
        out += name[script];
      }
      return out.replace(/\d/g, () => String(int(10)));
    };
    const s = (trad: string) => (script === 'trad' ? trad : toSimplifiedCached(trad));
    const year = 2023 + int(2);
    const month = 1 + int(12);
    const day = 1 + int(28);
    const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const reporter = pick(vocabulary.people)[script];
    const place = pick(vocabulary.places)[script];
    const lines: string[] = [fill(pick(vocabulary.headlines))];
    if (rand() < 0.3) lines.push(fill(pick(vocabulary.headlines)).slice(0, 14));
    lines.push('');
    const count = 3 + int(6);
    const chosen = new Set<number>();
    while (chosen.size < Math.min(count, vocabulary.paragraphs.length)) {
      chosen.add(int(vocabulary.paragraphs.length));
    }
    const paragraphs = [...chosen].map((i) => fill(vocabulary.paragraphs[i] as Template));
    const style = rand();
    let outlet: string;
    if (style < 0.5) {
      const agency = pick(AGENCIES);
      outlet = s('香港文匯報');
      paragraphs[0] = `${s(`香港文匯報訊 據${agency}報道`)}，${paragraphs[0]}`;
    } else if (style < 0.8) {
      outlet = s('新華社');
      paragraphs[0] = `${s('新華社')}${place}${month}月${day}${s('日電（記者')} ${reporter}）${paragraphs[0]}`;
    } else {
      outlet = s('香港文匯報');
      paragraphs.push(`●${s('香港文匯報記者')} ${reporter} ${place}${s('報道')}`);
    }
    for (const paragraph of paragraphs) lines.push(paragraph, '');
    if (rand() < 0.1 && vocabulary.dialogue.length > 0) {
      for (let i = 2 + int(3); i > 0; i--) lines.push(fill(pick(vocabulary.dialogue)), '');
    }
    if (rand() < 0.3 && vocabulary.captions.length > 0) {
      lines.push(`●${fill(pick(vocabulary.captions))} ${s(pick(CAPTION_CREDITS))}`, '');
    }
    if (rand() < 0.4) lines.push(`${s('來源')}：${s(pick(OUTLETS))}`, '');
    let text = lines.join('\n');
    if (rand() < 0.1) text = wrapHard(text, 18 + int(12));
    return { text, script, outlet, date };
  };
}

const simplifiedCache = new Map<string, string>();
/** The fixed labels above in Simplified, converted once each. */
function toSimplifiedCached(text: string): string {
  let out = simplifiedCache.get(text);
  if (out === undefined) {
    out = toSimplified(text);
    if (simplifiedCache.size < 10_000) simplifiedCache.set(text, out);
  }
  return out;
}

/**
 * Queries of one to four words, as an analyst types them: words that occur together in
 * one paragraph of the templates, each query in one script (half Traditional, half
 * Simplified).
 */
export function queries(vocabulary: Vocabulary, count: number, seed: number): string[] {
  const rand = seeded(seed);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const block = vocabulary.words[Math.floor(rand() * vocabulary.words.length)];
    if (block === undefined) break;
    const words = rand() < 0.5 ? block.trad : block.simp;
    const n = 1 + Math.floor(rand() * 4);
    const chosen = new Set<string>();
    while (chosen.size < Math.min(n, words.length)) {
      chosen.add(words[Math.floor(rand() * words.length)] as string);
    }
    out.push([...chosen].join(' '));
  }
  return out;
}
