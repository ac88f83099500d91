/**
 * HTML nested far deeper than any page (issue 13): read in time and without a stack
 * overflow, or refused with a clear reason past the limit; never minutes, never "internal error".
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DecodeError } from '../src/decode/index.ts';
import { MAX_NESTING } from '../src/html/index.ts';
import { parse } from '../src/pipeline.ts';

/** A page whose first paragraph sits `depth` <div>s deep. */
function nested(depth: number): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>新措施</title></head><body>${'<div>'.repeat(depth)}<p>行政院今天召開記者會，說明新措施的內容與時程。</p>${'</div>'.repeat(depth)}</body></html>`;
}

describe('deeply nested HTML', () => {
  for (const depth of [2_000, 15_000]) {
    test(`${depth} levels: read in seconds, its text kept`, () => {
      const started = performance.now();
      const page = parse(new TextEncoder().encode(nested(depth)), { path: 'deep.html' });
      assert.ok(page.text.includes('行政院今天召開記者會'), page.text.slice(0, 60));
      assert.ok(performance.now() - started < 10_000);
    });
  }

  test(`past ${MAX_NESTING} levels: refused with the reason and where`, () => {
    assert.throws(
      () => parse(new TextEncoder().encode(nested(MAX_NESTING + 100)), { path: 'deeper.html' }),
      (err: unknown) => {
        assert.ok(err instanceof DecodeError);
        assert.match(
          err.message,
          /^deeper\.html: .*byte offset \d+: HTML nested more than 20000 elements deep/,
        );
        return true;
      },
    );
  });

  test('unclosed paragraphs and list items do not count as nesting', () => {
    const html = `<!doctype html><html><body>${'<p>段落文字，內容完整。'.repeat(MAX_NESTING + 10)}</body></html>`;
    const page = parse(html, { format: 'html' });
    assert.ok(page.text.includes('段落文字'));
  });
});
