import type { LayoutBlock } from '../layout/types.ts';
import { codePointLength, isHan } from '../text/chars.ts';
import { readNumber } from '../text/numbers.ts';
import { CREDIT, MAX_CREDIT } from '../text/patterns.ts';
import type { Item } from './classify-blocks.ts';

/**
 * Items of a digest (新闻快讯, 世界這一天, a press review): several short stories on one
 * scraped page, each a short title line over one to a few paragraphs, or, without titles, a
 * picture digest's credited photo stories or a press review's turns from paper to paper (see
 * readUntitled). What this finds:
 * - `opens`: the titles that open a story of the digest, with the cues that decided it;
 * - `rubrics`: titles that name the digest rather than a story (国际联播快讯 at the top, with
 *   nothing but a lead-in line under it before the first item); they stay with the first story
 *   as its subheadline;
 * - `leadIns`: such a lead-in (央视网消息（新闻联播）：), which goes with the first story;
 * - `glued`: a first item's title with the lead-in glued before it (a page without blank lines
 *   joins the lead-in to the next line), with the length of the lead-in and its colon;
 * - `breaks`: on a digest whose items have no titles, the paragraphs that open an item.
 *
 * A story with section headings is told apart from a digest by what follows each title: an item
 * of a digest opens on a lead of its own (not 他…, 此外…, 雙方…), its title and lead sentence
 * are about something the items above did not speak of, every item is short (at most four
 * paragraphs), and there are at least three of them, each lead dated (16日, 星期二) — or two
 * under a rubric. A digest is a whole page: its first item starts at the top.
 */
export interface Digest {
  opens: Map<number, string[]>;
  rubrics: Set<number>;
  leadIns: Set<number>;
  glued: Map<number, number>;
  breaks: Map<number, string[]>;
}

/** Fewest items in a digest whose first story's title is the page headline. */
const MIN_ITEMS = 3;
/** Fewest items under a rubric (a title with no story of its own) with a lead-in line. */
const MIN_ITEMS_UNDER_RUBRIC = 2;
/** Most paragraphs in one item. */
const MAX_ITEM_PARAGRAPHS = 4;
/** Shortest lead paragraph of an item. */
const MIN_LEAD = 20;
/** An item's lead paragraph is at least this many times as long as its title. */
const LEAD_OVER_TITLE = 1.5;
/** Most of a new item's opening (title and lead sentence) that the items above share, as a
 *  share of its two-character runs: sections of one story go on about the same names. */
const MAX_SHARED = 0.2;
/** The same for an item without a title, where the kind of page already says much. */
const MAX_SHARED_UNTITLED = 0.3;
/** How much of the lead paragraph the opening takes in, in code units. */
const OPENING = 60;
/** Longest rubric without a lead-in line under it (国际联播快讯, 世界這一天, 新聞簡訊). */
const MAX_RUBRIC = 8;
/** Longest lead-in line under a rubric. */
const MAX_LEAD_IN = 24;

/** A time in a lead: 16日, 20號, 今天, 昨日, 星期一, 周三, 當地時間. */
const DATED =
  /[\d０-９〇一二三四五六七八九十]{1,3}\s*(?:日|号|號)|今天|今日|昨天|昨日|前天|前日|日前|近日|本週|本周|上週|上周|星期[一二三四五六日天]|[周週][一二三四五六日]|當地時間|当地时间/;
const DATED_ALL = new RegExp(DATED.source, 'g');

/** A rubric that names a news digest: 新闻摘要, 早報新聞摘要, 国际快讯, 新聞簡訊, 要聞速覽 (not
 * a document's 报告摘要). */
const DIGEST_NAME =
  /(?:新闻|新聞|要闻|要聞)(?:摘要|速览|速覽|一览|一覽|提要|速递|速遞)$|(?:快讯|快訊|简讯|簡訊|快报|快報|简报|簡報)$/;

