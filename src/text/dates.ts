/** Whether year-month-day is a day of the calendar (no 2023-02-30). */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is a real calendar date written YYYY-MM-DD (no 2021-13-45). */
export function isDate(value: string): boolean {
  const m = YMD.exec(value);
  if (m === null) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // Date.UTC reads the years 0–99 as 1900–1999: such a year is no date here.
  return y >= 100 && isCalendarDate(y, mo, d);
}
