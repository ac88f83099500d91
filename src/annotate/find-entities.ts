import { TAIWAN_DATELINE, VERB_BEFORE_DUI } from '../text/patterns.ts';
import type { EntityType, MentionKind } from '../tree/annotations.ts';
import { anchoredMatches, anchorOn } from './anchored-matches.ts';
import { SPEECH_CUES, STANCE_CUE_LIST, STANCE_CUES } from './cues.ts';
import {
  findOffices,
  gazetteer,
  matchLexicon,
  officeAt,
  skipOffices,
  UnitSet,
} from './gazetteer.ts';
import { COMPOUND_SURNAMES } from './ner/gazetteer.ts';
import type { ViewWord } from './ner/word-info.ts';
import { WordGrid } from './word-grid.ts';

/**
 * A mention found in an article's Simplified text (offsets into it), keyed by the
 * Simplified canonical name of what it names. Resolution to entity ids comes later.
 */
export interface RawMention {
  start: number;
  end: number;
  type: EntityType;
  /** Simplified canonical name: 俄罗斯 for 俄, 俄方 and 俄羅斯 alike. */
  key: string;
  kind: MentionKind;
  /** For a person named after a bare state title (外长林国栋): the country it implies. */
  country?: string;
}

/**
 * Spans a statistical tagger proposes in a Simplified text (offsets into it), given the
 * segmenter's words of it.
 */
export type TagSpans = (text: string, words: readonly ViewWord[]) => readonly ProposedSpan[];

/** A name a tagger proposes: offsets into the Simplified text, and its type. */
export interface ProposedSpan {
  start: number;
  end: number;
  type: EntityType;
}

/** What the finder may know from earlier articles of the page. */
export interface EntityContext {
  /** Person names seen before (Simplified). */
  people: Set<string>;
  /** Works named before, longest names first, for 《條約》-style short titles. */
  works: string[];
  /** Optional statistical tagger, run last on what the rules left. */
  tagger?: TagSpans;
}

/** Entity types the lexicon gives that are entities (offices and terms are not). */
const ENTITY_TYPES = new Set<string>(['LOC', 'ORG', 'EVENT']);

/** Titles of state that, standing bare before a name, mean China's in Chinese news. */
const STATE_OFFICE =
  /^(?:国家主席|主席|总书记|总理|副总理|国务院总理|国务院副总理|国务委员|外长|外交部长|副外长|部长|国防部长|外交部发言人|发言人|大使|特使|委员长|全国人大常委会委员长|全国政协主席|中共中央总书记|中央军委主席)$/;
/** A country, organisation or 兼 right before a title: the title is not bare. */
const QUALIFIED =
  /(?:国|方|府|部|会|组织|联盟|兼|驻)$|[\u4e00-\u9fff]{2}(?:国|斯|亚|兰|本|鲜|度|西|大|坦)$/;
const HOME = '中国';

/** Whether a country's name ends right at `at` (伊朗 in 伊朗外长: the title is not bare). */
function endsInCountry(text: string, at: number): boolean {
  const { countryNames } = gazetteer();
  for (let n = 2; n <= 8 && n <= at; n++) if (countryNames.has(text.slice(at - n, at))) return true;
  return false;
}

/** Adverbs that stand between a subject and its verb and so end a name read after a title
 * (未, 不, 并未, 强烈, 坚决, 再次 …), as a regular expression's alternatives. */
const ADVERBS_AFTER_NAME =
  '未|不(?=[会能愿对同向与在是])|并未|并不|没有|强烈|坚决|严厉|再次|首次|随即|随后|仍然|始终';
const ADVERB_AFTER_PERSON = new RegExp(`^(?:${ADVERBS_AFTER_NAME})`);

/** Forms of address after a surname (马丁女士, 沈女士), as a regular expression's alternatives. */
const ADDRESS_FORMS = '女士|先生|小姐|夫人|太太|同志';

/** Words that end a name after a title: verbs of speech and meeting, time words, particles,
 * forms of address (马丁女士). */
const NAME_STOP = new RegExp(
  `^(?:等(?:人|参加|出席|陪同|会见)|在|同|与|和|及|等|于|对|向|将|也|都|还|则|又|就|已|曾|的|是|为|被|从|把|举行|出席|主持|发表|致|访问|抵达|昨|今|日前|近日|当天|周[一二三四五六日末]|星期|礼拜|上周|本周|下周|上午|下午|晚间|前天|明天|一行|率|接受|回答|北京|报道|摄|${ADVERBS_AFTER_NAME}|${ADDRESS_FORMS}|时(?=${SPEECH_CUES.join('|')})|指(?=[，,：:「“])|${[
    ...SPEECH_CUES,
    ...STANCE_CUES.map((c) => c.cue),
  ].join('|')})`,
);
/** Characters a name never starts with (记者会, 总统府, 记者到蓝星石油 …). */
const NOT_NAME_START =
  /^[会站证节们团组处室府的在说表指强认一这那其各该本此兼共约逾近对就也都已还亦是到从被把给让问佢他她只仅]/;
/** Verbs that follow a generic title (专家提醒市民, 学者建议政府): what comes after the title
 * is what they do, not who they are, and the nouns of a commentator's piece (评论员文章, 署名
 * 文章), the words of a question put to them (请问发言人有何回应, 专家如何看待), and the
 * adverbs of degree and manner before what they do (总统高度肯定, 总理再次表示), and 时 and
 * a verb of speech closing a time clause (见记者时称). Two
 * characters or more, so no surname (曾, 于, 何, 高) is lost. */
const VERB_AFTER_TITLE = new RegExp(
  `^(?:提醒|提防|建议|警告|提示|告诫|希望|主张|质疑|发现|注意|透露|呼吁|忠告|估计|预计|分析|解释|文章|署名|有何|有无|有没有|有什么|如何|为何|是否|能否|会否|高度|强烈|坚决|严正|十分|非常|极为|深表|再次|一再|多次|亲自|随即|随后|同时|时(?:${SPEECH_CUES.join('|')})|${[
    ...SPEECH_CUES,
    ...STANCE_CUES.map((c) => c.cue),
  ]
    .filter((cue) => cue.length >= 2)
    .join('|')})`,
);
/** A name: Han characters, or a transliteration with middle dots (·, and ‧ ・ ． as Taiwan's
 * and Japan's typesetting write it; up to three, 穆罕默德·本·萨勒曼). */
const NAME_CHARS = /^[\u4e00-\u9fff]{2,6}(?:[·‧・•．][\u4e00-\u9fff]{1,8}){0,3}/;

/** Follow a one-character country abbreviation in text: 俄各界, 美军, 访俄 … */
const ABBR_AFTER = /^(?:方|各界|政府|总统|总理|外长|军|媒|官员|领导人|副总理|国防部|外交部)/;
const ABBR_BEFORE = /(?:访|赴|驻|对|抵)$/;
/** The abbreviations that stand for their country in almost any pair: 中俄, 美日. */
export const MAJOR = '中美俄日韩朝欧英法德印';
/** Characters that are abbreviations only sometimes (以美国为首, 新时代, 意见): a pair with
 * them needs a word of relations after it (中非合作, 中加关系). */
const AMBIGUOUS = '以新意加巴西南北东非阿马蒙土老越泰菲古乌拉智';
const PAIR_PARTNERS =
  /^(?:关系|合作|两国|双方|贸易|会谈|会晤|峰会|联合|战略|友好|建交|边境|外长|元首|领导人|论坛|对话|经贸|(?:早日|尽快|立即|实现|之间)?(?:停火|和谈|谈判|冲突|战争|交战|局势|危机|争端))/;
/** What a word may hold beside one-character abbreviations for them to stand for countries:
 * 访俄, 俄方, 美军, 中俄关系, 中美两国. */
const ABBR_CONTEXT = /^(?:[访赴驻对抵促方军媒]|关系|两国|三国|同盟|各界)*$/;

/** What may follow ABBR_AFTER in the segmenter's word after an abbreviation of its own:
 * 美 | 军方, 美 | 媒体报道 (nothing at all: 俄 | 政府). */
const ABBR_AFTER_TAIL = /^(?:[方体]|$)/;

/**
 * Whether the one-character abbreviation at `i` (opening its word) comes before a word that
 * says a country's (ABBR_AFTER: 俄政府, 美军, 以总理): in its own word (美军), or in the next
 * word when that word is what ABBR_AFTER names (俄 | 政府, 美 | 军方), not a longer word that
 * only opens with it (以 | 军事行动: 以 is the preposition).
 */
function abbreviationBefore(text: string, grid: WordGrid, i: number): boolean {
  const m = ABBR_AFTER.exec(text.slice(i + 1, i + 4));
  if (m === null) return false;
  if (grid.wordEnd(i) > i + 1) return true;
  const after = i + 1 + m[0].length;
  return ABBR_AFTER_TAIL.test(text.slice(after, Math.max(after, grid.wordEnd(i + 1))));
}

/** Whether `[start, end)` starts or ends inside a word and does not lie in one word. */
function straddles(grid: WordGrid, start: number, end: number): boolean {
  const first = grid.wordStartOf(start);
  if (grid.wordStartOf(end - 1) === first) return false;
  return first < start || grid.wordEnd(end - 1) > end;
}

/** Whether the segmenter's word that holds unit `i` is one-character abbreviations and
 * their context only. */
function ownWord(text: string, grid: WordGrid, i: number, units: UnitSet): boolean {
  const start = grid.wordStartOf(i);
  const end = grid.wordEnd(i);
  if (end - start < 2) return true;
  let rest = '';
  for (let k = start; k < end; k++) if (!units.has(text.charCodeAt(k))) rest += text[k];
  return ABBR_CONTEXT.test(rest);
}

/** Whether a title longer than the one at `at` starts in `[from, at)` and runs past it:
 * 常务副 of 常务副市长 is that title's start, no name before 市长. */
function opensOffice(text: string, from: number, at: number): boolean {
  for (let i = from; i < at; i++) {
    const office = officeAt(text, i);
    if (office !== null && i + office.length > at) return true;
  }
  return false;
}

/** The words that end the name of an event: a congress, a forum, a summit, a fair, games. */
const EVENT_END = /(?:大会|论坛|峰会|博览会|对话会|运动会|年会|研讨会)$/;
/** Parts of speech of the words between a place and the end of an event's name: common
 * nouns (a proper name there, 华盛顿|美国商会…论坛, makes the place where it is held). */
const EVENT_WORD_POS = /^(?:n|nc|nz|an)$/;
/** Words naming who takes part (中国—中东欧国家领导人峰会): the place before them is theirs,
 * a mention of its own. */
const PARTICIPANTS = /国家|领导人|首脑|元首|部长|外长|议长|总理|总统/;

/**
 * Whether the words from `at` (right after a place) are two units or more of nouns and then
 * the end of an event's name: 亚洲|文明对话大会 (not 北京|峰会: where a summit is held, nor
 * 亚洲|的大会).
 */
function opensEventName(text: string, grid: WordGrid, at: number): boolean {
  if (!grid.startsWord(at)) return false;
  for (let i = at; i < at + 12 && i < text.length; ) {
    const end = grid.wordEnd(i);
    // (中方祝贺/nc 大会…: a verb of stance, whatever tag it has, is no part of a name.)
    if (end <= i || !EVENT_WORD_POS.test(grid.posAt(i)) || CUE_START.test(text.slice(i, end)))
      return false;
    const suffix = EVENT_END.exec(text.slice(at, end))?.[0].length ?? 0;
    if (suffix > 0)
      return end - suffix - at >= 2 && !PARTICIPANTS.test(text.slice(at, end - suffix));
    i = end;
  }
  return false;
}

/** Two one-character abbreviations and a word of relations after them: 中新两国, 中新关系. */
const BILATERAL = /[\u4e00-\u9fff]{2}(?=两国|双方|关系|合作|友好|建交|邦交|自贸)/g;

/** 中美洲, 中英文: two abbreviations that are not two countries. */
const NOT_PAIR_AFTER = /^[洲文语籍式餐药]/;

/** Media outlets before a reporter or commentator: 风卫视评论员, 东方日报记者. Sticky: tried
 * only one to four units before the first character of an outlet word (MEDIA_AT). */
const MEDIA =
  /([\u4e00-\u9fff]{1,4}?(?:卫视|电视台|通讯社|日报|晚报|时报|周刊|新闻网|广播电台|电台))(?=记者|评论员|主持人|报道|讯|消息)/y;
const MEDIA_AT = anchorOn('卫电通日晚时周新广', 1, 4);

/** 这位专家 / 该组织 / 他: references resolved to the last entity of their kind. */
const TITLE_REF =
  /(?:这位|这名|该|此位)(?:专家|学者|评论员|教授|官员|发言人|人士|负责人|外长|总统|领导人|大使)/g;
/** The words for a kind of body that, opening a clause, stand for the body of that kind
 * named last (商会表示 after 中国机电产品进出口商会): no names of their own. */
const BODY_KINDS = [
  '公会',
  '协会',
  '学会',
  '工会',
  '商会',
  '基金会',
  '法院',
  '大学',
  '医院',
  '公署',
  // 港铁公司 … 公司表示; 选举委员会 … 委员会指出 (not 公司法, 委员会主席: a title, read apart).
  '公司(?![法])',
  '委员会(?![主委])',
  '理事会',
  '董事会',
  '使馆',
  '领事馆',
  // 卫生防护中心 … 中心表示 (not 中心城区, 中心地带, 中心思想).
  '中心(?![城区地位点思线轴])',
];
const ORG_REF = new RegExp(
  `(?:该|这个|此)(?:组织|机构|机制|联盟|集团|党团|党|部|局|署|办|委员会|协会|公司)(?![长门分队级属部主副官公事法])|该(?:院(?![长士校区系内外落子线])|社(?![区会交员团长]))|(?:该报|这家报纸|报纸)(?=(?:也|还|则|又)?(?:说|称|认为|指出|写道|评论))|(?<![主承协合与当政])(?:局|署|院|校|馆|府)方(?![面法式案向针便可能位言圆块形程子])|(?<=^|[，。；：！？\n「“])(?:(?:${BODY_KINDS.join('|')})(?![的长员方])|党团(?![的长员方书总干主副召]))`,
  'g',
);
const PRONOUN = /(?<![其吉])[他她佢](?![们国人乡日哋])/g;
/** 其 as the subject of a verb of speech or stance, opening a clause (其表示, 其并指出): he or
 * she, as 他 (elsewhere 其 is "its", "their"). */
const SUBJECT_QI =
  /(?<=^|[，。；：！？\n「“])其(?=(?:又|也|还|并|则|亦|随后|同时)?(?:表示|指出|称|说|强调|认为|坦言|透露|回应|重申|提到|补充|批评|呼吁|要求|敦促))/g;
/** 发言人 with no body before it, opening a clause (发言人又表示): the spokesperson last named. */
const BARE_SPOKESPERSON = /(?<=^|[，。；：！？\n「“])(?:该|这位|这名)?发言人/g;

/** Common Chinese surnames (composed for this project), for names without a title. */
const SURNAMES = new Set(
  '赖萧洪辜栗王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝',
);
/** Two-character surnames: the tagger's list. */
const TWO_UNIT_SURNAMES: ReadonlySet<string> = new Set(COMPOUND_SURNAMES);
/** The one-unit surnames, and the first units of the two-unit ones, as bits: hasSurname is
 * asked at every name it reads, and makes no string for most positions. */
const SURNAME_UNITS = new UnitSet();
for (const s of SURNAMES) if (s.length === 1) SURNAME_UNITS.add(s.charCodeAt(0));
const TWO_UNIT_FIRSTS = new UnitSet();
for (const s of TWO_UNIT_SURNAMES) TWO_UNIT_FIRSTS.add(s.charCodeAt(0));
/** A name opening a clause right before a speech verb: 王毅表示，…, 陈家驹话，「…」. Sticky: tried only two
 * or three units before the first character of a verb (SPEAKER_NAME_AT). */
const SPEAKER_NAME =
  /(?<=^|[，。；！？\n」”])([\u4e00-\u9fff]{2,3}?)(?=表示|指出|强调|认为|介绍|透露|坦言|直言|说[，：]|(?<!的)话[，：])/y;
const SPEAKER_NAME_AT = anchorOn('表指强认介透坦直说话', 2, 3);
/** Parts of speech of a common noun (白皮书/nc, 高层/n): a word with one is no one's name. */
const COMMON_NOUN_POS = /^(?:n|nc|ng|vn|an)$/;

/** Two or three names listed before a closing formula: 杨洁篪、王毅等参加. Sticky: tried only
 * two or three units before a 、 (NAME_LIST_AT). */
const NAME_LIST =
  /((?:[\u4e00-\u9fff]{2,3}、)+[\u4e00-\u9fff]{2,3})等(?:人)?(?:参加|出席|陪同|参与|会见)/y;
const NAME_LIST_AT = anchorOn('、', 2, 3);

/** A dateline: reporters and a place before the day (记者王国栋台北5日电, 记者王国栋、李文
 * 台北5日专电), or before 报道 or 电 with no day (记者王国栋华盛顿报道, 本报记者李文东京电).
 * Group 1: the names and the place run together; group 2 the day, if any; group 3 what ends it. */
const DATELINE =
  /(?:记者|特派员|特约记者)\s*([\u4e00-\u9fff]{2,4}(?:、[\u4e00-\u9fff]{2,4})*[\u4e00-\u9fff]{2,4}?)(\d{1,2}日)?(专?电(?![视台报影力脑话邮子])|讯|报道|报导)/g;
/** An editor's, writer's, translator's or photographer's line: 编辑：王国栋/李文, 责任编辑: 李文,
 * 文：王国栋 图：李文. */
const CREDIT_LINE =
  /(?:责任编辑|编辑|编译|翻译|撰稿|撰文|摄影|校对|采访|整理|(?<=^|[\s（(|｜])(?:文|图))\s*[：:︰]\s*([\u4e00-\u9fff]{2,4}(?:[/／、][\u4e00-\u9fff]{2,4})*)(?=[）)\s\d]|$)/gm;
/** CREDIT_LINE, sticky, tried only just before a colon (creditLines). */
const CREDIT_LINE_AT = new RegExp(CREDIT_LINE.source, 'my');
const WHITE = /\s/;

/**
 * The matches of CREDIT_LINE in `text`, as a global search finds them, from a search at the
 * few positions where one can start: every match holds one colon, right after its role word
 * (one to four units) and white space, so a match starts one to four units before the white
 * space before a colon; and role words hold no colon, so matches come colon by colon.
 */
