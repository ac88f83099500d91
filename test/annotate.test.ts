import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Anchor, anchoredMatches, anchorOn } from '../src/annotate/anchored-matches.ts';
import { annotate, entities } from '../src/annotate/index.ts';
import { parse } from '../src/index.ts';
import { toSimplified } from '../src/normalize/index.ts';
import type { ArticleViewArticle } from '../src/tree/article-view.ts';
import { bothScripts, read, stances } from './helpers/annotated.ts';

const quotes = (a: ArticleViewArticle[]) =>
  a.flatMap((x) => x.quotes ?? []).map((q) => `${q.speaker} ${q.kind} ${q.text}`);
const names = (a: ArticleViewArticle[]) =>
  [...new Set(a.flatMap((x) => x.entities ?? []).map((e) => `${e.type}:${e.canonical}`))].sort();

describe('entities', () => {
  bothScripts(
    'a name the tagger runs into the first half of a weekday (川普週 | 二) stops before it',
    '通話\n\n美國總統川普週二與俄羅斯總統蒲亭通電話。',
    (a, c) => {
      assert.deepEqual(
        names(a).filter((n) => n.startsWith('PER:')),
        ['PER:川普', 'PER:蒲亭'].map(c),
      );
    },
  );
  bothScripts(
    'a place the segmenter reads as one word with a word for its area (東北地區) is not dropped',
    '天氣\n\n東北地區大部將有降雨，華北一帶氣溫回升。',
    (a, c) => {
      assert.ok(
        names(a).some((n) => n.startsWith(c('LOC:東北'))),
        names(a).join(' '),
      );
    },
  );
  bothScripts(
    'a word that picks out bodies (有關, 各級) is no part of a court or council named by its suffix (台灣地區有關法院); 台北地方法院 is one',
    '判決\n\n最高人民法院認可台灣地區有關法院的民事判決。台北地方法院今天宣判。',
    (a, c) => {
      const orgs = names(a).filter((n) => n.startsWith('ORG:'));
      assert.ok(orgs.includes(c('ORG:台北地方法院')), orgs.join(' '));
      assert.ok(!orgs.some((o) => o.includes(c('有關法院'))), orgs.join(' '));
    },
  );
  bothScripts(
    'a ship (航空母艦「林肯號」) or a storm (颶風「艾瑪」) named after a person is no person',
    '颶風\n\n颶風「艾瑪」重創佛羅里達州，美國海軍派出航空母艦「林肯號」協助搜救。',
    (a) => {
      assert.deepEqual(
        names(a).filter((n) => n.startsWith('PER:')),
        [],
      );
    },
  );
  bothScripts(
    'a two-character name the segmenter glued to the word linking it to the next name (王文同 | 俄羅斯外長) is the two characters; 魏鳳和 before a verb stays whole',
    '會談\n\n王文同俄羅斯外長拉夫羅夫舉行會談。李明與美國國務卿通電話。\n\n魏鳳和表示，中方願同各國加強合作。',
    (a, c) => {
      const people = names(a).filter((n) => n.startsWith('PER:'));
      assert.deepEqual(
        people,
        ['PER:李明', 'PER:拉夫羅夫', 'PER:王文', 'PER:魏鳳和'].map(c).sort(),
      );
      assert.deepEqual(
        stances(a).filter((s) => s.includes('meet')),
        ['王文 meet 俄羅斯外長拉夫羅夫', '李明 meet 美國國務卿'].map(c),
      );
    },
  );
  bothScripts(
    'a short form of a name the page gives in full (林鄭 of 林鄭月娥) is that person, also where the tagger runs it into the next word (林鄭上京)',
    '述職\n\n林鄭上京述職\n\n行政長官林鄭月娥今日出席活動。林鄭表示，政府會繼續努力。',
    (a, c) => {
      assert.deepEqual(
        a
          .flatMap((x) => x.entities ?? [])
          .filter((e) => e.type === 'PER')
          .map((e) => `${e.text}→${e.canonical}`),
        ['林鄭→林鄭月娥', '林鄭月娥→林鄭月娥', '林鄭→林鄭月娥'].map(c),
      );
    },
  );
  bothScripts(
    "a photo position (左二, 右一) is no name; a subject's one-character verb is not the start of a name (律師協會促英歐…)",
    '述職\n\n林鄭月娥（左二）向李克強（中）述職，港澳辦主任張曉明（左一）在旁。\n\n國際律師協會促英歐施壓。',
    (a, c) => {
      const people = names(a).filter((n) => n.startsWith('PER:'));
      assert.deepEqual(people, ['PER:張曉明', 'PER:李克強', 'PER:林鄭月娥'].map(c).sort());
    },
  );
  bothScripts(
    "a person's name stops where a cue word the segmenter reads whole begins (呂特 | 呼籲, not 呂特呼)",
    '國防\n\n北約秘書長呂特呼籲成員國增加國防開支。',
    (a, c) => {
      assert.ok(names(a).includes(c('PER:呂特')), names(a).join(' '));
      assert.deepEqual(stances(a), [c('呂特 appeal 成員國增加國防開支')]);
    },
  );
  bothScripts(
    'a nationality (日本人, 美國人, 韓國籍) names no country; 中國人民, 中國人口 do',
    '事故\n\n兩名日本人在事故中受傷，一名韓國籍司機被捕。美國人普遍支持這項政策。中國人民很團結。',
    (a, c) => {
      assert.deepEqual(names(a), ['LOC:中國'].map(c));
    },
  );
  bothScripts(
    'a bare 國務院 after 美國國務院 on the page is the US body, not the PRC State Council (listed by the shorter name it is written by too)',
    '晶片\n\n美國國務院發言人表示，新措施針對軍事用途。國務院稍後發表聲明。',
    (a, c) => {
      assert.deepEqual(
        names(a).filter((n) => n.startsWith('ORG:')),
        ['ORG:美國國務院', 'ORG:國務院'].map(c).sort(),
      );
      assert.ok(!names(a).includes(c('ORG:中華人民共和國國務院')), names(a).join(' '));
    },
  );
  bothScripts(
    'people after titles, lexicon names, works and abbreviations meet in one entity',
    '外長會晤\n\n國務委員兼外長林國棟昨日在北京會見日本外務大臣山田一郎。雙方同意加強溝通。林國棟表示，中日關係正處於關鍵時期，日方應恪守《中日和平友好條約》精神。他指出，《條約》是兩國關係的政治基礎。',
    (a, c) => {
      assert.deepEqual(
        names(a),
        ['LOC:中國', 'LOC:北京', 'LOC:日本', 'PER:山田一郎', 'PER:林國棟', 'WORK:中日和平友好條約']
          .map(c)
          .sort(),
      );
      const treaty = a[0]?.entities
        ?.filter((e) => e.type === 'WORK')
        .map((e) => [e.text, e.canonical]);
      assert.deepEqual(treaty, [
        [c('中日和平友好條約'), c('中日和平友好條約')],
        [c('條約'), c('中日和平友好條約')],
      ]);
    },
  );
  it('keeps 以美國為首 and 新時代 from reading as countries', () => {
    const found = entities('反對以美國為首的集團，開創新時代的合作').map((e) => e.canonical);
    assert.deepEqual(found, ['美國']);
  });
  it('finds a person without a title who opens a clause with a speech verb', () => {
    const found = entities('會談後，王立新表示，雙方達成共識。').map((e) => `${e.type}:${e.text}`);
    assert.deepEqual(found, ['PER:王立新']);
  });
  bothScripts(
    'a generic title followed by a verb names nobody (專家提醒市民, 學者共三百餘人, 議員對…)',
    '防騙講座\n\n學者共三百餘人出席。專家提醒市民提防釣魚網站。學者建議政府加強監管。議員對計劃表示歡迎。研究員李文華指出，騙案仍在增加。',
    (a, c) => {
      assert.deepEqual(names(a), [c('PER:李文華')]);
    },
  );
  it('finds an outlet before its commentator', () => {
    const found = entities('東方衛視評論員陳平指出，合作符合雙方利益。').map(
      (e) => `${e.type}:${e.text}`,
    );
    assert.deepEqual(found, ['ORG:東方衛視', 'PER:陳平']);
  });
});

