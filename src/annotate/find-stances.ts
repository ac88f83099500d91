import { TAIWAN_DATELINE, VERB_BEFORE_DUI } from '../text/patterns.ts';
import type { StanceClass } from '../tree/annotations.ts';
import { MODALITY, QUOTE_CUE_ALTERNATION, STANCE_CUE_LIST, type StanceCue } from './cues.ts';
import { ISSUED, issuedBy, issuersOf, type Line } from './find-quotes.ts';
import { officeAt, skipOffices } from './gazetteer.ts';
import {
  BINDING_WORDS,
  clauseSubject,
  datelineEnd,
  isSentenceMark,
  opensOnPeople,
  PASSIVE,
  WordEdges,
} from './read-clauses.ts';
import { firstAtOrAfter, type Ref } from './resolve-references.ts';

/** A stance in Simplified-text offsets, before mapping back. */
export interface RawStance {
  start: number;
  end: number;
  actors: string[];
  cue: string;
  class: StanceClass;
  plover: string;
  targetStart: number;
  targetEnd: number;
  negated: boolean;
  modality: string[];
}

const CUE_BY_WORD = new Map(STANCE_CUE_LIST.map((c) => [c.cue, c]));
const CUE_PATTERN = new RegExp(STANCE_CUE_LIST.map((c) => c.cue).join('|'), 'g');

/** Whether a demand or appeal of the same sentence (stances from `sentence` on, the last
 * found last) asks for what stands at `[at, end)`. */
function askedFor(out: readonly RawStance[], sentence: number, at: number, end: number): boolean {
  for (let k = out.length - 1; k >= 0; k--) {
    const s = out[k] as RawStance;
    if (s.end < sentence) return false;
    if ((s.class === 'demand' || s.class === 'appeal') && s.targetStart < at && end <= s.targetEnd)
      return true;
  }
  return false;
}

/** How far back before a cue's clause a 我们 opening an earlier clause is looked for: a
 * sentence's length (a page with no sentence marks is one sentence, read once per cue). */
const WE_BACK = 160;

/**
 * 我们, 我方 or 我国 opening a clause of `[from, to)` (the sentence before the cue's clause,
 * its last WE_BACK units), when no clause after it opens on a name of its own (group 1: the
 * word); else null.
 */
function weOpening(
  text: string,
  refs: readonly Ref[],
  from: number,
  to: number,
): RegExpExecArray | null {
  let found: RegExpExecArray | null = null;
  const open = /(?:^|[，,：:])\s*(我们|我方|我国)/g;
  from = Math.max(from, to - WE_BACK);
  const seg = text.slice(from, to);
  for (let m = open.exec(seg); m !== null; m = open.exec(seg)) found = m;
  if (found === null) return null;
  for (let i = from + found.index + found[0].length; i < to; i++) {
    if (!/[，,]/.test(text[i] as string)) continue;
    let j = i + 1;
    while (j < to && /\s/.test(text[j] as string)) j++;
    if (refs[firstAtOrAfter(refs, j)]?.start === j) return null;
  }
  return found;
}

/** Whether a verb of worry opens the clause after its comma (他同时担心，部分行业…): not a
 * light verb's noun (表示关切，), nor a comma the same subject goes on after (担心，并…). */
function worryOpensClause(
  text: string,
  hit: StanceCue,
  sentence: number,
  at: number,
  end: number,
): boolean {
  return (
    /^(?:担心|担忧|忧虑)$/.test(hit.cue) &&
    /^[，,](?!\s*(?:并|同时|也|还|亦|又|但|而|认为|希望|呼吁|要求|敦促|指|表示))/.test(
      text.slice(end, end + 4),
    ) &&
    !/(?:表示|表达|深表|深感|感到|予以)[^，。；]{0,4}$/.test(text.slice(sentence, at))
  );
}

/** A statement's words brought in at the start of a sentence: 声明强调，…, 联合公报指出：… */
const STATEMENT_SAYS = new RegExp(
  `^(?:该|这份|其)?(?:联合)?(?:声明|公报)(?:还|也|并|同时|进一步)?(?:${QUOTE_CUE_ALTERNATION})[，,：:]`,
);

/** Negation right before a cue: 不支持, 决不接受, 唔好批评, 拒绝谴责, 尚未表态支持, 不是反对,
 * 并非批评, 没有理由反对, 唔係反对, 不可能支持, 不打算反对, 不愿意谴责, 不会再支持, 不会继续支持,
 * 未有谴责 (Hong Kong's has not), 并无反对 (but not 不断, 不仅); 停止支持, 放弃反对 (stopping or
 * giving up a stance is not taking it). */
const NEGATION =
  /(?:不|未|没有(?:理由)?|没(?:理由)?|决不|绝不|并不|从不|从未|无意|唔|不要|别|勿|拒绝|无法|不再|停止|放弃|终止|中止|不会|不能|不愿|并非|绝非|非|无须|毋须|无需|并无|从无)(?:会|能|再|要|好|曾|有|予|去|太|大|是|系|使|驶|用|必|需要|需|应该|应|该|可能|可以|可|愿意|打算|准备|想|敢|一定){0,2}(?:公开|明确|正式|继续|再次|全力|完全|直接|主动|轻易)?(?:表态|表示|予以)?$/;
/** Whether-forms before a cue: 是否支持, 会否反对, 能否接受, 要不要谴责; and 不排除支持 (a
 * possibility left open, no stance taken). */
const WHETHER =
  /(?:是否|会否|能否|可否|应否|是不是|会不会|有没有|有否|要不要|不排除)(?:会|能|要|再|继续|公开|明确|正式|表态)*$/;
const NOT_NEGATION =
  /(?:不断|不仅|不但|毫不|不遗余力地?|不懈|分别|特别|区别|告别|不得不|不能不|不会不|不可不|无不|莫不)$/;
/** A negation before the object a light verb takes the cue after: 尚未对这一提议表示欢迎,
 * 没有就此事予以谴责, 不会对其表示支持. */
const NEGATED_OBJECT =
  /(?:不|未|尚未|没有|没|并未|并不|从未|从不|不会|不再|无意|拒绝)(?:曾|再|会|愿)?(?:对于|对|就|向|为)[^，。；：！？]{1,30}?(?:表示|予以|表达|加以)(?:强烈|严厉|严正|坚决|高度|热烈|衷心|诚挚|明确|公开)?(?:的)?$/;

/** A denial the cue's clause stands in: 否认北岛支持…, 否认曾批评… (what is denied is no stance
 * taken; the clause is the one denied, read by its own subject). */
const DENIED = /否认[^，。；：！？「」“”]*$/;

/** Whether the text before a cue negates it across the object of a light verb (尚未对X表示欢迎). */
function negatedBeforeObject(before: string): boolean {
  const m = NEGATED_OBJECT.exec(before);
  return m !== null && !NOT_NEGATION.test(before.slice(0, m.index + 2));
}
/** A cue used as a noun: …的支持, 表达支持, 得到…拥护, 遭到拒绝, 支持者, 欢迎仪式. */
const NOUN_BEFORE =
  /(?:[的之](?:一致|广泛|大力|坚定|全力|热烈)?|有所|表达|给予|得到|获得|赢得|争取|寻求|失去|丧失|缺乏|提供|受到|遭到|遭|引起|引发|作出|做出|感谢|表示感谢|符合|满足|达到|按照|按|根据|依照|(?<![没未])有|有关|相关|种种|这些|那些|呢啲|嗰啲|呢些|嗰些|呢个|嗰个|呢种|嗰种|[\d０-９零一二三四五六七八九十百两]+票)$/;
/** Quote cues of criticism (their words name what is criticized, then what is asked). */
const CRITICISM_CUE: ReadonlySet<string> = new Set(
  STANCE_CUE_LIST.filter((c) => c.class === 'criticize').map((c) => c.cue),
);
/** Verbs of gaining or losing before a short modifier of what is gained (党内, 国际社会). */
const GAINED_BEFORE = /(?:失去|丧失|获得|得到|赢得|争取|寻求|缺乏|换取)[\u4e00-\u9fff]{1,5}$/;
/** A number or a demonstrative and a measure word for documents and items (一份, 这项, 该封):
 * a cue after one qualifies the noun it counts. */
const CLASSIFIER_BEFORE = /(?:[一这该那此每两几多]|\d+)(?:份|项|个|条|封|篇|部|纸|则)$/;
const NOUN_AFTER =
  /^(?:者|的|下(?![调降令台跌滑放达])|力度|率(?![领先])|声(?![明援讨称])|信(?![心任念息号])|词|辞|仪式|宴会|晚宴|晚会|酒会|(?:活动|集会)(?=$|[，,。；、的时中上后])|行列|会$|人士|方(?![案面式向针法略])|度(?![假过])|派(?![遣兵出驻])|票|和帮助|与帮助)/;
/** What brings in the object before a cue (对X表示关注, 向X表示祝贺, 就X予以谴责): not the 对 of a
 * word (反对党, 应对, 面对). */
const LEAD = new RegExp(
  `(?<![${VERB_BEFORE_DUI}])(?:对于|对(?![方手象话岸面策抗称等应]|立(?!法|陶宛)|外(?!国)))|向(?![来前往外内])|就(?![是要会能在已这])`,
);
/** Verbs that take a document as their object, right before a cue (通过谴责X的决议). */
const DOCUMENT_VERB_BEFORE = /(?:通过|否决|提出|提交|起草|审议|表决|推动|搁置)了?$/;
/** A cue's clause running on to 的 and a document (…的决议, …的动议, …的联合声明). */
const DOCUMENT_AFTER =
  /^[^，。；！？\n]{1,30}的(?:决议|动议|议案|提案|声明|法案|草案|联合声明|修正案)/;
/** The object of a cue running on to 的 and a noun for those who hold it: 支持台独的人士,
 * 反对改革的势力 (a relative clause, not a stance taken). */
const RELATIVE_AGENT =
  /^[^，。；：！？\n的]{1,12}的(?:人士|人们|人|者|势力|力量|群体|团体|民众|声音|阵营|一方|政党|议员|选民|网民|国家|各界|人群|读者|观众|网友|市民|公众|家长|学生|青年)/;
/** What opens a clause before a cue that starts a noun phrase: nothing, or a determiner
 * (那些批评X的人, 所有支持Y的议员). */
const CLAUSE_OPENS =
  /(?:^|[，,。；：:！？「“」”\n])(?:那些|这些|所有|凡是|一些|许多|很多|不少|部分|一切)?$/;
/** What the head of a noun phrase that is a clause's subject goes on with: a predicate
 * (批评条例的人是…, 支持改革的市民越来越多, 反对的议员都认为). */
const PREDICATE_AFTER =
  /^(?:是|都|也|就|才|越来越|认为|表示|说|称|指|应|应该|必须|要|会|不|没|已|正在|纷纷|普遍|大多|只是|往往|其实|根本|未必)/;
/** A verb the cue's clause is the object of, right before it (批评, 谴责, 打击, 反对). */
const AFTER_VERB =
  /(?:批评|谴责|抨击|痛批|斥责|反对|打击|警告|呼吁|敦促|要求|支持|欢迎|感谢|赞扬|提醒|告诫|正告)$/;
