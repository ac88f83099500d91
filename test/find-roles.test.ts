import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { annotate } from '../src/annotate/index.ts';
import { parse } from '../src/pipeline.ts';
import { toArticleView } from '../src/render/index.ts';

/**
 * Roles: the office a page writes against a person's name, with the organisation or place
 * that owns it, in the page's own script. Sentences composed for these tests, in both
 * scripts; a name with no title against it has no role.
 */

function roles(text: string): [string, string][] {
  const view = toArticleView(annotate(parse(text)));
  return (view.articles[0]?.roles ?? []).map((r) => [r.person, r.text]);
}

describe('roles written with names', () => {
  test('an office before a name, with its owner named right before it', () => {
    assert.deepEqual(roles('外交部發言人林國棟昨日表示，會談取得成果。'), [
      ['林國棟', '外交部發言人'],
    ]);
    assert.deepEqual(roles('外交部发言人林国栋昨日表示，会谈取得成果。'), [
      ['林国栋', '外交部发言人'],
    ]);
  });

  test('a place owns the office: 美國總統, 英国首相', () => {
    assert.deepEqual(roles('美國總統史密斯抵達東京，開始為期三天的訪問。'), [
      ['史密斯', '美國總統'],
    ]);
    assert.deepEqual(roles('英国首相约翰逊当天抵达北京访问。'), [['约翰逊', '英国首相']]);
  });

  test('two offices joined by 兼 are one role', () => {
    assert.deepEqual(roles('国务委员兼外长王明会见了来访客人。'), [['王明', '国务委员兼外长']]);
    assert.deepEqual(roles('國務委員兼外長王明會見了來訪客人。'), [['王明', '國務委員兼外長']]);
  });

  test('a title after the name: 陳大文主席', () => {
    const found = roles('國家主席陳大文出席會議。陳大文主席說，合作十分重要。');
    assert.deepEqual(found, [
      ['陳大文', '國家主席'],
      ['陳大文', '主席'],
    ]);
  });

  test('no title against the name: no role', () => {
    assert.deepEqual(roles('林國棟昨日表示，會談取得成果。'), []);
    assert.deepEqual(roles('會談結束後，林國棟和陳大文一同離開。'), []);
    // A reporter's title is a role too: it is what the page says the person is.
    assert.deepEqual(roles('记者林国栋从北京报道，会谈取得成果。'), [['林国栋', '记者']]);
  });
});