function creditLines(text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let next = 0;
  for (let c = 0; c < text.length; c++) {
    const u = text.charCodeAt(c);
    if (u !== 0xff1a && u !== 0x3a && u !== 0xfe30) continue;
    let word = c;
    while (word > 0 && WHITE.test(text[word - 1] as string)) word--;
    for (let s = Math.max(next, word - 4); s < word; s++) {
      CREDIT_LINE_AT.lastIndex = s;
      const m = CREDIT_LINE_AT.exec(text);
      if (m === null) continue;
      out.push(m);
      next = s + m[0].length;
      break;
    }
  }
  return out;
}

/** A photo credit closing a caption: 王国栋摄 after a sentence, before the end of the line, or
 * in brackets of its own ((林励摄)). */
const PHOTO_CREDIT = /(?<=^|[。！？）)、\s（(【])([\u4e00-\u9fff]{2,3})(?=摄(?:[\s（(）)】]|$))/my;
const PHOTO_CREDIT_AT = anchorOn('摄', 2, 3);

/** The place that ends a dateline's run of names and place: the longest lexicon place
 * that ends it and leaves a name of two units or more, or else its last two units. */
function datelinePlace(run: string): string {
  for (let n = Math.min(4, run.length - 2); n >= 2; n--) {
    if (placeEntry(run.slice(run.length - n)) !== null) return run.slice(run.length - n);
  }
  return run.slice(-2);
}

/** The canonical name of the lexicon place spelled `form` (Simplified), or null. */
function placeEntry(form: string): string | null {
  const hit = gazetteer().forms.longestAt(form, 0);
  return hit !== null && hit.word === form && hit.value.type === 'LOC' ? hit.value.name : null;
}

/**
 * Finds the mentions of an article's Simplified text. In order of trust: titles in 《》
 * (WORK, a short one resolving to the longer work named before), credit lines (a
 * dateline's reporter and place, editors, photo credits), people after a title
 * (国家主席习近平, 总统普京, 评论员宋忠平, 记者 葛冲), lexicon names, media outlets before a
 * reporter, one-character country abbreviations in context (中俄, 俄方, 俄各界), names made
 * by a suffix (…法院, …机场), names seen before, names before 表示 or a title, before 政府
 * (拜登政府), in lists, words the segmenter does not know that open with a surname, and
 * last what a statistical tagger proposes, when one is given. Then organisations named
 * only inside a job title are dropped, and the fullest names given (伊朗外交部 for 外交部,
 * 林郑月娥 for 林郑月 and 林郑).
 */