/** 反对党: the opposition, a noun (not 反对党籍议员, 反对党员, nor 支持党的领导). */
const PARTY_NOUN = /^党(?![籍员内])/;
/** A light verb before a cue, with at most a few adverbs between (表示强烈, 感到): the object
 * of 对X表示关注 ends before it. */
const LIGHT_VERB_END =
  /((?:不|未|并未|没有)予以?|(?:并不|并未|从未|从不|没有|不|未)?(?:表示|感到|致以|予以|表达|深表|深感|加以|提出|发出|进行了?|提供|给予))[^，。]{0,8}?$/;
/**
 * Where the light verb nearest the cue starts in `s` (the text after 对 up to the cue): 对X在
 * Y周边进行军事演习深表关切 has its object up to 深表, not to the 进行 inside it; -1 if none.
 */
function lastLightVerb(s: string): number {
  let found = -1;
  let from = 0;
  for (let m = LIGHT_VERB_END.exec(s); m !== null; m = LIGHT_VERB_END.exec(s.slice(from))) {
    found = from + m.index;
    // (不表示: the negation and its verb are one light verb; read on after both.)
    from = found + (m[1] as string).length;
  }
  return found;
}

/** 对X表示关注 / 向X表示祝贺 / 对此予以强烈谴责: the target stands between 对/向 and the cue. */
const EXPRESSED =
  /(?:表示|感到|致以|予以|表达|深表|深感|进行了?)(?:强烈|严重|高度|坚决|热烈|衷心|诚挚|深切|极大|最)?的?$/;
/** What ends the name of a document or a campaign written in 「」 (「反对…条款」). */
const DOCUMENT_END = /(?:条款|法案|法|公约|宣言|决议|声明|协议|条例|纲领|运动|计划)[」”』]$/;

/**
 * Whether `at` stands inside a title: 《…》, or quotation marks whose words end in a kind of
 * document (「反对性交易者及其剥削者条款」) or that a noun phrase goes on from, looked for
 * within MAX_SPAN of the line.
 */
function insideTitle(text: string, from: number, at: number): boolean {
  const floor = Math.max(from, at - MAX_SPAN);
  // Looked for back from the cue within the window only: a page of many cues is read in
  // linear time.
  for (let i = at - 1; i >= floor; i--) {
    const c = text[i];
    if (c === '》') break;
    if (c === '《') return true;
  }
  let q = -1;
  for (let i = at - 1; i >= floor; i--) {
    const c = text[i];
    if (c === '」' || c === '”' || c === '』') return false;
    if (c === '「' || c === '“' || c === '『') {
      q = i;
      break;
    }
  }
  if (q === -1) return false;
  const close = text.slice(at, Math.min(text.length, at + 40)).search(/[」”』]/);
  if (close === -1) return false;
  // Words in quotation marks that a noun phrase goes on from (「家庭照顾者支持团体」的活动,
  // 「…支持国家重大建设」三大议题) are a name or a term, not someone's words: short, with no
  // sentence or clause mark inside.
  const quoted = text.slice(q + 1, at + close);
  if (
    quoted.length <= 24 &&
    !/[。！？，；]/.test(quoted) &&
    /[\u4e00-\u9fff]/.test(text[at + close + 1] ?? '')
  )
    return true;
  return DOCUMENT_END.test(text.slice(at, at + close + 1));
}

/** Whether `at` stands inside quotation marks opened on its line. */
function insideMarks(text: string, from: number, at: number): boolean {
  let depth = 0;
  for (let i = from; i < at; i++) {
    const c = text[i];
    if (c === '「' || c === '“' || c === '『') depth++;
    else if ((c === '」' || c === '”' || c === '』') && depth > 0) depth--;
  }
  return depth > 0;
}

/** 我们 (我方, 我国) as the clause's subject, right before the cue, as the voice of a statement. */
const WE = /(我们|我方|我国)[^，。；我]{0,6}$/;
/** A body naming itself as the cue's subject: 本会, 本党, 本台, 本公司 … */
const SELF_BODY =
  /^\s*(?:而|但|同时|此外)?\s*本(?:会|党|社|台|校|院|局|署|处|部|府|公司|集团|组织|机构|协会|联盟|团体)(?![长员门分])[^，。；]{0,20}$/;

/**
 * The side a 我们 at `at` speaks for: an X方 the statement calls itself nearby (中方, 美方),
 * the last before it, else the first after it, in [from, to). Not an X方 the text governs,
 * as an addressee or object (对美方, 关于美方, 敦促美方): that is the other side, and so is
 * the same side anywhere in the window (我们敦促美方… makes 美方此举严重违反… the other's
 * act: a statement urges no one but the other side).
 */
function sideNear(
  text: string,
  refs: readonly Ref[],
  from: number,
  to: number,
  at: number,
  others: readonly { contentStart: number; contentEnd: number }[] = [],
): Ref | null {
  const isSide = (r: Ref) => r.type === 'LOC' && text[r.end - 1] === '方';
  const otherSides = new Set<string>();
  for (let k = firstAtOrAfter(refs, from); k < refs.length; k++) {
    const r = refs[k] as Ref;
    if (r.start >= to) break;
    if (
      r.end <= to &&
      isSide(r) &&
      ADDRESSES_OTHER.test(text.slice(Math.max(0, r.start - 2), r.start))
    )
      for (const id of r.ids) otherSides.add(id);
  }
  let before: Ref | null = null;
  for (let k = firstAtOrAfter(refs, from); k < refs.length; k++) {
    const r = refs[k] as Ref;
    if (r.start >= to) break;
    if (r.end > to) continue;
    if (
      !isSide(r) ||
      r.ids.some((id) => otherSides.has(id)) ||
      GOVERNS_SIDE.test(text.slice(Math.max(0, r.start - 2), r.start)) ||
      // 菲方 in what another speaker is quoted as saying (马科斯表示，菲方将…) is their side.
      others.some((q) => q.contentStart <= r.start && r.end <= q.contentEnd)
    )
      continue;
    if (r.start < at) before = r;
    else return before ?? r;
  }
  return before;
}

/** What a statement does only to the other side (敦促美方, 正告日方), never to its own: the
 * X方 after it is the other side anywhere in the statement (对中方实施制裁 is no such sign:
 * the other side may act on the statement's own). */
const ADDRESSES_OTHER = /(?:敦促|要求|呼吁|正告|奉劝|告诫|警告|谴责|抨击|指责)$/;

/** What makes the X方 after it an addressee or object: 对美方, 关于美方, 敦促美方, 同俄方. */
const GOVERNS_SIDE =
  /(?:[对向同与和跟给促]|对于|关于|针对|至于|敦促|要求|呼吁|希望|反对|谴责|批评|支持|欢迎|感谢|正告|奉劝|告诫|提醒|警告|指责|抨击)$/;

/** The refs wholly inside [from, to), found from the first that starts there (refs are in
 * order of start): a span's own refs cost their number, not the page's. */
export function refsWithin(refs: readonly Ref[], from: number, to: number): Ref[] {
  const out: Ref[] = [];
  for (let k = firstAtOrAfter(refs, from); k < refs.length; k++) {
    const r = refs[k] as Ref;
    if (r.start >= to) break;
    if (r.end <= to) out.push(r);
  }
  return out;
}

/** The country a speaker serves on the page: the place before their title (美国国务卿蓬佩奥
 * → 美国) or before their body's name (伊朗外交部 → 伊朗); for a body's spokesperson
 * (国台办发言人X, 国台办举行例行新闻发布会，发言人X), the body that speaks through them. */
function sideOf(text: string, refs: readonly Ref[], speaker: Ref): Ref | null {
  const id = speaker.ids[0];
  if ((speaker.type !== 'PER' && speaker.type !== 'ORG') || id === undefined) return null;
  for (let k = 1; k < refs.length; k++) {
    const r = refs[k] as Ref;
    const before = refs[k - 1] as Ref;
    if (r.ids[0] !== id) continue;
    if (
      before.type === 'ORG' &&
      speaker.type === 'PER' &&
      /^(?:新闻)?发言人$/.test(text.slice(before.end, r.start))
    )
      return before;
    if (
      before.type === 'ORG' &&
      speaker.type === 'PER' &&
      PRESS_BRIEFING.test(text.slice(before.end, r.start))
    )
      return before;
    if (before.type !== 'LOC') continue;
    if (before.end === r.start ? speaker.type === 'ORG' : skipOffices(text, before.end) === r.start)
      return before;
  }
  return null;
}

/** What comes between a body and its spokesperson at its own press briefing: 国台办 | 今天上午
 * 举行例行新闻发布会，发言人 | 陈斌华 (the body holds it; its spokesperson speaks). */
const PRESS_BRIEFING =
  /^[^。！？\n]{0,20}(?:举行|召开|主持)[^。！？\n]{0,12}(?:发布会|记者会|简报会|吹风会)[，,、]?\s*(?:新闻)?发言人$/;

/** Time words closing a meeting's counterpart (与X今天举行会谈, 同Y5日会晤). */
const TIME_AFTER =
  /(?:今天|昨天|今日|昨日|明天|当天|同日|日前|近日|上午|下午|晚上|晚间|[\d０-９]{1,2}日|[一二三四五六七八九十]{1,3}日|周[一二三四五六日]|星期[一二三四五六日天])+$/;

/** Forms of address that stand for the counterpart: 阁下, 总统殿下, 总统先生. */
const HONORIFIC = /^(?:阁下|殿下|您|[^\s，。]{1,4}(?:殿下|阁下|先生))$/;
/** A second verb coordinated with the cue: 支持和践行 X → the target is X. */
const COORDINATED = /^(?:和|与|并)(?:践行|推动|维护|促进|加强|深化|坚持|落实|参与)/;
/** 希望 is an appeal only when it is addressed to another party (希望特区政府…, 希望双方…). */
const ADDRESSEE =
  /^(?:各方|各国|国际社会|对方|(?:双方|两国)(?!关系|合作|经贸|友好|友谊|人民|交流|之间|贸易)|两岸(?!关系|局势|形势|和平|交流|经贸|之间|问题|同胞)|有关方面|有关国家|相关方面|相关国家|各界|社会各界|(?:所有|各个|其他)国家|[^\s，。]{1,4}方(?!面)|[^\s，。]{0,6}(?:政府|当局)|中央|司法|法院|法庭|法官|裁判官|检方|检察官|警方|执法部门|立法会|国会|议会|业界)/;

/**
 * Finds stances: for each cue word of data/cues/stance.tsv that the segmenter reads as a word
 * (not a noun: 歡迎儀式, …的支持, 支持者), the holder is the subject of the cue's clause
 * (read-clauses: not a dateline's outlet, not an addressee after 向／對, not a place unless it
 * stands for its state), or, when the clause has none, the subject of the sentence or block
 * before it (a speaker's stance inside their reported speech). The target is the object after
 * the cue, the phrase after 對／向 for 對X表示關切, the counterpart for a meeting (X同Y舉行會談,
 * X會見Y), and the sentence before for an anaphor (對此…反對). Negated cues are kept, marked
 * negated. One stance per holder, class and target.
 */
