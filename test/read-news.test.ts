/**
 * Who said what and who stands where (issue 11): one composed page per kind of error, read
 * in Traditional and in Simplified, with the negatives that must not fire. Every sentence
 * here is our own writing; names are invented (林國棟, 山田一郎, 陳美玲 …) or public offices.
 */
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { ArticleViewArticle } from '../src/tree/article-view.ts';
import { bothScripts, stances } from './helpers/annotated.ts';

const quotes = (a: ArticleViewArticle[]) =>
  a.flatMap((x) => x.quotes ?? []).map((q) => `${q.speaker}: ${q.text}`);

/** A page read in both scripts gives exactly these quotes (`speaker: text`, Traditional). */
const quotesAre = (name: string, page: string, expected: readonly string[]) =>
  bothScripts(name, page, (a, c) => assert.deepEqual(quotes(a), expected.map(c)));

describe('quote cues beyond 表示／指出 with a comma', () => {
  bothScripts(
    '稱 with no mark, 指 in Hong Kong style, a colon, 重申 and 坦言',
    '新聞\n\n外長林國棟稱雙方將在下月恢復部長級對話。林國棟回應指，有關報道完全不符事實。外長山田一郎重申：日方願意繼續推動經貿合作。山田一郎坦言，談判過程並不容易。',
    (a, c) => {
      assert.deepEqual(
        quotes(a),
        [
          '林國棟: 雙方將在下月恢復部長級對話。',
          '林國棟: 有關報道完全不符事實。',
          '山田一郎: 日方願意繼續推動經貿合作。',
          '山田一郎: 談判過程並不容易。',
        ].map(c),
      );
    },
  );
  bothScripts(
    'the subject far before the cue: …時表示 and 在…上表示',
    '新聞\n\n外長林國棟在出席東盟地區論壇的記者會時表示，各方應當通過對話管控分歧。外長山田一郎在當天的歡迎晚宴上說，日本重視與鄰國的長期友好關係。',
    (a, c) => {
      assert.deepEqual(
        quotes(a),
        ['林國棟: 各方應當通過對話管控分歧。', '山田一郎: 日本重視與鄰國的長期友好關係。'].map(c),
      );
    },
  );
  bothScripts(
    'the speaker after the content: 「…」X說。 and …，他說。',
    '新聞\n\n外長林國棟出席論壇。「我們從來不接受任何形式的霸凌行徑。」林國棟說。合作的大門始終敞開，歡迎各國企業前來投資，他說。',
    (a, c) => {
      assert.deepEqual(
        quotes(a),
        [
          '林國棟: 我們從來不接受任何形式的霸凌行徑。',
          '林國棟: 合作的大門始終敞開，歡迎各國企業前來投資',
        ].map(c),
      );
    },
  );
  bothScripts(
    'the speaker after the content with where they said it: 「…」X在記者會上說。',
    '新聞\n\n外長林國棟昨日出席記者會。「我們不會接受任何形式的脅迫。」林國棟在記者會上說。',
    (a, c) => {
      assert.deepEqual(quotes(a), [c('林國棟: 我們不會接受任何形式的脅迫。')]);
    },
  );
  bothScripts(
    'X表示： with the content in the next paragraph',
    '新聞\n\n外長林國棟在會上表示：\n\n「國際上的事情應該由各國共同商量著辦，不能由一兩個國家說了算。」',
    (a, c) => {
      assert.deepEqual(quotes(a), [
        c('林國棟: 國際上的事情應該由各國共同商量著辦，不能由一兩個國家說了算。'),
      ]);
    },
  );
  bothScripts(
    'a quotation the sentence goes on after is reported speech, not a short direct quote',
    '新聞\n\n外長林國棟指出「互利共贏」是兩國關係最鮮明的特徵，不是一句空洞的口號。',
    (a, c) => {
      assert.deepEqual(quotes(a), [
        c('林國棟: 「互利共贏」是兩國關係最鮮明的特徵，不是一句空洞的口號。'),
      ]);
    },
  );
  bothScripts(
    'X引述Y指: the content is both the cited body’s and the citing speaker’s',
    '新聞\n\n外長林國棟引述世界銀行指，地區經濟今年有望增長百分之五以上。',
    (a, c) => {
      assert.deepEqual(
        quotes(a).sort(),
        [
          '世界銀行: 地區經濟今年有望增長百分之五以上。',
          '林國棟: 地區經濟今年有望增長百分之五以上。',
        ]
          .map(c)
          .sort(),
      );
    },
  );
  bothScripts(
    'X引述Y指 with Y’s title before the name: both speak',
    '新聞\n\n陳美玲引述外長林國棟指，各國必須尊重新聞自由，這是國際社會的共識。',
    (a, c) => {
      assert.deepEqual(
        quotes(a).sort(),
        [
          '林國棟: 各國必須尊重新聞自由，這是國際社會的共識。',
          '陳美玲: 各國必須尊重新聞自由，這是國際社會的共識。',
        ]
          .map(c)
          .sort(),
      );
    },
  );
});

describe('canonical names', () => {
  bothScripts(
    'an organisation is called by the fullest name the page gives it',
    '新聞\n\n外交部發言人表示，中方將採取必要措施。中國外交部隨後發表聲明說，有關國家應立即停止干涉。',
    (a, c) => {
      assert.deepEqual(
        quotes(a).map((q) => q.slice(0, q.indexOf(':'))),
        ['中國外交部', '中國外交部'].map(c),
      );
    },
  );
});

describe('a statement issued in an earlier sentence', () => {
  bothScripts(
    '聲明說 with no issuer in its clause is the body that issued it before; a joint one is no one',
    '新聞\n\n荷蘭外交部週三發表聲明，對邊境局勢表示關切。聲明又說，荷方願意與各方保持溝通。\n\n北歐五國外長週四發表聯合聲明，譴責對平民的襲擊。聲明指出，這些行為違反國際人道法。',
    (a, c) => {
      assert.deepEqual(quotes(a), ['荷蘭外交部: 荷方願意與各方保持溝通。'].map(c));
    },
  );
});

describe('a body referred back to: 署方, 院方, a bare 發言人', () => {
  bothScripts(
    '署方 and 院方 are the body last named ending in 署 or 院; 當局方面 and 政府方案 are not',
    '新聞\n\n漁農署今日表示，署方非常關注有關個案。廣華醫院回應指，院方十分重視病人私隱。\n\n當局方面反對有關做法，政府方案支持者不多。',
    (a, c) => {
      assert.deepEqual(stances(a), ['漁農署 concern 有關個案'].map(c));
      assert.deepEqual(
        quotes(a).map((q) => q.slice(0, q.indexOf(':'))),
        ['漁農署', '廣華醫院'].map(c),
      );
    },
  );
  bothScripts(
    '公會 or 法院 opening a clause is the body last named that ends so; with none named, no one',
    '新聞\n\n香港律師公會發表聲明。公會十分關注本港的法治狀況。\n\n新聞\n\n協會十分關注會員的權益。',
    (a, c) => {
      assert.deepEqual(stances(a), ['香港律師公會 concern 本港的法治狀況'].map(c));
    },
  );
  bothScripts(
    '發言人 opening a clause is the spokesperson last named: the body, or the person named after it',
    '新聞\n\n衞生署發言人今日表示，署方會密切留意疫情發展。發言人又表示，市民應盡量使用公共交通工具。\n\n外交部發言人林美華表示，我們對事件高度關注。發言人呼籲各方保持冷靜克制。',
    (a, c) => {
      assert.deepEqual(
        quotes(a).map((q) => q.slice(0, q.indexOf(':'))),
        ['衞生署', '衞生署', '林美華'].map(c),
      );
      assert.ok(stances(a).includes(c('林美華 appeal 各方保持冷靜克制')), stances(a).join(' / '));
    },
  );
});

describe('where reported speech ends', () => {
  bothScripts(
    "a sentence opening on another named actor with 則 or 發表聲明 ends it; one that goes on in the speaker's voice does not",
    '新聞\n\n工黨主席林志遠表示，工黨支持延長兵役。國民黨則批評工黨討好選民。\n\n外交部長周文華表示，我國支持和平解決爭端。我國願同各方一道推動局勢降溫。\n\n署長陳美玲表示，新措施將於下月起實施。局長王海平介紹，相關細節仍在研究。',
    (a, c) => {
      assert.deepEqual(
        quotes(a),
        [
          '林志遠: 工黨支持延長兵役。',
          '周文華: 我國支持和平解決爭端。我國願同各方一道推動局勢降溫。',
          '陳美玲: 新措施將於下月起實施。',
        ].map(c),
      );
    },
  );
  bothScripts(
    "a body the content names, going on with 但認為 in the same sentence, is still inside the quote; the speaker's own 並指出 is a quote of its own",
    '新聞\n\n發言人林志遠說，總統府歡迎鄰國提出的和平倡議，但認為仍需進一步討論。\n\n部長周文華表示，政府會全力支持有關計劃，並指出措施將於下月起實施。',
    (a, c) => {
      assert.deepEqual(
        quotes(a),
        [
          '林志遠: 總統府歡迎鄰國提出的和平倡議，但認為仍需進一步討論。',
          '周文華: 政府會全力支持有關計劃',
          '周文華: 措施將於下月起實施。',
        ].map(c),
      );
    },
  );
  bothScripts(
    "a sentence in the reporter's own voice (據了解, 記者看到) ends it",
    '新聞\n\n市長林大文表示，新公園將於下月開放，市民可免費入場。據了解，公園耗資三億元興建。\n\n局長周文華說，工程已進入最後階段。記者看到，工人仍在趕工。',
    (a, c) => {
      assert.deepEqual(
        quotes(a),
        ['林大文: 新公園將於下月開放，市民可免費入場。', '周文華: 工程已進入最後階段。'].map(c),
      );
    },
  );
});

describe('the two leaders', () => {
  bothScripts(
    '兩國元首 on a page naming the two leaders but not their countries is the two leaders; with the countries named, the countries',
    '新聞\n\n林國棟和山田一郎共同出席簽字儀式。兩國元首一致同意深化經貿合作。\n\n中日兩國元首一致同意加強人文交流。',
    (a, c) => {
      assert.deepEqual(
        stances(a),
        ['林國棟+山田一郎 agree 深化經貿合作', '中國+日本 agree 加強人文交流'].map(c),
      );
    },
  );
});

describe('what was agreed after a comma', () => {
  bothScripts(
    '雙方一致同意，X: the clause after the comma is what was agreed; 表示同意，但… goes on to something else',
    '新聞\n\n林國棟同山田一郎舉行會談。雙方一致同意，加快推進兩國鐵路互聯互通。\n\n美方提出延長談判期限。陳美玲表示同意，但強調必須設定時間表。',
    (a, c) => {
      const all = stances(a);
      assert.ok(all.includes(c('林國棟+山田一郎 agree 加快推進兩國鐵路互聯互通')), all.join(' | '));
      assert.ok(!all.some((s) => s.includes('強調')), all.join(' | '));
    },
  );
});

describe("a caucus's offices", () => {
  bothScripts(
    '黨團總召X and 黨團書記長X speak, with a rare character in the name too; the caucus named before the office is what a later 黨團 stands for',
    '新聞\n\n國民黨立法院黨團總召傅崐萁受訪時說，國民黨一向支持台美關係發展。\n\n民進黨立法院黨團總召林國棟表示，黨團將全力支持總預算。\n\n國民黨團書記長陳美玲指出，黨團反對這項法案。',
    (a, c) => {
      assert.deepEqual(
        quotes(a).map((q) => q.split(':')[0]),
        ['傅崐萁', '林國棟', '陳美玲'].map(c),
      );
      const all = stances(a);
      assert.ok(all.includes(c('民進黨立法院黨團 support 總預算')), all.join(' | '));
      assert.ok(all.includes(c('國民黨立法院黨團 oppose 這項法案')), all.join(' | '));
    },
  );
});

describe('a centre named again by its kind', () => {
  bothScripts(
    '中心 opening a clause is the centre last named; 中心城區 is no body',
    '新聞\n\n衛生防護中心總監徐樂堅指，中心密切關注內地的流感情況，並已要求各醫院加強監察。\n\n中心城區的商戶則支持延長營業時間。',
    (a, c) => {
      const all = stances(a);
      assert.ok(all.includes(c('衛生防護中心 concern 內地的流感情況')), all.join(' | '));
      assert.ok(all.includes(c('衛生防護中心 demand 各醫院加強監察')), all.join(' | '));
      assert.ok(!all.some((s) => s.includes('營業時間')), all.join(' | '));
      assert.deepEqual(
        quotes(a).map((q) => q.split(':')[0]),
        [c('徐樂堅')],
      );
    },
  );
});

describe('titles and objects that look like clauses', () => {
  bothScripts(
    'an ambassador titled 駐X大使 speaks; 駐 is no verb of the clause',
    '新聞\n\n鄰國駐日本大使林志遠表示，兩國應加強經貿往來與人文交流。',
    (a, c) => {
      assert.deepEqual(quotes(a), ['林志遠: 兩國應加強經貿往來與人文交流。'].map(c));
    },
  );
  bothScripts(
    'a passive inside the object (對…釋放被拘留人員表示歡迎) leaves the stance; a passive of the cue does not',
    '新聞\n\n部長林志遠對鄰國釋放被拘留漁民表示歡迎。該方案遭到議員反對。',
    (a, c) => {
      assert.deepEqual(stances(a), ['林志遠 welcome 鄰國釋放被拘留漁民'].map(c));
    },
  );
});

describe('generic bodies as sources', () => {
  bothScripts(
    'a place and a generic body (莫斯科警方) speak as written; the places stay entities',
    '新聞\n\n莫斯科警方稱，兇手使用的是一把半自動手槍。巴勒斯坦加沙地帶衛生部門發表聲明說，空襲造成至少50人死亡。',
    (a, c) => {
      assert.deepEqual(
        quotes(a).map((q) => q.slice(0, q.indexOf(':'))),
        ['莫斯科警方', '巴勒斯坦加沙地帶衛生部門'].map(c),
      );
      const names = new Set(a.flatMap((x) => x.entities ?? []).map((e) => e.type));
      assert.deepEqual([...names], ['LOC']);
    },
  );
});

describe('a counterpart met in a time clause', () => {
  bothScripts(
    '會見柬埔寨外長時，… meets 柬埔寨外長, not 柬埔寨外長時; 比利時 keeps its 時',
    '新聞\n\n泰國外長在會見柬埔寨外長時，對柬方在邊境問題上的合作表示讚賞。荷蘭首相同比利時首相舉行會談。',
    (a, c) => {
      const meets = stances(a).filter((x) => x.includes(' meet '));
      assert.deepEqual(meets, [c('泰國外長 meet 柬埔寨外長'), c('荷蘭首相 meet 比利時首相')]);
    },
  );
});

describe('bodies picked out, not named', () => {
  bothScripts(
    '外國議會, 他國政府 are no organisations; 德國聯邦議院 is',
    '新聞\n\n特區政府發言人表示，政府反對外國議會干預本港事務，亦不接受他國政府的指責。德國聯邦議院今天通過決議。',
    (a, c) => {
      const orgs = a
        .flatMap((x) => x.entities ?? [])
        .filter((e) => e.type === 'ORG')
        .map((e) => e.text);
      assert.deepEqual(orgs, [c('德國聯邦議院')]);
    },
  );
});

describe('sources named again', () => {
  bothScripts(
    'a bare 警方 after 莫斯科警方 is that source; a bracketed Latin name between title and body',
    '新聞\n\n莫斯科警方28日宣布，他們找到了一輛可疑的汽車。警方還稱，兇手使用的是一把半自動手槍。東方戰略研究中心（OSRC）主任陳美玲在社交媒體表示，兩國關係正在逐步改善。',
    (a, c) => {
      assert.deepEqual(
        quotes(a).map((q) => q.slice(0, q.indexOf(':'))),
        ['莫斯科警方', '陳美玲'].map(c),
      );
    },
  );
  bothScripts(
    'an outlet citing someone (X報 引述Y指) reports it: the words are only Y’s',
    '新聞\n\n外長林國棟昨日抵達東京。東方日報 引述林國棟指，雙方將在下月恢復部長級對話。',
    (a, c) => {
      assert.deepEqual(quotes(a), [c('林國棟: 雙方將在下月恢復部長級對話。')]);
    },
  );
});

describe('quotes that are not', () => {
  bothScripts(
    '回應，強烈譴責…，指…: what the speaker did is no quote; the words are 指’s',
    '新聞\n\n北島政府發言人晚上回應，強烈譴責東島的言論，指東島公然干預北島的內部事務。',
    (a, c) => {
      assert.deepEqual(quotes(a), [c('北島: 東島公然干預北島的內部事務。')]);
    },
  );
  bothScripts(
    'an outlet citing a source it does not name (引述知情人士說, 引述官員的話說) quotes no one',
    '新聞\n\n東方通訊社引述知情人士說，兩國的談判已經陷入僵局。東方通訊社引述日本官員的話說，兩國的談判已經陷入僵局。東方通訊社引述外長林國棟的話說，兩國的談判仍在進行之中。',
    (a, c) => {
      assert.deepEqual(quotes(a), [c('林國棟: 兩國的談判仍在進行之中。')]);
    },
  );
  bothScripts(
    'verbs outside the list, anonymous sources, several speakers, 據…報道, cue nouns, short content',
    '新聞\n\n外長林國棟宣布，雙方將互設領事館並擴大人員往來。有記者問，談判何時能夠重新開始。外長林國棟和日本外長山田一郎表示，兩國合作前景十分廣闊。據世界銀行報道，地區經濟今年有望較快增長。林國棟在會後接受訪問時，做上述表示。山田一郎說，很好。',
    (a) => {
      assert.deepEqual(quotes(a), []);
    },
  );
  bothScripts(
    'a cue with an aspect particle takes an object (強調了…的複雜性), it brings in no speech',
    '新聞\n\n外長林國棟強調了兩國關係的複雜性和重要性。',
    (a) => {
      assert.deepEqual(quotes(a), []);
    },
  );
  bothScripts(
    'a quote whose speaker is unknown does not inherit the speaker before it',
    '新聞\n\n外長林國棟表示，雙方將在下月恢復部長級對話。\n\n一名不願具名的官員則表示，談判仍然存在相當大的困難。',
    (a, c) => {
      assert.deepEqual(quotes(a), [c('林國棟: 雙方將在下月恢復部長級對話。')]);
    },
  );
});

describe('speakers', () => {
  bothScripts(
    'an unnamed spokesperson is the institution; a named one is the person; a title is not the name',
    '新聞\n\n外交部發言人表示，中方將採取必要措施維護自身權益。外交部發言人陳美玲說，有關國家應停止干涉別國內政。',
    (a, c) => {
      assert.deepEqual(
        quotes(a),
        ['外交部: 中方將採取必要措施維護自身權益。', '陳美玲: 有關國家應停止干涉別國內政。'].map(c),
      );
    },
  );
  bothScripts(
    '他 is the person who was speaking, not the person last named as an object',
    '新聞\n\n外長林國棟在會見山田一郎時表示，兩國應當加強溝通。他又表示，高興看到山田一郎為兩國友好作出的努力。',
    (a, c) => {
      assert.deepEqual(
        quotes(a),
        ['林國棟: 兩國應當加強溝通。', '林國棟: 高興看到山田一郎為兩國友好作出的努力。'].map(c),
      );
    },
  );
  bothScripts(
    'a dateline’s outlet and an addressee never speak',
    '新聞\n\n新華社東京3月1日電 外長林國棟向山田一郎表示，中方願意與日方共同推動地區和平。',
    (a, c) => {
      assert.deepEqual(quotes(a), [c('林國棟: 中方願意與日方共同推動地區和平。')]);
    },
  );
});

describe('pronouns and sides', () => {
  bothScripts(
    '他 after a person named only as a modifier (山田政府) is still the speaker before',
    '新聞\n\n外長林國棟說，兩國應當共同維護地區的和平穩定。他批評山田政府的做法。他又說，雙方已經就下一步合作達成共識。\n\n他補充：「我們希望有關各方都能夠以大局為重。」',
    (a, c) => {
      assert.deepEqual(
        quotes(a).map((q) => q.slice(0, q.indexOf(':'))),
        ['林國棟', '林國棟', '林國棟'].map(c),
      );
    },
  );
  bothScripts(
    'X方稱 speaks for the country, also when the country is named only inside a body’s name',
    '新聞\n\n以色列國防軍發表聲明，確認其對目標發動襲擊。以方稱，襲擊目標是一處武裝組織的院落。',
    (a, c) => {
      assert.deepEqual(quotes(a), [c('以色列: 襲擊目標是一處武裝組織的院落。')]);
    },
  );
  bothScripts(
    'X方 stands for a country named on the page by its first character',
    '新聞\n\n外長林國棟會見斯里蘭卡外長陳美玲。斯方感謝中方提供的幫助。',
    (a, c) => {
      assert.ok(stances(a).includes(c('斯里蘭卡 praise 中方提供的幫助')), stances(a).join(' | '));
    },
  );
});

describe('stance holders', () => {
  bothScripts(
    'the subject inside reported speech holds its own stance; a subjectless one is the speaker’s',
    '新聞\n\n外長林國棟表示，日方支持有關倡議，並呼籲各方保持克制。',
    (a, c) => {
      assert.deepEqual(stances(a), ['日本 support 有關倡議', '日本 appeal 各方保持克制'].map(c));
    },
  );
  bothScripts(
    'the addressee after 向 and a dateline outlet are not holders',
    '新聞\n\n新華社東京3月1日電 外長林國棟向山田一郎表示祝賀。',
    (a, c) => {
      assert.deepEqual(stances(a), [c('林國棟 praise 山田一郎')]);
    },
  );
  bothScripts(
    'a subject in an earlier clause of the sentence holds the later cue',
    '新聞\n\n日本外長山田一郎，周三在結束訪問前，與外長林國棟會晤。',
    (a, c) => {
      assert.deepEqual(stances(a), [c('山田一郎 meet 外長林國棟')]);
    },
  );
  bothScripts(
    '我們 in an official statement is the side it calls X方',
    '聲明\n\n外交部發表聲明說，中方將堅定維護國家利益。「我們敦促有關國家立即停止挑釁。」',
    (a, c) => {
      assert.ok(stances(a).includes(c('中國 demand 有關國家立即停止挑釁')), stances(a).join(' | '));
    },
  );
});

describe('prepositions keep their objects from holding', () => {
  bothScripts(
    '就 with a time word before the name (就昨晚X…予以譴責) and a verb before it',
    '新聞\n\n香港律師會發表聲明，就昨晚終審法院遭人破壞的行為予以最嚴厲譴責。雙方強調，共同維護以聯合國為核心的國際體系，支持多邊主義。',
    (a, c) => {
      const all = stances(a);
      assert.ok(
        all.includes(c('香港律師會 criticize 昨晚終審法院遭人破壞的行為')),
        all.join(' | '),
      );
      assert.ok(
        !all.some((x) => x.startsWith(c('終審法院')) || x.startsWith(c('聯合國'))),
        all.join(' | '),
      );
    },
  );
});

describe('subjects we cannot name', () => {
  bothScripts(
    'a clause opening with an unnamed agent (多名人權專家) borrows no holder from the clause before',
    '新聞\n\n外長林國棟上周訪問日本，多名人權專家隨後發表聲明，譴責有關行動。專家指出，有關行動違反國際法。',
    (a) => {
      assert.deepEqual(stances(a), []);
      assert.deepEqual(quotes(a), []);
    },
  );
});

describe('a subject named only by a title, inside reported speech', () => {
  bothScripts(
    'the speaker does not hold a stance whose clause has a title of its own for subject (秘書長, 總統)',
    '新聞\n\n聯合國秘書長的發言人林國棟回答提問時稱，秘書長對局勢的發展深感憂慮。白宮發言人陳美玲表示，總統支持這項撥款法案。',
    (a) => {
      const all = stances(a);
      assert.ok(
        !all.some((x) => x.startsWith('林國棟') || x.startsWith('陳美玲')),
        all.join(' | '),
      );
      // The quotes stay the speakers'.
      assert.equal(quotes(a).length, 2, quotes(a).join(' | '));
    },
  );
});

describe('a person named by an office, holding a stance any cue of the list gives', () => {
  bothScripts(
    '馬來西亞總理希望雙方…, 聯合國秘書長正告…: the office as written holds it; a wish is still none',
    '新聞\n\n馬來西亞總理希望雙方保持克制。聯合國秘書長正告各方不得攻擊平民。秘書長希望傷者早日康復。',
    (a, c) => {
      const all = stances(a);
      assert.ok(all.includes(c('馬來西亞總理 appeal 雙方保持克制')), all.join(' | '));
      assert.ok(all.includes(c('聯合國秘書長 demand 各方不得攻擊平民')), all.join(' | '));
      assert.equal(all.length, 2, all.join(' | '));
    },
  );
});

