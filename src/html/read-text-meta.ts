import type { Credit } from '../tree/types.ts';
import { type DateParts, findDates, findIssueMonth } from './normalize-date.ts';
import { readCredits, readSourceOutlet, SURNAMES } from './read-credits.ts';

/** What the visible text of a page says about its article. */
export interface TextFacts {
  published?: DateParts;
  credits: Credit[];
  source?: string;
}

/**
 * A label right before a date that says it is the publication date: 发布时间：, 發佈於,
 * 日期：. Only directly before it (a colon and spaces between): 报名日期为2003年11月1日 is
 * not a label.
 */
const DATE_LABEL =
  /(?:(?:發佈|发布|發表|发表|刊登|出版|上傳|上传)(?:時間|时间|日期|于|於)?|時間|时间|日期|更新)\s*[:：]?\s*$/;

/** How many lines after the headline the metadata line is looked for. */
const HEADER_LINES = 12;

/** Lines this long or longer are prose, not a metadata line. */
const MAX_META_LINE = 120;

/** The index of the line that holds the headline, or -1. */
function findTitleLine(lines: readonly string[], title: string): number {
  if (title === '') return -1;
  const bareTitle = title.replace(/\s+/g, '');
  return lines.findIndex((line) => {
    const bare = line.replace(/\s+/g, '');
    return bare === bareTitle || (bare.length <= bareTitle.length + 20 && bare.includes(bareTitle));
  });
}

/** A date the text gives, and whether a label (发布时间：) says it is the publication date. */
export interface TextDate {
  parts: DateParts;
  labelled: boolean;
}

/**
 * The publication date among some lines: the first labelled one, else (when `anyDate`) the
 * first with a time, else the first at all. Prose lines are passed over.
 */
function pickDate(lines: readonly string[], anyDate: boolean): TextDate | undefined {
  let timed: DateParts | undefined;
  let plain: DateParts | undefined;
  for (const line of lines) {
    if (line.length > MAX_META_LINE) continue;
    for (const found of findDates(line)) {
      const before = line.slice(Math.max(0, found.index - 12), found.index);
      if (DATE_LABEL.test(before)) return { parts: found.parts, labelled: true };
      if (timed === undefined && found.parts.hour !== undefined) timed = found.parts;
      if (plain === undefined) plain = found.parts;
    }
  }
  const parts = timed ?? (anyDate ? plain : undefined);
  return parts === undefined ? undefined : { parts, labelled: false };
}

/**
 * The date a page's text gives for its article: a date in the header lines under the
 * headline (labelled 发布时间 first, then one with a time, then any), else a labelled or timed
 * date anywhere in the page's short lines, else the month of a periodical issue the page
 * cites (——《北京之春》1998年3月号). Body prose is not searched: the dates there are
 * those of events.
 */
export function findPublishedInText(lines: readonly string[], title: string): TextDate | undefined {
  const at = findTitleLine(lines, title);
  if (at >= 0) {
    const header = pickDate(lines.slice(Math.max(0, at - 2), at + HEADER_LINES), true);
    if (header !== undefined) return header;
  }
  const anywhere = pickDate(lines, false);
  if (anywhere !== undefined) return anywhere;
  // Last: an article reprinted from a periodical is dated by the issue it cites at its end.
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i] as string;
    const issue = line.length <= MAX_META_LINE ? findIssueMonth(line) : undefined;
    if (issue !== undefined) return { parts: issue, labelled: false };
  }
  return undefined;
}

/** Lines this long or shorter may be a credit line; longer ones are read only for a bracket. */
const MAX_CREDIT_LINE = 60;

/** 本报讯（记者 王五 通讯员 赵六）… or …（记者 王五）: the credit in brackets opening or closing a paragraph. */
const BRACKETED =
  /^[^。，]{0,24}?[（(【[]([^）)】\]]{2,40})[）)】\]]|[（(【[]([^）)】\]]{2,40})[）)】\]]\s*$/;