export function findEntities(
  text: string,
  context: EntityContext,
  words: readonly ViewWord[],
): RawMention[] {
  const taken = new Uint8Array(text.length + 1);
  const out: RawMention[] = [];
  const free = (s: number, e: number) => {
    for (let i = s; i < e; i++) if (taken[i]) return false;
    return true;
  };
  const add = (m: RawMention, claim: [number, number] = [m.start, m.end]) => {
    // 卓荣泰今 | （5）日: a name run on into a day as Taiwan's wire writes it, whoever read it.
    if (m.type === 'PER' && m.kind === 'name' && dayAfter(text, m.start, m.end)) {
      m = { ...m, end: m.end - 1, key: m.key.slice(0, -1) };
      if (claim[1] > m.end) claim = [claim[0], m.end];
    }
    // 会见时向普京表示, 会上对林国栋说: 向 or 对 after a time or place clause and before a
    // verb of speech is the preposition of whom the subject spoke to, no surname.
    if (
      m.type === 'PER' &&
      m.kind === 'name' &&
      m.end - m.start >= 3 &&
      /[向对]/.test(text[m.start] as string) &&
      /[时后中上]/.test(text[m.start - 1] ?? '') &&
      CUE_START.test(text.slice(m.end, m.end + 4))
    ) {
      m = { ...m, start: m.start + 1, key: m.key.slice(1) };
      if (claim[0] < m.start) claim = [m.start, claim[1]];
    }
    // 林国栋促美欧, 促英欧: a one-character verb and its object read into the name, whoever
    // read it: the name ends before the verb, and there is none when it opens on it.
    if (m.type === 'PER' && m.kind === 'name') {
      const cut = verbAndObjectIn(text, m.start, m.end);
      if (cut !== -1) {
        if (cut - m.start < 2) return false;
        m = { ...m, end: cut, key: m.key.slice(0, cut - m.start) };
        if (claim[1] > m.end) claim = [claim[0], m.end];
      }
    }
    if (m.end <= m.start || !free(claim[0], claim[1])) return false;
    taken.fill(1, claim[0], claim[1]);
    out.push(m);
    return true;
  };
  // A longer name the tagger reads over names the rules found inside it takes their place,
  // where each mention it touches lies inside it and is shorter:
  // - an organisation over places and organisations (中国科学院 over 中国, 湖北省公安厅 over
  //   湖北省, 印尼队 over 印尼);
  // - a place over places where what it adds is no place itself (北京西客站, 沈阳军区,
  //   沈阳市 over 沈阳); a chain of places (美国佛罗里达州) names each of them;
  // - a person over a person the rules read one character short or long (向俊平 over 俊平).
  // Never over a work, a title's person or a credit, whose claims reach past their mention.
  const widens = (m: RawMention): boolean => {
    // Nothing found there yet: nothing to widen over (and no scan of every mention).
    if (free(m.start, m.end)) return false;
    const inside: number[] = [];
    for (let k = 0; k < out.length; k++) {
      const o = out[k] as RawMention;
      if (o.end <= m.start || o.start >= m.end) continue;
      if (o.start < m.start || o.end > m.end || o.end - o.start >= m.end - m.start) return false;
      if (o.kind !== 'name' && o.kind !== 'alias') return false;
      // An organisation over places only: one the rules named stays itself (胡塞武装 of
      // 也门胡塞武装, 民建联 of 民建联立法会).
      // A body read as the head of a department of its own (中共中央台办, 中共中央对外联络部 over
      // 中共中央): the department, the name it opens staying its alias.
      const department =
        m.type === 'ORG' &&
        o.type === 'ORG' &&
        o.start === m.start &&
        m.end - o.end >= 2 &&
        DEPARTMENT_END.test(text.slice(o.end, m.end));
      // A foreign name over a place its letters spell inside it (卡塔林娜 over 塔林, 阿里西亚·
      // 彼特里 over 西亚): the place strictly inside, or the name dotted.
      const spelled =
        m.type === 'PER' &&
        o.type === 'LOC' &&
        o.kind === 'name' &&
        ((o.start > m.start && o.end < m.end) ||
          /[·‧・•]/.test(text.slice(m.start, m.end)) ||
          // 王西安, 李长春: a surname and a given name that spells a place.
          (o.start === m.start + 1 &&
            o.end === m.end &&
            SURNAMES.has(text[m.start] as string) &&
            !linkingWordAt(m.start)));
      if (m.type === 'PER' ? o.type !== 'PER' && !spelled : o.type !== 'LOC' && !department)
        return false;
      // 外长向林国栋介绍: a word that links or governs (向, 和, 与) before the name the rules
      // read, though a surname, is not the name's.
      if (m.type === 'PER' && m.start < o.start && linkingWordAt(m.start)) return false;
      // 马赛龙 | 未对…, 卡尔多安 | 强烈谴责: the tagger's person run on into an adverb after the
      // name the rules read (the segmenter may have glued them: 龙未).
      if (m.type === 'PER' && o.type === 'PER' && o.start === m.start) {
        const adverb = ADVERB_AFTER_PERSON.exec(text.slice(o.end, o.end + 2))?.[0];
        if (adverb?.startsWith(text.slice(o.end, m.end))) return false;
      }
      inside.push(k);
    }
    if (inside.length === 0) return false;
    if (m.type === 'LOC') {
      // What the span adds to the places inside it: the stretches no mention covers.
      const pieces: [number, number][] = [];
      let at = m.start;
      for (const o of inside.map((k) => out[k] as RawMention).sort((x, y) => x.start - y.start)) {
        if (o.start > at) pieces.push([at, o.start]);
        at = o.end;
      }
      if (m.end > at) pieces.push([at, m.end]);
      const rest = pieces.map(([from, to]) => text.slice(from, to)).join('');
      if (rest.length === 0) return false;
      // 台湾地区, 香港市区: a common word for an area is no division of its own.
      if (GENERIC_AREA.test(rest)) return false;
      // A chain of places (a known one, or a name with an administrative suffix: 青海省玛多县)
      // names each place: the ones the rules did not find are added on their own.
      // (沈阳军区: a military region is a facility of the place, no division of its own.)
      if (
        placeEntry(rest) !== null ||
        (rest.length >= 2 && ADMIN_PLACE.test(rest) && !MILITARY_REGION.test(rest))
      ) {
        for (const [from, to] of pieces) {
          const piece = text.slice(from, to);
          const entry = placeEntry(piece);
          if (piece.length >= 2 && (entry !== null || ADMIN_PLACE.test(piece))) {
            const kind = entry === null || entry === piece ? 'name' : 'alias';
            add({ start: from, end: to, type: 'LOC', key: entry ?? piece, kind });
          }
        }
        return false;
      }
      // Otherwise a place widens only into a named facility (北京西客站, 沈阳军区, 沈阳市),
      // not into a common noun (西贡海滩, 荷台达港口).
      // 北爱尔兰, 南苏丹: a compass point before the place names a place of its own.
      const compass =
        pieces.length === 1 && pieces[0]?.[0] === m.start && /^[东西南北]$/.test(rest);
      if (!compass && !FACILITY.test(rest)) return false;
      // 人民大会堂东门外广场: a square outside the place's gate is where, no name of its own.
      if (/[内外前后旁]/.test(rest)) return false;
    }
    // Nothing else claims the span: claims reach past their mention for works and credits.
    let covered = 0;
    for (const k of inside) covered += (out[k] as RawMention).end - (out[k] as RawMention).start;
    let claimed = 0;
    for (let i = m.start; i < m.end; i++) claimed += taken[i] as number;
    if (claimed !== covered) return false;
    for (let k = inside.length - 1; k >= 0; k--) out.splice(inside[k] as number, 1);
    taken.fill(1, m.start, m.end);
    out.push(m);
    return true;
  };

  // A person's name the tagger reads without the linking word the rules took in front of it
  // (和 | 布林肯 of 外长和布林肯国务卿, 向 | 俊平): those words are surnames too, but the
  // tagger, which reads the context, parts them from the name. The tagger's name wins.
  const narrows = (m: RawMention): boolean => {
    if (m.type !== 'PER' || m.end - m.start < 2) return false;
    // 和 | 布林肯: the rules' name one linking unit longer in front.
    const linked = (o: RawMention) =>
      m.start > 0 &&
      LINKING.test(text[m.start - 1] as string) &&
      o.start === m.start - 1 &&
      o.end === m.end;
    // 胡锦涛 | 访韩: the rules' name run on by a unit or two after the tagger's, into what the
    // tagger reads as no name and the segmenter as a word of its own.
    const runOn = (o: RawMention) =>
      o.start === m.start &&
      o.end > m.end &&
      o.end - m.end <= 2 &&
      grid.startsWord(m.start) &&
      // 谢军 | 会赢, 周宁 | 上一轮: one unit that is seldom a given name's last, which the
      // segmenter glued on, goes too.
      (grid.startsWord(m.end) ||
        (o.end - m.end === 1 && FUNCTION_TAIL.test(text[m.end] as string))) &&
      // 陈家 | 驹: a unit the segmenter reads as a noun's may be the given name's last.
      !/^(?:n|ng|nr|nrfg|nrt|nz|j|a|an)$/.test(grid.posAt(m.end)) &&
      // 日本首相高市 | 早苗: after a foreign state's office, a word of two the segmenter does
      // not know (x) is the name's rest (not 国家副主席胡锦涛 | 访韩).
      !(
        grid.posAt(m.end) === 'x' &&
        o.end - m.end === 2 &&
        grid.wordEnd(m.end) === o.end &&
        afterForeignOffice(text, o.start)
      ) &&
      // 匈牙利外长西雅尔托 | 表示: after a foreign state's office, one unit the rules read on
      // to a verb of speech or stance is the transliteration's last (托 is no verb before 表示).
      !(
        o.end - m.end === 1 &&
        CUE_START.test(text.slice(o.end, o.end + 4)) &&
        afterForeignOffice(text, o.start)
      ) &&
      // 魏凤和 before a verb: a linking unit after the name is judged by the rules alone.
      !(o.end - m.end === 1 && LINKING.test(text[m.end] as string)) &&
      // 林芳 | 正12日, 林芳 | 正 | 也: a unit read as an adverb before a digit, a mark or
      // another adverb, which no adverb stands before, is the given name's last.
      !(noAdverbBefore(text, grid, o.end) && grid.posAt(m.end).startsWith('d'));
    // Both start at m.start or just before it, where a mention marks its place taken.
    if (taken[m.start] !== 1 && (m.start === 0 || taken[m.start - 1] !== 1)) return false;
    const k = out.findIndex(
      (o) => o.type === 'PER' && o.kind === 'name' && (linked(o) || runOn(o)),
    );
    if (k < 0) return false;
    const o = out[k] as RawMention;
    out.splice(k, 1);
    taken.fill(0, o.start, o.end);
    return add(m);
  };

  // 《…》: works. A short title that ends a longer work named before is that work.
  // An outlet in 《》 is an organisation (《明报》, 《星岛日报》), and so is the short name of
  // one named in full in 《》 on the page (《苹果》 of 《苹果日报》).
  for (const m of text.matchAll(/《([^《》\n]{1,60})》/g)) {
    const inner = m[1] as string;
    const start = (m.index ?? 0) + 1;
    const outlet = outletIn(text, inner);
    if (outlet !== null) {
      const kind = outlet === inner ? 'name' : 'alias';
      add({ start, end: start + inner.length, type: 'ORG', key: outlet, kind }, [
        start - 1,
        start + inner.length + 1,
      ]);
      continue;
    }
    const longer = context.works.find((w) => w !== inner && w.endsWith(inner));
    const key = longer ?? inner;
    if (longer === undefined && !context.works.includes(inner)) {
      context.works.push(inner);
      context.works.sort((a, b) => b.length - a.length);
    }
    add({ start, end: start + inner.length, type: 'WORK', key, kind: longer ? 'alias' : 'name' }, [
      start - 1,
      start + inner.length + 1,
    ]);
  }

  // Credits: a dateline's reporter and place (记者王国栋台北5日电), an editor line
  // (编辑：王国栋/李文), a photo credit (王国栋摄). The names are people; the dateline's
  // place is a place, not the end of the reporter's name.
  for (const m of text.matchAll(DATELINE)) {
    const run = m[1] as string;
    const start =
      (m.index ?? 0) + m[0].length - run.length - (m[2] ?? '').length - (m[3] as string).length;
    const place = datelinePlace(run);
    // With no day, only a place the lexicon knows ends the names (记者王国栋现场报道 names no place).
    if (m[2] === undefined && placeEntry(place) === null) continue;
    const placeAt = start + run.length - place.length;
    const entry = placeEntry(place);
    add({
      start: placeAt,
      end: placeAt + place.length,
      type: 'LOC',
      key: entry ?? place,
      kind: entry === null || entry === place ? 'name' : 'alias',
    });
    let at = start;
    for (const name of run.slice(0, run.length - place.length).split('、')) {
      if (name.length >= 2 && name.length <= 4 && hasSurname(text, at)) {
        if (add({ start: at, end: at + name.length, type: 'PER', key: name, kind: 'name' })) {
          context.people.add(name);
        }
      }
      at += name.length + 1;
    }
  }
  for (const m of creditLines(text)) {
    let at = (m.index ?? 0) + m[0].length - (m[1] as string).length;
    for (const name of (m[1] as string).split(/[/／、]/)) {
      if (name.length >= 2 && hasSurname(text, at)) {
        if (add({ start: at, end: at + name.length, type: 'PER', key: name, kind: 'name' })) {
          context.people.add(name);
        }
      }
      at += name.length + 1;
    }
  }
  for (const m of anchoredMatches(text, PHOTO_CREDIT, PHOTO_CREDIT_AT)) {
    const name = m[1] as string;
    const at = (m.index ?? 0) + m[0].length - name.length;
    if (!hasSurname(text, at)) continue;
    if (add({ start: at, end: at + name.length, type: 'PER', key: name, kind: 'name' })) {
      context.people.add(name);
    }
  }

  // People after an office title. In Chinese news a bare state title (外长林国栋, not
  // 日本外长) is China's, which tells 双方 who the parties are.
  const { abbreviations, abbreviationUnits, forms } = gazetteer();
  /**
   * The country `c` stands for in a pair (中新两国): one the lexicon knows as c方 (新方 →
   * 新加坡), and that this text named before `at`; undefined otherwise (新疆 is no side).
   */
  /** Where each place is first named in `out`, built on the first pair looked at. */
  let firstNamed: Map<string, number> | null = null;
  const namedInitial = (c: string, at: number): string | undefined => {
    const side = forms.longestAt(`${c}方`, 0);
    const country = side?.word === `${c}方` ? side.value.name : undefined;
    if (country === undefined) return undefined;
    if (firstNamed === null) {
      firstNamed = new Map();
      for (const m of out) {
        if (m.type === 'LOC' && !firstNamed.has(m.key)) firstNamed.set(m.key, m.start);
      }
    }
    return (firstNamed.get(country) ?? at) < at ? country : undefined;
  };
  // A name read after a title or before a speech verb must also be one by its words.
  const grid = new WordGrid(text.length, words);
  /** Whether unit `i` is a linking word (和, 与, 同, 向) the segmenter reads as a word of one
   * unit that links or governs: though a surname, it opens no name (主席和拜登总统). */
  const linkingWordAt = (i: number) =>
    LINKING.test(text[i] ?? '') && grid.wordEnd(i) === i + 1 && /^[pcudrv]/.test(grid.posAt(i));
  /** Whether `[start, start + n)` of the text could be a name by its words. */
  const fits = (start: number, n: number, stopAfter = 0) =>
    grid.couldBeName(
      start,
      start + n,
      hasSurname(text, start),
      stopAfter,
      noAdverbBefore(text, grid, start + n),
    );
  const offices = findOffices(text);
  for (const { start: at, office } of offices) {
    // 湖南省 | 长沙市: a title read from inside one of the segmenter's words into the middle
    // of the next (省长) is no title; 广东省 | 长 | 王伟中 is.
    const from = grid.wordStartOf(at);
    if (
      from < at &&
      !grid.startsWord(at + office.length) &&
      grid.wordEnd(from) < at + office.length
    )
      continue;
    // Titles in a row name one person (国务委员兼外长林国栋), and a word of the segmenter
    // that runs on from the title by two units or more is more title (副主任 of 副/主任委员
    // in 副主任委员王庆喜); by one it is a place (大使馆, 主席国), and no person follows.
    let s = skipOffices(text, at + office.length);
    const across = grid.endOfWordAcross(s);
    if (across === s + 1) continue;
    s = across;
    while (text[s] === ' ') s++;
    // A person named before wins over a fresh reading (郑海平 again in 郑海平等参加, where
    // jieba's 平等 would cut the name short).
    // A name in Latin letters used as the name in the sentence (主席 Anne Smith 表示), without
    // a title of nobility or letters after it (Baroness, QC).
    const latin = LATIN_NAME.exec(text.slice(s, s + 60));
    if (latin !== null) {
      // The mention runs from the title's end over the space, the title of nobility and the
      // letters (a reader of the clause finds the person right after the title); the name
      // is without them.
      const [, space = '', lead = '', core = '', letters = ''] = latin;
      const end = s + space.length + lead.length + core.length + letters.length;
      const kind = space === '' && lead === '' && letters === '' ? 'name' : 'alias';
      if (add({ start: s, end, type: 'PER', key: core, kind })) context.people.add(core);
      continue;
    }
    // 主席和拜登总统: a linking word opens no name after the title (not so 于, a surname).
    if (linkingWordAt(s)) continue;
    const name =
      knownNameAt(text, s, context.people) ??
      withFinalHe(
        text,
        s,
        readName(text.slice(s, s + 12), (n, stop) => fits(s, n, stop)),
      ) ??
      personWord(text, grid, s) ??
      (foreignTitleAt(text, at) && !GROUP_TITLE.test(office)
        ? nameToStop(text.slice(s, s + 12), grid, s)
        : null);
    // 众议员访团, 议员们: a group the title's holders make up, no one person.
    if (name === null || GROUP_END.test(name) || placeWordAfterTitle(name, grid, s)) continue;
    // 部长周三称, 大臣星期一在: a weekday after the title, and what the holder did on it.
    const weekday = WEEKDAY.exec(name)?.[0].length ?? 0;
    if (weekday > 0) {
      const rest = text.slice(s + weekday, s + weekday + 6);
      if (CUE_START.test(rest) || AFTER_TITLED.test(rest)) continue;
    }
    const bare =
      STATE_OFFICE.test(office) &&
      !QUALIFIED.test(text.slice(Math.max(0, at - 4), at)) &&
      !endsInCountry(text, at);
    const m: RawMention = {
      start: s,
      end: s + name.length,
      type: 'PER',
      key: name,
      // 游客沈女士: a surname and a form of address names a speaker, but is no name.
      kind: ADDRESSED.test(name) ? 'title' : 'name',
    };
    if (add(bare ? { ...m, country: HOME } : m)) context.people.add(name);
  }

  for (const longest of matchLexicon(text)) {
    // A name that runs from inside one of the segmenter's words into another is no name
    // (海地 of 加勒比海/地区); one inside a single word may be (北京 of 北京天安门广场).
    // A place's last unit may open a title, though (新北市 of 新北/市长).
    // 也门外长 read 也|门外|长: a place right before an office holds however the words fell.
    // 南韩国会 read 南|韩国|会: a place right before a word of the state (国会, 国防) holds.
    const holds = (end: number) =>
      !straddles(grid, longest.start, end) ||
      officeAt(text, end - 1) !== null ||
      officeAt(text, end) !== null ||
      STATE_WORD.test(text.slice(end, end + 2));
    // 日本国内 read 日本|国内: a shorter form at the same start may hold where the longest
    // (日本国) does not.
    let hit: typeof longest | null = longest;
    while (hit !== null && !holds(hit.end)) {
      const shorter = gazetteer().forms.longestAt(text.slice(hit.start, hit.end - 1), 0);
      hit =
        shorter === null
          ? null
          : { start: hit.start, end: hit.start + shorter.word.length, entry: shorter.value };
    }
    if (hit === null || !ENTITY_TYPES.has(hit.entry.type)) continue;
    const kind: MentionKind = hit.entry.name === text.slice(hit.start, hit.end) ? 'name' : 'alias';
    add({
      start: hit.start,
      end: hit.end,
      type: hit.entry.type as EntityType,
      key: hit.entry.name,
      kind,
    });
  }

  for (const m of anchoredMatches(text, MEDIA, MEDIA_AT)) {
    const name = m[1] as string;
    const start = m.index ?? 0;
    add({ start, end: start + name.length, type: 'ORG', key: name, kind: 'name' });
  }

  // One-character country abbreviations, only where context says they are countries.
  /** Whether `a` and `b` are two countries, with the text from `afterAt` after them. */
  const pairs = (a: string, b: string, afterAt: number) => {
    if (!abbreviations.has(a) || !abbreviations.has(b)) return false;
    const after = text.slice(afterAt);
    return (
      !NOT_PAIR_AFTER.test(after) &&
      (PAIR_PARTNERS.test(after) ||
        (MAJOR.includes(a) && MAJOR.includes(b)) ||
        (!AMBIGUOUS.includes(a) &&
          !AMBIGUOUS.includes(b) &&
          (MAJOR.includes(a) || MAJOR.includes(b))))
    );
  };
  /** Countries the text names in full, read on the first abbreviation looked at. */
  let namedCountries: Set<string> | null = null;
  /** 中巴 on a page about Brazil: a one-character abbreviation (not a major state's) stands
   * for the country the text names in full that it opens, when the lexicon's country (巴基斯坦)
   * is not named and exactly one such country is. */
  const countryOf = (c: string, lexicon: string): string => {
    // 中, 美, 俄, 印 …: the major states' characters keep their country (中方 on a page about
    // the Central African Republic is still China).
    if (MAJOR.includes(c)) return lexicon;
    namedCountries ??= new Set(
      out
        .filter((m) => m.type === 'LOC' && m.kind === 'name' && gazetteer().countryNames.has(m.key))
        .map((m) => m.key),
    );
    if (namedCountries.size === 0 || namedCountries.has(lexicon)) return lexicon;
    const opened = [...namedCountries].filter((k) => k[0] === c);
    return opened.length === 1 ? (opened[0] as string) : lexicon;
  };
  for (let i = 0; i < text.length; i++) {
    if (!abbreviationUnits.has(text.charCodeAt(i))) continue;
    const lexiconEntry = abbreviations.get(text[i] as string);
    if (lexiconEntry === undefined || taken[i]) continue;
    const c = text[i] as string;
    const entry = { ...lexiconEntry, name: countryOf(c, lexiconEntry.name) };
    // Inside one of the segmenter's words, the character is an abbreviation only when the
    // rest of the word is abbreviations and their context (中俄关系, 访俄, 美军), not part of
    // another word (法官, 穆罕默德).
    if (text[i + 1] === '方' && free(i, i + 2) && ownWord(text, grid, i, abbreviationUnits)) {
      add({ start: i, end: i + 2, type: 'LOC', key: entry.name, kind: 'alias' });
    } else if (
      ((i > 0 && pairs(text[i - 1] as string, c, i + 1)) ||
        pairs(c, text[i + 1] ?? '', i + 2) ||
        // 俄政府, 美军: the abbreviation opens its word.
        (grid.wordStartOf(i) === i && abbreviationBefore(text, grid, i)) ||
        (!AMBIGUOUS.includes(c) && ABBR_BEFORE.test(text.slice(i - 1, i)))) &&
      ownWord(text, grid, i, abbreviationUnits)
    ) {
      // 巴以 (冲突, 停火, 双方): 巴 beside 以色列 is Palestine, not the lexicon's Pakistan.
      const palestine = c === '巴' && (text[i + 1] === '以' || text[i - 1] === '以');
      add({
        start: i,
        end: i + 1,
        type: 'LOC',
        key: palestine ? '巴勒斯坦' : entry.name,
        kind: 'abbreviation',
      });
    }
  }

  // 中新两国 on a page about Singapore: a pair of one-character abbreviations before a word of
  // relations, where a character no lexicon abbreviation has (新: 新加坡 or 新西兰?) opens the
  // name of exactly one country named before it in the article.
  for (const m of text.matchAll(BILATERAL)) {
    const i = m.index ?? 0;
    if (!free(i, i + 2)) continue;
    const keys = [0, 1].map((k) => {
      const c = text[i + k] as string;
      return abbreviations.get(c)?.name ?? namedInitial(c, i);
    });
    if (keys.some((k) => k === undefined) || keys[0] === keys[1]) continue;
    for (const k of [0, 1]) {
      add({
        start: i + k,
        end: i + k + 1,
        type: 'LOC',
        key: keys[k] as string,
        kind: 'abbreviation',
      });
    }
  }

  // Names made by a suffix (…法院, …委员会, …机场, …港) over the segmenter's words, with the
  // place or organisation before it when there is one (欧盟统计局, 韩国消防署).
  // So are newspapers named as the source of what they say (法国星期天报说，…).
  for (const span of [...suffixNames(text, words, out), ...outletNames(text)]) {
    const inside = out.filter((m) => m.start < span.end && m.end > span.start);
    if (inside.some((m) => m.start < span.start || m.end > span.end || m.type === 'PER')) continue;
    if (inside.some((m) => m.start === span.start && m.end === span.end)) continue;
    for (const m of inside) {
      out.splice(out.indexOf(m), 1);
      taken.fill(0, m.start, m.end);
    }
    add({ ...span, key: text.slice(span.start, span.end), kind: 'name' });
  }

  // 韓國瑜表示 after 立法院長韓國瑜: a person the page named wins over a place the lexicon
  // reads at the start of the name (韓國), as a longer name wins over one inside it. The
  // places by start, made when first needed; those given up are taken out at the end, in one
  // pass (a page may write the name on every line).
  let placeAt: Map<number, RawMention> | null = null;
  const givenUp = new Set<RawMention>();
  for (const name of context.people) {
    // A dialogue's speaker may be a pronoun and a verb (他补充): no name.
    if (PRONOUN_START.test(name) || NOT_PERSON.test(name)) continue;
    for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + name.length)) {
      const end = at + name.length;
      let yielded: RawMention | null = null;
      if (!free(at, end)) {
        placeAt ??= new Map(
          out
            .filter((m) => m.type === 'LOC' && (m.kind === 'name' || m.kind === 'alias'))
            .map((m) => [m.start, m]),
        );
        const place = placeAt.get(at);
        if (place !== undefined && place.end < end && !givenUp.has(place)) {
          taken.fill(0, place.start, place.end);
          if (free(at, end)) yielded = place;
          else taken.fill(1, place.start, place.end);
        }
      }
      if (add({ start: at, end, type: 'PER', key: name, kind: 'name' })) {
        if (yielded !== null) givenUp.add(yielded);
      } else if (yielded !== null) taken.fill(1, yielded.start, yielded.end);
    }
  }
  if (givenUp.size > 0) {
    let w = 0;
    for (const m of out) if (!givenUp.has(m)) out[w++] = m;
    out.length = w;
  }

  for (const m of anchoredMatches(text, SPEAKER_NAME, SPEAKER_NAME_AT)) {
    // 毛宁则表示: 则 (on the other hand) before the verb is no part of a name of two.
    const name = (m[1] as string).replace(/^(.{2})则$/, '$1');
    const start = m.index ?? 0;
    // 小崔说, 老王表示: a surname called familiarly names a speaker, but is no name.
    if (FAMILIAR.test(name) && SURNAMES.has(name[1] as string)) {
      if (grid.startsWord(start) && grid.endsWord(start + 2))
        add({ start, end: start + 2, type: 'PER', key: name, kind: 'title' });
      continue;
    }
    if (!SURNAMES.has(name[0] as string) || !fits(start, name.length)) continue;
    // A surname and a form of address (沈女士) names a speaker, but is no name.
    if (ADDRESSED.test(name)) {
      add({ start, end: start + name.length, type: 'PER', key: name, kind: 'title' });
      continue;
    }
    if (NOT_PERSON.test(name)) continue;
    // 白皮书指出: one word the segmenter knows as a common noun, or a lexicon term, is no name.
    if (
      (grid.startsWord(start) &&
        grid.wordEnd(start) === start + name.length &&
        COMMON_NOUN_POS.test(grid.posAt(start))) ||
      gazetteer().forms.longestAt(name, 0)?.word === name
    )
      continue;
    if (add({ start, end: start + name.length, type: 'PER', key: name, kind: 'name' })) {
      context.people.add(name);
    }
  }

  // A name in Latin letters as the subject of a verb of speech in a Chinese sentence (…，Anne
  // Smith表示): not one in brackets after a Chinese name, nor in an English passage.
  if (LATIN_PAIR.test(text)) {
    for (const m of text.matchAll(LATIN_SPEAKER)) {
      const name = m[1] as string;
      const at = m.index ?? 0;
      if (add({ start: at, end: at + name.length, type: 'PER', key: name, kind: 'name' })) {
        context.people.add(name);
      }
    }
  }

  for (const m of anchoredMatches(text, NAME_LIST, NAME_LIST_AT)) {
    let at = m.index ?? 0;
    for (const name of (m[1] as string).split('、')) {
      if (
        fits(at, name.length) &&
        add({ start: at, end: at + name.length, type: 'PER', key: name, kind: 'name' })
      ) {
        context.people.add(name);
      }
      at += name.length + 1;
    }
  }

  // A name right before a title (习近平主席, 凯塔总统): a surname and words that fit, or one
  // word the segmenter calls a person's name.
  for (const { start: at, office } of offices) {
    if (!PERSON_TITLE.test(office)) continue;
    for (const n of [3, 2, 4]) {
      const s = at - n;
      if (s < 0 || !free(s, at)) continue;
      const name = text.slice(s, at);
      if (!HAN.test(name) || NOT_PERSON.test(name)) continue;
      // 常务副市长, 代市长: what opens a longer title (a deputy's, an acting holder's) is none.
      if (opensOffice(text, s, at)) continue;
      // 主席和拜登总统: a linking word opens no name before the title either.
      // 李家/nrfg 超/v 特首: a name of two the segmenter knows and its third unit cut off as a
      // word of one, whatever it tags it.
      const cutTail =
        n === 3 &&
        grid.startsWord(s) &&
        grid.posAt(s).startsWith('nr') &&
        grid.wordEnd(s) === at - 1 &&
        grid.wordEnd(at - 1) === at;
      const ok = hasSurname(text, s)
        ? n <= 3 &&
          !linkingWordAt(s) &&
          fits(s, n) &&
          (!/^[pcudrv]/.test(grid.posAt(at - 1)) || cutTail) &&
          (n === 3 || grid.posAt(s).startsWith('nr'))
        : grid.startsWord(s) &&
          grid.endsWord(at) &&
          grid.posAt(s).startsWith('nr') &&
          grid.wordEnd(s) === at;
      if (!ok) continue;
      if (add({ start: s, end: at, type: 'PER', key: name, kind: 'name' }))
        context.people.add(name);
      break;
    }
  }

  // Names by the segmenter's words, in one pass over them:
  // - a word it calls a person's name before the government or team that person leads
  //   (拜登政府, 特朗普团队);
  // - a word it calls a place that ends like one (州, 区, 省, 县, 岛, 海: 济州, 佛罗里达州),
  //   and that the lexicon does not list, not a people (…人) or a language (…语);
  // - a word it does not know, of three units opening with a surname (王立薇, 丁志礼), where
  //   the words fit.
  for (let k = 0; k < words.length; k++) {
    const w = words[k] as ViewWord;
    const n = w.end - w.start;
    // Only names (n…) and unknown words (x) of two units or more: a test on one code unit.
    const tag = w.pos.charCodeAt(0);
    if (n < 2 || (tag !== 0x6e && tag !== 0x78)) continue;
    if (w.pos.startsWith('nr')) {
      if (
        !LED_FIRST.includes(text[w.end] ?? '。') ||
        !LED_BODY.test(text.slice(w.end, w.end + 2))
      ) {
        continue;
      }
      // A Chinese surname and a word (施政团队) is no foreign leader's name; nor is the end of
      // a longer name the segmenter cut (尔顿 of 马/尔顿): a one-unit word before it that is no
      // function word.
      if (hasSurname(text, w.start) || !free(w.start, w.end)) continue;
      const p = w.start - 1;
      if (
        p >= 0 &&
        grid.startsWord(p) &&
        grid.wordEnd(p) === w.start &&
        HAN.test(text[p] as string)
      ) {
        if (!/^[pcudvr]/.test(grid.posAt(p))) continue;
      }
      const name = text.slice(w.start, w.end);
      if (!HAN.test(name) || NOT_PERSON.test(name)) continue;
      if (add({ start: w.start, end: w.end, type: 'PER', key: name, kind: 'name' })) {
        context.people.add(name);
      }
    } else if (w.pos === 'ns') {
      // A place and a one-unit word of district or county after it (新店/区).
      const unit = words[k + 1];
      const end =
        unit !== undefined &&
        unit.start === w.end &&
        unit.end === w.end + 1 &&
        ADMIN_UNIT.includes(text[w.end] as string) &&
        !PLACE_END.includes(text[w.end - 1] as string)
          ? w.end + 1
          : w.end;
      if (
        !PLACE_END.includes(text[end - 1] as string) ||
        GENERIC_AREA.test(text.slice(end - 2, end))
      ) {
        continue;
      }
      // Two units opening with a country's abbreviation are a pair (中海), not a place; and
      // two ending in 海 are a common word (大海, 陆海) unless the lexicon lists them.
      if (n === 2 && (MAJOR.includes(text[w.start] as string) || text[w.start + 1] === '海')) {
        continue;
      }
      if (/^[人语籍族]/.test(text[end] ?? '') || !free(w.start, end)) continue;
      const name = text.slice(w.start, end);
      if (HAN.test(name)) add({ start: w.start, end, type: 'LOC', key: name, kind: 'name' });
    } else if (n === 2 && w.pos === 'x' && surnameWordBefore(text, grid, w.start)) {
      // A surname the segmenter cut off an unknown given name (丁/薛祥), opening a clause and
      // followed by a verb or a mark.
      const s = w.start - 1;
      const before = text[s - 1] ?? '\n';
      const next = words[k + 1];
      if (HAN.test(before) && before !== '、') continue;
      if (next !== undefined && next.start === w.end && !/^[vpcud]/.test(next.pos)) {
        if (HAN.test(text[w.end] as string)) continue;
      }
      const name = text.slice(s, w.end);
      if (!HAN.test(name) || NOT_PERSON.test(name) || PLACE_LIKE.test(name) || !free(s, w.end)) {
        continue;
      }
      if (add({ start: s, end: w.end, type: 'PER', key: name, kind: 'name' })) {
        context.people.add(name);
      }
    } else if (n === 3 && w.pos === 'x' && hasSurname(text, w.start)) {
      // 王文同 | 俄罗斯外长: the segmenter glued the word linking a two-character name to the
      // name after it (同, 与, 和, 及) onto the first; the name is the first two characters.
      const after = words[k + 1];
      const linked =
        CONJUNCTIONS.includes(text[w.end - 1] as string) &&
        after !== undefined &&
        after.start === w.end &&
        NAME_WORD_POS.test(after.pos);
      // 陈伯 | 话。, 王明 | 说，: the segmenter glued a verb of speech before a mark onto a
      // name of two; the name is the first two characters.
      const said = !linked && speechTailAt(text, w.end);
      // 毛宁则 | 表示: 则 (on the other hand) glued on before where or what one says.
      const contrast = !linked && contrastTailAt(text, w.end);
      const end = linked || said || contrast ? w.end - 1 : w.end;
      const name = text.slice(w.start, end);
      if (!HAN.test(name) || NOT_PERSON.test(name) || PLACE_LIKE.test(name)) continue;
      if (!free(w.start, end)) continue;
      if (!linked && !said && NOT_AFTER_PERSON.test(text.slice(w.end, w.end + 2))) continue;
      if (!fits(w.start, end - w.start)) continue;
      const kind = ADDRESSED.test(name) ? 'title' : 'name';
      if (add({ start: w.start, end, type: 'PER', key: name, kind })) {
        context.people.add(name);
      }
    }
  }

  // Names listed after a person: 王立薇、徐巧文.
  for (const m of [...out]) {
    if (m.type !== 'PER') continue;
    let at = m.end;
    while (text[at] === '、') {
      const s = at + 1;
      let next = 0;
      for (const n of [3, 2]) {
        // A list's last name before 和 (王立、范明和李文): 和 ends the name.
        if (CONJUNCTIONS.includes(text[s + n - 1] as string)) continue;
        if (free(s, s + n) && HAN.test(text.slice(s, s + n)) && hasSurname(text, s) && fits(s, n)) {
          next = n;
          break;
        }
      }
      if (next === 0) break;
      const name = text.slice(s, s + next);
      if (!add({ start: s, end: s + next, type: 'PER', key: name, kind: 'name' })) break;
      context.people.add(name);
      at = s + next;
    }
  }

  if (context.tagger !== undefined) {
    const followers = new Map<string, Set<string>>();
    for (const proposed of partedAtSpaces(text, context.tagger(text, words))) {
      const named = withoutWordTail(
        text,
        withoutShortFormTail(
          text,
          withoutCueTail(
            text,
            withoutLinkingLast(
              text,
              withGluedLast(
                text,
                withGluedAdverb(
                  text,
                  withoutTime(
                    text,
                    withoutSpeechTail(
                      text,
                      withoutPhotoCredit(text, withHyphenedFirst(text, proposed)),
                    ),
                  ),
                  grid,
                ),
                grid,
              ),
              taken,
            ),
            grid,
          ),
          grid,
          context.people,
        ),
        grid,
        followers,
      );
      const span = afterPlaceKind(text, withoutSideFirst(text, named));
      if (!taggedNameHolds(text, span, grid)) continue;
      // 国际律师协会促英欧…: a person's name that opens with a one-character verb (促, 吁,
      // 称, 指) right after a name is that name's verb and its object.
      if (
        span.type === 'PER' &&
        span.start > 0 &&
        taken[span.start - 1] === 1 &&
        ONE_CHAR_VERB.test(text[span.start] as string)
      )
        continue;
      const surface = text.slice(span.start, span.end);
      if (span.type === 'PER' && NOT_TAGGED_PERSON.test(surface)) continue;
      // 阿方 after 阿根廷总统: a side in talks, named by the first character of a country.
      if (span.type === 'PER' && sideOfCountry(surface)) continue;
      // 綠委 read as a body: a party's legislators are people no one named, and no body.
      if (PARTY_LEGISLATORS.test(surface)) continue;
      // 商会, 公会, 法院 alone: the kind of a body named before, which the references read
      // (ORG_REF), no name of its own.
      if (span.type === 'ORG' && BODY_KIND.test(surface)) continue;
      // 国家发展大局, 地区格局: 局 of a word for a situation or a layout is no bureau.
      if (span.type === 'ORG' && SITUATION_END.test(surface)) continue;
      // 应 | 对外部冲击: a span opening on the 对 of a verb before it (应对, 面对, 针对), which
      // the segmenter glued to the noun after it (对外部/nt), is no name (对外经济贸易大学
      // after 于 still is).
      if (surface[0] === '对' && VERB_BEFORE_DUI.includes(text[span.start - 1] ?? '-')) continue;
      const m: RawMention = {
        start: span.start,
        end: span.end,
        // Uber发言人, 谷歌公司, X首席执行官: what has a spokesperson, a chief executive or is a
        // company is a body, whatever the tagger read it as.
        type: span.type === 'PER' && BODY_AFTER.test(text.slice(span.end)) ? 'ORG' : span.type,
        key: surface,
        // 沈女士: a surname and a form of address names a speaker, but is no name.
        kind: span.type === 'PER' && ADDRESSED.test(surface) ? 'title' : 'name',
      };
      if (add(m) || widens(m) || narrows(m)) {
        if (span.type === 'PER') context.people.add(surface);
      }
    }
  }

  // 中国游客沈女士表示: a surname and a form of address after the words that describe the
  // person (not only opening a clause before a verb of speech): a speaker no name gives. The
  // surname a word of its own the segmenter reads as a name (和女士们: 和 is a conjunction),
  // or the whole a word of the segmenter's (陈先生).
  for (const m of text.matchAll(ADDRESSED_AFTER_NOUN)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (!SURNAMES.has(m[0][0] as string) || !grid.startsWord(start)) continue;
    const whole = grid.wordEnd(start) === end;
    // (A surname that is also an adjective or a noun, 黄/a 小姐, 马/n 先生: the form of address a
    // word of its own right after it.)
    if (
      !whole &&
      (grid.wordEnd(start) !== start + 1 ||
        !(
          /^nr/.test(grid.posAt(start)) ||
          (/^(?:a|n|ng)$/.test(grid.posAt(start)) &&
            grid.startsWord(start + 1) &&
            grid.wordEnd(start + 1) === end)
        ))
    )
      continue;
    if (!grid.endsWord(end) || !free(start, end)) continue;
    add({ start, end, type: 'PER', key: m[0], kind: 'title' });
  }

  // 赖总统支持…, 卓揆强调: a surname and an office, the way the press calls a person the page
  // names, wherever it stands (not only before a verb of speech); resolved to the person.
  if (out.some((m) => m.type === 'PER')) {
    const surnames = new Set<string>();
    for (const m of out) {
      if (m.type === 'PER' && m.kind === 'name' && m.key.length >= 2 && m.key.length <= 4)
        surnames.add(m.key[0] as string);
    }
    for (const m of text.matchAll(SURNAME_AND_OFFICE)) {
      const s = m.index ?? 0;
      const end = s + m[0].length;
      if (!surnames.has(m[1] as string) || !grid.startsWord(s) || !grid.endsWord(end)) continue;
      if (!free(s, end)) continue;
      // 赖总统清德: a title before a name is no reference of its own.
      if (out.some((o) => o.type === 'PER' && o.start === end)) continue;
      add({ start: s, end, type: 'PER', key: m[0], kind: 'name' });
    }
  }

  out.sort((a, b) => a.start - b.start);
  // 日本人, 美国人, 韩国籍: a nationality, no mention of the country (GUIDELINES §1); 中国人民
  // and 中国人口 are the country's.
  // 左二, 右一起: a photo caption's position of a person, no name; nor a ship or a storm
  // named after one.
  const named = out.filter(
    (m) =>
      !(
        m.type === 'LOC' &&
        (text[m.end] === '人' || text[m.end] === '籍') &&
        grid.startsWord(m.end) &&
        grid.wordEnd(m.end) === m.end + 1
      ) &&
      // 亚洲文明对话大会, 印太商业论坛: a place opening the name of an event (GUIDELINES §1:
      // events are no entities) is no mention of its own.
      !(m.type === 'LOC' && opensEventName(text, grid, m.end)) &&
      !(
        m.type === 'PER' &&
        (PHOTO_POSITION.test(m.key) ||
          // 「林肯号」: a ship; 飓风「艾玛」: a storm.
          /^[」”]?号/.test(text.slice(m.end, m.end + 2)) ||
          /(?:飓风|台风|热带风暴|风暴)[「“]?$/.test(text.slice(Math.max(0, m.start - 5), m.start)))
      ),
  );
  // 卫福部长邱泰源: a "name" right before a title that a person's name follows is the
  // title's body, shortened (卫福 of 卫福部长), not a second person: a body when it ends
  // as one does (卫福部), else nothing.
  const people = new Set(named.filter((m) => m.type === 'PER').map((m) => m.start));
  const bodyBefore = (m: RawMention): boolean => {
    if (m.type !== 'PER') return false;
    const office = officeAt(text, m.end);
    return (
      office !== null &&
      people.has(m.end + office.length) &&
      (BODY_END.test(m.key) || (m.end - m.start <= 3 && HEAD_OF_BODY.test(office)))
    );
  };
  for (let k = named.length - 1; k >= 0; k--) {
    const m = named[k] as RawMention;
    if (!bodyBefore(m)) continue;
    if (BODY_END.test(m.key)) named[k] = { ...m, type: 'ORG' };
    else named.splice(k, 1);
  }
  // 国民党团, 民进党团: a party's caucus is a body of its own (GUIDELINES §1), though the
  // lexicon reads the party inside it; so is 时代力量党团, of a party whose name does not
  // end in 党.
  const starts = new Set(named.map((m) => m.start));
  for (let k = 0; k < named.length; k++) {
    const m = named[k] as RawMention;
    if (m.type !== 'ORG' || starts.has(m.end)) continue;
    const add =
      text[m.end - 1] === '党' && text[m.end] === '团'
        ? 1
        : text.slice(m.end, m.end + 2) === '党团'
          ? 2
          : 0;
    if (add > 0 && !/^[结体队员长聚]/.test(text[m.end + add] ?? '')) {
      const surface = text.slice(m.start, m.end + add);
      named[k] = { start: m.start, end: m.end + add, type: 'ORG', key: surface, kind: 'name' };
    }
  }
  // 国民党立法院党团: the party's caucus in the legislature, named in full: the same body as
  // 国民党团, and no mention of the legislature.
  for (let k = 0; k < named.length; k++) {
    const m = named[k] as RawMention;
    if (m.type !== 'ORG' || text[m.end - 1] !== '党') continue;
    const house = CAUCUS_IN.exec(text.slice(m.end, m.end + 6));
    if (house === null) continue;
    const end = m.end + house[0].length;
    named[k] = {
      start: m.start,
      end,
      type: 'ORG',
      key: `${text.slice(m.start, m.end)}团`,
      kind: 'alias',
    };
    for (let j = named.length - 1; j >= 0; j--) {
      const o = named[j] as RawMention;
      if (j !== k && o.start >= m.end && o.end <= end) named.splice(j, 1);
    }
  }
  return shortForms(
    text,
    words,
    bracketedAbbreviations(
      text,
      fullestNames(text, mainlandBodiesApart(text, dropTitleOrgs(text, named, offices))),
    ),
  );
}