describe('an anaphor after a clause that only says who speaks', () => {
  bothScripts(
    'the matter of 這一做法 and of 對此 is the sentence before, not 外交部發言人表示',
    '新聞\n\n甲國宣布向有關海域增派三艘軍艦。外交部發言人表示，中方堅決反對這一做法。\n\n乙國宣布暫停有關談判。外交部發言人對此表示，中方堅決反對。',
    (a, c) => {
      const all = stances(a);
      assert.ok(
        all.some((x) => x.includes(c('oppose 甲國宣布向有關海域增派三艘軍艦'))),
        all.join(' | '),
      );
      assert.ok(
        all.some((x) => x.includes(c('oppose 乙國宣布暫停有關談判'))),
        all.join(' | '),
      );
      assert.ok(!all.some((x) => x.includes(c('發言人表示'))), all.join(' | '));
    },
  );
  bothScripts(
    'with no sentence before it, 這一做法 after 發言人表示 has no matter on the page: no target of the speech frame',
    '新聞\n\n外交部發言人表示，中方堅決反對這一做法。',
    (a, c) => {
      const all = stances(a);
      assert.ok(!all.some((x) => x.includes(c('發言人表示'))), all.join(' | '));
    },
  );
});

describe('antecedents and unnamed pairs', () => {
  bothScripts(
    '對此 at the start of a paragraph points to the paragraph before; 兩人 are the two just named',
    '新聞\n\n有關國家昨日宣布對本地企業實施出口管制。\n\n中國外交部對此表示強烈反對。外長林國棟與外長山田一郎會面。兩人同意加強安全合作。',
    (a, c) => {
      const all = stances(a);
      assert.ok(
        all.some((x) => x.includes(c('oppose 有關國家昨日宣布對本地企業實施出口管制'))),
        all.join(' | '),
      );
      assert.ok(all.includes(c('林國棟+山田一郎 agree 加強安全合作')), all.join(' | '));
    },
  );
});

describe('places inside a body or before a noun', () => {
  bothScripts(
    'a capital inside a body’s name (北京市衛生局局長X) is no holder; 中國政府 is the state',
    '新聞\n\n北京市衛生局局長陳美玲表示，今年全市共有三十萬人參加無償獻血。北京市七成居民支持此規定。中國政府對此堅決反對。',
    (a, c) => {
      assert.deepEqual(
        quotes(a).map((q) => q.slice(0, q.indexOf(':'))),
        [c('陳美玲')],
      );
      const all = stances(a);
      assert.ok(!all.some((x) => x.startsWith(c('中國 support'))), all.join(' | '));
      assert.ok(
        all.some((x) => x.startsWith(c('中國 oppose'))),
        all.join(' | '),
      );
    },
  );
});

describe('他們 after two people', () => {
  bothScripts(
    '他們 holds for the two people last named; it quotes nobody (several speakers)',
    '新聞\n\n外長林國棟在東京會見了日本外長山田一郎。他們表示反對任何單方面改變現狀的行為。',
    (a, c) => {
      assert.ok(
        stances(a).includes(c('林國棟+山田一郎 oppose 任何單方面改變現狀的行為')),
        stances(a).join(' | '),
      );
      assert.deepEqual(quotes(a), []);
    },
  );
});

describe('他們 that names no pair', () => {
  bothScripts(
    '他們 after a person named as a modifier (X的家屬) or long before holds nothing',
    '新聞\n\n外長林國棟會見了議員陳美玲。兩國關係近年穩步發展，經貿往來持續增加。議員王建民與陳美玲的家屬見了面，他們並不要求任何賠償。',
    (a) => {
      assert.ok(!stances(a).some((x) => x.includes('+')), stances(a).join(' | '));
    },
  );
});

describe('capitals for their states', () => {
  bothScripts(
    'a capital holds for its state (莫斯科認為, 基輔擔心); 希望 + a verb is a wish, not an appeal',
    '新聞\n\n莫斯科認為，北約東擴會威脅到俄羅斯的安全。基輔這邊希望加入北約，同時擔心俄羅斯入侵。',
    (a, c) => {
      assert.equal(quotes(a)[0]?.startsWith(c('俄羅斯: 北約東擴')), true, quotes(a).join(' | '));
      assert.deepEqual(stances(a), [c('烏克蘭 concern 俄羅斯入侵')]);
    },
  );
});

describe('we and because', () => {
  bothScripts(
    '我們希望所有國家… in a secretary’s words is the country; 因為 does not govern the capital after it',
    '新聞\n\n美國國務卿林國棟說，「我們希望所有國家都可以保護他們的主權。」莫斯科方面拒絕讓步，因為莫斯科認為北約東擴會威脅到俄羅斯的安全。',
    (a, c) => {
      assert.ok(
        stances(a).includes(c('美國 appeal 所有國家都可以保護他們的主權')),
        stances(a).join(' | '),
      );
      assert.ok(
        quotes(a).some((q) => q.startsWith(c('俄羅斯: 北約東擴'))),
        quotes(a).join(' | '),
      );
    },
  );
});

describe('cue verbs tagged as adverbs', () => {
  bothScripts(
    'a clause opening with 反對 tagged as an adverb still carries its holder on',
    '新聞\n\n歐方表示，歐盟支持多邊主義，反對貿易保護主義，不支持對華加徵關稅。',
    (a, c) => {
      assert.ok(stances(a).includes(c('歐盟 support NOT 對華加徵關稅')), stances(a).join(' | '));
    },
  );
});

describe('pronouns no mention resolves', () => {
  bothScripts(
    '各方 and 這 hold nothing; 我 in a speaker’s words is the speaker; 符合要求 is a noun',
    '新聞\n\n外長林國棟表示，我在報告中提出，要支持地區經濟一體化。各方應當支持和平談判。這也反映出各國對合作的支持。有關安排完全符合國際法的要求。',
    (a, c) => {
      assert.deepEqual(stances(a), [c('林國棟 support 地區經濟一體化')]);
    },
  );
});

describe('stance cues and targets', () => {
  bothScripts(
    '希望 to another party is appeal, a wish is not; 正告 is demand; 拒絕 oppose',
    '新聞\n\n外長林國棟希望日方妥善處理有關問題。林國棟希望傷者早日康復。林國棟正告有關國家停止挑釁。林國棟拒絕對方的無理要求。',
    (a, c) => {
      assert.deepEqual(
        stances(a),
        [
          '林國棟 appeal 日方妥善處理有關問題',
          '林國棟 demand 有關國家停止挑釁',
          '林國棟 oppose 對方的無理要求',
        ].map(c),
      );
    },
  );
  bothScripts(
    'X同Y舉行會談 meets Y; 分別會見 gives each counterpart',
    '新聞\n\n外長林國棟同日本外長山田一郎舉行會談。林國棟還分別會見了議員陳美玲和議員王建民。',
    (a, c) => {
      assert.deepEqual(
        stances(a),
        ['林國棟 meet 日本外長山田一郎', '林國棟 meet 議員陳美玲', '林國棟 meet 議員王建民'].map(c),
      );
    },
  );
  bothScripts(
    'cue words as nouns, in passives and after 的 are not stances',
    '新聞\n\n外長林國棟出席了歡迎儀式。林國棟感謝各方給予的支持和幫助。這一倡議得到了各國的一致擁護。',
    (a, c) => {
      assert.deepEqual(stances(a), [c('林國棟 praise 各方給予的支持和幫助')]);
    },
  );
  bothScripts(
    'negated cues are kept as negated; 拒絕譴責 is not a criticism',
    '新聞\n\n外長林國棟不支持任何單方面行動。山田一郎拒絕譴責有關國家。',
    (a, c) => {
      const all = stances(a);
      assert.ok(all.includes(c('林國棟 support NOT 任何單方面行動')), all.join(' | '));
      assert.ok(!all.some((s) => s.includes('criticize') && !s.includes('NOT')), all.join(' | '));
    },
  );
  bothScripts(
    'a target before the cue (對此…反對) is the antecedent; a second cue shares the first’s',
    '新聞\n\n有關國家宣布對地區實施單邊制裁。中國外交部對此堅決反對，予以強烈譴責。',
    (a, c) => {
      const all = stances(a);
      assert.ok(
        all.some((s) => s.includes(c('外交部 oppose')) && s.includes(c('單邊制裁'))),
        all.join(' | '),
      );
      assert.ok(
        all.some((s) => s.includes(c('外交部 criticize')) && s.includes(c('單邊制裁'))),
        all.join(' | '),
      );
    },
  );
});

describe('a bare 政府 is the government named last', () => {
  bothScripts(
    'inside its spokesperson’s words, and after 但',
    '新聞\n\n泰國政府發言人當天說，政府歡迎各方通過對話解決分歧。總理隨後表示，但政府反對任何暴力行為。',
    (a, c) => {
      const all = stances(a);
      assert.ok(all.includes(c('泰國 welcome 各方通過對話解決分歧')), all.join(' | '));
      assert.ok(all.includes(c('泰國 oppose 任何暴力行為')), all.join(' | '));
    },
  );
  bothScripts(
    'with no government named before, it holds nothing; a city government is no bare 政府',
    '新聞\n\n政府今日表示，反對有關做法。市政府隨後表示歡迎。',
    (a) => {
      assert.deepEqual(stances(a), []);
    },
  );
});

describe('a counterpart named only by the title of a ministry of its state', () => {
  for (const [how, sentence] of [
    ['in a time clause before 時表示', '林國棟在會見美國國防部長時表示，菲方感謝美方的支持。'],
    ['in a time clause before 後說', '林國棟會見美國國防部長後說，兩國關係良好。'],
    ['as the object of 會見了', '林國棟還會見了美國國防部長。'],
  ]) {
    bothScripts(
      `會見美國國防部長 (the title starts inside the ministry’s name) is met, ${how}`,
      `新聞\n\n菲律賓總統林國棟10日抵達華盛頓。${sentence}`,
      (a, c) => {
        const meets = stances(a).filter((x) => x.includes(' meet '));
        assert.deepEqual(meets, [c('林國棟 meet 美國國防部長')]);
        const names = a.flatMap((x) => x.entities ?? []).map((e) => e.text);
        assert.ok(!names.some((n) => /^[時后後]/.test(n)), names.join(' '));
      },
    );
  }
});

describe('a reporter in the dateline or credit is no one 他 stands for', () => {
  for (const [how, opening] of [
    ['a wire dateline', '（中央社記者林國棟台北3日電）'],
    ['a credit that says 報道', '（本報記者 陳美玲報道）'],
  ]) {
    quotesAre(
      `${how} before the first sentence`,
      `議員質詢\n\n${opening}民主派議員張志強昨日在會議上質詢官員。他指出，當局必須交代事件的來龍去脈。`,
      ['張志強: 當局必須交代事件的來龍去脈。'],
    );
  }
});

describe('what a title is followed by that is no one', () => {
  bothScripts(
    'a delegation after the title of its members (眾議員訪團) is no person, and speaks no quote',
    '訪問\n\n總統林國棟今天接見美國聯邦眾議員訪團時表示，台灣感謝美國國會的支持。',
    (a, c) => {
      const people = a
        .flatMap((x) => x.entities ?? [])
        .filter((e) => e.type === 'PER')
        .map((e) => e.text);
      assert.deepEqual(people, [c('林國棟')]);
      assert.deepEqual(quotes(a), [c('林國棟: 台灣感謝美國國會的支持。')]);
    },
  );
  quotesAre(
    'a credit glued to the end of the last paragraph is not the speaker’s words',
    '批評\n\n立委王美惠則批評，執政黨不應把外交當作內政工具。（編輯：陳美玲）1140610',
    ['王美惠: 執政黨不應把外交當作內政工具。'],
  );
});

describe('a press conference transcript', () => {
  bothScripts(
    'a journalist’s question is not the reported speech before it; 表示對X感到關切 targets X',
    '記者會\n\n法新社記者：日本首相稱將考慮向菲律賓提供更多軍事援助。中方對此有何評論？\n\n路透社記者：美國國務院表示對香港局勢感到關切。你怎麼看？',
    (a, c) => {
      assert.deepEqual(quotes(a), [
        c('日本首相: 將考慮向菲律賓提供更多軍事援助。'),
        c('美國國務院: 對香港局勢感到關切。'),
      ]);
      assert.deepEqual(stances(a), [c('美國國務院 concern 香港局勢')]);
    },
  );
});

describe('a side right before a cue the segmenter calls a noun', () => {
  bothScripts(
    '中方正告日方: 中方 holds the demand',
    '外交\n\n中方正告日方，立即停止在有關問題上的錯誤言行。',
    (a, c) => {
      const all = stances(a);
      assert.equal(all.length, 1, all.join(' | '));
      assert.ok((all[0] as string).startsWith(c('中國 demand 日方')), all.join(' | '));
    },
  );
});

describe('a cue of warning with its addressee', () => {
  quotesAre(
    '提醒市民，… and 警告美方，… bring in what is said; 提醒市民注意… does not',
    '提醒\n\n衛生署提醒市民，出外時應佩戴口罩並勤洗手。林國棟警告美方，不要在有關問題上玩火。王建民提醒市民注意天氣變化。',
    ['衛生署: 出外時應佩戴口罩並勤洗手。', '林國棟: 不要在有關問題上玩火。'],
  );
});

describe('Cantonese 話 after a pronoun', () => {
  quotesAre(
    '佢話， and 佢又話， are the person last quoted speaking; 呢種話， is no cue',
    '質詢\n\n局長林國棟回應指，部門一直依法辦事，會繼續跟進事件。\n\n佢又話，社會各界應該理性討論有關問題。\n\n呢種話，唔應該喺議會度講。',
    ['林國棟: 部門一直依法辦事，會繼續跟進事件。', '林國棟: 社會各界應該理性討論有關問題。'],
  );
});

describe('a quotation the attribution cuts at a comma', () => {
  bothScripts(
    '「short first part，」X說，「…」 is one quote from its first words',
    '訪問\n\n「我們會繼續爭取，」王建民說，「直到真相大白的一天。」',
    (a, c) => {
      const all = quotes(a);
      assert.equal(all.length, 1, all.join(' | '));
      assert.ok((all[0] as string).startsWith(c('王建民: 我們會繼續爭取，')), all.join(' | '));
    },
  );
});

describe('members of a body no one names are not the body', () => {
  bothScripts(
    'a body’s legislators, member states or officials, counted or not, hold no stance and speak no quote',
    '新聞\n\n民進黨立委表示，行政部門的提案罔顧民意，必須撤回。部分國民黨立委支持修法延長追訴期。歐盟多名成員國同意延長制裁。北約一些國家反對加徵關稅。美國國會跨黨派議員提出法案，要求政府制裁相關官員。',
    (a) => {
      assert.deepEqual(quotes(a), []);
      assert.deepEqual(stances(a), []);
    },
  );
  bothScripts(
    'the body itself, its caucus and a member named after it still hold',
    '新聞\n\n民進黨團今天批評行政院的預算編列。民進黨立委林國棟批評國民黨團的提案罔顧民意。外交部發言人表示，中方堅決反對美方的無理打壓。美國國會週二通過法案，要求政府制裁相關官員。',
    (a, c) => {
      const all = stances(a);
      assert.ok(all.includes(c('民進黨團 criticize 行政院的預算編列')), all.join(' | '));
      assert.ok(all.includes(c('林國棟 criticize 國民黨團的提案罔顧民意')), all.join(' | '));
      assert.ok(all.includes(c('中國 oppose 美方的無理打壓')), all.join(' | '));
      assert.ok(all.includes(c('美國國會 demand 政府制裁相關官員')), all.join(' | '));
    },
  );
});

describe('a name that ends in a character a preposition is written with', () => {
  bothScripts(
    '埃及 ends in 及: the title and name after it are the subject, not an object of 及',
    '新聞\n\n埃及外長林國棟對中方長期以來的支持表示感謝。埃及總統陳志明支持這項倡議。',
    (a, c) => {
      const all = stances(a);
      assert.ok(all.includes(c('林國棟 praise 中方長期以來的支持')), all.join(' | '));
      assert.ok(all.includes(c('陳志明 support 這項倡議')), all.join(' | '));
    },
  );
  bothScripts(
    'a real 及 before a name still makes it an object',
    '新聞\n\n外長會見了美國國務卿及埃及總統陳志明。',
    (a) => {
      assert.deepEqual(
        stances(a).filter((x) => !x.includes(' meet ')),
        [],
      );
    },
  );
});

describe('a degree word and a verb the segmenter has as one noun', () => {
  bothScripts(
    '哈方高度評價…: the side before 高度評價 is the subject the later clauses of the sentence share',
    '新聞\n\n林國棟表示，哈方高度評價中方的建設性作用，堅定奉行一個中國原則，反對任何干涉中國內政的行為。',
    (a, c) => {
      assert.deepEqual(stances(a), [c('哈薩克斯坦 oppose 任何干涉中國內政的行為')]);
    },
  );
});

describe('我們 in a spokesperson’s answers', () => {
  const page =
    '外交部發言人林國棟主持例行記者會\n\n記者：據報道，某國外長發表聲明，祝賀陳志明就任。中方對此有何評論？\n\n林國棟：美方的做法嚴重違反雙方的共識，向分裂勢力發出錯誤信號。中方對此堅決反對。\n\n記者：菲律賓總統陳大文表示，菲方將繼續在該海域開展補給行動。外交部對此有何回應？\n\n林國棟：該島礁是中國領土的一部分。我們要求菲方切實尊重中國的領土主權。';
  bothScripts(
    'speak for the side of the answers, not for a side another speaker named in the question',
    page,
    (a, c) => {
      const all = stances(a);
      assert.ok(all.includes(c('中國 demand 菲方切實尊重中國的領土主權')), all.join(' | '));
      assert.ok(!all.some((x) => x.startsWith(c('菲律賓 '))), all.join(' | '));
    },
  );
  bothScripts(
    'a journalist’s question is read for the statements it reports; the answers, a transcript’s, are the spokesperson’s',
    page,
    (a, c) => {
      assert.deepEqual(
        quotes(a),
        [
          '林國棟: 美方的做法嚴重違反雙方的共識，向分裂勢力發出錯誤信號。中方對此堅決反對。',
          '陳大文: 菲方將繼續在該海域開展補給行動。',
          '林國棟: 該島礁是中國領土的一部分。我們要求菲方切實尊重中國的領土主權。',
        ].map(c),
      );
    },
  );
  bothScripts('此 stands for the answer before it, not its speaker’s name', page, (a, c) => {
    const all = stances(a);
    assert.ok(
      all.includes(c('中國 oppose 美方的做法嚴重違反雙方的共識，向分裂勢力發出錯誤信號')),
      all.join(' | '),
    );
  });
});

describe('what the two who spoke did together is the reporter’s', () => {
  quotesAre(
    '兩人同意… after the second speaker’s words ends them',
    '新聞\n\n林國棟同陳志明通電話。陳志明表示，美方願同中方保持溝通，管控分歧。兩人同意繼續保持聯繫。',
    ['陳志明: 美方願同中方保持溝通，管控分歧。'],
  );
});

describe('a quotation over several paragraphs', () => {
  quotesAre(
    'each paragraph opens the mark again and the last closes it: one direct quote',
    '新聞\n\n林國棟在會上發言時說：「我們今天面對的挑戰前所未有。\n\n「但我相信，只要大家團結一致，一定可以渡過難關。」\n\n會議其後通過了相關議案。',
    ['林國棟: 我們今天面對的挑戰前所未有。\n「但我相信，只要大家團結一致，一定可以渡過難關。'],
  );
  quotesAre(
    'a quotation left open with no paragraph going on with it runs to the paragraph’s end, without its mark',
    '新聞\n\n林國棟說：「我們今天面對的挑戰前所未有。\n\n會議其後通過了相關議案。',
    ['林國棟: 我們今天面對的挑戰前所未有。'],
  );
});

describe('府方 in Taiwan’s press', () => {
  quotesAre(
    'is the Presidential Office that speaks',
    '新聞\n\n府方今天強調，政府將持續維持兩岸現狀，不會改變。',
    ['總統府: 政府將持續維持兩岸現狀，不會改變。'],
  );
});

describe('a side and its spokesperson', () => {
  bothScripts(
    '陸方 in Taiwan’s press is China; a side’s spokesperson speaks for the side',
    '新聞\n\n陸委會今天表示，陸方應停止對台軍事施壓。陸方發言人則批評台方挑釁。',
    (a, c) => {
      assert.ok(!a.flatMap((x) => x.entities ?? []).some((e) => e.type === 'PER'));
      assert.deepEqual(stances(a), [c('中國 criticize 台方挑釁')]);
    },
  );
  bothScripts(
    'a country’s bare spokesperson still names no one',
    '新聞\n\n美國發言人批評中方。',
    (a) => {
      assert.deepEqual(stances(a), []);
    },
  );
});

describe('what the speaker did besides is the reporter’s', () => {
  bothScripts(
    '不過，他也… after reported speech ends it; his stance in it is still his',
    '新聞\n\n林國棟則表示，法方不贊成對華脫鈎，願同中方一道維護多邊主義。不過，他也對烏克蘭局勢表示關切，呼籲各方保持克制。',
    (a, c) => {
      assert.deepEqual(quotes(a), [c('林國棟: 法方不贊成對華脫鈎，願同中方一道維護多邊主義。')]);
      assert.ok(stances(a).includes(c('林國棟 concern 烏克蘭局勢')), stances(a).join(' | '));
    },
  );
  quotesAre(
    '他還說 is the speaker’s own words again',
    '新聞\n\n林國棟表示，雙方應加強溝通，管控分歧。他還說，合作是唯一正確的選擇。',
    ['林國棟: 雙方應加強溝通，管控分歧。', '林國棟: 合作是唯一正確的選擇。'],
  );
});

describe('what the speaker went on to ask for is the reporter’s', () => {
  bothScripts(
    '…，並呼籲… with no mark after the verb ends the quote; the appeal is the speaker’s',
    '新聞\n\n林國棟今天批評，行政院的預算編列罔顧民意，並呼籲當局盡快檢討。',
    (a, c) => {
      assert.deepEqual(quotes(a), [c('林國棟: 行政院的預算編列罔顧民意')]);
      assert.deepEqual(stances(a), [c('林國棟 appeal 當局盡快檢討')]);
    },
  );
});

describe('what a stance stands on when its object is elsewhere', () => {
  bothScripts(
    '對此反對並予以譴責: both verbs stand on what 此 stands for',
    '新聞\n\n美國財政部宣布對多家中國企業實施制裁。中方對此堅決反對並予以強烈譴責。',
    (a, c) => {
      const targets = stances(a).map((x) => x.split(' ').slice(2).join(' '));
      assert.ok(targets.length >= 2, stances(a).join(' | '));
      for (const t of targets) assert.equal(t, c('美國財政部宣布對多家中國企業實施制裁'));
    },
  );
  bothScripts(
    'a body that issues a statement answers what the sentence before told, not its own clause',
    '新聞\n\n朝鮮5日試射一枚洲際彈道導彈。韓國外交部發表聲明，予以強烈譴責。日本外務省發表聲明，譴責該事件。',
    (a, c) => {
      assert.deepEqual(stances(a), [
        c('韓國外交部 criticize 朝鮮5日試射一枚洲際彈道導彈'),
        c('日本外務省 criticize 朝鮮5日試射一枚洲際彈道導彈'),
      ]);
    },
  );
});

describe('Cantonese 話 after a time phrase', () => {
  quotesAre(
    'X接受電台訪問時話， is X speaking; a clause no person opens is no one',
    '新聞\n\n林國棟接受電台訪問時話，政府要向市民解釋清楚條例內容。記者問及此事時話，當局仍然在調查事件。',
    ['林國棟: 政府要向市民解釋清楚條例內容。'],
  );
});

describe('a reporter’s credit in brackets that opens the story', () => {
  quotesAre(
    '〔記者X／台北報導〕, 【記者X/綜合報導】, （記者X報導） and a wire’s dateline before one name no speaker',
    '新聞\n\n〔記者林國棟／台北報導〕國防部今（12）日表示，共機持續在海峽周邊活動。\n\n【記者陳美玲/綜合報導】行政院長張志強今天表示，政府將全力協助受災民眾。\n\n（記者王大明報導）外交部發言人說，我國將持續與友邦合作。\n\n【新報2025年7月5日訊】（新報記者李文華報導）經濟部今天表示，出口訂單連續三個月成長。',
    [
      '國防部: 共機持續在海峽周邊活動。',
      '張志強: 政府將全力協助受災民眾。',
      '外交部: 我國將持續與友邦合作。',
      '經濟部: 出口訂單連續三個月成長。',
    ],
  );
});