describe('quotes', () => {
  bothScripts(
    "an outlet's report (共同社報道稱，…; 美聯社報道說，…) is a source line, not a quote",
    '國防\n\n日本共同社報道稱，日本政府計劃明年大幅增加國防預算。美聯社報道說，以色列軍方周二展開新一輪空襲行動。',
    (a) => {
      assert.deepEqual(quotes(a), []);
    },
  );
  bothScripts(
    '該部, 該局 stand for the body last named whose name ends so (國防部), also with a spokesperson; 該部部長 is a person no one named here',
    '共機\n\n國防部昨晚發布新聞稿。該部指出，共機今日共有二十架次進入防空識別區。\n\n外交部長林佳龍出席立法院會議。該部部長表示，台灣將持續深化與友邦的合作關係。\n\n國防部今日召開記者會。該部發言人表示，國軍已經提高戒備等級並密切監控。',
    (a, c) => {
      assert.deepEqual(
        quotes(a).map((q) => q.split(' ')[0]),
        ['國防部', '國防部'].map(c),
      );
    },
  );
  bothScripts(
    'a surname and an office (賴總統, 習主席) is the person of that surname the page names',
    '國防\n\n總統賴清德今天出席活動。賴總統表示，台灣會堅定守護民主自由，也會持續強化國防。',
    (a, c) => {
      assert.deepEqual(
        quotes(a).map((q) => q.split(' ')[0]),
        [c('賴清德')],
      );
      assert.deepEqual(
        a
          .flatMap((x) => x.entities ?? [])
          .filter((e) => e.type === 'PER')
          .map((e) => e.canonical),
        ['賴清德', '賴清德'].map(c),
      );
    },
  );
  bothScripts(
    'what someone did not say or would not (並未表示，…; 拒絕透露，…) is no quote',
    '談判\n\n外交部長王毅並未表示，中方會改變對台政策，只是重申了一貫立場。\n\n王大明拒絕透露，談判何時恢復，也沒有說明具體原因。\n\n林國棟表示，談判已經取得了積極進展。',
    (a, c) => {
      assert.deepEqual(
        quotes(a).map((q) => q.split(' ')[0]),
        [c('林國棟')],
      );
    },
  );
  bothScripts(
    'X引述Y表示: the person cited is read through titles (引述美國國務卿布林肯), and an official no one names (引述美國官員, 美國國務院官員) is no source',
    '制裁\n\n路透社引述美國國務卿布林肯表示，美方將在下周公布新一輪制裁名單。\n\n路透社引述美國官員表示，美方將在下周公布新一輪制裁名單。\n\n法新社引述美國國務院官員表示，美方將在下周公布新一輪制裁名單。',
    (a, c) => {
      assert.deepEqual(
        quotes(a).map((q) => q.split(' ')[0]),
        [c('布林肯')],
      );
    },
  );
  it('Cantonese 話 brings in a quotation after a mark (陳家駒話，「…」), and a quotation the attribution interrupts is one quote; 講話, 電話 are no cue', () => {
    const a = read(
      '議會\n\n陳家駒話，「政府唔可以再拖落去，市民已經等咗好耐。」\n\n「呢個係一個好嚴重嘅問題，」林國棟話，「政府要盡快處理。」\n\n他的講話內容豐富，觀點鮮明，發人深省。\n\n王大明在電話中表示同意，但沒有透露細節和時間表。',
    );
    assert.deepEqual(
      quotes(a).map((q) => q.split(' ').slice(0, 2).join(' ')),
      ['陳家駒 direct', '林國棟 direct'],
    );
    assert.ok(quotes(a)[1]?.includes('呢個係一個好嚴重嘅問題'));
  });
  bothScripts(
    'a dialogue line whose speaker is written with a verb of speech (陳家駒補充：「…」), a way of saying (笑言) or a time word (今日話) names the person without them',
    '議會\n\n陳家駒補充：「政府不可以再拖下去，市民已經等了很久。」\n\n黃大文笑言：「暫時未有決定，要同家人商量。」\n\n林小明今日話：「政府根本冇聽市民意見。」',
    (a, c) => {
      assert.deepEqual(
        quotes(a).map((q) => q.split(' ')[0]),
        ['陳家駒', '黃大文', '林小明'].map(c),
      );
      for (const n of ['PER:陳家駒', 'PER:黃大文', 'PER:林小明']) {
        assert.ok(names(a).includes(c(n)), names(a).join(' '));
      }
      assert.ok(!names(a).some((n) => /笑言|今日/.test(n)), names(a).join(' '));
    },
  );
  bothScripts(
    'reported, direct before and after, through 他 and 這位專家',
    '專家評論\n\n國際問題評論員趙明指出，地區合作前景廣闊。各方應加強協調。\n\n這位專家表示，經貿往來持續增長。他說，雙邊投資也在擴大。\n\n「這是互利共贏的選擇。」趙明強調，各國應相向而行，共同維護地區穩定。\n\n外長林國棟在記者會上說：「我們歡迎各方參與。」',
    (a, c) => {
      assert.deepEqual(
        quotes(a),
        [
          '趙明 reported 地區合作前景廣闊。各方應加強協調。',
          '趙明 reported 經貿往來持續增長。',
          '趙明 reported 雙邊投資也在擴大。',
          '趙明 direct 這是互利共贏的選擇。',
          '趙明 reported 各國應相向而行，共同維護地區穩定。',
          '林國棟 direct 我們歡迎各方參與。',
        ].map(c),
      );
    },
  );
  bothScripts(
    'dialogue lines',
    '對話\n\n林國棟：「很高興見到你。」\n\n山田一郎：「我也很高興。」',
    (a, c) => {
      assert.deepEqual(
        quotes(a),
        ['林國棟 direct 很高興見到你。', '山田一郎 direct 我也很高興。'].map(c),
      );
    },
  );
  bothScripts(
    'a name whose last character the segmenter joins to the cue (明說) still speaks before a colon',
    '預算\n\n市長張家明說：「明年我們將大幅增加教育預算。」',
    (a, c) => {
      assert.deepEqual(quotes(a), ['張家明 direct 明年我們將大幅增加教育預算。'].map(c));
    },
  );
  bothScripts(
    'a name glued to 說 by the segmenter (陳立|明說) keeps its last character and speaks, with a comma too',
    '議會\n\n陳立明說，政府將繼續支持本地中小企業。\n\n議員周文光說，預算案將於下周交由大會表決。',
    (a, c) => {
      assert.deepEqual(
        quotes(a),
        [
          '陳立明 reported 政府將繼續支持本地中小企業。',
          '周文光 reported 預算案將於下周交由大會表決。',
        ].map(c),
      );
    },
  );
  bothScripts(
    "他 right after an unnamed spokesperson's quote is that spokesperson: the quote is the ministry's",
    '會見\n\n外交部長林國棟昨日會見了來訪的英國外相。\n\n外交部發言人在記者會上表示，雙方會談坦誠深入。他說，中方希望英方尊重中國的主權和領土完整。',
    (a, c) => {
      assert.deepEqual(
        quotes(a),
        [
          '外交部 reported 雙方會談坦誠深入。',
          '外交部 reported 中方希望英方尊重中國的主權和領土完整。',
        ].map(c),
      );
    },
  );
  bothScripts(
    "a whole-sentence quotation after the cue is direct, once; reported speech stops before the next speaker's quotation",
    '慈善\n\n企業家王大明日前表示，「我已經不信任官辦的慈善機構，他們的管理太差了。」王大明說，他計劃把一半家產捐給母校。\n\n趙鵬林透露，地鐵未來將分等級提供服務，滿足不同乘客的需求。「我們希望軌道交通像私家車一樣分很多種。」趙鵬林說。',
    (a, c) => {
      assert.deepEqual(
        quotes(a),
        [
          '王大明 direct 我已經不信任官辦的慈善機構，他們的管理太差了。',
          '王大明 reported 他計劃把一半家產捐給母校。',
          '趙鵬林 reported 地鐵未來將分等級提供服務，滿足不同乘客的需求。',
          '趙鵬林 direct 我們希望軌道交通像私家車一樣分很多種。',
        ].map(c),
      );
    },
  );
  bothScripts(
    'a foreign name in full, then its last part alone: one person; the name stops before a weekday',
    '會談\n\n美國國務卿安東尼·布林肯周三抵達北京。布林肯表示，美方希望雙方管控分歧，避免衝突。',
    (a, c) => {
      assert.deepEqual(
        quotes(a),
        ['安東尼·布林肯 reported 美方希望雙方管控分歧，避免衝突。'].map(c),
      );
      const people = names(a).filter((n) => n.startsWith('PER:'));
      assert.deepEqual(people, [c('PER:安東尼·布林肯')]);
    },
  );
  bothScripts(
    "reported speech stops before a quotation an anonymous source closes; it is no one's",
    '請客\n\n主持人王大明在微博上表示，他願意請這些工人吃頓飯，表達敬意。「老王辦實事啊，支持老王！希望更多明星參與進來。」一位網友表示。',
    (a, c) => {
      assert.deepEqual(quotes(a), ['王大明 reported 他願意請這些工人吃頓飯，表達敬意。'].map(c));
      assert.deepEqual(stances(a), []);
    },
  );
  bothScripts(
    "他 right after an anonymous source is that source: no quote, and no one else's; reported speech stops before the anonymous clause",
    '談判\n\n外長林國棟表示，中方願同各方加強溝通。有分析人士認為，談判仍面對不少困難。\n\n一名不願具名的官員說，談判仍面對不少困難。他還說，雙方在關稅問題上分歧明顯。',
    (a, c) => {
      assert.deepEqual(quotes(a), ['林國棟 reported 中方願同各方加強溝通。'].map(c));
    },
  );
  bothScripts(
    'a quote inside a quote (X表示，Y曾經說過，…) counts for both speakers; 說了算 is no speech',
    '參與\n\n黃國華表示，美國在台協會曾經說過，美方支持台灣有意義地參與國際組織。這不是他說了算的事情。',
    (a, c) => {
      assert.deepEqual(
        quotes(a),
        [
          '黃國華 reported 美國在台協會曾經說過，美方支持台灣有意義地參與國際組織。',
          '美國在台協會 reported 美方支持台灣有意義地參與國際組織。',
        ].map(c),
      );
    },
  );
  bothScripts(
    'a passive (被網友批評) is no speech of the subject; an unnamed crowd (眾人, 網友) quotes no one named before',
    '主持\n\n由於活動開放網絡直播，主持人王大明得知自己被網友批評，在主持中數次道歉。\n\n眾人輪番傻眼，批評「太尷尬了，講話吞吞吐吐，真不知道怎樣選的主持人」。',
    (a) => {
      assert.deepEqual(quotes(a), []);
    },
  );
  bothScripts(
    "a photographer's credit ((X攝)) is not whom 她 stands for",
    '區議會討論\n\n區議員陳美玲在會上質詢運輸署的安排。\n\n●區議會昨日舉行會議。（馮健文攝）\n\n她說：「我們希望當局盡快增加晚間班次。」',
    (a, c) => {
      assert.deepEqual(quotes(a), ['陳美玲 direct 我們希望當局盡快增加晚間班次。'].map(c));
    },
  );
  it('a group (雙方) states positions, it is not quoted', () => {
    assert.deepEqual(quotes(read('會談\n\n中日兩國外長會談。雙方強調，應加強合作。')), []);
  });
});