/** A date after a digest's name, in brackets or not: 國際新聞速遞（12月5日）, 早報 2026-12-05. */
const NAME_DATE =
  /\s*[（(]?\s*(?:\d{4}\s*[年./-]\s*)?\d{1,2}\s*[月./-]\s*\d{1,2}\s*日?\s*(?:[（(]?[星期周週][一二三四五六日天][）)]?)?\s*[）)]?\s*$/;

/** A title without the date that may follow a digest's name. */
function undated(title: string): string {
  return title.replace(NAME_DATE, '').trim();
}

/** Fewest credited long captions on a picture digest. */
const MIN_CREDITED = 2;
/** Shortest credited caption that can carry an item (its first line, up to the sentence end). */
const MIN_CREDITED_CAPTION = 60;
/** Longest caption between the items of a picture digest. */
const MAX_SHORT_CAPTION = 40;

/** A page that says it is a press review: 法国报纸摘要, 今日報章摘要, 读报. */
const PRESS_REVIEW =
  /(?:報紙|报纸|報章|报章|各報|各报|媒體|媒体)(?:摘要|綜述|综述|評論|评论|掃描|扫描|一覽|一览|選讀|选读)|報摘|报摘|讀報|读报/;
/** A paper's headline, front page or editorial named: 这是…报的重点标题, 头版, 社论. */
const CITES_PAPER = /標題|标题|頭版|头版|頭條|头条|社論|社论|封面故事/;

/** Openers that carry on from the paragraph above: a section of the same story. */
const CARRY_ON =
  /^(?:他|她|它|其|此|該|该|這|这|那|雙方|双方|兩國|两国|對此|对此|對於|对于|此外|另外|同時|同时|與此同時|与此同时|不過|不过|但|而|並|并|另一方面|然而|因此|所以|隨後|随后|其中|據悉|据悉|會上|会上|會談中|会谈中|在會談|在会谈|關於|关于)/;

/** A lead-in that credits the whole digest: 央视网消息（新闻联播）：, 本報訊：. */
export const LEAD_IN_DATELINE =
  /^[^\s，。；]{1,16}?(?:消息|訊|讯|電|电|報道|报道|報導|报导)\s*(?:[（(][^（）()]{1,12}[）)])?\s*[：:]$/;

/** The same lead-in at the start of a title line it was joined to. */
const GLUED_LEAD_IN =
  /^[^\s，。；：:]{1,16}?(?:消息|訊|讯|電|电|報道|报道|報導|报导)\s*(?:[（(][^（）()]{1,12}[）)])?\s*[：:]\s*(?=\S)/;

interface Section {
  /** The title item, or null for what stands before the first title. */
  title: number | null;
  /** Paragraph and dateline items under it. */
  body: number[];
  /** Only paragraphs and datelines under the title (no list, dialogue, byline line…). */
  plain: boolean;
}

export function findDigest(items: readonly Item[]): Digest {
  const digest: Digest = {
    opens: new Map(),
    rubrics: new Set(),
    leadIns: new Set(),
    glued: new Map(),
    breaks: new Map(),
  };
  if (!readTitled(items, digest)) readUntitled(items, digest);
  return digest;
}

