/**
 * CSV as RFC 4180 has it: fields separated by commas, records by CRLF, and a field quoted
 * (its quotes doubled) when it holds a comma, a quote, a line break or edge spaces.
 *
 * Every CSV jiedu writes (export, search, quotes, stances, entities, the server's CSV
 * listings and so the UI's Download CSV) goes through here, and every one carries text
 * from the pages it read: a cell that a spreadsheet would run as a formula is neutralised
 * as OWASP's "CSV Injection" page advises. A text that starts with =, +, -, @, a tab or a
 * carriage return gets a single quote in front (and is quoted), so Excel, LibreOffice and
 * Google Sheets show it as text; the quote is the only change. Numbers are written as
 * numbers (-3 stays -3: a spreadsheet reads it as the number it is).
 */

/** A value a CSV field can hold; lists are joined with "; ", null is empty. */
export type CsvValue = string | number | boolean | null | undefined | readonly (string | number)[];

/** What a spreadsheet may read as the start of a formula or a command. */
const FORMULA_START = /^[=+\-@\t\r]/;

function field(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = Array.isArray(value) ? value.join('; ') : String(value);
  // A neutralised formula is always quoted, so the quote in front reads as part of the text.
  const formula = FORMULA_START.test(text);
  const safe = formula ? `'${text}` : text;
  return formula || /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One CSV record, CRLF included. */
export function csvRecord(values: readonly CsvValue[]): string {
  return `${values.map(field).join(',')}\r\n`;
}
