import { isHeadlineShaped } from '../layout/headline-shape.ts';
import type { LayoutBlock } from '../layout/types.ts';
import { gluedCreditStart, isCredit } from '../text/captions.ts';
import { codePointLength, endingOf } from '../text/chars.ts';
import {
  BULLET,
  CAPTION_LEAD,
  DATELINE_AGENCY,
  DATELINE_HK,
  DIALOGUE,
  END_MARK,
  FURNITURE,
  INTERVIEW,
  MARKER,
  RELATED_LINK_LINE,
  RELATED_LINKS,
  REPORTER,
  SELF_OUTLET,
  SHARE_LINE,
  SOURCE,
} from '../text/patterns.ts';
import type { BlockNode, BylineNode, Range } from '../tree/types.ts';
import type { TextView } from '../tree/view.ts';
import { readEmphasis } from './read-emphasis.ts';
import { type Slice, sliceBlock } from './slice-block.ts';

/** What a block is, read from the block alone; context passes refine it. */
export type Role =
  | 'title'
  | 'paragraph'
  | 'list-item'
  | 'caption'
  | 'credit'
  | 'source'
  | 'dateline'
  | 'reporter'
  | 'dialogue'
  | 'end-mark'
  | 'furniture';

/** A layout block with its role and the tree nodes read from it (one or two). */
export interface Item {
  block: LayoutBlock;
  role: Role;
  nodes: BlockNode[];
}

/** A date, with a weekday and a time or not. */
const DATE_AND_TIME =
  '(?:\\d{4}\\s*[-/.年]\\s*\\d{1,2}\\s*[-/.月]\\s*\\d{1,2}\\s*日?)(?:\\s*[（(]?(?:星期|週|周|礼拜|禮拜)[一二三四五六日天][）)]?)?(?:\\s*(?:上午|下午|晚上|凌晨)?\\s*\\d{1,2}\\s*[:：]\\s*\\d{2}(?:\\s*[:：]\\s*\\d{2})?)?';
/** An outlet's name as a portal prints it beside a date: 北島廣播電台, 東島日報, 北島新聞網. */
const OUTLET_NAME =
  '[\\u4e00-\\u9fffA-Za-z·]{0,10}(?:電台|电台|電視台|电视台|報|报|網|网|社|新聞|新闻|頻道|频道|週刊|周刊|雜誌|杂志|News|NEWS)';
/** A line that only says when: a date and time, labelled or not, once or twice (published,
 * updated), with the outlet's name before or after it set apart by a space or not. */
const DATE_LINE = new RegExp(
  `^(?:(?<before>${OUTLET_NAME})\\s+)?(?:(?:發佈|发布|發布|更新|發表|发表|出版|刊登)?(?:時間|时间|日期)?\\s*[:：]?\\s*${DATE_AND_TIME}\\s*[|｜/]?\\s*){1,2}(?:\\s+(?<after>${OUTLET_NAME}))?$`,
);

/** Longest text (code points, spaces aside) that can be a title. */
const MAX_TITLE = 40;
/** Titles may carry a comma or end in ？/！ only when this short. */
const MAX_PUNCTUATED_TITLE = 25;
/** Longest caption introduced by 圖為 without a marker. */
const MAX_CAPTION = 120;
/** Longest reporter line. */
const MAX_REPORTER = 40;
/** Speech verbs: a line 他說：「…」 is a quote in running text, not a dialogue line (説: the
 * form Hong Kong writes). */
const SPEECH_VERB =
  /(?:說|説|说|話|话|表示|指出|強調|强调|稱|称|認為|认为|問|问|道|回應|回应|透露|坦言|直言|重申|補充|补充|反問|反问|笑言)$/;

/** What no speaker's label before a colon holds: a plural suffix opening it (们 of a word
 * a wrap cut), an aspect particle or 就 (a clause that did something), 的 or Cantonese 嘅
 * (a clause that says which person: 住咗呢度三十年嘅陳伯話：「…」). */
const NOT_A_LABEL = /^[们們]|[了就咗嘅的]/;

/** Reads each layout block alone: its role and nodes. */
export function classifyBlocks(blocks: readonly LayoutBlock[], view: TextView): Item[] {
  const items = blocks.map((block) => classifyBlock(block, view));
  // A related-links heading and the short titles under it, up to the next block of prose.
  for (let i = 0; i < items.length; i++) {
    if (
      (items[i] as Item).role !== 'furniture' ||
      !RELATED_LINKS.test(collapse((items[i] as Item).block.text))
    )
      continue;
    for (let j = i + 1; j < items.length && isLinkTitle(items[j] as Item); j++) {
      items[j] = furniture((items[j] as Item).block, view);
      i = j;
    }
  }
  markedTitles(items, view);
  transcriptLines(items, view);
  return items;
}

