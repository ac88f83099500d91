/**
 * One entity finder: the rules and lexicon of page annotation merged with the statistical
 * tagger, which is on by default. Sentences composed for these tests, each in both scripts.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { annotate, entities } from '../src/annotate/index.ts';
import { toTraditional } from '../src/normalize/index.ts';
import { parse } from '../src/pipeline.ts';

/** `TYPE:surface` of every name entities() finds, by default (tagger on) or rules alone. */
function names(text: string, rulesOnly = false): string[] {
  return entities(text, rulesOnly ? { tagger: null } : {}).map((e) => `${e.type}:${e.text}`);
}

/** The Simplified sentence and its Traditional form, with the expected names in each. */
function bothScripts(simplified: string): [string, (s: string) => string][] {
  return [
    [simplified, (s) => s],
    [toTraditional(simplified), toTraditional],
  ];
}

/** In both scripts: the merged finder gives each of `has` and none of `not` (`TYPE:name`,
 * written in Simplified). */
function expectNames(simplified: string, has: readonly string[], not: readonly string[]): void {
  for (const [text, script] of bothScripts(simplified)) {
    const found = names(text);
    for (const name of has) assert.ok(found.includes(script(name)), `${text}: ${name} in ${found}`);
    for (const name of not) {
      assert.ok(!found.includes(script(name)), `${text}: ${name} not in ${found}`);
    }
  }
}

