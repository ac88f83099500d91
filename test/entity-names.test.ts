import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { entities } from '../src/annotate/index.ts';
import { WordGrid } from '../src/annotate/word-grid.ts';
import { toSimplified } from '../src/normalize/index.ts';

/**
 * People read after a title or before a speech verb must be names, not the words that
 * follow the title: each sentence below once gave a "person" made of a verb, an adverb or
 * half of the next word. Composed for this test, in Traditional; each is also checked in
 * Simplified.
 */

/** The PER surfaces `entities` finds in `text`. */
function people(text: string): string[] {
  return entities(text)
    .filter((e) => e.type === 'PER')
    .map((e) => text.slice(e.start, e.end));
}

const CASES: { text: string; people: string[]; why: string }[] = [
  {
    text: '副總理李文華滿意地說，合作進展順利。',
    people: ['李文華'],
    why: 'an adverb after the name',
  },
  { text: '我同村委會主任商量過，決定擴大種植。', people: [], why: 'a verb after the title' },
  { text: '記者招待會實況由電視台直播。', people: [], why: '記者 opening 記者招待會' },
  {
    text: '化學系教授陳麗娜利用秸稈研製新材料。',
    people: ['陳麗娜'],
    why: 'the verb after the name shares a character',
  },
  { text: '議長馬丁女士出席了招待會。', people: ['馬丁'], why: 'a form of address after the name' },
  { text: '議會對總理提名進行第三次表決。', people: [], why: 'two verbs after the title' },
  { text: '吳教授是當代一流的物理學家。', people: [], why: 'a copula after the title' },
  { text: '應該說，兩國關係總體穩定。', people: [], why: 'a modal verb before 說' },
  { text: '主任參觀時說，產品質量很好。', people: [], why: 'common nouns after the title' },
  { text: '主席和墨西哥總統通電話。', people: [], why: 'a surname read as "and"' },
  { text: '司長和新任大使會面。', people: [], why: 'a surname read as "and", then a word' },
  { text: '委員長向巴西客人介紹情況。', people: [], why: 'a preposition after the title' },
  {
    text: '外長王立新同法國總統舉行會談。',
    people: ['王立新'],
    why: 'a preposition after the name',
  },
  // Names that must still be found.
  { text: '國家主席習近平在北京會見俄羅斯總統普京。', people: ['習近平', '普京'], why: 'titles' },
  { text: '外交部發言人華春瑩表示，中方歡迎。', people: ['華春瑩'], why: 'spokesperson' },
  { text: '評論員宋忠平指出，局勢緊張。', people: ['宋忠平'], why: 'commentator' },
  { text: '美國總統拜登與日本首相岸田文雄會談。', people: ['拜登', '岸田文雄'], why: 'four units' },
  { text: '總統普京說，合作順利。', people: ['普京'], why: 'before 說' },
  { text: '聯合國秘書長古特雷斯呼籲各方克制。', people: ['古特雷斯'], why: 'transliteration' },
  { text: '王毅表示，雙方同意加強合作。', people: ['王毅'], why: 'a speaker without a title' },
  { text: '外交部副部長于洪君表示歡迎。', people: ['于洪君'], why: 'a surname read as "at"' },
  { text: '本報記者許立群報道', people: ['許立群'], why: 'a name jieba calls a numeral' },
  { text: '土耳其總統埃爾多安抵達安卡拉。', people: ['埃爾多安'], why: 'a verb inside' },
  { text: '以色列總理內塔尼亞胡表示反對。', people: ['內塔尼亞胡'], why: 'five units' },
  { text: '俄外交部發言人扎哈羅娃表示，', people: ['扎哈羅娃'], why: 'jieba calls 扎 a verb' },
  { text: '記者到藍星公司採訪。', people: [], why: 'a motion verb after the title' },
  { text: '團委副書記喬昆共同主持活動。', people: ['喬昆'], why: '同 of 共同 is no stop' },
  { text: '秘書長方國平坦言，困難不少。', people: ['方國平'], why: 'jieba glues 平坦' },
  { text: '副部長鄭海平等參加了會見。', people: ['鄭海平'], why: 'jieba glues 平等' },
  { text: '委員會副主任委員王慶喜說，水質好轉。', people: ['王慶喜'], why: 'two titles in a row' },
  { text: '國務卿布林肯．安東尼出席會議。', people: ['布林肯．安東尼'], why: 'a dotted name' },
];

describe('people after a title or before a speech verb', () => {
  for (const { text, people: expected, why } of CASES) {
    it(`${text} (${why})`, () => {
      assert.deepEqual(people(text), expected);
      const simplified = toSimplified(text);
      assert.deepEqual(people(simplified), expected.map(toSimplified), simplified);
    });
  }
});

describe('WordGrid', () => {
  // 主任 / 王 / 立新 / 商量 / 过 as a segmenter might give them.
  const text = '主任王立新商量过';
  const words = [
    { start: 0, end: 2, pos: 'n' },
    { start: 2, end: 3, pos: 'nr' },
    { start: 3, end: 5, pos: 'd' },
    { start: 5, end: 7, pos: 'v' },
    { start: 7, end: 8, pos: 'ug' },
  ];
  const grid = new WordGrid(text.length, words);

  it('knows where words start and end', () => {
    assert.deepEqual(
      [...text].map((_, i) => grid.startsWord(i)),
      [true, false, true, true, false, true, false, true],
    );
    assert.equal(grid.endsWord(8), true);
    assert.equal(grid.endsWord(4), false);
  });

  it('takes any given name after a surname, within word bounds', () => {
    assert.equal(grid.couldBeName(2, 5, true), true);
    assert.equal(grid.couldBeName(2, 4, true), false, 'ends inside 立新');
    assert.equal(grid.couldBeName(2, 6, true), false, 'ends inside 商量');
  });

  it('refuses a verb and particle, and verbs without a surname', () => {
    assert.equal(grid.couldBeName(5, 8, true), false, '商量过 ends in a particle');
    assert.equal(grid.couldBeName(5, 7, false), false, '商量 is a verb');
    assert.equal(grid.couldBeName(0, 2, false), false, '主任 is a common noun');
  });
});