describe('who speaks, read through what stands before the name', () => {
  bothScripts(
    'a body shortened before its head’s title (衛福部長X) is no person; a spouse named after a person (X夫人Y) is who speaks',
    '防疫\n\n衛福部長邱泰源說，政府高度關注禽流感疫情，呼籲民眾勤洗手。\n\n習近平夫人彭麗媛說，她歡迎各國青年來華交流。',
    (a, c) => {
      assert.deepEqual(
        quotes(a).map((q) => q.split(' ')[0]),
        ['邱泰源', '彭麗媛'].map(c),
      );
      assert.ok(!names(a).includes(c('PER:衛福')), names(a).join(' '));
    },
  );
});

describe('what a speaker did not say', () => {
  bothScripts(
    'an outlet citing someone it counts but does not name (引述一名官員, 《X報》援引一名外交官的話) gives no quote; citing a named person gives theirs',
    '制裁\n\n路透社引述一名美國官員稱，華盛頓正考慮實施新一輪制裁。\n\n《晨報》援引一名外交官的話說，兩國關係正處於十字路口。\n\n路透社引述美國國務卿盧比奧稱，美方將繼續支持盟友。',
    (a, c) => {
      assert.deepEqual(quotes(a), [c('盧比奧 reported 美方將繼續支持盟友。')]);
    },
  );
  bothScripts(
    'a negated cue brings in nothing; what the sentence goes on to have them say is theirs',
    '回應\n\n記者追問政府會否撤回計劃，發言人未有正面回應。\n\n李志明沒有正面回應，只說：「我們會認真研究這個問題。」\n\n陳美玲拒絕評論此事，只表示政府會認真研究這個問題。',
    (a, c) => {
      assert.deepEqual(quotes(a), [
        c('李志明 direct 我們會認真研究這個問題。'),
        c('陳美玲 reported 政府會認真研究這個問題。'),
      ]);
    },
  );
});