describe('代表 as a title and as a verb', () => {
  quotesAre(
    'a group’s or a side’s representative speaks; whom a person represents does not',
    '新聞\n\n工會代表林國棟表示，當局的諮詢時間太短，市民無從表達意見。中方代表陳美玲在會上說，各方應保持克制，避免局勢進一步升級。\n\n張志強代表林國棟表示，工會感謝各界長期以來的支持和幫助。',
    [
      '林國棟: 當局的諮詢時間太短，市民無從表達意見。',
      '陳美玲: 各方應保持克制，避免局勢進一步升級。',
      '張志強: 工會感謝各界長期以來的支持和幫助。',
    ],
  );
});

describe('表示 that expresses a feeling', () => {
  quotesAre(
    'condolences, gratitude and disappointment with a degree word are expressed, not said',
    '新聞\n\n林國棟對遇難者表示沉痛哀悼，並向家屬致以誠摯慰問。陳美玲表示非常失望，這次談判沒有取得任何進展。張志強表示，政府會全力協助遇難者家屬處理善後。',
    ['張志強: 政府會全力協助遇難者家屬處理善後。'],
  );
});

describe('a cue whose content opens on another cue', () => {
  quotesAre(
    '回應，認為… and 回應，指… are one quote each, brought in by the second cue',
    '新聞\n\n林國棟在同一節目中回應，認為政府應增撥資源支援基層家庭。陳美玲回應，指當局的做法完全不能接受，必須撤回。',
    ['林國棟: 政府應增撥資源支援基層家庭。', '陳美玲: 當局的做法完全不能接受，必須撤回。'],
  );
});

describe('a negation before the object of a light verb', () => {
  bothScripts(
    '尚未對X表示歡迎 and 沒有就X予以譴責 are negated; 對X表示歡迎 and 不斷對X表示感謝 are not',
    '新聞\n\n外長林國棟尚未對這一停火提議表示歡迎。山田一郎沒有就空襲事件予以譴責。陳美玲對這一停火提議表示歡迎。張志強不斷對救援人員表示感謝。',
    (a, c) => {
      const all = stances(a);
      assert.ok(all.includes(c('林國棟 welcome NOT 這一停火提議')), all.join(' | '));
      assert.ok(all.includes(c('山田一郎 criticize NOT 空襲事件')), all.join(' | '));
      assert.ok(all.includes(c('陳美玲 welcome 這一停火提議')), all.join(' | '));
      assert.ok(all.includes(c('張志強 praise 救援人員')), all.join(' | '));
    },
  );
});

describe('稱 after an agent noun', () => {
  quotesAre(
    '發言人稱 and 負責人稱 bring in speech; 人稱 of naming does not',
    '新聞\n\n外交部發言人稱，中方密切關注海峽局勢的發展。該公司負責人林國棟稱，公司將全力配合警方調查。\n\n他被人稱為「小諸葛」，因為他足智多謀。',
    ['外交部: 中方密切關注海峽局勢的發展。', '林國棟: 公司將全力配合警方調查。'],
  );
});

describe('a wire’s foreign dateline', () => {
  quotesAre(
    '（中央社倫敦5日法新電）, （中央社華盛頓5日綜合外電報導） and 據新華社電 before a space name no speaker',
    '新聞\n\n（中央社華盛頓5日綜合外電報導）美國總統林國棟今天表示，美方將對進口汽車加徵關稅。\n\n（中央社倫敦5日法新電）英國首相陳美玲今天表示，英國支持烏克蘭直到戰爭結束。\n\n據新華社電 聯合國秘書長張志強5日表示，各方應立即停火，保護平民安全。',
    [
      '林國棟: 美方將對進口汽車加徵關稅。',
      '陳美玲: 英國支持烏克蘭直到戰爭結束。',
      '張志強: 各方應立即停火，保護平民安全。',
    ],
  );
});

describe('會議指出 is the convener’s, 白皮書指出 the issuer’s', () => {
  quotesAre(
    'a meeting reported speaking is the body that convened it, or the body it is named for',
    '新聞\n\n新華社評論員文章說，任何人都不能阻擋這個國家發展的步伐。\n\n國務院新聞辦公室今天發表《新時代的國家安全》白皮書。白皮書指出，國家安全是民族復興的根基。\n\n中共中央政治局召開會議，分析研究當前經濟形勢。會議指出，今年以來經濟運行穩中向好。\n\n總理林國棟主持召開國務院常務會議。會議強調，要全力做好防汛抗旱各項工作。\n\n會議期間，陳美玲表示，各方應加強合作，共同應對挑戰。',
    [
      '新華社: 任何人都不能阻擋這個國家發展的步伐。',
      '國務院新聞辦公室: 國家安全是民族復興的根基。',
      '中共中央政治局: 今年以來經濟運行穩中向好。',
      '國務院: 要全力做好防汛抗旱各項工作。',
      '陳美玲: 各方應加強合作，共同應對挑戰。',
    ],
  );
  bothScripts(
    'an editorial issued 題為《…》的社評 speaks as its paper, also 文章指出 a paragraph on',
    '新聞\n\n《南方晨報》今天發表題為《合作才有出路》的社評。\n\n社評認為，兩國近來的貿易爭端損害了雙方企業的利益。社評說，我們反對任何形式的關稅壁壘。\n\n文章指出，對話是解決分歧的唯一途徑。',
    (a, c) => {
      assert.deepEqual(
        quotes(a),
        [
          '南方晨報: 兩國近來的貿易爭端損害了雙方企業的利益。',
          '南方晨報: 我們反對任何形式的關稅壁壘。',
          '南方晨報: 對話是解決分歧的唯一途徑。',
        ].map(c),
      );
      assert.deepEqual(stances(a), [c('南方晨報 oppose 任何形式的關稅壁壘')]);
    },
  );
  bothScripts(
    'a headline announcing a paper’s editorial (X社評：…) makes its 社評說 the paper’s; a plain headline does not',
    '南方晨報社評：合作才有出路\n\n社評認為，兩國近來的貿易爭端損害了雙方企業的利益。社評說，我們反對任何形式的關稅壁壘。',
    (a, c) => {
      assert.deepEqual(
        quotes(a),
        [
          '南方晨報: 兩國近來的貿易爭端損害了雙方企業的利益。',
          '南方晨報: 我們反對任何形式的關稅壁壘。',
        ].map(c),
      );
    },
  );
  bothScripts(
    'a headline naming a paper but no editorial gives 社評 no issuer',
    '南方晨報：合作才有出路\n\n社評認為，兩國近來的貿易爭端損害了雙方企業的利益。',
    (a) => assert.deepEqual(quotes(a), []),
  );
});

describe('verbs of saying with their manner', () => {
  quotesAre(
    '笑言：「…」, 憶述， and 如是說 bring in speech; 感嘆 with an object does not',
    '新聞\n\n林國棟笑言：「講真，我從來冇諗過要走。」陳美玲憶述，當時現場非常混亂，很多人受傷。\n\n「這是我們共同的責任，也是歷史賦予的使命。」王大明如是說。\n\n張志強感嘆時光飛逝，轉眼已經退休十年。',
    [
      '林國棟: 講真，我從來冇諗過要走。',
      '陳美玲: 當時現場非常混亂，很多人受傷。',
      '王大明: 這是我們共同的責任，也是歷史賦予的使命。',
    ],
  );
});

describe('a quotation after a cue is that cue’s', () => {
  quotesAre(
    '林國棟說：「…」陳美玲表示，… gives the quotation to 林國棟 alone; 「…」X強調，… gives it to X',
    '新聞\n\n林國棟說：「我從來沒有想過要離開這裏。」陳美玲表示，當時現場非常混亂。\n\n「政府必須盡快回應市民的訴求。」張志強強調，當局不能再拖延了。',
    [
      '林國棟: 我從來沒有想過要離開這裏。',
      '陳美玲: 當時現場非常混亂。',
      '張志強: 政府必須盡快回應市民的訴求。',
      '張志強: 當局不能再拖延了。',
    ],
  );
});

describe('佢 in Cantonese reporting', () => {
  quotesAre(
    '佢又批評… is what the speaker did, told by the reporter; 佢又話， is the speaker again',
    '新聞\n\n羅國棟話，佢哋會繼續監察政府，「我哋唔會放棄」。佢又批評當局漠視民意。\n\n陳美玲話，佢哋會繼續監察政府的施政。佢又話，市民有權知道事件的真相。',
    [
      '羅國棟: 佢哋會繼續監察政府，「我哋唔會放棄」。',
      '陳美玲: 佢哋會繼續監察政府的施政。',
      '陳美玲: 市民有權知道事件的真相。',
    ],
  );
});

describe('a place and a title many hold', () => {
  quotesAre(
    'a scholar or an expert of a place is no one in particular; a foreign minister of a state is',
    '新聞\n\n一位不願具名的北京學者對記者說，當局對言論的管控越來越嚴。台灣專家指出，這次演習的規模前所未見。也門外長表示，各方應立即停火，回到談判桌。',
    ['也門外長: 各方應立即停火，回到談判桌。'],
  );
});

describe('a body’s report speaking', () => {
  quotesAre(
    'X的報告認為 is X’s, nested in the speaker’s quote too; X的盟友認為 is no one’s',
    '新聞\n\n林國棟指出，世界銀行的報告認為，全球經濟今年將明顯放緩。\n\n國際貨幣基金組織的最新報告指出，亞洲經濟仍然保持強勁增長。美國的盟友認為，這一做法十分危險。',
    [
      '林國棟: 世界銀行的報告認為，全球經濟今年將明顯放緩。',
      '世界銀行: 全球經濟今年將明顯放緩。',
      '國際貨幣基金組織: 亞洲經濟仍然保持強勁增長。',
    ],
  );
});

describe('the side a statement’s 我們 speaks for', () => {
  bothScripts(
    'an X方 the statement urges is the other side wherever it stands (美方此舉…); its own 中方 still counts',
    '新聞\n\n發言人林國棟表示，我們堅決反對美方向該地區出售武器。美方此舉嚴重違反雙方的承諾。我們敦促美方停止有關做法。\n\n發言人陳美玲表示，中方已多次表明立場。美方威脅對中方實施制裁。我們敦促美方立即糾正錯誤。',
    (a, c) => {
      assert.deepEqual(
        stances(a),
        [
          '林國棟 oppose 美方向該地區出售武器',
          '林國棟 demand 美方停止有關做法',
          '中國 demand 美方立即糾正錯誤',
        ].map(c),
      );
    },
  );
  bothScripts(
    'a body that holds its own press briefing speaks through its spokesperson’s 我們',
    '新聞\n\n商務部今天上午舉行例行新聞發佈會，發言人林國棟回答記者提問。林國棟表示，我們堅決反對任何單方面改變現狀的行為。\n\n海洋研究所今天發表報告，發言人陳美玲接受訪問時表示，我們支持加強區域合作。',
    (a, c) => {
      assert.deepEqual(
        stances(a),
        ['商務部 oppose 任何單方面改變現狀的行為', '陳美玲 support 加強區域合作'].map(c),
      );
    },
  );
});

describe('a reporter’s question', () => {
  bothScripts(
    'a title before the words of a question names no one (發言人有何回應); a stance told in the question stands on what follows the colon',
    '新聞\n\n有記者問：鄰國日前宣佈新的出口管制措施，多家企業表示歡迎。對此有何評論？請問發言人有何回應？專家如何看待？\n\n有記者問：鄰國議會通過了一項援助法案，日本政府表示感謝。',
    (a, c) => {
      const names = a.flatMap((x) => x.entities ?? []).filter((e) => e.type === 'PER');
      assert.deepEqual(names, []);
      assert.deepEqual(stances(a), ['日本 praise 鄰國議會通過了一項援助法案'].map(c));
    },
  );
});

describe('希望 addressed to both sides of the strait', () => {
  bothScripts(
    '希望兩岸恢復對話 is an appeal; 希望兩岸關係好轉 is a wish',
    '新聞\n\n林國棟表示，希望兩岸盡快恢復對話。陳美玲表示，希望兩岸關係早日好轉。',
    (a, c) => {
      assert.deepEqual(stances(a), ['林國棟 appeal 兩岸盡快恢復對話'].map(c));
    },
  );
});

describe('a side named for a country whose capital opens with its name', () => {
  bothScripts(
    '巴方 on a page naming 巴西 and its capital 巴西利亞 is 巴西, not the lexicon’s 巴基斯坦',
    '新聞\n\n應巴西總統邀請，林國棟對巴西進行國事訪問。兩國元首在巴西利亞舉行會談。巴方重申堅定奉行一貫的外交政策，支持中國政府推動南南合作的努力。',
    (a, c) => {
      assert.deepEqual(stances(a), ['巴西 support 中國政府推動南南合作的努力'].map(c));
    },
  );
});

describe('who attended, closing a meeting’s report', () => {
  quotesAre(
    'X、Y等參加會見 after a quote is the reporter’s, not the speaker’s; 等到…參加會談 in the speech stays',
    '新聞\n\n林國棟表示，雙方支持在區域事務中發揮積極作用。外交部長陳美玲、發展委員會主任王大明等參加會見。\n\n張志強說，雙方將等到明年再舉行下一輪會談，屆時兩國外長都會參加會談。',
    [
      '林國棟: 雙方支持在區域事務中發揮積極作用。',
      '張志強: 雙方將等到明年再舉行下一輪會談，屆時兩國外長都會參加會談。',
    ],
  );
});

describe('a state’s delegate named by no name', () => {
  bothScripts(
    '法國代表說 is the state speaking, 俄羅斯代表則批評 its stance; 法國代表林國棟說 is the person',
    '新聞\n\n法國代表說，停火刻不容緩，各方必須立即採取行動。俄羅斯代表則批評鄰國一再阻撓安理會行動。法國代表林國棟說，人道援助必須盡快送達災區。',
    (a, c) => {
      assert.deepEqual(
        quotes(a),
        ['法國: 停火刻不容緩，各方必須立即採取行動。', '林國棟: 人道援助必須盡快送達災區。'].map(c),
      );
      assert.deepEqual(stances(a), ['俄羅斯 criticize 鄰國一再阻撓安理會行動'].map(c));
    },
  );
  bothScripts(
    'a delegate to bodies named at length (常駐維也納國際組織代表) is the person named after the title',
    '新聞\n\n俄羅斯常駐維也納國際組織代表林國棟表示，有關做法毫無建設性。挪威常駐維也納國際組織代表陳美玲批評鄰國拖延談判。',
    (a, c) => {
      assert.deepEqual(quotes(a), ['林國棟: 有關做法毫無建設性。'].map(c));
      assert.deepEqual(stances(a), ['陳美玲 criticize 鄰國拖延談判'].map(c));
    },
  );
  quotesAre(
    'a side opening the next sentence with a stance goes on in the speaker’s words',
    '新聞\n\n外長林國棟表示，雙方應通過對話解決分歧。中方反對任何形式的霸凌行徑。',
    ['林國棟: 雙方應通過對話解決分歧。中方反對任何形式的霸凌行徑。'],
  );
});

describe('a cue that says what a document is', () => {
  bothScripts(
    '一份要求停火的決議草案 is no one’s demand; 發表一項聲明，譴責… is the issuer’s stance',
    '新聞\n\n安理會週三就一份要求立即停火的決議草案進行表決。歐盟發表一項聲明，譴責鄰國的襲擊。',
    (a, c) => {
      assert.deepEqual(stances(a), ['歐盟 criticize 鄰國的襲擊'].map(c));
    },
  );
});

describe('an outlet alone in brackets before the story', () => {
  bothScripts(
    '（法廣RFI） and （德國之聲中文網） open the story; the holder is the clause’s own subject or no one',
    '新聞\n\n（法廣RFI）日本政府週三要求鄰國立即釋放被拘留的公民。\n\n（德國之聲中文網）多國週三要求立即停火。',
    (a, c) => {
      assert.deepEqual(stances(a), ['日本 demand 鄰國立即釋放被拘留的公民'].map(c));
    },
  );
});

describe('此 as “regarding this” before a cue', () => {
  quotesAre(
    'X對此表示，… and X就此表示，… are quotes; 作出回應 and 予以回應 are a response as a noun, and 上述表示 no cue',
    '新聞\n\n林國棟對此表示，雙方應當通過對話管控分歧。陳美玲就此表示，政府會認真研究各方的意見。\n\n張志強說，各方都應冷靜，中方將在適當時候作出回應。王大明重申了上述表示。',
    [
      '林國棟: 雙方應當通過對話管控分歧。',
      '陳美玲: 政府會認真研究各方的意見。',
      '張志強: 各方都應冷靜，中方將在適當時候作出回應。',
    ],
  );
});

describe('a journalist’s question after what they report', () => {
  quotesAre(
    '…。中方是否歡迎？ is the journalist’s, not the speaker’s',
    '新聞\n\n問：日本首相林國棟近日表示，日方希望同中方保持溝通。中方是否歡迎？\n\n答：中方一貫主張雙方相向而行。',
    ['林國棟: 日方希望同中方保持溝通。'],
  );
});

describe('a cue the segmenter keeps with its manner', () => {
  bothScripts(
    '強調指出, 一再強調 and 明確指出 bring in speech; 中方全力支持 and 衷心感謝 are stances',
    '新聞\n\n林國棟強調指出，有關問題必須通過對話協商解決。陳美玲一再強調，各方都應保持克制冷靜。王大明明確指出，中方的立場是一貫的、明確的。\n\n中方全力支持東道國辦好本屆峰會。張志強衷心感謝各國對災區的援助。',
    (a, c) => {
      assert.deepEqual(
        quotes(a),
        [
          '林國棟: 有關問題必須通過對話協商解決。',
          '陳美玲: 各方都應保持克制冷靜。',
          '王大明: 中方的立場是一貫的、明確的。',
        ].map(c),
      );
      assert.deepEqual(
        stances(a),
        ['中國 support 東道國辦好本屆峰會', '張志強 praise 各國對災區的援助'].map(c),
      );
    },
  );
});

describe('a condition before a stance with no object', () => {
  bothScripts(
    '如果X，中方將堅決反對: the target is X, without 如果',
    '新聞\n\n林國棟表示，如果鄰國一意孤行，中方將堅決反對。',
    (a, c) => {
      assert.deepEqual(stances(a), ['中國 oppose 鄰國一意孤行'].map(c));
    },
  );
});

describe('a name and others', () => {
  quotesAre(
    'X等人表示 and X等三名議員表示 are several speakers at once; X等待多時後表示 is X',
    '新聞\n\n林國棟等人表示，有關問題必須通過對話協商解決。陳美玲等三名議員表示，政府應盡快公布調查結果。王大明等待多時後表示，各方都應保持克制冷靜。',
    ['王大明: 各方都應保持克制冷靜。'],
  );
});

describe('a stance a statement or a meeting takes', () => {
  bothScripts(
    '聲明要求… is the issuer’s demand; 會議要求… the convener’s',
    '新聞\n\n外交部5日發表聲明。聲明要求鄰國立即停止干涉別國內政。\n\n海洋委員會今天召開會議。會議要求，各地區各部門要切實做好防颱準備。',
    (a, c) => {
      assert.deepEqual(
        stances(a),
        [
          '外交部 demand 鄰國立即停止干涉別國內政',
          '海洋委員會 demand 各地區各部門要切實做好防颱準備',
        ].map(c),
      );
    },
  );
  bothScripts(
    'a meeting no one on the page convened holds no stance',
    '新聞\n\n會議要求各方加強合作，共同應對挑戰。',
    (a) => {
      assert.deepEqual(stances(a), []);
    },
  );
});

describe('what followed a meeting', () => {
  quotesAre(
    '會談後，兩國總理共同見證… is the reporter’s, after the speaker’s words',
    '新聞\n\n林國棟表示，新方支持中國加入有關協定。會談後，兩國總理共同見證簽署多項合作文件。',
    ['林國棟: 新方支持中國加入有關協定。'],
  );
});

describe('與 inside a body’s name before a speaker', () => {
  quotesAre(
    '戰略與國際研究中心研究員X認為 is X’s; X與Y會談時表示 stays X’s',
    '新聞\n\n戰略與國際研究中心研究員林國棟認為，短期內達成全面協議的可能性不高。陳美玲與王大明會談時表示，雙方應加強合作應對挑戰。',
    ['林國棟: 短期內達成全面協議的可能性不高。', '陳美玲: 雙方應加強合作應對挑戰。'],
  );
});

describe('a cable sent is no dispatch', () => {
  bothScripts(
    'X1日致電Y，祝賀… is X’s congratulation: 致電 after a date is no wire’s dateline',
    '新聞\n\n國家主席林國棟1日致電鄰國總統陳美玲，祝賀她再次當選。\n\n中央社台北1日電 總統王大明1日致電友邦總統張志強，感謝友邦長期支持。',
    (a, c) => {
      assert.deepEqual(
        stances(a).map((s) => s.split(' ').slice(0, 2).join(' ')),
        ['林國棟 praise', '王大明 praise'].map(c),
      );
    },
  );
});

describe('a stance inside the object of thanks', () => {
  bothScripts(
    '感謝友邦長期支持: the support is the friends’, whom no name covers, not the thanker’s',
    '新聞\n\n林國棟感謝友邦長期支持。',
    (a, c) => {
      assert.deepEqual(stances(a), ['林國棟 praise 友邦長期支持'].map(c));
    },
  );
});

describe('a Hong Kong judge by surname', () => {
  quotesAre(
    '陳官 after 法官陳美玲 is that judge; 高官 is no one',
    '新聞\n\n法官陳美玲裁定被告罪成。陳官在判詞中指出，被告的言論足以引起市民對政府的憎恨。\n\n高官表示，政府會研究判詞的內容再作決定。',
    ['陳美玲: 被告的言論足以引起市民對政府的憎恨。'],
  );
});

describe('Taiwan’s parties by their colours, and an official by surname and office', () => {
  bothScripts(
    '藍白 are 國民黨 and 民眾黨, 藍營 is 國民黨, 綠營立委 are members no one named; 賴總統 and 卓揆 are the people the page names',
    '新聞\n\n國民黨團與民眾黨團今天召開記者會。黃國昌說，藍白支持地方財政自主。綠營立委批評修法草率，藍營則反對延長會期。\n\n總統賴清德日前受訪。發言人表示，賴總統支持行政院的決定。行政院長卓榮泰晚間受訪。卓揆強調，行政院尊重立法院的職權。',
    (a, c) => {
      assert.deepEqual(
        stances(a),
        [
          '中國國民黨+台灣民眾黨 support 地方財政自主',
          '中國國民黨 oppose 延長會期',
          '賴清德 support 行政院的決定',
        ].map(c),
      );
      assert.ok(quotes(a).includes(c('卓榮泰: 行政院尊重立法院的職權。')), quotes(a).join(' / '));
    },
  );
  bothScripts(
    'colours on a page that names none of the parties are colours',
    '新聞\n\n林國棟說，藍白相間的校服很受歡迎，藍白兩色也是學校的代表色。',
    (a) => {
      assert.deepEqual(stances(a), []);
    },
  );
});

describe('members of both sides', () => {
  bothScripts(
    '雙方官員 are officials no one named: no holder; 雙方 itself holds',
    '新聞\n\n日本和韓國都派員出席。雙方官員同意加強溝通。雙方同意加快自貿協定談判。',
    (a, c) => {
      assert.deepEqual(stances(a), ['日本+韓國 agree 加快自貿協定談判'].map(c));
    },
  );
});

describe('negations that are none, and no one', () => {
  bothScripts(
    '不得不反對 opposes; 對此不予支持 stands on what came before; 沒有人支持 is no one’s',
    '新聞\n\n林國棟表示，鄰國擅自修改協議。中方對此不予支持。中方不得不反對這項提案。沒有人支持這項提案。',
    (a, c) => {
      assert.deepEqual(
        stances(a),
        ['中國 support NOT 鄰國擅自修改協議', '中國 oppose 這項提案'].map(c),
      );
    },
  );
});

