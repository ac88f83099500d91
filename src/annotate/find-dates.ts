import { readNumber } from '../text/numbers.ts';
import { anchoredMatches, anchorOn } from './anchored-matches.ts';

/** A date expression in Simplified-text offsets, before mapping back. */
export interface RawDate {
  start: number;
  end: number;
  value: string | null;
  relative: boolean;
  unresolved?: string;
}

/** A calendar date the page is written on, for relative expressions. */
export interface PageDate {
  year: number;
  month: number;
  day: number;
}

const NUM = '[0-9０-９〇零一二三四五六七八九十]';
// The numeric forms, sticky: each is tried only a few units before the 年, 月 or 日 it must
// hold (anchoredMatches), instead of at every position of the article.
const FULL = new RegExp(`(${NUM}{4})年(${NUM}{1,3})月(${NUM}{1,3})[日号]`, 'y');
const YEAR_MONTH = new RegExp(`(${NUM}{4})年(${NUM}{1,3})月(?!${NUM}{0,3}[日号])`, 'y');
const YEAR = new RegExp(
  `(?<!${NUM})(${NUM}{4})年(?![${'0-9０-９〇零一二三四五六七八九十'}]|度|代|间|来|内|前|后|龄|级)`,
  'y',
);
const MONTH_DAY = new RegExp(`(?<!年|${NUM})(${NUM}{1,3})月(${NUM}{1,3})[日号]`, 'y');
const DAY = new RegExp(
  `(?<![月年]|${NUM})([0-9０-９]{1,2})日(?=[在晚上下午中早凌]|[\\u4e00-\\u9fff]{0,2}(?:举行|表示|宣布|发表|召开|会见|会晤|开幕|闭幕|抵达|访问))`,
  'y',
);

/** Where each numeric pattern can start: four units before its 年 (2021年), one to three
 * before its 月 (6月, 十二月), one or two before its 日 (28日). Digits are never the anchor. */
const BEFORE_YEAR = anchorOn('年', 4, 4);
const BEFORE_MONTH = anchorOn('月', 1, 3);
const BEFORE_DAY = anchorOn('日', 1, 2);

/** Relative days, with an optional part of day. */
const DAY_WORDS: Record<string, number> = {
  今天: 0,
  今日: 0,
  当天: 0,
  昨天: -1,
  昨日: -1,
  前天: -2,
  前日: -2,
  明天: 1,
  明日: 1,
  后天: 2,
};
const PARTS: Record<string, string> = {
  凌晨: 'NI',
  早上: 'MO',
  上午: 'MO',
  中午: 'MI',
  下午: 'AF',
  晚上: 'EV',
  晚间: 'EV',
  傍晚: 'EV',
  夜间: 'NI',
};
const RELATIVE_DAY = new RegExp(
  `(${Object.keys(DAY_WORDS).join('|')})(${Object.keys(PARTS).join('|')})?`,
  'g',
);
const RELATIVE_OTHER =
  /(上周|上星期|本周|这周|下周|下星期|上个月|上月|本月|下个月|下月|去年|今年|明年|前年)/g;

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/** Adds days to a calendar date (UTC arithmetic: no time zone can shift a date). */
function addDays(date: PageDate, days: number): PageDate {
  const t = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** ISO week of a date, as YYYY-Www. */
function isoWeek(date: PageDate): string {
  const t = new Date(Date.UTC(date.year, date.month - 1, date.day));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((t.getTime() - yearStart) / 86400000 + 1) / 7);
  return `${t.getUTCFullYear()}-W${pad(week)}`;
}

/**
 * Finds dates: absolute (2021年6月28日, 6月28日, 2021年6月, 2021年, 28日在…) and relative
 * (昨日下午, 上周, 去年), resolved against the page date when there is one; otherwise left
 * unresolved with the reason. Values are ISO 8601 (part of day as TIMEX3: 2021-06-28TAF).
 */
