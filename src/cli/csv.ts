/**
 * CSV as RFC 4180 has it: fields separated by commas, records by CRLF, and a field quoted
 * (its quotes doubled) when it holds a comma, a quote, a line break or edge spaces.
 */

/** A value a CSV field can hold; lists are joined with "; ", null is empty. */
export type CsvValue = string | number | boolean | null | undefined | readonly (string | number)[];

function field(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = Array.isArray(value) ? value.join('; ') : String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV record, CRLF included. */
export function csvRecord(values: readonly CsvValue[]): string {
  return `${values.map(field).join(',')}\r\n`;
}