/** Items that each open with a title line (新闻快讯, a press review with a title per paper). */
function readTitled(items: readonly Item[], digest: Digest): boolean {
  const sections = sectionsOf(items);
  const top = sections[0];
  if (top === undefined || top.title === null) return false;
  // A digest is a whole scraped page: its items start at the top, under a rubric or not.
  const rubric = isRubric(items, top);
  const a = rubric ? 1 : 0;
  let b = a - 1;
  while (b + 1 < sections.length && isItem(items, sections[b + 1] as Section)) b++;
  const count = b - a + 1;
  // A rubric says it heads a digest when a lead-in line stands under it (or was joined to the
  // first title). A bare short title could as well be a story's headline over its subtitle:
  // then the first item must stand apart from it, and the items be as many and as dated as
  // without a rubric.
  const firstTitle = sections[a]?.title ?? null;
  const glued =
    rubric && top.body.length === 0 && firstTitle !== null
      ? GLUED_LEAD_IN.exec(items[firstTitle]?.block.text ?? '')
      : null;
  // A rubric that names itself a digest (新闻摘要, 国际快讯) says so as a lead-in would.
  const named = rubric && DIGEST_NAME.test(undated(items[top.title]?.block.text ?? ''));
  const led = rubric && (top.body.length > 0 || glued !== null || named);
  if (rubric && !led) {
    const first = items[firstTitle ?? 0] as Item;
    if (first.block.blankBefore === 0 || /^[—–－-]/.test(first.block.text)) return false;
  }
  if (count < (led ? MIN_ITEMS_UNDER_RUBRIC : MIN_ITEMS)) return false;

  const opens = new Map<number, string[]>();
  // The two-character runs of the items above, gathered item by item (each item's text ends
  // with a line end, so no run spans two) when the next item is compared with them.
  const above = new Set<number>();
  let gathered = a;
  for (let s = a; s <= b; s++) {
    const section = sections[s] as Section;
    const title = section.title as number;
    const opening = openingOf(items, section);
    // Without a lead-in to say so, every item must read as news of its own: dated.
    if (!led && !DATED.test(opening)) return false;
    if (s > a) {
      for (; gathered < s; gathered++) {
        addHanPairs(textOf(items, sections[gathered] as Section), above);
      }
      const share = sharedShare(opening, above);
      if (share > MAX_SHARED) return false;
      opens.set(title, [
        `item ${s - a + 1} of ${count} of a digest`,
        `${Math.round(share * 100)}% of its opening in the items above`,
      ]);
    } else if (rubric) {
      opens.set(title, [`first item under the rubric ${items[top.title]?.block.text}`]);
    }
  }
  for (const [i, why] of opens) digest.opens.set(i, why);
  if (rubric) {
    digest.rubrics.add(top.title);
    for (const i of top.body) digest.leadIns.add(i);
    if (glued !== null && firstTitle !== null) digest.glued.set(firstTitle, glued[0].length);
  }
  return true;
}

/**
 * Items without titles, told by the kind of page:
 * - a picture digest (世界這一天): each item a long photo caption with its credit
 *   (…直衝雲霄。美聯社), followed by shorter captions; an item opens at a credited long
 *   caption that comes after a short one;
 * - a press review that says it is one (报纸摘要, 報章摘要) in its title or first paragraph: an
 *   item opens at a paragraph that names a paper's headline, front page or editorial
 *   (这是…报的重点标题, 《…》头版).
 * Either way the new item must speak of something the items above did not.
 */