/** An abbreviation in Latin capitals in brackets right after a name (美国在台协会（AIT）), or
 * in Han characters, after 简称 or not (美中经济与安全审查委员会（简称“美中委员会”）). */
const BRACKETED_ABBREVIATION =
  /^[（(](?:(?:以下)?简称[:：]?)?[“「]?([A-Z][A-Za-z&]{1,9}|[\u4e00-\u9fff]{2,6})[”」]?[）)]/;

/** Whether `short` is made of characters of `name`, in order: a short form of it (美中委员会
 * of 美中经济与安全审查委员会, 基金组织 of 国际货币基金组织). */
function shortFormOf(short: string, name: string): boolean {
  if (short.length >= name.length) return false;
  let at = 0;
  for (const ch of short) {
    at = name.indexOf(ch, at);
    if (at === -1) return false;
    at++;
  }
  return true;
}

/**
 * 美国在台协会（AIT）…AIT欢迎…: an abbreviation a page defines in brackets right after an
 * organisation's name stands for it wherever else the page writes it, as a word of its own
 * (not inside a longer run of letters). Mentions stay in order and never overlap.
 */
function bracketedAbbreviations(text: string, mentions: RawMention[]): RawMention[] {
  const defined = new Map<string, RawMention>();
  for (const m of mentions) {
    if (m.type !== 'ORG') continue;
    const abbr = BRACKETED_ABBREVIATION.exec(text.slice(m.end, m.end + 16));
    const short = abbr?.[1];
    if (short === undefined || defined.has(short)) continue;
    if (/^[A-Z]/.test(short) || shortFormOf(short, text.slice(m.start, m.end)))
      defined.set(short, m);
  }
  if (defined.size === 0) return mentions;
  const taken = new Uint8Array(text.length + 1);
  for (const m of mentions) taken.fill(1, m.start, m.end);
  // A body the short form names elsewhere (民主促进会 in the lexicon) is, on this page, the one
  // it was defined for.
  for (const m of mentions) {
    const org = m.type === 'ORG' ? defined.get(text.slice(m.start, m.end)) : undefined;
    if (org !== undefined && org !== m && m.start > org.end) {
      m.key = org.key;
      m.kind = 'abbreviation';
    }
  }
  const added: RawMention[] = [];
  for (const [abbr, org] of defined) {
    for (let at = text.indexOf(abbr); at !== -1; at = text.indexOf(abbr, at + abbr.length)) {
      const end = at + abbr.length;
      if (/[A-Za-z0-9]/.test(text[at - 1] ?? '') || /[A-Za-z0-9]/.test(text[end] ?? '')) continue;
      // The definition itself, in its brackets, is part of the name's mention.
      if (at > org.end && at - org.end <= 6 && /^[（(]/.test(text.slice(org.end, at))) continue;
      if (taken.subarray(at, end).some((x) => x === 1)) continue;
      taken.fill(1, at, end);
      added.push({ start: at, end, type: 'ORG', key: org.key, kind: 'abbreviation' });
    }
  }
  if (added.length === 0) return mentions;
  return [...mentions, ...added].sort((a, b) => a.start - b.start);
}

/** Titles of a body's head whose body the press shortens before them (卫福部长, 陆委会主委,
 * 环保署长): not a spouse's or a kin's (夫人, 之子), where a person does stand before. */
const HEAD_OF_BODY = /^(?:[部局署院处厅]长|主委|主任委员|会长|社长)/;

/** A legislature and the word for a party's caucus in it, after the party (国民党 立法院党团). */
const CAUCUS_IN = /^(?:立法院|立法会|议会|国会)党团/;
/** What ends a body's name (卫福部, 陆委会, 国台办). */
const BODY_END = /[部局署会院委厅处办社党]$/;

/** One-character verbs of speech a name stands right before (陈立明说). */
const SPEECH_VERB = /^[说称讲话]$/;

/**
 * A surname and one character proposed as a person's name, right before a two-character
 * word whose second character is a verb of speech (陈立 | 明说): the segmenter read the
 * name's last character and the verb as one word (明说 "say plainly"), and the tagger
 * followed its cut. The name then takes the character, as a three-character Chinese name
 * does (陈立明 | 说).
 */
function withGluedLast(text: string, span: ProposedSpan, grid: WordGrid): ProposedSpan {
  if (span.type !== 'PER' || span.end - span.start !== 2) return span;
  if (!SURNAMES.has(text[span.start] as string)) return span;
  if (!grid.startsWord(span.end) || grid.wordEnd(span.end) !== span.end + 2) return span;
  // Hong Kong's 指 (徐乐 | 坚指，): before a mark that opens what was said.
  const verb = text[span.end + 1] ?? '';
  if (!SPEECH_VERB.test(verb) && !(verb === '指' && /^[，,：:「“]/.test(text[span.end + 2] ?? '')))
    return span;
  // 的话 ("if") and 这话 are words of their own, no name's last character; nor is an adverb
  // the segmenter may glue to the verb (又指, 亦称).
  if (/^[的了这那个些又也亦再还并则更均都曾已就便仍却]$/.test(text[span.end] ?? '')) return span;
  return { ...span, end: span.end + 1 };
}

/**
 * A foreign name after a foreign state's office whose last unit the segmenter glued to the
 * adverb after it (匈牙利外长西雅尔 | 多则 | 重申): the name takes the unit, where a cue of
 * speech or stance follows the adverb.
 */
function withGluedAdverb(text: string, span: ProposedSpan, grid: WordGrid): ProposedSpan {
  if (span.type !== 'PER' || span.end - span.start < 2) return span;
  if (!grid.startsWord(span.end) || grid.wordEnd(span.end) !== span.end + 2) return span;
  if (!/^[则也亦还又都均]$/.test(text[span.end + 1] ?? '')) return span;
  if (!CUE_START.test(text.slice(span.end + 2, span.end + 6))) return span;
  if (!afterForeignOffice(text, span.start)) return span;
  return { ...span, end: span.end + 1 };
}

/** Cue words of two units or more a name may not run into (吕特呼 | 吁): speech and stance. */
const CUE_WORDS: ReadonlySet<string> = new Set(
  [...SPEECH_CUES, ...STANCE_CUES.map((c) => c.cue)].filter((w) => w.length >= 2),
);

/** A Chinese name of three the tagger read over a verb of speech before a mark (陈伯话。,
 * 王明说，) or over 则 before the verb or where it is said (毛宁则在记者会上表示, 林剑则称): the
 * name is the first two. */
function withoutSpeechTail(text: string, span: ProposedSpan): ProposedSpan {
  if (span.type !== 'PER' || span.end - span.start !== 3) return span;
  if (!SURNAMES.has(text[span.start] as string)) return span;
  if (!contrastTailAt(text, span.end) && !speechTailAt(text, span.end)) return span;
  return { ...span, end: span.end - 1 };
}

/** Whether the unit before `end` is 则 (on the other hand) and where or what someone says
 * follows it (陈宁则在…表示, 毛宁则表示): no part of the name before it. */
function contrastTailAt(text: string, end: number): boolean {
  return (
    text[end - 1] === '则' &&
    (/^[在于向对就也]/.test(text[end] ?? '') || CUE_START.test(text.slice(end, end + 4)))
  );
}

/** Whether the unit before `end` is a verb of speech and a mark (or the end) follows it:
 * 陈伯话。, 王明说，. */
function speechTailAt(text: string, end: number): boolean {
  return (
    /^[说话称讲道]$/.test(text[end - 1] ?? '') &&
    /^(?:[，,。：:「“」”！？]|$)/.test(text.slice(end, end + 1))
  );
}

/** A person's name the tagger ran on into the 摄 of a photo credit ((林励摄), 林励摄 at a
 * line's end): the name stops before it. */
function withoutPhotoCredit(text: string, span: ProposedSpan): ProposedSpan {
  if (span.type !== 'PER' || span.end - span.start < 3 || text[span.end - 1] !== '摄') return span;
  if (!/^(?:[\s）)】]|$)/.test(text.slice(span.end, span.end + 1))) return span;
  return { ...span, end: span.end - 1 };
}