export function findDates(text: string, page: PageDate | null): RawDate[] {
  const out: RawDate[] = [];
  const taken = new Uint8Array(text.length);
  const add = (start: number, end: number, d: Omit<RawDate, 'start' | 'end'>) => {
    for (let i = start; i < end; i++) if (taken[i]) return;
    taken.fill(1, start, end);
    out.push({ start, end, ...d });
  };
  const noDate = 'no page date to resolve against';
  for (const m of anchoredMatches(text, FULL, BEFORE_YEAR)) {
    const [y, mo, d] = [
      readNumber(m[1] as string),
      readNumber(m[2] as string),
      readNumber(m[3] as string),
    ];
    const valid = y !== null && mo !== null && d !== null && mo <= 12 && d <= 31;
    add(
      m.index ?? 0,
      (m.index ?? 0) + m[0].length,
      valid
        ? { value: iso(y, mo, d), relative: false }
        : { value: null, relative: false, unresolved: 'not a calendar date' },
    );
  }
  for (const m of anchoredMatches(text, YEAR_MONTH, BEFORE_YEAR)) {
    const [y, mo] = [readNumber(m[1] as string), readNumber(m[2] as string)];
    if (y !== null && mo !== null && mo <= 12)
      add(m.index ?? 0, (m.index ?? 0) + m[0].length, {
        value: `${y}-${pad(mo)}`,
        relative: false,
      });
  }
  for (const m of anchoredMatches(text, MONTH_DAY, BEFORE_MONTH)) {
    const [mo, d] = [readNumber(m[1] as string), readNumber(m[2] as string)];
    if (mo === null || d === null || mo > 12 || d > 31) continue;
    add(
      m.index ?? 0,
      (m.index ?? 0) + m[0].length,
      page === null
        ? { value: null, relative: false, unresolved: `year unknown: ${noDate}` }
        : { value: iso(page.year, mo, d), relative: false },
    );
  }
  for (const m of anchoredMatches(text, YEAR, BEFORE_YEAR)) {
    const y = readNumber(m[1] as string);
    if (y !== null && y >= 1000)
      add(m.index ?? 0, (m.index ?? 0) + m[0].length, { value: String(y), relative: false });
  }
  for (const m of anchoredMatches(text, DAY, BEFORE_DAY)) {
    const d = readNumber(m[1] as string);
    if (d === null || d > 31) continue;
    add(
      m.index ?? 0,
      (m.index ?? 0) + m[0].length,
      page === null
        ? { value: null, relative: false, unresolved: `month unknown: ${noDate}` }
        : { value: iso(page.year, page.month, d), relative: false },
    );
  }
  for (const m of text.matchAll(RELATIVE_DAY)) {
    const offset = DAY_WORDS[m[1] as string] as number;
    const part = m[2] === undefined ? '' : `T${PARTS[m[2]]}`;
    add(
      m.index ?? 0,
      (m.index ?? 0) + m[0].length,
      page === null
        ? { value: null, relative: true, unresolved: noDate }
        : { value: `${iso(...ymd(addDays(page, offset)))}${part}`, relative: true },
    );
  }
  for (const m of text.matchAll(RELATIVE_OTHER)) {
    const word = m[1] as string;
    add(
      m.index ?? 0,
      (m.index ?? 0) + m[0].length,
      page === null
        ? { value: null, relative: true, unresolved: noDate }
        : { value: relativeValue(word, page), relative: true },
    );
  }
  return out.sort((a, b) => a.start - b.start);
}

function ymd(d: PageDate): [number, number, number] {
  return [d.year, d.month, d.day];
}

function relativeValue(word: string, page: PageDate): string {
  if (/周|星期/.test(word)) {
    const shift = word.startsWith('上') ? -7 : word.startsWith('下') ? 7 : 0;
    return isoWeek(addDays(page, shift));
  }
  if (/月/.test(word)) {
    const shift = word.startsWith('上') ? -1 : word.startsWith('下') ? 1 : 0;
    const t = new Date(Date.UTC(page.year, page.month - 1 + shift, 1));
    return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}`;
  }
  const shift = word === '去年' ? -1 : word === '明年' ? 1 : word === '前年' ? -2 : 0;
  return String(page.year + shift);
}

/** The date a page is written on: the first full date in its text, or null. */
export function pageDateIn(text: string): PageDate | null {
  for (const m of anchoredMatches(text, FULL, BEFORE_YEAR)) {
    const [y, mo, d] = [
      readNumber(m[1] as string),
      readNumber(m[2] as string),
      readNumber(m[3] as string),
    ];
    if (y !== null && mo !== null && d !== null && mo <= 12 && d <= 31)
      return { year: y, month: mo, day: d };
  }
  return null;
}

/** Parses YYYY-MM-DD (the `--date` option); throws TypeError for anything else. */
export function parsePageDate(value: string): PageDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = m === null ? null : { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (date === null || date.month < 1 || date.month > 12 || date.day < 1 || date.day > 31) {
    throw new TypeError(`date: expected YYYY-MM-DD, got ${JSON.stringify(value)}`);
  }
  return date;
}