function readUntitled(items: readonly Item[], digest: Digest): void {
  const body: number[] = [];
  for (let i = 0; i < items.length; i++) {
    const role = (items[i] as Item).role;
    if (role === 'paragraph') body.push(i);
    else if (role !== 'title' && role !== 'caption' && role !== 'credit') return;
  }
  const text = (i: number) => (items[i] as Item).block.text.trim();
  const credited = body.filter((i) => isCreditedCaption(items[i] as Item));
  const head = items
    .slice(0, (body[0] ?? 0) + 1)
    .map((item) => item.block.text)
    .join('\n');
  const review = PRESS_REVIEW.test(head);
  // Numbered items, or items under topic labels, are looked for only on a page that is
  // neither of the other kinds.
  const numbered =
    credited.length >= MIN_CREDITED || review
      ? null
      : (numberedItems(body.length, (k) => text(body[k] as number)) ??
        labelledItems(body.length, (k) => text(body[k] as number)));
  // 国际联播快讯 over plain paragraphs: a rubric that names a digest heads items that are
  // each a dated paragraph (or a few), with no title, number or label of their own (numbers
  // out of order or labels said twice are some other page's).
  const named = items.slice(0, body[0] ?? 0).some((item) => {
    const name = undated(item.block.text).trim();
    return item.role === 'title' && codePointLength(name) <= 8 && DIGEST_NAME.test(name);
  });
  const kind =
    credited.length >= MIN_CREDITED
      ? 'picture'
      : review
        ? 'review'
        : numbered !== null
          ? 'numbered'
          : named && !body.some((i) => ITEM_NUMBER.test(text(i)) || TOPIC_LABEL.test(text(i)))
            ? 'plain'
            : null;
  if (kind === null) return;
  const leadIn = LEAD_IN_DATELINE.test(text(body[0] as number)) ? 1 : 0;

  const breaks = new Map<number, string[]>();
  // The two-character runs of what stands above, gathered paragraph by paragraph (a line end
  // comes between each, so no run spans two) when a paragraph is compared with them.
  let above: Set<number> | null = null;
  let gathered = 0;
  for (let k = 0; k < body.length; k++) {
    const i = body[k] as number;
    const opens =
      k > 0 &&
      (kind === 'picture'
        ? credited.includes(i) && endsWithShortCaption(items[body[k - 1] as number] as Item)
        : kind === 'numbered'
          ? // The first item after a lead-in line (央视网消息（新闻联播）：) opens the page's
            // first story, the lead-in with it.
            (numbered as Set<number>).has(k) &&
            !(k === 1 && LEAD_IN_DATELINE.test(text(body[0] as number)))
          : kind === 'plain'
            ? k > leadIn && DATED.test(firstSentences(text(i), 1))
            : CITES_PAPER.test(firstSentences(text(i), 2)));
    if (opens) {
      above ??= hanPairs(
        items
          .slice(0, body[0] ?? 0)
          .map((item) => item.block.text)
          .join('\n'),
      );
      for (; gathered < k; gathered++) addHanPairs(text(body[gathered] as number), above);
      const opening = firstSentences(text(i), 1)
        .replace(ITEM_NUMBER, '')
        .replace(TOPIC_LABEL, '')
        .slice(0, OPENING);
      const share = sharedShare(opening, above);
      // Numbered points of one statement (自本月10日起，全市…) go on in the same words: a
      // numbered digest breaks at every item or at none, and by a closer bound.
      if (kind === 'numbered' && share > MAX_SHARED) return;
      if (share <= MAX_SHARED_UNTITLED) {
        breaks.set(i, [
          kind === 'picture'
            ? 'a credited photo story after a short caption in a picture digest'
            : kind === 'numbered'
              ? TOPIC_LABEL.test(text(i))
                ? 'an item under a topic label (加沙局势：) with a dated lead of its own'
                : 'a numbered item with a dated lead of its own'
              : kind === 'plain'
                ? 'a dated paragraph under a digest’s rubric'
                : 'a press review turns to another paper story',
          `${Math.round(share * 100)}% of its opening in the items above`,
        ]);
      }
    }
  }
  // A rubric over plain paragraphs heads a digest only with as many items as a titled one.
  if (kind === 'plain' && breaks.size + 1 < MIN_ITEMS) return;
  for (const [i, why] of breaks) digest.breaks.set(i, why);
}

/** A paragraph that opens with a topic's label and a colon, as a news digest heads its items
 * (俄乌冲突：, 加沙局势：, 欧盟：): two to eight units, no mark among them (group 1); or with a
 * label in square brackets (【北岛】, 〔国际〕: group 2). */
const TOPIC_LABEL =
  /^(?:([^\s，。；：:、！？!?「」“”『』（）()《》【】]{2,8})[：:]|[【〔［]([^\s【】〔〕［］，。]{1,8})[】〕］])\s*(?=\S)/;

/**
 * The items of an untitled digest that heads each with a topic label (国际联播快讯: 加沙局势：
 * 以色列军队5日…; 【北岛】北岛总统今日…): the indices, among the body paragraphs `texts`, of
 * the paragraphs that open with a label, the first of them the first paragraph (or the one
 * after a lead-in line, 央视网消息（新闻联播）：), at least MIN_ITEMS of them, no label twice, each
 * lead dated as a news item's. A transcript's or an interview's turns (问：, 记者：, X：) repeat their labels and
 * seldom date their leads. Null when the page is no such digest.
 */