describe('stances', () => {
  bothScripts(
    "a target does not open with the verb's aspect mark (拒絕了停火提議 → 停火提議)",
    '停火\n\n以色列拒絕了停火提議。日本支持了這項決議。',
    (a, c) => {
      assert.deepEqual(stances(a), ['以色列 oppose 停火提議', '日本 support 這項決議'].map(c));
    },
  );
  bothScripts(
    'a cue joined by 和 to a noun (轉達了立場和關切。) or brought in with another by 表達 (表達理解和支持。) is a noun; 歡迎和支持X are cues',
    '協議\n\n美方已經向北京轉達了有關立場和關切。日本對此表達理解和支持。中方歡迎和支持雙方達成協議。',
    (a, c) => {
      assert.deepEqual(
        stances(a),
        ['中國 welcome 雙方達成協議', '中國 support 雙方達成協議'].map(c),
      );
    },
  );
  bothScripts(
    'two cues coordinated by 也, 又, 而且 share the object after the second (既不支持也不反對X), each with its own negation',
    '提案\n\n中方既不支持也不反對這一提案。日本歡迎並支持雙方達成的協議。',
    (a, c) => {
      assert.deepEqual(
        stances(a),
        [
          '中國 support NOT 這一提案',
          '中國 oppose NOT 這一提案',
          '日本 welcome 雙方達成的協議',
          '日本 support 雙方達成的協議',
        ].map(c),
      );
    },
  );
  bothScripts(
    "港府 holds for Hong Kong as 特區政府 does; a party's caucus (國民黨團) is a body of its own; 籲請 appeals",
    '施政\n\n港府強烈譴責暴徒的違法行為。國民黨團要求行政院長到立法院報告。工聯會籲請政府盡快推出紓困措施。全黨團結一致。',
    (a, c) => {
      assert.deepEqual(
        stances(a),
        [
          '香港 criticize 暴徒的違法行為',
          '國民黨團 demand 行政院長到立法院報告',
          '工聯會 appeal 政府盡快推出紓困措施',
        ].map(c),
      );
    },
  );
  bothScripts(
    "an organisation is named by the fullest name the page writes, not the lexicon's when the page never writes it",
    '黨團協商\n\n民進黨發表聲明表示，將全力支持這項改革。北約發言人表示，北約反對任何單方面改變現狀的行為。',
    (a, c) => {
      assert.deepEqual(
        stances(a),
        ['民進黨 support 這項改革', '北約 oppose 任何單方面改變現狀的行為'].map(c),
      );
      assert.deepEqual(
        quotes(a).map((q) => q.split(' ')[0]),
        ['民進黨', '北約'].map(c),
      );
    },
  );
  bothScripts(
    'a caption is read for what the body does not say, and not twice for what it repeats',
    '外長會晤\n\n布林肯（左）與王毅會晤。路透社\n\n正在美國訪問的中國外交部長王毅，周二與美國國務卿布林肯會晤。\n\n香港記者協會在使館外集會，抗議新法。路透社\n\n王毅表示，這次會談坦誠而富有成果，有助於增進相互了解。\n\n王毅說，會談坦誠而務實。路透社',
    (a, c) => {
      assert.deepEqual(
        stances(a),
        ['王毅 meet 美國國務卿布林肯', '香港記者協會 criticize 新法'].map(c),
      );
      assert.deepEqual(
        quotes(a).map((q) => q.split(' ')[0]),
        ['王毅'].map(c),
      );
    },
  );
  bothScripts(
    'a title the segmenter glued to the end of a body before it still leads to the name (民進黨團總召X)',
    '預算審查\n\n民進黨團總召柯建銘表示，這項預算攸關國家安全，必須盡快通過。',
    (a, c) => {
      assert.deepEqual(
        quotes(a).map((q) => q.split(' ')[0]),
        ['柯建銘'].map(c),
      );
    },
  );
  bothScripts(
    'a clause after one that 我們 opened speaks in the same voice, not the quoted speaker’s own',
    '外交部回應\n\n王毅表示，我們堅決反對美方的錯誤做法，敦促美方停止干涉中國內政。中方將採取必要措施。',
    (a, c) => {
      assert.deepEqual(
        stances(a),
        ['中國 oppose 美方的錯誤做法', '中國 demand 美方停止干涉中國內政'].map(c),
      );
    },
  );
  bothScripts(
    'an object put first as a clause of its own (對於X，Y表示譴責) is the target',
    '制裁\n\n對於美方的最新制裁，俄羅斯外交部表示強烈譴責。針對有關報道，英國政府表示關注。',
    (a, c) => {
      assert.deepEqual(
        stances(a),
        ['俄羅斯外交部 criticize 美方的最新制裁', '英國 concern 有關報道'].map(c),
      );
    },
  );
  bothScripts(
    '該辦 is the office last named (港澳辦, 國台辦 for its full name)',
    '國台辦記者會\n\n國台辦發言人表示，兩岸同胞是一家人。該辦指出，民進黨當局的挑釁不會得逞。',
    (a, c) => {
      assert.deepEqual(
        quotes(a).map((q) => q.split(' ')[0]),
        ['國台辦', '國台辦'].map(c),
      );
    },
  );
  bothScripts(
    'ASCII ? and ! end sentences; 不容易 is no cue; a demand stops where the next demand begins',
    '評論\n\n民進黨當初不是主張改革嗎?民進黨又有什麼理由拒絕呢?不過問題並不容易解決。國民黨要求重新調查，並呼籲法務部公開全部資料。',
    (a, c) => {
      assert.deepEqual(
        stances(a),
        ['國民黨 demand 重新調查', '國民黨 appeal 法務部公開全部資料'].map(c),
      );
    },
  );
  bothScripts(
    'a kinship term is nobody’s name, and a dialogue line it speaks is no quote',
    '尋親\n\n哥哥：「如果我告訴爸爸媽媽，就會把我們全家都殺掉。」\n\n林國棟：「我們歡迎各國企業前來投資，一起發展。」',
    (a, c) => {
      assert.deepEqual(
        quotes(a).map((q) => q.split(' ')[0]),
        ['林國棟'].map(c),
      );
      assert.ok(!names(a).some((n) => n.startsWith('PER:') && /哥哥|爸爸|媽媽|妈妈/.test(n)));
    },
  );
  bothScripts(
    'a place where something breaks out is not who acts after it (X爆發罷工，反對…)',
    '罷工\n\n法國9日再次爆發全國大罷工，反對政府的退休制度改革。法國總統馬克龍表示，法方堅決反對任何形式的暴力。',
    (a, c) => {
      assert.deepEqual(stances(a), ['法國 oppose 任何形式的暴力'].map(c));
    },
  );
  bothScripts(
    'someone counted but not named (一位…的男子) speaks for no one before; a mission is named with the state that sends it',
    '業績會\n\n香港《明報》公開的現場視頻顯示，一位自稱業主的男子在會上激動地表示，公司的樓盤全部都有質量問題。中國駐英國大使館發言人回應稱，香港事務純屬中國內政，任何外國無權干預。',
    (a, c) => {
      assert.deepEqual(
        quotes(a).map((q) => q.split(' ')[0]),
        ['中國駐英國大使館'].map(c),
      );
    },
  );
  bothScripts(
    'no stance from a surname with 姓, 有所憂慮, a cue inside a treaty’s name, a holder read as its own object, nor 對此 with nothing before it but the headline',
    '美國宣布新一輪制裁\n\n俄羅斯外交部對此表示強烈譴責。黃姓業者曾透過各種管道希望雙方和解。學者早就有所憂慮。大會通過了「反對酷刑條款」。該片受到議員通過對李小明加以譴責。',
    (a) => {
      assert.deepEqual(stances(a), []);
    },
  );
  bothScripts(
    'a demand stops where a clause of its own begins; degree adverbs are not the object; 不太 negates; 這種行為 is what the stance before was on',
    '新聞\n\n行政院要求經建會開會協調，而經建會隨後決定暫緩。歐盟對伊朗的做法十分擔憂。美國卻不太譴責這種行為，民進黨則強烈譴責暴力。',
    (a, c) => {
      assert.deepEqual(
        stances(a),
        [
          '行政院 demand 經建會開會協調',
          '歐盟 concern 伊朗的做法',
          '美國 criticize NOT 伊朗的做法',
          '民進黨 criticize 暴力',
        ].map(c),
      );
    },
  );
  bothScripts(
    'a cue inside a noun (反對派, 按要求) is no stance',
    '政局\n\n巴拉克也無法避免國內反對派的百般非難。鎮政府率先實行改革，農民都能主動地按要求完成上繳。',
    (a) => {
      assert.deepEqual(stances(a), []);
    },
  );
  bothScripts(
    '說 in a turn of phrase (說實在的, 老實說, 據說) brings in no quote of its own',
    '訪談\n\n楊建表示，說實在的，家人從來都沒想到後來會被捧得這麼高。據說，他曾經三次入獄。王毅說，老實說，這件事情並不容易處理。',
    (a, c) => {
      assert.deepEqual(
        quotes(a).map((q) => q.split(' ')[0]),
        ['楊建', '王毅'].map(c),
      );
    },
  );
  bothScripts(
    'no holder in 對方, 有人 or 有民眾; no stance inside a quoted term, after 未經 or in 有…的跡象',
    '衛生局提醒\n\n衛生局近來頻頻接獲檢舉，有民眾甚至擔心業者使用的儀器未經許可。陳嘉俊指出，他曾接過一通電話，對方要求切除狗的聲帶。長照中心在「家庭照顧者支持團體」的活動中安排課程。黃志明未經董事會同意就簽下合約。吳乃仁表示，目前看不出國民黨有同意合作的跡象。',
    (a) => {
      assert.deepEqual(stances(a), []);
    },
  );
  bothScripts(
    'a name run on into the word after it (張庭|強忍) is the name the page writes elsewhere; a full name stays whole',
    '記者會\n\n張庭強忍淚水說：「我真的再也沒有辦法忍受這些傳聞了。」張庭這時雙手頻頻顫抖。陳建明表示，公司會全力支持她。陳建明天將出訪日本。',
    (a, c) => {
      const people = names(a).filter((n) => n.startsWith('PER:'));
      assert.deepEqual(people, ['PER:張庭', 'PER:陳建明'].map(c));
    },
  );
  bothScripts(
    'a newspaper named as the source of what it says is an organisation, and 報紙說 is that paper; a communiqué is no paper',
    '報紙摘要\n\n各位好，歡迎收聽報紙摘要。巴黎星期天報說，總統下星期將訪問莫斯科和基輔。報紙說，基輔現在也成了外交舞台。兩國發表的聯合公報說，雙方將加強合作。',
    (a, c) => {
      assert.deepEqual(
        quotes(a).map((q) => q.split(' ')[0]),
        ['巴黎星期天報', '巴黎星期天報'].map(c),
      );
      assert.ok(names(a).includes(c('ORG:巴黎星期天報')));
    },
  );
  bothScripts(
    'a subhead is read for what the body does not say, not for what it repeats in fewer words; 抗議民眾 are protesters',
    '外交風波\n\n台灣總統蔡英文周三晚在臉書貼文表示，全世界信仰民主自由的人，今天都會選擇站在一起。\n\n國民黨譴責政府粗暴處理抗議：與對岸聯手打壓新聞自由\n\n國民黨發言人林小明今日譴責行政院以粗暴手段處理抗議民眾，並要求政府公開道歉。\n\n工黨支持延長兵役\n\n工黨主席王大同在記者會上表示，國際局勢嚴峻，台灣必須加強防衛力量。',
    (a, c) => {
      assert.deepEqual(
        stances(a),
        [
          '林小明 criticize 行政院以粗暴手段處理抗議民眾',
          '林小明 demand 政府公開道歉',
          '工黨 support 延長兵役',
        ].map(c),
      );
    },
  );
  bothScripts(
    'a surname and a form of address (馬教授) is the one person of that surname the page names; 俗稱 and （又稱X） name, 表示嘉許 expresses',
    '食品安全\n\n上海市食品研究所教授馬志英提醒，市民購買食品時要提高警惕。馬教授指出，洗菜不要超過二十分鐘，以免營養流失。王先生說，他以後會更加小心選購食品。附近的梁王河（又稱石河）近日出現大面積油污。該河俗稱小清河支流。潘基文對此表示嘉許和感謝。',
    (a, c) => {
      assert.deepEqual(
        quotes(a).map((q) => q.split(' ')[0]),
        ['馬志英', '馬志英', '王先生'].map(c),
      );
    },
  );
  bothScripts(
    '自己 in someone’s reported speech is the speaker',
    '選舉\n\n議員張志強接受訪問時說，自己支持陳美玲連任，認為她的表現不錯。',
    (a, c) => {
      assert.deepEqual(stances(a), ['張志強 support 陳美玲連任'].map(c));
    },
  );
  bothScripts(
    '雙方 the page does not resolve to two countries is the holders that acted last',
    '聲明\n\n東盟與中國外長昨日舉行會議。\n\n中國和東盟支持多邊貿易體制。雙方歡迎區域協定生效。',
    (a, c) => {
      assert.deepEqual(
        stances(a),
        ['中國+東盟 support 多邊貿易體制', '中國+東盟 welcome 區域協定生效'].map(c),
      );
    },
  );
  bothScripts(
    'Cantonese 佢 is the person last named; a dialogue line’s speaker with a verb and its object after the name is the name',
    '議會\n\n議員陳家強昨日接受電台訪問。佢話，政府應該盡快交代事件，唔好再拖延落去。\n\n陳家強批評政府：「你哋根本冇聽市民意見！」',
    (a, c) => {
      assert.deepEqual(
        quotes(a).map((q) => q.split(' ')[0]),
        ['陳家強', '陳家強'].map(c),
      );
      assert.deepEqual(stances(a), ['陳家強 criticize 政府'].map(c));
    },
  );
  bothScripts(
    'a state written without a one-character abbreviation (新加坡, whose side is 新方) is one of 雙方',
    '會見\n\n國務院總理李強3日在北京會見新加坡總理黃循財。李強表示，中方高度重視兩國關係的發展。雙方一致同意加強在數字經濟領域的合作。',
    (a, c) => {
      assert.ok(
        stances(a).includes(c('新加坡+中國 agree 加強在數字經濟領域的合作')),
        stances(a).join(' | '),
      );
    },
  );
  bothScripts(
    'a state office written in full without a country (國務院總理) is China’s, one of 雙方',
    '會見\n\n國務院總理李強3日在北京會見新加坡總理黃循財。雙方一致同意加強在數字經濟領域的合作。',
    (a, c) => {
      assert.ok(
        stances(a).includes(c('中國+新加坡 agree 加強在數字經濟領域的合作')),
        stances(a).join(' | '),
      );
    },
  );
  bothScripts(
    '沒有反對 is a negated stance, not a noun after 有; the cue after it shares its object',
    '表態\n\n法國沒有反對這項提議，但表示關注。',
    (a, c) => {
      assert.deepEqual(stances(a), ['法國 oppose NOT 這項提議', '法國 concern 這項提議'].map(c));
    },
  );
  bothScripts(
    '予以嚴厲譴責，並呼籲…: a stance verb a light verb takes brings in no quote and stands on the clause before',
    '表態\n\n部長林國棟表示，鄰國持續對我國施壓，外交部予以嚴厲譴責，並呼籲對方停止挑釁。',
    (a, c) => {
      assert.deepEqual(
        quotes(a).map((q) => q.split(' ')[0]),
        ['林國棟'].map(c),
      );
      assert.deepEqual(
        stances(a),
        ['外交部 criticize 鄰國持續對我國施壓', '外交部 appeal 對方停止挑釁'].map(c),
      );
    },
  );
  bothScripts(
    '不是反對X，而是反對Y and 並非批評X，而是希望Y: the first is negated, the second stands; 希望政府 is addressed',
    '表態\n\n林國棟說，我們不是反對發展，而是反對破壞環境。他並非批評政府，而是希望政府改善施政。',
    (a, c) => {
      assert.deepEqual(
        stances(a),
        [
          '林國棟 oppose NOT 發展',
          '林國棟 oppose 破壞環境',
          '林國棟 criticize NOT 政府',
          '林國棟 appeal 政府改善施政',
        ].map(c),
      );
    },
  );
  bothScripts(
    'a fuller name the page writes later becomes the name, whichever comes first',
    '外交動態\n\n外交部發言人表示，此舉違反國際法。中國外交部隨後召見對方大使。',
    (a, c) => {
      assert.deepEqual(
        quotes(a).map((q) => q.split(' ')[0]),
        ['中國外交部'].map(c),
      );
    },
  );
  bothScripts(
    'an anaphor with a head noun (此事件, 這一行為, 該做法) stands for what the sentence before told, as 此 does',
    '空襲\n\n以色列軍隊周二空襲加沙難民營。中方對此事件表示高度關注。\n\n日本宣布排放核污水。韓國強烈反對這一行為。',
    (a, c) => {
      assert.deepEqual(
        stances(a),
        ['中國 concern 以色列軍隊周二空襲加沙難民營', '韓國 oppose 日本宣布排放核污水'].map(c),
      );
    },
  );
  bothScripts(
    'an object written as an anaphor and a head noun (反對該法案) stands for the work in 《》 before it whose name ends in the head',
    '法案\n\n美國國會通過《台灣關係強化法案》。中方堅決反對該法案。\n\n日本首相出席會議。中方反對此協議。',
    (a, c) => {
      assert.deepEqual(stances(a), ['中國 oppose 台灣關係強化法案', '中國 oppose 此協議'].map(c));
    },
  );
  bothScripts(
    'negation reaches over a light verb before the cue (尚未表態支持, 沒有公開表示反對); 將繼續支持, 不斷支持 are no negation',
    '烏克蘭\n\n德國將繼續支持烏克蘭。加拿大尚未表態支持。日本沒有公開表示反對。韓國不斷支持改革。',
    (a, c) => {
      assert.deepEqual(
        stances(a),
        [
          '德國 support 烏克蘭',
          '加拿大 support NOT 烏克蘭',
          '日本 oppose NOT 烏克蘭',
          '韓國 support 改革',
        ].map(c),
      );
    },
  );
  bothScripts(
    'X方 is the country the page names that opens with X (巴方 is Brazil on a page naming 巴西 in a title, Pakistan where it names 巴基斯坦)',
    '會見\n\n習近平會見來華訪問的巴西總統盧拉。盧拉表示，巴方支持中方提出的和平倡議。',
    (a, c) => {
      assert.deepEqual(stances(a).slice(-1), [c('巴西 support 中方提出的和平倡議')]);
      assert.ok(!names(a).includes(c('LOC:巴基斯坦')), names(a).join(' '));
    },
  );
  bothScripts(
    'refusing to comment after a prepositional phrase (拒絕就此事發表評論) is no stance; rights groups named as one (國際特赦組織, 人權觀察) hold theirs',
    '人權\n\n美國國務院拒絕就此事發表評論。日本拒絕美方的要求。\n\n國際特赦組織譴責當局檢控記者。人權觀察發表報告，批評當局打壓公民社會。',
    (a, c) => {
      assert.deepEqual(
        stances(a),
        [
          '日本 oppose 美方的要求',
          '國際特赦組織 criticize 當局檢控記者',
          '人權觀察 criticize 當局打壓公民社會',
        ].map(c),
      );
    },
  );
  bothScripts(
    'a title is bare only when no country stands before it (伊朗外長X is Iran’s, so 雙方 is Iran and Saudi Arabia); a portfolio before an office (外交與安全政策高級代表X) leads to the person',
    '通話\n\n伊朗外長阿拉格齊與沙特外交大臣費薩爾通電話，雙方同意加強溝通。\n\n歐盟外交與安全政策高級代表卡拉斯警告說，俄羅斯對歐洲的威脅正在上升。',
    (a, c) => {
      assert.ok(stances(a).includes(c('伊朗+沙特 agree 加強溝通')), stances(a).join('\n'));
      assert.deepEqual(
        quotes(a).map((q) => q.split(' ')[0]),
        [c('卡拉斯')],
      );
    },
  );
  bothScripts(
    "an organisation's short name the segmenter cuts into a one-character verb (教協會長X) owns the title and X speaks; a time clause (見X時) still governs X",
    '課程\n\n教協會長馮偉華認為，教育局不應干預學校的課程安排。\n\n見法國總統馬克龍時表示，中方願意加強合作與交流。',
    (a, c) => {
      assert.deepEqual(
        quotes(a).map((q) => q.split(' ')[0]),
        [c('馮偉華')],
      );
    },
  );
  bothScripts(
    '此 stands for the clause before, passing over one that only brings in speech (…發言人回應稱，中方對此…), without a topic preposition (對於X，)',
    '制裁\n\n對於美方的制裁，外交部發言人毛寧回應稱，中方對此表示強烈譴責。\n\n美國國務院宣布對台軍售。外交部發言人毛寧回應稱，中方對此堅決反對。',
    (a, c) => {
      assert.deepEqual(
        stances(a),
        ['中國 criticize 美方的制裁', '中國 oppose 美國國務院宣布對台軍售'].map(c),
      );
    },
  );
  bothScripts(
    '雙方 after two ministers meet is their two countries, named in their titles (中國外交部長王毅與俄羅斯外長拉夫羅夫), not countries named earlier',
    '會談\n\n台灣外交部對此表示歡迎。\n\n中國外交部長王毅與俄羅斯外長拉夫羅夫在莫斯科舉行會談。雙方一致同意加強戰略協作。',
    (a, c) => {
      assert.ok(stances(a).includes(c('中國+俄羅斯 agree 加強戰略協作')), stances(a).join('\n'));
    },
  );
  bothScripts(
    'a relative clause before a name (正在中國訪問的…, 前來參加論壇的…) qualifies it: the name holds; a time clause opening with a verb (會見來訪的X時) does not make X the subject',
    '訪問\n\n正在中國訪問的美國國防部長馬蒂斯，周三在行程的第一天，與中國國家主席習近平會晤。\n\n前來參加論壇的日本外相岸田文雄表示，日方支持自由貿易。\n\n王毅周二抵達東京，會見來訪的美國國務卿布林肯時表示，中方反對外部勢力干涉。',
    (a, c) => {
      assert.deepEqual(
        stances(a),
        [
          '馬蒂斯 meet 中國國家主席習近平',
          '日本 support 自由貿易',
          '王毅 meet 來訪的美國國務卿布林肯',
          '中國 oppose 外部勢力干涉',
        ].map(c),
      );
      assert.deepEqual(
        quotes(a).map((q) => q.split(' ')[0]),
        ['岸田文雄', '王毅'].map(c),
      );
    },
  );
  bothScripts(
    'a cue ending its sentence with no object (表示強烈譴責。) stands on the sentence before in its paragraph: the stance taken there, else what it tells; not across a paragraph',
    '空襲\n\n伊朗外交部周五譴責美軍的空襲是侵犯主權的行為。伊朗表示強烈譴責。\n\n美國國務院昨日宣布向台灣出售一批武器。中方堅決反對。\n\n這是好事。\n\n他說，我們支持。',
    (a, c) => {
      assert.deepEqual(
        stances(a),
        [
          '伊朗外交部 criticize 美軍的空襲是侵犯主權的行為',
          '伊朗 criticize 美軍的空襲是侵犯主權的行為',
          '中國 oppose 美國國務院昨日宣布向台灣出售一批武器',
        ].map(c),
      );
    },
  );
  bothScripts(
    'a clause with no subject borrows the one before whole, title and name (外交部發言人扎哈羅娃…譴責…，呼籲…), not the office inside the title',
    '空襲\n\n俄羅斯外交部發言人扎哈羅娃當天強烈譴責美軍空襲行為，呼籲無條件尊重敘利亞主權和領土完整。',
    (a, c) => {
      assert.deepEqual(
        stances(a),
        ['扎哈羅娃 criticize 美軍空襲行為', '扎哈羅娃 appeal 無條件尊重敘利亞主權和領土完整'].map(
          c,
        ),
      );
    },
  );
  bothScripts(
    'a colon opens what is said: the clause after it borrows no subject from before it (…損人不利己：反對…), the speaker holds',
    '論壇\n\n外交部長王大明今天出席論壇。\n\n他又說，各國人民要摒棄零和思維，築牆脫鉤損人不利己：\n\n反對任何形式的陣營對抗，國與國相處要平等。',
    (a, c) => {
      assert.deepEqual(stances(a), ['王大明 oppose 任何形式的陣營對抗'].map(c));
    },
  );
  bothScripts(
    "a cue inside another cue's object is that object's stance (感謝X…表示祝賀和支持); under an appeal or a demand it is no one's",
    '會談\n\n林國棟感謝普京及俄各界對兩國建交紀念日表示祝賀和支持。中方感謝日方支持中方的正當立場。中方敦促美方支持兩岸和平發展。',
    (a, c) => {
      assert.deepEqual(
        stances(a),
        [
          '林國棟 praise 普京及俄各界對兩國建交紀念日表示祝賀和支持',
          '普京+俄羅斯 praise 兩國建交紀念日',
          '普京+俄羅斯 support 兩國建交紀念日',
          '中國 praise 日方支持中方的正當立場',
          '日本 support 中方的正當立場',
          '中國 demand 美方支持兩岸和平發展',
        ].map(c),
      );
    },
  );
  bothScripts(
    "聯合國秘書長歡迎…: an office with no name speaks right before its cue; titles listed with 、 then a name are that person's; 歡迎加入 invites; 無理要求 is a noun",
    '停火\n\n歡迎加入本站郵件列表。聯合國秘書長歡迎雙方達成停火協議。\n\n鹽城市委副書記、市長周大文要求全市上下堅持穩中求進。中方拒絕無理要求。',
    (a, c) => {
      assert.deepEqual(
        stances(a),
        [
          '聯合國秘書長 welcome 雙方達成停火協議',
          '周大文 demand 全市上下堅持穩中求進',
          '中國 oppose 無理要求',
        ].map(c),
      );
    },
  );
  bothScripts(
    "a count of a place's people (英國七位前外相) is a group no one named; a target drops a stray closing mark",
    '聯署\n\n英國七位前外相聯署，敦促首相約翰遜在香港問題上發揮領頭作用。\n\n報道說，「德國總理拒絕出席會議，而俄羅斯幾乎肯定會拒絕譴責中國」，這證明聯盟難以建立。',
    (a, c) => {
      assert.deepEqual(stances(a), ['俄羅斯 criticize NOT 中國'].map(c));
    },
  );
  bothScripts(
    'a place before a degree word and a cue holds (台灣高度關切); before a noun it qualifies (中國企業支持…)',
    '軍演\n\n陳中吉表示，台灣高度關切共軍在台海周邊的軍事活動。中國企業支持垃圾分類政策的推行。',
    (a, c) => {
      assert.deepEqual(stances(a), ['台灣 concern 共軍在台海周邊的軍事活動'].map(c));
    },
  );
  bothScripts(
    'a person named only by an office (聯合國秘書長, 也門外長) holds and speaks as written; with a name, the name',
    '停火\n\n聯合國秘書長當天呼籲各方保持克制。也門外長和胡塞武裝都歡迎停火協議。\n\n美國總統當天表示，美方將繼續向烏克蘭提供援助。\n\n聯合國秘書長古特雷斯呼籲各方保持克制。',
    (a, c) => {
      assert.deepEqual(
        stances(a),
        [
          '聯合國秘書長 appeal 各方保持克制',
          '也門外長+胡塞武裝 welcome 停火協議',
          '古特雷斯 appeal 各方保持克制',
        ].map(c),
      );
      assert.deepEqual(quotes(a), ['美國總統 reported 美方將繼續向烏克蘭提供援助。'].map(c));
      // No named entity for a title alone.
      assert.ok(!names(a).some((n) => n.includes(c('秘書長'))), names(a).join(' '));
    },
  );
  bothScripts(
    '歡迎並支持X: two cues, one target, without the second cue in the first target',
    '合作\n\n中方歡迎並支持東盟國家加強團結合作。',
    (a, c) => {
      assert.deepEqual(
        stances(a),
        ['中國 welcome 東盟國家加強團結合作', '中國 support 東盟國家加強團結合作'].map(c),
      );
    },
  );
  bothScripts(
    '拒絕 before an act is no stance (拒絕評論, 拒絕譴責X: the criticism negated); 拒絕接受X rejects X',
    '表態\n\n外交部發言人林國棟拒絕評論有關報道。美國國務卿史密斯拒絕譴責盟友的軍事行動。\n\n菲律賓政府拒絕接受仲裁庭的裁決。',
    (a, c) => {
      assert.deepEqual(
        stances(a),
        ['史密斯 criticize NOT 盟友的軍事行動', '菲律賓 oppose 接受仲裁庭的裁決'].map(c),
      );
    },
  );
  bothScripts(
    '中新兩國 on a page that names Singapore: a pair, and 雙方 is China and Singapore; a name ends before 時指出',
    '會見\n\n國務院總理李強在會見新加坡總理黃循財時指出，中新兩國是重要合作夥伴。雙方一致同意加強在數字經濟領域的合作。',
    (a, c) => {
      assert.deepEqual(
        stances(a),
        ['李強 meet 新加坡總理黃循財', '中國+新加坡 agree 加強在數字經濟領域的合作'].map(c),
      );
      assert.ok(quotes(a)[0]?.startsWith(c('李強 reported 中新兩國是重要合作夥伴。')));
    },
  );
  bothScripts(
    '中新 where no Singapore is named (新疆, 新西蘭) is no pair',
    '合作\n\n新疆代表團訪問北京，中新合作前景廣闊。',
    (a, c) => {
      const found = names(a);
      for (const wrong of ['LOC:中國', 'LOC:新加坡', 'LOC:新西蘭'].map(c)) {
        assert.ok(!found.includes(wrong), `${wrong} in ${found.join(' ')}`);
      }
    },
  );
  bothScripts(
    '特區政府 stands for its region, as a speaker and as a holder (GUIDELINES: generic state organs)',
    '回應\n\n美國國會通過所謂法案。特區政府強烈反對美方的無理指責。\n\n特區政府發言人表示，政府將繼續支持本地中小企業渡過難關。',
    (a, c) => {
      // The bare 政府 inside its spokesperson's words is that government too.
      assert.deepEqual(
        stances(a),
        ['香港 oppose 美方的無理指責', '香港 support 本地中小企業渡過難關'].map(c),
      );
      assert.deepEqual(quotes(a), ['香港 reported 政府將繼續支持本地中小企業渡過難關。'].map(c));
    },
  );
  bothScripts(
    "澳門特區政府 is Macao's; a bare 特區政府 on a page that names only Macao is Macao's too",
    '措施\n\n澳門特區政府歡迎中央政府的支持措施。\n\n特區政府強烈反對外部勢力干預。',
    (a, c) => {
      assert.deepEqual(
        stances(a),
        ['澳門 welcome 中央政府的支持措施', '澳門 oppose 外部勢力干預'].map(c),
      );
    },
  );
  bothScripts(
    'titles listed with 、 before a name (親善大使、著名演員X): the named person holds the stance',
    '短片\n\n聯合國開發計劃署中國親善大使、著名演員周文光支持並參與拍攝公益短片。',
    (a, c) => {
      assert.deepEqual(stances(a), ['周文光 support 拍攝公益短片'].map(c));
    },
  );
  bothScripts(
    '對此進行了批評: a light verb before the cue, the target what 此 stands for; 不受歡迎, 不容忽視 are no stances',
    '外交\n\n俄羅斯宣布驅逐兩名外交官。美國國務院對此進行了強烈批評。\n\n敘利亞外交部宣布該國大使為不受歡迎的人。衛生部表示，事件的後果不容忽視。',
    (a, c) => {
      assert.deepEqual(stances(a), ['美國國務院 criticize 俄羅斯宣布驅逐兩名外交官'].map(c));
    },
  );
  bothScripts(
    'not stances: a passive (被校長要求), 要求 as a noun (長寬高等要求, 距離公約要求還有差距), words quoted from no one',
    '地鐵\n\n陳大文三年前被校長要求退出教學一線。只要符合體積、長寬高等要求，乘客可攜帶摺疊車。林國棟說，控煙措施距離公約要求還有相當差距。\n\n「支持陳大文，支持這個計劃！」一位網友表示。',
    (a) => {
      assert.deepEqual(stances(a), []);
    },
  );
  bothScripts(
    '希望 addressed to an institution (司法, 警方, 中央) is an appeal; a wish for someone is not',
    '案件\n\n市長林大文今天表示，希望司法調查要尊重比例原則。他又說，希望警方盡快查明真相。\n\n林大文說，希望傷者早日康復。他還說，希望中央撥出更多資源。',
    (a, c) => {
      assert.deepEqual(
        stances(a),
        [
          '林大文 appeal 司法調查要尊重比例原則',
          '林大文 appeal 警方盡快查明真相',
          '林大文 appeal 中央撥出更多資源',
        ].map(c),
      );
    },
  );
  bothScripts(
    '希望 to act together with a party (希望與美方…, 希望同日本…) asks nothing of it; 希望各方… does',
    '談判\n\n部長林國棟表示，我國希望與美方早日完成談判。他說，我們也希望同日本一道推動區域合作。\n\n林國棟又說，希望各方保持克制。',
    (a, c) => {
      assert.deepEqual(stances(a), ['林國棟 appeal 各方保持克制'].map(c));
    },
  );
  bothScripts(
    "a clause without a subject borrows the one before its verb, not the previous clause's object",
    '賀電\n\n林國棟表示，日方熱烈祝賀東盟成立五十周年，高度讚賞東盟取得的發展成就。',
    (a, c) => {
      const held = stances(a);
      assert.equal(held.length, 2, held.join(' / '));
      assert.ok(
        held.every((x) => x.startsWith(c('日本 '))),
        held.join(' / '),
      );
      assert.ok(held[1]?.endsWith(c('東盟取得的發展成就')));
    },
  );
  bothScripts(
    'X與Y會晤時表示: X speaks (與 brings in the counterpart), the counterpart ends before 時',
    '會晤\n\n國防部長林國棟與來訪的美國國防部長史密斯會晤時表示，兩軍應保持密切溝通和交流。\n\n外長王文同英國外相通電話時說，中方堅決反對單邊制裁。',
    (a, c) => {
      assert.deepEqual(
        quotes(a),
        ['林國棟 reported 兩軍應保持密切溝通和交流。', '王文 reported 中方堅決反對單邊制裁。'].map(
          c,
        ),
      );
      const meets = stances(a).filter((x) => / meet /.test(x));
      assert.deepEqual(
        meets,
        ['林國棟 meet 來訪的美國國防部長史密斯', '王文 meet 英國外相'].map(c),
      );
    },
  );
  bothScripts(
    'a group the speaker reports on (衝突各方, 也門衝突方) holds the stance, not the speaker who reports it',
    '停火\n\n聯合國特使林德表示，衝突各方同意自周六起停火兩個月。特使又說，也門衝突方同意開放機場。\n\n外長王文說，中方支持這項停火安排。',
    (a, c) => {
      assert.deepEqual(stances(a), ['中國 support 這項停火安排'].map(c));
    },
  );
  bothScripts(
    'an anaphor with coordinated attitudes (對此強烈不滿、堅決反對): the target is what 此 stands for',
    '軍售\n\n美國國會通過法案，批准對台軍售。中方對此強烈不滿、堅決反對。',
    (a, c) => {
      assert.deepEqual(stances(a), ['中國 oppose 美國國會通過法案，批准對台軍售'].map(c));
    },
  );
  bothScripts(
    'a vote tally (0票反對) is a count, not a stance',
    '表決\n\n安理會以13票贊成、0票反對、2票棄權通過決議，中方對此表示歡迎。',
    (a) => {
      assert.deepEqual(
        stances(a).filter((s) => / oppose /.test(s)),
        [],
      );
      assert.equal(stances(a).filter((s) => / welcome /.test(s)).length, 1);
    },
  );
  bothScripts(
    'several in a sentence, the subject carried over, aliases resolved',
    '聯合聲明\n\n中日雙方強調，支持和踐行多邊主義，反對單邊制裁，反對將經貿問題政治化。日方支持中方舉辦博覽會。',
    (a, c) => {
      assert.deepEqual(
        stances(a),
        [
          '中國+日本 support 多邊主義',
          '中國+日本 oppose 單邊制裁',
          '中國+日本 oppose 將經貿問題政治化',
          '日本 support 中方舉辦博覽會',
        ].map(c),
      );
    },
  );
  bothScripts(
    'concern, demand, appeal, praise and meetings',
    '會談\n\n外長林國棟同日本外長山田一郎舉行會談。雙方對地區局勢表示關切。中日敦促有關國家保持克制。雙方呼籲各方通過對話解決分歧。林國棟祝賀日本成功舉辦峰會。',
    (a, c) => {
      assert.deepEqual(
        stances(a),
        [
          '林國棟 meet 日本外長山田一郎',
          '中國+日本 concern 地區局勢',
          '中國+日本 demand 有關國家保持克制',
          '中國+日本 appeal 各方通過對話解決分歧',
          '林國棟 praise 日本成功舉辦峰會',
        ].map(c),
      );
    },
  );
  bothScripts(
    'negation and modality',
    '表態\n\n中方不支持任何單方面行動。日方將繼續支持自由貿易。中方應當反對保護主義。',
    (a, c) => {
      const all = a.flatMap((x) => x.stances ?? []);
      assert.deepEqual(
        all.map((s) => [s.actors.join('+'), s.class, s.negated, s.modality]),
        [
          [c('中國'), 'support', true, []],
          [c('日本'), 'support', false, ['將繼續'].map(c)],
          [c('中國'), 'oppose', false, ['應當'].map(c)],
        ],
      );
      assert.deepEqual(
        all.map((s) => s.plover),
        ['SUPPORT', 'SUPPORT', 'ACCUSE'],
      );
    },
  );
  bothScripts(
    'a cue ending its sentence stands on the clause before its own',
    '回應\n\n外交部發言人表示，有關指控毫無根據，中方堅決反對。有關做法違反國際法，歐盟予以譴責。\n\n外交部發言人表示，中方堅決反對。在記者會上，日方表示反對。',
    (a, c) => {
      assert.deepEqual(stances(a), [
        c('中國 oppose 有關指控毫無根據'),
        c('歐盟 criticize 有關做法違反國際法'),
      ]);
    },
  );
  bothScripts(
    '我們 of a body’s spokesperson is the body; an X方 the text governs is not the side that speaks',
    '回應\n\n對於美方宣布軍售，國台辦發言人朱鳳蓮表示，我們堅決反對任何形式的軍事聯繫。\n\n外交部發言人表示，中方堅決反對，我們敦促美方停止售台武器。\n\n外交部發言人表示，我們要求日方撤回有關言論。中方對此堅決反對。',
    (a, c) => {
      assert.deepEqual(
        stances(a),
        [
          '國台辦 oppose 任何形式的軍事聯繫',
          '中國 demand 美方停止售台武器',
          '中國 demand 日方撤回有關言論',
          '中國 oppose 我們要求日方撤回有關言論',
        ].map(c),
      );
    },
  );
  bothScripts(
    '對X表示Y和Z: the target is X, also when X is about foreign parties (對外國…) or the expression coordinates two feelings',
    '表態\n\n外交部對外國政客的言論表示堅決反對。港澳辦對有關國家抹黑特區的做法表示強烈不滿和堅決反對。中方對外開放的決心不變，我們歡迎各國企業投資。',
    (a, c) => {
      assert.deepEqual(
        stances(a),
        [
          '外交部 oppose 外國政客的言論',
          '港澳辦 oppose 有關國家抹黑特區的做法',
          '中國 welcome 各國企業投資',
        ].map(c),
      );
    },
  );
  bothScripts(
    '對X表示關切 where X has a 向 of its own: the target is all of X; 對此向Y: the target is what 此 stands for',
    '表態\n\n外交部對鄰國向邊境增派部隊一事表示嚴重關切。\n\n鄰國宣布在邊境舉行軍演。外交部對此向鄰國提出強烈抗議。',
    (a, c) => {
      assert.deepEqual(
        stances(a),
        ['外交部 concern 鄰國向邊境增派部隊一事', '外交部 criticize 鄰國宣布在邊境舉行軍演'].map(c),
      );
    },
  );
  bothScripts(
    '對X提出(嚴正)抗議: the light verb 提出 and its degree word are not part of the target',
    '抗議\n\n外交部對鄰國漁船進入我國海域提出嚴正抗議。',
    (a, c) => {
      assert.deepEqual(stances(a), ['外交部 criticize 鄰國漁船進入我國海域'].map(c));
    },
  );
  bothScripts(
    'a name inside a relative clause (X提出的預算案) lends no holder to the clause after it; the speaker holds',
    '預算\n\n立委黃珊珊批評，行政院提出的預算案漏洞百出，要求重新檢討。\n\n王毅表示，中方提出的倡議得到廣泛響應，歡迎各方參與。',
    (a, c) => {
      assert.deepEqual(stances(a), ['黃珊珊 demand 重新檢討', '王毅 welcome 各方參與'].map(c));
    },
  );
  bothScripts(
    'where and when a meeting was held (在白宮, 10日在莫斯科) is no part of the counterpart',
    '會談\n\n美國總統拜登與日本首相岸田文雄在白宮舉行會談。王毅同俄羅斯外長拉夫羅夫10日在莫斯科舉行會談。李強同在華訪問的新加坡總理黃循財舉行會談。',
    (a, c) => {
      assert.deepEqual(
        stances(a),
        [
          '拜登 meet 日本首相岸田文雄',
          '王毅 meet 俄羅斯外長拉夫羅夫',
          '李強 meet 在華訪問的新加坡總理黃循財',
        ].map(c),
      );
    },
  );
  bothScripts(
    'a group no one names (兩岸同胞, 各界人士) holds no stance, and the speaker does not hold it for them',
    '兩岸\n\n發言人陳斌華指，兩岸同胞應攜手反對分裂活動。他又說，各界人士應共同反對分裂活動。他強調，中國政府堅決反對分裂活動。',
    (a, c) => {
      assert.deepEqual(stances(a), [c('中國 oppose 分裂活動')]);
    },
  );
  bothScripts(
    'X方 right after the page names a body opening with X (哈馬斯 … 哈方) is that body, unless a country opening with X is named; 中方 is always China',
    '調解\n\n哈馬斯發言人則說，哈方歡迎國際社會的調解努力。\n\n中央社報道，中方歡迎各方對話。',
    (a, c) => {
      assert.deepEqual(
        stances(a),
        ['哈馬斯 welcome 國際社會的調解努力', '中國 welcome 各方對話'].map(c),
      );
    },
  );
  bothScripts(
    'X方 on a page that names the country opening with X is that country, named as the page names it (哈薩克, Taiwan’s name for 哈薩克斯坦)',
    '投資\n\n哈薩克總統托卡耶夫表示，哈方歡迎中國企業投資。',
    (a) => {
      assert.deepEqual(
        stances(a).map((s) => toSimplified(s.split(' ')[0] as string)),
        ['哈萨克'],
      );
    },
  );
  bothScripts(
    'a state named after its role in a body (歐盟輪值主席國匈牙利) is who acts, not the body',
    '制裁\n\n歐盟輪值主席國匈牙利表示反對新一輪制裁。歐盟表示支持烏克蘭。',
    (a, c) => {
      assert.deepEqual(stances(a), ['匈牙利 oppose 新一輪制裁', '歐盟 support 烏克蘭'].map(c));
    },
  );
  bothScripts(
    'whether one takes a stance is not a stance',
    '表態\n\n德國總理尚未表態是否支持該提案。日本政府會否譴責有關行動，仍有待觀察。法國總統表示支持該提案。',
    (a, c) => {
      assert.deepEqual(stances(a), [c('法國總統 support 該提案')]);
    },
  );
  it('不斷 is not a negation', () => {
    const [s] = read('表態\n\n中方不斷支持地區合作。').flatMap((x) => x.stances ?? []);
    assert.equal(s?.negated, false);
  });
});