export function findStances(
  text: string,
  lines: readonly Line[],
  refs: readonly Ref[],
  edges: WordEdges = new WordEdges(text.length, []),
  quotes: readonly {
    contentStart: number;
    contentEnd: number;
    speaker: Ref | null;
    cue?: string;
  }[] = [],
): RawStance[] {
  const memo: {
    last: { sentence: number; start: number; end: number } | null;
    met: { start: number; end: number } | null;
  } = { last: null, met: null };
  const out: RawStance[] = [];
  const seen = new Set<string>();
  /** The side each speaker serves (sideOf reads the whole page: once a speaker). */
  const sides = new Map<string, Ref | null>();
  const sideOfSpeaker = (speaker: Ref): Ref | null => {
    const key = `${speaker.type}|${speaker.ids[0] ?? ''}`;
    let side = sides.get(key);
    if (side === undefined) {
      side = sideOf(text, refs, speaker);
      sides.set(key, side);
    }
    return side;
  };
  /** Who issued the document or convened the meeting last found (声明, 会议): it stays the
   * holder of what that document or meeting says later (会议同意… paragraphs on). */
  let issuer: Ref | null = null;
  for (const [index, line] of lines.entries()) {
    /** The statement line before this one: 对此 may look back into it. */
    const prevLine = lines[index - 1] ?? null;
    let carried: Ref[] = [];
    /** The sentence `carried` was found in. */
    let carriedIn = -1;
    /** The side a 我们 of this line spoke for, and the sentence it opened. */
    let voice: { sentence: number; actors: Ref[] } | null = null;
    // Where the sentence holding the next cue starts: the cues of a line come in order, so
    // the line is scanned for sentence marks once, not back from every cue.
    let sentenceStart = line.from;
    let scanned = line.from;
    // Searched in the line alone, so a line without a cue costs its own length only.
    const seg = text.slice(line.from, line.to);
    CUE_PATTERN.lastIndex = 0;
    for (let m = CUE_PATTERN.exec(seg); m !== null; m = CUE_PATTERN.exec(seg)) {
      const at = line.from + m.index;
      const end = at + m[0].length;
      const hit = CUE_BY_WORD.get(m[0]) as StanceCue;
      const inUnknown = edges.unknownAt(at) && edges.unknownAt(end - 1);
      if (!edges.isEmpty() && !inUnknown && !(edges.startsAt(at) && edges.endsAt(end))) {
        // 支持 inside 支持者 is cut as one word; one-character cues (促, 吁) must stand alone.
        // 会面时, 会谈后: a cue the segmenter glued to a time word is still the verb.
        const w = edges.wordAt(at);
        const glued = w !== undefined && /^(?:时|后|前|中|上)$/.test(text.slice(end, w.end));
        if (!glued && (hit.cue.length === 1 || !(edges.endsAt(end) || edges.startsAt(at))))
          continue;
      }
      // 民促会: a cue inside a name (a body's short form) is no cue.
      const k = firstAtOrAfter(refs, at + 1);
      const around = refs[k - 1];
      if (
        around !== undefined &&
        around.start <= at &&
        around.end >= end &&
        around.end - around.start > end - at
      )
        continue;
      // The sentence holding the cue, after any dateline.
      for (; scanned < at; scanned++) {
        if (isSentenceMark(text.charCodeAt(scanned))) sentenceStart = scanned + 1;
      }
      const sFrom = sentenceStart;
      // The sentence before, in this paragraph or the one before (對此 across a paragraph),
      // never a headline's or a caption's: a line that carries no statements is none.
      let prevSentence = sentenceBefore(text, sFrom);
      if (
        prevSentence.from < line.from &&
        (prevLine === null || prevSentence.from < prevLine.from || prevSentence.to > prevLine.to)
      )
        prevSentence = { from: sFrom, to: sFrom };
      const floor = Math.max(sFrom, datelineEnd(text, sFrom, line.to));
      const before = text.slice(Math.max(line.from, at - 6), at);
      const after = text.slice(end, end + 6);
      const expressed = EXPRESSED.test(before);
      // 举行了深入友好的会谈: a meeting held is one, whatever qualifies it.
      const held =
        hit.class === 'meet' && /举行/.test(text.slice(Math.max(line.from, at - 14), at));
      if (
        !expressed &&
        !held &&
        (NOUN_BEFORE.test(before) ||
          // 失去党内支持。, 赢得国际社会支持，: what is gained or lost, a noun, closing its
          // clause.
          (GAINED_BEFORE.test(text.slice(Math.max(line.from, at - 8), at)) &&
            /^(?:$|[，,。；！？」”』\n])/.test(after)) ||
          NOUN_AFTER.test(after) ||
          (hit.cue === '反对' && PARTY_NOUN.test(after)) ||
          // 总定位、总目标、总要求，: the last of a list of nouns, nothing after it.
          // (强烈不满、坚决反对。, 不满、也反对: verbs, their object before them.)
          (/、[^都也还就才再又更最不没未很并均亦，。、\s]$/.test(before) &&
            /^(?:$|[，,。；、！？」”\n])/.test(after)) ||
          // (…的信中批评, 在…的讲话中支持: where, closed by a word of place, opens a verb.)
          (/的[^，。的]{1,3}$/.test(before) && !/的[^，。的]{0,2}[中里上内]$/.test(before)))
      )
        continue;
      // 转达了有关立场和关切。: a cue joined by 和 to a noun before it, with nothing after it,
      // is a noun too.
      // So is one 表达 brings in with another (表达理解和支持, GUIDELINES §4).
      if (
        /[和与及、]/.test(text[at - 1] ?? '') &&
        /^(?:$|[。，；！？\n」”])/.test(text.slice(end, end + 1)) &&
        (nounEndsAt(text, edges, at - 1) ||
          /(?:表达|致以)[^，。；]{1,4}[和与及、]$/.test(
            text.slice(Math.max(line.from, at - 8), at),
          ))
      )
        continue;
      // 一份要求停火的决议草案, 这项谴责X的声明: a cue after a measure word, in a clause that
      // runs on to 的 and a noun, says what a document is, not who stands where.
      if (
        CLASSIFIER_BEFORE.test(before) &&
        /^[^，。；！？\n]{1,30}的/.test(text.slice(end, line.to))
      )
        continue;
      // 未能通过谴责X的动议, 否决要求停火的决议草案: so too one a verb of passing, tabling or
      // voting takes, whose cue clause runs on to 的 and the document.
      if (
        DOCUMENT_VERB_BEFORE.test(before) &&
        DOCUMENT_AFTER.test(text.slice(end, Math.min(line.to, end + 40)))
      )
        continue;
      // 批评支持台独的人士: a cue in a clause that qualifies who is meant (those who support X)
      // after another verb is no one's stance here.
      if (
        AFTER_VERB.test(before) &&
        RELATIVE_AGENT.test(text.slice(end, Math.min(line.to, end + 20)))
      )
        continue;
      // 批评条例的人是「双重标准」, 那些支持改革的市民都认为…: a cue opening a clause whose
      // object runs on to 的 and those who hold it, and then to their predicate, says who
      // is meant (the subject), not who stands where.
      if (CLAUSE_OPENS.test(text.slice(Math.max(line.from, at - 4), at))) {
        const rest = text.slice(end, Math.min(line.to, end + 24));
        const agent = RELATIVE_AGENT.exec(rest);
        if (agent !== null && PREDICATE_AFTER.test(rest.slice(agent[0].length))) continue;
      }
      // 《反分裂国家法》, 通过了「反对…条款」: a cue inside the name of a law, a treaty or a
      // declaration is no one's stance.
      if (insideTitle(text, line.from, at)) continue;
      // 抗议民众, 抗议活动: those who protest and what they do, nouns.
      if (
        hit.cue === '抗议' &&
        /^(?:民众|群众|人群|人士|活动|行动|浪潮|声浪|示威|队伍)/.test(after)
      )
        continue;
      // 未经董事会同意: a consent not given is no one's stance.
      if (/未经[^，。；]{0,12}$/.test(text.slice(Math.max(line.from, at - 14), at))) continue;
      // 被校长要求…, 遭到拒绝: a passive is not annotated (GUIDELINES §4); nor a cue that
      // doubles as a noun where a noun stands (长宽高等要求, 距离公约要求还有差距).
      if (PASSIVE.test(text.slice(Math.max(line.from, at - 10), at))) continue;
      if (hit.cue === '要求' && (/等$/.test(before) || /^(?:还有|仍有|尚有|有差距)/.test(after)))
        continue;
      // 无理要求, 合理要求: 要求 read into one word with a modifier is a noun; with an adverb
      // (坚决要求, 一再要求) it is still the verb.
      if (hit.cue === '要求' && !edges.isEmpty() && !edges.startsAt(at)) {
        let from = at;
        while (from > line.from && at - from < 4 && !edges.startsAt(from)) from--;
        const prefix = text.slice(from, at);
        if (!/(?:坚决|强烈|一再|再次|严正|郑重|一致|明确|并|还|也|又)$/.test(prefix)) continue;
      }
      // 拒绝评论, 拒绝谴责X: refusing to act is no stance on the act (GUIDELINES: 拒絕譴責中國
      // is not criticism of China); 拒绝接受X, 拒绝承认X reject X.
      if (hit.cue === '拒绝') {
        const w = edges.wordAt(end);
        const word = w === undefined ? '' : text.slice(end, w.end);
        // A verb, or a set phrase opening with an act (出席会议/l, not 无理要求/l).
        const acts =
          (w !== undefined && /^v/.test(w.pos)) ||
          /^(?:评论|置评|回应|回答|透露|表态|作答|出席|参加|参与|签署|签字|配合|露面|见面|会见|谈判|对话|道歉|让步|投票)/.test(
            word,
          );
        if (acts && !/^(?:接受|承认|执行|服从|遵守)/.test(word)) continue;
        // 拒绝就此事发表评论, 拒绝对此作出回应: an act after a prepositional phrase.
        if (
          /^(?:就|对|向|为|在)[^，。；]{0,12}?(?:发表|作出|做出|评论|置评|回应|透露|表态|说明)/.test(
            text.slice(end, end + 20),
          )
        )
          continue;
      }
      // 欢迎加入, 欢迎访问: a site's or host's invitation, no stance.
      if (hit.cue === '欢迎' && INVITATION.test(after)) continue;
      // 不容忽视, 不容乐观, 不容置疑: set phrases ("cannot be ignored"), not "will not tolerate".
      if (
        hit.cue === '不容' &&
        /^(?:易|忽视|乐观|置疑|置喙|小觑|想象|错过|否认|拖延|懈怠|回避|混淆)/.test(after)
      )
        continue;
      let subject = clauseSubject(text, floor, at, refs, {
        places: true,
        groups: true,
        meeting: hit.class === 'meet',
        edges,
        topic: true,
      });
      // 敦促美方恪守…，停止支持X: a cue with no subject of its own, in a later clause of
      // what a demand or appeal asks for, is asked for too, no one's stance yet.
      if ((subject.kind === 'none' || subject.carried === true) && askedFor(out, sFrom, at, end))
        continue;
      // 习近平感谢普京及俄各界…表示祝贺: a cue inside the object of another cue of the same
      // clause is the stance of that cue's object (普京), who comes after it; under an
      // appeal or a demand (敦促美方支持…) it is asked for, no one's stance yet.
      const outer = outerCue(text, subject.clause, at);
      if (outer !== null && (subject.kind === 'one' || subject.kind === 'many')) {
        const holderEnd = subject.kind === 'one' ? subject.ref.end : (subject.refs[0]?.end ?? 0);
        if (outer.at >= holderEnd) {
          if (outer.cue.class === 'demand' || outer.cue.class === 'appeal') continue;
          // 感谢中方支持。, 赞赏巴方支持和帮助，: the cue with no object of its own names what
          // is thanked, the support given (a noun, as …的支持), no stance of its own.
          if (
            (outer.cue.class === 'praise' || outer.cue.class === 'welcome') &&
            /^(?:(?:和|与|及|、)[\u4e00-\u9fff]{2})?(?:[。，,；;！!？?]|$)/.test(
              text.slice(end, end + 5),
            ) &&
            // (…感谢普京对百年华诞表示祝贺。: a cue its object stands before, 对…表示, is a verb.)
            !/(?:对|向|为|表示|表达|予以|致以)/.test(text.slice(outer.end, at))
          )
            continue;
          const inner = clauseSubject(text, outer.end, at, refs, {
            places: true,
            groups: true,
            meeting: hit.class === 'meet',
            edges,
          });
          if (inner.kind === 'one' || inner.kind === 'many')
            subject = { ...inner, clause: subject.clause };
          // 感谢友邦长期支持: the object holds the inner stance, and names no one we know;
          // the outer holder does not hold it.
          else if (inner.kind === 'none' && nounBetween(edges, outer.end, at)) continue;
        }
      }
      let actors: Ref[];
      const quote = quotes.find(
        (x) => x.speaker !== null && x.contentStart <= at && at < x.contentEnd,
      );
      const added =
        quote === undefined &&
        subject.kind === 'none' &&
        (hit.class === 'demand' || hit.class === 'appeal')
          ? quotes.find(
              (x) =>
                x.speaker !== null &&
                x.contentEnd >= sFrom &&
                x.contentEnd <= at &&
                /^[，,]\s*并$/.test(text.slice(x.contentEnd, at)),
            )
          : undefined;
      // 我们 as the cue's own subject, before any holder borrowed from an earlier clause.
      const we = subject.kind === 'none' || subject.carried === true;
      /** 我们, 我方 or 我国 as the cue's own subject (group 1). */
      // 声明强调，我们将共同维护…，反对…: a clause with no subject of its own, after one that
      // 我们 opened in the same sentence, goes on in that voice (no cue before set it).
      const voiced = we
        ? (WE.exec(text.slice(subject.clause, at)) ??
          (voice === null || voice.sentence !== sFrom
            ? weOpening(text, refs, sFrom, subject.clause)
            : null))
        : null;
      // 陳美玲說，林國棟堅持…。她批評…: a pronoun right after a quotation stands for its
      // speaker when the person it was read as was last named inside someone's quoted words.
      const pronoun = subject.kind === 'one' && subject.ref.kind === 'pronoun' ? subject.ref : null;
      const spokeBefore =
        pronoun !== null && quote === undefined ? speakerBefore(text, quotes, refs, pronoun) : null;
      if (spokeBefore !== null) {
        actors = [spokeBefore];
      } else if (
        subject.kind === 'one' &&
        subject.ref.kind === 'pronoun' &&
        quote?.speaker != null
      ) {
        // 他要求… inside someone's reported speech: the speaker.
        actors = [quote.speaker];
      } else if (voiced !== null) {
        // 我们 in an official statement: the side it speaks for (中方 nearby), else the country
        // its speaker serves (美国国务卿X), else the speaker. A 我们 of no one's quoted words,
        // in the sentence right after words quoted in its paragraph, goes on in their voice
        // (社评指出，…。我们敦促…): the reporter says no 我们.
        const spoken = quote ?? quoteJustBefore(text, quotes, line.from, sFrom);
        const side =
          sideNear(
            text,
            refs,
            Math.max(0, line.from - 400),
            line.to,
            at,
            quotes.filter(
              (x) =>
                x.speaker !== null &&
                x !== quote &&
                !(quote?.speaker?.ids.some((id) => x.speaker?.ids.includes(id)) ?? false),
            ),
          ) ?? (spoken?.speaker != null ? sideOfSpeaker(spoken.speaker) : null);
        // 我国 is the speaker's country (日本首相X: 我国 → 日本), never the body they speak
        // for; with no country known, the speaker.
        const country = voiced[1] === '我国';
        // 我国 on a page a Taiwan dateline or credit opens (台北5日电, ／台北报导), with no
        // country of its speaker known: Taiwan.
        const taiwan: Ref | null =
          country && side === null && TAIWAN_DATELINE.test(text)
            ? { start: at, end: at, kind: 'alias', type: 'LOC', ids: ['LOC:台湾'] }
            : null;
        // 两国发表联合声明。声明强调，我们将…: a joint statement's 我们 is all who issued it
        // (GUIDELINES §4), though its words are no one's quote (several speakers at once).
        const issuers =
          side === null && spoken == null && STATEMENT_SAYS.test(text.slice(sFrom, at))
            ? (issuersOf(text, prevLine?.from ?? line.from, sFrom, refs, edges, true) ?? null)
            : null;
        actors =
          side !== null && (!country || side.type === 'LOC')
            ? [side]
            : taiwan !== null
              ? [taiwan]
              : spoken?.speaker != null
                ? [spoken.speaker]
                : (issuers ?? []);
        voice = { sentence: sFrom, actors };
      } else if (we && voice !== null && voice.sentence === sFrom) {
        // 我们坚决反对…，敦促…: a later clause of the sentence with no subject of its own
        // goes on in the voice of the 我们 that opened it, not a holder borrowed from before.
        actors = voice.actors;
      } else if (
        we &&
        quote?.speaker != null &&
        quote.speaker.type === 'ORG' &&
        SELF_BODY.test(text.slice(subject.clause, at))
      ) {
        // 本会对…表示关注, 本党坚决反对… in a body's words: the body that speaks.
        actors = [quote.speaker];
      } else if (subject.kind === 'one') actors = [subject.ref];
      else if (subject.kind === 'many') actors = subject.refs;
      else if (ISSUED.test(text.slice(subject.clause, at).trim())) {
        // 声明要求…, 会议要求…: the body that issued the statement or convened the meeting,
        // as for the quotes they bring in.
        const by = issuedBy(text, prevLine?.from ?? line.from, subject.clause, refs, edges);
        if (by !== undefined) issuer = by;
        actors = issuer === null ? [] : [issuer];
      } else if (added?.speaker != null) {
        // X表示，…，并呼吁…: the appeal or demand that closes the quote's sentence, after its
        // words, is the speaker's (the quote reader ends the words before it), whatever
        // subject the clause before had.
        actors = [added.speaker];
      } else if (
        subject.blocked === true &&
        quote?.speaker != null &&
        CRITICISM_CUE.has(quote.cue ?? '') &&
        (hit.class === 'demand' || hit.class === 'appeal') &&
        /^(?:并|并且|同时|更|再|还|也|亦|又)?(?:强烈|坚决|严正)?$/.test(
          text.slice(subject.clause, at).trim(),
        )
      ) {
        // 羅健熙批評，政府多年漠視…，要求當局…: in a critic's words, the demand with no
        // subject of its own that follows the matter criticized is the critic's.
        actors = [quote.speaker];
      } else if (subject.blocked === true) {
        // A subject the text gives but we cannot name (兩人, 專家): no holder.
        actors = [];
      } else if (quote === undefined && insideMarks(text, line.from, at)) {
        // Quoted words no one is credited with (“支持老崔！”一位网友说): no holder.
        actors = [];
      } else {
        // A speaker's stance with no subject of its own, inside their reported speech.
        // A subject only from this sentence, but 双方 / 两国 the page has not resolved are the
        // two or more holders that acted last (中国和东盟支持…。双方欢迎…).
        const pair =
          carried.length >= 2 && /^(?:双方|两国)/.test(text.slice(subject.clause, at).trim());
        actors =
          quote?.speaker != null && !pair
            ? [quote.speaker]
            : carriedIn === sFrom || pair
              ? carried
              : [];
      }
      if (subject.kind !== 'none') {
        carried = actors;
        carriedIn = sFrom;
      }
      if (actors.length === 0) continue;
      const clauseFrom = subject.clause;
      // 是否支持, 会否反对: asking or leaving open whether one takes a stance is not taking it.
      if (WHETHER.test(text.slice(Math.max(clauseFrom, at - 8), at))) continue;
      // What is demanded or appealed for often runs over several clauses (希望特区政府带领…，
      // 广泛团结…): to the end of the sentence.
      // …, but not over the next demand or appeal of the sentence (要求核实，甚至要求政府核查).
      // 他同时担心，部分行业…: a worry the comma after it opens is the clause that follows
      // (the verbs of worry only: 关切 and 关注 are nouns as often, 照顾彼此关切，…).
      const clauseTo =
        hit.class === 'demand' || hit.class === 'appeal'
          ? nextAsking(text, end, sentenceEnd(text, end, line.to), refs)
          : clauseEnd(text, worryOpensClause(text, hit, sFrom, at, end) ? end + 1 : end, line.to);
      if (hit.cue === '希望' && !addressed(text, end, clauseTo, refs, actors, edges)) continue;
      const own = new Set(actors.flatMap((r) => r.ids));
      let targets = targetsOf(
        text,
        hit,
        at,
        end,
        clauseFrom,
        clauseTo,
        refs,
        prevSentence,
        own,
        memo.last !== null && memo.last.sentence === prevSentence.from ? memo.last : null,
      ).filter((t) => t.end - t.start >= 2);
      // A cue of a class that may leave its object to what came before, ending its sentence
      // with none of its own (表示强烈谴责。), or its clause before another verb of the same
      // subject (予以严厉谴责，并呼吁…), or before another subject's contrasting clause
      // (…表示欢迎，X则批评…), or before the reasons the same subject gives (表示欢迎，认为此举…).
      // 双方…相互支持。: mutual support with no object is no one's stance on anything
      // (GUIDELINES §4), not a stance on what came before.
      if (targets.length === 0 && MUTUAL.test(text.slice(Math.max(clauseFrom, at - 6), at)))
        continue;
      const implicit =
        targets.length === 0 &&
        IMPLICIT_OBJECT.has(hit.class) &&
        /^[」”』]?\s*(?:[。！!]|[，,](?:并|同时|也|亦|还|且|更|但|不过|然而|却)|[，,](?:认为|相信|指出|直言|坦言|形容|强调)|[，,][^，。；]{1,12}?则)/.test(
          text.slice(end, end + 16),
        );
      // 对方的指责毫无根据，我方坚决反对。: the clause before the cue's own in its sentence.
      const inSentence = implicit ? clauseAntecedent(text, clauseFrom, sFrom) : null;
      if (targets.length === 0 && hit.class !== 'meet' && memo.last?.sentence === sFrom) {
        // 坚决反对，予以强烈谴责: a second cue with no object of its own shares the first's.
        targets = [{ start: memo.last.start, end: memo.last.end }];
      } else if (inSentence !== null) {
        targets = [inSentence];
      } else if (
        implicit &&
        prevSentence.to > prevSentence.from &&
        !text.slice(prevSentence.to, sFrom).includes('\n')
      ) {
        // 伊朗表示强烈谴责。: a cue ending its sentence with no object stands on what the
        // sentence before it in the paragraph was about, as 对此 would: the stance taken
        // there, else its last clause.
        if (memo.last !== null && memo.last.sentence === prevSentence.from)
          targets = [{ start: memo.last.start, end: memo.last.end }];
        else {
          const clause = clauseBefore(text, clauseFrom, prevSentence.from);
          const antecedent =
            clause.end - clause.start >= 4
              ? clause
              : trim(text, prevSentence.from, prevSentence.to);
          // 在记者会上，日方表示反对。: a clause of its own sentence that sets the scene or
          // says who speaks names no matter.
          const idle =
            antecedent.start >= sFrom &&
            (SPEECH_END.test(text.slice(antecedent.start, antecedent.end)) ||
              SCENE_CLAUSE.test(text.slice(antecedent.start, antecedent.end)));
          // Unless that clause points back itself (…。外交部发言人对此表示，中方坚决反对。):
          // then the sentence before is what it is about.
          // So too a clause of feeling about it (…。中方对此强烈不满，坚决反对。).
          const back = /(?:对|就)此/.test(text.slice(antecedent.start, antecedent.end));
          const matter =
            back || (idle && ISSUES.test(text.slice(antecedent.start, antecedent.end)))
              ? trim(text, prevSentence.from, prevSentence.to)
              : !idle
                ? antecedent
                : null;
          if (matter !== null && matter.end - matter.start >= 4 && matter.end <= clauseFrom)
            targets = [matter];
        }
      }
      if (hit.class === 'meet') {
        // 同阁下举行会谈, 与总统殿下会晤: the honorific is the counterpart last met.
        targets = targets.flatMap((t) =>
          HONORIFIC.test(text.slice(t.start, t.end)) ? (memo.met === null ? [] : [memo.met]) : [t],
        );
        // 与陈美玲今天举行会谈: the time after the counterpart is when, not who.
        targets = targets.map((t) => {
          const time = TIME_AFTER.exec(text.slice(t.start, t.end));
          return time !== null && time.index >= 2
            ? { start: t.start, end: t.start + time.index }
            : t;
        });
        if (targets[0] !== undefined) memo.met = targets[0];
      }
      const first = targets[0];
      if (first !== undefined && hit.class !== 'meet') memo.last = { sentence: sFrom, ...first };
      const lead = text.slice(Math.max(clauseFrom, at - 8), at);
      const negated =
        (NEGATION.test(lead) && !NOT_NEGATION.test(lead)) ||
        negatedBeforeObject(text.slice(Math.max(clauseFrom, at - 40), at)) ||
        DENIED.test(text.slice(Math.max(clauseFrom, at - 24), at));
      const between = text.slice(clauseFrom, at);
      const modality = MODALITY.filter((w) => between.includes(w)).filter(
        (w, _, all) => !all.some((o) => o !== w && o.includes(w)),
      );
      // 这是美方将…政治化的又一例证，我们对此坚决反对: the side (X方) 我们 was read as is
      // named inside what it would oppose or criticize; one does not oppose oneself: the
      // speaker, else no one. (A partner named in an appeal, 希望欧方…同中方…, is no sign.)
      if (
        voiced !== null &&
        (hit.class === 'oppose' || hit.class === 'criticize') &&
        targets.some((t) =>
          refsWithin(refs, t.start, t.end).some(
            (r) =>
              text[r.end - 1] === '方' &&
              r.ids.some((id) => actors.some((x) => x.ids.includes(id))),
          ),
        )
      ) {
        actors = quote?.speaker != null ? [quote.speaker] : [];
        voice = { sentence: sFrom, actors };
        if (actors.length === 0) continue;
      }
      const ids = [...new Set(actors.flatMap((r) => r.ids))];
      for (const t of targets) {
        // 对玛丹娜加以谴责 read with 玛丹娜 as holder: no one stands on themselves alone.
        const inside = refsWithin(refs, t.start, t.end);
        if (
          inside.length > 0 &&
          inside[0]?.start === t.start &&
          inside[inside.length - 1]?.end === t.end &&
          inside.every((r) => r.ids.every((id) => ids.includes(id)))
        )
          continue;
        const key = `${ids.join('+')}|${hit.class}|${text.slice(t.start, t.end)}|${negated}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({
          start: Math.min((actors[0] as Ref).start, clauseFrom),
          end: Math.max(t.end, end),
          actors: ids,
          cue: hit.cue,
          class: hit.class,
          plover: hit.plover,
          targetStart: t.start,
          targetEnd: t.end,
          negated,
          modality,
        });
      }
    }
  }
  return out;
}

/** Whether a word the segmenter tags as a noun ends at `at`. */
function nounEndsAt(text: string, edges: WordEdges, at: number): boolean {
  if (edges.isEmpty()) return false;
  for (let k = at - 1; k >= 0 && at - k <= 4; k--) {
    const w = edges.wordAt(k);
    if (w !== undefined && w.end === at) {
      // 表示祝贺/n 和支持: a word that ends in a cue is that cue, coordinated.
      const word = text.slice(k, at);
      for (let n = Math.min(4, word.length); n >= 2; n--) {
        if (CUE_WORDS.has(word.slice(-n))) return false;
      }
      return /^(?:n|nz)$/.test(w.pos);
    }
  }
  return false;
}

/** What one wishes others to be or have, not asks them to do: 早日康复, 平安, 顺利. */
const WISHED = /康复|平安|健康|快乐|幸福|顺利|安息|好运|如意|成功/;

/** Whether 希望 at `end` is addressed to another party than its holder. */
function addressed(
  text: string,
  end: number,
  clauseTo: number,
  refs: readonly Ref[],
  actors: readonly Ref[],
  edges: WordEdges,
): boolean {
  const rest = text.slice(end, end + 12);
  // 希望与中方…, 希望同对方一道…: what the holder hopes to do together with a party, not
  // what it asks of one.
  if (
    /^[与跟同和]/.test(rest) &&
    (/^[与跟]/.test(rest) || ADDRESSEE.test(rest.slice(1)) || opensName(refs, end + 1))
  )
    return false;
  // 希望行政长官…: addressed to an office holder.
  if (officeAt(text, end) !== null) return true;
  if (ADDRESSEE.test(rest) || ADDRESSEE.test(rest.replace(/^(?:有关|相关|各)/, ''))) return true;
  // 希望市民不要囤积物资, 希望年轻人珍惜和平: addressed to people no name covers, asked to
  // do something (希望伤者早日康复 wishes them well).
  if (opensOnPeople(text, end, clauseTo, edges) && !WISHED.test(text.slice(end, clauseTo)))
    return true;
  const own = new Set(actors.flatMap((a) => a.ids));
  for (let k = firstAtOrAfter(refs, end); k < refs.length; k++) {
    const r = refs[k] as Ref;
    if (r.start !== end) break;
    if (
      (r.type === 'PER' || r.type === 'ORG' || r.type === 'LOC' || r.type === 'group') &&
      !r.ids.every((id) => own.has(id))
    )
      return true;
  }
  return false;
}

/** Whether a name (not a pronoun) starts at `at`. */
function opensName(refs: readonly Ref[], at: number): boolean {
  for (let k = firstAtOrAfter(refs, at); k < refs.length; k++) {
    const r = refs[k] as Ref;
    if (r.start !== at) return false;
    if (r.kind !== 'pronoun') return true;
  }
  return false;
}

/** Where the clause after a cue ends: at 。！？；, or at ，： (not inside quotation marks). */
function clauseEnd(text: string, from: number, limit: number): number {
  return markAfter(text, from, limit, '，。！？；：,?!');
}

/** The first of `marks` at or after `from` outside quotation marks, or `limit`. */
function markAfter(text: string, from: number, limit: number, marks: string): number {
  let depth = 0;
  // No object or sentence of prose runs this long without a mark: a page of such runs is
  // read in linear time.
  limit = Math.min(limit, from + MAX_SPAN);
  for (let i = from; i < limit; i++) {
    const c = text[i] as string;
    if (c === '「' || c === '“' || c === '『') depth++;
    else if ((c === '」' || c === '”' || c === '』') && depth > 0) depth--;
    else if (depth === 0 && marks.includes(c)) return i;
  }
  return limit;
}

/** The longest object, sentence or sentence before a cue read, in UTF-16 units. */
const MAX_SPAN = 400;

/** The sentence before `at`, across a paragraph break. */
function sentenceBefore(text: string, at: number): { from: number; to: number } {
  let to = at;
  while (to > 0 && at - to < MAX_SPAN && /\s/.test(text[to - 1] as string)) to--;
  let from = to - 1;
  const stop = Math.max(0, to - MAX_SPAN);
  while (from > stop && !isSentenceMark(text.charCodeAt(from - 1))) from--;
  from = Math.max(0, from);
  // 汪文斌：美方的做法…。中方对此…: a transcript's speaker opening the line is not what 此
  // stands for.
  if (from === 0 || text[from - 1] === '\n') {
    const label = DIALOGUE_LABEL.exec(text.slice(from, to));
    if (label !== null) from += label[0].length;
  }
  return { from, to };
}

/** A transcript line's speaker and colon (汪文斌：, 法新社记者：). */
const DIALOGUE_LABEL = /^[^\s，。；：:！？「」“”]{1,12}[：:]\s*/;

/** Each other, before a cue with its degree word: 相互坚定支持. */
const MUTUAL = /(?:相互|互相|彼此)(?:坚定|大力|全力|积极|坚决)?$/;

/** An event, act or statement referred back to (该事件, 此举, 这一言论, 这种行为, 上述行径, 这一错误
 * 行径). */
const ACT_REFERRED =
  /^(?:该|此|这一?|这起|这种|这类|这些|上述)(?:错误|恶劣|挑衅|危险|粗暴|无理|不负责任的|单边)?(?:事件|事|举|做法|行为|行动|举动|言论|言行|表态|讲话|说法|行径|挑衅|动作|举措)$/;

/** A document or measure referred back to (该法案, 这项决议, 上述计划): what the sentence
 * before named. */
const NAMED_BEFORE =
  /^(?:该|此|这一?|这项|这份|上述)(法案|决议|议案|计划|协议|提案|政策|措施|决定|草案|条例|方案)$/;

/** Verbs besides the cues that share a cue's object when coordinated after it (不支持也不
 * 鼓励X). */
const SHARING_VERBS = new Set(['鼓励', '赞成', '接受', '承认', '纵容', '容忍', '参与', '认可']);

/** The cues of demands and appeals, for where one's object ends at the next. */
const ASKING = new RegExp(
  STANCE_CUE_LIST.filter((c) => (c.class === 'demand' || c.class === 'appeal') && c.cue.length > 1)
    .map((c) => c.cue)
    .join('|'),
);

/** Where the object of a demand or appeal starting at `from` ends: before the clause that
 * holds the next such cue before `to`, or one that opens on a name or a turn, else `to`. */
function nextAsking(text: string, from: number, to: number, refs: readonly Ref[]): number {
  const m = ASKING.exec(text.slice(from, to));
  if (m !== null) {
    let at = from + m.index;
    while (at > from && !'，,；;'.includes(text[at - 1] as string)) at--;
    if (at > from) to = at - 1;
  }
  // 要求停工，陈定南在震怒之余…; 希望X…，但X却…: a clause that opens on a name of its own, or
  // turns with 但, 然而, 却, says something else.
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c !== '，' && c !== ',') continue;
    const k = firstAtOrAfter(refs, i + 1);
    const opensOnName = refs[k]?.start === i + 1 && refs[k]?.type !== 'group';
    if (opensOnName || /^(?:但|然而|可是|不过|却|而)/.test(text.slice(i + 1, i + 3))) return i;
  }
  return to;
}

/** Where the sentence after a cue ends: at 。！？； outside quotation marks. */
function sentenceEnd(text: string, from: number, limit: number): number {
  return markAfter(text, from, limit, '。！？；?!');
}

/** The targets of a cue (a meeting with several counterparts gives several). */
/** An object that is only another stance verb coordinated after the cue (反对并予以强烈谴责):
 * no object of its own, so the one before the cue (对此) is both verbs'. */
function linkedCueOnly(text: string, object: { start: number; end: number }): boolean {
  const phrase = text.slice(object.start, object.end);
  return /^(?:并且|并|和|而且|也|又|且)/.test(phrase) && onlyCues(phrase);
}

/** Where the last 同/与/和/跟 bringing in a meeting's counterpart stands in `before`, or -1:
 * not 同日, 同时 (the same day, meanwhile) nor 和平, 和谈 (peace, peace talks), nor one inside
 * a name (`named(i)`: 魏凤和). */
function lastLink(before: string, named: (i: number) => boolean): number {
  for (let i = before.length - 1; i >= 0; i--) {
    if (!'同与和跟'.includes(before[i] as string) || named(i)) continue;
    // (同日本, 同日方: the counterpart is Japan.)
    if (/^(?:同日(?![本方])|同[时天年月期]|和[平谈解])/.test(before.slice(i, i + 3))) continue;
    return i;
  }
  return -1;
}

/** A word opening a clause of cause, concession or condition in the text before a cue. */
const BOUND_BEFORE = new RegExp(BINDING_WORDS.join('|'));
/** Where a main clause goes on after a bound one: 就, 而, 才, 便 (not 成就, 而言, 才能, 便利). */
const MAIN_GOES_ON =
  /(?<![成造迁将然因从进反继])(?:就|而|才|便)(?![业职读医诊绪地近言已能华干利于民捷宜])/;

function targetsOf(
  text: string,
  hit: StanceCue,
  at: number,
  end: number,
  clauseFrom: number,
  clauseTo: number,
  refs: readonly Ref[],
  prevSentence: { from: number; to: number },
  own: ReadonlySet<string>,
  /** What the stance taken in the sentence before stands on, if one was. */
  lastTarget: { start: number; end: number } | null = null,
): { start: number; end: number }[] {
  const before = text.slice(clauseFrom, at);
  if (hit.class === 'meet') {
    // X同Y举行会谈 / X与Y通电话: the counterpart after 同/与/和/跟; X会见Y、Z: after the cue.
    /** Whether a name stands over `i` (the 和 of 魏凤和 joins no two counterparts). */
    const inName = (i: number) => {
      const k = firstAtOrAfter(refs, i + 1) - 1;
      return k >= 0 && (refs[k] as Ref).end > i;
    };
    const link = lastLink(before, (i) => inName(clauseFrom + i));
    // 在会见时向普京表示: the counterpart is the one spoken to in the time clause's sentence.
    const addressed =
      link === -1
        ? ADDRESSED_WHEN_MEETING.exec(text.slice(end, Math.min(clauseTo, end + 32)))
        : null;
    if (addressed !== null) {
      const start = end + addressed[0].length - (addressed[1] as string).length;
      const t = { start, end: start + (addressed[1] as string).length };
      const inside = refsWithin(refs, t.start, t.end);
      return inside.length > 0 && !inside.every((r) => r.ids.every((id) => own.has(id))) ? [t] : [];
    }
    const from = link === -1 ? end : clauseFrom + link + 1;
    let to =
      link === -1
        ? clauseTo
        : at - (/举行(?:了)?[^，。]{0,8}$/.exec(text.slice(from, at))?.[0].length ?? 0);
    // 会晤马蒂斯时表示…: the counterpart ends where the time clause does.
    const when = WHEN_SAYING.exec(text.slice(from, to));
    if (when !== null) to = from + when.index;
    // 与日本首相岸田文雄在白宫举行会谈: where they met is no part of the counterpart.
    const where = MET_WHERE.exec(text.slice(from, to));
    if (link !== -1 && where !== null && where.index >= 2) to = from + where.index;
    // Each counterpart named (分别会见A、B和C), as written with its title, so a name the
    // finder does not know still stands in the target: 阿联酋总统穆罕默德.
    const out: { start: number; end: number }[] = [];
    let piece = from;
    for (let i = from; i <= to; i++) {
      if (i < to && (!'、和及'.includes(text[i] as string) || inName(i))) continue;
      const t = trim(text, piece, i);
      // 在会见柬埔寨外长时，…: the time word closing the clause is no part of the counterpart
      // (but 比利时 is a name).
      const time = /(?:时|之际|期间)$/.exec(text.slice(t.start, t.end));
      if (time !== null && !refs.some((r) => r.end === t.end && r.start < t.end - time[0].length))
        t.end -= time[0].length;
      const inside = refsWithin(refs, t.start, t.end);
      const self = inside.length > 0 && inside.every((r) => r.ids.every((id) => own.has(id)));
      // A counterpart is named, or addressed (阁下); 会谈都是一对一地谈 names nobody.
      const named = inside.length > 0 || HONORIFIC.test(text.slice(t.start, t.end));
      if (t.end - t.start >= 2 && named && !self) out.push(t);
      piece = i + 1;
    }
    return out.map((t) => ({
      start: t.start + (/^(?:分别|了)+/.exec(text.slice(t.start, t.end))?.[0].length ?? 0),
      end: t.end,
    }));
  }
  let start = end;
  let stop = clauseTo;
  // 因为东岛反对这项计划就改变立场: a cue in a clause of cause, concession or condition has an
  // object that ends where the main clause goes on (就, 而, 才, 便).
  if (BOUND_BEFORE.test(before)) {
    const main = MAIN_GOES_ON.exec(text.slice(end, stop));
    if (main !== null && main.index >= 2) stop = end + main.index;
  }
  const light = LIGHT_VERB_END.exec(before);
  const object = trim(text, start, stop);
  const lead = new RegExp(LEAD.source, 'g');
  if (object.end - object.start < 2 || light !== null || linkedCueOnly(text, object)) {
    // 对X表示关注, 向X表示祝贺, 就X予以谴责, 对此坚决反对: the target stands after 对/向/就.
    // The last lead, unless a 对 comes first: what follows 对 is the object, a 向 inside it
    // (对美国向乌克兰提供导弹一事表示关切) belongs to the object's own clause.
    let found = -1;
    for (let m = lead.exec(before); m !== null; m = lead.exec(before)) {
      found = m.index + m[0].length;
      if (m[0].startsWith('对')) break;
    }
    if (found !== -1) {
      start = clauseFrom + found;
      // The light verb after the object (表示对X感到关切: 感到, not the 表示 before 对).
      const lightAfter = light === null ? -1 : lastLightVerb(text.slice(start, at));
      stop = lightAfter !== -1 ? start + lightAfter : at;
      // 对她相当关切: the degree adverbs before the cue are not the object's.
      const degree = DEGREE_END.exec(text.slice(start, stop));
      if (degree !== null && degree.index > 0) stop = start + degree.index;
      // 对此向美方提出抗议: the object is 此; the addressee after it is not.
      if (/^此[向就]/.test(text.slice(start, stop))) stop = start + 1;
    } else {
      // 对于美方的制裁，俄罗斯表示强烈谴责: the object opens the sentence as a clause of its own.
      const topic = topicBefore(text, clauseFrom);
      if (topic !== null) {
        start = topic.start;
        stop = topic.end;
      } else if (
        (hit.class === 'agree' || hit.cue === '要求') &&
        /^[，,：:](?!\s*(?:但|不过|可是|然而|因为|由于|而|却|并|也|还|同时|所以|因此))/.test(
          text.slice(end, end + 4),
        )
      ) {
        // 双方一致同意，加快推进…: what was agreed is the clause after the comma (not one
        // that goes on to something else: 他表示同意，但…); so is what is demanded after
        // 要求， (no quote cue, GUIDELINES §3: 会议要求，各地区…).
        start = end + 1;
        stop = clauseEnd(text, start, text.length);
      }
    }
  }
  // 对此 / 此举 / 这么做 / 这一言论 / 上述行径: the antecedent is the clause or sentence before.
  const phrase = text
    .slice(start, stop)
    .replace(/(?:坚决|强烈|严正|高度|一贯|始终|都|也|将|一致)+$/, '');
  const actReferred = ACT_REFERRED.test(phrase);
  if (
    actReferred ||
    /^[此这]$/.test(phrase) ||
    /(?:这么做|这样做|此举)$/.test(phrase) ||
    onlyAnaphorAndCues(phrase)
  ) {
    // 欧盟对伊朗的做法十分担忧。美国谴责这种行为: an act referred back to is what the stance
    // of the sentence before was on.
    if (
      actReferred &&
      lastTarget !== null &&
      lastTarget.start >= prevSentence.from &&
      lastTarget.end <= prevSentence.to
    )
      return [{ start: lastTarget.start, end: lastTarget.end }];
    const antecedent = antecedentClause(text, clauseFrom, prevSentence);
    // …，予以强烈谴责。X谴责该事件: the sentence before took a stance on something; 该事件 is
    // that, not the stance's own clause.
    if (
      lastTarget !== null &&
      antecedent.start >= prevSentence.from &&
      antecedent.end <= prevSentence.to &&
      onlyCues(text.slice(antecedent.start, antecedent.end))
    )
      return [{ start: lastTarget.start, end: lastTarget.end }];
    // No sentence before it in the body (the headline's is no antecedent): only a clause
    // before it in its own sentence can be (对于美方的制裁，…中方对此…).
    if (prevSentence.to <= prevSentence.from && antecedent.end - antecedent.start < 4) return [];
    return [antecedent];
  }
  // 该法案, 这项决议: the one a sentence before named (…通过了针对X的特别检察法案。Y反对该
  // 法案 → 针对X的特别检察法案), else the words as written.
  const named = NAMED_BEFORE.exec(phrase);
  if (named !== null) {
    const noun = named[1] as string;
    // Looked for a few sentences back (a paragraph may stand between), never in the headline.
    const from =
      prevSentence.to > prevSentence.from
        ? Math.max(text.indexOf('\n') + 1, clauseFrom - 300)
        : clauseFrom;
    const found = text.slice(from, clauseFrom).lastIndexOf(noun);
    const at = found < 0 ? -1 : from + found;
    // A work in 《》 whose name ends so is resolved as the work (该法案 → 《X法案》), elsewhere.
    if (
      at >= from &&
      !/[该此这项]$/.test(text.slice(Math.max(0, at - 1), at)) &&
      text[at + noun.length] !== '》'
    ) {
      let open = at;
      while (open > from && !/[，。；：、了\n「“]/.test(text[open - 1] as string)) open--;
      if (at - open >= 2) return [trim(text, open, at + noun.length)];
    }
  }
  // 支持和践行X: the target is X.
  const coordinated = COORDINATED.exec(text.slice(start, stop));
  if (coordinated !== null) start += coordinated[0].length;
  else {
    // 欢迎并支持X, 支持而不是反对X, 不支持也不鼓励X: another stance cue (or a verb that
    // shares its object) coordinated after this one; the target is X for both.
    const link = /^(?:而不是|而非|和|与|并且|并|及|而且|或者|或|也|又|且)(?:不|未)?/.exec(
      text.slice(start, stop),
    );
    if (link !== null) {
      const rest = text.slice(start + link[0].length, stop);
      for (let n = Math.min(4, rest.length); n >= 2; n--) {
        if (CUE_WORDS.has(rest.slice(0, n)) || SHARING_VERBS.has(rest.slice(0, n))) {
          start += link[0].length + n;
          break;
        }
      }
    }
  }
  // 会晤马蒂斯时表示…: the time clause ends the object; what is said after is a quote.
  const when = WHEN_SAYING.exec(text.slice(start, stop));
  if (when !== null) stop = start + when.index;
  const t = trim(text, start, stop);
  // 拒绝了停火提议: the aspect mark is the verb's, not the object's.
  if (/^[了过着]/.test(text[t.start] ?? '') && t.end - t.start > 2) t.start++;
  if (t.end - t.start < 2) return [];
  return [namedAntecedent(text, t, refs) ?? t];
}

/** Adverbs of degree and manner closing the words between an object and its cue. */
const DEGREE_END =
  /(?:相当|非常|十分|高度|极为|极其|特别|很|更|都|也|一直|始终|坚决|强烈|严重|深表|深感|格外|尤其)+$/;

/**
 * The quotation whose words end right before the sentence at `sentence` (only closing and
 * sentence marks between), in the paragraph from `from`: of several ending there, the outer
 * one (a nested quote starts later). Undefined when none does.
 */
function quoteJustBefore<
  Q extends { contentStart: number; contentEnd: number; speaker: Ref | null },
>(text: string, quotes: readonly Q[], from: number, sentence: number): Q | undefined {
  let best: Q | undefined;
  for (const x of quotes) {
    if (x.speaker === null || x.contentEnd < from || x.contentEnd > sentence) continue;
    if (!/^[」”』\s。！？]*$/.test(text.slice(x.contentEnd, sentence))) continue;
    if (best === undefined || x.contentStart < best.contentStart) best = x;
  }
  return best;
}

/** A clause that is only a topic: 对于X, 针对X, 关于X, 就X. */
const TOPIC = /^(?:对于|针对|关于|对|就)([^，,；;。！？!?\n]{1,40})$/;

/**
 * The object a sentence puts first as a clause of its own (对于美方的制裁，…表示谴责): X of
 * the clause right before `clauseFrom`, when that clause is only 对于X, 针对X, 关于X or 就X
 * and a comma closes it; null otherwise.
 */
function topicBefore(text: string, clauseFrom: number): { start: number; end: number } | null {
  const comma = clauseFrom - 1;
  if (text[comma] !== '，' && text[comma] !== ',') return null;
  let from = comma;
  while (from > 0 && comma - from <= 42 && !/[，,；;。！？!?\n]/.test(text[from - 1] as string))
    from--;
  const m = TOPIC.exec(text.slice(from, comma));
  if (m === null) return null;
  return { start: comma - (m[1] as string).length, end: comma };
}

/** 该法案, 此协议, 这一组织: an anaphor and a head noun. */
const ANAPHOR_HEAD = /^(?:该|此|这一|这项|这个|这份)([\u4e00-\u9fff]{1,4})$/;

/**
 * What an object written as an anaphor and a head noun (中方坚决反对该法案) stands for: the
 * last work in 《》 (台湾关系强化法案) or named body before it, within MAX_SPAN units, whose name
 * ends in the head; null when none does.
 */
function namedAntecedent(
  text: string,
  t: { start: number; end: number },
  refs: readonly Ref[],
): { start: number; end: number } | null {
  const m = ANAPHOR_HEAD.exec(text.slice(t.start, t.end));
  if (m === null) return null;
  const head = m[1] as string;
  const floor = Math.max(0, t.start - MAX_SPAN);
  // A title in 《》 ending in the head.
  const close = text.lastIndexOf(`${head}》`, t.start);
  if (close >= floor) {
    const open = text.lastIndexOf('《', close);
    if (open >= floor && !text.slice(open + 1, close).includes('》'))
      return { start: open + 1, end: close + head.length };
  }
  // A named body ending in the head (该组织 after 世界卫生组织).
  for (let k = firstAtOrAfter(refs, t.start) - 1; k >= 0; k--) {
    const r = refs[k] as Ref;
    if (r.end <= floor) break;
    if (r.end <= t.start && r.kind === 'name' && text.slice(r.start, r.end).endsWith(head))
      return { start: r.start, end: r.end };
  }
  return null;
}

/** Classes whose cue may stand with its object left to the sentence before (表示强烈谴责。). */
const IMPLICIT_OBJECT: ReadonlySet<string> = new Set([
  'criticize',
  'oppose',
  'support',
  'concern',
  'welcome',
  'praise',
]);

/** How far before a cue an outer cue is looked for. */
const OUTER_REACH = 60;
/** The stance cues, for outerCue's own scans (CUE_PATTERN's lastIndex belongs to the caller). */
const OUTER_PATTERN = new RegExp(CUE_PATTERN.source, 'g');

/** The last stance cue of a clause before `at` (not a light verb's 表示), or null. */
/** Whether a word the segmenter reads as a noun stands in [from, to). */
function nounBetween(edges: WordEdges, from: number, to: number): boolean {
  for (let i = from; i < to; ) {
    const w = edges.wordAt(i);
    if (w === undefined) {
      i++;
      continue;
    }
    if (w.end <= to && /^n/.test(w.pos)) return true;
    i = w.end;
  }
  return false;
}

function outerCue(
  text: string,
  from: number,
  at: number,
): { at: number; end: number; cue: StanceCue } | null {
  let found: { at: number; end: number; cue: StanceCue } | null = null;
  // A window before the cue, so a long line without marks costs no more per cue.
  const start = Math.max(from, at - OUTER_REACH);
  const re = OUTER_PATTERN;
  re.lastIndex = 0;
  const piece = text.slice(start, at);
  const all: { at: number; end: number; cue: StanceCue }[] = [];
  for (let m = re.exec(piece); m !== null; m = re.exec(piece)) {
    const cue = CUE_BY_WORD.get(m[0]);
    if (cue === undefined || cue.class === 'meet') continue;
    all.push({ at: start + m.index, end: start + m.index + m[0].length, cue });
  }
  // 表示祝贺和支持: a cue coordinated with the next (和, 并, 、) is no outer verb of it.
  let next = at;
  for (let k = all.length - 1; k >= 0; k--) {
    const c = all[k] as { at: number; end: number; cue: StanceCue };
    if (/^(?:和|与|及|并|、|以及|并且)$/.test(text.slice(c.end, next))) {
      next = c.at;
      continue;
    }
    found = c;
    break;
  }
  return found;
}

/** Where and when a meeting was held, written between the counterpart and 举行 (在白宫,
 * 昨天在北京, 于日内瓦). */
const MET_WHERE =
  /(?:[今昨前当本]?[日天晚]|[0-9０-９一二三四五六七八九十]{1,3}日)?(?:在|于)[^，。、]{1,12}$/;

/** A meeting's time clause, then whom its subject spoke to (会见时向普京表示): the addressee
 * is group 1. */
const ADDRESSED_WHEN_MEETING =
  /^(?:时|之际|期间)(?:向|对)([^，。；]{2,20}?)(?=表示|说|指出|强调|称|介绍|透露|重申)/;

/** The end of a time clause and a verb of speech after it: 时表示, 后说, 之际强调. */
const WHEN_SAYING = new RegExp(
  `(?:时|后|之际|期间)(?:表示|说|指出|强调|称|介绍|透露|认为|重申|${STANCE_CUE_LIST.filter(
    (c) => c.cue.length > 1,
  )
    .map((c) => c.cue)
    .join('|')})`,
);

/** What 欢迎 invites to, as a page or host does: 欢迎加入, 欢迎访问, 欢迎莅临. */
const INVITATION =
  /^(?:加入|访问|订阅|关注|光临|莅临|投稿|使用|下载|来电|参观|收看|收听|阅读|登录|注册|点击|转载|分享|报名|垂询|咨询)/;

/** Every stance cue word, for reading what stands between an anaphor and the cue. */
const CUE_WORDS = new Set(STANCE_CUE_LIST.map((c) => c.cue));
/** Degree adverbs, light verbs and attitude nouns that come with a stance cue, coordinated
 * with it: 强烈不满、坚决反对, 表示愤慨和谴责. */
const WITH_CUE =
  /^(?:表示|表达|感到|深表|深感|予以|极为|极度|十分|非常|强烈|坚决|严正|严厉|高度|深切|一贯|始终|都|也|将|一致|不满|愤慨|遗憾|震惊|担忧|关切|并且|并|和|及|而且|又|且|、|，)/;

/**
 * 对此强烈不满、坚决反对: an anaphor (此, 这, 此事) and then only other stance cues with their
 * adverbs, coordinated with the cue: the target is what the anaphor stands for, not the
 * words the holder stacks up.
 */
function onlyAnaphorAndCues(phrase: string): boolean {
  const anaphor = /^(?:此事|此举|该事件|此|这)/.exec(phrase);
  if (anaphor === null) return false;
  return cueCount(phrase.slice(anaphor[0].length)) >= 0;
}

/** A phrase that is only stance cues with the adverbs, light verbs and links that come with
 * them (予以强烈谴责, 并予以严厉谴责, 强烈不满、坚决反对): nothing they stand on. */
function onlyCues(phrase: string): boolean {
  return cueCount(phrase) > 0;
}

/** How many stance cues a phrase of cues and what comes with them (WITH_CUE) holds; -1 when
 * it holds anything else. */
function cueCount(phrase: string): number {
  let rest = phrase;
  let cues = 0;
  while (rest !== '') {
    const adverb = WITH_CUE.exec(rest);
    if (adverb !== null) {
      rest = rest.slice(adverb[0].length);
      continue;
    }
    let cut = 0;
    for (let n = Math.min(4, rest.length); n >= 1 && cut === 0; n--) {
      if (CUE_WORDS.has(rest.slice(0, n))) cut = n;
    }
    if (cut === 0) return -1;
    rest = rest.slice(cut);
    cues++;
  }
  return cues;
}

/** A clause in which a body issues a statement (韩国外交部发表声明，予以谴责): like 对此, it
 * answers what the sentence before told. */
const ISSUES = /(?:发表|发布)(?:联合)?(?:声明|谈话|讲话|公报|公告)$/;

/** A clause that ends in a speech cue (外交部发言人回应称): it brings in what is said. */
const SPEECH_END = new RegExp(`(?:${QUOTE_CUE_ALTERNATION})$|${ISSUES.source}`);
/** A subject's noticing or learning of something, opening a clause: 中方注意到, 我们获悉. */
const NOTICED = /^[^，。；]{0,8}?(?:注意到|获悉|了解到|留意到|关注到)/;
/** A topic phrase's opening (对于X，…对此): X is what 此 stands for. */
const TOPIC_OPEN = /^(?:对于|针对|关于|对|就)/;

/**
 * What 此 before `at` stands for: the clause before it, passing over clauses that only bring
 * in speech (对于美方的制裁，发言人回应称，中方对此…), without a topic phrase's preposition.
 */
function antecedentClause(
  text: string,
  at: number,
  prev: { from: number; to: number },
): { start: number; end: number } {
  // The clause before, else (the cue's clause opens its sentence) the sentence before.
  const before = (to: number) => {
    const c = clauseBefore(text, to, prev.from);
    return c.end - c.start >= 2 ? c : trim(text, prev.from, prev.to);
  };
  let clause = before(at);
  for (let n = 0; n < 3 && SPEECH_END.test(text.slice(clause.start, clause.end)); n++) {
    const earlier = before(clause.start);
    if (earlier.end - earlier.start < 2 || earlier.start >= clause.start) break;
    clause = earlier;
  }
  // Only a clause that says who speaks before it (外交部发言人表示，中方反对这一做法): the
  // matter is in the sentence before, or nowhere on the page.
  if (SPEECH_END.test(text.slice(clause.start, clause.end)) || clause.end - clause.start < 4)
    clause = trim(text, prev.from, prev.to);
  // The whole sentence before: not the clause that only says who spoke it (X表示，…).
  const comma = text.indexOf('，', clause.start);
  if (
    comma > clause.start &&
    comma < clause.end - 4 &&
    SPEECH_END.test(text.slice(clause.start, comma))
  )
    clause = { start: comma + 1, end: clause.end };
  // “…。”X说: the sentence before only says who spoke the quotation before it; the matter
  // is what they said.
  if (ATTRIBUTION_ONLY.test(text.slice(clause.start, clause.end))) {
    const close = clause.start;
    const mark = text[close] === '」' ? '「' : text[close] === '』' ? '『' : '“';
    // Its opening mark in the same paragraph (looked for there only).
    const line = text.lastIndexOf('\n', close - 1) + 1;
    const found = text.slice(line, close).lastIndexOf(mark);
    if (found >= 0 && close - (line + found) > 3) return trim(text, line + found + 1, close);
  }
  clause = withoutSayingVerb(text, fromWhatItSays(text, clause, prev.from));
  // 中方注意到X发布的终裁结果，对此…反对: what was noticed is the matter, not the noticing.
  const noticed = NOTICED.exec(text.slice(clause.start, clause.end));
  if (noticed !== null && clause.end - clause.start - noticed[0].length >= 4)
    clause = { start: clause.start + noticed[0].length, end: clause.end };
  const open = TOPIC_OPEN.exec(text.slice(clause.start, clause.end));
  return open === null ? clause : { start: clause.start + open[0].length, end: clause.end };
}

/**
 * 美方宣布对台出售武器，严重违反…，中方对此坚决反对: a clause with no subject of its own says
 * what the one before it did; the matter runs from that one (two clauses back at most, not
 * past one that only says who speaks or sets the scene, not before `floor`).
 */
function fromWhatItSays(
  text: string,
  clause: { start: number; end: number },
  floor: number,
): { start: number; end: number } {
  let out = clause;
  for (let n = 0; n < 2 && NO_SUBJECT_START.test(text.slice(out.start, out.end)); n++) {
    const earlier = clauseBefore(text, out.start, floor);
    const piece = text.slice(earlier.start, earlier.end);
    if (earlier.end - earlier.start < 4 || earlier.start >= out.start) break;
    if (SPEECH_END.test(piece) || SCENE_CLAUSE.test(piece)) break;
    out = { start: earlier.start, end: out.end };
  }
  return out;
}

/** A clause opening on what someone did, its subject the clause before's: 严重违反…, 公然…,
 * 这是…, 已经…. */
const NO_SUBJECT_START =
  /^(?:严重|公然|悍然|粗暴|一再|再次|多次|已经|已|并|也|还|更|又|实属|纯属|这是|此举|违反|违背|损害|破坏|干涉|践踏|挑衅|侵犯|背离|对(?!此)|向|借机|趁机|妄图|企图|肆意|恶意|无端|蓄意)/;

/** A sentence that only says who spoke the quotation closing before it: ”欧尔班说, 」林國棟強調. */
const ATTRIBUTION_ONLY = new RegExp(
  `^[”」』]\\s*[^，。；“”「」]{1,24}?(?:${QUOTE_CUE_ALTERNATION})[。．]?$`,
);

/** A clause that sets the scene (在记者会上，当被问及时，) rather than naming a matter. */
const SCENE_CLAUSE = /^(?:在|于|当|据|随着|对于|关于|针对|为了|根据|就)|(?:时|后|前|期间|之际|上)$/;

/**
 * 对方的指责毫无根据，我方坚决反对。: a cue that ends its sentence with no object, after a
 * clause of the same sentence that is not its own, stands on that clause: the matter the
 * sentence has just named. None when the cue's clause opens the sentence, or the clause
 * before it only says who speaks or sets the scene.
 */
function clauseAntecedent(
  text: string,
  clauseFrom: number,
  sentenceFrom: number,
): { start: number; end: number } | null {
  if (clauseFrom - sentenceFrom < 4) return null;
  const c = clauseBefore(text, clauseFrom, sentenceFrom);
  if (c.end - c.start < 4) return null;
  const piece = text.slice(c.start, c.end);
  if (SPEECH_END.test(piece) || SCENE_CLAUSE.test(piece)) return null;
  // 美方通过法案，中方对此强烈不满，坚决反对: a clause of feeling about 此 stands for what 此
  // does: the clause before it in the sentence, else (none: null) the sentence before.
  const anaphor = /(?:对于|对|就)(?=此|这|该事件)/.exec(piece);
  if (anaphor !== null && onlyAnaphorAndCues(piece.slice(anaphor.index + anaphor[0].length))) {
    return clauseAntecedent(text, c.start, sentenceFrom);
  }
  // 对X表示强烈不满，并提出严正抗议: the clause before said what its subject felt about X, and
  // the cue with no object of its own stands on X too, not on the subject's feelings.
  const about = ABOUT_FELT.exec(piece);
  if (about !== null) {
    const start = c.start + about.index + (about[1] as string).length;
    return trim(text, start, start + (about[2] as string).length);
  }
  // 美方向台湾出售武器，严重违反…，大陆方面坚决反对。: from the clause whose doing it says.
  return withoutSayingVerb(text, fromWhatItSays(text, c, sentenceFrom));
}

/** 发表谈话，指美方的做法…，中方对此坚决反对: the verb of speech bringing a clause in is no
 * part of the matter it says. */
function withoutSayingVerb(
  text: string,
  clause: { start: number; end: number },
): { start: number; end: number } {
  const cue = SAID_OPENING.exec(text.slice(clause.start, clause.end));
  return cue !== null && clause.end - clause.start - cue[0].length >= 4
    ? { start: clause.start + cue[0].length, end: clause.end }
    : clause;
}

/** A verb of speech opening a clause before what is said (指美方…, 表示美方…), not the first
 * unit of another verb (指责, 指导, 说明). */
const SAID_OPENING =
  /^(?:指出|表示|强调|指(?![导责挥示定控望南标数明引点])|称(?![赞为作号])|说(?![明服]))/;

/** 对X表示不满, 就X深表遗憾: a lead, the object X, and a light verb of feeling closing the
 * clause. */
const ABOUT_FELT = /(对于|对|就)([^，。；、]{2,30}?)(?:表示|表达|感到|深表|深感)[^，。；]{0,6}$/;

/** Words that open a condition (如果, 一旦, 即使): a clause taken for a target starts after
 * them. */
const CONDITION = /^(?:如果|假如|倘若|若是|一旦|要是|万一|即使|即便)/;

/** The clause before `at` within the sentence (from `floor`), or an empty span; a colon opens
 * one (有记者问：X批准…，Y表示感谢 — the clause is what follows the colon). */
function clauseBefore(text: string, at: number, floor: number): { start: number; end: number } {
  let end = at;
  while (end > floor && /[，,\s]/.test(text[end - 1] as string)) end--;
  let start = end;
  while (start > floor && !'，,。！？；：\n'.includes(text[start - 1] as string)) start--;
  return trim(text, start, end);
}

function trim(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /[\s，。；、：:]/.test(text[start] as string)) start++;
  // （中央社記者X台北8日電）立法院今天…: a bracketed aside opening the span (a dateline, a
  // photo's credit) is no part of what it is about.
  while (start < end && /[（(]/.test(text[start] as string)) {
    const close = text.slice(start, end).search(/[）)]/);
    if (close === -1 || start + close + 1 >= end) break;
    start += close + 1;
  }
  // 如果日方一意孤行，中方将坚决反对: the condition's word is not what is opposed.
  const condition = CONDITION.exec(text.slice(start, Math.min(end, start + 3)));
  if (condition !== null && end - start > condition[0].length + 2) start += condition[0].length;
  // (Also the ASCII marks of a page typed without Chinese ones: …军事演习. or …;)
  while (end > start && /[\s，。；、：:,.;!?！？]/.test(text[end - 1] as string)) end--;
  // 谴责中国”: a closing mark whose opening lies outside the target is not part of it.
  const piece = text.slice(start, end);
  if (/[”」』]$/.test(piece) && !/[“「『]/.test(piece)) end--;
  if (/^[“「『]/.test(piece) && !/[”」』]/.test(piece)) start++;
  // 对立法「深表关注」: a quotation opening after the target is not part of it.
  if (/[“「『]$/.test(piece) && end - start > 1) end--;
  return { start, end };
}

/**
 * The speaker of the quotation that ends right before a pronoun (only a closing mark or a
 * sentence mark between), when the person the pronoun was read as was last named inside the
 * words of a quotation not theirs: the pronoun is that speaker. Else null.
 */
function speakerBefore(
  text: string,
  quotes: readonly { contentStart: number; contentEnd: number; speaker: Ref | null }[],
  refs: readonly Ref[],
  pronoun: Ref,
): Ref | null {
  let prior: Ref | null = null;
  for (let i = quotes.length - 1; i >= 0; i--) {
    const x = quotes[i] as (typeof quotes)[number];
    if (x.contentEnd > pronoun.start) continue;
    if (
      x.speaker?.type === 'PER' &&
      /^[」”』]?[。！？]?$/.test(text.slice(x.contentEnd, pronoun.start).trim())
    )
      prior = x.speaker;
    break;
  }
  if (prior === null || prior.ids.some((id) => pronoun.ids.includes(id))) return null;
  let named: Ref | undefined;
  for (const r of refs) {
    if (r.start >= pronoun.start) break;
    if (r.kind !== 'pronoun' && r.ids.some((id) => pronoun.ids.includes(id))) named = r;
  }
  if (named === undefined) return null;
  const at = named;
  const inside = quotes.some(
    (x) =>
      x.contentStart <= at.start &&
      at.end <= x.contentEnd &&
      x.speaker !== null &&
      !x.speaker.ids.some((id) => pronoun.ids.includes(id)),
  );
  return inside ? prior : null;
}
