import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { annotate } from '../src/annotate/index.ts';
import { toSimplified } from '../src/normalize/index.ts';
import { parse } from '../src/pipeline.ts';
import { toArticleView } from '../src/render/index.ts';
import type { BlockNode } from '../src/tree/types.ts';

const view = (text: string) => toArticleView(parse(text));
const nodes = (text: string): BlockNode[] => parse(text).children.flatMap((a) => a.children);
const roles = (text: string) => nodes(text).map((n) => `${n.type}:${n.text}`);

const BODY = '兩國外長在會談中同意加強溝通，深化各領域務實合作。';

describe('roles of a line', () => {
  const cases: [string, string, string[]][] = [
    [
      'a headline with its subtitle after a space',
      `東盟外長會開幕：攜手應對共同挑戰 各方同意加強海上合作\n\n${BODY}`,
      [
        'headline:東盟外長會開幕：攜手應對共同挑戰',
        'subheadline:各方同意加強海上合作',
        `paragraph:${BODY}`,
      ],
    ],
    [
      'credits by role with a colon are bylines, one or several in a row; a heading opening on such a word is none',
      `會談舉行\n\n${BODY}\n\n採訪手記\n\n${BODY}\n\n採訪、撰文：黃小華；攝影：吳志強\n\n文：陳大明`,
      [
        'headline:會談舉行',
        `paragraph:${BODY}`,
        'heading:採訪手記',
        `paragraph:${BODY}`,
        'byline:採訪、撰文：黃小華；攝影：吳志強',
        'byline:文：陳大明',
      ],
    ],
    [
      'a couplet headline stays whole',
      `深化互信合作 共促地區繁榮\n\n${BODY}`,
      ['headline:深化互信合作 共促地區繁榮', `paragraph:${BODY}`],
    ],
    [
      'a name-and-colon heading is not dialogue',
      `會談舉行\n\n${BODY}\n\n外長：雙方應加強溝通\n\n${BODY}`,
      [
        'headline:會談舉行',
        `paragraph:${BODY}`,
        'heading:外長：雙方應加強溝通',
        `paragraph:${BODY}`,
      ],
    ],
    [
      'a dialogue line',
      '訪談\n\n林平：「我們歡迎各國企業前來投資。」',
      ['headline:訪談', 'dialogue:「我們歡迎各國企業前來投資。」'],
    ],
    [
      'an editor’s label before a colon (導讀：, 編者按：) is no speaker: a paragraph',
      '訪談\n\n導讀：「北島助學計劃」已持續推動九年，累計資助學生逾萬名。\n\n編者按：本文為讀者來稿，不代表本報立場。',
      [
        'headline:訪談',
        'paragraph:導讀：「北島助學計劃」已持續推動九年，累計資助學生逾萬名。',
        'paragraph:編者按：本文為讀者來稿，不代表本報立場。',
      ],
    ],
    [
      'an interview transcript: the answers labelled with a name and a colon, unquoted, are dialogue lines',
      '專訪\n\n記者：你怎樣看今年的施政報告？\n\n林平：我支持政府增加公營房屋供應，但輪候時間仍然太長。\n\n記者：有人批評簡約公屋質素差。\n\n林平：我明白市民的擔心，長遠仍要靠傳統公屋。',
      [
        'headline:專訪',
        'dialogue:你怎樣看今年的施政報告？',
        'dialogue:我支持政府增加公營房屋供應，但輪候時間仍然太長。',
        'dialogue:有人批評簡約公屋質素差。',
        'dialogue:我明白市民的擔心，長遠仍要靠傳統公屋。',
      ],
    ],
    [
      'labels given to several paragraphs on a page with no questions (注意：, 第一場：) stay running text',
      '講座預告\n\n第一場：北島經濟展望，由林平主講，歡迎市民參加。\n\n注意：座位有限，先到先得，請提早到場登記。\n\n注意：活動當日如懸掛八號風球，講座將會取消。',
      [
        'headline:講座預告',
        'paragraph:第一場：北島經濟展望，由林平主講，歡迎市民參加。',
        'paragraph:注意：座位有限，先到先得，請提早到場登記。',
        'paragraph:注意：活動當日如懸掛八號風球，講座將會取消。',
      ],
    ],
    [
      'one paragraph opening on a name and a colon, on a page with no questions, stays running text',
      `會談舉行\n\n林平：我支持政府增加公營房屋供應，但輪候時間仍然太長。\n\n${BODY}`,
      [
        'headline:會談舉行',
        'paragraph:林平：我支持政府增加公營房屋供應，但輪候時間仍然太長。',
        `paragraph:${BODY}`,
      ],
    ],
    [
      'a quote after a speech verb stays in its paragraph',
      '會見\n\n他說：「合作是唯一正確的選擇。」',
      ['headline:會見', 'paragraph:他說：「合作是唯一正確的選擇。」'],
    ],
    [
      'and after its Hong Kong form (説) and after 補充',
      '會見\n\n林平説：「合作是唯一正確的選擇。」\n\n他補充：「我們會繼續努力。」',
      [
        'headline:會見',
        'paragraph:林平説：「合作是唯一正確的選擇。」',
        'paragraph:他補充：「我們會繼續努力。」',
      ],
    ],
    [
      'a Hong Kong dateline with its source',
      `大公報訊 據中通社報道，${BODY}`,
      ['byline:大公報訊 據中通社報道', `paragraph:${BODY}`],
    ],
    [
      'an agency dateline with the reporter in brackets',
      '新华社北京3月5日电（记者 李明）两国外长今天举行会谈。',
      ['byline:新华社北京3月5日电（记者 李明）', 'paragraph:两国外长今天举行会谈。'],
    ],
    [
      'a boxed reporter line is a byline, not a caption',
      `${BODY}\n\n●本報記者 陳靜 北京報道`,
      [`paragraph:${BODY}`, 'byline:本報記者 陳靜 北京報道'],
    ],
    [
      'a caption with its credit on the same line',
      `${BODY}\n\n●兩國外長握手。 網上圖片`,
      [`paragraph:${BODY}`, 'caption:兩國外長握手。', 'credit:網上圖片'],
    ],
    [
      'a caption with its credit on a line of its own',
      `${BODY}\n\n●兩國外長握手。\n\n中新社`,
      [`paragraph:${BODY}`, 'caption:兩國外長握手。', 'credit:中新社'],
    ],
    [
      'a caption without credit',
      `${BODY}\n\n●兩國外長握手。\n\n${BODY}`,
      [`paragraph:${BODY}`, 'caption:兩國外長握手。', `paragraph:${BODY}`],
    ],
    [
      'a sentence with a credit glued on is a caption, and the paragraph after it stays apart',
      `兩國外長握手。路透社\n\n${BODY}\n\n示威者在使館外集會。张三摄\n\n${BODY}`,
      [
        'caption:兩國外長握手。',
        'credit:路透社',
        `paragraph:${BODY}`,
        'caption:示威者在使館外集會。',
        'credit:张三摄',
        `paragraph:${BODY}`,
      ],
    ],
    [
      'a caption with its credit in brackets and the date the photo was taken',
      `外長（中）29日出席活動時致詞。（通訊社記者林小華攝 113年12月29日）\n\n${BODY}`,
      [
        'caption:外長（中）29日出席活動時致詞。',
        'credit:通訊社記者林小華攝 113年12月29日',
        `paragraph:${BODY}`,
      ],
    ],
    [
      'a paragraph of two sentences ending in an agency name is no caption',
      `${BODY}\n\n兩國外長握手。會後發表聲明，感謝新華社`,
      [`paragraph:${BODY}`, 'paragraph:兩國外長握手。會後發表聲明，感謝新華社'],
    ],
    ['a source line', `${BODY}\n\n來源：中通社`, [`paragraph:${BODY}`, 'source:來源：中通社']],
  ];
  for (const [name, text, want] of cases) it(name, () => assert.deepEqual(roles(text), want));

  it('a lone agency name not after a caption is not a credit', () => {
    assert.ok(!roles(`${BODY}\n\n新華社\n\n${BODY}`).some((r) => r.startsWith('credit')));
  });
});