function labelledItems(count: number, textAt: (k: number) => string): Set<number> | null {
  const labels = new Set<string>();
  return markedItems(count, textAt, (paragraph) => {
    const m = TOPIC_LABEL.exec(paragraph);
    if (m === null) return null;
    const label = (m[1] ?? m[2]) as string;
    const fresh = !labels.has(label);
    labels.add(label);
    return { head: m[0].length, ok: fresh };
  });
}

/**
 * The paragraphs among `count` (the k-th `textAt(k)`) that open with an item's mark, as
 * `read` finds it (the mark's length, and whether it may stand where it does): the first
 * paragraph opens with one, or the one after a lead-in line; at least MIN_ITEMS of them, each
 * lead dated. Null when a mark stands where it may not, a lead is undated or too few are found.
 */
function markedItems(
  count: number,
  textAt: (k: number) => string,
  read: (paragraph: string) => { head: number; ok: boolean } | null,
): Set<number> | null {
  const found = new Set<number>();
  for (let k = 0; k < count; k++) {
    const paragraph = textAt(k);
    if (k === 0 && LEAD_IN_DATELINE.test(paragraph)) continue;
    const mark = read(paragraph);
    if (mark === null) {
      if (found.size === 0) return null;
      continue;
    }
    if (!mark.ok) return null;
    if (!DATED.test(firstSentences(paragraph.slice(mark.head), 1))) return null;
    found.add(k);
  }
  return found.size >= MIN_ITEMS ? found : null;
}

/** A paragraph that opens with an item's number: 1. / 1、 / （1） / 一、 (group 1, 2 or 3). */
const ITEM_NUMBER =
  /^(?:(\d{1,2})\s*[.．、]|[（(](\d{1,2})[）)]|([一二三四五六七八九十]{1,3})、)\s*/;
/**
 * The numbered items of an untitled digest (新闻快讯 whose items are numbered paragraphs, no
 * title over each): the indices, among the body paragraphs `texts`, of the paragraphs that
 * open with the numbers 1, 2, 3 … in order, the first of them the first paragraph (or the one
 * after a lead-in line, 央视网消息（新闻联播）：), at least MIN_ITEMS of them, each lead dated as
 * a news item's (10日, 当天), as markedItems reads them: the points of one
 * statement (一、坚持…二、推动…) are numbered too, but their leads are seldom dated, and those
 * that are share their words (MAX_SHARED decides, in readUntitled). `count` paragraphs, the
 * k-th `textAt(k)`. Null when the page is no such digest.
 */
function numberedItems(count: number, textAt: (k: number) => string): Set<number> | null {
  let expected = 1;
  return markedItems(count, textAt, (paragraph) => {
    const m = ITEM_NUMBER.exec(paragraph);
    if (m === null) return null;
    const inOrder = readNumber(m[1] ?? m[2] ?? m[3] ?? '') === expected;
    expected++;
    return { head: m[0].length, ok: inOrder };
  });
}

/** A block that opens with a long photo caption ending in its credit at a line end
 *  (…兩度藍光直衝雲霄。美聯社, or （美聯社）), whatever was joined after it. */
function isCreditedCaption(item: Item): boolean {
  const first = creditEnds(item.block)[0];
  return first !== undefined && codePointLength(first.sentence) >= MIN_CREDITED_CAPTION;
}

/** A block that is a short caption, or ends with one joined after a credit. */
function endsWithShortCaption(item: Item): boolean {
  const text = item.block.text.trim();
  if (isShortCaption(text)) return true;
  const last = creditEnds(item.block).at(-1);
  return last !== undefined && last.at < text.length && isShortCaption(text.slice(last.at));
}

/** The line ends of a block where a sentence is closed by a photo credit: where each
 *  credit ends, and the captioned sentence before it (since the last such credit). */