/** A line opening on a label and a colon, the words after it unquoted (林國棟：我支持…). */
const LABELLED = /^([^\s：:「」『』“”，。、《》（）()]{2,12})\s*[：:]\s*([^\s「『“][\s\S]*)$/;

/**
 * An interview printed as a transcript: the reporter's lines labelled 記者： or 問：, the
 * answers labelled with the speaker's name and a colon, unquoted. On a page that has such a
 * question line, those paragraphs are dialogue lines (the speaker's words), not running text
 * that opens on a name. (A label given to several paragraphs is not enough: 注意：, 第一場：
 * name no one.)
 */
function transcriptLines(items: Item[], view: TextView): void {
  if (!items.some((it) => it.role === 'dialogue' && INTERVIEW.test(it.block.text.trim()))) return;
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as Item;
    if (item.role !== 'paragraph') continue;
    const m = LABELLED.exec(item.block.text);
    const speaker = m?.[1];
    const speech = m?.[2];
    // 有記者問：…, 據報：… (a question or a source line names no speaker).
    if (speaker === undefined || speech === undefined || /^[有据據]|[問问答]/.test(speaker))
      continue;
    if (isDialogue(speaker, speech, false))
      items[i] = dialogueItem(item.block, speaker, speech, view);
  }
}

/** A dialogue line: the speaker's label, then their words (`speech`, the block's end). */
function dialogueItem(block: LayoutBlock, speaker: string, speech: string, view: TextView): Item {
  const text = block.text;
  const speechAt = text.length - speech.length;
  const speakerSlice = sliceBlock(block, 0, speaker.length, view);
  return {
    block,
    role: 'dialogue',
    nodes: [
      {
        type: 'dialogue',
        ...sliceBlock(block, 0, text.length, view),
        text: sliceBlock(block, speechAt, text.length, view).text,
        speaker,
        speakerRange: { start: speakerSlice.start, end: speakerSlice.end },
      },
    ],
  };
}

/** A title under a related-links heading, bulleted or not (- 歐盟發聲明批評判決). */
function isLinkTitle(item: Item): boolean {
  if (item.role === 'title') return true;
  if (item.role !== 'list-item') return false;
  const text = item.block.text;
  return isTitle(text.slice(BULLET.exec(text)?.[0].length ?? 0));
}

/** Fewest marked titles over a paragraph each that make a page's marked lines titles. */
const MIN_MARKED_TITLES = 3;

/**
 * ■北島議會通過預算案 ¶ 北島議會今天…: a page whose marked lines are each a short title, with
 * no sentence end and no credit, over a paragraph of its own (a digest's items), has titles
 * there, not photo captions; fewer such lines are left captions.
 */
function markedTitles(items: Item[], view: TextView): void {
  /** Each marked title: its item and where its text starts after the marker. */
  const found: { i: number; from: number }[] = [];
  for (let i = 0; i + 1 < items.length; i++) {
    const item = items[i] as Item;
    const next = items[i + 1] as Item;
    if (item.role !== 'caption' || next.role !== 'paragraph') continue;
    const text = item.block.text;
    const marker = MARKER.exec(text);
    if (marker === null || text.includes('\n')) continue;
    const rest = text.slice(marker[0].length);
    if (!isTitle(rest) || gluedCreditStart(rest) !== null || isCredit(rest)) continue;
    const n = codePointLength(rest.replace(/\s+/g, ''));
    if (codePointLength(next.block.text.trim()) < 1.5 * n) continue;
    found.push({ i, from: marker[0].length });
  }
  if (found.length < MIN_MARKED_TITLES) return;
  for (const { i, from } of found) {
    const item = items[i] as Item;
    const slice = sliceBlock(item.block, from, item.block.text.length, view);
    items[i] = {
      block: item.block,
      role: 'title',
      nodes: [{ type: 'heading', ...slice, text: stripMarkup(item.block.text.slice(from)) }],
    };
  }
}

/** A block of page furniture (FurnitureNode). */
function furniture(block: LayoutBlock, view: TextView): Item {
  const slice = sliceBlock(block, 0, block.text.length, view);
  return { block, role: 'furniture', nodes: [{ type: 'furniture', ...slice }] };
}