describe('lists and emphasis', () => {
  it('reads nesting from the indent and emphasis from **', () => {
    const page =
      '要點\n\n- **軍控**\n - 雙方重申**反對**軍備競賽。\n- 加強**溝通**，增進**互信**。';
    const blocks = view(page).articles[0]?.blocks;
    assert.deepEqual(
      blocks?.map((b) => (b.type === 'list-item' ? [b.level, b.text, b.emphasis] : b.type)),
      [
        [1, '軍控', ['軍控']],
        [2, '雙方重申反對軍備競賽。', ['反對']],
        [1, '加強溝通，增進互信。', ['溝通', '互信']],
      ],
    );
  });
  it('points emphasis at the emphasized characters', () => {
    const page = '- 加強**溝通**。';
    const item = nodes(page)[0];
    assert.equal(item?.type, 'list-item');
    if (item?.type !== 'list-item') return;
    const [em] = item.emphasis;
    assert.equal(page.slice(em?.start, em?.end), '溝通');
  });
});

describe('articles on a page', () => {
  it('a story without a headline', () => {
    const v = view(`${BODY}\n\n${BODY}`);
    assert.equal(v.articles.length, 1);
    assert.equal(v.articles[0]?.headline, '');
  });
  it('splits stories at a closing formula, a trailing byline and a source line', () => {
    const page = [
      '東盟會議開幕',
      BODY,
      '王平、李明等出席上述活動。',
      '專家：合作前景廣闊',
      `國際問題評論員陳華指出，${BODY}`,
      '●本報記者 林靜 北京報道',
      '●兩國外長握手。 網上圖片',
      '對話',
      '林平：「歡迎各位。」',
      '來源：中通社',
      '聲明要點',
      '來源：新華社',
      '- 深化合作。',
    ].join('\n\n');
    const v = view(page);
    assert.deepEqual(
      v.articles.map((a) => [a.headline, a.bylines, a.sources]),
      [
        ['東盟會議開幕', [], []],
        ['專家：合作前景廣闊', ['本報記者 林靜 北京報道'], []],
        ['對話', [], ['中通社']],
        ['聲明要點', [], ['新華社']],
      ],
    );
    assert.deepEqual(
      v.articles[2]?.captions.map((c) => [c.text, c.credit]),
      [['兩國外長握手。', '網上圖片']],
    );
  });
  it('keeps section headings inside a story', () => {
    const page = ['會談舉行', BODY, '加強經貿合作', BODY, '推進人文交流', BODY].join('\n\n');
    const v = view(page);
    assert.equal(v.articles.length, 1);
    assert.deepEqual(
      v.articles[0]?.blocks.filter((b) => b.type === 'heading').map((b) => b.text),
      ['加強經貿合作', '推進人文交流'],
    );
  });
});

describe('repairs are recorded', () => {
  it('a word split across a column break, with the ranges it joined', () => {
    const page = `雙方同意在能源、農業和數字經濟等領域深化合\n\n \n作，推動兩國關係不斷向前發展。`;
    const tree = parse(page);
    const paragraph = tree.children[0]?.children[0];
    assert.equal(
      paragraph?.text,
      '雙方同意在能源、農業和數字經濟等領域深化合作，推動兩國關係不斷向前發展。',
    );
    assert.deepEqual(
      paragraph?.pieces.map((p) => page.slice(p.start, p.end)),
      ['雙方同意在能源、農業和數字經濟等領域深化合', '作，推動兩國關係不斷向前發展。'],
    );
    const join = tree.diagnostics.find((d) => d.rule === 'join-broken-lines');
    assert.equal(join?.message, 'joined line 1 and 4 across 2 blank lines: split word 合|作');
    assert.equal(join?.ranges?.length, 2);
  });
  it('a hard-wrapped page is reported with its width', () => {
    const para =
      '兩國外長同意進一步加強溝通協調，深化政治互信，推動經貿、投資、科技、人文等領域合作取得更多成果，造福兩國人民。';
    const wrapped = [...para].reduce((s, c, i) => s + (i > 0 && i % 16 === 0 ? '\n' : '') + c, '');
    const tree = parse(`${wrapped}\n\n${wrapped}`);
    assert.equal(tree.children[0]?.children.length, 2);
    assert.match(tree.diagnostics[0]?.message ?? '', /hard-wrapped at width 16/);
  });
  it('a paragraph cut by a photo caption goes on after it', () => {
    const page = `${BODY}雙方認為，\n\n●兩國外長握手。\n\n新華社\n\n應當繼續加強合作。`;
    assert.deepEqual(roles(page), [
      `paragraph:${BODY}雙方認為，應當繼續加強合作。`,
      'caption:兩國外長握手。',
      'credit:新華社',
    ]);
  });
});