describe('the merged entity finder', () => {
  test('a longer organisation wins over a lexicon place inside it', () => {
    for (const [text, script] of bothScripts('湖北省公安厅通报了案件进展。')) {
      const found = names(text);
      assert.ok(found.includes(script('ORG:湖北省公安厅')), `${text}: ${found}`);
      assert.ok(!found.includes(script('LOC:湖北省')), `${text}: ${found}`);
      // The rules alone see only the province.
      assert.deepEqual(names(text, true), [script('LOC:湖北省')]);
    }
  });

  test("a name the rules ran on into a verb the segmenter reads apart (胡锦涛 | 访韩) is the tagger's", () => {
    expectNames('国家副主席胡锦涛访韩，受到热烈欢迎。', ['PER:胡锦涛'], ['PER:胡锦涛访韩']);
    // A unit seldom ending a given name that the segmenter glued on (周宁上 | 一轮) goes too.
    expectNames('国安队的周宁上一轮状态突然回升。', ['PER:周宁'], ['PER:周宁上']);
  });

  test('a title read across two place names (湖南省 | 长沙市: 省长) names no one', () => {
    for (const [text, script] of bothScripts('湖南省长沙市公安局发布通报。')) {
      const rules = names(text, true);
      assert.ok(!rules.some((n) => n.startsWith('PER:')), `${text}: ${rules}`);
      assert.ok(names(text).includes(script('ORG:长沙市公安局')), `${text}: ${names(text)}`);
    }
  });

  test('a foreign name wins over a place its letters spell inside it', () => {
    for (const [text, script] of bothScripts(
      '出席会议的阿里西亚·彼特里表示赞同。她随后访问了塔林。',
    )) {
      const found = names(text);
      for (const name of ['PER:阿里西亚·彼特里', 'LOC:塔林']) {
        assert.ok(found.includes(script(name)), `${text}: ${name} in ${found}`);
      }
      assert.ok(!found.includes(script('LOC:西亚')), `${text}: ${found}`);
      assert.equal(found.filter((n) => n === script('LOC:塔林')).length, 1, `${found}`);
    }
  });

  test('a linking word before a name (和, 向), though a surname, is not part of it', () => {
    expectNames(
      '主席林国栋和拜登总统举行会晤。外长周文华和布林肯国务卿通电话。部长向王海平介绍情况。',
      ['PER:林国栋', 'PER:拜登', 'PER:周文华', 'PER:布林肯', 'PER:王海平'],
      ['PER:和拜登', 'PER:和布林肯', 'PER:向王海平'],
    );
  });

  test('a department the tagger reads over the body it opens with is the department', () => {
    expectNames(
      '中共中央台办发言人周文华在记者会上回答提问。',
      ['ORG:中共中央台办'],
      ['ORG:中共中央'],
    );
    // A body named on its own after another (民建联 立法会) is not one department.
    for (const [text, script] of bothScripts('民建联立法会议员周文华表示，会继续跟进。')) {
      assert.ok(names(text).includes(script('ORG:民建联')), `${text}: ${names(text)}`);
    }
  });

  test('a country inside its national team is the team', () => {
    for (const [text, script] of bothScripts('巴西国家队昨晚在里约热内卢迎战阿根廷队。')) {
      const found = names(text);
      for (const name of ['ORG:巴西国家队', 'LOC:里约热内卢', 'ORG:阿根廷队']) {
        assert.ok(found.includes(script(name)), `${text}: ${name} in ${found}`);
      }
      assert.ok(!found.includes(script('LOC:巴西')), `${text}: ${found}`);
    }
  });

  test('a chain of places names each place, never the chain', () => {
    for (const [text, script] of bothScripts('美国佛罗里达州遭飓风袭击，青海省玛多县发生地震。')) {
      const found = names(text);
      for (const name of ['LOC:美国', 'LOC:佛罗里达州', 'LOC:青海省', 'LOC:玛多县']) {
        assert.ok(found.includes(script(name)), `${text}: ${name} in ${found}`);
      }
      assert.ok(!found.some((n) => n.includes(script('美国佛罗'))), `${text}: ${found}`);
      assert.ok(!found.some((n) => n.includes(script('青海省玛'))), `${text}: ${found}`);
    }
  });

  test('a foreign name joined by · is kept whole, and a weekday after it is not part of it', () => {
    for (const [text, script] of bothScripts('英国首相约翰·史密斯周一表示，将推迟表决。')) {
      const found = names(text);
      assert.ok(found.includes(script('PER:约翰·史密斯')), `${text}: ${found}`);
      assert.ok(!found.some((n) => n.endsWith(script('周一'))), `${text}: ${found}`);
    }
    for (const [text, script] of bothScripts('维克多·佩雷斯今天宣布辞职。')) {
      assert.deepEqual(names(text), [script('PER:维克多·佩雷斯')]);
      assert.deepEqual(names(text, true), [], 'the rules alone miss a bare foreign name');
    }
  });

  test('works in 《》 and outlets stay what the rules make them', () => {
    for (const [text, script] of bothScripts('《星河公约》今天生效，《人民日报》发表评论。')) {
      assert.deepEqual(names(text), [script('WORK:星河公约'), script('ORG:人民日报')]);
    }
  });

  test('what the guidelines do not count stays out: service branches, a surname and a title', () => {
    for (const [text, script] of bothScripts('美国海军和空军昨天举行联合演习。')) {
      const found = names(text);
      assert.ok(!found.some((n) => n.startsWith('ORG:')), `${text}: ${found}`);
      assert.ok(found.includes(script('LOC:美国')), `${text}: ${found}`);
    }
  });

  test('a Latin name counts where the sentence uses it as the name, not in brackets', () => {
    const text = '研究员Anna Berg指出，数据仍不完整。';
    assert.ok(names(text).includes('PER:Anna Berg'), `${names(text)}`);
    const bracketed = '研究员贝安娜（Anna Berg）指出，数据仍不完整。';
    assert.ok(!names(bracketed).includes('PER:Anna Berg'), `${names(bracketed)}`);
  });

  test('parse --annotate gives the merged names, and can leave the tagger out', () => {
    const text = '维克多·佩雷斯今天在湖北省公安厅宣布辞职。';
    const mentionsOf = (page: ReturnType<typeof annotate>) =>
      (page.children[0]?.annotations?.mentions ?? []).map((m) => m.text);
    const page = annotate(parse(text));
    assert.deepEqual(mentionsOf(page), ['维克多·佩雷斯', '湖北省公安厅']);
    assert.deepEqual(mentionsOf(annotate(parse(text), { tagger: null })), ['湖北省']);
  });
  test('a place widens into a port, island, state or military region after it, and past a compass point', () => {
    expectNames(
      '厦门港是沿海主要港口，金门岛上没有设防。',
      ['LOC:厦门港', 'LOC:金门岛'],
      ['LOC:厦门'],
    );
    expectNames(
      '沈阳军区下发文件，北爱尔兰的选民投票。',
      ['LOC:沈阳军区', 'LOC:北爱尔兰'],
      ['LOC:军区', 'LOC:爱尔兰'],
    );
  });

  test('a square outside a place’s gate is no name; a team whose suffix the segmenter glued on is one', () => {
    expectNames(
      '主席在人民大会堂东门外广场举行欢迎仪式。',
      ['LOC:人民大会堂'],
      ['LOC:人民大会堂东门外广场'],
    );
    expectNames('伊朗队因故未到，文莱队补上空缺。', ['ORG:文莱队'], ['LOC:文莱']);
  });

  test('a surname and a given name the segmenter reads as a verb are a name; a verb of speech is none', () => {
    expectNames('李建新给我们介绍起收藏经验。', ['PER:李建新'], []);
    expectNames('该店经理杨建新指着店内的家具。', ['PER:杨建新'], []);
  });

  test("a lexicon form whose longest reading straddles the segmenter's words gives way to a shorter one", () => {
    expectNames('如今日本国内经济长期萧条。', ['LOC:日本'], []);
  });

  test('a surname and a given name spelling a place is a person; a language after 教授 is none', () => {
    expectNames('参赞王西安在会后对记者说，会谈富有成果。', ['PER:王西安'], ['LOC:西安']);
    expectNames('她晚上教授葡萄牙语。', [], ['PER:葡萄牙语']);
  });
});