describe('an office qualified in brackets', () => {
  bothScripts(
    '助理處長（新界南）陳美玲…時稱 is 陳美玲, not the department; 時稱 is no name; 她呼籲… is her stance, told by the reporter',
    '新聞\n\n消防處助理處長（新界南）陳美玲在現場見記者時稱，消防員接報後七分鐘內到場。她呼籲市民切勿在走廊堆放雜物。',
    (a, c) => {
      assert.deepEqual(quotes(a), ['陳美玲: 消防員接報後七分鐘內到場。'].map(c));
      assert.deepEqual(stances(a), ['陳美玲 appeal 市民切勿在走廊堆放雜物'].map(c));
      const people = a.flatMap((x) => x.entities ?? []).filter((e) => e.type === 'PER');
      assert.deepEqual(
        people.map((e) => e.canonical),
        ['陳美玲'].map(c),
      );
    },
  );
});

describe('the two who met', () => {
  bothScripts(
    '兩人同意… and 他們也支持… after two people met are both of them; the counterpart is without the time',
    '新聞\n\n林國棟與陳美玲今天舉行會談。兩人同意加強雙邊合作。他們也支持擴大人文交流。\n\n兩位專家認為，經濟將會放緩，兩位官員同意延長談判。',
    (a, c) => {
      assert.deepEqual(
        stances(a),
        [
          '林國棟 meet 陳美玲',
          '林國棟+陳美玲 agree 加強雙邊合作',
          '林國棟+陳美玲 support 擴大人文交流',
        ].map(c),
      );
    },
  );
});

describe('ministers named by their group issuing a statement', () => {
  bothScripts(
    '七國集團外長發表聯合聲明，譴責… is the ministers’ stance, kept as written',
    '新聞\n\n七國集團外長發表聯合聲明，譴責鄰國的侵略行為。',
    (a, c) => {
      assert.deepEqual(stances(a), ['七國集團外長 criticize 鄰國的侵略行為'].map(c));
    },
  );
});

describe('a person called familiarly, and how something was said', () => {
  quotesAre(
    '小林 after 林國棟 is 林國棟; 說得最多的 is no report of what was said',
    '新聞\n\n主持人林國棟昨日出席活動。小林說，我認為這就是我個人在表達謝意，不代表任何機構。\n\n陳美玲對學生說得最多的，還是不要冒險去救人。',
    ['林國棟: 我認為這就是我個人在表達謝意，不代表任何機構。'],
  );
});

describe('what the words did, and a subject that closes on a quotation mark', () => {
  bothScripts(
    '這一表態引發討論 is the reporter’s; 《X》官方微博「Y」對此表示支持 stands on the sentence before',
    '新聞\n\n林國棟曾表示，延遲退休年齡是大勢所趨。這一表態引發公眾熱烈討論。\n\n兩位志願者在車站舉牌抗議，引來關注。《女聲報》官方微博「女權之聲」對此表示支持。',
    (a, c) => {
      assert.deepEqual(quotes(a), ['林國棟: 延遲退休年齡是大勢所趨。'].map(c));
      const all = stances(a);
      assert.equal(all.length, 1, all.join(' / '));
      assert.ok(all[0]?.startsWith(c('女聲報 support 兩位志願者在車站')), all.join(' / '));
    },
  );
});

describe('雙方 after countries joined as the sides of a meeting', () => {
  bothScripts(
    'a country joined to a list by 與 and 、 makes the sides; the country hosting is none of them',
    '新聞\n\n印尼與日本、韓國的官員在法國巴黎舉行磋商，雙方同意建立定期對話機制。\n\n越南和泰國在新加坡舉行會談。雙方同意加強邊境合作。',
    (a, c) => {
      assert.deepEqual(
        stances(a).filter((s) => s.includes('agree')),
        ['印尼+日本+韓國 agree 建立定期對話機制', '越南+泰國 agree 加強邊境合作'].map(c),
      );
    },
  );
});

describe('how a state takes its stance: 投票支持, 表態反對', () => {
  bothScripts(
    'a state voting for or against is its stance; votes counted for a bill are no one’s',
    '新聞\n\n英國投票支持決議草案，法國則投了棄權票。日本表態反對有關修正案。該法案以62票支持、38票反對獲得通過。',
    (a, c) => {
      assert.deepEqual(stances(a), ['英國 support 決議草案', '日本 oppose 有關修正案'].map(c));
    },
  );
});

describe('a verb coordinated after a cue shares its object', () => {
  bothScripts(
    '支持而不是反對X and 不支持也不鼓勵X stand on X',
    '新聞\n\n發言人林國棟說，中方支持而不是反對鄰國通過談判解決爭端。他又說，中方既不支持也不鼓勵任何一方升級衝突。',
    (a, c) => {
      assert.deepEqual(
        stances(a),
        [
          '中國 support 鄰國通過談判解決爭端',
          '中國 oppose NOT 鄰國通過談判解決爭端',
          '中國 support NOT 任何一方升級衝突',
        ].map(c),
      );
    },
  );
});

describe('該部 for a foreign state’s department of state', () => {
  quotesAre(
    'a foreign 國務院 is the 部 a later 該部 stands for; the last body ending in 部 otherwise',
    '新聞\n\n美國國務院週三發表聲明。該部表示，有關局勢令人深感不安。\n\n國防部今天召開記者會。該部指出，演習將於下週結束。',
    ['美國國務院: 有關局勢令人深感不安。', '國防部: 演習將於下週結束。'],
  );
});

describe('我國 in an official’s words', () => {
  bothScripts(
    '我國 is the country the speaker’s title names, or the side named nearby; else the speaker',
    '新聞\n\n日本首相山田一郎表示，我國將繼續支持烏克蘭。\n\n發言人林國棟說，中方一貫主張對話。我國堅決反對任何單邊制裁。\n\n陳美玲說，我國歡迎各國企業前來投資。',
    (a, c) => {
      assert.deepEqual(
        stances(a),
        ['日本 support 烏克蘭', '中國 oppose 任何單邊制裁', '陳美玲 welcome 各國企業前來投資'].map(
          c,
        ),
      );
    },
  );
});

describe('a person by surname and form of address after the words describing them', () => {
  quotesAre(
    '旅客陳先生表示…, after a relative clause with a place and a time too; 和女士們 names no one',
    '新聞\n\n昨天下午在車站等候列車回家的旅客陳先生表示對延誤感到十分無奈，心情很差。\n\n主持人向各位先生和女士們表示，晚會即將開始，請大家入座。',
    ['陳先生: 對延誤感到十分無奈，心情很差。'],
  );
});

describe('該院 and 該社 for the court, the hospital or the agency last named', () => {
  quotesAre(
    '該院認為 is the court last named, 該社指出 the agency; 該社區 and 該院長 are no reference',
    '新聞\n\n北城地方法院今天開庭。該院認為，被告有逃亡及串供之虞，應予羈押。\n\n南方通訊社發表評論。該社指出，有關做法違背市場規律，損人不利己。\n\n該社區居民表示，他們希望盡快恢復供水，生活才能正常。',
    [
      '北城地方法院: 被告有逃亡及串供之虞，應予羈押。',
      '南方通訊社: 有關做法違背市場規律，損人不利己。',
    ],
  );
});

describe('支持黨籍候選人 is a stance; 反對黨 a noun', () => {
  bothScripts(
    'a cue before 黨籍 or 黨員 stands on them; 反對黨 is the opposition, no one’s stance',
    '新聞\n\n南方黨今天召開中常會。該黨表示，將全力支持黨籍候選人。反對黨的議員對此表示不滿。',
    (a, c) => {
      assert.deepEqual(stances(a), [c('南方黨 support 黨籍候選人')]);
    },
  );
});

describe('對此 after a quotation and who said it', () => {
  bothScripts(
    '「…。」X說。Y對此批評… stands on what X said, not on 「X說」',
    '新聞\n\n「我們支持和平，而不是戰爭。」林國棟說。\n\n陳美玲對此批評說，個別國家的阻撓損害了地區的團結。',
    (a, c) => {
      assert.deepEqual(
        stances(a).filter((s) => s.includes('criticize')),
        [c('陳美玲 criticize 我們支持和平，而不是戰爭')],
      );
    },
  );
});

describe('該黨 for a party whose name has no 黨', () => {
  quotesAre(
    '在野黨X…該黨發言人 is X, named after the word for a party, not the last name ending in 黨',
    '新聞\n\n執政黨南方民主黨黨首林國棟在會後表示，這是實現正義的第一步。\n\n最大在野黨國民力量則強烈反對該法案。該黨首席發言人在聲明中批評，執政黨濫用多數席位，報復意圖明顯。',
    ['林國棟: 這是實現正義的第一步。', '國民力量: 執政黨濫用多數席位，報復意圖明顯。'],
  );
});

describe('該法案, 這項決議: the one a sentence before named', () => {
  bothScripts(
    'a document referred back to stands for the one named before, a paragraph between or not',
    '新聞\n\n國會昨天表決通過了一項加強網絡安全的法案。\n\n議長林國棟在會後表示，這是重要的一步。\n\n在野黨國民力量則強烈反對該法案。',
    (a, c) => {
      assert.deepEqual(stances(a), [c('國民力量 oppose 一項加強網絡安全的法案')]);
    },
  );
});

describe('a cue used as a noun with its qualifiers after a quotation mark', () => {
  quotesAre(
    '「X」勢力的嚴正警告 inside what someone says is a noun, and the quote stands; 嚴正警告，… still speaks',
    '新聞\n\n林國棟表示，這次演習是對「分裂」勢力的嚴正警告。陳美玲嚴正警告，任何挑釁都將付出代價。',
    ['林國棟: 這次演習是對「分裂」勢力的嚴正警告。', '陳美玲: 任何挑釁都將付出代價。'],
  );
  quotesAre(
    'a term in quotation marks inside what someone says is a word of its clause, not the end of a quotation',
    '新聞\n\n林國棟指出，「分裂」勢力宣稱代表民意，純屬謊言。\n\n陳美玲表示，軍方這次向「分裂」勢力發出嚴正警告，各方應保持冷靜。\n\n「我們支持和平，反對戰爭。」王大明說。',
    [
      '林國棟: 「分裂」勢力宣稱代表民意，純屬謊言。',
      '陳美玲: 軍方這次向「分裂」勢力發出嚴正警告，各方應保持冷靜。',
      '王大明: 我們支持和平，反對戰爭。',
    ],
  );
});

describe('a weekday between an unnamed office and its cue', () => {
  quotesAre(
    'X部長週三稱 and 外交大臣週一表示 are the office’s words, the country the body is of kept in the title; 週一鳴 after a title is a name',
    '新聞\n\n美國商務部長週三稱，美方將收緊出口管制措施。英國外交大臣週一表示，英方支持擴大自由貿易協定。新加坡國防部長週一鳴說，軍隊將加強海上巡邏。',
    [
      '美國商務部長: 美方將收緊出口管制措施。',
      '英國外交大臣: 英方支持擴大自由貿易協定。',
      '週一鳴: 軍隊將加強海上巡邏。',
    ],
  );
});

describe('a foreign name after its title ends before an adverb', () => {
  bothScripts(
    '總統X強烈譴責, 總統X未對…表示支持: 強烈 and 未 are no part of the name',
    '新聞\n\n南蘇丹總統卡爾多安強烈譴責鄰國的空襲行動。智利總統馬賽龍未對該協議表示支持。',
    (a, c) => {
      assert.deepEqual(stances(a), [
        c('卡爾多安 criticize 鄰國的空襲行動'),
        c('馬賽龍 support NOT 該協議'),
      ]);
    },
  );
});

describe('同日 is the same day, not 同 and a counterpart', () => {
  bothScripts(
    'X同日會晤Y meets Y; X同Y會晤 still meets Y',
    '新聞\n\n新西蘭外長皮爾森同日會晤了南非駐新西蘭大使。外長林國棟同山田一郎舉行會談。',
    (a, c) => {
      assert.deepEqual(stances(a), [c('皮爾森 meet 南非駐新西蘭大使'), c('林國棟 meet 山田一郎')]);
    },
  );
});

describe('South Korea’s 部長官 is one title', () => {
  bothScripts(
    '統一部長官X呼籲 is X, not 官X',
    '新聞\n\n韓國統一部長官鄭明浩呼籲朝鮮盡快回到對話桌前。',
    (a, c) => {
      assert.deepEqual(stances(a), [c('鄭明浩 appeal 朝鮮盡快回到對話桌前')]);
    },
  );
});

describe('a cue with no object after a clause of feeling about X', () => {
  bothScripts(
    '對X表示強烈不滿，並提出嚴正抗議 protests X, not the feeling',
    '新聞\n\n日本政府對南方的反制措施表示強烈不滿，並提出嚴正抗議。',
    (a, c) => {
      assert.deepEqual(stances(a), [c('日本 criticize 南方的反制措施')]);
    },
  );
});

describe('黨團 and 該黨團: the caucus last named', () => {
  bothScripts(
    'a caucus opening a clause in its leader’s words holds the stance; 黨團書記長 is an officer, no caucus',
    '新聞\n\n南方黨團總召林國棟表示，黨團聲援被起訴的前立委。\n\n北方黨團今天召開記者會。黨團書記長表示，該黨團反對這項預算。',
    (a, c) => {
      assert.deepEqual(stances(a), [
        c('南方黨團 support 被起訴的前立委'),
        c('北方黨團 oppose 這項預算'),
      ]);
    },
  );
});

describe('a short statement that goes on to an appeal', () => {
  quotesAre(
    'X表示，對Y感到遺憾，並呼籲… is a quote though little stands before the appeal; with more before it, the appeal ends it',
    '新聞\n\n林國棟表示，對判刑感到遺憾，並呼籲當局尊重言論自由。陳美玲表示，這次判刑明顯過重，違反比例原則，並呼籲當局撤回檢控。',
    ['林國棟: 對判刑感到遺憾，並呼籲當局尊重言論自由。', '陳美玲: 這次判刑明顯過重，違反比例原則'],
  );
});

describe('Cantonese 話 after another verb of speech', () => {
  quotesAre(
    '佢補充話，… is the speaker’s; 呢番話，… is no one speaking',
    '新聞\n\n陳家駒今日接受電台訪問。佢直言，政府今次嘅做法完全冇諮詢過業界。\n\n被問到會唔會考慮司法覆核，佢補充話，暫時未有呢個打算，但唔排除任何可能性。\n\n呢番話，令在場人士都好驚訝。',
    ['陳家駒: 政府今次嘅做法完全冇諮詢過業界。', '陳家駒: 暫時未有呢個打算，但唔排除任何可能性。'],
  );
});

describe('a stance left open or given no reason', () => {
  bothScripts(
    '不排除支持X takes no stance; 沒有理由反對X is a negated one',
    '新聞\n\n林國棟不排除支持該候選人的可能性。陳美玲沒有理由反對這項合作計劃。',
    (a, c) => {
      assert.deepEqual(stances(a), [c('陳美玲 oppose NOT 這項合作計劃')]);
    },
  );
});

describe('a cue in a clause that says who is meant', () => {
  bothScripts(
    '批評支持X的人士 criticizes them and supports nothing; 支持X的發展 is still support',
    '新聞\n\n林國棟批評支持分裂的人士混淆視聽。陳美玲表示支持香港的發展。',
    (a, c) => {
      assert.deepEqual(stances(a), [
        c('林國棟 criticize 支持分裂的人士混淆視聽'),
        c('陳美玲 support 香港的發展'),
      ]);
    },
  );
});

describe('對此 after a clause that says what the one before it did', () => {
  bothScripts(
    'X宣布Y，嚴重違反Z，中方對此堅決反對 stands on X宣布Y too, not only on the comment',
    '新聞\n\n林國棟表示，南國宣布向北島出售武器，嚴重違反雙方的協議，中方對此堅決反對。',
    (a, c) => {
      assert.deepEqual(stances(a), [c('中國 oppose 南國宣布向北島出售武器，嚴重違反雙方的協議')]);
    },
  );
});

describe('a clause that goes on from one with an adjective-tagged verb', () => {
  bothScripts(
    'X尊重Y的決定，並要求Z…: X asks, not Y (尊重 read as an adjective, 決定 as the verb)',
    '新聞\n\n林國棟表示，民眾黨尊重立法院的決定，並呼籲行政院盡快提出說明。',
    (a, c) => {
      assert.deepEqual(stances(a), [c('民眾黨 appeal 行政院盡快提出說明')]);
    },
  );
});

describe('a stance in a clause a verb of speech brings in with no mark', () => {
  bothScripts(
    'X認為Y支持Z, X指Y支持Z: Y holds it; X支持Z after 指出 and an object still X’s',
    '新聞\n\n林國棟認為民眾黨支持這項預算。陳美玲指美國支持台灣加入國際組織。王大明指出日本的問題並表示反對這項協議。',
    (a, c) => {
      assert.deepEqual(stances(a), [
        c('民眾黨 support 這項預算'),
        c('美國 support 台灣加入國際組織'),
        c('王大明 oppose 這項協議'),
      ]);
    },
  );
});

describe('cues of manner and a cue with 說 after it', () => {
  quotesAre(
    '直指，… and 坦承，… speak; 強調說，… is one quote, not two; 直指要害 takes an object',
    '新聞\n\n林國棟直指，當局的做法根本無法解決問題。陳美玲坦承，這次選舉結果令人失望。王大明強調說，任何人都不能凌駕於法律之上。\n\n這番評論直指要害。',
    [
      '林國棟: 當局的做法根本無法解決問題。',
      '陳美玲: 這次選舉結果令人失望。',
      '王大明: 任何人都不能凌駕於法律之上。',
    ],
  );
});

describe('前者 and 後者, and 雙方 for two people', () => {
  bothScripts(
    'after two people named, 後者 is the second and 前者 the first; 雙方 with no countries on the page is both',
    '新聞\n\n林國棟昨日與陳美玲會面。後者表示，雙方在多項議題上取得共識，合作前景廣闊。\n\n王大明與周小華通電話。前者表示，會談氣氛坦誠友好，雙方同意保持溝通。',
    (a, c) => {
      assert.deepEqual(quotes(a), [
        c('陳美玲: 雙方在多項議題上取得共識，合作前景廣闊。'),
        c('王大明: 會談氣氛坦誠友好，雙方同意保持溝通。'),
      ]);
      assert.ok(stances(a).includes(c('王大明+周小華 agree 保持溝通')), stances(a).join(' | '));
    },
  );
});

describe('an office standing alone for the one person the page named with it', () => {
  quotesAre(
    '行政長官X… ¶ 特首表示 is X (特首 another name of the office); with two presidents named, 總統表示 is no one',
    '新聞\n\n行政長官林國棟今日出席立法會答問大會。\n\n特首表示，政府會繼續推動北部都會區發展。他續稱，明年首季將公布具體時間表。\n\n南國總統陳美玲和北國總統王大明昨日會面。總統表示，兩國關係正處於歷史最好時期。',
    ['林國棟: 政府會繼續推動北部都會區發展。', '林國棟: 明年首季將公布具體時間表。'],
  );
});

describe('a named spokesperson of a person, and that person’s office after', () => {
  bothScripts(
    'X的發言人Y表示 is Y’s; 秘書長對Z深感關切 in it is X’s concern',
    '新聞\n\n聯合國秘書長林國棟的發言人陳美玲表示，秘書長對加沙的人道主義局勢深感關切。',
    (a, c) => {
      assert.deepEqual(quotes(a), [c('陳美玲: 秘書長對加沙的人道主義局勢深感關切。')]);
      assert.deepEqual(stances(a), [c('林國棟 concern 加沙的人道主義局勢')]);
    },
  );
});

describe('a head of government’s office speaks; its unnamed senior officials do not', () => {
  quotesAre(
    'X總理府發言人表示 and 首相官邸發表聲明說 are the office’s words; X高級官員對記者說 is no one’s',
    '新聞\n\n德國總理府發言人表示，總理將於下周訪問北京，與中方領導人舉行會談。\n\n日本首相官邸發表聲明說，政府將密切關注事態發展並採取必要措施。\n\n美國國務院高級官員對記者說，兩國將於下月舉行峰會討論關稅問題。',
    [
      '德國總理府: 總理將於下周訪問北京，與中方領導人舉行會談。',
      '日本首相官邸: 政府將密切關注事態發展並採取必要措施。',
    ],
  );
});

describe('該國 and a ministry or an office', () => {
  bothScripts(
    '該國外交部 is the ministry of the country last named; 該國外務大臣 that country’s minister',
    '新聞\n\n菲律賓海警船昨日在南海與對方船隻對峙。該國外交部隨後發表聲明，強烈抗議對方的危險行為。\n\n日本政府今天宣布新的制裁措施。該國外務大臣表示，日方將與七國集團協調立場。',
    (a, c) => {
      assert.deepEqual(quotes(a), [c('日本外務大臣: 日方將與七國集團協調立場。')]);
      assert.deepEqual(stances(a), [c('菲律賓外交部 criticize 對方的危險行為')]);
    },
  );
});

describe('a body another country’s lexicon name ends with, after a country', () => {
  quotesAre(
    '菲律賓海警表示 is the Philippine coast guard, not China’s; 中國海警表示 is China’s',
    '新聞\n\n菲律賓海警表示，對方船隻實施了危險攔截行動。中國海警表示，對方船隻非法闖入有關海域。',
    ['菲律賓海警: 對方船隻實施了危險攔截行動。', '中國海警: 對方船隻非法闖入有關海域。'],
  );
});

describe('X今天轉述Y的話說: words relayed', () => {
  quotesAre(
    'a time word between the relaying speaker and 轉述 still makes the words Y’s and X’s',
    '新聞\n\n總統府發言人陳美玲今天轉述總統林國棟的話說，政府會全力協助受災民眾重建家園。',
    ['林國棟: 政府會全力協助受災民眾重建家園。', '陳美玲: 政府會全力協助受災民眾重建家園。'],
  );
});

describe('a dateline in brackets before what a stance stands on', () => {
  bothScripts(
    '（中央社記者X台北8日電）立法院今天通過…，Y表示強烈反對: the target is what was done, not the dateline',
    '新聞\n\n圖為立法院議場。（中央社檔案照片）（中央社記者周文華台北8日電）立法院今天三讀通過集會遊行法修正案，民進黨團表示強烈反對。',
    (a, c) => {
      assert.deepEqual(stances(a), [c('民進黨團 oppose 立法院今天三讀通過集會遊行法修正案')]);
    },
  );
});

describe('an abbreviation defined in brackets', () => {
  bothScripts(
    '美國在台協會（AIT）… AIT歡迎…: the abbreviation stands for the body',
    '新聞\n\n美國在台協會（AIT）處長林國棟今天發文指出，AIT歡迎國務院的聲明。',
    (a, c) => {
      assert.deepEqual(stances(a), [c('美國在台協會 welcome 國務院的聲明')]);
    },
  );
});

describe('a cue before a noun that opens like a noun suffix', () => {
  bothScripts(
    '支持方案, 反對派遣, 歡迎聲明 are stances (方, 派, 聲 open the object); 支持方, 反對派的支持度 are nouns',
    '新聞\n\n民主黨和公民黨都支持方案，但自由黨反對。日本反對派遣軍隊。歐盟歡迎聲明。支持方表示歡迎。民調顯示反對派的支持度上升。韓國反對下調關稅。在各方支持下，計劃得以完成。',
    (a, c) => {
      assert.deepEqual(
        stances(a),
        [
          '民主黨+公民黨 support 方案',
          '自由黨 oppose 方案',
          '日本 oppose 派遣軍隊',
          '歐盟 welcome 聲明',
          '韓國 oppose 下調關稅',
        ].map(c),
      );
    },
  );
});

describe('表示歡迎，X則批評…', () => {
  bothScripts(
    'a welcome with no object before another side’s contrasting clause stands on what the sentence before told',
    '新聞\n\n智利國會今日通過明年度預算案。社會黨表示歡迎，共和黨則批評預算案過分擴張開支。',
    (a, c) => {
      assert.ok(
        stances(a).includes(c('社會黨 welcome 智利國會今日通過明年度預算案')),
        stances(a).join(' | '),
      );
    },
  );
});

describe('a credit in brackets before the clause', () => {
  bothScripts(
    '（記者 周文華）衛生署表示… is the department’s; 林國棟（民主黨主席）表示 is 林國棟’s',
    '新聞\n\n（記者 周文華）衛生署表示，會密切留意疫情發展，並呼籲市民接種疫苗。\n\n林國棟（民主黨主席）表示，黨會繼續爭取市民的支持。',
    (a, c) => {
      assert.deepEqual(
        quotes(a).map((q) => q.split(':')[0]),
        ['衛生署', '林國棟'].map(c),
      );
      assert.deepEqual(stances(a), [c('衛生署 appeal 市民接種疫苗')]);
    },
  );
});