/**
 * A person's name the tagger ran on into the first character of a cue word the segmenter
 * read whole after it (吕特呼 of 吕特 | 呼吁): the name stops where the cue word starts.
 */
function withoutCueTail(text: string, span: ProposedSpan, grid: WordGrid): ProposedSpan {
  if (span.type !== 'PER' || span.end >= text.length) return span;
  const start = grid.wordStartOf(span.end);
  if (start >= span.end || start - span.start < 2) return span;
  if (!CUE_WORDS.has(text.slice(start, grid.wordEnd(span.end)))) return span;
  return { ...span, end: start };
}

/**
 * A person's name the tagger reads as a short form of a name the page gives in full and a
 * word after it (林郑上京 beside 林郑月娥: 林郑 | 上京): the short form alone, where the two
 * part at a word's edge and two units at least follow.
 */
function withoutShortFormTail(
  text: string,
  span: ProposedSpan,
  grid: WordGrid,
  people: ReadonlySet<string>,
): ProposedSpan {
  if (span.type !== 'PER' || span.end - span.start < 4) return span;
  const surface = text.slice(span.start, span.end);
  // The first thousand names only: a page naming more is a list, read in linear time.
  let looked = 0;
  for (const full of people) {
    if (++looked > 1000) break;
    if (full.length < 3 || full === surface || full[0] !== surface[0]) continue;
    let n = 0;
    while (n < full.length && n < surface.length && full[n] === surface[n]) n++;
    if (n >= 2 && n < full.length && surface.length - n >= 2 && grid.startsWord(span.start + n))
      return { ...span, end: span.start + n };
  }
  return span;
}

/**
 * A person's name of three units the tagger ran on into a word of the segmenter's that its
 * last unit opens (张庭 | 强忍泪水), where the page writes the first two on their own too
 * (张庭这时…, 张庭表示): those two alone. `followers` keeps, for the text being read, what
 * follows each two units looked up.
 */
function withoutWordTail(
  text: string,
  span: ProposedSpan,
  grid: WordGrid,
  followers: Map<string, Set<string>>,
): ProposedSpan {
  if (span.type !== 'PER' || span.end - span.start !== 3) return span;
  const last = span.end - 1;
  if (!grid.startsWord(last) || grid.wordEnd(last) <= span.end) return span;
  if (!/^[nvadl]/.test(grid.posAt(last))) return span;
  const short = text.slice(span.start, last);
  const tail = text[last] as string;
  // Looked up once per text, two units and what follows them: a page naming the same
  // person a thousand times is read once, not a thousand times.
  let after = followers.get(short);
  if (after === undefined) {
    after = new Set();
    for (let at = text.indexOf(short); at !== -1; at = text.indexOf(short, at + 1)) {
      const next = text[at + 2] ?? '';
      if (/[\u4e00-\u9fff，。、：]/.test(next)) after.add(next);
    }
    followers.set(short, after);
  }
  for (const next of after) if (next !== tail) return { ...span, end: last };
  return span;
}

/** Whether the name `[start, end)` ends in the first character of a day written as Taiwan's
 * wire writes it (今（5）日, 昨(4)日), and is three characters or more. */
function dayAfter(text: string, start: number, end: number): boolean {
  return (
    end - start >= 3 &&
    /[今昨明前]/.test(text[end - 1] ?? '') &&
    /^[（(][0-9０-９]{1,2}[）)]日/.test(text.slice(end, end + 5))
  );
}

/**
 * Whether what reads as a name after a title is a known body (参议员新华社…电), a place's word
 * (教授葡萄牙语: a language, the title a verb) or a verb and a place (校长游览圣保罗): a known
 * place and a unit that makes a language, people or style of it, or a verb of two units the
 * segmenter reads before one.
 */
function placeWordAfterTitle(name: string, grid: WordGrid, start: number): boolean {
  const { forms } = gazetteer();
  const place = forms.longestAt(name, 0);
  // 参议员新华社北京…电: a body the lexicon knows, whole, is no one's name.
  if (place !== null && place.word === name && place.value.type === 'ORG') return true;
  if (
    place !== null &&
    place.value.type === 'LOC' &&
    place.word.length === name.length - 1 &&
    /[语人文籍族式菜队军]$/.test(name)
  )
    return true;
  const after = forms.longestAt(name, 2);
  return (
    after !== null &&
    after.value.type === 'LOC' &&
    after.word.length === name.length - 2 &&
    grid.wordEnd(start) === start + 2 &&
    grid.posAt(start).startsWith('v')
  );
}

/** A weekday opening a text: 周三, 星期五. */
const WEEKDAY = /^(?:周|星期|礼拜)[一二三四五六日天]/;

/** A time word a name may run on into: 周三, 星期五, 昨天, 今日, 15日. */
const TIME_AFTER_NAME =
  /(?:(?:周|星期|礼拜)[一二三四五六日天]|[今昨前明]天|[今昨]日|[今昨]晚|当天|[0-9０-９一二三四五六七八九十]{1,3}日)$/;

/** A verb of speech starting a text. */
const SPEECH_AFTER = new RegExp(`^(?:${SPEECH_CUES.join('|')})`);

/**
 * The tagger's spans, a person's cut at a space between two runs of two Han characters or more
 * (法广 张华 of a credit line: an outlet and its reporter, read as one name): a Chinese name
 * holds no space, but for the one that pads a two-character name to three (张　华), whose
 * parts are one character each, and Latin names (Anne Ramberg), which are left whole.
 */
function partedAtSpaces<T extends { start: number; end: number; type: string }>(
  text: string,
  spans: Iterable<T>,
): T[] {
  const out: T[] = [];
  for (const span of spans) {
    // Only a person's name is parted: a place or a body read across a space (法广 张华 北京
    // as one place) says nothing of the type of its parts.
    if (span.type !== 'PER') {
      out.push(span);
      continue;
    }
    let start = span.start;
    for (const m of text.slice(span.start, span.end).matchAll(SPACE_BETWEEN_NAMES)) {
      const at = span.start + (m.index as number);
      out.push({ ...span, start, end: at });
      start = at + m[0].length;
    }
    out.push(start === span.start ? span : { ...span, start });
  }
  return out;
}

/** Spaces with two Han characters or more on both sides, up to the next space. */
const SPACE_BETWEEN_NAMES =
  /(?<=(?:^|\s)\p{Script=Han}{2,})[ \t\u3000\u00a0]+(?=\p{Script=Han}{2,}(?:\s|$))/gu;

/** A count of things with its measure word, and a noun after it (一幢唐楼, 两间学校). */
const COUNTED_AFTER_NAME =
  /[一两二三四五六七八九十几数多]+(?:幢|栋|座|间|家|所|条|处|架|艘|辆|层|片)[\u4e00-\u9fff]+$/;

/** A name the tagger ran on into the time word after it (安东尼·布林肯周三): the name alone.
 * So too a place it ran on into a count of things in it (桂林街一幢唐楼: 桂林街). */
function withoutTime(text: string, span: ProposedSpan): ProposedSpan {
  if (span.type === 'LOC') {
    const counted = COUNTED_AFTER_NAME.exec(text.slice(span.start, span.end));
    return counted !== null && counted.index >= 2
      ? { ...span, end: span.start + counted.index }
      : span;
  }
  if (span.type !== 'PER' && span.type !== 'ORG') return span;
  // 会见黄循财时指出: the time clause's 时 before a verb of speech.
  if (
    span.type === 'PER' &&
    span.end - span.start >= 3 &&
    text[span.end - 1] === '时' &&
    SPEECH_AFTER.test(text.slice(span.end, span.end + 4))
  ) {
    return { ...span, end: span.end - 1 };
  }
  const m = TIME_AFTER_NAME.exec(text.slice(span.start, span.end));
  if (m === null || span.end - span.start - m[0].length < 2) {
    // 卓荣泰今 | （5）日: the name ran into a day written as Taiwan's wire writes it.
    if (span.type === 'PER' && dayAfter(text, span.start, span.end))
      return { ...span, end: span.end - 1 };
    // 川普週 | 二: the name ran into the first half of a weekday.
    const half = /(?:周|星期|礼拜)$/.exec(text.slice(span.start, span.end));
    if (
      half !== null &&
      /^[一二三四五六日天]/.test(text.slice(span.end, span.end + 1)) &&
      span.end - span.start - half[0].length >= 2
    )
      return { ...span, end: span.end - half[0].length };
    return span;
  }
  return { ...span, end: span.end - m[0].length };
}

/**
 * A foreign name the tagger read from after the hyphen of its first part (让- | 诺埃尔·巴罗):
 * the name with that part, one to three units opening the text, following a mark or a space,
 * or following an office title (外长让-诺埃尔·巴罗).
 */
function withHyphenedFirst(text: string, span: ProposedSpan): ProposedSpan {
  if (span.type !== 'PER' || !/[-－‐]/.test(text[span.start - 1] ?? '')) return span;
  const hyphen = span.start - 1;
  for (let n = 1; n <= 3 && hyphen - n >= 0; n++) {
    const from = hyphen - n;
    if (!/^[\u4e00-\u9fff]+$/.test(text.slice(from, hyphen))) return span;
    if (from === 0 || !/[\u4e00-\u9fff]/.test(text[from - 1] as string)) {
      return { ...span, start: from };
    }
    for (let q = Math.max(0, from - 8); q < from; q++) {
      if (officeAt(text, q) !== null && skipOffices(text, q) === from) {
        return { ...span, start: from };
      }
    }
  }
  return span;
}

/** Units that modal verbs, adverbs and prepositions open or are, and that seldom end a given
 * name: what the segmenter glues onto a name it does not know (谢军会 | 赢). */
const FUNCTION_TAIL = /^[会上将就却也都又曾被把]$/;

/** Prepositions and conjunctions that link a person to the next name (王文同英国外相). */
const LINKING = /^[同与和跟及向]$/;

/**
 * A three-character person's name proposed right before another name the rules found,
 * whose last character links the two (王文同 | 英国外相通电话, 李明与 | 美方): the name is
 * the first two characters. A name that ends in such a character (魏凤和) keeps it where
 * no other name follows.
 */
function withoutLinkingLast(text: string, span: ProposedSpan, taken: Uint8Array): ProposedSpan {
  if (span.type !== 'PER' || span.end - span.start !== 3) return span;
  if (!LINKING.test(text[span.end - 1] ?? '') || taken[span.end] !== 1) return span;
  if (!SURNAMES.has(text[span.start] as string)) return span;
  return { ...span, end: span.end - 1 };
}

/** Parts of speech of words that are never inside a person's name: verbs, adverbs,
 * prepositions, conjunctions, particles, pronouns, numerals, time and place words. */
const NOT_IN_NAME = /^(?:v|vd|vi|d|p|c|u[a-z]*|r|m|q|t|f|y|e|o|ad)$/;

/** Parts of speech of a word that names someone or somewhere (the name after 王文同). */
const NAME_WORD_POS = /^(?:nr|nrfg|nrt|ns|nt|nz|x|j)$/;

/** One-unit verbs that follow a name rather than end it: 李明|是, 王强|在, 张华|到. */
const VERB_AFTER_NAME = /^[是在有到会要将去来把被让给对向为从跟和与也都就才又再]$/;

/** Parts of speech of one word that may be a whole name (jieba's name and foreign tags). */
const TAGGED_NAME_POS = /^(?:nr|nrfg|nrt|ns|nt|nz|x|eng|j)$/;

/**
 * What a place's name ends with when it names a facility or a division inside the place:
 * stations, halls, airports, military regions, squares, bridges, palaces, temples, parks
 * (北京西客站, 中国现代文学馆, 沈阳军区), a port, an island or a lake named after it (厦门港,
 * 金门岛), and the administrative suffix of the place itself (沈阳市, 乔治亚州).
 */
const FACILITY =
  /(?:站|馆|机场|军区|广场|大桥|宫|寺|公园|植物园|动物园|大厦|中心|[省市县区州]|港|岛|湖|山脉|海峡)$/;

/** One-unit suffixes of bodies: a team, a ministry, a bureau, an agency, a party. */
const BODY_SUFFIX_UNIT = /^[队部局署社党]$/;

/** A military region or theatre: 军区, 战区. */
const MILITARY_REGION = /^[军战]区$/;

/** An administrative division's name: 玛多县, 西贡区. */
const ADMIN_PLACE = /[省市县区州郡镇乡村]$/;

/** A national service branch, optionally after its country: 美国海军, 空军, 以军. */
const SERVICE_BRANCH = /(?:海军陆战队|太空军|海军|陆军|空军|军)$/;

/**
 * Whether a name the tagger proposes may stand as an entity of a news page (GUIDELINES of
 * the annotated pages): the tagger learned corpora whose conventions differ and it reads
 * past the words it should stop at, so its proposals pass the checks the rules apply to
 * their own. A name must have Han characters (Latin names are the rules' to judge, by
 * their use in the sentence); it may not start or end inside a word the segmenter cut
 * (全审查委员会 of 安全审查委员会); it is not a name the lexicon knows (the lexicon pass
 * has judged those in context, 中国 in 中国特色 too). A person's name holds no verb, adverb or
 * particle (林郑上京), and a single common word is no name (施政, 老祖宗). A service branch
 * with or without its country (美国海军, 空军) is not an organisation.
 */