describe('a mainland page', () => {
  const page = [
    '奋力谱写合作新篇章',
    '——写在中国—东盟建立对话关系三十五周年之际',
    '本报记者 张伟 李娜',
    '今年是中国—东盟建立对话关系三十五周年。三十五年来，双方关系不断深化，合作成果丰硕。',
    '（完）',
    '【责任编辑：王晓明】',
    '外交部举行例行记者会',
    '新华社北京3月5日电 外交部发言人林平5日主持例行记者会，回答了记者提问。',
    '问：有报道称，多国将出席下月举行的峰会。中方对此有何评论？',
    '答：我们欢迎各方积极参与，共同推动地区和平与发展。',
    '图为记者会现场。新华社记者 王刚 摄',
  ].join('\n\n');
  const v = view(page);
  it('reads a dash subtitle, an opening byline, an end mark and an editor line', () => {
    assert.deepEqual(
      v.articles.map((a) => [a.headline, a.subheadlines, a.bylines]),
      [
        [
          '奋力谱写合作新篇章',
          ['——写在中国—东盟建立对话关系三十五周年之际'],
          ['本报记者 张伟 李娜', '【责任编辑：王晓明】'],
        ],
        ['外交部举行例行记者会', [], ['新华社北京3月5日电']],
      ],
    );
  });
  it('reads questions and answers as dialogue and a 图为 caption with its credit', () => {
    const second = v.articles[1];
    assert.deepEqual(
      second?.blocks
        .filter((b) => b.type === 'dialogue')
        .map((b) => (b.type === 'dialogue' ? b.speaker : '')),
      ['问', '答'],
    );
    assert.deepEqual(
      second?.captions.map((c) => [c.text, c.credit]),
      [['图为记者会现场。', '新华社记者 王刚 摄']],
    );
  });
});

