import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { big5Safe } from '../scripts/lib/big5.ts';
import { toSimplified } from '../src/normalize/index.ts';
import { parse } from '../src/pipeline.ts';
import { openStore, type SqliteStore } from '../src/store/index.ts';
import { encodeBig5, encodeUtf8 } from './helpers/encode.ts';

/*
 * The seed page in four versions (as written, in Simplified, saved as Big5, with CRLF line
 * ends): each of its articles is one story of four copies, and a search counts each story
 * once (every copy with --copies). The seed is the shared evaluation data's; without it
 * the test says so and is skipped.
 */

const SEED = new URL('../../shared/eval/seed/page.txt', import.meta.url);

/** The four versions of a page, as bytes, each named. */
function versions(text: string): [string, Uint8Array][] {
  return [
    ['as-written.txt', encodeUtf8(text)],
    ['simplified.txt', encodeUtf8(toSimplified(text))],
    ['big5.txt', encodeBig5(big5Safe(encodeBig5)(text))],
    ['crlf.txt', encodeUtf8(text.replace(/\r?\n/g, '\r\n'))],
  ];
}

function store(archive: SqliteStore, name: string, bytes: Uint8Array): number[] {
  const page = parse(bytes, { path: name });
  const { documentId } = archive.putDocument({
    hash: createHash('sha256').update(bytes).digest('hex'),
    source: name,
    bytes: bytes.byteLength,
    page,
  });
  return archive.documentArticles(documentId);
}

describe('the seed in four versions', {
  skip: !existsSync(SEED) && 'no ../shared/eval/seed',
}, () => {
  test('each article is a story of four copies; search counts each story once', () => {
    const text = readFileSync(SEED, 'utf8');
    const archive = openStore(':memory:');
    try {
      const ids = versions(text).map(([name, bytes]) => store(archive, name, bytes));
      const articles = (ids[0] as number[]).length;
      assert.equal(articles, 4, 'the seed has four articles');
      for (const list of ids) assert.equal(list.length, articles);
      const stories = archive.stories({ limit: 100 });
      assert.equal(stories.length, articles, JSON.stringify(stories.map((s) => s.copies)));
      for (const story of stories) {
        assert.equal(story.copies, 4);
        // The k-th article of every version, and nothing else.
        const k = (ids[0] as number[]).indexOf(story.story);
        assert.ok(k >= 0, `story ${story.story} starts at the page as written`);
        assert.deepEqual(
          story.articles.map((a) => a.id).sort((x, y) => x - y),
          ids.map((list) => list[k] as number).sort((x, y) => x - y),
        );
      }
      // A search counts each story once, with its four copies; with copies, every copy.
      for (const q of ['普京', '中俄', '联合声明', '多邊主義']) {
        const hits = archive.search({ text: q, limit: 50 });
        assert.ok(hits.length >= 1, q);
        assert.ok(
          hits.every((h) => h.copies === 4),
          q,
        );
        assert.equal(new Set(hits.map((h) => h.story)).size, hits.length, q);
        assert.equal(archive.countMatches({ text: q }), hits.length, q);
        const every = archive.search({ text: q, limit: 50, copies: true });
        assert.equal(every.length, 4 * hits.length, q);
        assert.deepEqual(
          [...new Set(every.map((h) => h.story))].sort(),
          hits.map((h) => h.story).sort(),
          q,
        );
        assert.equal(archive.countMatches({ text: q, copies: true }), 4 * hits.length, q);
        // The facets count a story once too (each month's and script's), every copy with copies.
        const once = archive.facets({ text: q });
        const all = archive.facets({ text: q, copies: true });
        assert.equal(once.counted, hits.length, q);
        assert.equal(all.counted, 4 * hits.length, q);
        const sum = (rows: readonly { count: number }[]) => rows.reduce((t, r) => t + r.count, 0);
        assert.equal(sum(all.months), 4 * sum(once.months), q);
        for (const group of once.entities) {
          for (const row of group.rows) assert.ok(row.articles <= hits.length, `${q} ${row.name}`);
        }
      }
      // 中俄 is in three of the four articles: three hits, not twelve.
      assert.equal(archive.search({ text: '中俄', limit: 50 }).length, 3);
    } finally {
      archive.close();
    }
  });
});