describe('a statement brought in whole: 全文如下', () => {
  bothScripts(
    '發表聲明，全文如下：「…」 over paragraphs is the issuer’s words; 名單如下：一、… is a list, no words',
    '新聞\n\n主席林國棟今日發表聲明，全文如下：\n\n「本會對法院的裁決深表遺憾，我們一直堅持和平理性的原則。\n\n「我們會繼續爭取市民的支持。」\n\n衛生署公布的名單如下：一、周文華；二、陳美玲。',
    (a, c) => {
      const all = quotes(a);
      assert.equal(all.length, 1, all.join(' | '));
      assert.ok(all[0]?.startsWith(c('林國棟: 本會對法院的裁決深表遺憾')), all.join(' | '));
    },
  );
});

describe('巴以', () => {
  bothScripts(
    '巴 beside 以 is Palestine; 中巴 is Pakistan',
    '新聞\n\n巴以停火協議今日生效。巴以雙方同意交換被扣押人員。中巴兩國同意加強經貿合作。',
    (a, c) => {
      assert.deepEqual(
        stances(a),
        ['巴勒斯坦+以色列 agree 交換被扣押人員', '中國+巴基斯坦 agree 加強經貿合作'].map(c),
      );
    },
  );
});

describe('members of two bodies', () => {
  bothScripts(
    '民建聯及工聯會議員聯署要求…: members no one names, not the first body; 民建聯、工聯會和經民聯均表示支持… is the three bodies',
    '新聞\n\n民建聯及工聯會議員聯署要求政府增加長者津貼。民建聯、工聯會和經民聯均表示支持政府的方案。',
    (a, c) => {
      assert.deepEqual(stances(a), [c('民建聯+工聯會+經民聯 support 政府的方案')]);
    },
  );
});

describe('a pronoun with the name in brackets after it', () => {
  quotesAre(
    '他（林國棟）表示 is 林國棟, though the name stands in the pronoun’s own clause',
    '新聞\n\n陳美玲與林國棟會面。他（林國棟）表示，雙方會繼續加強各領域的合作。',
    ['林國棟: 雙方會繼續加強各領域的合作。'],
  );
});

describe('黨團 with no caucus named', () => {
  bothScripts(
    'after 民進黨立委X, 黨團 is 民進黨團',
    '新聞\n\n民進黨立委周文華表示，黨團支持延長工時上限的修法。',
    (a, c) => {
      assert.deepEqual(stances(a), [c('民進黨團 support 延長工時上限的修法')]);
    },
  );
  bothScripts(
    'with no party named on the page, 黨團 is no one, not the speaker',
    '新聞\n\n立委林國棟表示，黨團反對這項修法。',
    (a) => {
      assert.deepEqual(stances(a), []);
    },
  );
});

describe('a pronoun and the names of its own clause', () => {
  bothScripts(
    '她對林國棟的支持表示感謝: 她 is the one named before 林國棟; 其表示 opening a clause is he or she',
    '新聞\n\n陳美玲與林國棟見面。她對林國棟的支持表示感謝。\n\n立委周文華昨日召開記者會。其表示，政府應盡快延長工時上限。',
    (a, c) => {
      assert.deepEqual(stances(a), [c('陳美玲 praise 林國棟的支持')]);
      assert.ok(quotes(a).includes(c('周文華: 政府應盡快延長工時上限。')), quotes(a).join(' | '));
      assert.deepEqual(quotes(a), [c('周文華: 政府應盡快延長工時上限。')]);
    },
  );
});

describe('a short form defined in brackets', () => {
  bothScripts(
    '香港民主促進會（民主促進會）… 民主促進會批評…: the short form stands for the body; 中國（大陸） defines nothing',
    '新聞\n\n香港民主促進會（民主促進會）今日發表聲明。民主促進會批評當局漠視民意。',
    (a, c) => {
      assert.deepEqual(stances(a), [c('香港民主促進會 criticize 當局漠視民意')]);
    },
  );
});

describe('告訴 with its addressee', () => {
  quotesAre(
    '告訴記者，…, 告訴本台，「…」 and 告訴BBC中文，「…」 bring in words; 告訴他們 with no mark does not',
    '新聞\n\n林國棟告訴記者，兩國需要找到管控分歧的新方式。陳美玲認為，兩國關係正進入困難階段。她告訴本台，「雙方應該盡快恢復對話」。山田一郎告訴BBC中文，「日本不會改變現有的政策」。職員告訴他們航班會延誤三個小時。',
    [
      '林國棟: 兩國需要找到管控分歧的新方式。',
      '陳美玲: 兩國關係正進入困難階段。',
      '陳美玲: 雙方應該盡快恢復對話',
      '山田一郎: 日本不會改變現有的政策',
    ],
  );
});

describe('稱其為: calling something a name', () => {
  quotesAre(
    '稱其為「…」 is no quote; 稱，這為… is',
    '新聞\n\n新聞社發表評論，強烈譴責兩國舉行的軍事演習，稱其為「危險的戰爭演練」。陳美玲稱，這為兩國關係發展帶來新的機遇和挑戰。',
    ['陳美玲: 這為兩國關係發展帶來新的機遇和挑戰。'],
  );
});

describe('a clause a verb of speech opens, after a comma', () => {
  bothScripts(
    '…發表聲明，表示美方對立法「深表關注」: 美方 holds the concern (not the spokesperson), on 立法 (對立 is no lead there); …，並表示中方支持…: 中方',
    '新聞\n\n美國國務院發言人林國棟發表聲明，表示美方對立法「深表關注」。山田一郎出席論壇，並表示日方支持多邊貿易體制。',
    (a, c) => {
      assert.deepEqual(stances(a), ['美國 concern 立法', '日本 support 多邊貿易體制'].map(c));
    },
  );
});

describe('a political leaning before an office', () => {
  bothScripts(
    '以色列極右翼國家安全部長X宣布辭職，抗議…: the minister protests, not the country; 英國保守派議員Y表示 is Y’s',
    '新聞\n\n以色列極右翼國家安全部長本-阿米爾宣布辭職，抗議政府與對方達成停火協議。英國保守派議員林國棟表示，他反對政府的移民政策。',
    (a, c) => {
      assert.deepEqual(
        stances(a),
        ['本-阿米爾 criticize 政府與對方達成停火協議', '林國棟 oppose 政府的移民政策'].map(c),
      );
    },
  );
});

describe('该專家 after an expert no one named', () => {
  quotesAre(
    'the unnamed expert last spoken of is who 該專家 is, not the person named before; after 專家X, X',
    '新聞\n\n陳美玲表示，公司一直嚴格遵守檢測標準。有知情專家質疑公司的解讀。該專家認為，抽檢的樣本數量明顯不足。\n\n專家林國棟出席論壇。該專家認為，政府應該增加抽檢的樣本數量。',
    ['陳美玲: 公司一直嚴格遵守檢測標準。', '林國棟: 政府應該增加抽檢的樣本數量。'],
  );
});

describe('对X提供支持, 对X给予支持', () => {
  bothScripts(
    'the target is the one after 对, not the words up to the cue',
    '新聞\n\n歐盟對烏克蘭提供軍事支持。日本對菲律賓給予全力支持。',
    (a, c) => {
      assert.deepEqual(stances(a), ['歐盟 support 烏克蘭', '日本 support 菲律賓'].map(c));
    },
  );
});

describe('指 of what a word refers to, and 只指', () => {
  quotesAre(
    '不是指, 主要指: no one speaking; 只指 and 亦指 after a speaker are speech, 只 no name',
    '新聞\n\n林國棟介紹，這筆費用絕對不是指藥物本身，而是運輸和儲存的成本。外交部發言人只指，事件仍在調查中，暫時不作評論。陳美玲亦指，政府會密切跟進事件的最新發展。',
    ['外交部: 事件仍在調查中，暫時不作評論。', '陳美玲: 政府會密切跟進事件的最新發展。'],
  );
});

describe('someone named by a role opening a clause', () => {
  bothScripts(
    '當事人堅決反對…, 捐款人…可以要求… inside a speaker’s words: no one named holds them; 他本人 is the speaker',
    '新聞\n\n林國棟表示，當事人堅決反對這項安排。陳美玲表示，捐款人對答覆有異議的，可以要求政府核查。周文華表示，他本人堅決反對這項安排。',
    (a, c) => {
      assert.deepEqual(stances(a), [c('周文華 oppose 這項安排')]);
    },
  );
});

describe('a sector as the subject', () => {
  bothScripts(
    '商界一直希望…, 教育界支持… inside a speaker’s words: a sector no one names holds them, not the speaker',
    '新聞\n\n周文華說，商界一直希望政府盡快與世界接軌。陳美玲表示，教育界支持增加撥款。林國棟表示，他支持增加撥款。',
    (a, c) => {
      assert.deepEqual(stances(a), [c('林國棟 support 增加撥款')]);
    },
  );
});

describe('an outlet citing someone: 援引X的話說', () => {
  quotesAre(
    'the words are the one cited, with or without a title, whatever part of speech the segmenter gives 援引',
    '新聞\n\n路透社援引外交部長林國棟的話說，政府不會放棄和平解決爭端的努力。美聯社援引山田一郎的話說，日方願意繼續推動經貿合作。',
    ['林國棟: 政府不會放棄和平解決爭端的努力。', '山田一郎: 日方願意繼續推動經貿合作。'],
  );
});

describe('a cue word as a noun after 有關, and a verb of speech ending its sentence', () => {
  bothScripts(
    '有關批評並不公允 takes no stance; …，會盡快回應。 does not cut the words before it',
    '新聞\n\n林國棟表示，有關批評並不公允，政府一直按計劃推展工作。陳美玲表示，政府重視相關要求，會盡快回應。',
    (a, c) => {
      assert.deepEqual(stances(a), []);
      assert.deepEqual(quotes(a), [
        c('林國棟: 有關批評並不公允，政府一直按計劃推展工作。'),
        c('陳美玲: 政府重視相關要求，會盡快回應。'),
      ]);
    },
  );
});

describe('a translator’s credit glued after the last quote', () => {
  quotesAre(
    '（編譯：X）and the wire code after the words are no part of them',
    '新聞\n\n部長林國棟回應說，南方將與對方積極協商，盡力減少對企業的衝擊。（編譯：張小明）1151205',
    ['林國棟: 南方將與對方積極協商，盡力減少對企業的衝擊。'],
  );
});

describe('wire and broadcaster openings, quoted names and analysts', () => {
  bothScripts(
    'an outlet and a place before a spaced dash are a dateline, never the holder or the speaker',
    '新聞\n\n環球之聲 華盛頓 — 美國國務卿週四說，美方反對任何單方面改變現狀的行為。\n\n環球之聲 倫敦 — 英國兩黨議員週三聯名致函首相，要求對相關官員實施制裁。',
    (a, c) => {
      assert.deepEqual(quotes(a), [c('美國國務卿: 美方反對任何單方面改變現狀的行為。')]);
      assert.ok(!stances(a).some((x) => x.startsWith(c('環球之聲'))), stances(a).join(' | '));
    },
  );
  bothScripts(
    'a committee’s name in quotation marks inside the speaker’s phrase is no quotation',
    '新聞\n\n眾議院「對華政策特別委員會」主席林國棟在聲明中說：「我們不能坐視不管，必須採取行動。」',
    (a, c) => {
      assert.deepEqual(quotes(a), [c('林國棟: 我們不能坐視不管，必須採取行動。')]);
    },
  );
  bothScripts(
    'a quotation that opens its sentence before the speaker is still one',
    '新聞\n\n「制裁未必能改變對方的決定」林國棟說。',
    (a, c) => {
      assert.deepEqual(quotes(a), [c('林國棟: 制裁未必能改變對方的決定')]);
    },
  );
  bothScripts(
    'an analyst or a researcher of a body no one names is no source; a named one is',
    '新聞\n\n北島政策研究中心分析師指出，企業對海外市場的依賴仍然很深。北島政策研究中心研究員陳美玲指出，企業對海外市場的依賴正在減少。',
    (a, c) => {
      assert.deepEqual(quotes(a), [c('陳美玲: 企業對海外市場的依賴正在減少。')]);
    },
  );
  bothScripts(
    'a committee convener is a title before the name',
    '新聞\n\n立法院外交及國防委員會召委林國棟受訪時說，對岸持續以灰色地帶手段施壓。',
    (a, c) => {
      assert.deepEqual(quotes(a), [c('林國棟: 對岸持續以灰色地帶手段施壓。')]);
    },
  );
});

describe('what the speaker adds after their words, and what 這 does', () => {
  bothScripts(
    'X表示，…，並呼籲…: the appeal is the speaker’s, whoever the clause before speaks of',
    '新聞\n\n立委林國棟表示，政府應該加強與鄰國溝通，並呼籲執政黨不要把國防議題政治化。',
    (a, c) => {
      assert.deepEqual(quotes(a), [c('林國棟: 政府應該加強與鄰國溝通')]);
      assert.deepEqual(stances(a), [c('林國棟 appeal 執政黨不要把國防議題政治化')]);
    },
  );
  bothScripts(
    'a quoted clause whose subject is 這 is no one’s stance, after a criticism or a cue of speech',
    '新聞\n\n林國棟批評北島持續向南島提供物資，「這實際上是在支持南島的戰爭機器」。陳美玲說，「這等於是在支持侵略」。',
    (a, c) => {
      assert.deepEqual(stances(a), [c('林國棟 criticize 北島持續向南島提供物資')]);
    },
  );
});

describe('an envoy posted abroad and what is gained or lost', () => {
  bothScripts(
    '中國駐X大使Y發文，批評…: the clause before lends the envoy, not the state that sends them',
    '新聞\n\n北島駐南島大使林國棟週二在社交媒體上發文，批評南島部分政客歪曲歷史。',
    (a, c) => {
      assert.deepEqual(stances(a), [c('林國棟 criticize 南島部分政客歪曲歷史')]);
    },
  );
  bothScripts(
    'support gained or lost, closing its clause, is a noun; support given is still a stance',
    '新聞\n\n林國棟說，「她很難在這個問題上讓步，否則會失去黨內支持」。陳美玲表示，政府正努力爭取國際社會支持。林國棟支持這項倡議。',
    (a, c) => {
      assert.deepEqual(stances(a), [c('林國棟 support 這項倡議')]);
    },
  );
});

describe('a pronoun after a quotation that names someone else', () => {
  bothScripts(
    '她 opening the sentence after the words is the speaker, for a quote and for a stance',
    '新聞\n\n發言人陳美玲說，林國棟頑固堅持錯誤立場，不斷製造對立。她並表示，我們願意與各方交流合作。她批評有關言論完全扭曲事實。',
    (a, c) => {
      assert.deepEqual(
        quotes(a),
        ['陳美玲: 林國棟頑固堅持錯誤立場，不斷製造對立。', '陳美玲: 我們願意與各方交流合作。'].map(
          c,
        ),
      );
      assert.deepEqual(stances(a), [c('陳美玲 criticize 有關言論完全扭曲事實')]);
    },
  );
  bothScripts(
    'a person named as a new subject after the words is still whom 他 stands for',
    '新聞\n\n發言人陳美玲說，雙方會繼續保持溝通。外長林國棟昨日會見了到訪的代表團。他表示，雙方應該加強各領域的務實合作。',
    (a, c) => {
      assert.deepEqual(
        quotes(a),
        ['陳美玲: 雙方會繼續保持溝通。', '林國棟: 雙方應該加強各領域的務實合作。'].map(c),
      );
    },
  );
});

describe('a clause brought in by 表示 lends its own subject to the clause after it', () => {
  bothScripts(
    '表示中方始終站在和平一邊，支持…: the side named after 表示 holds the support',
    '新聞\n\n外長林國棟介紹了中方的立場，表示中方始終站在和平一邊，支持一切有利於和平的努力。',
    (a, c) => {
      assert.deepEqual(stances(a), [c('中國 support 一切有利於和平的努力')]);
    },
  );
  bothScripts(
    'with no subject after 表示, the speaker still holds it',
    '新聞\n\n外長林國棟介紹了有關情況，表示將繼續推動對話，支持一切有利於和平的努力。',
    (a, c) => {
      assert.deepEqual(stances(a), [c('林國棟 support 一切有利於和平的努力')]);
    },
  );
});

describe('no need to: 唔使, 無須, 不必', () => {
  bothScripts(
    'a cue after a word saying there is no need is negated, in Cantonese and in written Chinese',
    '新聞\n\n林國棟說，「只要依法報道，根本唔使擔心呢啲批評」。陳美玲表示，無須擔心供應問題。山田一郎表示，不必反對這項計劃。',
    (a) => {
      const all = stances(a);
      assert.ok(all.length >= 3, all.join(' | '));
      assert.ok(
        all.every((x) => x.includes(' NOT ')),
        all.join(' | '),
      );
    },
  );
  bothScripts(
    'a cue after 使 or 用 as a verb of their own is not negated',
    '新聞\n\n林國棟說，會用一切方法支持受影響的企業。',
    (a, c) => {
      assert.deepEqual(stances(a), [c('林國棟 support 受影響的企業')]);
    },
  );
});

describe('a stance verb, its object and a quotation', () => {
  bothScripts(
    '批評X「…」 closing the clause: the words are the critic’s; a noun phrase in marks is not',
    '新聞\n\n此外，電視主播林小文在播報時批評陳美玲「每句話都荒謬到極點」，言論引發爭議。議員山田一郎譴責北島「對平民的無差別轟炸」。大使館發言人陳小華批評南島「捕風捉影、抹黑北島」。',
    (a, c) => {
      assert.deepEqual(quotes(a), [c('林小文: 每句話都荒謬到極點')]);
    },
  );
  bothScripts(
    'X反駁Y：「…」: the subject of the verb speaks, not its object before the colon',
    '新聞\n\n陳美玲在記者會上反駁林小文：「這些指控毫無根據，我會保留法律追究的權利。」林小文：「我們會繼續監察政府的一舉一動。」',
    (a, c) => {
      assert.deepEqual(
        quotes(a),
        [
          '陳美玲: 這些指控毫無根據，我會保留法律追究的權利。',
          '林小文: 我們會繼續監察政府的一舉一動。',
        ].map(c),
      );
    },
  );
});

describe('a mission named again by its kind, and what 此 stands for', () => {
  bothScripts(
    '公署 opening a clause is the commissioner’s office named last; 對此 takes in a clause with no subject that opens on 對',
    '新聞\n\n外交部駐港公署發言人今日表示，北島國務院發表所謂報告，對香港事務說三道四，公署對此表示強烈不滿和堅決反對。',
    (a, c) => {
      assert.deepEqual(stances(a), [
        c('外交部駐港公署 oppose 北島國務院發表所謂報告，對香港事務說三道四'),
      ]);
    },
  );
  bothScripts(
    '使館 opening a clause is the embassy named last',
    '新聞\n\n日本駐菲律賓大使館發表聲明。使館強烈譴責當地警方拘押日本公民。',
    (a, c) => {
      assert.deepEqual(stances(a), [c('日本駐菲律賓大使館 criticize 當地警方拘押日本公民')]);
    },
  );
});

describe('大陸方面 and the matter of a cue with no object', () => {
  bothScripts(
    '大陸方面 is China as a side; a cue closing its sentence stands on the clause whose doing the clause before says',
    '新聞\n\n國台辦發言人陳小華則批評，美方向台灣出售武器，嚴重違反一個中國原則，大陸方面堅決反對。',
    (a, c) => {
      assert.deepEqual(stances(a), [c('中國 oppose 美方向台灣出售武器，嚴重違反一個中國原則')]);
    },
  );
});

describe('an office with the portfolio it is in charge of', () => {
  bothScripts(
    'X負責Y的副秘書長Z: the relative clause before the office leads on to the name',
    '新聞\n\n聯合國負責人道主義事務的副秘書長林國棟向安理會通報情況時警告，加沙地帶有超過100萬人面臨糧食短缺。',
    (a, c) => {
      assert.deepEqual(quotes(a), [c('林國棟: 加沙地帶有超過100萬人面臨糧食短缺。')]);
    },
  );
});

describe('a court report: the judge by title, counsel no one names', () => {
  bothScripts(
    '法官 standing alone, where it was said between, is the judge the page named; unnamed counsel speaks no quote and carries no one',
    '新聞\n\n區域法院法官林國棟昨日判處被告入獄6年。\n\n法官在判詞中指出，被告身為公眾人物，理應以身作則。法官又形容，案中暴力程度嚴重，法庭必須判處具阻嚇性的刑罰。\n\n辯方律師求情時稱，被告並無案底，一直熱心服務社區，希望法庭輕判。',
    (a, c) => {
      assert.deepEqual(
        quotes(a),
        [
          '林國棟: 被告身為公眾人物，理應以身作則。',
          '林國棟: 案中暴力程度嚴重，法庭必須判處具阻嚇性的刑罰。',
        ].map(c),
      );
    },
  );
});

describe('a body referred to by its kind, and what was noticed', () => {
  bothScripts(
    '商會 opening a clause is the chamber named last, though a tagger reads it as a name; 中方注意到X，對此反對 opposes X',
    '新聞\n\n北島機電產品進出口商會有關負責人表示，商會對終裁結果深表失望，將全力支持相關企業通過法律途徑維權。\n\n發言人林國棟表示，中方注意到歐委會發布的終裁結果，對此強烈不滿、堅決反對。',
    (a, c) => {
      assert.deepEqual(
        stances(a),
        [
          '北島機電產品進出口商會 support 相關企業通過法律途徑維權',
          '中國 oppose 歐委會發布的終裁結果',
        ].map(c),
      );
    },
  );
});

describe('an editorial’s 我們 and a company’s chief', () => {
  bothScripts(
    '我們 is not the side named inside what it opposes; a company before its chief executive is a body, the chief speaks',
    '新聞\n\n社評：北島的圍堵注定失敗\n\n這是美方將經貿問題政治化的又一例證，我們對此堅決反對。\n\n光刻機巨頭阿斯麥首席執行官林國棟也曾公開說，對華出口管制「根本不會奏效」。',
    (a, c) => {
      assert.ok(!stances(a).some((x) => x.startsWith(c('美國'))), stances(a).join(' | '));
      assert.deepEqual(quotes(a), [c('林國棟: 對華出口管制「根本不會奏效」。')]);
    },
  );
});

describe('never tolerate, with never written 決不', () => {
  bothScripts(
    '決不容忍 is 絕不容忍: oppose',
    '新聞\n\n外長林國棟表示，中方決不容忍外部勢力干涉中國內政。',
    (a, c) => {
      assert.deepEqual(stances(a), [c('中國 oppose 外部勢力干涉中國內政')]);
    },
  );
});

describe('a person named by surname and role', () => {
  bothScripts(
    '陳老師 (a pseudonym) is the speaker 她 stands for, kept as written',
    '新聞\n\n四十歲的陳老師（化名）去年帶着孩子移居海外。「走的時候很不捨得，但為了孩子的將來，只能這樣做。」她說。',
    (a, c) => {
      assert.deepEqual(quotes(a), [c('陳老師: 走的時候很不捨得，但為了孩子的將來，只能這樣做。')]);
    },
  );
  bothScripts(
    'a role inside a word is no surname and role (實習醫生, 副教授)',
    '新聞\n\n一名實習醫生表示，醫院人手嚴重不足，工作量越來越大。副教授說，學生的壓力比以前大得多。',
    (a) => {
      assert.deepEqual(quotes(a), []);
    },
  );
});

describe('a modal and a preposition the segmenter glues', () => {
  bothScripts(
    '願同X…，堅定支持…: the glued 願同 is no noun that blocks the side before it from holding',
    '新聞\n\n外長林國棟會見斯里蘭卡外長。斯方感謝中方長期以來的幫助，願同中方加強協作，堅定支持彼此在核心利益問題上的立場。',
    (a, c) => {
      assert.ok(
        stances(a).includes(c('斯里蘭卡 support 彼此在核心利益問題上的立場')),
        stances(a).join(' | '),
      );
    },
  );
  bothScripts(
    'a count of people opening the clause still blocks it (兩人)',
    '新聞\n\n外長林國棟會見斯里蘭卡外長。斯方感謝中方長期以來的幫助，兩人堅定支持加強雙邊合作。',
    (a) => {
      assert.ok(!stances(a).some((x) => x.includes(' support ')), stances(a).join(' | '));
    },
  );
});

describe('what a critic asks for after what they criticize', () => {
  bothScripts(
    'X批評，政府…，要求當局…: the demand is the critic’s; after words of another kind it stays no one’s',
    '新聞\n\n議員林國棟批評，政府過去多年漠視舊樓安全問題，要求當局盡快成立獨立調查委員會。\n\n議員陳美玲表示，政府過去多年一直關注舊樓安全問題，要求業主盡快完成維修。',
    (a, c) => {
      assert.deepEqual(stances(a), [c('林國棟 demand 當局盡快成立獨立調查委員會')]);
    },
  );
});

