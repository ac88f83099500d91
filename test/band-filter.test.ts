import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BandFilter } from '../src/store/band-filter.ts';
import { mergeOrder } from '../src/store/sqlite/join-story.ts';

/** Keys like the band keys (whole numbers below 2^47), from a fixed seed. */
function keys(n: number, seed: number): number[] {
  let s = seed >>> 0;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s;
  };
  return Array.from({ length: n }, () => (next() % 0x8000) * 0x100000000 + next());
}

describe('the band filter', () => {
  test('every key added is found; keys never added are mostly not', () => {
    const added = keys(100_000, 1);
    const filter = new BandFilter(100_000);
    for (const k of added) filter.add(k);
    assert.equal(filter.layers, 1);
    for (const k of added) assert.ok(filter.has(k), String(k));
    const others = keys(100_000, 2);
    const present = new Set(added);
    let maybe = 0;
    for (const k of others) if (!present.has(k) && filter.has(k)) maybe++;
    // About 2% at 8 bits and 5 probes a key.
    assert.ok(maybe / others.length < 0.04, `${maybe} false "maybe"`);
    assert.ok(maybe > 0, 'a Bloom filter answers "maybe" by chance now and then');
  });

  test('keys above 2^32 that differ only in their high bits are told apart', () => {
    const filter = new BandFilter(1000);
    const low = 123_456;
    filter.add(low + 5 * 0x100000000);
    assert.ok(filter.has(low + 5 * 0x100000000));
    let maybe = 0;
    for (let hi = 6; hi < 1006; hi++) if (filter.has(low + hi * 0x100000000)) maybe++;
    assert.ok(maybe < 10, `${maybe}`);
  });

  test('past its capacity it grows a layer of twice the size, and still finds every key', () => {
    const filter = new BandFilter(1000);
    const added = keys(15_000, 3);
    for (const k of added) filter.add(k);
    // 1,000 + 2,000 + 4,000 + 8,000 ≥ 15,000.
    assert.equal(filter.layers, 4);
    assert.equal(filter.added, 15_000);
    for (const k of added) assert.ok(filter.has(k));
    let maybe = 0;
    for (const k of keys(20_000, 4)) if (filter.has(k)) maybe++;
    assert.ok(maybe / 20_000 < 0.1, `${maybe}`);
    assert.ok(filter.bytes >= (15_000 * 8) / 8);
  });

  test('a capacity below one is refused', () => {
    for (const bad of [0, -1, Number.NaN]) assert.throws(() => new BandFilter(bad), /capacity/);
  });
});

describe("a merge's order (key, then article)", () => {
  /** The entries of a merge: `articles` articles in id order, `perArticle` keys each, some
   * keys shared between articles (a copy's) and within one. */
  function entries(articles: number, perArticle: number, big = false) {
    const pool = keys(articles * 4, 7);
    if (big) pool[0] = 2 ** 47 + 5;
    const keyOf: number[] = [];
    const articleOf: number[] = [];
    for (let a = 0; a < articles; a++) {
      for (let k = 0; k < perArticle; k++) {
        keyOf.push(pool[(a * 31 + k * 17) % pool.length] as number);
        articleOf.push(1000 + 3 * a);
      }
    }
    return { keyOf: Float64Array.from(keyOf), articleOf: Float64Array.from(articleOf) };
  }
  const ordered = (keyOf: Float64Array, articleOf: Float64Array, order: Uint32Array) =>
    Array.from(order, (i) => [keyOf[i] as number, articleOf[i] as number]);
  const expected = (keyOf: Float64Array, articleOf: Float64Array) =>
    Array.from(keyOf, (key, i) => [key, articleOf[i] as number]).sort(
      (x, y) => (x[0] as number) - (y[0] as number) || (x[1] as number) - (y[1] as number),
    );

  for (const [what, articles, big] of [
    ['a merge of 4,096 articles (packed and sorted natively)', 4096, false],
    ['more than 2^17 entries (sorted with a comparator)', 4200, false],
    ['a key of 2^47 or more (sorted with a comparator)', 300, true],
  ] as const) {
    test(what, () => {
      const { keyOf, articleOf } = entries(articles, 32, big);
      const order = mergeOrder(keyOf, articleOf);
      assert.equal(order.length, keyOf.length);
      assert.equal(new Set(order).size, order.length, 'each entry once');
      assert.deepEqual(ordered(keyOf, articleOf, order), expected(keyOf, articleOf));
    });
  }
});