describe('digests: several short stories on one scraped page', () => {
  const rubricPage = [
    '环球简讯',
    '东岸网消息（午间新闻）：',
    '冰岛火山再度喷发',
    '冰岛气象局15日说，西南部雷克雅内斯半岛的一座火山当天凌晨再度喷发，附近小镇的居民已经连夜撤离。',
    '航空部门表示，目前国际航班暂未受到影响。',
    '秘鲁举行全国人口普查',
    '秘鲁国家统计局14日启动为期两周的全国人口普查，约八万名普查员将走访全国所有家庭。',
  ].join('\n\n');

  it('splits the items under a rubric, which goes with the first story with its lead-in', () => {
    const v = view(rubricPage);
    assert.deepEqual(
      v.articles.map((a) => [a.headline, a.subheadlines, a.bylines, a.blocks.length]),
      [
        ['冰岛火山再度喷发', ['环球简讯'], ['东岸网消息（午间新闻）'], 2],
        ['秘鲁举行全国人口普查', [], [], 1],
      ],
    );
  });

  it('keeps every offset: articles in order, each node pointing at its own text', () => {
    const tree = parse(rubricPage);
    let at = 0;
    for (const article of tree.children) {
      assert.ok(article.start >= at && article.end > article.start);
      at = article.end;
      for (const node of article.children) {
        const own = rubricPage.slice(node.start, node.end);
        assert.ok(own.startsWith(node.text.slice(0, 4)), `${node.type} ${node.text}`);
      }
    }
    const second = tree.children[1];
    assert.equal(
      rubricPage.slice(second?.start, second?.end).split('\n')[0],
      '秘鲁举行全国人口普查',
    );
    const why = tree.diagnostics.find((d) => d.rule === 'split-articles');
    assert.match(why?.message ?? '', /item 2 of 2 of a digest/);
  });

  it('cuts a lead-in joined to the first title back off (a page without blank lines)', () => {
    const tight = rubricPage.replace(/\n\n/g, '\n');
    const v = view(tight);
    assert.deepEqual(
      v.articles.map((a) => [a.headline, a.bylines]),
      [
        ['冰岛火山再度喷发', ['东岸网消息（午间新闻）']],
        ['秘鲁举行全国人口普查', []],
      ],
    );
  });

  const items = [
    '南極科考船啟航',
    '三國聯合科考隊的破冰船12日從開普敦啟航，將在南極大陸沿岸開展為期四個月的冰川觀測。',
    '葡萄牙調高最低工資',
    '葡萄牙政府11日宣布，從明年一月起把全國最低月薪調高百分之六，惠及約八十萬名勞工。',
    '蒙古舉辦那達慕大會',
    '一年一度的那達慕大會11日在烏蘭巴托開幕，來自全國各地的數千名選手參加摔跤、賽馬和射箭比賽。',
  ];

  it('splits three dated items whose first title is the page headline', () => {
    const v = view(items.join('\n\n'));
    assert.deepEqual(
      v.articles.map((a) => a.headline),
      ['南極科考船啟航', '葡萄牙調高最低工資', '蒙古舉辦那達慕大會'],
    );
  });

  it('splits dated items that share only their time words and a verb of announcing', () => {
    const page = [
      '世界這一天　冰島宣布提前大選',
      '冰島總理今日宣布解散國會，提前舉行大選。她表示，希望選民就政府的經濟政策作出判斷。',
      '智利國會通過預算案',
      '智利國會今日以大比數通過明年度預算案。執政聯盟表示歡迎，反對派則批評預算案過分擴張開支。',
      '挪威禁止兒童用社交媒體',
      '挪威政府今日宣布，由明年起禁止15歲以下兒童用社交媒體。首相說，措施可以保護兒童的心理健康。',
    ];
    const v = view(page.join('\n\n'));
    assert.deepEqual(
      v.articles.map((a) => a.headline.replace(/\s+/g, '')),
      ['世界這一天冰島宣布提前大選', '智利國會通過預算案', '挪威禁止兒童用社交媒體'],
    );
  });

  it('a short rubric without a lead-in heads three dated items', () => {
    const v = view(['環球速覽', ...items].join('\n\n'));
    assert.deepEqual(
      v.articles.map((a) => [a.headline, a.subheadlines]),
      [
        ['南極科考船啟航', ['環球速覽']],
        ['葡萄牙調高最低工資', []],
        ['蒙古舉辦那達慕大會', []],
      ],
    );
  });

  it('a headline naming the digest before a slash, a dateline lead-in ending in a colon, and the editor’s line closing the page', () => {
    const page = [
      '世界這一天／北島大選結果出爐　東島宣布緊急狀態',
      '（東岸社台北7日電）世界這一天。以下是今天國際間發生的重要事件：',
      '北島大選結果出爐　執政黨險勝',
      '北島選舉委員會今天公布國會大選結果，執政黨以些微差距保住國會多數。總理林國棟表示，政府會虛心聆聽選民的聲音。',
      '東島宣布進入緊急狀態',
      '東島總統陳明今天宣布全國進入緊急狀態，以應對連日來的反政府示威。反對派領袖王小華譴責政府濫用權力。',
      '南國關注鄰國人道危機',
      '南國外長古大衛6日對鄰國持續惡化的人道危機表示嚴重關切，呼籲國際社會提供更多援助。',
      '（編輯：張三）1141207',
    ].join('\n\n');
    const v = view(page);
    assert.deepEqual(
      v.articles.map((a) => a.headline),
      ['北島大選結果出爐', '東島宣布進入緊急狀態', '南國關注鄰國人道危機'],
    );
  });

  it('a rubric naming a digest (新聞速遞) with its date in brackets heads bracketed-title items', () => {
    const page = [
      '國際新聞速遞（12月5日）',
      '【北島】首相林國棟宣布解散議會\n北島首相林國棟今日宣布解散議會，大選將於本月底舉行，各黨隨即展開競選工作。',
      '【南國】議會通過預算案\n南國議會今日以多數票通過明年度預算案，預算將優先用於民生和基礎建設。',
      '【東島】外交部發表聲明\n東島外交部昨日發表聲明，歡迎兩個鄰國延長停火協議，呼籲各方保持克制。',
    ].join('\n\n');
    const v = view(page);
    assert.deepEqual(
      v.articles.map((a) => [a.headline, a.subheadlines]),
      [
        ['【北島】首相林國棟宣布解散議會', ['國際新聞速遞（12月5日）']],
        ['【南國】議會通過預算案', []],
        ['【東島】外交部發表聲明', []],
      ],
    );
  });

  it('marked lines that are each a short title over a paragraph of their own are a digest’s titles', () => {
    const page = [
      '早晨新聞簡報',
      '■北島首相宣布解散議會\n北島首相林國棟今日宣布解散議會，大選將於本月底舉行，各黨隨即展開競選工作。',
      '■南國議會通過預算案\n南國議會今日以多數票通過明年度預算案，預算將優先用於民生和基礎建設。',
      '■東島外交部發表聲明\n東島外交部昨日發表聲明，歡迎兩個鄰國延長停火協議，呼籲各方保持克制。',
    ].join('\n\n');
    assert.deepEqual(
      view(page).articles.map((a) => a.headline),
      ['北島首相宣布解散議會', '南國議會通過預算案', '東島外交部發表聲明'],
    );
    // Two such lines are as likely photo captions: left so.
    const two = page.split('\n\n').slice(0, 3).join('\n\n');
    assert.deepEqual(
      view(two).articles.map((a) => a.headline),
      ['早晨新聞簡報'],
    );
  });

  it('a short headline over its dash subtitle is not a rubric', () => {
    const page = [
      '老朋友 新夥伴',
      '——寫在兩國建交五十周年之際',
      '五十年前的今天，兩國正式建立外交關係。半個世紀以來，雙方在政治、經濟和文化等領域的合作不斷深化。',
      '港口合作',
      '位於南部海岸的深水港本月3日完成擴建，吞吐量比十年前增長了五倍，成為區域物流的重要樞紐。',
    ].join('\n\n');
    const v = view(page);
    assert.deepEqual(
      v.articles.map((a) => [a.headline, a.subheadlines]),
      [['老朋友 新夥伴', ['——寫在兩國建交五十周年之際']]],
    );
  });

  it('two items without a rubric are too few to tell from a story with a heading', () => {
    assert.equal(view(items.slice(0, 4).join('\n\n')).articles.length, 1);
  });

  it('keeps sections that go on with the story (雙方…, 他…) in one article', () => {
    const page = [
      '兩國外長舉行會談',
      '中國和新西蘭外長12日在北京舉行會談，就雙邊關係和共同關心的國際問題交換意見。',
      '經貿合作',
      '雙方同意13日起啟動自貿協定第二階段談判，進一步擴大農產品貿易。',
      '人文交流',
      '他表示，兩國將在14日簽署互設文化中心的協定，並增加直航航班。',
    ].join('\n\n');
    const v = view(page);
    assert.equal(v.articles.length, 1);
    assert.deepEqual(
      v.articles[0]?.blocks.filter((b) => b.type === 'heading').map((b) => b.text),
      ['經貿合作', '人文交流'],
    );
  });

  it('keeps dated sections about the same names in one article', () => {
    const page = [
      '中東歐合作論壇在布達佩斯開幕',
      '第八屆中國—中東歐國家合作論壇12日在布達佩斯開幕，中東歐十四國代表出席。',
      '中東歐國家合作論壇通過行動計劃',
      '論壇13日通過中國—中東歐國家合作布達佩斯行動計劃，提出擴大合作的十項措施。',
      '中東歐國家合作論壇下屆在華舉行',
      '論壇14日閉幕時宣布，下屆中國—中東歐國家合作論壇將在中國舉行。',
    ].join('\n\n');
    assert.equal(view(page).articles.length, 1);
  });

  const pictures = [
    '世界這一天　秋季候鳥南遷',
    '成千上萬隻白鶴本周飛抵江西鄱陽湖越冬，保護區工作人員在湖區架設了多台高清攝影機，讓市民可以在網上直播中觀察候鳥的日常生活。新華社',
    '白鶴在湖邊淺灘覓食。',
    '德國漢堡港周三舉行一年一度的帆船巡遊，來自二十多個國家的三百多艘帆船駛過易北河，岸邊擠滿了前來觀看的市民和遊客，場面十分熱鬧。路透社',
    '一艘百年老帆船駛過碼頭。',
    '日本北海道的薰衣草田迎來最後一波花期，農場主人說今年夏天雨水充足，花開得比往年更加茂盛，吸引了大批來自海外的攝影愛好者。美聯社',
  ];

  it('splits a picture digest at each credited long caption after a short one', () => {
    const v = view(pictures.join('\n\n'));
    assert.deepEqual(
      v.articles.map((a) => [a.headline.replace(/\s+/g, ''), a.blocks[0]?.text.slice(0, 6)]),
      [
        ['世界這一天秋季候鳥南遷', '成千上萬隻白'],
        ['', '德國漢堡港周'],
        ['', '日本北海道的'],
      ],
    );
  });

  it('a story with one credited photo caption is not a picture digest', () => {
    const page = [
      pictures[0],
      pictures[1],
      pictures[2],
      '保護區負責人表示，今年飛抵的白鶴數量比去年增加一成，湖區水位適中，食物充足，有利候鳥越冬。',
    ].join('\n\n');
    assert.equal(view(page).articles.length, 1);
  });

  it('a picture digest item must speak of something new', () => {
    const page = [
      ...pictures.slice(0, 3),
      '鄱陽湖保護區的白鶴本周數量持續增加，工作人員在湖區架設的高清攝影機拍到白鶴成群覓食的畫面，吸引大批市民在網上觀看直播。新華社',
      '白鶴在湖面上空飛翔。',
    ].join('\n\n');
    assert.equal(view(page).articles.length, 1);
  });

  const review = [
    '各報關注能源價格',
    '各位聽眾好，歡迎收聽今天的報章摘要。《東方時報》星期二報道，受寒潮影響，歐洲天然氣價格一周內上漲了兩成。',
    '報紙說，多國政府正在研究向低收入家庭發放取暖補貼。',
    '「最後一班夜車」，這是《南方晚報》星期二頭版的標題。報道說，連接兩座邊境城市的夜班火車將在年底停駛。',
  ];

  it('splits a press review that says so where it turns to another paper story', () => {
    const v = view(review.join('\n\n'));
    assert.deepEqual(
      v.articles.map((a) => [a.headline, a.blocks.length]),
      [
        ['各報關注能源價格', 2],
        ['', 1],
      ],
    );
  });

  it('a story that quotes a front page is not a press review', () => {
    const page = review.map((p) => p.replace('歡迎收聽今天的報章摘要。', '')).join('\n\n');
    assert.equal(view(page).articles.length, 1);
  });

  it('keeps undated sections of one story together', () => {
    const undated = items.map((line) => line.replace(/1[12]日/, ''));
    assert.equal(view(undated.join('\n\n')).articles.length, 1);
  });

  const numbered = [
    '環球快訊',
    '1. 冰島氣象局15日說，西南部半島的一座火山當天凌晨再度噴發，附近小鎮的居民已經連夜撤離。',
    '航空部門表示，國際航班暫未受到影響。',
    '2. 秘魯國家統計局14日啟動為期兩周的全國人口普查，約八萬名普查員將走訪全國所有家庭。',
    '3. 挪威央行15日宣布維持基準利率不變，並表示將密切關注物價走勢。',
  ];

  for (const [script, conv] of [
    ['Traditional', (s: string) => s],
    ['Simplified', toSimplified],
  ] as const) {
    it(`splits a digest of numbered items, each with a dated lead of its own (${script})`, () => {
      const v = view(conv(numbered.join('\n\n')));
      assert.deepEqual(
        v.articles.map((a) => [a.headline, a.blocks.length, a.blocks[0]?.text.slice(0, 5)]),
        [
          [conv('環球快訊'), 2, conv('1. 冰島')],
          ['', 1, conv('2. 秘魯')],
          ['', 1, conv('3. 挪威')],
        ],
      );
    });

    it(`keeps a statement's numbered points together, dated or not (${script})`, () => {
      const points = [
        '市府公布新措施',
        '一、自本月10日起，全市中小學恢復課堂教學，學校須每日為學生量度體溫。',
        '二、自本月10日起，全市商場和超市恢復正常營業，顧客進入須佩戴口罩。',
        '三、自本月10日起，全市公共交通恢復正常運作，乘客須佩戴口罩並量度體溫。',
      ];
      assert.equal(view(conv(points.join('\n\n'))).articles.length, 1);
      const undated = points.map((p) => p.replace('自本月10日起，', ''));
      assert.equal(view(conv(undated.join('\n\n'))).articles.length, 1);
      // Out of order, or not opening the page: no digest either.
      const skipped = numbered.map((p) => p.replace(/^3\./, '4.'));
      assert.equal(view(conv(skipped.join('\n\n'))).articles.length, 1);
    });

    const labelled = [
      '環球快訊',
      '本台消息：',
      '冰島火山：冰島氣象局15日說，西南部半島的一座火山當天凌晨再度噴發，附近小鎮的居民已經連夜撤離。',
      '航空部門表示，國際航班暫未受到影響。',
      '秘魯普查：秘魯國家統計局14日啟動為期兩周的全國人口普查，約八萬名普查員將走訪全國所有家庭。',
      '挪威：挪威央行15日宣布維持基準利率不變，並表示將密切關注物價走勢。',
    ];
    it(`splits a digest of items under topic labels, the lead-in line with the first (${script})`, () => {
      const v = view(conv(labelled.join('\n\n')));
      assert.deepEqual(
        v.articles.map((a) => [a.headline, a.blocks.at(-1)?.text.slice(0, 4)]),
        [
          [conv('環球快訊'), conv('航空部門')],
          ['', conv('秘魯普查')],
          ['', conv('挪威：挪')],
        ],
      );
    });

    it(`splits a digest of items under labels in square brackets (${script})`, () => {
      const bracketed = [
        '國際新聞速遞',
        '【冰島】冰島氣象局15日說，西南部半島的一座火山當天凌晨再度噴發，附近小鎮的居民已經連夜撤離。',
        '【秘魯】秘魯國家統計局14日啟動為期兩周的全國人口普查，約八萬名普查員將走訪全國所有家庭。',
        '【挪威】挪威央行15日宣布維持基準利率不變，並表示將密切關注物價走勢。',
      ];
      const v = view(conv(bracketed.join('\n\n')));
      assert.deepEqual(
        v.articles.map((a) => [a.headline, a.blocks.at(-1)?.text.slice(0, 4)]),
        [
          [conv('國際新聞速遞'), conv('【冰島】')],
          ['', conv('【秘魯】')],
          ['', conv('【挪威】')],
        ],
      );
      // One story whose paragraphs open with the same bracketed source: no digest.
      const sourced = bracketed.map((p) => p.replace(/^【.{2}】/, '【本報訊】'));
      assert.equal(view(conv(sourced.join('\n\n'))).articles.length, 1);
    });

    it(`keeps a transcript's or an interview's turns together (${script})`, () => {
      const turns = [
        '專訪林國棟',
        '記者：您15日在會上提出的方案，外界反應如何？',
        '林國棟：大家普遍認為方案可行，我們會在下月15日前提交細節。',
        '記者：有人批評方案成本太高，您怎麼回應？',
        '林國棟：成本在今年3日公布的預算之內，不會加重市民負擔。',
      ];
      assert.equal(view(conv(turns.join('\n\n'))).articles.length, 1);
    });

    it(`splits a digest of plain dated paragraphs under its rubric, the lead-in with the first (${script})`, () => {
      const plain = [
        '環球快訊',
        '本台消息：',
        '冰島氣象局15日說，西南部半島的一座火山當天凌晨再度噴發，附近小鎮的居民已經連夜撤離。',
        '秘魯國會15日投票通過一項憲法修正案，將總統任期由五年延長至六年，反對派表示將提出上訴。',
        '挪威央行當地時間15日宣布維持基準利率不變，並表示今年內仍有可能下調利率以刺激經濟。',
      ];
      const v = view(conv(plain.join('\n\n')));
      assert.deepEqual(
        v.articles.map((a) => a.blocks.map((b) => b.text.slice(0, 2))),
        [[conv('本台'), conv('冰島')], [conv('秘魯')], [conv('挪威')]],
      );
      // One story under a short headline of that shape, its paragraphs about the same names.
      const one = [
        '北島經濟簡報',
        '北島統計局15日公布，北島第三季經濟按年增長百分之三，增幅較上季擴大。',
        '北島統計局15日同時公布，北島第三季出口按年增長百分之五，主要受電子產品帶動。',
        '北島統計局表示，北島第四季經濟增長可能放緩，主要受外圍需求轉弱影響。',
      ];
      assert.equal(view(conv(one.join('\n\n'))).articles.length, 1);
    });
  }
});