function classifyBlock(block: LayoutBlock, view: TextView): Item {
  const text = block.text;
  const whole = (): Slice => sliceBlock(block, 0, text.length, view);

  const flat = collapse(text);
  // 延伸閱讀：港府回應人權報告: a related link with its label on one line.
  const related = RELATED_LINK_LINE.exec(flat);
  if (
    FURNITURE.test(text.trim()) ||
    RELATED_LINKS.test(flat) ||
    (related !== null && isTitle(related[1] as string)) ||
    SHARE_LINE.test(text.trim())
  ) {
    return furniture(block, view);
  }

  // 2025-11-20 18:32, 發佈時間：2025年11月20日: when the page was published, on a line of its
  // own, is no title. It stands aside from the stories as a credit does (it opens none and
  // closes none), read as a dateline naming no outlet.
  const dated = DATE_LINE.exec(flat);
  if (dated !== null) {
    const outlet = dated.groups?.before ?? dated.groups?.after;
    const outlets = outlet !== undefined && !SELF_OUTLET.test(outlet) ? [outlet] : [];
    return { block, role: 'credit', nodes: [byline(whole(), 'dateline', text.trim(), outlets)] };
  }

  const marker = MARKER.exec(text);
  if (marker !== null) {
    const rest = text.slice(marker[0].length);
    if (isReporterLine(rest)) {
      return { block, role: 'reporter', nodes: [byline(whole(), 'reporter', rest, [])] };
    }
    return { block, role: 'caption', nodes: readCaption(block, marker[0].length, view) };
  }

  if (CAPTION_LEAD.test(text) && codePointLength(text) <= MAX_CAPTION) {
    return { block, role: 'caption', nodes: readCaption(block, 0, view) };
  }

  // One sentence with a photo credit glued after it, as scraped pages keep a caption
  // (…會晤。美聯社, …塗鴉。張三攝): a body paragraph never closes on an agency's name.
  if (gluedCreditStart(text) !== null) {
    return { block, role: 'caption', nodes: readCaption(block, 0, view) };
  }

  const bullet = BULLET.exec(text);
  if (bullet !== null) {
    const slice = whole();
    const { text: visible, emphasis } = readEmphasis(block, bullet[0].length, text.length, view);
    const node: BlockNode = { type: 'list-item', ...slice, text: visible, level: 1, emphasis };
    return { block, role: 'list-item', nodes: [node] };
  }

  const source = SOURCE.exec(text);
  if (source !== null) {
    const outlet = (source[1] as string).replace(/[。．.，,\s]+$/, '');
    return {
      block,
      role: 'source',
      nodes: [{ type: 'source', ...whole(), text: collapse(text), outlet }],
    };
  }

  const dateline = readDateline(block, view);
  if (dateline !== null) return { block, role: 'dateline', nodes: dateline };

  if (isReporterLine(text)) {
    return { block, role: 'reporter', nodes: [byline(whole(), 'reporter', text, [])] };
  }

  const quoted = DIALOGUE.exec(text);
  const dialogue = quoted ?? INTERVIEW.exec(text);
  if (
    dialogue !== null &&
    isDialogue(dialogue[1] as string, dialogue[2] as string, quoted !== null)
  ) {
    return dialogueItem(block, dialogue[1] as string, dialogue[2] as string, view);
  }

  if (END_MARK.test(text)) return { block, role: 'end-mark', nodes: [paragraph(block, 0, view)] };

  // A headline of parts may run longer than a title and carry commas after a name and colon
  // (【rubric】 A：…　B　C, 林鄭上京述職　李克強：…，…): layout kept it apart from the body.
  if (isTitle(text) || isHeadlineShaped(text)) {
    return {
      block,
      role: 'title',
      nodes: [{ type: 'heading', ...whole(), text: stripMarkup(text) }],
    };
  }
  return { block, role: 'paragraph', nodes: [paragraph(block, 0, view)] };
}

/** A short line with no sentence end: a headline, subheadline or section heading. */
export function isTitle(raw: string): boolean {
  const text = stripMarkup(raw);
  const n = codePointLength(text.replace(/\s+/g, ''));
  if (n < 2 || n > MAX_TITLE) return false;
  if (/[。；;]/.test(text)) return false;
  const ending = endingOf(text);
  if (ending === 'continuing') return false;
  if (ending === 'terminal' && (n > MAX_PUNCTUATED_TITLE || /[.…]$/.test(text))) return false;
  if (/[，,]/.test(text) && n > MAX_PUNCTUATED_TITLE) return false;
  return true;
}

/** A reporter or editor line: short, matching the pattern, not prose. */
export function isReporterLine(text: string): boolean {
  if (codePointLength(text) > MAX_REPORTER || /[。！？]/.test(text)) return false;
  // 撰文：黃小華；攝影：吳志強: credits in a row, each one of its own.
  if (/[；;]/.test(text)) {
    const parts = text.split(/[；;]/).map((p) => p.trim());
    return parts.every((p) => p !== '' && REPORTER.test(p) && endingOf(p) !== 'continuing');
  }
  return REPORTER.test(text) && endingOf(text) !== 'continuing';
}

