/**
 * A UTF-8 page cut inside its last character (a truncated download, a WARC record cut at a
 * crawler's limit) is UTF-8 with a damaged tail, never mojibake in another encoding.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decode } from '../src/decode/index.ts';
import { utf8CutTail } from '../src/decode/utf8-cut-tail.ts';
import { parse } from '../src/pipeline.ts';

const TEXT =
  '（本報記者林國棟台北3日電）行政院今天召開記者會，說明新措施的內容與時程。\n' +
  '發言人表示，相關部會將在下週提出細節，並與地方政府協調。\n';

/** TEXT in UTF-8 with its last Han character cut after `keep` of its three bytes. */
function cutAfter(text: string, keep: 1 | 2): Uint8Array {
  const bytes = new TextEncoder().encode(text.trimEnd());
  return bytes.subarray(0, bytes.length - 3 + keep);
}

describe('a UTF-8 file cut inside its last character', () => {
  test('utf8CutTail counts the bytes of the cut character, only when all before is valid', () => {
    assert.equal(utf8CutTail(cutAfter(TEXT, 1)), 1);
    assert.equal(utf8CutTail(cutAfter(TEXT, 2)), 2);
    assert.equal(utf8CutTail(new TextEncoder().encode(TEXT)), 0);
    assert.equal(utf8CutTail(Uint8Array.from([0xe4, 0xb8])), 2);
    // Invalid before the tail: not a cut UTF-8 file.
    assert.equal(utf8CutTail(Uint8Array.from([0xff, 0x41, 0xe4])), 0);
  });

  test('plain text decodes as UTF-8 with U+FFFD for the cut character, and a warning', () => {
    for (const keep of [1, 2] as const) {
      const bytes = cutAfter(TEXT, keep);
      const decoded = decode(bytes, { path: 'cut.txt' });
      assert.equal(decoded.encoding, 'utf-8');
      assert.equal(decoded.text, `${TEXT.trimEnd().slice(0, -1)}\ufffd`);
      const page = parse(bytes, { path: 'cut.txt' });
      assert.equal(page.source.encoding, 'utf-8');
      assert.ok(page.text.startsWith('（本報記者林國棟'));
      const warning = page.diagnostics.find((d) => d.rule === 'utf8-cut-tail');
      assert.ok(warning, JSON.stringify(page.diagnostics));
      assert.equal(warning.severity, 'warning');
    }
  });

  test('an HTML page that declares UTF-8 stays UTF-8 when cut', () => {
    const html = `<!doctype html><html><head><meta charset="utf-8"><title>新措施</title></head><body><article><p>${TEXT.replace('\n', '</p><p>')}</p></article></body></html>`;
    const bytes = new TextEncoder().encode(html);
    // Cut inside the last Han character of the body text.
    const last = html.lastIndexOf('調');
    const at = new TextEncoder().encode(html.slice(0, last)).length + 2;
    const page = parse(bytes.subarray(0, at), { path: 'cut.html' });
    assert.equal(page.source.encoding, 'utf-8');
    assert.ok(page.text.includes('行政院今天召開記者會'), page.text.slice(0, 80));
  });
});