describe('dates', () => {
  const page =
    '會談\n\n外長昨日下午會見來賓。雙方2024年3月5日簽署協議，並定於6月10日再次會晤，上周已交換意見，去年貿易額增長。';
  it('resolves relative and partial dates against the page date', () => {
    const dates = read(page, '2025-01-15')[0]?.dates?.map((d) => [d.text, d.value]);
    assert.deepEqual(dates, [
      ['昨日下午', '2025-01-14TAF'],
      ['2024年3月5日', '2024-03-05'],
      ['6月10日', '2025-06-10'],
      ['上周', '2025-W02'],
      ['去年', '2024'],
    ]);
  });
  it('says why when there is no page date', () => {
    const dates = read('會談\n\n外長昨日會見來賓。')[0]?.dates;
    assert.deepEqual(
      dates?.map((d) => [d.value, d.unresolved]),
      [[null, 'no page date to resolve against']],
    );
  });
  it('finds the page date on the page when not given', () => {
    const dates = read('會談\n\n本報2025年2月3日訊：外長今日會見來賓。')[0]?.dates?.map(
      (d) => d.value,
    );
    assert.deepEqual(dates, ['2025-02-03', '2025-02-03']);
  });
});

describe('keywords and summary', () => {
  bothScripts(
    'the words of every story (雙方, 強調, 表示) are no keywords, in either script',
    '能源合作\n\n中日兩國外長昨日舉行會談。雙方強調，清潔能源合作潛力巨大。雙方表示，將擴大光伏和氫能投資。外長強調，能源轉型需要雙方長期合作。',
    (a, c) => {
      const words = (a[0]?.keywords ?? []).map((k) => k.text);
      for (const stop of ['雙方', '強調', '表示'].map(c))
        assert.ok(!words.includes(stop), `${stop} in ${words}`);
      assert.ok(words.includes(c('能源')), words.join(','));
    },
  );

  it('gives keywords and a two- or three-sentence summary in reading order', () => {
    const page =
      '能源合作\n\n中日兩國外長昨日舉行會談，討論能源合作。雙方同意擴大清潔能源投資。能源轉型是兩國的共同目標。雙方還討論了人文交流。會談在友好氣氛中進行。雙方將繼續推進能源合作項目。';
    const [a] = read(page);
    assert.ok(a?.keywords?.some((k) => k.text === '能源'));
    assert.ok((a?.summary?.length ?? 0) >= 2 && (a?.summary?.length ?? 0) <= 3);
    const order = a?.summary?.map((s) => page.indexOf(s)) ?? [];
    assert.deepEqual(
      [...order].sort((x, y) => x - y),
      order,
    );
  });
});