function creditEnds(block: LayoutBlock): { at: number; sentence: string }[] {
  const out: { at: number; sentence: string }[] = [];
  let from = 0;
  const text = block.text;
  const ends = [...block.segments.slice(1).map((seg) => seg.at), text.length];
  for (const at of ends) {
    // The block up to the line end, white space trimmed: text.slice(0, lineEnd); its last
    // sentence end since the last credit.
    let lineEnd = at;
    while (lineEnd > 0 && WHITE.test(text[lineEnd - 1] as string)) lineEnd--;
    // A credit is short: its sentence end lies within reach of the line end, so the search
    // back stops there (a block of thousands of lines without one is read in linear time).
    const floor = Math.max(from, lineEnd - CREDIT_REACH);
    let end = lineEnd - 1;
    while (end >= floor && !SENTENCE_END.has(text.charCodeAt(end))) end--;
    if (end < floor) continue;
    const credit = text
      .slice(end + 1, lineEnd)
      .trim()
      .replace(/^[（(]\s*([^（）()]*?)\s*[）)]$/, '$1');
    if (credit === '' || codePointLength(credit) > MAX_CREDIT || !CREDIT.test(credit)) continue;
    out.push({ at, sentence: text.slice(from, end + 1) });
    from = at;
  }
  return out;
}

const WHITE = /\s/;
/** How far back from a line end a credit's sentence end may lie, in UTF-16 units: a credit
 * of MAX_CREDIT code points (two units each at most) and a little white space. */
const CREDIT_REACH = 2 * MAX_CREDIT + 8;
/** 。！？ */
const SENTENCE_END = new Set([0x3002, 0xff01, 0xff1f]);

/** One short sentence: a photo caption between the items of a picture digest. */
function isShortCaption(text: string): boolean {
  if (codePointLength(text) > MAX_SHORT_CAPTION) return false;
  const ends = text.match(/[。！？]/g)?.length ?? 0;
  return ends <= 1 && !/[「」“”]/.test(text);
}

/** The first `n` sentences of a paragraph. */
function firstSentences(text: string, n: number): string {
  let at = 0;
  for (let k = 0; k < n; k++) {
    const end = text.slice(at).search(/[。！？]/);
    if (end < 0) return text;
    at += end + 1;
  }
  return text.slice(0, at);
}

/** Splits the page's content (captions and credits aside) at its titles. */
function sectionsOf(items: readonly Item[]): Section[] {
  const sections: Section[] = [];
  let cur: Section | null = null;
  // The page's closing lines (an editor's line, a reporter's, the end mark, a source line)
  // after the last item's paragraphs belong to no item: they leave the last one plain.
  let closing = items.length;
  while (closing > 0 && CLOSING_ROLES.has((items[closing - 1] as Item).role)) closing--;
  for (let i = 0; i < items.length; i++) {
    const role = (items[i] as Item).role;
    if (role === 'caption' || role === 'credit' || i >= closing) continue;
    if (role === 'title') {
      cur = { title: i, body: [], plain: true };
      sections.push(cur);
      continue;
    }
    if (cur === null) {
      cur = { title: null, body: [], plain: true };
      sections.push(cur);
    }
    if (role === 'paragraph' || role === 'dateline') cur.body.push(i);
    else cur.plain = false;
  }
  return sections;
}

/** Roles of the lines that close a page (（編輯：X）, 記者：X, （完）, 來源：X). */
const CLOSING_ROLES: ReadonlySet<string> = new Set(['reporter', 'end-mark', 'source', 'furniture']);

/** A title over one to a few paragraphs, the first a lead of its own, longer than the title. */
function isItem(items: readonly Item[], section: Section): boolean {
  if (section.title === null || !section.plain) return false;
  const count = section.body.length;
  if (count === 0 || count > MAX_ITEM_PARAGRAPHS) return false;
  const first = items[section.body[0] as number] as Item;
  if (first.role === 'dateline') return true;
  const text = first.block.text.trim();
  if (CARRY_ON.test(text)) return false;
  if (isRubric(items, section)) return false;
  const title = items[section.title]?.block.text ?? '';
  const n = codePointLength(text);
  return n >= MIN_LEAD && n >= LEAD_OVER_TITLE * codePointLength(title.replace(/\s+/g, ''));
}

