/**
 * Dates as pages write them → ISO 8601. Kept to the precision the page gives: a date alone
 * stays `2021-06-29`, a time adds `T08:15` (and `:30` when seconds are given), and an offset
 * (`Z`, `+08:00`) is added only when the page states one.
 */

/** A date with as much as is known of it. */
export interface DateParts {
  year: number;
  month: number;
  /** Absent for a month alone (a magazine issue, 1998年3月号). */
  day?: number;
  hour?: number;
  minute?: number;
  second?: number;
  /** `Z` or `±HH:MM`, when the source gives one. */
  offset?: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The ISO 8601 form of a date, at its own precision. */
export function formatIso(d: DateParts): string {
  if (d.day === undefined) return `${d.year}-${pad(d.month)}`;
  let out = `${d.year}-${pad(d.month)}-${pad(d.day)}`;
  if (d.hour === undefined || d.minute === undefined) return out;
  out += `T${pad(d.hour)}:${pad(d.minute)}`;
  if (d.second !== undefined) out += `:${pad(d.second)}`;
  return d.offset === undefined ? out : out + d.offset;
}

/** Whether the parts make a real calendar date and clock time. */
function isValidDate(d: DateParts): boolean {
  if (d.year < 1970 || d.year > 2100 || d.month < 1 || d.month > 12) return false;
  if (d.day === undefined) return d.hour === undefined;
  const days = new Date(Date.UTC(d.year, d.month, 0)).getUTCDate();
  if (d.day < 1 || d.day > days) return false;
  if (d.hour !== undefined && (d.hour > 23 || (d.minute ?? 0) > 59 || (d.second ?? 0) > 59)) {
    return false;
  }
  return true;
}

/**
 * One date in any of the shapes Chinese pages use: 2021-06-29, 2021/6/29, 2021.06.29,
 * 2021年6月29日, each optionally followed by a weekday (（星期二）, 週二) and a time (08:15,
 * 08:15:30, 8時15分, 下午 3:15 → 15:15) and, in machine forms, an offset (2021-06-29T08:15:00+08:00). The source
 * regex of {@link findDates} and {@link parseDate}.
 */
const DATE_SOURCE =
  '(?<year>\\d{4})\\s*(?:[-/.]|年)\\s*(?<month>\\d{1,2})\\s*(?:[-/.]|月)\\s*(?<day>\\d{1,2})\\s*日?' +
  '(?:(?:\\s*|T|\\s*[（(][^）)]{1,4}[）)]\\s*|\\s*(?:星期|週|周|禮拜|礼拜)[一二三四五六日天]\\s*)' +
  '(?<half>上午|下午|中午|晚上|凌晨|早上)?\\s*' +
  '(?<hour>\\d{1,2})\\s*[:：時时点點]\\s*(?<minute>\\d{1,2})\\s*分?(?:\\s*[:：]\\s*(?<second>\\d{1,2})(?:\\.\\d+)?\\s*秒?)?)?' +
  '(?<offset>Z|[+-]\\d{2}:?\\d{2}(?![\\d:]))?';

/** A date found in text, with where it is. */
export interface FoundDate {
  parts: DateParts;
  index: number;
  length: number;
}

/** Half-day words after which a clock hour below 12 is in the afternoon or evening. */
const AFTERNOON = new Set(['下午', '晚上']);

function toParts(m: RegExpExecArray): DateParts {
  const g = m.groups ?? {};
  const parts: DateParts = { year: Number(g.year), month: Number(g.month), day: Number(g.day) };
  if (g.hour !== undefined && g.minute !== undefined) {
    let hour = Number(g.hour);
    // 下午 3:00 is 15:00; 中午 12:30 and 凌晨 1:00 are as written.
    if (g.half !== undefined && AFTERNOON.has(g.half) && hour < 12) hour += 12;
    parts.hour = hour;
    parts.minute = Number(g.minute);
    if (g.second !== undefined) parts.second = Number(g.second);
    const offset = g.offset;
    if (offset !== undefined) {
      parts.offset = offset === 'Z' ? 'Z' : `${offset.slice(0, 3)}:${offset.slice(-2)}`;
    }
  }
  return parts;
}

/**
 * A numeric date with the year last, as sites built on Western software print it:
 * 06/02/2022 - 13:48, 9/17/2004 5:54:13 AM. See {@link slashParts} for which number is
 * the day.
 */
const SLASH_SOURCE =
  '(\\d{1,2})/(\\d{1,2})/(\\d{4})(?:\\s*(?:-\\s*)?(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:\\s*([AaPp])\\.?[Mm]\\.?)?)?';

/**
 * The parts of a year-last date. The day comes first (06/02/2022 is 6 February), as in most
 * of the world, unless that cannot be (9/17/2004 is 17 September). AM and PM are honoured.
 */
function slashParts(m: RegExpExecArray): DateParts {
  const a = Number(m[1]);
  const b = Number(m[2]);
  const dayFirst = a > 12 || b <= 12;
  const parts: DateParts = {
    year: Number(m[3]),
    month: dayFirst ? b : a,
    day: dayFirst ? a : b,
  };
  if (m[4] !== undefined && m[5] !== undefined) {
    let hour = Number(m[4]);
    const half = m[7]?.toLowerCase();
    if (half === 'p' && hour < 12) hour += 12;
    if (half === 'a' && hour === 12) hour = 0;
    parts.hour = hour;
    parts.minute = Number(m[5]);
    if (m[6] !== undefined) parts.second = Number(m[6]);
  }
  return parts;
}

/** Every match of `source` in `text` that is a valid date and does not continue a number. */
function matchDates(
  text: string,
  source: string,
  toDate: (m: RegExpExecArray) => DateParts,
): FoundDate[] {
  const found: FoundDate[] = [];
  const re = new RegExp(source, 'g');
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    // 12021-06-29 is not a year: the match must not continue a longer number.
    if (m.index > 0 && /[\d/]/.test(text[m.index - 1] as string)) continue;
    const parts = toDate(m);
    if (isValidDate(parts)) found.push({ parts, index: m.index, length: m[0].length });
  }
  return found;
}

/** Every valid date in `text`, in order: year-first forms and year-last ones (06/02/2022). */
export function findDates(text: string): FoundDate[] {
  const found = [
    ...matchDates(text, DATE_SOURCE, toParts),
    ...matchDates(text, SLASH_SOURCE, slashParts),
  ];
  return found.sort((x, y) => x.index - y.index);
}

/** 《北京之春》1998年3月号, 《瞭望》2005年第12期: a periodical's issue, which dates what it printed. */
const ISSUE = /《[^》]{1,20}》\s*(\d{4})\s*年\s*(\d{1,2})\s*月[号號]/;

/** The month of a periodical issue a line cites (《北京之春》1998年3月号 → 1998-03), or undefined. */
export function findIssueMonth(line: string): DateParts | undefined {
  const m = ISSUE.exec(line);
  if (m === null) return undefined;
  const parts = { year: Number(m[1]), month: Number(m[2]) };
  return isValidDate(parts) ? parts : undefined;
}

/** The date a metadata value holds (the whole value, give or take spaces), or undefined. */
export function parseDate(value: string): DateParts | undefined {
  const m = new RegExp(`^\\s*${DATE_SOURCE}`).exec(value);
  const slash = m === null ? new RegExp(`^\\s*${SLASH_SOURCE}`).exec(value) : null;
  if (m === null && slash === null) return undefined;
  const parts = m !== null ? toParts(m) : slashParts(slash as RegExpExecArray);
  return isValidDate(parts) ? parts : undefined;
}