/** A credit standing alone: 新華社, 網上圖片, 記者 張三 攝. */

/** Labels of the editor's own text before a colon (导读：, 編者按：, 核心提示：): no one speaks. */
const EDITORIAL_LABEL =
  /^(?:导读|導讀|导语|導語|摘要|内容提要|內容提要|提要|编者按|編者按|编按|編按|按语|按語|核心提示|简介|簡介|背景|背景资料|背景資料|相关链接|相關連結|链接|連結|小贴士|小貼士|提示|注|註|备注|備註|题图|題圖|图|圖|图片|圖片)$/;

function isDialogue(speaker: string, speech: string, quoted: boolean): boolean {
  if (quoted && SPEECH_VERB.test(speaker)) return false;
  // 们就修正了原先的口号：「…」: a line a hard wrap cut mid-sentence, a clause that did
  // something (了, 就), not a speaker's label.
  if (NOT_A_LABEL.test(speaker)) return false;
  if (EDITORIAL_LABEL.test(speaker.trim())) return false;
  const ending = endingOf(speech);
  return ending === 'terminal' || ending === 'closer';
}

function paragraph(block: LayoutBlock, from: number, view: TextView): BlockNode {
  const slice = sliceBlock(block, from, block.text.length, view);
  const { text, emphasis } = readEmphasis(block, from, block.text.length, view);
  return { type: 'paragraph', ...slice, text, emphasis };
}

function byline(
  slice: Slice,
  kind: BylineNode['kind'],
  text: string,
  outlets: string[],
): BylineNode {
  return { type: 'byline', ...slice, text: collapse(text), kind, outlets };
}

/** A leading dateline, split from the paragraph it opens. */
function readDateline(block: LayoutBlock, view: TextView): BlockNode[] | null {
  const text = block.text;
  const m = DATELINE_HK.exec(text) ?? DATELINE_AGENCY.exec(text);
  if (m === null) return null;
  const label = (m[1] as string).trim();
  const outlet = m[2];
  const outlets = outlet !== undefined && !SELF_OUTLET.test(outlet) ? [outlet] : [];
  const nodes: BlockNode[] = [
    byline(sliceBlock(block, 0, m[0].length, view), 'dateline', label, outlets),
  ];
  if (m[0].length < text.length) nodes.push(paragraph(block, m[0].length, view));
  return nodes;
}

/** A caption (●…) and a credit closing its line: ●習近平和普京互相揮手打招呼。 網上圖片. */
function readCaption(block: LayoutBlock, from: number, view: TextView): BlockNode[] {
  const text = block.text;
  const at = creditStart(text, from);
  const caption = sliceBlock(block, 0, at ?? text.length, view);
  const nodes: BlockNode[] = [
    { type: 'caption', ...caption, text: collapse(text.slice(from, at ?? text.length).trim()) },
  ];
  if (at !== null) {
    const credit = sliceBlock(block, at, text.length, view);
    nodes.push({ type: 'credit', ...credit, text: stripParens(credit.text) });
  }
  return nodes;
}

/** Where a trailing credit starts in a caption line, or null when there is none. */
function creditStart(text: string, from: number): number | null {
  const candidates: number[] = [];
  // After a space: the last one, two and three words (中新社記者 張三 攝).
  let i = text.length;
  for (let words = 0; words < 3; words++) {
    const space = text.lastIndexOf(' ', i - 1);
    if (space <= from) break;
    candidates.push(space + 1);
    i = space;
  }
  // Glued on after the sentence end, as a wrap join or a mainland caption has it:
  // …打招呼。網上圖片 / 图为会场。新华社记者 王刚 摄
  const end = Math.max(text.lastIndexOf('。'), text.lastIndexOf('！'));
  if (end > from && end < text.length - 1) candidates.push(end + 1);
  // In brackets at the end: …會晤。（新華社記者 王五 攝）
  const paren = /[（(][^（()）]{1,30}[）)]$/.exec(text);
  if (paren !== null && paren.index > from) candidates.push(paren.index);
  // The longest credit wins: 新华社记者 王刚 摄 rather than 王刚 摄.
  let best: number | null = null;
  for (const at of candidates) {
    if ((best === null || at < best) && isCredit(stripParens(text.slice(at).trim()))) best = at;
  }
  return best;
}

function stripParens(text: string): string {
  return text.replace(/^[（(]\s*/, '').replace(/\s*[）)]$/, '');
}

function stripMarkup(text: string): string {
  return collapse(text.replace(/\*\*/g, '').trim());
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ');
}

export type { Range };