function taggedNameHolds(
  text: string,
  span: { start: number; end: number; type: EntityType },
  grid: WordGrid,
): boolean {
  const surface = text.slice(span.start, span.end);
  if (span.end - span.start < 2) return false;
  // No spaces or punctuation, but for the dot of foreign names between two parts (冯·诺依曼).
  if (/[\s\p{P}]/u.test(surface.replace(/(?<=\p{L})[·‧・•\-－‐](?=\p{L})/gu, ''))) return false;
  if (!/\p{Script=Han}/u.test(surface)) {
    // A Latin name counts where a Chinese sentence uses it as the name, not in brackets or an
    // English passage: a person's name with Han text right beside it.
    if (span.type !== 'PER') return false;
    const before = text.slice(Math.max(0, span.start - 2), span.start).trimEnd();
    const after = text.slice(span.end, span.end + 2).trimStart();
    if (/[(（]$/.test(before)) return false;
    if (!/\p{Script=Han}$/u.test(before) && !/^\p{Script=Han}/u.test(after)) return false;
  }
  // 美方售台: a side in talks (美方, a lexicon form) opens no longer name; 热门新闻, 即时新闻:
  // a page's section of news is no outlet.
  if (span.end - span.start > 2 && surface[1] === '方' && placeEntry(surface.slice(0, 2)) !== null)
    return false;
  if (span.type === 'ORG' && NEWS_SECTION.test(surface)) return false;
  // 台北报导 of a credit (记者X／台北报导): where a report was filed and the word for it.
  if (span.type === 'ORG' && /(?:报道|报导)$/.test(surface)) return false;
  // 「以武谋独」: a person's name inside a short term in quotation marks, after its first
  // character, is a word of the term (a slogan opens with the name it is on: 「X下台」).
  if (span.type === 'PER' && insideShortQuotation(text, span)) return false;
  // Places and organisations start and end where the segmenter's words do (not 全审查委员会
  // of 安全审查委员会). A person's name may not, as the segmenter cuts unknown names badly
  // (吴潮/升原 for 吴潮升 原, 俊/平为 for 俊平 为).
  if (span.type !== 'PER') {
    if (grid.endOfWordAcross(span.start) !== span.start) return false;
    // 东北地区, 华北一带: a place and a word for its area read as one word, the place alone.
    const area =
      span.type === 'LOC' &&
      /^(?:地区|一带|境内|全境|各地|沿海|地带)$/.test(
        text.slice(span.end, grid.endOfWordAcross(span.end)),
      );
    // 文莱队 | 补上 read 文莱/队补: a body's one-unit suffix the segmenter glued to the next
    // unit into a word it does not know.
    const from = grid.wordStartOf(span.end - 1);
    const glued =
      span.type === 'ORG' &&
      from === span.end - 1 &&
      grid.posAt(from) === 'x' &&
      grid.wordEnd(from) === span.end + 1 &&
      BODY_SUFFIX_UNIT.test(text[span.end - 1] as string);
    if (span.end < text.length && grid.endOfWordAcross(span.end) !== span.end && !area && !glued)
      return false;
  }
  if (gazetteer().forms.longestAt(surface, 0)?.word === surface) return false;
  // 卡方正与…: a side (卡方, X方) run on into the adverb after it is no one's name; a
  // surname before 方 may open one (李方正).
  if (
    span.type === 'PER' &&
    surface.length === 3 &&
    surface[1] === '方' &&
    /[正在将已也还都亦]/.test(surface[2] as string) &&
    !hasSurname(text, span.start)
  )
    return false;
  // No name runs on into a title (民进党立委, 吴教授): the rules read titles.
  for (let i = span.start + 1; i < span.end; i++) {
    const office = officeAt(text, i);
    if (office !== null && i + office.length === span.end) return false;
  }
  if (span.type === 'PER') {
    // The parts of speech of the words wholly inside, in order.
    const inner: string[] = [];
    for (let i = grid.endOfWordAcross(span.start); i < span.end; i = grid.wordEnd(i)) {
      if (grid.wordEnd(i) <= span.end) inner.push(grid.posAt(i));
    }
    const oneWord = grid.startsWord(span.start) && grid.wordEnd(span.start) === span.end;
    if (oneWord && !TAGGED_NAME_POS.test(inner[0] as string)) return false;
    // 街坊陈 (of 街坊陈先生): a common noun of two units or more opening the span, no
    // surname first, is who the person is (residents, neighbours), not their name.
    if (
      grid.startsWord(span.start) &&
      grid.wordEnd(span.start) - span.start >= 2 &&
      grid.wordEnd(span.start) < span.end &&
      grid.posAt(span.start) === 'n' &&
      !SURNAMES.has(text[span.start] as string)
    )
      return false;
    // 感谢国军的辛劳: one word the segmenter gives no name's tag but nz (a word of its
    // dictionary it cannot class), right after 的, is what someone has, not someone.
    if (oneWord && inner[0] === 'nz' && text[span.start - 1] === '的') return false;
    // A dotted foreign name (阿里西亚·彼特里) is transliterated: the segmenter's words inside
    // it (彼特/里) say nothing of it.
    const dotted = /\p{Script=Han}[·‧・•]\p{Script=Han}/u.test(surface);
    // 李|建新 (a surname the segmenter reads apart, a given name it reads as a verb): a name
    // of three, unless the verb is one of speech or stance (张|表示).
    // So too 李家|超 (a name of two the segmenter knows, and a last unit it reads as a verb),
    // unless that unit is a verb that follows names (是, 在, 说: 李明|说).
    const givenVerb =
      inner.length === 2 &&
      surface.length === 3 &&
      inner[1] === 'v' &&
      SURNAMES.has(surface[0] as string) &&
      !CUE_WORDS.has(surface.slice(1)) &&
      ((inner[0] === 'nr' && grid.wordEnd(span.start) === span.start + 1) ||
        (/^(?:nr|x$)/.test(inner[0] as string) &&
          grid.wordEnd(span.start) === span.start + 2 &&
          !CUE_WORDS.has(surface.slice(2)) &&
          !VERB_AFTER_NAME.test(surface[2] as string)));
    for (let k = 1; k < inner.length && !dotted && !givenVerb; k++) {
      if (NOT_IN_NAME.test(inner[k] as string)) return false;
    }
  }
  if (span.type === 'ORG') {
    // 培育新兴产业: a verb of two units or more the segmenter reads as the first word, and no
    // suffix of a body's name at the end, is what someone does, no body (救助儿童会 ends as
    // bodies do; 加 of 加拉塔萨雷 is one unit of a transliteration).
    if (
      /^v/.test(grid.posAt(span.start)) &&
      grid.wordEnd(span.start) - span.start >= 2 &&
      grid.wordEnd(span.start) < span.end &&
      !ORG_SUFFIX.test(surface)
    )
      return false;
    // 香港只会 (继续落后): a place and an adverb with its modal the segmenter did not know, no
    // body's name.
    const rest = ADVERB_AFTER_PLACE.exec(surface);
    if (rest !== null && rest.index >= 2 && placeEntry(surface.slice(0, rest.index)) !== null)
      return false;
    const branch = SERVICE_BRANCH.exec(surface);
    if (branch !== null) {
      const country = surface.slice(0, branch.index);
      if (country.length <= 1 || placeEntry(country) !== null) return false;
    }
    // 韩国在野党, 执政党团: a party named by its place in parliament is no party's name.
    // 华盛顿两党, 美国朝野: a place's parties together are no party's name either.
    const side = PARTY_BY_SIDE.exec(surface) ?? PARTIES_TOGETHER.exec(surface);
    if (side !== null) {
      const country = surface.slice(0, side.index);
      if (country === '' || placeEntry(country) !== null) return false;
    }
  }
  return true;
}

/**
 * 红海港口荷台达, 阿拉伯海港口瓜达尔: a place, a word for the kind of place and the place's own
 * name after it stand side by side (apposition); the tagger's span is the name after the
 * kind word, a place (the rules read the place before). A body of the kind of place
 * (深圳港口协会) is one name and stays whole.
 */
function afterPlaceKind<T extends { start: number; end: number; type: EntityType }>(
  text: string,
  span: T,
): T {
  const surface = text.slice(span.start, span.end);
  const kind = PLACE_KIND.exec(surface);
  if (
    kind === null ||
    kind.index < 2 ||
    kind.index + kind[0].length > surface.length - 2 ||
    KIND_BODY_END.test(surface)
  )
    return span;
  const before = surface.slice(0, kind.index);
  if (placeEntry(before) === null && !/[海湾洋]$/.test(before)) return span;
  return { ...span, start: span.start + kind.index + kind[0].length, type: 'LOC' };
}

/** Words for a kind of place that stand between a place and the name of one in it (红海港口
 * 荷台达, 伊朗首都德黑兰). */
const PLACE_KIND = /港口城市|港口|港市|首都|首府|城市|省会/;
/** How the names of bodies of a kind of place end: 协会, 集团, 公司, 管理局 …. */
const KIND_BODY_END = /(?:会|局|集团|公司|署|部|厅|委|院|所|中心|办|处|组织|银行|大学|社|党)$/;

/** An adverb (only, also, still, already) and at most one unit more closing a span: what a
 * place does, not a body's name after it. */
const ADVERB_AFTER_PLACE = /[只也还仍亦均又已][\u4e00-\u9fff]?$/;

/** A web page's sections of news (热门新闻, 即时新闻, 相关新闻), which a tagger reads as
 * outlets; not 今日新闻 or 每日新闻, which are. */
const NEWS_SECTION =
  /^(?:热门|最新|即时|实时|相关|国际|国内|地方|两岸|财经|娱乐|体育|焦点|头条|重要|更多|精选|推荐|早间|晚间|午间)新闻$/;
/** Terms in quotation marks as short as this are phrases (「以武谋独」), not names. */
const SHORT_QUOTATION = 6;

/** Whether `span` lies inside a 「…」 or “…” of at most SHORT_QUOTATION units, after its
 * first unit. */
function insideShortQuotation(text: string, span: { start: number; end: number }): boolean {
  // Only the few units a short quotation can hold are looked at, before and after.
  let open = -1;
  for (let i = span.start - 1; i >= Math.max(0, span.start - SHORT_QUOTATION); i--) {
    if (text[i] === '「' || text[i] === '“') {
      open = i;
      break;
    }
  }
  if (open < 0 || span.start === open + 1) return false;
  const closer = text[open] === '「' ? '」' : '”';
  const close = text.slice(span.end, open + SHORT_QUOTATION + 2).indexOf(closer) + span.end;
  if (close < span.end || close - open - 1 > SHORT_QUOTATION) return false;
  // No other mark between: the span is in this quotation.
  return !/[「」“”]/.test(text.slice(open + 1, span.start) + text.slice(span.end, close));
}

/** A party's side in parliament (在野党, 执政党): a description, no party's name. */
const PARLIAMENT_SIDE = '(?:在野党|执政党|反对党|执政联盟|反对派)';
/** That side before a party's name: 反对党工人党, 执政党民进党. */
const SIDE_FIRST = new RegExp(`^${PARLIAMENT_SIDE}`);

/** A tagged organisation without the side in parliament it opens with (反对党 | 工人党):
 * the side is a description, the name what follows it. */
function withoutSideFirst(text: string, span: ProposedSpan): ProposedSpan {
  if (span.type !== 'ORG') return span;
  const side = SIDE_FIRST.exec(text.slice(span.start, span.end));
  if (side === null || span.end - span.start - side[0].length < 2) return span;
  return { ...span, start: span.start + side[0].length };
}

/** A party named by its side in parliament, not by its name (GUIDELINES §1: generic bodies). */
const PARTY_BY_SIDE = new RegExp(`${PARLIAMENT_SIDE}团?$`);

/** A place's parties taken together (华盛顿两党, 美国朝野, 台湾各党派), as a tagger may read
 * them as one party. */
const PARTIES_TOGETHER = /(?:两党|两大党|各党|各党派|朝野两党|朝野)$/;

/** The names of parties and alliances of parties: …党, …联盟, …阵线 (民建联 is 民主建港协进联盟),
 * and a party's caucus (民进党立法院党团总召X: the caucus its later 党团 refers to). */
const PARTY = /(?:党|党团|联盟|阵线)$/;

/** Titles of a legislator, whom the press names with a party: 立委. */
const LEGISLATOR = /^(?:立委|立法委员)$/;
/** Legislatures, whose 议员 are members of the house, not of a party. */
const LEGISLATURE = /(?:议会|国会|立法会|议院|市会|代表大会)$/;

/** What may open a title: 副, 常务副, 前, 代理, 署理. */
const TITLE_RANK = /^(?:常务副|副|前|代理|署理)/;

/** Titles that speak or write for their organisation, which counts on its own then. */
const FOR_THE_BODY = /发言人|记者|评论员|主持人|主播|编辑|特派员|摄影/;

/**
 * Drops an organisation's mention inside a job title (国务院总理李强, 港澳办主任王明,
 * 美国国防部长): the organisation counts where it stands on its own in the text, or where the
 * title speaks or writes for it (外交部发言人, 新华社记者).
 */
function dropTitleOrgs(
  text: string,
  mentions: RawMention[],
  offices: readonly { start: number; office: string }[],
): RawMention[] {
  // Mentions and titles both run left to right: walk them together. Titles never overlap.
  let o = 0;
  const inTitle = (m: RawMention): boolean => {
    // A party before a title names the member's party (国民党立委, 民建联议员), not the post's
    // body.
    if (m.type !== 'ORG' || PARTY.test(m.key)) return false;
    const next = officeAfterBody(text, m.end)?.office ?? null;
    // A legislator's party before the title (时代力量立委, 工联会议员) is no post's body
    // either; a legislature before 议员 (欧洲议会议员) is.
    const party =
      next !== null && (LEGISLATOR.test(next) || (next === '议员' && !LEGISLATURE.test(m.key)));
    if (next !== null && !FOR_THE_BODY.test(next) && !party) return true;
    while (o < offices.length) {
      const t = offices[o] as { start: number; office: string };
      if (t.start + t.office.length > m.start) break;
      o++;
    }
    // A title that starts inside the mention and runs past it (美国国防部 of 国防部长).
    for (let k = o; k < offices.length; k++) {
      const t = offices[k] as { start: number; office: string };
      if (t.start >= m.end) break;
      if (t.start + t.office.length > m.end && !FOR_THE_BODY.test(t.office)) return true;
    }
    return false;
  };
  // The body counts where it stands on its own; inside the title the mention goes either
  // way, so that the title reads on to the person it names. Where the title names no one
  // (联合国秘书长呼吁…), the body and its office are the person, kept as written
  // (GUIDELINES §4): a title mention, no named entity.
  const out: RawMention[] = [];
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k] as RawMention;
    if (!inTitle(m)) {
      out.push(m);
      continue;
    }
    const titled = titledPerson(text, m, mentions[k + 1], mentions[k - 1]);
    if (titled !== null) out.push(titled);
  }
  return out;
}

/** Titles that speak for their body, not as a person of their own (GUIDELINES §2), and
 * titles many hold (北京学者, 台湾专家, 美国分析人士): no one in particular. */
const SPEAKS_FOR_BODY =
  /^(?:发言人|新闻发言人|负责人|官员|代表|人士|部门|学者|专家|教授|研究员|分析人士|分析师|律师|记者|议员|消息人士|知情人士)/;
/** What may follow a person named by an office as the subject of a clause: a mark, a link to
 * a second holder, a time or place phrase, adverbs (联合国秘书长当天呼吁, 也门外长和…), a verb
 * of issuing (七国集团外长发表联合声明); or
 * as the counterpart that closes a time clause (会见美国国防部长时，…). */
const AFTER_TITLED =
  /^(?:[，。；：:,]|时(?![间期代候刻任])|之际|期间|后(?=表示|说|指出|强调|称|介绍|透露)|[和与及]|[当昨今前本近同先再也还又已曾将正则均都亦并]|[0-9０-９一二三四五六七八九十]{1,3}日|(?:周|星期)[一二三四五六日天]|在|于|向|对|发表|发布|签署)/;

/** A verb of speech or stance opening a text (联合国秘书长欢迎…, 马来西亚总理希望双方…): the
 * stance reader's cues too (data/cues/stance.tsv), those of two units or more. */
const CUE_START = new RegExp(
  `^(?:${[
    ...SPEECH_CUES,
    ...STANCE_CUES.map((c) => c.cue),
    ...STANCE_CUE_LIST.map((c) => c.cue).filter((cue) => cue.length >= 2),
  ].join('|')})`,
);

/** A body's portfolio before the office in charge of it: 人权事务, 人道主义事务, 裁军事务. */
const PORTFOLIO = /^[\u4e00-\u9fff]{1,6}?事务(?=[\u4e00-\u9fff])/;

/** The office right after a body's name at `at` and where it ends: after a portfolio
 * (联合国人权事务高级专员) and a rank (副委员长, 前主席), or null. */
function officeAfterBody(text: string, at: number): { office: string; end: number } | null {
  const portfolio = PORTFOLIO.exec(text.slice(at, at + 10))?.[0].length ?? 0;
  const from = at + portfolio;
  const rank = TITLE_RANK.exec(text.slice(from, from + 3))?.[0].length ?? 0;
  const office = officeAt(text, from + rank);
  return office === null ? null : { office, end: from + rank + office.length };
}

/**
 * The person an office of a body or place stands for where no name follows it (联合国秘书长,
 * 也门外长): a `title` mention over the body and the office, keyed by that text; null where a
 * name or another office follows, or where the office speaks for the body (发言人).
 */
export function titledPerson(
  text: string,
  body: { start: number; end: number; type?: string },
  next: { start: number } | undefined,
  before?: { start: number; end: number; type: string },
): RawMention | null {
  const found = officeAfterBody(text, body.end);
  let office = found?.office ?? null;
  let end = found?.end ?? body.end;
  // A title that starts inside the body's name and runs past it (美国国防部|长).
  for (let k = body.end - 1; office === null && k > body.start; k--) {
    const inner = officeAt(text, k);
    if (inner !== null && k + inner.length > body.end) {
      office = inner;
      end = k + inner.length;
    }
  }
  if (office === null || SPEAKS_FOR_BODY.test(office)) return null;
  if (next !== undefined && next.start === end) return null;
  const after = text.slice(end, end + 6);
  if (officeAt(text, end) !== null) return null;
  // 、 and another title (市委副书记、市长周斌) lists the titles of a person named after them;
  // 、 and a name (也门外长、胡塞武装) lists holders.
  const listed = after[0] === '、' && officeAt(text, end + 1) === null;
  if (!(listed || AFTER_TITLED.test(after) || CUE_START.test(after))) return null;
  // 美国商务部长: the country the body is of, written just before it, is part of the title
  // as written (GUIDELINES §4: 也门外长); the body alone would name another country's.
  const from =
    before !== undefined &&
    before.type === 'LOC' &&
    body.type === 'ORG' &&
    before.end === body.start
      ? before.start
      : body.start;
  const key = text.slice(from, end);
  return { start: body.start, end, type: 'PER', key, kind: 'title' };
}

/** How the press names the mainland before one of its bodies (中国外交部, 大陆国台办). */
const MAINLAND_BEFORE = /^(?:中国|中共|大陆|北京)/;

/**
 * 外交部 on a page a Taiwan dateline opens is Taiwan's ministry: a mainland body the lexicon
 * knows by the bare name (中国外交部 for 外交部) is there a body of its own, named as written,
 * and the bare name stays the page's own (GUIDELINES §1: short ambiguous names by context).
 */
function mainlandBodiesApart(text: string, mentions: RawMention[]): RawMention[] {
  if (!TAIWAN_DATELINE.test(text)) return mentions;
  for (const m of mentions) {
    if (m.type !== 'ORG' || m.kind !== 'alias') continue;
    const surface = text.slice(m.start, m.end);
    if (surface !== m.key && surface.endsWith(m.key) && MAINLAND_BEFORE.test(surface)) {
      m.key = surface;
      m.kind = 'name';
    }
  }
  return mentions;
}

/** Words of a state that open with 国, which the segmenter may join to the 国 of a country's
 * name before them (南 | 韩国 | 会). */
const STATE_WORD = /^国(?:会|防|内|民|家|务|旗|歌|境|库|债)/;

/** Whether a name is a place's name and a government body (美国国务院, 台湾外交部). */
function placeAndBody(key: string): boolean {
  for (let n = 2; n <= Math.min(5, key.length - 2); n++) {
    const head = gazetteer().forms.longestAt(key.slice(0, n), 0);
    if (head?.word === key.slice(0, n) && head.value.type === 'LOC') {
      return NATIONAL_BODY.test(key.slice(n));
    }
  }
  return false;
}

/** Government bodies a country's name before them makes a fuller name (叙利亚外交部, 朝鲜外务省). */
const NATIONAL_BODY = /(?:部|省|院|署|局|府|委员会|议会|国会|人大|办公室)$/;

/**
 * Fullest names: a place right before a government body makes one organisation
 * (美国商务部, 伊朗外交部), which a bare body after it then means too (外交部 after 伊朗外交部);
 * a person's name always followed by the same character, which also ends the name where it
 * stands before a mark or a verb of speech, is that longer name (林郑月 + 娥: 林郑月娥（左）).
 */
function fullestNames(text: string, mentions: RawMention[]): RawMention[] {
  const out: RawMention[] = [];
  const fuller: RawMention[] = [];
  for (const m of mentions) {
    const prev = out[out.length - 1];
    const surface = text.slice(m.start, m.end);
    if (
      prev !== undefined &&
      prev.end === m.start &&
      prev.type === 'LOC' &&
      prev.kind === 'name' &&
      m.type === 'ORG' &&
      // 朝鲜 + 外务省: a body the lexicon knows by another country's full name (日本外务省)
      // is, after this country's name, this country's; so is a party (加拿大 + 自由党, 香港 +
      // 民主党: the lexicon's 自由党 and 民主党 are Hong Kong's and America's).
      (m.kind === 'name' || m.kind === 'alias') &&
      (NATIONAL_BODY.test(surface) || PARTY.test(m.key)) &&
      gazetteer().forms.longestAt(surface, 0)?.value.type !== 'LOC'
    ) {
      out[out.length - 1] = {
        start: prev.start,
        end: m.end,
        type: 'ORG',
        key: text.slice(prev.start, m.end),
        kind: 'name',
      };
      fuller.push(out[out.length - 1] as RawMention);
    } else {
      out.push(m);
      // 美国国务院 known whole to the lexicon: a place and a body, fuller than a bare 国务院.
      if (m.type === 'ORG' && m.kind === 'name' && placeAndBody(m.key)) fuller.push(m);
    }
  }
  // A place's short form (佛州) means the place named in full that opens and ends alike
  // (佛罗里达州).
  const places = out.filter((m) => m.type === 'LOC' && m.kind === 'name' && m.key.length > 2);
  for (const m of out) {
    if (m.type !== 'LOC' || m.key.length !== 2 || !PLACE_END.includes(m.key[1] as string)) continue;
    const full = places.find((p) => p.key[0] === m.key[0] && p.key.endsWith(m.key[1] as string));
    if (full !== undefined) {
      m.key = full.key;
      m.kind = 'alias';
    }
  }
  // A bare body means the fuller one named last before it (a bare 外交部 before any is the
  // home country's, as Chinese news writes it).
  for (const m of fuller.length === 0 ? [] : out) {
    if (m.type !== 'ORG') continue;
    let best: RawMention | undefined;
    for (const f of fuller) {
      if (f.start >= m.start) break;
      if (f.key.length > m.key.length && f.key.endsWith(m.key)) best = f;
    }
    if (best !== undefined) {
      m.key = best.key;
      m.kind = 'alias';
    }
  }
  return extendPeople(text, out);
}

/** Characters that end a name where they follow it: marks, and the verbs of speech. */
const AFTER_NAME = new RegExp(
  `^(?:[\\s\\p{P}]|${SPEECH_CUES.filter((c) => c.length >= 2).join('|')})`,
  'u',
);

/** Conjunctions that also end names (魏凤和). */
const CONJUNCTIONS = '和与及同';

/** Characters that follow a name without being part of it: 摄 of a photo credit, 等, 说,
 * Cantonese 话 and 讲 (陈伯话：). */
const NOT_NAME_END = '摄等说称指在的是了话讲';

