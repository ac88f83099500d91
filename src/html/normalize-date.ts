/**
 * Dates as pages write them → ISO 8601. Kept to the precision the page gives: a date alone
 * stays `2021-06-29`, a time adds `T08:15` (and `:30` when seconds are given), and an offset
 * (`Z`, `+08:00`) is added only when the page states one.
 */

/** A date with as much as is known of it. */
export interface DateParts {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
  second?: number;
  /** `Z` or `±HH:MM`, when the source gives one. */
  offset?: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The ISO 8601 form of a date, at its own precision. */
export function formatIso(d: DateParts): string {
  let out = `${d.year}-${pad(d.month)}-${pad(d.day)}`;
  if (d.hour === undefined || d.minute === undefined) return out;
  out += `T${pad(d.hour)}:${pad(d.minute)}`;
  if (d.second !== undefined) out += `:${pad(d.second)}`;
  return d.offset === undefined ? out : out + d.offset;
}

/** Whether the parts make a real calendar date and clock time. */
export function isValidDate(d: DateParts): boolean {
  if (d.year < 1970 || d.year > 2100 || d.month < 1 || d.month > 12 || d.day < 1) return false;
  const days = new Date(Date.UTC(d.year, d.month, 0)).getUTCDate();
  if (d.day > days) return false;
  if (d.hour !== undefined && (d.hour > 23 || (d.minute ?? 0) > 59 || (d.second ?? 0) > 59)) {
    return false;
  }
  return true;
}

/**
 * One date in any of the shapes Chinese pages use: 2021-06-29, 2021/6/29, 2021.06.29,
 * 2021年6月29日, each optionally followed by a time (08:15, 08:15:30, 8時15分, 上午/下午 are
 * not guessed at) and, in machine forms, an offset (2021-06-29T08:15:00+08:00). The source
 * regex of {@link findDates} and {@link parseDate}.
 */
const DATE_SOURCE =
  '(\\d{4})\\s*(?:[-/.]|年)\\s*(\\d{1,2})\\s*(?:[-/.]|月)\\s*(\\d{1,2})\\s*日?' +
  '(?:(?:\\s*|T|\\s*[（(][^）)]{1,4}[）)]\\s*)(\\d{1,2})\\s*[:：時时点點]\\s*(\\d{1,2})\\s*分?(?:\\s*[:：]\\s*(\\d{1,2})(?:\\.\\d+)?\\s*秒?)?)?' +
  '(Z|[+-]\\d{2}:?\\d{2}(?![\\d:]))?';

/** A date found in text, with where it is. */
export interface FoundDate {
  parts: DateParts;
  index: number;
  length: number;
}

function toParts(m: RegExpExecArray): DateParts {
  const parts: DateParts = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (m[4] !== undefined && m[5] !== undefined) {
    parts.hour = Number(m[4]);
    parts.minute = Number(m[5]);
    if (m[6] !== undefined) parts.second = Number(m[6]);
    const offset = m[7];
    if (offset !== undefined) {
      parts.offset = offset === 'Z' ? 'Z' : `${offset.slice(0, 3)}:${offset.slice(-2)}`;
    }
  }
  return parts;
}

/** Every valid date in `text`, in order. */
export function findDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  const re = new RegExp(DATE_SOURCE, 'g');
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    // 12021-06-29 is not a year: the match must not continue a longer number.
    if (m.index > 0 && /\d/.test(text[m.index - 1] as string)) continue;
    const parts = toParts(m);
    if (isValidDate(parts)) found.push({ parts, index: m.index, length: m[0].length });
  }
  return found;
}

/** The date a metadata value holds (the whole value, give or take spaces), or undefined. */
export function parseDate(value: string): DateParts | undefined {
  const m = new RegExp(`^\\s*${DATE_SOURCE}`).exec(value);
  if (m === null) return undefined;
  const parts = toParts(m);
  return isValidDate(parts) ? parts : undefined;
}