describe('annotate', () => {
  it('points every annotation at the page text', () => {
    const page = '會談\n\n外長林國棟表示，中方支持多邊主義。';
    const tree = annotate(parse(page));
    const a = tree.children[0]?.annotations;
    for (const m of a?.mentions ?? []) assert.equal(page.slice(m.start, m.end), m.text);
    for (const q of a?.quotes ?? [])
      assert.equal(page.slice(q.content.start, q.content.end), q.content.text);
    for (const s of a?.stances ?? [])
      assert.equal(page.slice(s.target.start, s.target.end), s.target.text);
    for (const t of a?.tokens ?? []) assert.equal(page.slice(t.start, t.end), t.text);
  });
  it('refuses what is not a page', () => {
    assert.throws(() => annotate({} as never), TypeError);
  });
});

describe('every cue', () => {
  // One sentence per cue, written in Traditional; each also read in Simplified.
  const stanceCases: [string, string, string][] = [
    ['中方支持和平談判。', 'support', 'SUPPORT'],
    ['中方擁護這一決定。', 'support', 'SUPPORT'],
    ['中方反對單邊制裁。', 'oppose', 'ACCUSE'],
    ['中方譴責恐怖襲擊。', 'criticize', 'ACCUSE'],
    ['中方批評有關做法。', 'criticize', 'ACCUSE'],
    ['中方關注地區局勢。', 'concern', 'ACCUSE'],
    ['中方對地區局勢表示關切。', 'concern', 'ACCUSE'],
    ['中方敦促有關國家保持克制。', 'demand', 'DEMAND'],
    ['中方要求對方停止挑釁。', 'demand', 'DEMAND'],
    ['中方呼籲各方保持冷靜。', 'appeal', 'DEMAND'],
    ['中方祝賀大會成功舉行。', 'praise', 'SUPPORT'],
    ['中方感謝各方的支持。', 'praise', 'SUPPORT'],
    ['中方讚賞有關努力。', 'praise', 'SUPPORT'],
    ['中方歡迎雙方恢復對話。', 'welcome', 'SUPPORT'],
    ['中方同意延長協議。', 'agree', 'AGREE'],
    ['中方拒絕無理要求。', 'oppose', 'REJECT'],
    ['外長林國棟會見日本外長山田一郎。', 'meet', 'CONSULT'],
  ];
  for (const [sentence, cls, plover] of stanceCases) {
    for (const [script, conv] of [
      ['Traditional', (s: string) => s],
      ['Simplified', toSimplified],
    ] as const) {
      it(`${cls}: ${sentence} (${script})`, () => {
        const found = read(`表態\n\n${conv(sentence)}`).flatMap((a) => a.stances ?? []);
        assert.ok(
          found.some((s) => s.class === cls && s.plover === plover),
          JSON.stringify(found.map((s) => [s.cue, s.class])),
        );
      });
    }
  }
  const speechCues = [
    '表示',
    '指出',
    '強調',
    '認為',
    '說',
    '稱',
    '透露',
    '坦言',
    '重申',
    '回應',
    '指',
    '形容',
    '分析',
    '提醒',
    '堅稱',
    '寄語',
    '提到',
    '補充',
    '警告',
  ];
  for (const cue of speechCues) {
    for (const [script, conv] of [
      ['Traditional', (s: string) => s],
      ['Simplified', toSimplified],
    ] as const) {
      it(`quote cue ${cue} (${script})`, () => {
        const page = conv(`會談\n\n外長林國棟${cue}，雙方合作前景廣闊。`);
        const [q] = read(page).flatMap((a) => a.quotes ?? []);
        assert.equal(q?.speaker, conv('林國棟'));
        assert.equal(q?.text, conv('雙方合作前景廣闊。'));
      });
    }
  }
  // GUIDELINES §3: verbs outside the cue list report no speech.
  for (const verb of ['宣布', '介紹', '解釋', '質疑', '指責', '提出']) {
    for (const [script, conv] of [
      ['Traditional', (s: string) => s],
      ['Simplified', toSimplified],
    ] as const) {
      it(`not a quote cue: ${verb} (${script})`, () => {
        const page = conv(`會談\n\n外長林國棟${verb}，雙方合作前景廣闊。`);
        assert.deepEqual(
          read(page).flatMap((a) => a.quotes ?? []),
          [],
        );
      });
    }
  }
});

