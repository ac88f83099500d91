import { readPublisher } from '../html/index.ts';
import { isCalendarDate } from '../text/dates.ts';
import type { PageNode } from '../tree/types.ts';

/**
 * The outlet that published a page, as its first byline names it: 香港文匯報訊 據中通社報道 →
 * 香港文匯報 (中通社 is where the story came from, not who printed it), 新华社北京3月6日电 →
 * 新华社. Undefined when no byline says.
 */
export function findOutlet(page: PageNode): string | undefined {
  for (const article of page.children) {
    for (const block of article.children) {
      if (block.type !== 'byline') continue;
      // 香港文匯報訊, 香港文匯報記者 陳卓言, 聯合報／記者 王小明: the publisher before 訊 or 記者.
      const publisher = readPublisher(block.text);
      if (publisher !== undefined) return publisher;
      // A wire dateline names its agency as the byline's own outlet: 新华社北京3月6日电.
      const first = block.outlets[0];
      if (first !== undefined && block.text.startsWith(first)) return first;
    }
  }
  // Else the ways a paper names itself at the head of a story, whatever block they fell in.
  for (const article of page.children) {
    for (const block of article.children.slice(0, HEAD_BLOCKS)) {
      const named = outletInHead(block.text.trim());
      if (named !== undefined) return named;
    }
  }
  return undefined;
}

/** Blocks of a story's head where a paper names itself. */
const HEAD_BLOCKS = 6;

/** A paper's name: ends in 報/报, 社, 網/网 or 台 (明報, 星島日報, 中央社, 聯合新聞網). */
const PAPER = '[^\\s\\d【】（）()《》／/，。：:、]{1,10}?(?:報|报|社|網|网|台)';

/** How papers name themselves at the head of a story, the name in group 1. */
const HEADS: readonly RegExp[] = [
  // 【明報專訊】, 【大公報訊】, 【环球时报报道 记者 刘欣】 (not 【本報訊】: "this paper" names
  // none).
  new RegExp(
    `^【(?!本[報报])(${PAPER})(?:專訊|专讯|訊|讯|(?:綜合|综合)?(?:报道|報導|報道))(?:\\s*[記记]者[^】]{0,20})?】`,
  ),
  // 2024年05月21日 06:45 来源：环球时报: a source line under the headline.
  new RegExp(`(?:^|\\s)(?:来源|來源)[：:]\\s*(${PAPER})\\s*$`),
  // （中央社記者楊某台北22日電）: a wire's dateline in brackets.
  new RegExp(`^[（(](${PAPER})[記记]者[^）)]{1,20}?[電电][）)]`),
  // 聯合報／記者蘇某／台北報導.
  new RegExp(`^(?:\\d{4}年[^　\\s]*\\s+[\\d:]*\\s*)?(${PAPER})[／/][記记]者`),
  // A masthead line: 明報 2024年2月19日 星期一; 《人民日报》（2024年09月05日 第02版）.
  new RegExp(`^(${PAPER})\\s+\\d{4}年\\d{1,2}月\\d{1,2}日(?:\\s*星期.)?(?:\\s+\\d{1,2}:\\d{2})?$`),
  /^《([^》]{2,10}(?:報|报|刊))》\s*[（(]\d{4}年/,
];

/** The outlet a head line names, or undefined. */
function outletInHead(line: string): string | undefined {
  for (const pattern of HEADS) {
    const name = pattern.exec(line)?.[1];
    if (name !== undefined) return name;
  }
  return undefined;
}

const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A date stamp in digits on a short line of its own or after a label, as web copies and
 * portals print the publication time: 发布时间：2024-04-27 00:45, 2024/01/24 18:05,
 * 2024.03.15. In prose a date is written 2024年3月15日, which annotate reads.
 */
const STAMP =
  /(?:^|[\s：:|｜（(【])((?:19|20)\d{2})([-/.])(0?[1-9]|1[0-2])\2(0?[1-9]|[12]\d|3[01])(?![\d年])/;
/** A Taiwanese wire story's closing stamp: the editor's credit, then the date as the year of
 * the Republic and month and day (（編輯：陳大文）1130124 is 2024-01-24). */
const ROC_STAMP =
  /[（(](?:編輯|编辑)[：:][^）)]{1,12}[）)]\s*(1[0-4]\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/;
/** Lines this long at most may carry a stamp (a header line, not a paragraph). */
const STAMP_LINE = 60;

/** The first digits stamp among `page`'s short lines, with its offset; undefined if none. */
function firstStamp(page: PageNode): { at: number; value: string } | undefined {
  for (const article of page.children) {
    for (const block of article.children) {
      if (block.text.length > STAMP_LINE) continue;
      const roc = ROC_STAMP.exec(block.text);
      if (roc !== null) {
        // 中央社's closing credit: （編輯：X）1130124, the year of the Republic (113 = 2024).
        const [y, mo, d] = [1911 + Number(roc[1]), Number(roc[2]), Number(roc[3])];
        if (!isCalendarDate(y, mo, d)) continue;
        const value = `${y}-${roc[2]}-${roc[3]}`;
        return { at: block.start + roc.index, value };
      }
      const m = STAMP.exec(block.text);
      if (m === null) continue;
      const [y, mo, d] = [Number(m[1]), Number(m[3]), Number(m[4])];
      if (!isCalendarDate(y, mo, d)) continue;
      const value = `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      return { at: block.start + m.index, value };
    }
  }
  return undefined;
}

/**
 * The page date when none is given: the first full date (YYYY-MM-DD) the page states
 * outright (annotate's dates, 2024年3月15日), or a digits stamp on a header line
 * (发布时间：2024-04-27 00:45) when that comes first; undefined when the page has neither.
 */
export function findPageDate(page: PageNode): string | undefined {
  let stated: { at: number; value: string } | undefined;
  for (const article of page.children) {
    for (const date of article.annotations?.dates ?? []) {
      if (!date.relative && date.value !== null && FULL_DATE.test(date.value)) {
        stated = { at: date.start, value: date.value };
        break;
      }
    }
    if (stated !== undefined) break;
  }
  const stamp = firstStamp(page);
  if (stamp !== undefined && (stated === undefined || stamp.at < stated.at)) return stamp.value;
  return stated?.value;
}