/**
 * The credits and source a page's text names: from the header lines under the headline,
 * and from the body's opening and closing paragraphs (本报记者 王五, （记者 王五）,
 * 责任编辑：赵六). Long prose lines are read only for a bracketed credit, so 记者了解到 in a
 * sentence is never taken for a reporter. Without a labelled writer, a closing signature in
 * brackets (（常书香 马丹阳）) or a line of names under the headline names the authors.
 */
export function readTextCredits(
  header: readonly string[],
  body: readonly string[],
  /** Whether the markup already names the author: then no unlabelled signature is guessed. */
  authorKnown = false,
): TextFacts {
  const credits: Credit[] = [];
  let source: string | undefined;
  const add = (found: Credit[]) => {
    for (const c of found) {
      if (!credits.some((x) => x.role === c.role && x.name === c.name)) credits.push(c);
    }
  };
  const edges = [...body.slice(0, 2), ...body.slice(-4)];
  for (const line of [...header, ...edges]) {
    if (line.length <= MAX_CREDIT_LINE) {
      add(readCredits(line));
      source ??= readSourceOutlet(line);
      continue;
    }
    const m = BRACKETED.exec(line);
    const inner = m?.[1] ?? m?.[2];
    if (inner !== undefined) add(readCredits(inner));
  }
  if (!authorKnown && !credits.some((c) => c.role !== 'editor' && c.role !== 'photographer')) {
    add(readSignature(body));
    add(readNameLine(header));
  }
  return { credits, ...(source === undefined ? {} : { source }) };
}

/** One to three personal names: 2–3 Han characters each, apart by spaces or 、. */
const NAMES_ONLY = /^[\u3400-\u9fff]{2,3}(?:[\s\u3000、]+[\u3400-\u9fff]{2,3}){0,2}$/;

/** Endings of names of organisations and of the notes a bracket closes a story with. */
const NOT_A_SIGNATURE =
  /[社网網报報台站刊部局院处處社]$|^(?:完|图|圖|全文完|待续|待續|未完|编辑|編輯|记者|記者|供图|供圖|资料图|資料圖|摄影|攝影)$/;

/** The names of a string that is nothing but names (李明 张华, 赵延东、风笑天), or none. */
function onlyNames(text: string): string[] {
  const trimmed = text.trim();
  if (!NAMES_ONLY.test(trimmed)) return [];
  const names = trimmed.split(/[\s\u3000、]+/);
  const plausible = (n: string) => SURNAMES.has(n[0] as string) && !NOT_A_SIGNATURE.test(n);
  return names.every(plausible) ? names : [];
}

/**
 * The signature a story closes with in brackets: …新春佳节。（常书香 马丹阳） or a last
 * paragraph （袁源）. Only a bracket of personal names counts: （完）, （新华社） do not.
 */
export function readSignature(body: readonly string[]): Credit[] {
  const last = body[body.length - 1];
  if (last === undefined) return [];
  const m = /[（(]\s*([^（）()]{2,16}?)\s*[）)]\s*$/.exec(last);
  if (m === null) return [];
  return onlyNames(m[1] as string).map((name) => ({ role: 'author' as const, name }));
}

/**
 * A line of names alone right under the headline (胡平; 赵延东、风笑天): how essays and
 * papers are signed. Only the first two header lines are looked at.
 */
export function readNameLine(header: readonly string[]): Credit[] {
  for (const line of header.slice(0, 2)) {
    const names = onlyNames(line);
    if (names.length > 0) return names.map((name) => ({ role: 'author' as const, name }));
  }
  return [];
}

/** The header lines of a page: those from the headline's line to a dozen after it. */
export function headerLines(lines: readonly string[], title: string): string[] {
  const at = findTitleLine(lines, title);
  return at < 0 ? [] : lines.slice(at + 1, at + HEADER_LINES);
}