describe('anchoredMatches', () => {
  /** What a global search finds: start, whole match and groups. */
  const globalMatches = (text: string, source: string) =>
    [...text.matchAll(new RegExp(source, 'g'))].map((m) => [m.index, ...m]);
  const anchored = (text: string, source: string, anchor: Anchor) =>
    anchoredMatches(text, new RegExp(source, 'y'), anchor).map((m) => [m.index, ...m]);

  it('finds what a global search finds, overlapping candidates and rejected starts included', () => {
    const year = '(?<![0-9])([0-9]{4})年(?!度)';
    const list = '((?:[\\u4e00-\\u9fff]{2,3}、)+[\\u4e00-\\u9fff]{2,3})等(?:参加|出席)';
    const cases: [string, string, Anchor][] = [
      ['2021年与2022年度，12021年，1999年1998年', year, anchorOn('年', 4, 4)],
      ['年2021年', year, anchorOn('年', 4, 4)],
      ['会上林国栋、周文、陈明等参加；张三、李四等出席了、王五', list, anchorOn('、', 2, 3)],
      ['、、林国栋、、周文等参加', list, anchorOn('、', 2, 3)],
    ];
    for (const [text, source, anchor] of cases) {
      assert.deepEqual(anchored(text, source, anchor), globalMatches(text, source), text);
    }
  });

  it('wants a sticky pattern', () => {
    assert.throws(() => anchoredMatches('2021年', /年/g, anchorOn('年', 0, 0)), TypeError);
  });
});
