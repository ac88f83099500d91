import { isCalendarDate } from '../text/dates.ts';

// 2024-03-15, 2024_03_15, 2024.03.15, 2024/03/15 (folders), 20240315; not inside a longer number.
const DATE_IN_PATH =
  /(?<!\d)((?:19|20)\d{2})([-_./\\]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)/g;

/**
 * The date a path gives, as YYYY-MM-DD: archives are often laid out by day
 * (`2024/03/15/a.txt`, `wenhui-2024-03-15.txt`, `20240315_01.txt`). The last date in the
 * path wins, so a dated file inside a dated folder keeps its own. Undefined when none.
 */
export function dateFromPath(path: string): string | undefined {
  let found: string | undefined;
  for (const m of path.matchAll(DATE_IN_PATH)) {
    const [year, month, day] = [Number(m[1]), Number(m[3]), Number(m[4])];
    if (isCalendarDate(year, month, day)) found = `${m[1]}-${m[3]}-${m[4]}`;
  }
  return found;
}

/**
 * A JSONL `date` as YYYY-MM-DD: the date itself, or the date part of an ISO 8601 timestamp
 * (2024-03-15T08:00:00+08:00). Undefined when it is neither.
 */
export function readDate(value: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(value);
  if (m === null) return undefined;
  return isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))
    ? `${m[1]}-${m[2]}-${m[3]}`
    : undefined;
}