describe('a party leader’s title sharing the party’s 黨', () => {
  bothScripts(
    'X黨首Y批評，…: the leader speaks, not the party',
    '新聞\n\n最大在野黨國民力量黨首林國棟批評，政府的對朝政策過於天真，只會讓對方得寸進尺。',
    (a, c) => {
      assert.deepEqual(quotes(a), [c('林國棟: 政府的對朝政策過於天真，只會讓對方得寸進尺。')]);
    },
  );
});

describe('straight double quotes typed on a Western keyboard', () => {
  bothScripts(
    '"…" in a line of Chinese is a quotation, before or after the speaker; an odd count is left alone',
    '新聞\n\n林國棟說："我們不會接受任何形式的脅迫，也不會退讓。"\n\n"我們會繼續推動對話，直到問題解決。"陳美玲說。',
    (a, c) => {
      assert.deepEqual(
        quotes(a),
        [
          '林國棟: 我們不會接受任何形式的脅迫，也不會退讓。',
          '陳美玲: 我們會繼續推動對話，直到問題解決。',
        ].map(c),
      );
    },
  );
});

describe('Hong Kong verbs of criticism and 強調指', () => {
  bothScripts(
    '直斥，and 狠批， bring in words; 強調指， is one quote',
    '新聞\n\n議員林國棟直斥，當局的做法完全罔顧市民的安全與權益。議員陳美玲狠批，政府的新措施只會令問題惡化。局長山田一郎強調指，政府不會因為壓力而改變既定立場。',
    (a, c) => {
      assert.deepEqual(
        quotes(a),
        [
          '林國棟: 當局的做法完全罔顧市民的安全與權益。',
          '陳美玲: 政府的新措施只會令問題惡化。',
          '山田一郎: 政府不會因為壓力而改變既定立場。',
        ].map(c),
      );
    },
  );
});

describe('a joint statement’s sides, each in its turn', () => {
  bothScripts(
    '巴方重申…。中方支持…: the second side’s sentence is no part of the first side’s words',
    '新聞\n\n習近平對巴西進行國事訪問。\n\n二、巴方重申堅定奉行一個中國原則，支持中國政府為實現國家統一所作的努力。中方支持巴方在國際事務中發揮更大作用。',
    (a, c) => {
      assert.deepEqual(quotes(a), [
        c('巴西: 堅定奉行一個中國原則，支持中國政府為實現國家統一所作的努力。'),
      ]);
    },
  );
});

describe('a party’s caucus named in full', () => {
  bothScripts(
    'X黨立法院黨團 holds its stances and is the same body as X黨團',
    '新聞\n\n國民黨立法院黨團今天召開記者會，批評行政院濫權，要求院長向國人道歉。',
    (a, c) => {
      assert.deepEqual(
        stances(a),
        ['國民黨立法院黨團 criticize 行政院濫權', '國民黨立法院黨團 demand 院長向國人道歉'].map(c),
      );
    },
  );
});

describe('我們 and a partner named in an appeal', () => {
  bothScripts(
    '我們希望歐方…同中方相向而行: the side 我們 speaks for is named as a partner, and still holds the appeal',
    '新聞\n\n中方對此表示強烈不滿。\n\n答：中歐是合作夥伴。我們希望歐方秉持客觀理性態度，同中方相向而行。',
    (a, c) => {
      assert.ok(
        stances(a).includes(c('中國 appeal 歐方秉持客觀理性態度，同中方相向而行')),
        stances(a).join(' | '),
      );
    },
  );
});

describe('two people speaking jointly', () => {
  bothScripts(
    'X與Y會談後共同會見記者時表示: several speakers at once, no quote; X會見Y時表示 is X’s',
    '新聞\n\n林國棟與陳美玲會談後共同會見記者時表示，兩國關係正處於歷史最好時期。\n\n林國棟會見陳美玲時表示，中方願同新方加強各領域交流合作。',
    (a, c) => {
      assert.deepEqual(quotes(a), [c('林國棟: 中方願同新方加強各領域交流合作。')]);
    },
  );
});

describe('a bare 國務院 on a page about the United States', () => {
  bothScripts(
    '國務院發言人 after the United States is named is its Department of State; after China’s State Council is named, China’s',
    '新聞\n\n美國總統今天簽署行政命令。美聯社引述國務院發言人的話說，美方對局勢深表關切。\n\n國務院總理林國棟今天主持國務院常務會議。國務院發言人表示，會議通過了多項措施。',
    (a, c) => {
      assert.deepEqual(
        quotes(a),
        ['美國國務院: 美方對局勢深表關切。', '國務院: 會議通過了多項措施。'].map(c),
      );
    },
  );
});

describe('我國 on a Taiwan page', () => {
  bothScripts(
    'a Taiwan dateline makes 我國, with no country of its speaker known, Taiwan',
    '新聞\n\n（本社記者林小文台北5日電）外交部今天表示，我國政府強烈譴責對岸在周邊海域的軍事演習。',
    (a, c) => {
      assert.deepEqual(stances(a), [c('台灣 criticize 對岸在周邊海域的軍事演習')]);
    },
  );
  bothScripts(
    'with no such dateline, 我國 stays the speaker’s',
    '新聞\n\n發言人林小文今天表示，我國政府強烈譴責對岸在周邊海域的軍事演習。',
    (a, c) => {
      assert.deepEqual(stances(a), [c('林小文 criticize 對岸在周邊海域的軍事演習')]);
    },
  );
});

describe('a degree word and a verb read as one noun', () => {
  bothScripts(
    'X方高度評價…，祝賀…: 高度評價 is the first clause’s verb, so the clause lends its subject',
    '新聞\n\n越方高度評價中國人民取得的發展成就，祝賀中方成功舉辦博覽會。',
    (a, c) => {
      assert.deepEqual(stances(a), [c('越南 praise 中方成功舉辦博覽會')]);
    },
  );
});

describe('a person the page named, again where a place opens the name', () => {
  bothScripts(
    '韓國棟表示 after 院長韓國棟: the person speaks, not 韓國',
    '新聞\n\n立法院長韓國棟今天主持院會。\n\n韓國棟表示，各黨團應當理性問政，尊重議事規則。',
    (a, c) => {
      assert.deepEqual(quotes(a), [c('韓國棟: 各黨團應當理性問政，尊重議事規則。')]);
      const names = a.flatMap((x) => x.entities ?? []).map((e) => e.canonical);
      assert.ok(!names.includes(c('韓國')), names.join(' '));
    },
  );
});

describe('a verb of speech bringing in a clause on a common noun', () => {
  bothScripts(
    '又指政府會繼續支持…: 政府 holds the support, not the speaker; 又指林國棟支持… is 林國棟’s',
    '新聞\n\n局長陳美玲感謝全港教師，又指政府會繼續支持教師專業發展。\n\n局長陳美玲又指林國棟支持教師專業發展。',
    (a, c) => {
      assert.deepEqual(stances(a), [c('陳美玲 praise 全港教師'), c('林國棟 support 教師專業發展')]);
    },
  );
});

describe('a spokesperson whose body the segmenter reads as a verb', () => {
  bothScripts(
    '組織發言人陳太稱: the spokesperson named by surname speaks',
    '新聞\n\n有家長組織發起聯署。組織發言人陳太稱，聯署至今已收集逾三千個簽名。',
    (a, c) => {
      assert.deepEqual(quotes(a), [c('陳太: 聯署至今已收集逾三千個簽名。')]);
    },
  );
});

describe('Cantonese 唔係 … 而係 …', () => {
  bothScripts(
    '我哋唔係反對X，而係反對Y: X is not opposed (negated), Y is',
    '新聞\n\n議員陳美玲直言：「我哋唔係反對發展，而係反對冇諮詢。」',
    (a, c) => {
      const all = a.flatMap((x) => x.stances ?? []);
      assert.deepEqual(
        all.map((s) => `${s.target} ${s.negated ? 'negated' : 'held'}`),
        [c('發展 negated'), c('冇諮詢 held')],
      );
    },
  );
});

describe('negation through a modal or an intention', () => {
  bothScripts(
    '不可能支持, 不打算反對, 不願意譴責, 不準備支持, 不一定支持, 不會繼續支持, 未有譴責, 並無反對 are negated; 不得不譴責 and 不只是支持 are not',
    '新聞\n\n林國棟表示，民眾黨不可能支持這項預算。國民黨不打算反對這項法案。日方不願意譴責暴力行為。美方並不準備支持該決議。工黨不一定支持這項改革。歐盟不得不譴責有關襲擊。綠黨不只是支持減排。德國不會繼續支持這類援助。法國至今未有譴責有關暴力行為。意大利並無反對該計劃。',
    (a, c) => {
      const all = a.flatMap((x) => x.stances ?? []);
      assert.deepEqual(
        all.map((s) => `${s.target} ${s.negated ? 'negated' : 'held'}`),
        [
          '這項預算 negated',
          '這項法案 negated',
          '暴力行為 negated',
          '該決議 negated',
          '這項改革 negated',
          '有關襲擊 held',
          '減排 held',
          '這類援助 negated',
          '有關暴力行為 negated',
          '該計劃 negated',
        ].map(c),
      );
    },
  );
});

describe('a side named by a country’s first character, on the page’s country', () => {
  bothScripts(
    '澳方 on a page naming 澳門特區 is Macau; after 澳大利亞 Australia; 阿方 after 阿根廷 is Argentina, no person',
    '新聞\n\n澳門特區行政長官林國棟表示，澳方支持大灣區建設。阿根廷總統山田一郎表示，阿方支持自由貿易。',
    (a, c) => {
      assert.deepEqual(stances(a), ['澳門 support 大灣區建設', '阿根廷 support 自由貿易'].map(c));
    },
  );
  bothScripts(
    '澳方 after 澳大利亞 is Australia',
    '新聞\n\n澳大利亞總理陳美玲表示，澳方歡迎恢復直航。',
    (a, c) => {
      assert.deepEqual(stances(a), [c('澳大利亞 welcome 恢復直航')]);
    },
  );
});

describe('an act or a statement referred back to', () => {
  bothScripts(
    '這一言論 and 這種行為 stand for the sentence before, as 此 does',
    '新聞\n\n林國棟昨日在國會發表涉台錯誤言論。中方強烈譴責這一言論。\n\n新聞\n\n甲國軍隊空襲難民營。乙國外長陳美玲譴責這種行為。',
    (a, c) => {
      assert.deepEqual(
        stances(a),
        [
          '中國 criticize 林國棟昨日在國會發表涉台錯誤言論',
          '陳美玲 criticize 甲國軍隊空襲難民營',
        ].map(c),
      );
    },
  );
});

describe('a passive inside a clause of time before the cue', () => {
  bothScripts(
    '被問及…時說 and 被釋放後表示 are the subject’s words; 被要求表示 is not',
    '新聞\n\n發言人陳美玲在記者會上被問及台灣問題時說，總統的立場沒有任何改變。\n\n律師林國棟被釋放後表示，他會繼續為當事人爭取權益。\n\n議員山田一郎被黨鞭要求表示，支持政府提出的方案。',
    (a, c) => {
      assert.deepEqual(
        quotes(a),
        ['陳美玲: 總統的立場沒有任何改變。', '林國棟: 他會繼續為當事人爭取權益。'].map(c),
      );
    },
  );
});

describe('a body named in full only inside a title', () => {
  bothScripts(
    '世衛 on its own after 世界衛生組織總幹事X: the body is called by the fullest name the page gives',
    '新聞\n\n世界衛生組織總幹事林國棟表示，世衛歡迎各國在疫苗分配問題上達成共識。',
    (a, c) => {
      assert.deepEqual(stances(a), [c('世界衛生組織 welcome 各國在疫苗分配問題上達成共識')]);
    },
  );
});

describe('scholars and a named person’s representative', () => {
  bothScripts(
    'X大學Y學系副教授Z認為 is Z’s; 林國棟的代表律師表示 is no one’s; 林國棟的代表律師陳美玲表示 is 陳美玲’s; X的報告指 is X’s',
    '新聞\n\n嶺南大學政治與行政學系副教授山田一郎認為，選舉制度改變後，投票率下跌在意料之中。\n\n前民主黨主席林國棟的代表律師在庭上表示，被告對所有控罪並無異議。\n\n前民主黨主席林國棟的代表律師陳美玲在庭上表示，被告一直配合警方調查。\n\n林國棟又引述世界銀行的報告指，有關倡議可使千萬人口脫貧。',
    (a, c) => {
      assert.deepEqual(
        quotes(a),
        [
          '山田一郎: 選舉制度改變後，投票率下跌在意料之中。',
          '陳美玲: 被告一直配合警方調查。',
          '世界銀行: 有關倡議可使千萬人口脫貧。',
          '林國棟: 有關倡議可使千萬人口脫貧。',
        ].map(c),
      );
    },
  );
});

describe('mutual support with no object', () => {
  bothScripts(
    '…，在事關彼此核心利益問題上相互支持。 is no stance on the clause before; 中方支持法方… is',
    '新聞\n\n中法雙方要加強戰略溝通，在事關彼此核心利益問題上相互支持。中方支持法方舉辦氣候峰會。',
    (a, c) => {
      assert.deepEqual(stances(a), [c('中國 support 法方舉辦氣候峰會')]);
    },
  );
});

describe('a set phrase for bodies at every level', () => {
  bothScripts(
    '各級黨委和政府要支持…: a group no one names holds it, not the speaker; 要支持… with no subject is the speaker’s',
    '新聞\n\n林國棟強調，各級黨委和政府要關心支持青年創業。林國棟指出，要支持民營企業發展壯大。',
    (a, c) => {
      assert.deepEqual(stances(a), [c('林國棟 support 民營企業發展壯大')]);
    },
  );
});

describe('a party’s central committee before its head’s office', () => {
  bothScripts(
    '越共中央總書記X表示 is X’s, not the party’s',
    '新聞\n\n越共中央總書記林國棟表示，越方支持中方提出的全球治理倡議。',
    (a, c) => {
      assert.deepEqual(quotes(a), [c('林國棟: 越方支持中方提出的全球治理倡議。')]);
    },
  );
});

describe('a dotted name’s last part in the headline, before the full name', () => {
  bothScripts(
    '卡爾·貝倫森 in the body makes the headline’s 貝倫森 the same person: one entity',
    '貝倫森稱中國是「最大威脅」\n\n美國國務卿卡爾·貝倫森週二在參議院作證時表示，中國是美國面臨的「最嚴峻挑戰」。',
    (a, c) => {
      const people = a.flatMap((x) => x.entities ?? []).filter((e) => e.type === 'PER');
      assert.deepEqual([...new Set(people.map((e) => e.canonical))], [c('卡爾·貝倫森')]);
    },
  );
});

describe('a place’s police as a source', () => {
  bothScripts(
    '香港警方 keeps the form the page gives (GUIDELINES §3, as 莫斯科警方), not the lexicon’s 香港警務處',
    '新聞\n\n香港警方強烈譴責暴徒的暴力行為。香港警方發言人表示，警方會嚴正執法，絕不容忍任何暴力行為。',
    (a, c) => {
      assert.deepEqual(stances(a)[0], c('香港警方 criticize 暴徒的暴力行為'));
      assert.deepEqual(quotes(a), [c('香港警方: 警方會嚴正執法，絕不容忍任何暴力行為。')]);
    },
  );
});

describe('a place’s authorities', () => {
  bothScripts(
    '台灣當局 is a state organ named generically: the place holds the stance (GUIDELINES §4, as 中國政府)',
    '新聞\n\n國台辦發言人表示，台灣當局拒絕承認兩岸同屬一中。',
    (a, c) => {
      assert.deepEqual(stances(a), [c('台灣 oppose 承認兩岸同屬一中')]);
    },
  );
});

describe('whom the speaker spoke to in a meeting’s time clause', () => {
  bothScripts(
    '在會見時向普京表示: 向 is no surname, and 普京 is whom the meeting was with',
    '新聞\n\n林國棟在會見時向普京表示，中方支持俄方維護國家安全的努力。',
    (a, c) => {
      assert.deepEqual(stances(a), [
        c('林國棟 meet 普京'),
        c('中國 support 俄方維護國家安全的努力'),
      ]);
      assert.deepEqual(quotes(a), [c('林國棟: 中方支持俄方維護國家安全的努力。')]);
    },
  );
});

describe('an office of a place, its holder named on the page', () => {
  bothScripts(
    '德國外長表示 after 德國外長林國棟 is 林國棟 speaking, not an unnamed 德國外長',
    '新聞\n\n外交部長王毅5日在北京會見德國外長林國棟。會見時，德國外長表示，德方願同中方加強各領域合作。',
    (a, c) => {
      assert.deepEqual(quotes(a), [c('林國棟: 德方願同中方加強各領域合作。')]);
    },
  );
});

describe('joint holders each with a title', () => {
  bothScripts(
    '參議員X與眾議員Y共同致函… and 國民黨立委X和民進黨立委Y都批評…: both hold it',
    '新聞\n\n參議員林國棟與眾議員陳美玲共同致函國務院，要求重新審視出口管制。黨團立委張志明和議員李曉華昨日都批評這項人事任命。',
    (a, c) => {
      assert.deepEqual(stances(a), [
        c('林國棟+陳美玲 demand 重新審視出口管制'),
        c('張志明+李曉華 criticize 這項人事任命'),
      ]);
    },
  );
});

describe('a cue with no object before the reasons its holder gives', () => {
  bothScripts(
    '…宣布放寬限制。X表示歡迎，認為此舉… / X表示反對，指出…: what the sentence before told',
    '新聞\n\n教育局宣布放寬海外學生來港就讀的限額。校長會主席林國棟表示歡迎，認為此舉有助提升國際化水平。\n\n政府宣布削減大學的研究資助。教協主席陳美玲表示反對，指出削減會影響教學質量。',
    (a, c) => {
      assert.deepEqual(
        stances(a).map((s) => s.split(' ').slice(0, 2).join(' ')),
        [c('林國棟 welcome'), c('陳美玲 oppose')],
      );
      assert.ok(stances(a)[0]?.includes(c('放寬海外學生來港就讀的限額')));
      assert.ok(stances(a)[1]?.includes(c('削減大學的研究資助')));
    },
  );
  bothScripts(
    'a cue with its own object before 認為 stands on that object alone',
    '新聞\n\n校長會主席林國棟表示支持新的評核制度，認為制度更加公平。',
    (a, c) => {
      assert.deepEqual(stances(a), [c('林國棟 support 新的評核制度')]);
    },
  );
});

describe('a place before people no one names', () => {
  bothScripts(
    '法國干邑出口商擔心…, 美國企業擔心…: the place qualifies an unnamed trade; 法國外交部表示 still speaks',
    '新聞\n\n法國干邑出口商擔心新關稅會重創整個行業。澳洲龍蝦出口商也擔心銷路受阻。美國企業普遍擔心關稅上調會推高成本。法國外交部表示，法方反對任何單邊制裁措施。',
    (a, c) => {
      assert.deepEqual(stances(a), [c('法國 oppose 任何單邊制裁措施')]);
    },
  );
});

describe('a one-character abbreviation read by the countries the page names', () => {
  bothScripts(
    '中巴, 巴方 on a page that names 巴西 and not 巴基斯坦 are Brazil',
    '新聞\n\n巴西總統林國棟訪華。中巴兩國同意深化新能源合作，巴方支持一個中國原則。',
    (a, c) => {
      assert.deepEqual(stances(a), [
        c('中國+巴西 agree 深化新能源合作'),
        c('巴西 support 一個中國原則'),
      ]);
    },
  );
  bothScripts(
    '巴方 on a page that names 巴基斯坦 stays Pakistan',
    '新聞\n\n巴基斯坦總理林國棟訪華，巴方支持一個中國原則。',
    (a, c) => {
      assert.deepEqual(stances(a), [c('巴基斯坦 support 一個中國原則')]);
    },
  );
  bothScripts(
    '中方 on a page that names 中非共和國 and not 中國 in full stays China',
    '新聞\n\n中非共和國總統陳大文訪華，中方支持中非共和國維護國家穩定。',
    (a, c) => {
      assert.deepEqual(stances(a), [c('中國 support 中非共和國維護國家穩定')]);
    },
  );
});

describe('what is thanked: a cue as the support given', () => {
  bothScripts(
    '感謝中方支持。 and 感謝中方支持和幫助 thank the support given: no support stance of 中方; 感謝中方支持X的努力 holds one',
    '新聞\n\n巴方感謝中方支持。巴方感謝中方支持和幫助，願繼續深化合作。巴方感謝中方支持巴方維護國家主權的努力。',
    (a, c) => {
      assert.deepEqual(
        stances(a).filter((s) => s.includes('support')),
        [c('中國 support 巴方維護國家主權的努力')],
      );
    },
  );
});

describe('what a demand or an appeal asks for', () => {
  bothScripts(
    '要求高度關注弱勢群體: the concern is asked for, no one’s stance; 與會人員…呼籲 names no one',
    '新聞\n\n民政局表示，局長林國棟第一時間了解事件經過，並要求高度關注弱勢群體。\n\n議會審議報告時，與會人員紛紛建言獻策，呼籲加強水源保護。',
    (a) => {
      assert.ok(!stances(a).some((s) => s.includes('concern')), stances(a).join(' | '));
      assert.ok(!stances(a).some((s) => s.includes('appeal')), stances(a).join(' | '));
    },
  );
});

describe('a body naming itself in its own words', () => {
  bothScripts(
    '本會, 本黨 in a body’s statement are that body; a 本會 no body speaks is no one',
    '新聞\n\n香港律師會發表聲明表示，本會對有關言論表示關注。\n\n民主黨發表聲明指，本黨堅決反對削減公共醫療開支。\n\n本會一向支持會員進修。',
    (a, c) => {
      assert.deepEqual(stances(a), [
        c('香港律師會 concern 有關言論'),
        c('民主黨 oppose 削減公共醫療開支'),
      ]);
    },
  );
});

describe('most of a group', () => {
  bothScripts(
    '大多數成員國支持…, 絕大多數議員反對… in someone’s words: members no one names hold it, not the speaker',
    '新聞\n\n高級代表林國棟會後表示，大多數成員國支持加快通過新一輪制裁。議長陳美玲說，絕大多數議員反對延長會期。',
    (a) => {
      assert.deepEqual(stances(a), []);
    },
  );
});

describe('a body’s short form in brackets before its head’s office', () => {
  bothScripts(
    '香港民主促進會（民促會）主席X表示: X speaks; the 促 of 民促會 is no demand',
    '新聞\n\n香港民主促進會（民促會）主席林國棟表示，民促會反對這項修訂。',
    (a, c) => {
      assert.deepEqual(quotes(a), [c('林國棟: 民促會反對這項修訂。')]);
      assert.deepEqual(stances(a), [c('香港民主促進會 oppose 這項修訂')]);
    },
  );
});

describe('a bare ministry on a page a Taiwan dateline opens', () => {
  bothScripts(
    '外交部 under a 台北 dateline is Taiwan’s; 中國外交部 on the same page is a body of its own',
    '（中央社記者黃小文台北6日電）北島國務院今天宣布批准對台軍售案。外交部對此表示誠摯感謝，並指出軍售有助維持自我防衛能力。\n\n中國外交部發言人林國棟則說，中方堅決反對向台灣地區出售武器。',
    (a, c) => {
      assert.deepEqual(
        quotes(a).map((q) => q.slice(0, q.indexOf(':'))),
        [c('外交部'), c('林國棟')],
      );
      const names = a.flatMap((x) => x.entities ?? []).map((e) => e.canonical ?? e.text);
      assert.ok(names.includes(c('中國外交部')), names.join(' '));
      assert.ok(names.includes(c('外交部')), names.join(' '));
    },
  );
  bothScripts(
    'on a mainland page 外交部 and 中國外交部 stay one body, listed by both names (GUIDELINES §1: a shorter name written on its own is listed too)',
    '新聞\n\n外交部發言人今天表示，中方歡迎各國企業前來投資。中國外交部此前已發表聲明，指出各國企業的合法權益將得到保障。',
    (a, c) => {
      const names = new Set(a.flatMap((x) => x.entities ?? []).map((e) => e.canonical ?? e.text));
      assert.ok(names.has(c('中國外交部')), [...names].join(' '));
      assert.ok(names.has(c('外交部')), [...names].join(' '));
      // One body: the spokesperson speaks for it by its fullest name.
      assert.deepEqual(
        quotes(a).map((q) => q.slice(0, q.indexOf(':'))),
        [c('中國外交部'), c('中國外交部')],
      );
    },
  );
});

