import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { annotate } from '../src/annotate/index.ts';
import { findOutlet, findPageDate } from '../src/ingest/find-outlet.ts';
import { parse } from '../src/pipeline.ts';
import { toArticleView } from '../src/render/index.ts';

/**
 * Taiwanese papers and wires head and close a story their own way: 聯合報／記者X／台北報導
 * under the headline, and the wire's closing credit with the date as the year of the
 * Republic, （編輯：X）1130124. Pages composed for these tests.
 */

const PAGE = [
  '市府宣布擴建捷運路網',
  '',
  '聯合報／記者王小明／台北報導',
  '台北市政府昨天宣布捷運路網擴建計畫，預計投入新台幣八百億元。市長林大文表示，新路線將連接東西兩區的主要住宅區。',
  '',
  '林大文說，市府會在明年完成環境評估，並向議會提出預算。',
  '（編輯：陳美玲）1130124',
].join('\n');

describe('Taiwanese bylines and closing stamps', () => {
  test('聯合報／記者X／台北報導 is a byline: the paper is the outlet, X the author', () => {
    const article = toArticleView(parse(PAGE)).articles[0];
    assert.ok(article !== undefined);
    assert.equal(article.bylines[0], '聯合報／記者王小明／台北報導');
    assert.equal(article.outlet, '聯合報');
    assert.deepEqual(article.authors, ['王小明']);
    assert.ok(!article.blocks.some((b) => b.text.includes('記者王小明')), 'not a heading or body');
    assert.equal(findOutlet(parse(PAGE)), '聯合報');
  });

  test('（編輯：X）1130124 dates the page 2024-01-24 when the text states no full date', () => {
    assert.equal(findPageDate(annotate(parse(PAGE))), '2024-01-24');
    // A date the text states outright comes first.
    const stated = PAGE.replace('昨天', '2024年1月23日');
    assert.equal(findPageDate(annotate(parse(stated))), '2024-01-23');
    // Not a calendar date: no stamp.
    assert.equal(findPageDate(annotate(parse(PAGE.replace('1130124', '1131399')))), undefined);
  });

  test('the same in Simplified', () => {
    const simplified =
      '市府宣布扩建地铁路网\n\n联合报／记者王小明／台北报导\n台北市政府昨天宣布地铁路网扩建计划。\n（编辑：陈美玲）1130124';
    const article = toArticleView(parse(simplified)).articles[0];
    assert.equal(article?.outlet, '联合报');
    assert.equal(findPageDate(annotate(parse(simplified))), '2024-01-24');
  });
});