describe('a headline of parts alone on the first line of a scraped page', () => {
  const TRAD_BODY = '外交部發言人今日表示，各方應通過對話協商妥善處理分歧，共同維護地區和平穩定。';
  const SIMP_BODY = '国务院总理今日在北京会见来访的外国客人，双方就深化经贸合作深入交换了意见。';
  const cases: [string, string, string[]][] = [
    [
      'a 【rubric】 headline of parts (Traditional) is not joined to the body',
      `【海上合作】 外交部：歡迎各方恢復對話　反對《單邊制裁條例》　將採取必要措施\n\n${TRAD_BODY}`,
      [
        'headline:【海上合作】 外交部：歡迎各方恢復對話　反對《單邊制裁條例》　將採取必要措施',
        `paragraph:${TRAD_BODY}`,
      ],
    ],
    [
      'a 【rubric】 headline of parts (Simplified) is not joined to the body',
      `【海上合作】外交部：欢迎各方恢复对话　反对《单边制裁条例》　将采取必要措施\n\n${SIMP_BODY}`,
      [
        'headline:【海上合作】外交部：欢迎各方恢复对话　反对《单边制裁条例》　将采取必要措施',
        `paragraph:${SIMP_BODY}`,
      ],
    ],
    [
      'a two-part headline whose X：… part has commas (Traditional) is a headline',
      `外長訪問東京　外長：兩國合作，成果豐碩，前景廣闊\n\n${TRAD_BODY}`,
      ['headline:外長訪問東京　外長：兩國合作，成果豐碩，前景廣闊', `paragraph:${TRAD_BODY}`],
    ],
    [
      'a two-part headline whose X：… part has commas (Simplified) is a headline',
      `总理会见来访客人　总理：双边贸易稳中有进，合作空间广阔，大有可为\n\n${SIMP_BODY}`,
      [
        'headline:总理会见来访客人　总理：双边贸易稳中有进，合作空间广阔，大有可为',
        `paragraph:${SIMP_BODY}`,
      ],
    ],
    [
      'a first line that is a sentence ending in 。 stays a paragraph',
      `外長訪問東京　雙方同意擴大合作。\n\n${TRAD_BODY}`,
      ['paragraph:外長訪問東京　雙方同意擴大合作。', `paragraph:${TRAD_BODY}`],
    ],
    [
      'a print paragraph broken across a blank line after a comma is rejoined',
      '国务院总理今日在北京会见来访的外国客人，双方就深化经贸合作、\n\n扩大人文交流等议题深入交换了意见。',
      [
        'paragraph:国务院总理今日在北京会见来访的外国客人，双方就深化经贸合作、扩大人文交流等议题深入交换了意见。',
      ],
    ],
    [
      'a broken print paragraph with a wide space inside, its parts running prose, is rejoined',
      '會談在友好氣氛中進行，雙方　就加強經貿往來、擴大人文交流等議題\n\n深入交換了意見。',
      ['paragraph:會談在友好氣氛中進行，雙方 就加強經貿往來、擴大人文交流等議題深入交換了意見。'],
    ],
    [
      'one X：…，… clause alone is read as the start of a broken paragraph',
      '外長表示：兩國關係穩步發展，各領域合作\n\n不斷深化。',
      ['paragraph:外長表示：兩國關係穩步發展，各領域合作不斷深化。'],
    ],
  ];
  for (const [name, text, want] of cases) {
    it(name, () => assert.deepEqual(roles(text).map(collapseSpaces), want.map(collapseSpaces)));
  }

  it('a headline of parts opens the next story after a source line', () => {
    const page = [
      '兩國外長會談',
      TRAD_BODY,
      '來源：中通社',
      '外長抵達東京　外長：雙方關係，穩中有進，前景光明',
      TRAD_BODY,
    ].join('\n\n');
    assert.deepEqual(
      view(page).articles.map((a) => a.headline.replace(/\s+/g, ' ')),
      ['兩國外長會談', '外長抵達東京 外長：雙方關係，穩中有進，前景光明'],
    );
  });

  it('a headline of parts cut by a word wrapper at its spaces is put back together', () => {
    const body =
      '外交部發言人今日在例行記者會上表示，各方應通過對話協商妥善處理分歧，共同維護地區的和平與穩定。';
    const lines = ['【海上合作】', '外交部：歡迎各方恢復對話', '反對《單邊制裁條例》'];
    const wrapped = [...body].reduce((s, c, i) => s + (i > 0 && i % 16 === 0 ? '\n' : '') + c, '');
    const v = view(`${lines.join('\n')}\n\n${wrapped}\n\n${wrapped}`);
    assert.equal(
      v.articles[0]?.headline.replace(/\s+/g, ' '),
      '【海上合作】 外交部：歡迎各方恢復對話 反對《單邊制裁條例》',
    );
    assert.deepEqual(
      v.articles[0]?.blocks.map((b) => b.type),
      ['paragraph', 'paragraph'],
    );
  });

  it('a headline of parts right above its body, without a blank line, stays apart', () => {
    assert.deepEqual(roles(`外長訪問東京　外長：兩國合作，成果豐碩，前景廣闊\n${TRAD_BODY}`), [
      'headline:外長訪問東京 外長：兩國合作，成果豐碩，前景廣闊',
      `paragraph:${TRAD_BODY}`,
    ]);
  });

  it('a source line is not read as the first part of a word-wrapped title below it', () => {
    const body =
      '外交部發言人今日在例行記者會上表示，各方應通過對話協商妥善處理分歧，共同維護地區的和平與穩定。';
    const wrapped = [...body].reduce((s, c, i) => s + (i > 0 && i % 16 === 0 ? '\n' : '') + c, '');
    const v = view(`兩國外長會談\n${wrapped}\n來源：中通社\n外長談合作前景與挑戰\n${wrapped}`);
    assert.deepEqual(
      v.articles.map((a) => [a.headline, a.sources]),
      [
        ['兩國外長會談', ['中通社']],
        ['外長談合作前景與挑戰', []],
      ],
    );
  });

  it('a short heading over a full line of a word-wrapped paragraph is not joined to it', () => {
    const body =
      '外交部發言人今日在例行記者會上表示，各方應通過對話協商妥善處理分歧，共同維護地區的和平與穩定。';
    const wrapped = [...body].reduce((s, c, i) => s + (i > 0 && i % 16 === 0 ? '\n' : '') + c, '');
    const v = view(`外長會談\n${wrapped}\n專家：合作前景廣闊\n${wrapped}`);
    assert.deepEqual(
      v.articles[0]?.blocks.map((b) => b.type),
      ['paragraph', 'heading', 'paragraph'],
    );
  });
});