/** A name always followed by one more character that also ends it before a mark or a verb
 * of speech somewhere is the longer name (魏凤 + 和: 魏凤和表示). */
function extendPeople(text: string, mentions: RawMention[]): RawMention[] {
  const byKey = new Map<string, RawMention[]>();
  for (const m of mentions) {
    // A surname and a form of address (陈伯, 沈女士) is whole as it is.
    if (m.type !== 'PER' || m.kind === 'title' || m.key.length < 2 || m.key.length > 3) continue;
    const list = byKey.get(m.key);
    if (list === undefined) byKey.set(m.key, [m]);
    else list.push(m);
  }
  let starts: Set<number> | null = null;
  for (const [key, list] of byKey) {
    const next = text[(list[0] as RawMention).end] ?? '';
    if (!/[\u4e00-\u9fff]/.test(next) || NOT_NAME_END.includes(next)) continue;
    const longer = key + next;
    let everywhere = true;
    let ends = false;
    let seen = 0;
    for (let at = text.indexOf(key); at !== -1; at = text.indexOf(key, at + 1)) {
      if (text[at + key.length] !== next) {
        everywhere = false;
        break;
      }
      seen++;
      if (AFTER_NAME.test(text.slice(at + longer.length, at + longer.length + 2))) ends = true;
    }
    // Seen twice at least, three times when the character is also a conjunction (和, 与).
    if (seen < (CONJUNCTIONS.includes(next) ? 3 : 2)) continue;
    if (!everywhere || !ends) continue;
    starts ??= new Set(mentions.map((m) => m.start));
    if (list.some((m) => (starts as Set<number>).has(m.end))) continue;
    for (const m of list) {
      m.end += 1;
      m.key = longer;
    }
  }
  // A short form of a person named in full in the same text (林郑 of 林郑月娥) is that person.
  const people = [...new Set(mentions.filter((m) => m.type === 'PER').map((m) => m.key))];
  for (const m of mentions) {
    if (m.type !== 'PER') continue;
    const full = people.find((p) => p.length > m.key.length && p.startsWith(m.key));
    if (full !== undefined) {
      m.key = full;
      m.kind = 'alias';
    }
  }
  return mentions;
}

/** Suffixes that make an organisation's name of the words before them. */
const ORG_SUFFIX =
  /(?:法院|检察署|委员会|协会|公会|商会|工会|联会|联合会|促进会|联盟|阵线|同盟|研究中心|研究所|办公室|工程处|电视台|电台|通讯社|大使馆|领事馆|使团|代表处|统计局|消防署|国防军|航空|大学|学院|研究院|基金会|银行|医院|交易所|总统府|总理府|首相官邸|总统室|议会|议院|理事会|办事处|代表大会)$/;
/** Suffixes that make a place's name of the words before them: airports, ports, squares. */
const LOC_SUFFIX = /(?:机场|港口城|港|湾|广场)$/;
/** Parts of speech of a word inside such a name: nouns, names, unknown words, adjectives
 * (自由联盟). */
const NAME_PART_POS = /^(?:n|nr|nrt|nrfg|ns|nt|nz|x|j|vn|eng|l|a|an)$/;
/** The suffixes of ORG_SUFFIX and LOC_SUFFIX. */
const SUFFIXES = [ORG_SUFFIX, LOC_SUFFIX].flatMap((re) =>
  re.source.replace(/^\(\?:|\)\$$/g, '').split('|'),
);
/** The last character of every suffix. */
const SUFFIX_ENDS = new UnitSet();
for (const x of SUFFIXES) SUFFIX_ENDS.add(x.charCodeAt(x.length - 1));
/** The one-character suffixes (港, 湾), and the last two units of the others as one number. */
const SUFFIX_ONE = new Set(SUFFIXES.filter((x) => x.length === 1).map((x) => x.charCodeAt(0)));
const SUFFIX_PAIRS = new Set(
  SUFFIXES.filter((x) => x.length >= 2).map(
    (x) => x.charCodeAt(x.length - 2) * 65536 + x.charCodeAt(x.length - 1),
  ),
);

/** Words that pick out bodies rather than name one: 有关法院, 相关部门, 各级政府. */
const NOT_IN_BODY_NAME =
  /^(?:有关|相关|各级|各地|所有|其他|上述|所属|当地|外国|各国|他国|别国|多国|一些|部分|个别|某些)$/;

/** Demonstratives and the like, which open no name (这班, 该台). */
const DEICTIC = /^[这那该此本每其各]/;

/** Function words that follow a subject before what it acts on (将, 把, 在, 向, 与 …). */
const FUNCTION_OPEN = /^[将把被在向对与和同从让使令于为]$/;

/** A word of Han or Latin letters only. */
const NAME_WORD = /^[\u4e00-\u9fffA-Za-z·]+$/;
/** Common words that open the names of bodies (国际律师协会, 全国妇联, 世界银行). */
const NAME_HEAD = /^(?:国际|全国|世界|全球|中华|国家)$/;
/** Parts of speech of the word a name made by a suffix may open with. */
const PROPER_POS = /^(?:nr|nrt|nrfg|ns|nt|nz|x|j|eng)$/;

/**
 * Spans the suffix rules read: the segmenter's words back from a word that ends in a suffix,
 * while they are nouns, names or unknown words, opening with a proper name or a place or
 * organisation found before (`mentions`). A place suffix does not take a country before the
 * place (韩国 in 韩国X机场).
 */
function suffixNames(
  text: string,
  words: readonly ViewWord[],
  mentions: readonly RawMention[],
): { start: number; end: number; type: EntityType }[] {
  // Places and organisations by start, and the last start of a name that ends at each
  // offset: made when the first word with a suffix needs them (most texts have none).
  let mentionAt: Map<number, RawMention> | null = null;
  let lastStartAt: Map<number, number> | null = null;
  const index = () => {
    if (mentionAt === null || lastStartAt === null) {
      mentionAt = new Map();
      lastStartAt = new Map();
      for (const m of mentions) {
        if (m.type === 'LOC' || m.type === 'ORG') mentionAt.set(m.start, m);
        if (m.kind === 'name') {
          lastStartAt.set(m.end, Math.max(lastStartAt.get(m.end) ?? -1, m.start));
        }
      }
    }
    return { mentionAt, lastStartAt };
  };
  const { countryNames } = gazetteer();
  const out: { start: number; end: number; type: EntityType }[] = [];
  for (let k = 0; k < words.length; k++) {
    const w = words[k] as ViewWord;
    // Most words end in no suffix's last character, nor its last two: typed-array and set
    // tests, no string.
    const last = text.charCodeAt(w.end - 1);
    if (!SUFFIX_ENDS.has(last)) continue;
    if (!SUFFIX_ONE.has(last) && !SUFFIX_PAIRS.has(text.charCodeAt(w.end - 2) * 65536 + last)) {
      continue;
    }
    // The suffix may run over words (研究/中心), starting where a word does.
    const tail = text.slice(Math.max(0, w.end - 6), w.end);
    const org = ORG_SUFFIX.exec(tail);
    const loc = org === null ? LOC_SUFFIX.exec(tail) : null;
    const suffix = org ?? loc;
    if (suffix === null) continue;
    const type: EntityType = org !== null ? 'ORG' : 'LOC';
    // 来港, 访港, 在港: a verb or preposition glued to a one-character suffix is a motion to
    // or a stay in a place abbreviated to that character (港 for Hong Kong), no port of the
    // words before it (中东资金 | 来港).
    if (
      suffix[0].length === 1 &&
      w.end - w.start === 2 &&
      MOTION_OR_STAY.test(text[w.start] as string)
    ) {
      continue;
    }
    let ks = k;
    const from = w.end - suffix[0].length;
    while (ks > 0 && (words[ks] as ViewWord).start > from) ks--;
    const first = words[ks] as ViewWord;
    if (first.start > from || (first.start < from && ks !== k)) continue;
    const word = text.slice(first.start, w.end);
    // A word the lexicon knows whole (香港, 台湾) is no suffix's.
    if (!NAME_WORD.test(word) || gazetteer().forms.longestAt(word, 0)?.word === word) continue;
    let j = ks;
    while (j > 0 && k - j < 6) {
      const p = words[j - 1] as ViewWord;
      if (
        p.end !== (words[j] as ViewWord).start ||
        !NAME_PART_POS.test(p.pos) ||
        !NAME_WORD.test(text.slice(p.start, p.end)) ||
        // 台湾地区有关法院: a word that picks out bodies (有关, 各级) is no part of a name.
        NOT_IN_BODY_NAME.test(text.slice(p.start, p.end))
      ) {
        break;
      }
      j--;
    }
    // Open on a proper name or a mention; a place does not open on a country.
    let start = -1;
    let opening: ViewWord | undefined;
    for (let i = j; i <= k; i++) {
      const h = words[i] as ViewWord;
      const m = index().mentionAt.get(h.start);
      if (type === 'LOC' && m !== undefined && countryNames.has(m.key)) continue;
      if (
        m !== undefined ||
        ((PROPER_POS.test(h.pos) ||
          (type === 'ORG' && NAME_HEAD.test(text.slice(h.start, h.end)))) &&
          // A word before the suffix's, or, for a place, the suffix's own when it holds the
          // name too (蒙巴萨港 after 肯尼亚; an organisation's own word, 南联盟, 复旦大学, is
          // left to the lexicon and the tagger).
          (i < ks || (type === 'LOC' && h.start < from)) &&
          (h.end - h.start >= 2 || /^n[rs]/.test(h.pos)) &&
          !DEICTIC.test(text[h.start] ?? ''))
      ) {
        start = h.start;
        opening = h;
        break;
      }
    }
    // 斯里兰卡将 | 汉班托塔港: a word the segmenter does not know, glued from the verb's
    // function word after a subject and the foreign name it introduces, opens after it.
    if (
      opening !== undefined &&
      opening.pos === 'x' &&
      opening.end - opening.start >= 3 &&
      FUNCTION_OPEN.test(text[start] ?? '') &&
      mentions.some((m) => m.end === start)
    ) {
      start++;
    }
    // 明爱医院及玛嘉烈医院 (read 明爱/医院/及玛嘉烈/医院): a name of the same kind ending before
    // a conjunction the segmenter glued to the next name's opening is a name of its own; the
    // suffix's name opens after the conjunction.
    for (let i = ks; start >= 0 && i > j; i--) {
      const h = words[i] as ViewWord;
      if (h.start <= start || h.pos !== 'x' || h.end - h.start < 3) continue;
      if (!'及与和暨、'.includes(text[h.start] as string)) continue;
      const suffixBefore = type === 'ORG' ? ORG_SUFFIX : LOC_SUFFIX;
      if (suffixBefore.test(text.slice(Math.max(start, h.start - 6), h.start))) {
        start = h.start + 1;
        break;
      }
    }
    // A word the segmenter knows as a name of its own, opening with a place, is that name
    // (美国商会 after 华盛顿).
    if (
      start >= 0 &&
      start < w.start &&
      /^n[st]$/.test(w.pos) &&
      gazetteer().forms.longestAt(text, w.start)?.value.type === 'LOC'
    ) {
      start = w.start;
    }
    // A mission abroad opens with 驻 (驻韩国代表处), and with the state that sends it when the
    // text names one right before (中国驻英国大使馆), or the body that does (中央人民政府驻澳门
    // 联络办公室).
    if (text[start - 1] === '驻' && start - 1 >= (words[j] as ViewWord).start - 1) {
      start--;
      const sender = mentions.find(
        (m) => m.end === start && (m.type === 'LOC' || m.type === 'ORG'),
      );
      if (sender !== undefined) start = sender.start;
    }
    // 战略与 | 国际研究中心, 外交及 | 国防委员会: a common noun joined by 与, 及 or 暨 to the
    // name's opening is its first portfolio.
    if (type === 'ORG' && start >= 3 && '与及暨'.includes(text[start - 1] as string)) {
      const at = words.findIndex((x) => x.end === start - 1);
      const noun = words[at];
      if (
        noun !== undefined &&
        noun.pos === 'n' &&
        noun.end - noun.start >= 2 &&
        NAME_WORD.test(text.slice(noun.start, noun.end)) &&
        !NOT_IN_BODY_NAME.test(text.slice(noun.start, noun.end)) &&
        officeAt(text, noun.start) === null &&
        // Not the suffix of a name of its own (明爱医院及 | 玛嘉烈医院).
        !ORG_SUFFIX.test(text.slice(Math.max(0, start - 7), start - 1))
      )
        start = noun.start;
    }
    // A one-character suffix (港, 湾) needs a name of two units or more before it.
    if (start < 0 || w.end - start < (suffix[0].length === 1 ? 4 : 3)) continue;
    // A listed name that ends the span wins (天安门广场 of 北京天安门广场).
    if ((index().lastStartAt.get(w.end) ?? -1) > start) continue;
    out.push({ start, end: w.end, type });
  }
  return out;
}

/**
 * A newspaper named at the head of a clause as the source of what it says or prints (法国
 * 星期天报说，费加罗报认为, 世界报的社论, 解放报关注…): the name ends in 报 or a kind of paper
 * (日报, 时报, 邮报) and a verb of speech, of printing, of reporting (报道, 采访, 披露) or of a
 * press review follows it. A paper's own words for documents (公报, 简报, 通报, 年报, 财报)
 * are no names.
 */
const OUTLET_SOURCE =
  /(?<=^|[，。；：！？\s「」“”、])([\u4e00-\u9fff]{1,8}?报)(?=(?:也|还|则|又|更|今天|昨天|星期[一二三四五六日天])?(?:评论说|社论说|说|称|认为|指出|写道|分析说|强调|刊登|刊出|发表|采访|专访|报道|报导|披露|评论|分析|的(?:一篇)?(?:社论|社评|评论|文章|报道)|的头版|头版|社论|社评|关注|援引|引述|引用|今天以|以[“「《]))/g;
const NOT_OUTLET = /(?:公|简|情|通|举|汇|电|画|海|预|警|捷|喜|学|快|据|日|年|季|财|月)报$/;

function outletNames(text: string): { start: number; end: number; type: EntityType }[] {
  if (!text.includes('报')) return [];
  const out: { start: number; end: number; type: EntityType }[] = [];
  for (const m of text.matchAll(OUTLET_SOURCE)) {
    const name = m[1] as string;
    // 马克龙在接受该报专访: 该报 (this paper) is no paper's name, nor is what runs into it.
    if (name.length < 3 || NOT_OUTLET.test(name) || DEICTIC.test(name)) continue;
    if (/[这那该此本每其各]报$/.test(name)) continue;
    const start = m.index ?? 0;
    out.push({ start, end: start + name.length, type: 'ORG' });
  }
  return out;
}

/** How the name of a department ends: 办, 部, 局, 委员会 … (中共中央台办, 中共中央宣传部). */
const DEPARTMENT_END = /^[\u4e00-\u9fff]*(?:办|部|局|厅|署|委|委员会|办公室|研究室)$/;

/** What a reference points back to: a person, a body, whoever a pronoun stands for, or the
 * spokesperson last named. */
export type ReferenceKind = 'person' | 'org' | 'pronoun' | 'spokesperson';

const REFERENCES: readonly [RegExp, ReferenceKind][] = [
  [BARE_SPOKESPERSON, 'spokesperson'],
  [TITLE_REF, 'person'],
  [ORG_REF, 'org'],
  [PRONOUN, 'pronoun'],
  [SUBJECT_QI, 'pronoun'],
];

/** References that point back: 这位专家, 该组织, 他, 发言人. Offsets into the same text. */
export function findReferences(
  text: string,
): { start: number; end: number; what: ReferenceKind }[] {
  const refs: { start: number; end: number; what: ReferenceKind }[] = [];
  for (const [pattern, what] of REFERENCES) {
    for (const m of text.matchAll(pattern)) {
      refs.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, what });
    }
  }
  return refs.sort((a, b) => a.start - b.start);
}

/** Titles a person's name stands before (习近平主席, 凯塔总统, 林国栋行政长官), and the
 * offices Hong Kong and Taiwan write after a name as a form of address (李家超特首, 林国栋局长,
 * 陈美玲议员, 王定宇立委, 蒋万安市长). */
const PERSON_TITLE =
  /^(?:国家主席|主席|总统|总理|首相|国王|女王|总书记|委员长|行政长官|外长|大使|议长|部长|特首|司长|局长|议员|立委|市长|院长)$/;

/** The last characters of the names of places: 州, 区, 省, 县, 岛, 海. */
const PLACE_END = '州区省县岛海';

/** A name in Latin letters right after a title, up to a Han character: space (group 1), a
 * title of nobility or address (group 2), capitalised words (group 3, the name), letters
 * after them (group 4). */
const LATIN_NAME =
  /^(\s*)((?:(?:Baroness|Baron|Lord|Lady|Sir|Dame|Dr|Mr|Mrs|Ms|Prof)\.?\s+)?)([A-Z][a-z]+(?:[ '’-][A-Z][a-zA-Z'’-]+){1,3}?)((?:\s+(?:QC|KC|SC|MP|PhD|Jr\.?|OBE|CBE))*)\s*(?=[\u4e00-\u9fff])/;

/** One-unit words of districts and counties after a place's name: 新店/区. */
const ADMIN_UNIT = '区县';

/** Common nouns of area the segmenter may tag as places: 地区, 山区, 市区, 湾区, 中心区. */
const GENERIC_AREA = /^[地山城市郊社景园灾辖校片心边矿牧农林湾港新老]区$/;

