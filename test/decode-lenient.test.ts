import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import iconv from 'iconv-lite';
import { DecodeError, decode } from '../src/decode/index.ts';
import { parse } from '../src/pipeline.ts';
import { runJiedu } from './helpers/cli.ts';

/*
 * One bad byte does not lose a page: a double-byte character cut before "..." (a portal's
 * link title), or a code from another table, is read as U+FFFD with a warning that gives
 * its byte offset, in the detected encoding and in one the caller names. Only a share of
 * bad bytes that says the bytes are not text in that encoding refuses the page; --strict
 * refuses any.
 */

/** A GB18030 page with one character cut to its first byte before "...". */
function cutPage(): { bytes: Buffer; offset: number } {
  const before = iconv.encode(
    '外交部發言人表示，雙方會談取得積極成果。\n相關連結：中美經貿磋商取',
    'gb18030',
  );
  const after = iconv.encode('...\n下一段新聞正文繼續，內容完整無缺。\n', 'gb18030');
  return { bytes: Buffer.concat([before, Buffer.from([0xb5]), after]), offset: before.length };
}

let dir = '';

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jiedu-lenient-'));
});

after(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('decoding leniently', () => {
  test('a cut character is read as U+FFFD and counted, detected or named', () => {
    const { bytes, offset } = cutPage();
    for (const options of [{}, { encoding: 'gb18030' as const }]) {
      const decoded = decode(bytes, options);
      assert.equal(decoded.encoding, 'gb18030');
      assert.deepEqual(decoded.replaced, { count: 1, offset });
      assert.match(decoded.text, /磋商取\ufffd\.\.\./);
    }
    const page = parse(bytes, { path: 'cut.txt' });
    const warning = page.diagnostics.find((d) => d.rule === 'invalid-bytes-replaced');
    assert.equal(warning?.severity, 'warning');
    assert.match(warning?.message ?? '', new RegExp(`first at byte offset ${offset}`));
    assert.equal(page.text.slice(warning?.start, warning?.end), '\ufffd');
  });

  test('strict refuses it, with the offset', () => {
    const { bytes, offset } = cutPage();
    assert.throws(
      () => decode(bytes, { strict: true }),
      (err: unknown) => err instanceof DecodeError && err.offset === offset,
    );
  });

  test('many bad sequences say the bytes are not text in that encoding: refused still', () => {
    const noise = Uint8Array.from({ length: 4000 }, (_, i) => (i * 7919 + 13) % 256);
    assert.throws(() => decode(noise), DecodeError);
    const { bytes } = cutPage();
    // GB18030 bytes named as UTF-8: mostly invalid, not a few.
    assert.throws(
      () => decode(bytes, { encoding: 'utf-8' }),
      /cannot be read: not text in this encoding/,
    );
  });
});

describe('the CLI', () => {
  test('parse reads the page (exit 0) and says where the bad byte was; --strict refuses it', async () => {
    const { bytes, offset } = cutPage();
    const file = join(dir, 'cut.txt');
    await writeFile(file, bytes);
    const read = await runJiedu(['parse', file, '--format', 'text']);
    assert.equal(read.code, 0, read.stderr);
    assert.match(read.stdout, /下一段新聞正文繼續/);
    assert.match(
      read.stderr,
      new RegExp(
        `cut\\.txt: warning: a byte sequence that is not gb18030 text, read as U\\+FFFD; the first at byte offset ${offset}`,
      ),
    );
    const strict = await runJiedu(['parse', file, '--strict']);
    assert.equal(strict.code, 1);
    assert.match(strict.stderr, new RegExp(`byte offset ${offset}`));
  });

  test('ingest stores the page and says so', async () => {
    const { bytes } = cutPage();
    const folder = join(dir, 'pages');
    await rm(folder, { recursive: true, force: true });
    await mkdir(folder);
    await writeFile(join(folder, 'cut.txt'), bytes);
    const run = await runJiedu(['ingest', folder, '--db', join(dir, 'a.db'), '--workers', '1']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /cut\.txt: warning: a byte sequence that is not gb18030 text/);
    assert.match(run.stderr, /1 stored/);
  });
});