function collapseSpaces(s: string): string {
  return s.replace(/\s+/g, ' ');
}

describe('a rubric that names itself a news digest', () => {
  const page = [
    '早報新聞摘要',
    '央行維持利率不變',
    '中央銀行宣布維持基準利率不變，總裁表示通脹仍然高於目標，會保持耐心。',
    '首相宣布解散國會',
    '首相昨晚宣布解散國會提前舉行大選，他說希望國民對政府的經濟政策作出判斷。',
    '颱風逼近東部沿海',
    '氣象部門表示，颱風預計明日在東部沿海登陸，當局已疏散逾十萬居民。',
  ].join('\n\n');
  it('splits its items though their leads are not all dated, in either script', () => {
    for (const text of [page, toSimplified(page)]) {
      const v = view(text);
      assert.deepEqual(
        v.articles.map((a) => a.headline),
        ['央行維持利率不變', '首相宣布解散國會', '颱風逼近東部沿海'].map((h) =>
          text === page ? h : toSimplified(h),
        ),
      );
    }
  });
  it('a document’s summary with sections is one story', () => {
    const summary = [
      '工作報告摘要',
      '經濟發展',
      '過去一年經濟保持穩定增長，就業形勢總體穩定，物價水平溫和上漲。',
      '民生保障',
      '過去一年新增就業崗位超過一千萬個，社會保障體系進一步完善。',
      '對外開放',
      '過去一年進出口總額再創新高，吸引外資規模保持穩定。',
    ].join('\n\n');
    assert.equal(view(summary).articles.length, 1);
  });
});