/** A page headline that opens on the digest's name and a slash (世界這一天／A　B, 国际快讯｜…):
 * group 1 the name. */
const DIGEST_LABEL = /^([^／/｜|\s]{2,8})\s*[／/｜|]/;
/** Longest lead-in paragraph under such a headline (（中央社台北7日電）世界這一天。以下是…：). */
const MAX_LABELLED_LEAD_IN = 80;

/** A title with no story under it: nothing, or a short lead-in line ending in a colon; or a
 * headline naming the digest before a slash (the stories' titles after it), with nothing or
 * one lead-in paragraph ending in a colon under it. */
function isRubric(items: readonly Item[], section: Section): boolean {
  if (section.title === null || !section.plain) return false;
  const label = DIGEST_LABEL.exec(items[section.title]?.block.text.trim() ?? '')?.[1];
  if (label !== undefined && (DIGEST_NAME.test(label) || /[這这]一天$/.test(label))) {
    if (section.body.length === 0) return true;
    const lead = (items[section.body[0] as number] as Item).block.text.trim();
    return (
      section.body.length === 1 &&
      codePointLength(lead) <= MAX_LABELLED_LEAD_IN &&
      /[：:]$/.test(lead)
    );
  }
  if (section.body.length === 0) {
    // Without a lead-in, only a name that cannot be a story's headline: short, no colon.
    const name = undated(items[section.title]?.block.text ?? '').replace(/\s+/g, '');
    return (codePointLength(name) <= MAX_RUBRIC || DIGEST_NAME.test(name)) && !/[：:]/.test(name);
  }
  if (section.body.length > 1) return false;
  const text = (items[section.body[0] as number] as Item).block.text.trim();
  return codePointLength(text) <= MAX_LEAD_IN && /[：:]$/.test(text);
}

/** The title and the lead paragraph's first sentence. */
function openingOf(items: readonly Item[], section: Section): string {
  const title = items[section.title as number]?.block.text ?? '';
  const lead = items[section.body[0] as number]?.block.text ?? '';
  const end = lead.search(/[。！？!?]/);
  return `${title}\n${lead.slice(0, Math.min(end < 0 ? lead.length : end, OPENING))}`;
}

function textOf(items: readonly Item[], section: Section): string {
  const parts = [section.title, ...section.body].map((i) =>
    i === null ? '' : (items[i]?.block.text ?? ''),
  );
  return `${parts.join('\n')}\n`;
}

/** The share of `text`'s runs of two Han characters that are in `known` (hanPairs of the
 *  text it is compared with). */
export function sharedShare(text: string, known: ReadonlySet<number>): number {
  // Every item is dated: its time words (今日, 星期二) are no sign of one story going on.
  const pairs = hanPairs(text.replace(DATED_ALL, ' '));
  if (pairs.size === 0) return 0;
  let shared = 0;
  for (const p of pairs) if (known.has(p)) shared++;
  return shared / pairs.size;
}

/** A Han ideograph's code point, also outside the BMP (𠝹). */
function han(code: number): boolean {
  return code > 0xffff ? code >= 0x20000 && code <= 0x3ffff : isHan(code);
}

/** The runs of two Han characters of `text`, each as one number. */
function hanPairs(text: string): Set<number> {
  return addHanPairs(text, new Set<number>());
}

/** Adds the runs of two Han characters of `text` to `out`, each as one number, and returns
 *  it: two BMP characters as one 32-bit integer (a small integer to the engine), a pair with
 *  a character beyond the BMP as a larger number, which no such integer equals. */
function addHanPairs(text: string, out: Set<number>): Set<number> {
  let prev = -1;
  for (let i = 0; i < text.length; ) {
    const code = text.codePointAt(i) as number;
    i += code > 0xffff ? 2 : 1;
    if (!han(code)) {
      prev = -1;
      continue;
    }
    if (prev >= 0) {
      out.add(prev > 0xffff || code > 0xffff ? prev * 0x110000 + code : (prev << 16) | code);
    }
    prev = code;
  }
  return out;
}