/** Two capitalised Latin words in a row: a test before the search for LATIN_SPEAKER. */
const LATIN_PAIR = /[A-Z][a-z]+ [A-Z]/;
/** A Latin name after a Chinese mark or character and before a verb of speech. */
const LATIN_SPEAKER =
  /(?<=[\u4e00-\u9fff，。；：、\n] ?)([A-Z][a-z]+(?: [A-Z][a-zA-Z'’-]+){1,2})(?= ?(?:表示|指出|称|说|认为|强调))/g;

/** Han characters only. */
const HAN = /^[\u4e00-\u9fff]+$/;
/** What follows a body's name, never a person's: its spokesperson, the word company, its
 * chief executive or chair. */
const BODY_AFTER = /^(?:新闻)?(?:发言人|公司|集团|首席执行官|行政总裁|执行长|董事长|总裁)/;
/** Bodies named after the person who leads them: 拜登政府, 特朗普团队. */
const LED_BODY = /^(?:政府|当局|团队|内阁|阵营)/;
const LED_FIRST = '政当团内阵';

/** What follows no person's name: 方 of a side in talks (斯方), 军 of a country's forces. */
const NOT_AFTER_PERSON = /^(?:[方军媒籍号]|武装)/;
/**
 * Where a one-character verb of stance or speech (促, 吁) stands in a person's name read
 * from `start` to `end`, with its object right after it: a state's one-character
 * abbreviation (促美欧, 促英), or a name or body the lexicon knows (促港府). -1 if none.
 */
function verbAndObjectIn(text: string, start: number, end: number): number {
  const { abbreviationUnits, forms } = gazetteer();
  for (let i = start; i < end - 1; i++) {
    if (!URGING.test(text[i] as string)) continue;
    if (abbreviationUnits.has(text.charCodeAt(i + 1)) || forms.longestAt(text, i + 1) !== null)
      return i;
  }
  return -1;
}

/** Whether a word is X方 with X the first character of a country's name (阿方, 斯方): a
 * side in talks, no person's name. */
function sideOfCountry(word: string): boolean {
  if (word.length !== 2 || word[1] !== '方') return false;
  countryInitials ??= new Set([...gazetteer().countryNames].map((c) => c[0] as string));
  return countryInitials.has(word[0] as string);
}
/** The first characters of the lexicon's countries, gathered at the first X方 asked about. */
let countryInitials: Set<string> | null = null;

/** The one-character verbs of urging (促, 吁 of the Simplified view) a name may run into. */
const URGING = /^[促吁]$/;

/** One-character verbs of stance and speech a subject's name runs straight into (X促Y). */
const ONE_CHAR_VERB = /^[促吁籲称指说]$/;
/** A person's place in a photo (左二, 右一, 前排左三, 左二起): a caption's, no name. */
const PHOTO_POSITION = /^(?:前排|后排|中排)?[左右](?:[一二三四五六七八九十]起?|起)$/;
/** Offices the press puts after a surname to call a person already named (赖总统, 习主席,
 * 卓揆: 揆 is Taiwan's premier), as regular-expression alternatives (resolve-references
 * resolves them too). */
export const OFFICES_AFTER_SURNAME =
  '副总统|总统|主席|总理|首相|部长|院长|市长|议长|主委|局长|司长|署长|特首|总书记|委员长|揆';
/** A surname and one of those offices, anywhere in a text. */
const SURNAME_AND_OFFICE = new RegExp(`([\\u4e00-\\u9fff])(?:${OFFICES_AFTER_SURNAME})`, 'g');
/** 小崔, 老王: a surname with 小 or 老, the familiar way to call a person (the surname is
 * group 1); not the common words of that shape whose second unit is also a surname (老师
 * a teacher, 小时 an hour, 老年 old age). */
export const FAMILIAR = /^(?!老[师年]$|小时$)[小老]([\u4e00-\u9fff])$/;

/** Of NOT_PERSON, the words a tagger too reads as people: a party's legislators by its
 * colour (藍委, 綠委, 白委), a headline's subject run into its one-character verb (藍委批「…」,
 * X轟), a surname found guilty in Hong Kong's courts' words (裁定林罪成), a place's press
 * (陸媒, 港媒, 外媒), a country's one-character abbreviation and a noun for its vessels, forces or
 * firms (菲船, 美舰, 日企; not 韩, a common surname too). */
const NOT_TAGGED_PERSON =
  /^[蓝绿白]委|[批轰呛吁斥]$|罪成$|^[陆港台外日韩美俄欧官]媒$|^[中美日俄菲越印英法德澳朝台陆港欧以伊][船舰机军警兵企资商货渔艇]$/;
/** BODY_KINDS and 党团, alone: the kind of a body named last (ORG_REF), no name. */
const BODY_KIND = new RegExp(`^(?:${BODY_KINDS.join('|')}|党团)$`);
/** A verb of coming, going or staying, or the preposition 在, glued before a one-character
 * place (来港, 访港, 赴港, 在港). */
const MOTION_OR_STAY = /^[来访赴抵返离回到在驻留出入]$/;
/** Words ending in 局 for a situation or a layout, not a bureau (大局, 格局, 时局). */
const SITUATION_END = /(?:大局|格局|布局|局势|局面|结局|时局|全局|变局|棋局|僵局|战局|政局)$/;
/** A party's legislators by its colour, as a tagger may read them as any kind of name. */
const PARTY_LEGISLATORS = /^[蓝绿白]委(?:们|员)?$/;
/** Words that read as a surname and a given name but are none: counts and times, X方, forms
 * of address and kin, and NOT_TAGGED_PERSON's. */
const NOT_PERSON = new RegExp(
  `[一二三四五六七八九十时旅媒]$|^.方|${NOT_TAGGED_PERSON.source}|(?:${ADDRESS_FORMS})$|[姓摄]$|^(?:[爸妈爷奶哥姐弟妹叔伯婶舅姥]{2}|[外老]?[公婆]|阿姨|姨妈|儿子|女儿|丈夫|妻子|孩子|老伴)$`,
);
/** The last character of a village's, a street's or a district's name (王营村, 梁王河), or
 * of a cup, a bureau or a team (马会杯, 公安局): a word the segmenter does not know that ends
 * so is no person, whatever surname it opens with. */
const PLACE_LIKE = /[村乡镇县区市省州路街河湖杯赛局署厅处院队港站]$/;
/** The polite forms of address that follow a surname: 女士, 先生, 小姐, 太太. */
const POLITE_FORMS = '女士|先生|小姐|太太';
/** A surname and a form of address or a role: 沈女士, 李先生, 马教授, and 陈官, a Hong Kong
 * judge by surname (not 高官, 武官: a senior official, an attaché), and the familiar forms
 * Hong Kong writes of residents (陈伯, 李婆婆, 黄太). */
const ADDRESSED = new RegExp(
  `^(?:[\\u4e00-\\u9fff](?:${POLITE_FORMS}|夫人|老师|教授|医生|律师|师傅|博士|同学|警官|伯伯?|叔叔?|婆婆?|姨姨?|太)|[^高武法外]官)$`,
);
/** A surname and a polite form of address or a role anywhere in a text (游客沈女士, 事主陈先生,
 * 受访的陈老师). */
const ADDRESSED_AFTER_NOUN = new RegExp(
  `[\\u4e00-\\u9fff](?:${POLITE_FORMS}|老师|教授|医生|律师|博士|警官|师傅)`,
  'g',
);
/** A pronoun, which opens no name. */
const PRONOUN_START = /^[他她我你它佢]/;

/** The names of outlets, written in 《》 like works: 日报, 时报, 周刊, 新闻, 电视台, 传媒. */
const OUTLET =
  /(?:日报|时报|晚报|早报|周刊|月刊|周报|新闻|新闻网|电视台|电台|通讯社|杂志|传媒)$|^[\u4e00-\u9fff]{1,3}报$/;

/** The outlet a title in 《》 names, or null: a lexicon organisation, a name shaped like an
 * outlet's, or the longer outlet in 《》 on the page that it opens (苹果 of 苹果日报). */
function outletIn(text: string, inner: string): string | null {
  const hit = gazetteer().forms.longestAt(inner, 0);
  if (hit !== null && hit.word === inner) return hit.value.type === 'ORG' ? hit.value.name : null;
  if (OUTLET.test(inner)) return inner;
  for (let at = text.indexOf(`《${inner}`); at !== -1; at = text.indexOf(`《${inner}`, at + 1)) {
    const close = text.indexOf('》', at);
    const full = text.slice(at + 1, close);
    if (
      close > 0 &&
      full.length > inner.length &&
      full.length <= inner.length + 3 &&
      OUTLET.test(full)
    ) {
      const entry = gazetteer().forms.longestAt(full, 0);
      return entry !== null && entry.word === full ? entry.value.name : full;
    }
  }
  return null;
}

/** A foreign name the segmenter keeps whole as a person's name, of four to six units, at
 * `at` (涅姆佐夫 after 领导人), or null. */
function personWord(text: string, grid: WordGrid, at: number): string | null {
  const end = grid.wordEnd(at);
  if (!grid.startsWord(at) || end - at < 4 || end - at > 6 || !grid.posAt(at).startsWith('nr')) {
    return null;
  }
  const name = text.slice(at, end);
  return HAN.test(name) ? name : null;
}

/** Whether a one-unit word the segmenter calls a name, and a surname, ends at `at`. */
function surnameWordBefore(text: string, grid: WordGrid, at: number): boolean {
  const s = at - 1;
  return (
    s >= 0 &&
    SURNAMES.has(text[s] as string) &&
    grid.startsWord(s) &&
    grid.wordEnd(s) === at &&
    grid.posAt(s).startsWith('nr')
  );
}

/** The longest of `people` the text holds at `at`, or null. */
function knownNameAt(text: string, at: number, people: ReadonlySet<string>): string | null {
  let best: string | null = null;
  for (const name of people) {
    if ((best === null || name.length > best.length) && text.startsWith(name, at)) best = name;
  }
  return best;
}

/** Whether the text at `at` opens with a surname, one character or two (欧阳). */
function hasSurname(text: string, at: number): boolean {
  const unit = text.charCodeAt(at);
  if (SURNAME_UNITS.has(unit)) return true;
  return TWO_UNIT_FIRSTS.has(unit) && TWO_UNIT_SURNAMES.has(text.slice(at, at + 2));
}

/** Whether the title at `at` is a foreign state's: a country other than China's named
 * right before it (日本外相, 韩国总统; not 中国外长). */
function foreignTitleAt(text: string, at: number): boolean {
  const { countryNames } = gazetteer();
  for (let n = 2; n <= 8 && n <= at; n++) {
    const country = text.slice(at - n, at);
    if (countryNames.has(country)) return !/^中(?:国|华)/.test(country);
  }
  return false;
}

/** Whether a foreign state's office title ends at `at` (日本首相 before 高市早苗). */
function afterForeignOffice(text: string, at: number): boolean {
  for (let k = at - 1; k >= Math.max(0, at - 8); k--) {
    if (skipOffices(text, k) === at && foreignTitleAt(text, k)) return true;
  }
  return false;
}

/** A form of address after a surname (沈女士): a name, though they end names too. */
const ADDRESS_FORM = new RegExp(`^(?:${ADDRESS_FORMS})$`);

/** What ends a group, not a person's name, after a title: 访团, 代表团, 球队, 议员们. */
const GROUP_END = /(?:团|队|们)$/;

/** Titles of many (马里领导人, 日本官员): what follows is rarely one person's name. */
const GROUP_TITLE = /(?:领导人|官员|人士|专家|学者|成员|代表团)$/;

/** Words of the segmenter's that are no part of a name: verbs, adjectives, adverbs,
 * prepositions and conjunctions (实现/制裁 after 领导人). */
const NOT_NAME_WORD_POS = /^(?:v|vn|vd|a|ad|an|d|p|c|u|m|q|r)/;

/** Words for a leader's office and staff (办公室, 办公厅, 官邸, 幕僚): what follows a name,
 * never part of it. */
const OFFICE_WORD = /^(?:办公室|办公厅|官邸|幕僚|秘书处|发言人)/;

/** What ends a name read up to a stop: a digit (5日), a mark, or a stop word (在, 表示). */
const CLEAR_END = /^(?:[\d０-９，。、；：,;:「『“（(]|$)/;
/** One-unit adverbs that follow a subject (林芳正也表示). */
const ADVERB_AFTER_NAME = /^[也亦还则又都已曾]$/;

/**
 * Whether no one-unit adverb could stand right before `at`: a digit or a mark there (林芳正
 * 12日), or a one-unit adverb the segmenter reads as a word of its own (林芳 | 正 | 也 | 表示;
 * two adverbs that do go together, 再也 and 却也, are one word to it). A unit read as an
 * adverb before `at` is then a name's last.
 */
function noAdverbBefore(text: string, grid: WordGrid, at: number): boolean {
  if (MARK_OR_DIGIT.test(text[at] ?? '')) return true;
  return (
    ADVERB_AFTER_NAME.test(text[at] ?? '') && grid.startsWord(at) && grid.wordEnd(at) === at + 1
  );
}
/** A digit or a mark of punctuation: no adverb stands right before one. */
const MARK_OR_DIGIT = /^[\d０-９，。、；：,;:！？!?（(]$/;

/**
 * A foreign official's name after their country and title when the segmenter cuts it into
 * pieces that read as no name (日本外相 上/川/阳子 5日…: a Japanese name, which jieba does
 * not know): the Han characters up to a clear end (a digit, a mark or a stop word), two to
 * five of them, that open with no function word and are not one common word of the
 * segmenter's (首相官邸, 外相会谈). Null otherwise.
 */
function nameToStop(after: string, grid: WordGrid, start: number): string | null {
  if (NOT_NAME_START.test(after) || VERB_AFTER_TITLE.test(after)) return null;
  if (officeAt(after, 0) !== null) return null;
  const run = /^[\u4e00-\u9fff]{2,5}/.exec(after)?.[0];
  if (run === undefined) return null;
  for (let n = 1; n <= run.length; n++) {
    const rest = after.slice(n);
    // 办公室主任 after 乌克兰总统: a body or a title, no name; 泽连斯基 | 办公室主任: the name
    // ends where they begin.
    const ends =
      CLEAR_END.test(rest) ||
      NAME_STOP.test(rest) ||
      /^时/.test(rest) ||
      OFFICE_WORD.test(rest) ||
      officeAt(after, n) !== null;
    if (!ends) continue;
    // 时表示, 时说: a stop word right after the first character ends no name.
    if (n < 2 || !grid.startsWord(start) || !grid.endsWord(start + n)) return null;
    // One word of the segmenter's, not a name to it: a common word (官邸, 会谈).
    if (grid.wordEnd(start) === start + n && !/^(?:nr|x|eng)/.test(grid.posAt(start))) return null;
    for (let i = start; i < start + n; i = grid.wordEnd(i)) {
      if (grid.wordEnd(i) - i >= 2 && NOT_NAME_WORD_POS.test(grid.posAt(i))) return null;
    }
    return run.slice(0, n);
  }
  return null;
}

/**
 * A name of two read up to 和 that a verb of speech or stance follows (国防部长魏凤和会面时说,
 * 部长王国和表示): 和 is its last character, as a conjunction joins two names and is never
 * followed by a verb.
 */
function withFinalHe(text: string, at: number, name: string | null): string | null {
  if (name === null || name.length !== 2 || text[at + 2] !== '和') return name;
  return CUE_START.test(text.slice(at + 3, at + 9)) ? `${name}和` : name;
}

/**
 * The name right after a title, or null: 2–6 Han characters ended by a verb, time word,
 * form of address, another title or a mark, or a transliteration with a middle dot.
 * `fits(n, stop)` says whether the first n units could be a name by the segmenter's words
 * (`stop`: the length of the stop word that follows, which may let the end fall inside a
 * word). With no clear end, the longest of three or two units that fits is taken (陈丽娜
 * of 陈丽娜利用).
 */
function readName(after: string, fits: (n: number, stopAfter: number) => boolean): string | null {
  if (NOT_NAME_START.test(after) || VERB_AFTER_TITLE.test(after)) return null;
  if (officeAt(after, 0) !== null) return null;
  const m = NAME_CHARS.exec(after);
  if (m === null) return null;
  // 佢 (Cantonese "he, she", read 他 in the annotators' view) is in no name: the name ends
  // before it.
  const run = m[0].split(/[佢他她]/)[0] as string;
  if (run.length < 2) return null;
  const dot = run.search(/[·‧・•．]/);
  if (dot >= 0) {
    // A transliteration: the part after the dot ends where a stop word begins (布林肯·安东尼
    // of 布林肯·安东尼出席).
    for (let n = dot + 2; n <= run.length; n++) {
      if (n === run.length || NAME_STOP.test(after.slice(n))) return run.slice(0, n);
    }
  }
  // 时表示 after 会见美国国防部长: a verb of two units or more right after the first unit
  // ends the clause, not a given name (王在民 keeps its 在, 沈女士 its form of address).
  const early = NAME_STOP.exec(after.slice(1))?.[0] ?? '';
  if (early.length >= 2 && !ADDRESS_FORM.test(early)) return null;
  // Up to six units where the words say so (内塔尼亚胡).
  for (let n = 2; n <= run.length; n++) {
    const stop = NAME_STOP.exec(after.slice(n))?.[0].length ?? officeAt(after, n)?.length ?? 0;
    if ((stop > 0 || n === run.length) && fits(n, stop)) return run.slice(0, n);
    // A name never runs over a stop word (许立群 of 许立群报道).
    if (stop > 0) break;
  }
  for (const n of [3, 2]) if (n <= run.length && fits(n, 0)) return run.slice(0, n);
  return null;
}

/**
 * A body's short form the lexicon does not know (房委会 for 房屋委员会, 全国人大 for 全国人民
 * 代表大会): its characters in order inside the name of a fuller body on the page, not as one
 * run of it (立法会 is no short form of 立法会秘书处), opening alike and ending on a character
 * of the fuller name's last word, and fitting one body only. A mention read so, or a word the
 * segmenter reads as an abbreviation or a body (房委会/j) that no mention covers, is an alias
 * of that body. Mentions stay in order and never overlap.
 */
function shortForms(
  text: string,
  words: readonly ViewWord[],
  mentions: RawMention[],
): RawMention[] {
  const bodies = [
    ...new Set(
      mentions
        .filter((m) => m.type === 'ORG' && m.kind === 'name' && m.key.length >= 5)
        .map((m) => m.key),
    ),
  ];
  if (bodies.length === 0) return mentions;
  const fullOf = (short: string): string | null => {
    if (short.length < 3 || short.length > 5) return null;
    if (gazetteer().forms.longestAt(short, 0)?.word === short) return null;
    const fulls = bodies.filter(
      (b) => b.length >= short.length + 2 && unbracketedShortFormOf(short, b),
    );
    return fulls.length === 1 ? (fulls[0] as string) : null;
  };
  for (const m of mentions) {
    if (m.type !== 'ORG' || m.kind !== 'name') continue;
    const full = fullOf(m.key);
    if (full !== null) {
      m.key = full;
      m.kind = 'alias';
    }
  }
  const taken = new Uint8Array(text.length + 1);
  for (const m of mentions) taken.fill(1, m.start, m.end);
  const added: RawMention[] = [];
  for (const w of words) {
    if (w.pos !== 'j' && w.pos !== 'nt') continue;
    if (taken.subarray(w.start, w.end).some((x) => x === 1)) continue;
    const full = fullOf(text.slice(w.start, w.end));
    if (full !== null)
      added.push({ start: w.start, end: w.end, type: 'ORG', key: full, kind: 'alias' });
  }
  if (added.length === 0) return mentions;
  return [...mentions, ...added].sort((x, y) => x.start - y.start);
}

/** Whether `short`, written without brackets, reads as a short form of the body `full`: the
 * same first character, its characters in order inside `full` but not as one run of it, its
 * last within `full`'s last three. */
function unbracketedShortFormOf(short: string, full: string): boolean {
  return (
    short[0] === full[0] &&
    !full.includes(short) &&
    full.slice(-3).includes(short[short.length - 1] as string) &&
    shortFormOf(short, full)
  );
}
