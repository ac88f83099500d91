import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { csvRecord } from '../src/text/csv.ts';

describe('CSV records', () => {
  test('RFC 4180: commas, quotes, line breaks and edge spaces are quoted; CRLF ends a record', () => {
    assert.equal(
      csvRecord(['a', 'b,c', 'say "hi"', 'two\nlines', ' pad']),
      'a,"b,c","say ""hi""","two\nlines"," pad"\r\n',
    );
    assert.equal(csvRecord([null, undefined, 3, true, ['x', 'y']]), ',,3,true,x; y\r\n');
  });

  test('a text a spreadsheet would run as a formula gets a quote in front, and nothing else', () => {
    for (const cell of [
      '=1+1',
      '+cmd',
      '-2+3',
      '@SUM(A1)',
      '\t=x',
      '\r=x',
      '=HYPERLINK("http://x")',
    ]) {
      const out = csvRecord([cell]);
      assert.equal(out, `"'${cell.replaceAll('"', '""')}"\r\n`, JSON.stringify(cell));
    }
    // A list whose first item starts a formula is one text: neutralised too.
    assert.equal(csvRecord([['=1', 'b']]), `"'=1; b"\r\n`);
  });

  test('numbers stay numbers, and text that merely holds those characters is untouched', () => {
    assert.equal(
      csvRecord([-3, 0.5, 'a=b', '中國外交部 - 聲明', '電郵 a@b.c']),
      '-3,0.5,a=b,中國外交部 - 聲明,電郵 a@b.c\r\n',
    );
  });
});