describe('a resident named by surname and a familiar form, and a verb of speech glued after', () => {
  bothScripts(
    '「…」居民陳伯話。 and 王明說， glued by the segmenter: the speaker is 陳伯 (no name, GUIDELINES §1) and 王明',
    '新聞\n\n「我哋住咗呢度三十幾年，點解要我哋搬走？」居民陳伯話。\n\n街坊王明說，補償金額根本唔夠喺附近租屋。',
    (a, c) => {
      assert.deepEqual(quotes(a), [
        c('陳伯: 我哋住咗呢度三十幾年，點解要我哋搬走？'),
        c('王明: 補償金額根本唔夠喺附近租屋。'),
      ]);
      const names = a.flatMap((x) => x.entities ?? []).map((e) => e.text);
      assert.ok(!names.some((n) => n.startsWith(c('陳伯'))), names.join(' '));
    },
  );
});

describe('希望 for how relations go', () => {
  bothScripts(
    '希望兩國關係盡快改善 is a wish, addressed to no party; 希望兩國加強合作 asks the two',
    '新聞\n\n北島外長林國棟表示，希望兩國關係能夠盡快改善。他又說，希望兩國加強在能源領域的合作。',
    (a, c) => {
      assert.deepEqual(
        stances(a).map((s) => s.split(' ').slice(1, 2).join(' ')),
        ['appeal'],
      );
      assert.ok(stances(a)[0]?.endsWith(c('兩國加強在能源領域的合作')), stances(a).join(' | '));
    },
  );
});

describe('a cue naming an event or a crowd', () => {
  bothScripts(
    '聲援活動, 歡迎活動時, 抗議行列 are nouns; 支持活動如期舉行 is a stance',
    '新聞\n\n北島大學學生在廣場上展開聲援活動。林國棟出席歡迎活動時發表講話。數千人加入抗議行列。民主黨支持活動如期舉行。',
    (a, c) => {
      assert.deepEqual(stances(a), [c('民主黨 support 活動如期舉行')]);
    },
  );
});

describe('a press review: papers, their editorials and what they cite', () => {
  bothScripts(
    'X報今天刊登一篇評論文章。文章認為… is the paper’s; Y報的社論…。社論說… is Y’s; 該報 is the paper last named; 該報援引一名分析師的話說 quotes no one',
    '報章摘要\n\n北島日報今天刊登一篇評論文章。文章認為，歐洲必須減少對外部的安全依賴。\n\n東島時報的社論則批評各國在移民政策上的分歧。社論說，成員國之間缺乏團結將削弱整體地位。\n\n南島晚報關注電動車市場的變化。該報指出，新品牌的價格優勢非常明顯。該報援引一名汽車業分析師的話說，市場競爭將更加激烈。',
    (a, c) => {
      assert.deepEqual(
        quotes(a).map((q) => q.slice(0, q.indexOf(':'))),
        [c('北島日報'), c('東島時報'), c('南島晚報')],
      );
      const names = new Set(a.flatMap((x) => x.entities ?? []).map((e) => `${e.type}:${e.text}`));
      for (const n of ['北島日報', '東島時報', '南島晚報'])
        assert.ok(names.has(`ORG:${c(n)}`), [...names].join(' '));
    },
  );
  bothScripts(
    'X報的一篇文章分析說… and X報今天以「…」為題，評論…。文章說… are the paper’s',
    '報章摘要\n\n北島日報的一篇文章分析說，企業對市場的信心正在下降。\n\n東島時報今天以「十字路口」為題，評論聯盟的對外政策。文章說，聯盟需要在合作與競爭之間找到平衡。',
    (a, c) => {
      assert.deepEqual(
        quotes(a).map((q) => q.slice(0, q.indexOf(':'))),
        [c('北島日報'), c('東島時報')],
      );
      const names = new Set(a.flatMap((x) => x.entities ?? []).map((e) => `${e.type}:${e.text}`));
      for (const n of ['北島日報', '東島時報'])
        assert.ok(names.has(`ORG:${c(n)}`), [...names].join(' '));
    },
  );
});

describe('an act referred back to with a word that judges it', () => {
  bothScripts(
    '…通過所謂法案。中方對這一錯誤行徑堅決反對: the act the sentence before told',
    '新聞\n\n北島議會日前通過所謂「海峽保證法」。中方對這一錯誤行徑表示堅決反對。',
    (a, c) => {
      assert.deepEqual(stances(a), [c('中國 oppose 北島議會日前通過所謂「海峽保證法」')]);
    },
  );
});

describe('an office with its portfolio, no name after it', () => {
  bothScripts(
    '聯合國人權事務高級專員對該事件深表關切: the office holder as written, not the body',
    '新聞\n\n北島軍隊空襲東島一所學校。聯合國人權事務高級專員對該事件深表關切。',
    (a, c) => {
      assert.deepEqual(stances(a), [c('聯合國人權事務高級專員 concern 北島軍隊空襲東島一所學校')]);
    },
  );
});

describe('a clause of feeling about 此 before a cue with no object', () => {
  bothScripts(
    '…。中方對此強烈不滿，堅決反對。 stands on what 此 stands for, not on the feeling',
    '新聞\n\n北島議會通過「海峽保證法」。中方對此強烈不滿，堅決反對。\n\n東島議會通過「海峽援助法」，南島對此深表遺憾，並堅決反對。',
    (a, c) => {
      assert.deepEqual(stances(a), [
        c('中國 oppose 北島議會通過「海峽保證法」'),
        c('南島 oppose 東島議會通過「海峽援助法」'),
      ]);
    },
  );
  bothScripts(
    'a clause of feeling about something named is no anaphor: 對X表示不滿，堅決反對 stands on X',
    '新聞\n\n中方對北島議會的錯誤做法表示強烈不滿，堅決反對。',
    (a, c) => {
      assert.deepEqual(stances(a), [c('中國 oppose 北島議會的錯誤做法')]);
    },
  );
});

describe('a stance verb, a mark and another doing of the same subject', () => {
  bothScripts(
    '陸委會對此嚴厲譴責，並呼籲…: no quote; 批評，政府… still quotes',
    '新聞\n\n北島軍隊在海峽舉行演習。東島外交部對此嚴厲譴責，並呼籲北島停止挑釁。\n\n議員李明批評，政府處理事件的手法粗疏。',
    (a, c) => {
      assert.deepEqual(quotes(a), [c('李明: 政府處理事件的手法粗疏。')]);
      assert.deepEqual(stances(a), [
        c('東島外交部 criticize 北島軍隊在海峽舉行演習'),
        c('東島外交部 appeal 北島停止挑釁'),
      ]);
    },
  );
});

describe('speaking of something, then the words with a cue of their own', () => {
  quotesAre(
    '談到X時表示, 在提到X時，Y強調, 說到這裏: the words are the later cue’s; 提到， still quotes',
    '新聞\n\n局長李華談到房屋問題時表示，政府會增加公屋供應。\n\n在提到兩島關係時，部長陳明強調，雙方應該相互尊重。\n\n議員王芳說到這裏，停頓了一下，然後繼續發言。\n\n部長陳明提到，政府將在明年推出新的房屋政策。',
    [
      '李華: 政府會增加公屋供應。',
      '陳明: 雙方應該相互尊重。',
      '陳明: 政府將在明年推出新的房屋政策。',
    ],
  );
});

describe('the speaker named again with what the reporter tells they did', () => {
  quotesAre(
    '…說，…。林海還呼籲…: the words end before the reporter’s sentence',
    '新聞\n\n北島總統林海在接受採訪時說，北島不能成為任何大國的附庸。林海還呼籲鄰國加強防務合作。',
    ['林海: 北島不能成為任何大國的附庸。'],
  );
});

describe('a verb that qualifies the common noun before a name', () => {
  quotesAre(
    '退休教師何先生說, 離職員工陳小姐表示: the name speaks; 會見總統林海時表示 stays the visitor’s',
    '新聞\n\n有市民表示擔心新措施影響生活。退休教師何先生說，他不反對加強執法，但希望政府不要一刀切。\n\n離職員工陳小姐表示，公司一直拖欠她的薪金和強積金供款。\n\n北島總理陳明在訪問期間會見總統林海時表示，兩島應該加強經貿合作。',
    [
      '何先生: 他不反對加強執法，但希望政府不要一刀切。',
      '陳小姐: 公司一直拖欠她的薪金和強積金供款。',
      '陳明: 兩島應該加強經貿合作。',
    ],
  );
});

describe('a surname and a form of address', () => {
  quotesAre(
    'stand for the one person of that surname named before (陳明 … 陳先生), not one named only later',
    '新聞\n\n市民黃小姐表示，新措施令她每月的交通開支增加不少。\n\n北島議員陳明今日到場視察。陳先生表示，當局應該盡快檢討有關措施。\n\n議員黃志強亦表示，政府應該盡快公布詳細的資助安排。',
    [
      '黃小姐: 新措施令她每月的交通開支增加不少。',
      '陳明: 當局應該盡快檢討有關措施。',
      '黃志強: 政府應該盡快公布詳細的資助安排。',
    ],
  );
});

describe('the Taiwanese wire’s dateline abroad', () => {
  bothScripts(
    '中央社記者X華盛頓6日專電: 外交部 is Taiwan’s; a spokesperson’s 則 before where he spoke is no part of his name',
    '（中央社記者黃小文華盛頓6日專電）北島國會今天通過支持台灣參與國際組織的法案。外交部隨即表示，將持續與北島深化夥伴關係。\n\n中國外交部發言人陳寧則在例行記者會上表示，中方堅決反對北島與台灣進行任何官方往來。',
    (a, c) => {
      assert.deepEqual(
        quotes(a).map((q) => q.slice(0, q.indexOf(':'))),
        [c('外交部'), c('陳寧')],
      );
      const names = a.flatMap((x) => x.entities ?? []).map((e) => e.canonical ?? e.text);
      assert.ok(names.includes(c('中國外交部')), names.join(' '));
      assert.ok(names.includes(c('外交部')), names.join(' '));
      assert.ok(!names.includes(c('陳寧則')), names.join(' '));
    },
  );
});

describe('a cue in the clause that says what a document is', () => {
  bothScripts(
    '未能通過譴責X的動議, 否決了要求停火的決議草案: no stance; 通過決議，譴責X holds',
    '新聞\n\n北島議會未能通過譴責東島的動議。\n\n南島代表否決了要求立即停火的決議草案。\n\n西島議會通過決議，譴責東島的軍事挑釁。',
    (a, c) => {
      assert.deepEqual(stances(a), [c('西島議會 criticize 東島的軍事挑釁')]);
    },
  );
});

describe('a cue in a clause that says which people are meant', () => {
  bothScripts(
    '批評反對改革的網友, 感謝支持和平進程的社會各界: only the outer verb is a stance',
    '新聞\n\n北島總統批評反對改革的網友。\n\n東島總理感謝支持和平進程的社會各界。',
    (a, c) => {
      assert.deepEqual(stances(a), [
        c('北島總統 criticize 反對改革的網友'),
        c('東島總理 praise 支持和平進程的社會各界'),
      ]);
    },
  );
});

describe('welcome with no object, then a contrast', () => {
  bothScripts(
    '…宣布…。反對黨領袖X表示歡迎，但批評…: the welcome stands on what was announced; the 對 of 反對黨 brings in no object',
    '新聞\n\n北島總統林海今日宣布，將於明年三月舉行國會選舉。反對黨領袖陳明表示歡迎，但批評選舉日期過遲。\n\n東島政府宣布撤回修例草案。議員黃華表示歡迎，不過要求政府進行獨立調查。',
    (a, c) => {
      assert.deepEqual(stances(a), [
        c('陳明 welcome 北島總統林海今日宣布，將於明年三月舉行國會選舉'),
        c('陳明 criticize 選舉日期過遲'),
        c('黃華 welcome 東島政府宣布撤回修例草案'),
        c('黃華 demand 政府進行獨立調查'),
      ]);
    },
  );
});

describe('a cue opening a clause whose object runs on to those who hold it', () => {
  bothScripts(
    '批評條例的人是…, 支持改革的市民越來越多: who is meant, no stance; 表示，反對X and 歡迎有意投資的人士來港 hold',
    '新聞\n\n議員何志強認為，批評條例的人是「雙重標準」。議員何志強又表示，支持改革的市民越來越多，政府應該加快步伐。\n\n北島總統林海表示，反對一切形式的恐怖主義。林海表示，歡迎有意投資的人士來北島考察。',
    (a, c) => {
      assert.deepEqual(stances(a), [
        c('林海 oppose 一切形式的恐怖主義'),
        c('林海 welcome 有意投資的人士來北島考察'),
      ]);
    },
  );
});

describe('a member of a political camp', () => {
  quotesAre(
    '建制派議員X反駁指, 本土派人士X表示: the member speaks (派 is no verb that takes them)',
    '新聞\n\n民主派議員陳美玲批評新條例定義含糊。不過，建制派議員何志強反駁指，條例已經參考了海外做法。\n\n本土派人士林小文表示，他們會繼續關注事件發展。',
    ['何志強: 條例已經參考了海外做法。', '林小文: 他們會繼續關注事件發展。'],
  );
});

describe('reported words running on into a quotation', () => {
  quotesAre(
    '…指，…，「…？」他認為，…: the quotation is the first cue’s words, the second cue has its own; 「…」X補充說。 stays X’s',
    '新聞\n\n議員何志強反駁指，條例已經參考了海外做法，「外國都有類似法例，點解香港唔可以有？」他認為，批評條例的人只是雙重標準。\n\n外長林國棟表示，雙方將全面加強經貿合作，「我們對此很有信心。」陳美玲補充說。',
    [
      '何志強: 條例已經參考了海外做法，「外國都有類似法例，點解香港唔可以有？」',
      '何志強: 批評條例的人只是雙重標準。',
      '林國棟: 雙方將全面加強經貿合作',
      '陳美玲: 我們對此很有信心。',
    ],
  );
});

describe('a stance inside a topic clause', () => {
  bothScripts(
    '對於X發言人日前批評Y，…: X holds the criticism; 對於美方的批評 and 對於日方表示支持 hold nothing of their own',
    '新聞\n\n對於東島外交部發言人日前批評北島「破壞和平」，北島外長林國棟回應，這種說法完全不符事實。\n\n對於東島的批評，北島堅決反對。對於南島表示支持，北島表示讚賞。',
    (a, c) => {
      assert.deepEqual(stances(a), [
        c('東島外交部 criticize 北島「破壞和平」'),
        c('北島 oppose 東島的批評'),
        c('北島 praise 南島表示支持'),
      ]);
    },
  );
});

describe('a paper’s article, and whom a paper cites', () => {
  quotesAre(
    'X報刊文…。文章指出 → the paper; 該報援引外長X的話說 → X; 該報援引一名不願具名的外交官說 → no one',
    '新聞\n\n《新聲報》週三刊文分析北島大選結果。文章指出，執政聯盟雖然保住多數，但新政府將面臨艱難的組閣談判。\n\n《晨星報》則關注北島的外交政策。該報援引外長林國棟的話說，雙方將在下月恢復部長級對話。該報又援引一名不願具名的外交官說，新總理可能調整前任的強硬路線。',
    [
      '新聲報: 執政聯盟雖然保住多數，但新政府將面臨艱難的組閣談判。',
      '林國棟: 雙方將在下月恢復部長級對話。',
    ],
  );
});

describe('a quotation over paragraphs whose later paragraph lost its opening mark', () => {
  bothScripts(
    'X表示：「…。 ¶ …。」: one quote to the closing mark; the appeal in it is the speaker’s side’s; a paragraph with marks of its own is not taken in',
    '新聞\n\n北島外長林國棟表示：「北島一向主張通過對話解決分歧，任何升高緊張的做法都不符合各國利益。\n\n我們呼籲各方保持克制，避免誤判。」\n\n東島總理陳美玲說：「兩島合作的前景十分廣闊。\n\n她又說，「雙方還有很多工作要做」。',
    (a, c) => {
      assert.deepEqual(
        quotes(a),
        [
          '林國棟: 北島一向主張通過對話解決分歧，任何升高緊張的做法都不符合各國利益。\n我們呼籲各方保持克制，避免誤判。',
          '陳美玲: 兩島合作的前景十分廣闊。',
          '陳美玲: 雙方還有很多工作要做',
        ].map(c),
      );
      assert.deepEqual(stances(a), [c('北島 appeal 各方保持克制，避免誤判')]);
    },
  );
});

describe('a negated light verb before a cue', () => {
  bothScripts(
    '對X的做法不表示支持: negated, the target X的做法 without 不; 對X表示支持 holds',
    '新聞\n\n北島總統林海對東島的做法不表示支持。南島總統陳明對東島的做法表示支持。',
    (a, c) => {
      assert.deepEqual(
        a.flatMap((x) => x.stances ?? []).map((s) => `${s.target} ${s.negated}`),
        [c('東島的做法 true'), c('東島的做法 false')],
      );
    },
  );
});

describe('a statement or a body citing someone’s words', () => {
  quotesAre(
    '聲明引述X的言論，指… and 公會引述X指…: the one cited and the body citing; 新聲報引述X指…: the one cited alone',
    '新聞\n\n北島律師公會昨日發表聲明，批評當局拘捕記者。聲明引述東島外長林國棟的言論，指各方須尊重新聞自由，這是國際社會的共識。\n\n南島記者協會引述東島總理陳美玲指，傳媒是社會的第四權，不能任意打壓。\n\n新聲報引述北島總統林海指，政府將在年底前公布改革方案。',
    [
      '林國棟: 各方須尊重新聞自由，這是國際社會的共識。',
      '北島律師公會: 各方須尊重新聞自由，這是國際社會的共識。',
      '陳美玲: 傳媒是社會的第四權，不能任意打壓。',
      '南島記者協會: 傳媒是社會的第四權，不能任意打壓。',
      '林海: 政府將在年底前公布改革方案。',
    ],
  );
});

describe('a side’s armed forces before a clause that goes on from them', () => {
  bothScripts(
    '…稱，美軍此前已…，還要求…: the armed forces (no entity) demand, not the speaker; …說，美軍襲擊X是屠殺，呼籲…: the speaker appeals',
    '新聞\n\n北島媒體辦公室今天稱，美軍此前已將該地區列為安全區，還要求當地民眾撤離到這一地區。\n\n北島總統府發表聲明說，美軍襲擊難民營是令人髮指的屠殺，呼籲國際社會立即採取行動。',
    (a, c) => {
      assert.deepEqual(stances(a), [c('北島總統府 appeal 國際社會立即採取行動')]);
    },
  );
});

describe('another body opening a sentence with what it has done', () => {
  quotesAre(
    '…表示，…。X署已為住戶安排…: the words end before it',
    '新聞\n\n北島屋宇署發言人表示，該大廈有多個單位涉嫌違規分間，署方會跟進調查。北島民政署已為受影響住戶安排臨時住宿。\n\n北島外長林國棟表示，雙方將在下月恢復部長級對話。東島外交部隨後成立了專責小組。',
    [
      '北島屋宇署: 該大廈有多個單位涉嫌違規分間，署方會跟進調查。',
      '林國棟: 雙方將在下月恢復部長級對話。',
    ],
  );
});

describe('a page typed with ASCII marks', () => {
  bothScripts(
    'X政府坚决反对….: the target ends before the full stop, as before 。',
    '新聞\n\n北島政府堅決反對東島在爭議海域進行軍事演習.',
    (a, c) => {
      assert.deepEqual(stances(a), [c('北島 oppose 東島在爭議海域進行軍事演習')]);
    },
  );
});

describe('我們 in the sentence after words quoted in its paragraph', () => {
  bothScripts(
    '社評指出，X一再聲稱…。我們敦促…: the paper demands (the outer quotation’s speaker, not the nested one’s); 我們 after the reporter’s own sentence holds nothing',
    '新聞\n\n南島新報發表社評。社評指出，北島政府一再聲稱維護航行自由，實際上是在為外部勢力打開大門。我們敦促北島當局停止一切挑釁行為。\n\n北島昨日舉行軍事演習。我們敦促各方保持克制。',
    (a, c) => {
      assert.deepEqual(stances(a), [c('南島新報 demand 北島當局停止一切挑釁行為')]);
    },
  );
});

describe('a claim, then what the teller says it really is', () => {
  quotesAre(
    'X一再聲稱…，實際上…: the claim ends before 實際上 (here too short to quote); 聲稱 with no rebuttal holds',
    '新聞\n\n南島新報社評指出，北島政府一再聲稱維護航行自由，實際上是在為外部勢力打開大門。\n\n北島外長林國棟聲稱，北島軍艦一直在國際水域正常航行。',
    [
      '南島新報: 北島政府一再聲稱維護航行自由，實際上是在為外部勢力打開大門。',
      '林國棟: 北島軍艦一直在國際水域正常航行。',
    ],
  );
});

describe('a Hong Kong street interview in Cantonese', () => {
  bothScripts(
    '住咗呢度三十年嘅陳伯話：「…」, 街坊陳先生說: the person speaks (嘅 qualifies as 的 does; 街坊 is who they are); 唔係反對 is negated; a statutory body by its short name',
    '新聞\n\n市區重建局上月公布一項重建計劃。住咗呢度三十年嘅陳伯話：「我哋唔係反對重建，但係賠償咁少，點樣喺附近再搵地方住？」\n\n街坊陳先生說：「佢哋應該同居民坐低傾，唔好一意孤行。」\n\n市建局發言人表示，局方會按既定政策向受影響業主提出收購建議。',
    (a, c) => {
      assert.deepEqual(
        quotes(a).map((q) => q.slice(0, q.indexOf(':'))),
        [c('陳伯'), c('陳先生'), c('市區重建局')],
      );
      assert.deepEqual(stances(a), [c('陳伯 oppose NOT 重建')]);
      const names = a.flatMap((x) => x.entities ?? []).map((e) => `${e.type}:${e.canonical}`);
      assert.ok(names.includes(c('ORG:市區重建局')), names.join(' '));
      assert.ok(!names.some((n) => n.includes('街坊') || n.includes('嘅')), names.join(' '));
    },
  );
});

describe('a demand with a comma after 要求', () => {
  bothScripts(
    'X要求，… is a demand on the clause after the comma (no quote: 要求 is no quote cue); …。會議要求，… and …。X要求… end the words before; a meeting speaks for whoever convened it',
    '新聞\n\n北島外長林國棟表示，雙方將在下月恢復部長級對話。林國棟並要求，東島立即釋放被扣押的漁民。\n\n北島總理陳明主持召開內閣會議。會議指出，就業是最基本的民生，要把穩就業擺在突出位置。會議要求，各部門加大對青年的就業幫扶力度。',
    (a, c) => {
      assert.deepEqual(
        quotes(a),
        [
          '林國棟: 雙方將在下月恢復部長級對話。',
          '陳明: 就業是最基本的民生，要把穩就業擺在突出位置。',
        ].map(c),
      );
      assert.deepEqual(stances(a), [
        c('林國棟 demand 東島立即釋放被扣押的漁民'),
        c('陳明 demand 各部門加大對青年的就業幫扶力度'),
      ]);
    },
  );
});

describe('a quotation an attribution cuts at a comma', () => {
  quotesAre(
    '「…，」他說。: the words end without the comma',
    '新聞\n\n北島外長林國棟昨日出席記者會。「這份協定將為兩國企業帶來實實在在的好處，」他說。',
    ['林國棟: 這份協定將為兩國企業帶來實實在在的好處'],
  );
});

describe('a caption quoting a speaker the body quotes', () => {
  quotesAre(
    'on something the body does not say: its own quote; in like words: dropped',
    '北島總統訪問東島\n\n■北島總統林海表示，兩國將攜手應對氣候變化帶來的挑戰。（資料圖片）\n\n■林海表示，北島願深化與東島在貿易領域的合作。（資料圖片）\n\n北島總統林海昨日抵達東島進行國事訪問。林海在歡迎儀式上表示，北島願與東島深化在貿易和投資領域的合作。',
    ['林海: 兩國將攜手應對氣候變化帶來的挑戰。', '林海: 北島願與東島深化在貿易和投資領域的合作。'],
  );
});