describe('a web page’s furniture copied with its text', () => {
  const page = [
    '首頁 > 新聞中心 > 國際新聞',
    '外交部：中方反對加徵關稅',
    '2025-12-06 15:32　來源：南方網',
    '分享到：微信 微博',
    '字號：大 中 小',
    '',
    '外交部發言人林國棟今天在例行記者會上表示，中方堅決反對有關國家加徵關稅的做法。',
    '',
    '林國棟說，貿易戰沒有贏家，保護主義沒有出路。',
    '',
    '（責任編輯：陳美玲）',
    '相關新聞',
    '商務部回應出口管制新規',
    '外交部敦促停止打壓企業',
  ].join('\n');
  for (const [script, text] of [
    ['Traditional', page],
    ['Simplified', toSimplified(page)],
  ] as const) {
    it(`the breadcrumb, share and font-size lines and the related links are furniture, in one story (${script})`, () => {
      const articles = parse(text).children;
      assert.equal(articles.length, 1);
      const got = (articles[0]?.children ?? []).map((n) => n.type);
      assert.deepEqual(got.filter((t) => t === 'furniture').length, 6);
      const v = view(text).articles[0];
      const conv = script === 'Traditional' ? (s: string) => s : toSimplified;
      assert.equal(v?.headline, conv('外交部：中方反對加徵關稅'));
      assert.ok(!(v?.blocks ?? []).some((b) => /新聞中心|新闻中心|分享|字號|字号/.test(b.text)));
    });
  }
  it('the furniture names nothing of the story: no entities from the breadcrumb or the related links', () => {
    for (const text of [page, toSimplified(page)]) {
      const a = toArticleView(annotate(parse(text))).articles[0];
      const names = (a?.entities ?? []).map((e) => e.text);
      assert.ok(
        names.some((n) => n === '外交部'),
        names.join(' '),
      );
      assert.ok(!names.some((n) => /商務部|商务部|新聞中心|新闻中心/.test(n)), names.join(' '));
    }
  });
  it('share targets on lines of their own and 延伸閱讀 with its links and 看更多 are furniture', () => {
    const text = `首頁 ＞ 政治\n立院刪減預算 行政院將提覆議\n分享\nFacebook\nLINE\n${BODY}\n\n延伸閱讀\n國防部回應預算刪減\n看更多`;
    for (const t of [text, toSimplified(text)]) {
      const got = parse(t).children.flatMap((a) => a.children.map((n) => n.type));
      assert.equal(parse(t).children.length, 1);
      assert.deepEqual(got, [
        'furniture',
        'headline',
        'furniture',
        'furniture',
        'furniture',
        'paragraph',
        'furniture',
        'furniture',
        'furniture',
      ]);
    }
  });
  it('a font-size switch written small to large is furniture; a portal’s date, outlet and reporter line is a byline', () => {
    const text = `首頁 > 兩岸 > 正文\n字體大小：小 中 大\n立院刪減預算 行政院將提覆議\n2025-12-06 14:32 北島新聞網 記者林小文／即時報導\n\n${BODY}`;
    for (const t of [text, toSimplified(text)]) {
      const [article] = parse(t).children;
      const got = (article?.children ?? []).map((n) => n.type);
      assert.deepEqual(
        got.slice(0, 4),
        ['furniture', 'furniture', 'headline', 'byline'],
        got.join(' '),
      );
      const view = toArticleView(parse(t)).articles[0];
      assert.equal(view?.published, '2025-12-06T14:32');
      assert.deepEqual(view?.authors, [t === text ? '林小文' : toSimplified('林小文')]);
    }
  });
  it('a line with only a date and time is no headline, before or after the title: a byline of when', () => {
    for (const lines of [
      ['2025-12-06 14:32', '立院刪減預算 行政院將提覆議'],
      ['立院刪減預算 行政院將提覆議', '發佈時間：2025年12月6日 14:32'],
      ['立院刪減預算 行政院將提覆議', '北島廣播電台 2025年12月6日'],
    ]) {
      const text = `${lines.join('\n')}\n\n${BODY}`;
      for (const t of [text, toSimplified(text)]) {
        const articles = parse(t).children;
        assert.equal(articles.length, 1, t);
        const got = (articles[0]?.children ?? []).map((n) => n.type);
        assert.deepEqual(got.filter((x) => x === 'headline').length, 1, got.join(' '));
        assert.ok(got.includes('byline'), got.join(' '));
        const view = toArticleView(parse(t)).articles[0];
        assert.ok(
          view?.headline?.startsWith(t === text ? '立院刪減預算' : toSimplified('立院刪減預算')),
        );
        assert.equal(view?.published?.slice(0, 10), '2025-12-06');
      }
    }
  });
  it('an outlet’s name beside the date is the byline’s outlet; a headline with a date after it stays the headline', () => {
    const [withOutlet] = parse(`立院刪減預算\n北島廣播電台 2025年12月6日\n\n${BODY}`).children;
    const byline = withOutlet?.children.find((n) => n.type === 'byline');
    assert.deepEqual(byline?.type === 'byline' ? byline.outlets : null, ['北島廣播電台']);
    const [dated] = parse(`北島外長訪問東島 2025年12月6日\n\n${BODY}`).children;
    assert.equal(dated?.children[0]?.type, 'headline');
  });
  it('bulleted links under 相關新聞 and a 延伸閱讀 line with its link are furniture, and hold no stances', () => {
    const text = `立院刪減預算 行政院將提覆議\n\n${BODY}\n\n相關新聞\n- 北島外長批評鄰國軍演\n- 東島總統呼籲各方克制\n延伸閱讀：北島議會反對削減預算`;
    for (const t of [text, toSimplified(text)]) {
      const [article] = annotate(parse(t)).children;
      const got = (article?.children ?? []).map((n) => n.type);
      assert.deepEqual(got.slice(-4), ['furniture', 'furniture', 'furniture', 'furniture']);
      assert.deepEqual(article?.annotations?.stances ?? [], []);
    }
  });
  it('a line that only mentions sharing or a headline about the home page is no furniture', () => {
    const text = `分享經濟的未來：專家談共享單車\n\n${BODY}\n\n首頁設計大賽今天揭曉，多名學生獲獎。`;
    assert.ok(!nodes(text).some((n) => n.type === 'furniture'));
  });
});

describe('a hard-wrapped line that opens mid-sentence before a colon and a quotation', () => {
  it('is no dialogue: 们就修改了口号：“…” names no speaker', () => {
    const page =
      '寓言\n\n故事裏，聰明的豬\n們就修改了原先的口號：“所有動物一律平等，\n但是，”豬們又加上了新的半句話。\n\n林國棟：“這是一則寓言。”\n';
    for (const text of [page, toSimplified(page)]) {
      const speakers = nodes(text)
        .filter((n) => n.type === 'dialogue')
        .map((n) => (n as { speaker: string }).speaker);
      assert.deepEqual(speakers, [text === page ? '林國棟' : '林国栋']);
    }
  });
});

describe('a line opening on a name and Cantonese 話 before a colon and a quotation', () => {
  it('is a quotation brought in by 話, no dialogue whose speaker holds the verb', () => {
    const page = '新聞\n\n街坊陳伯話：「我哋唔係反對重建，但係賠償實在太少。」\n';
    for (const text of [page, toSimplified(page)]) {
      assert.deepEqual(
        nodes(text).filter((n) => n.type === 'dialogue'),
        [],
      );
    }
  });
});