describe('a ministry’s statement speaking of itself', () => {
  bothScripts(
    '外交部…表示，本部感謝X…: the ministry thanks; …。外交部並呼籲… ends its earlier words and appeals',
    '新聞\n\n北島國會今天通過支持南島參與國際組織的決議。南島外交部發布新聞稿表示，本部誠摯感謝北島國會長期以來的堅定支持。\n\n新聞稿指出，南島將持續與理念相近國家合作，爭取參與國際組織。南島外交部並呼籲國際社會正視南島被排除在外的處境。',
    (a, c) => {
      assert.deepEqual(
        quotes(a),
        [
          '南島外交部: 本部誠摯感謝北島國會長期以來的堅定支持。',
          '南島外交部: 南島將持續與理念相近國家合作，爭取參與國際組織。',
        ].map(c),
      );
      assert.deepEqual(stances(a), [
        c('南島外交部 praise 北島國會長期以來的堅定支持'),
        c('南島外交部 appeal 國際社會正視南島被排除在外的處境'),
      ]);
    },
  );
});

describe('a surname and a form of address before Cantonese 話 and a colon', () => {
  quotesAre(
    '陳伯話：「…」 twice: 陳伯 speaks each time (話 is no part of the name, however often it follows it)',
    '新聞\n\n陳伯話：「我哋唔支持呢個計劃，政府應該重新諮詢。」\n\n陳伯話：「賠償實在太少，根本唔夠喺附近搵地方住。」',
    [
      '陳伯: 我哋唔支持呢個計劃，政府應該重新諮詢。',
      '陳伯: 賠償實在太少，根本唔夠喺附近搵地方住。',
    ],
  );
});

describe('a short quotation after the cue’s comma that the reported words go on after', () => {
  quotesAre(
    'X強調，「…」，… is one quote to the sentence’s end (the quotation alone is under eight characters); 「…」，他說，… and 「…」，並呼籲… still end at the mark',
    '新聞\n\n北島外長林國棟強調，「絕無此事」，所有合約仍須經過國會審議。\n\n山田一郎表示，「我們不會退讓半步」，他說，執政黨將提出覆議。\n\n陳美玲表示，「政府必須立即撤回這份草案」，並呼籲市民踴躍發聲。',
    [
      '林國棟: 「絕無此事」，所有合約仍須經過國會審議。',
      '山田一郎: 我們不會退讓半步',
      '山田一郎: 執政黨將提出覆議。',
      '陳美玲: 政府必須立即撤回這份草案',
    ],
  );
});

describe('the two heads of state named right before', () => {
  bothScripts(
    '兩國元首一致同意…: the two leaders agree; 雙方 after them is still the two countries',
    '新聞\n\n智利總統林海昨日在聖地亞哥同來訪的秘魯總統陳明舉行會談。兩國元首一致同意加強貿易和投資合作。雙方同意擴大青年交流。',
    (a, c) => {
      assert.deepEqual(stances(a), [
        c('林海 meet 來訪的秘魯總統陳明'),
        c('林海+陳明 agree 加強貿易和投資合作'),
        c('智利+秘魯 agree 擴大青年交流'),
      ]);
    },
  );
});

describe('a counterpart whose name ends in 和', () => {
  bothScripts(
    '與國防部長王國和會面時說: 和 is the name’s last character before a verb, not a link between two counterparts',
    '新聞\n\n北島國防部長林國棟周三與南島國防部長王國和會面時說，兩軍應當加強溝通，避免誤判。',
    (a, c) => {
      assert.deepEqual(quotes(a), [c('林國棟: 兩軍應當加強溝通，避免誤判。')]);
      assert.deepEqual(stances(a), [c('林國棟 meet 南島國防部長王國和')]);
    },
  );
});

describe('what a demand asks for, over several clauses', () => {
  bothScripts(
    '敦促X恪守…，立即停止…，停止支持Y: the support is asked of X, no stance of the speaker’s; X停止支持Y is negated',
    '新聞\n\n北島外交部發言人林國棟表示，東島問題關乎北島的核心利益。我們敦促南島恪守雙方的共識，立即停止軍售，停止縱容支持分裂勢力。\n\n林國棟說，南島應停止支持分裂勢力的活動。',
    (a, c) => {
      assert.deepEqual(stances(a), [
        c('北島外交部 demand 南島恪守雙方的共識，立即停止軍售，停止縱容支持分裂勢力'),
        c('南島 support NOT 分裂勢力的活動'),
      ]);
    },
  );
});

describe('the same speaker going on after 但', () => {
  quotesAre(
    'X表示，…，但強調… and 他又指，… are X’s words too (the clause on a body before 但 breaks no chain)',
    '新聞\n\n局長林國棟回應時表示，政府會研究各項意見，但強調任何改動都要經過充分諮詢。他又指，委員會稍後會展開新一輪研究。',
    [
      '林國棟: 政府會研究各項意見',
      '林國棟: 任何改動都要經過充分諮詢。',
      '林國棟: 委員會稍後會展開新一輪研究。',
    ],
  );
});

describe('a worry the comma after it opens', () => {
  bothScripts(
    '但他同時擔心，…: the clause after the comma is the worry (was the support before it); 表示嚴重關切，並要求… still stands on what came before',
    '新聞\n\n議員林國棟表示支持一年一檢，但他同時擔心，部分行業或會因此削減人手。\n\n北島昨日試射導彈。東島政府表示嚴重關切，並要求北島停止試射。',
    (a, c) => {
      assert.deepEqual(stances(a), [
        c('林國棟 support 一年一檢'),
        c('林國棟 concern 部分行業或會因此削減人手'),
        c('東島 concern 北島昨日試射導彈'),
        c('東島 demand 北島停止試射'),
      ]);
    },
  );
});

describe('a court’s judgment speaking for it', () => {
  quotesAre(
    '法院…一審判處…。判決指出，…: the court that sentenced (GUIDELINES §3: a ruling’s words are the court’s)',
    '新聞\n\n前議員林國棟涉貪污案，北島地方法院今天一審判處林國棟有期徒刑8年。判決指出，林國棟於任內多次向建商索取款項，總金額達1200萬元。',
    ['北島地方法院: 林國棟於任內多次向建商索取款項，總金額達1200萬元。'],
  );
});

describe('an interview printed as a transcript', () => {
  bothScripts(
    '記者：… ¶ 林國棟：我支持…: each answer is the interviewee’s quote, and 我 in it is the interviewee',
    '專訪｜議員林國棟：房屋政策要有長遠規劃\n\n記者：你怎樣看今年的施政報告？\n\n林國棟：我支持政府增加公營房屋供應，但輪候時間仍然太長，政府應該訂立清晰的目標。\n\n記者：有人批評簡約公屋質素差，你怎樣回應？\n\n林國棟：我明白市民的擔心，長遠仍要靠傳統公屋。我反對將簡約公屋變成永久安排。',
    (a, c) => {
      assert.deepEqual(
        quotes(a),
        [
          '林國棟: 我支持政府增加公營房屋供應，但輪候時間仍然太長，政府應該訂立清晰的目標。',
          '林國棟: 我明白市民的擔心，長遠仍要靠傳統公屋。我反對將簡約公屋變成永久安排。',
        ].map(c),
      );
      assert.deepEqual(stances(a), [
        c('林國棟 support 政府增加公營房屋供應'),
        c('林國棟 oppose 將簡約公屋變成永久安排'),
      ]);
    },
  );
});

describe('what the speaker went on to criticise, told by the reporter', () => {
  bothScripts(
    'X表示，…，並批評… with no mark after the verb ends the words (as 並呼籲 does) and is a stance',
    '新聞\n\n北島民主黨發言人林國棟表示，法庭今次的判刑明顯過重，並批評當局藉司法手段打壓異見人士。',
    (a, c) => {
      assert.deepEqual(quotes(a), [c('林國棟: 法庭今次的判刑明顯過重')]);
      assert.deepEqual(stances(a), [c('林國棟 criticize 當局藉司法手段打壓異見人士')]);
    },
  );
});

describe('希望 addressed to the court', () => {
  bothScripts(
    '希望法庭輕判 is an appeal to the court (a party, as 希望特區政府…); 希望早日康復 stays a wish',
    '新聞\n\n辯方大律師林國棟希望法庭輕判。陳美玲希望傷者早日康復。',
    (a, c) => {
      assert.deepEqual(stances(a), [c('林國棟 appeal 法庭輕判')]);
    },
  );
});

describe('a company or a committee named again by its kind', () => {
  bothScripts(
    '公司表示 after 北島鐵路公司, 委員會指出 after 北島選舉委員會: the body named last, no body of their own',
    '新聞\n\n北島鐵路公司今日早上發生信號故障。公司表示，已派員搶修，並向受影響的乘客致歉。\n\n北島選舉委員會昨日公布新指引。委員會指出，所有候選人必須在限期前申報選舉開支。',
    (a, c) => {
      assert.deepEqual(
        quotes(a),
        [
          '北島鐵路公司: 已派員搶修，並向受影響的乘客致歉。',
          '北島選舉委員會: 所有候選人必須在限期前申報選舉開支。',
        ].map(c),
      );
      const orgs = a.flatMap((x) => x.entities ?? []).filter((e) => e.type === 'ORG');
      assert.ok(!orgs.some((e) => e.text === c('公司') || e.text === c('委員會')));
    },
  );
});

describe('a paper citing an office holder it does not name', () => {
  quotesAre(
    '《X報》引用Y委員會前亞洲事務主管的話說: no one named speaks (was the committee); 北島時報引用外長林國棟的話說: the minister',
    '新聞\n\n《北島時報》引用國家安全委員會前亞洲事務主管的話說，這是因為對方收買了多個小國的支持。\n\n北島時報引用外長林國棟的話說，這項修訂將嚴重損害兩國關係。',
    ['林國棟: 這項修訂將嚴重損害兩國關係。'],
  );
});

describe('或稱 in brackets, and a company named by its kind after another body', () => {
  quotesAre(
    '（或稱臨時工） names, says nothing; 公司 after a body named since the last company is no one we can tell',
    '新聞\n\n北島勞工協會發表報告稱，北島電子公司在8月份僱用的派遣工人（或稱臨時工）超過了工廠總勞動力的一半。\n\n北島電子公司去年銷售增長六成。南島集團隨後宣布收購其部分業務。公司表示，收購將於明年三月完成，員工不受影響。',
    ['北島勞工協會: 北島電子公司在8月份僱用的派遣工人（或稱臨時工）超過了工廠總勞動力的一半。'],
  );
});

describe('雙方 with no pair joined nearby', () => {
  bothScripts(
    'the two countries the page names most, not the last two named (台灣 in 台灣問題)',
    '新聞\n\n國家主席習近平對智利進行國事訪問，兩國發表聯合聲明。聲明指出，智利方面重申堅定奉行一個中國原則。中方讚賞智利在台灣問題上的正確立場。\n\n雙方一致認為，應堅持多邊主義，反對單邊制裁和保護主義。',
    (a, c) => {
      const all = stances(a);
      assert.ok(all.includes(c('中國+智利 oppose 單邊制裁和保護主義')), all.join(' | '));
    },
  );
});

describe('我們 opening an earlier clause of the sentence', () => {
  bothScripts(
    '聲明強調，我們將…，反對…: a joint statement’s 我們 is all who issued it; a spokesperson’s 我們將…，反對… is the ministry, as 我們反對 is',
    '新聞\n\n中國和智利昨日發表聯合聲明。聲明強調，我們將共同維護聯合國憲章的宗旨和原則，反對任何國家干涉他國內政。\n\n外交部發言人林國棟表示，我們將繼續同各方加強溝通，反對任何形式的單邊制裁。',
    (a, c) => {
      assert.deepEqual(stances(a), [
        c('中國+智利 oppose 任何國家干涉他國內政'),
        c('外交部 oppose 任何形式的單邊制裁'),
      ]);
    },
  );
});

describe('此 standing for a clause a verb of speech brings in', () => {
  bothScripts(
    '發表談話，指X的做法…，中方對此堅決反對: the matter is what was said, without 指',
    '新聞\n\n外交部駐北島公署發言人亦發表談話，指東島的做法嚴重干涉中國內政，中方對此堅決反對。',
    (a, c) => {
      assert.deepEqual(stances(a), [c('中國 oppose 東島的做法嚴重干涉中國內政')]);
    },
  );
});

describe('a paper’s editorial, its name in 《》', () => {
  bothScripts(
    '《X報》的社論指出，…。社論呼籲…: the paper appeals, as when it is written without the marks',
    '新聞\n\n《北島日報》的社論指出，歐洲必須在對外關係上保持團結，不能各自為政。社論呼籲歐盟成員國協調立場，共同應對外來的競爭。',
    (a, c) => {
      assert.deepEqual(stances(a), [c('北島日報 appeal 歐盟成員國協調立場，共同應對外來的競爭')]);
    },
  );
});

describe('a cue in a clause of cause or concession with a subject of its own', () => {
  bothScripts(
    '我們不會因為少數人反對就…: the one who opposes is the clause’s own subject, here no one we can name',
    '新聞\n\n局長林國棟強調：「我們不會因為少數人反對就放棄改革。」他又說，即使部分議員反對，政府仍會如期提交草案。',
    (a) => {
      assert.deepEqual(stances(a), []);
    },
  );
  bothScripts(
    '因為X反對: a named subject of the clause holds the cue; 因為反對… with none keeps the sentence’s',
    '新聞\n\n外長林國棟表示，我們不會因為東島反對這項計劃就改變立場。山田一郎說，日本因為反對單邊制裁而投下棄權票。',
    (a, c) => {
      assert.deepEqual(stances(a), [c('東島 oppose 這項計劃'), c('日本 oppose 單邊制裁')]);
    },
  );
});

describe('another actor taking their turn after a word that turns', () => {
  quotesAre(
    '…。不過，X則支持…: the words said before end at the sentence; another named actor’s doing is the reporter’s',
    '新聞\n\n北島總理林國棟表示，他反對對進口汽車加徵關稅，認為這將損害本國工業。不過，東島總統山田一郎則支持委員會的立場。另一方面，南島外長陳美玲批評兩國各說各話。',
    ['林國棟: 他反對對進口汽車加徵關稅', '林國棟: 這將損害本國工業。'],
  );
});

describe('a stance denied', () => {
  bothScripts(
    '否認X支持…, 否認曾批評…: what is denied is negated and held by the clause’s own subject; 並批評 after it is the one who denied',
    '新聞\n\n外長林國棟昨日否認北島政府支持東島的反對派，並批評有關報道失實。山田一郎否認曾批評南島的選舉制度。',
    (a, c) => {
      assert.deepEqual(stances(a), [
        c('北島 support NOT 東島的反對派'),
        c('林國棟 criticize 有關報道失實'),
        c('山田一郎 criticize NOT 南島的選舉制度'),
      ]);
    },
  );
});

describe('where a stance is taken, and when', () => {
  bothScripts(
    '在致Y的信中批評…: where, closed by 中, opens a verb, no noun; 在會見Y時感謝…: the counterpart ends at 時',
    '新聞\n\n林國棟在致山田一郎的信中批評東島的軍事部署。陳美玲在會見林國棟時感謝北島提供的人道援助。北島的大力支持令各方受惠。',
    (a, c) => {
      assert.deepEqual(stances(a), [
        c('林國棟 criticize 東島的軍事部署'),
        c('陳美玲 meet 林國棟'),
        c('陳美玲 praise 北島提供的人道援助'),
      ]);
    },
  );
});

describe('a quotation and then who told it to whom', () => {
  quotesAre(
    '「…」X告訴記者。 and 「…」X提醒市民。: the words in marks are theirs; X告訴記者他… with no mark, or 告訴 with no words before, are none',
    '新聞\n\n「下一代產品已在研發之中，最快明年就能推出市面。」經理林國棟告訴記者。林國棟昨日出席記者會。陳美玲告訴記者她已經辭去職務。「颱風下週可能再度來襲，各位務必做好準備。」天文台台長陳美玲提醒市民。',
    [
      '林國棟: 下一代產品已在研發之中，最快明年就能推出市面。',
      '陳美玲: 颱風下週可能再度來襲，各位務必做好準備。',
    ],
  );
});

describe('one person’s offices listed, and a cue ending a list of nouns', () => {
  bothScripts(
    '市委副書記、代市長X: a deputy’s and an acting holder’s offices are one person’s titles; 總目標、總要求， is a noun',
    '新聞\n\n北島市委副書記、代市長林國棟指出，全市上下要把穩增長作為今年的總目標、總要求，並要求各部門加快推進重點項目。東島常務副市長陳美玲表示，東島支持兩市合作。',
    (a, c) => {
      assert.deepEqual(quotes(a), [
        c('林國棟: 全市上下要把穩增長作為今年的總目標、總要求'),
        c('陳美玲: 東島支持兩市合作。'),
      ]);
      assert.deepEqual(stances(a), [
        c('林國棟 demand 各部門加快推進重點項目'),
        c('東島 support 兩市合作'),
      ]);
    },
  );
});

describe('speaking of something, and calling something a name', () => {
  quotesAre(
    '在談到X的時候說：「…」 is the 說’s quote; 稱X為「…」 names, says nothing; 稱X為維護和平做出貢獻 says',
    '新聞\n\n林國棟在談到自己兄長的時候說：「他的智慧值得家族每一個人學習。」陳美玲稱林國棟為「最值得信賴的合作夥伴」。北島外交部稱東島此舉為挑釁。山田一郎稱北島為維護地區和平做出了重要貢獻。',
    ['林國棟: 他的智慧值得家族每一個人學習。', '山田一郎: 北島為維護地區和平做出了重要貢獻。'],
  );
});

describe('a light verb inside the object', () => {
  bothScripts(
    '對X進行軍事演習深表關切: the object runs to the light verb nearest the cue (深表, 予以), over one inside it (進行)',
    '新聞\n\n東島對北島在南海進行軍事演習深表關切。西島對北島進行核試驗予以強烈譴責。',
    (a, c) => {
      assert.deepEqual(stances(a), [
        c('東島 concern 北島在南海進行軍事演習'),
        c('西島 criticize 北島進行核試驗'),
      ]);
    },
  );
});

describe('a resolution passed, and a mission abroad', () => {
  bothScripts(
    '通過一項決議，…。決議還呼籲…: the body that passed it holds what it asks; X駐Y使團 is a body that speaks',
    '新聞\n\n北島議會周四通過一項決議，要求政府對相關官員實施制裁。決議還呼籲各成員國暫停與東島的引渡條約。\n\n日本駐北島使團發言人隨即發表聲明，指決議完全罔顧基本事實，並敦促北島議會停止干涉日本內政。',
    (a, c) => {
      assert.deepEqual(quotes(a), [c('日本駐北島使團: 決議完全罔顧基本事實')]);
      assert.deepEqual(stances(a), [
        c('北島議會 demand 政府對相關官員實施制裁'),
        c('北島議會 appeal 各成員國暫停與東島的引渡條約'),
        c('日本駐北島使團 demand 北島議會停止干涉日本內政'),
      ]);
    },
  );
});

describe('a group qualified by where it is', () => {
  bothScripts(
    '當地民眾普遍支持…, 海外華人強烈反對…: a word of place before a noun no name covers is a group we cannot name, not the reporter nor the speaker',
    '新聞\n\n北島日報記者林海報道，當地民眾普遍支持政府的新政策。陳美玲表示，海外華人強烈反對這項法案。',
    (a) => {
      assert.deepEqual(stances(a), []);
    },
  );
});

describe('希望 addressed to people no name covers', () => {
  bothScripts(
    '希望市民不要…, 希望廣大市民理性…, 希望年輕人珍惜…: an appeal to them; 希望傷者早日康復 and 希望兩地關係早日回到正軌 are wishes',
    '新聞\n\n局長林國棟表示，希望市民不要囤積物資。他又說，希望廣大市民理性表達訴求。陳美玲表示，希望年輕人珍惜來之不易的和平，又希望傷者早日康復。山田一郎表示，希望兩地關係早日回到正軌。',
    (a, c) => {
      assert.deepEqual(stances(a), [
        c('林國棟 appeal 市民不要囤積物資'),
        c('林國棟 appeal 廣大市民理性表達訴求'),
        c('陳美玲 appeal 年輕人珍惜來之不易的和平'),
      ]);
    },
  );
});

describe('a party’s camp by its colour', () => {
  bothScripts(
    '綠營 speaks and stands for the party, but names no entity the page lists (民主進步黨 is nowhere on it)',
    '新聞\n\n國民黨團今天反駁說，地方政府早就苦不堪言。綠營批評國民黨團濫用多數。',
    (a, c) => {
      const names = a.flatMap((x) => x.entities ?? []).map((e) => `${e.type}:${e.canonical}`);
      assert.ok(!names.some((n) => n.includes(c('民主進步黨'))), names.join(' '));
      assert.deepEqual(stances(a), [c('民主進步黨 criticize 國民黨團濫用多數')]);
    },
  );
});

describe('a meeting’s decisions paragraphs after it was convened', () => {
  bothScripts(
    '…召開會議。¶ 會議要求… ¶ 會議同意，…: the body that convened it, however many paragraphs on; another actor after a quote ends the quote (X讚賞…)',
    '新聞\n\n北島議會12月8日召開會議，分析研究明年的工作。\n\n會議強調，要堅持穩中求進。會議要求，各部門要切實扛起責任。\n\n會議同意，明年召開全體工作會議。\n\n議長林國棟在會見南島代表團時表示，北島願同南島加強合作。陳美玲讚賞北島在減貧領域取得的成就。',
    (a, c) => {
      assert.deepEqual(stances(a), [
        c('北島議會 demand 各部門要切實扛起責任'),
        c('北島議會 agree 明年召開全體工作會議'),
        c('林國棟 meet 南島代表團'),
        c('陳美玲 praise 北島在減貧領域取得的成就'),
      ]);
      assert.ok(quotes(a).includes(c('林國棟: 北島願同南島加強合作。')), quotes(a).join(' | '));
    },
  );
});

describe('another source no name covers, in a sentence of its own', () => {
  quotesAre(
    '…。小區內其他居民…也表示擔心 and …。不過，一些家長反映…: people no name covers speaking end the words quoted before',
    '新聞\n\n業主陳美玲稱，過去一個月已有多隻小貓受傷死亡。小區內其他居民聽說此事後，也都表示擔心。校長林國棟說，學校已加強門禁和巡查工作。不過，一些家長反映，學校的通知來得太遲。',
    ['陳美玲: 過去一個月已有多隻小貓受傷死亡。', '林國棟: 學校已加強門禁和巡查工作。'],
  );
});

describe('a body’s staff no one names', () => {
  quotesAre(
    'X局一位趙姓工作人員告訴記者，「…」 and X局工作人員表示 are anonymous; X局一名發言人 speaks for the body',
    '新聞\n\n北島環保局一位趙姓工作人員告訴記者，「油污已經基本回收完畢，但氣味仍然比較強烈。」北島環保局工作人員表示，清理工作將持續到下週。北島環保局一名發言人表示，當局正在調查事故的原因。',
    ['北島環保局: 當局正在調查事故的原因。'],
  );
});

describe('a research unit’s head, and a teacher', () => {
  quotesAre(
    'X院Y研究所Z室主任W表示: the head speaks, however many units before the office; 老師說 is a teacher no one names (師 is a surname, but 老師 is no 老王)',
    '新聞\n\n北島社會科學院數量經濟與技術經濟研究所分析室主任林國棟表示，本地勞動年齡人口將持續下降。這時，老師說：「紅顏色的鞋子男孩子穿上也很好看。」\n\n老王說，這雙鞋子是他昨天才買的。',
    ['林國棟: 本地勞動年齡人口將持續下降。', '老王: 這雙鞋子是他昨天才買的。'],
  );
});

describe('Cantonese 話 after a time clause, with offices before the name', () => {
  quotesAre(
    'X黨立法會議員Y接受電台訪問時話，…: the person the offices lead to speaks, as Y接受…時話 did',
    '新聞\n\n公民黨立法會議員陳美玲接受電台訪問時話，支持政府做法，但希望當局加強執法。\n\n天文台話聽日會落雨。',
    ['陳美玲: 支持政府做法，但希望當局加強執法。'],
  );
});

describe('a place the page never calls by the lexicon’s name', () => {
  bothScripts(
    'North Korea written 北韓 throughout: its holders are 北韓 and 北韓外務省; 中國大陸 is still 中國 for 中央政府',
    '新聞\n\n北韓今日再次試射導彈，南韓政府強烈譴責北韓的挑釁行為。北韓外務省則批評美國的軍事演習。\n\n中國大陸學者林國棟表示，中央政府支持兩韓恢復對話。',
    (a, c) => {
      assert.deepEqual(stances(a), [
        c('南韓 criticize 北韓的挑釁行為'),
        c('北韓外務省 criticize 美國的軍事演習'),
        c('中國 support 兩韓恢復對話'),
      ]);
    },
  );
});
