import { AGENTS, CAPITALS, QUOTE_CUES, STANCE_CUE_LIST } from './cues.ts';
import { officeAt, skipOffices } from './gazetteer.ts';
import type { ViewWord } from './ner/word-info.ts';
import { firstAtOrAfter, type Ref } from './resolve-references.ts';

/**
 * Clause analysis shared by the quote and stance readers: where the segmenter's words begin
 * and end, where a dateline ends, and the subject of the clause that carries a cue verb.
 */

/** Where the segmenter's words start and end, by unit of the text. */
export class WordEdges {
  /** The end of the word starting at each unit, 0 where none starts. */
  private readonly wordEnd: Int32Array;
  /** 1 where a word ends, 2 inside a word outside the dictionary; bits. */
  private readonly marks: Uint8Array;
  /** The part of speech of the word starting at each unit, as an index into TAGS. */
  private readonly tags: Uint8Array;
  private readonly empty: boolean;

  constructor(length: number, words: readonly ViewWord[]) {
    this.wordEnd = new Int32Array(length + 1);
    this.marks = new Uint8Array(length + 1);
    this.tags = new Uint8Array(length + 1);
    for (const w of words) {
      if (w.start > length || w.end > length) continue;
      this.wordEnd[w.start] = w.end;
      this.tags[w.start] = tagCode(w.pos);
      this.marks[w.end] = (this.marks[w.end] as number) | 1;
      // Words outside the dictionary (蓬佩奥则, 时称): the segmenter glued what it did not
      // know, so its edges say nothing about the characters inside.
      if (w.pos === 'x' || w.pos === 'eng') {
        for (let i = w.start; i < w.end; i++) this.marks[i] = (this.marks[i] as number) | 2;
      }
    }
    this.empty = words.length === 0;
  }

  /** No words were given: every position counts as an edge. */
  isEmpty(): boolean {
    return this.empty;
  }

  startsAt(i: number): boolean {
    return this.empty || this.wordEnd[i] !== 0;
  }

  endsAt(i: number): boolean {
    return this.empty || ((this.marks[i] as number) & 1) === 1;
  }

  /** The word starting at `i`: its end and part of speech. */
  wordAt(i: number): { end: number; pos: string } | undefined {
    const end = this.wordEnd[i];
    return end === undefined || end === 0
      ? undefined
      : { end, pos: TAGS[this.tags[i] as number] ?? '' };
  }

  /** Whether the word covering unit `i` is outside the dictionary. */
  unknownAt(i: number): boolean {
    return ((this.marks[i] as number) & 2) === 2;
  }
}

/** Parts of speech seen so far, by code (0 is none); few dozen in all. */
const TAGS: string[] = [''];
const TAG_CODES = new Map<string, number>([['', 0]]);

function tagCode(pos: string): number {
  let code = TAG_CODES.get(pos);
  if (code === undefined) {
    // More tags than a byte holds would be a segmenter of another kind: read them as none.
    if (TAGS.length >= 255) return 0;
    code = TAGS.length;
    TAGS.push(pos);
    TAG_CODES.set(pos, code);
  }
  return code;
}

/** A dateline or wire opener at a sentence's start: 新华社巴黎3月1日电（记者…）, 中央社記者…
 * 台北28日電, a wire's dispatch (中央社倫敦5日法新電, 中央社華盛頓5日綜合外電報導),
 * 央视网消息（新闻联播）：, 据新华社电 before a space, and a reporter's credit in brackets as
 * Taiwan's papers open a story (〔記者王小明／台北報導〕, 【記者X/綜合報導】, （編譯X／綜合報導）),
 * and an outlet alone in brackets before the story (（法廣RFI）, （德國之聲中文網）, （路透社）;
 * an enumerator, （一）, is skipped alike), and an outlet and place before a spaced dash
 * (美國之音 華盛頓 — ). Its outlet, reporter and place are never the
 * clause's subject. */
const DATELINE = [
  /^[（(【]?[^\s，。：；「」“”]{0,28}?(?:\d{1,2}月)?\d{1,2}日[^\s，。：；「」“”（）()]{0,6}?(?:专电|(?<![致来贺唁通去回复])电|讯|报导|报道)(?:[（(][^）)]{0,30}[）)])?[）)】]?\s*/,
  /^[^\s，。；「」“”]{0,14}消息(?:[（(][^）)]{0,14}[）)])?[：:]\s*/,
  /^据[^\s，。：；「」“”]{1,16}?(?:电|讯)\s+/,
  /^[〔【（(［[](?:[^〔〕【】（）()［］[\]，。\n]{1,24}?[／/|｜]\s*[^〔〕【】（）()［］[\]，。\n]{0,8}?|[^〔〕【】（）()［］[\]，。\n记]{0,8}?(?:特派|特约|实习)?记者[^〔〕【】（）()［］[\]，。\n]{2,20}?)(?:报导|报道)[〕】）)］\]]\s*/,
  /^[（(【〔][^（）()【】〔〕［］\s，。：:；「」“”、]{1,20}[）)】〕](?=\S)\s*/,
  // 美國之音 華盛頓 — , 華盛頓 — : an outlet and a place, or a place, before a dash set off by
  // a space (中國—東盟 joins two names with none).
  /^(?:[^\s，。：:；「」“”—–]{1,12}\s+)?[^\s，。：:；「」“”—–]{1,10}(?:\s+[—–]{1,2}\s*|\s*[—–]{1,2}\s+)(?=\S)/,
];

/** 。！？； and a line end, and ? and ! as pages typed on a Western keyboard write them (…拒绝呢?不过):
 * the marks a sentence ends at (a code unit). */
export function isSentenceMark(c: number): boolean {
  return (
    c === 0x3002 ||
    c === 0xff01 ||
    c === 0xff1f ||
    c === 0xff1b ||
    c === 0x0a ||
    c === 0x3f ||
    c === 0x21
  );
}

/** Where a dateline starting at `from` ends, or `from` when there is none. */
export function datelineEnd(text: string, from: number, to: number): number {
  let at = from;
  // A wire's dateline and a reporter's credit after it (【X 5日讯】（X记者Y报导）): each in turn.
  for (let round = 0; round < 3; round++) {
    const head = text.slice(at, Math.min(to, at + 60));
    let length = 0;
    for (const re of DATELINE) {
      length = re.exec(head)?.[0].length ?? 0;
      if (length > 0) break;
    }
    if (length === 0) break;
    at += length;
  }
  return at;
}

/** The subject a clause gives its cue: one holder, several (双方, A和B), or none. */
export type Subject =
  | { kind: 'one'; ref: Ref; clause: number; carried?: boolean; via?: Ref }
  | { kind: 'many'; refs: Ref[]; clause: number; carried?: boolean }
  | { kind: 'none'; clause: number; blocked?: boolean };

/** What may hold: places as such (a stance's holder), groups (双方), and whether the cue is a
 * meeting's (X与Y会谈: Y is the counterpart). */
export interface SubjectOptions {
  /** Read for a stance's cue: places may hold it, and a clause a verb of speech opens lends
   * the name it opens on. */
  places?: boolean;
  groups?: boolean;
  meeting?: boolean;
  /** The segmenter's words, to tell a qualifier (執政) from a verb between two names. */
  edges?: WordEdges;
  /** A clause that a topic's preposition opens and that has a subject and a verb of its own
   * (对于国台办发言人日前批评台湾…，): the name after the preposition holds the cue. */
  topic?: boolean;
}

/** A topic's preposition opening a clause (对于X日前批评Y，…). */
const TOPIC_OPENS = /^(?:而|至于)?(?:对于|针对|关于)$/;
/** What may stand between a topic clause's subject and its cue: a spokesperson's title,
 * when, and how (发言人日前, 昨日公开). */
const SUBJECT_TO_CUE =
  /^(?:(?:新闻)?发言人|负责人)?(?:日前|早前|昨日|昨天|今天|今日|近日|近期|此前|先前|稍早|日内|一再|多次|再次|屡次|公开|曾经|曾|[0-9一二三四五六七八九十]{1,3}日)*(?:强烈|严厉|公开|高调)?$/;

/** Words that make the name after them an object, an addressee or a place, not a subject. */
const GOVERNED =
  /(?:以|向|对|对于|给|与|同|和|跟|据|在|为|替|被|让|令|使|把|将|从|就|针对|关于|联合|率|率领|会见|会晤|访问|出席|抵达|离开|前往|赴|来自|根据|按照|代表|回应|致电|致函|告诉|通知|邀请|应|由|经|以及|及|并|或)$/;
/**
 * Whether the text in [from, to) ends in a word of GOVERNED, not in the last character of a
 * name (埃及 ends in 及: 埃及总统塞西支持… has 塞西 for subject).
 */
function governs(text: string, from: number, to: number, refs: readonly Ref[]): boolean {
  const m = GOVERNED.exec(text.slice(from, to));
  if (m === null) return false;
  const at = to - m[0].length;
  let before: Ref | undefined;
  for (let k = Math.max(0, firstAtOrAfter(refs, at) - 1); k < refs.length; k++) {
    const r = refs[k] as Ref;
    if (r.start >= to) break;
    if (r.end > at) return false;
    if (r.end === at) before = r;
  }
  return m[0] !== '代表' || actsAsVerb(text, at, before);
}

/** What 代表 acts on as a verb after: a person (王毅代表中方), a pronoun, an adverb (将代表). */
const VERB_DAIBIAO_AFTER = /(?:^|[他她我你们将也还又亦均都则特谨并再曾正])$/;
/**
 * Whether 代表 at `at` is the verb (他代表李明致辞: the name after it is its object), not a
 * title after a group or a body (工会代表李明表示, 中方代表李明说: the name is the
 * representative, the clause's subject). `before` is a name that ends right before it.
 */
function actsAsVerb(text: string, at: number, before: Ref | undefined): boolean {
  if (before !== undefined) return before.type === 'PER';
  return VERB_DAIBIAO_AFTER.test(text.slice(Math.max(0, at - 1), at));
}
/** What a body speaks through (X的发言人, X的声明, 世界银行的报告认为): X is the subject. */
const SPEAKS_THROUGH =
  /^的(?:发言人|负责人|声明|(?:一篇|一份)?(?:最新|年度)?(?:报告|社论|社评|白皮书|公报|文章|评论)(?:分析|评论)?(?:指出|指|认为|称|说|表示|显示|强调|写道))/;
/** 古特雷斯的发言人迪雅里克: the spokesperson after 的 is named, and speaks as themself. */
function namedSpokesperson(text: string, at: number, refs: readonly Ref[]): boolean {
  const m = /^的(?:新闻)?(?:发言人|负责人)/.exec(text.slice(at));
  if (m === null) return false;
  const next = refs[firstAtOrAfter(refs, at + m[0].length)];
  return next?.start === at + m[0].length && next.type === 'PER' && next.kind === 'name';
}

/** Conjunctions that end like a preposition (因为 ends in 为): the name after them is free. */
const CONJUNCTION = /(?:因为|以为|认为|成为|并且|而且|或者)$/;
/** Clause marks: 。！？；，：, and a quotation closing. */
const CLAUSE_MARK = /[，,。！？；：:」”\n]/;
/** What stands between a state and a cue when its delegate, named by no name, speaks: 代表,
 * 代表团, 常驻联合国代表, and adverbs (法国代表说, 俄罗斯代表则批评). */
const DELEGATE_OF_STATE =
  /^(?:常驻[\u4e00-\u9fff]{0,6})?代表团?(?:[则也还又亦均都并再]|随即|随后|当天|今天|昨天|在会上)?$/;
/** Words after a place that make it the side of a state: 以色列方面, 美国政府. */
const PLACE_AS_SIDE = /^(?:方面|政府|当局)/;
/** After a body's name, its members as a group: 立委, 议员, 成员国, 官员, 人士, 党员, with a
 * count or a share before them or not (多名议员, 部分成员国, 一些国家), and one of its
 * analysts, researchers or staff no one names (X研究中心分析师指出, 环保局一位赵姓工作人员):
 * no spokesperson. */
const MEMBERS_OF =
  /^(?:(?:[一二三四五六七八九十两几数多]+|\d+)(?:位|名|个|国)?|部分|一些|不少|少数|多数|大多数|个别|其他|其余|各|有些)?的?(?:跨党派|两党|多党|朝野|资深|高级|高层|一名|一位)?(?:[\u4e00-\u9fff]姓)?(?:立委|立法委员|议员|参议员|众议员|委员们|成员国|会员国|成员|国家|官员|人士|党员|高层们?|分析师|研究员|学者|专家|教授|员工|职员|工作人员|人员|雇员|干部|警员)(?!会|院|处|厅|局)/;
/** A second body and its members after a body (…及工联会议员, …和公民党成员): members of
 * both, whom no one names. */
const MEMBERS_AFTER_AND =
  /^(?:和|与|及|以及|、)[\u4e00-\u9fff]{1,10}?(?:议员|立委|成员|党员|官员|代表们)/;
/** Links between holders named together: A和B, A、B. */
const AND = /^(?:和|与|及|以及|、)$/;
/** For a meeting, 和／与 link the counterpart (X与Y会谈), not a second holder. */
const AND_MEETING = /^(?:及|以及|、)$/;
/** A meeting's verb in the rest of a clause (X与Y 举行会谈时表示, 会晤后说). */
const MEETING_AFTER = /^[^，。；]*?(?:会晤|会见|会谈|会面|见面|通电话|通话|磋商)/;

/** Where the clause holding `at` starts, not before `floor`. */
export function clauseStartOf(text: string, at: number, floor: number): number {
  // A run this long without a mark is no clause of prose: its last MAX_CLAUSE units hold
  // whatever subject it has, and a page of such runs is read in linear time.
  const stop = Math.max(floor, at - MAX_CLAUSE);
  let i = at - 1;
  for (; i >= stop; i--) {
    const c = text[i] as string;
    if (!CLAUSE_MARK.test(c)) continue;
    // 「台独」分裂势力宣称…: a short term in quotation marks, with no mark inside, is a word
    // of the clause, not the end of a quotation before it.
    const mark = c === '」' ? '「' : c === '”' ? '“' : '';
    // Looked for a few units back only, so a clause is read in time linear in its length.
    let open = i - 1;
    while (mark !== '' && open >= stop && i - open <= SCARE_QUOTE && text[open] !== mark) open--;
    if (
      mark !== '' &&
      open >= stop &&
      text[open] === mark &&
      !INSIDE_SCARE_QUOTE.test(text.slice(open + 1, i))
    ) {
      i = open;
      continue;
    }
    break;
  }
  return i + 1;
}

/** The longest term in quotation marks read as a word of its clause (「一国两制」), in units. */
const SCARE_QUOTE = 10;
/** What a term in quotation marks never holds: marks of a clause or of another quotation. */
const INSIDE_SCARE_QUOTE = /[，,。！？；：:\n「」“”]/;

/** The longest clause read back from a cue, in UTF-16 units. */
const MAX_CLAUSE = 160;

/**
 * The subject of the clause of `text` that ends at the cue at `cue` (a verb of speech or
 * stance): the first name in the clause that no preposition or verb governs (向X, 对X, 会见X,
 * 在X are not subjects), read on through titles to the person they name (外交部发言人汪文斌,
 * 俄罗斯总统普京). A place is a subject only as the side of a state (以方, 以色列方面, 美国政府)
 * unless `places` is set. Two names joined by 和／、 give several holders. When the cue's own
 * clause has no name and opens with nothing but adverbs (…，并表示), the sentence's first
 * clause gives the subject. `floor` is where the sentence starts, after any dateline.
 */
export function clauseSubject(
  text: string,
  floor: number,
  cue: number,
  refs: readonly Ref[],
  options: SubjectOptions = {},
): Subject {
  const clause = clauseStartOf(text, cue, floor);
  const own = subjectIn(text, clause, cue, refs, options);
  // 林国栋认为民众党支持…: the cue's clause is the one a verb of speech or thought brings in
  // with no mark, when it opens on a name: that name is its subject (GUIDELINES §4).
  // 我们不会因为少数人反对就…, 日本因为东岛反对…而…: a clause of cause, concession or
  // condition that has a subject of its own holds the cue in it; one we cannot name holds it
  // for no one we can name (日本因为反对… has none: the sentence's subject holds).
  const after =
    own.kind === 'one'
      ? own.ref.end
      : own.kind === 'many'
        ? (own.refs.at(-1)?.end ?? clause)
        : clause;
  const bound = boundClause(text, after, cue, options.edges);
  if (bound !== -1) {
    const inside = subjectIn(text, bound, cue, refs, options);
    if (inside.kind !== 'none') return { ...inside, clause };
    if (opensWithNoun(text, bound, cue, refs, options.edges))
      return { kind: 'none', clause, blocked: true };
  }
  if (own.kind !== 'none') {
    const inner = embeddedClause(text, after, cue, refs);
    if (inner !== -1) {
      const embedded = subjectIn(text, inner, cue, refs, options);
      if (embedded.kind !== 'none') return { ...embedded, clause };
    }
    return own;
  }
  // …，表示美方对立法深表关注: a clause that opens on a verb of speech or thought (its subject
  // the one before) brings in a clause of its own, whose name holds the cue in it.
  // (For a stance's cue: a quote's cue there is the words of the one who spoke before, whose
  // words name the other — a nested quote the quote reader reads for itself.)
  const opened = options.places === true ? embeddedClause(text, clause, cue, refs) : -1;
  const saying = opened === -1 ? null : OPENS_ON_SAYING.exec(text.slice(clause, opened));
  if (saying != null && CLAUSE_TAKING.has(saying[1] as string)) {
    const embedded = subjectIn(text, opened, cue, refs, options);
    if (embedded.kind !== 'none') return { ...embedded, clause };
  }
  // A clause that opens with a name of its own that cannot hold (莫斯科认为, a capital for its
  // state) has a subject we cannot resolve: it does not borrow one from the clauses before.
  const k = firstAtOrAfter(refs, clause);
  const opener = refs[k];
  if (
    opener !== undefined &&
    opener.end <= cue &&
    /^(?:而|但|但是|因为|由于|不过|同时|此外)?$/.test(text.slice(clause, opener.start))
  )
    return { ...own, blocked: true };
  // A clause that opens with a noun no name covers (专家指出, 一名官员表示, 国际律师协会 read
  // as two common nouns) has a subject we cannot name: it borrows none either.
  if (opensWithNoun(text, clause, cue, refs, options.edges)) return { ...own, blocked: true };
  // 又指政府会继续支持…: a verb of speech or thought that brings in, with no mark, a clause
  // opening on a noun no name covers: that noun is the cue's subject, and we cannot name it.
  if (saysOfNoun(text, clause, cue, refs, options.edges)) return { ...own, blocked: true };
  // No subject of its own: the clauses before it in the sentence share theirs (X，周三在…，
  // 與Y會晤; 美國從未…，更反對…), the nearest first, up to one whose subject we cannot name.
  for (let end = clause - 1; end > floor; ) {
    // A colon opens what is said or listed (…损人不利己：反对…): the clause after it borrows
    // no subject from before it; a quote's speaker holds it.
    if (/[：:]/.test(text[end] as string)) break;
    const from = clauseStartOf(text, end, floor);
    // Its subject stands before its verb: 日方祝贺东盟成立…, 东盟 is what is congratulated.
    const verb = firstVerb(text, from, end, refs, options.edges);
    // 行政院提出的预算案漏洞百出: a name before a verb that 的 closes qualifies the clause's
    // subject (预算案), which names no one; the clause lends none, a clause before it may.
    const verbWord = verb < end ? options.edges?.wordAt(verb) : undefined;
    if (verbWord !== undefined && /^[了过来]?的/.test(text.slice(verbWord.end, end))) {
      end = from - 1;
      continue;
    }
    let before = subjectIn(text, from, verb, refs, options);
    // 表示中方始终站在和平一边，支持…: a clause a verb of speech or thought brings in with
    // no mark lends its own subject, as it holds the cue of its own clause.
    const inner = embeddedClause(text, before.kind === 'one' ? before.ref.end : from, end, refs);
    // (否认北岛支持…，并批评…: a clause denied lends nothing; the one who denied goes on.)
    if (
      inner !== -1 &&
      inner - (before.kind === 'one' ? before.ref.end : from) <= 12 &&
      !/否认$/.test(text.slice(from, inner))
    ) {
      const embedded = subjectIn(
        text,
        inner,
        firstVerb(text, inner, end, refs, options.edges),
        refs,
        options,
      );
      if (embedded.kind !== 'none') before = embedded;
    }
    // 法国再次爆发大罢工，反对…: a place where something breaks out is where, not who; those
    // who act after it are not named.
    if (before.kind === 'one' && before.ref.type === 'LOC' && EXISTENTIAL.test(text.slice(verb)))
      return { ...own, blocked: true };
    if (before.kind !== 'none') return { ...before, clause, carried: true };
    if (opensWithNoun(text, from, end, refs, options.edges)) return { ...own, blocked: true };
    // 美军此前已…，还要求…: a clause opening on a side's armed forces (美军, 以军, 俄军方; no
    // entity, GUIDELINES §1) that the cue's clause goes on from (还, 并, 也) has a subject no
    // one names; it lends none. (…说，以军袭击X是屠杀，呼吁…: the speaker's appeal.)
    const first = refs[firstAtOrAfter(refs, from)];
    if (
      GOES_ON.test(text.slice(clause, cue)) &&
      first !== undefined &&
      first.type === 'LOC' &&
      first.end < end &&
      /^(?:而|但|同时|此外)?\s*$/.test(text.slice(from, first.start)) &&
      ARMED_FORCES.test(text.slice(first.end, first.end + 2))
    )
      return { ...own, blocked: true };
    end = from - 1;
  }
  return own;
}

/** A clause going on from the one before with the same subject: 还要求, 并呼吁, 也反对. */
const GOES_ON = /^(?:还|并|也|又|亦|更|再)/;
/** What makes a place before it a side's armed forces: 美军, 俄军方, 以色列军队. */
const ARMED_FORCES = /^(?:军方|军队|军)/;

/** A verb of speech or thought alone (group 1), after a link word at most, opening a clause. */
const OPENS_ON_SAYING = /^(?:并|也|还|又|同时|亦|则|更)?([\u4e00-\u9fff]{1,4})$/;

/** Verbs of speech and thought whose object is a clause (认为, 说, 指, 相信): the quote cues
 * and a few of belief. */
const CLAUSE_TAKING = new Set([
  ...QUOTE_CUES.filter((c) => c.mode === 'any').map((c) => c.cue),
  ...'相信 坚信 深信 认定 声称 指责 否认'.split(' '),
]);

/** Words that open a clause of cause, concession or condition inside a sentence's clause. */
export const BINDING_WORDS =
  '因为 由于 即使 即便 虽然 尽管 如果 假如 要是 只要 除非 一旦 无论 不管 就算 哪怕'.split(' ');
const BINDING = new Set(BINDING_WORDS);

/** Where the words after the last word of BINDING between `from` and `cue` start (因为|东岛
 * 反对), or -1 when there is none: a word the segmenter gives, never the units of a longer
 * one (只要求 is 只 and 要求). */
function boundClause(text: string, from: number, cue: number, edges?: WordEdges): number {
  if (edges === undefined || edges.isEmpty()) return -1;
  let found = -1;
  for (let i = from; i < cue; ) {
    const w = edges.wordAt(i);
    if (w === undefined) {
      i++;
      continue;
    }
    if (w.end < cue && BINDING.has(text.slice(i, w.end))) found = w.end;
    i = w.end;
  }
  return found;
}

/**
 * Where a clause a verb of speech or thought brings in with no mark starts, between `from`
 * (the end of the first clause's subject) and `cue`: the first name right after such a verb
 * (认为|民众党支持…), or -1.
 */
function embeddedClause(text: string, from: number, cue: number, refs: readonly Ref[]): number {
  for (let k = firstAtOrAfter(refs, from); k < refs.length; k++) {
    const r = refs[k] as Ref;
    if (r.start >= cue) break;
    if (r.start <= from || r.end > cue) continue;
    for (let n = 4; n >= 1; n--) {
      if (r.start - n < from) continue;
      if (CLAUSE_TAKING.has(text.slice(r.start - n, r.start))) return r.start;
    }
  }
  return -1;
}

/** How far before a cue saysOfNoun looks for the verb of speech that brings its clause in. */
const SAYS_REACH = 40;

/** Whether a verb of speech or thought between `from` and `cue` brings in, with no mark, a
 * clause that opens on a noun no name covers (指 | 政府会继续支持). */
function saysOfNoun(
  text: string,
  from: number,
  cue: number,
  refs: readonly Ref[],
  edges?: WordEdges,
): boolean {
  if (edges === undefined || edges.isEmpty()) return false;
  // Within reach of the cue: a clause with no mark may run on for a whole line.
  for (let i = Math.max(from, cue - SAYS_REACH); i < cue; ) {
    const w = edges.wordAt(i);
    if (w === undefined) {
      i++;
      continue;
    }
    if (w.end < cue && CLAUSE_TAKING.has(text.slice(i, w.end)))
      return (
        !/^[，,：:「“]/.test(text[w.end] ?? '') && opensWithNoun(text, w.end, cue, refs, edges)
      );
    i = w.end;
  }
  return false;
}

/** Verbs of something breaking out or taking place at a place, with adverbs and time words
 * they may follow in the clause (再次爆发, 接连发生). */
const EXISTENTIAL =
  /^(?:[\d日月年再又接连相继先后同时昨今]{0,4})?(?:爆发|发生|出现|掀起|兴起|举行|展开)/;

/** A spokesperson's or person in charge's title, which a word before names the body of
 * (组织发言人: 组织 a noun, whatever part of speech the segmenter gives it). */
const SPOKESPERSON_AFTER = /^(?:新闻)?(?:发言人|负责人)/;

/** Where the first verb of a clause starts (a cue word, or a word the segmenter tags as a
 * verb), or `end` when it has none or there are no words. A verb inside a name or title
 * (发言 of 外交部发言人扎哈罗娃) is part of it, one in a relative clause (在X访问的Y) qualifies
 * the name after it. */
function firstVerb(
  text: string,
  from: number,
  end: number,
  refs: readonly Ref[],
  edges?: WordEdges,
): number {
  if (edges === undefined || edges.isEmpty()) return end;
  let k = firstAtOrAfter(refs, from);
  let prevPos = '';
  for (let i = from; i < end; ) {
    while (k < refs.length && (refs[k] as Ref).end <= i) k++;
    const ref = refs[k];
    if (ref !== undefined && ref.start <= i && i < ref.end) {
      i = ref.end;
      prevPos = '';
      continue;
    }
    const w = edges.wordAt(i);
    if (w === undefined) {
      i++;
      prevPos = '';
      continue;
    }
    if (bodyEndsInHui(text, text.slice(i, w.end), prevPos, w.end)) {
      i = w.end;
      continue;
    }
    prevPos = w.pos;
    // 的决定: a verb after 的 is its noun; 尊重立法院: a word the segmenter tags as an
    // adjective that takes a name as its object is the clause's verb.
    // 高度评价/n: a degree word and a verb the segmenter's dictionary keeps as one noun.
    const verb =
      (/^v$|^vd$|^vi$/.test(w.pos) && text[i - 1] !== '的') ||
      (w.pos === 'a' && w.end - i >= 2 && refs[k]?.start === w.end) ||
      (w.pos === 'n' &&
        text[i - 1] !== '的' &&
        w.end - i === 4 &&
        DEGREE_AND_VERB.test(text.slice(i, w.end)) &&
        !/[子人员家题信]$/.test(text.slice(i, w.end)));
    // 中国驻日本大使X: a verb that qualifies a title (驻, 常驻, 时任) is part of the subject.
    // 组织发言人陈太称: a word the segmenter tags as a verb right before 发言人 or 负责人
    // names what they speak for (组织, 协调), part of the subject.
    if (verb && SPOKESPERSON_AFTER.test(text.slice(w.end, w.end + 5))) {
      i = w.end;
      continue;
    }
    if (verb && QUALIFIER.test(text.slice(i, w.end))) {
      i = w.end;
      continue;
    }
    if (verb || endsInCue(text.slice(i, w.end))) {
      // 正在中国访问的美国国防部长马蒂斯: a verb in a relative clause qualifies the name
      // after its 的; the clause's verb comes later.
      const near = text.slice(w.end, Math.min(end, i + 41));
      const de = near.includes('的') ? w.end + near.indexOf('的') : -1;
      if (
        de !== -1 &&
        de < end &&
        de - i <= 40 &&
        !/[，。；：]/.test(text.slice(i, de)) &&
        verbsBetween(text, edges, i, de) <= 2 &&
        !timeClause(text, i, end, edges)
      ) {
        const next = refs[firstAtOrAfter(refs, de + 1)];
        if (next !== undefined && next.start - de <= 8 && next.end <= end) {
          i = de + 1;
          continue;
        }
      }
      return i;
    }
    i = w.end;
  }
  return end;
}

/** A passive's mark in the clause before a cue: 被X要求, 遭X拒绝, 受到X批评, 受欢迎. The cue
 * then tells what was done to the subject: no speech and no stance of its (GUIDELINES §4).
 * Not when a light verb or a 的 stands between (对被关押的公民获释表示欢迎): the passive is
 * then inside the object; nor when 时 or 后 closes a clause of time between (被问及此事时说,
 * 被释放后表示): the cue is the subject's own doing. */
export const PASSIVE =
  /(?:(?:被(?!告|害|捕|选)|遭|遭到|受到)(?:(?!表示|表达|感到|予以|深表|的|时|后)[^，。；！？「」“”]){0,8}|受)$/;

/** Every cue word of the quote and stance readers. */
const CUE_WORDS = new Set([...QUOTE_CUES, ...STANCE_CUE_LIST].map((c) => c.cue));

/** Degree and manner words the segmenter may tag as nouns (高度/n) or keep with the verb as
 * one noun (全力支持/n, 衷心感谢/n): before a cue they are adverbs. */
const DEGREE_WORDS =
  '高度|极度|深度|严重|强烈|坚决|充分|完全|一贯|始终|积极|深切|全力|大力|衷心|热烈|公开|严厉|坚定|明确|诚挚';
const DEGREE = new RegExp(`^(?:${DEGREE_WORDS})$`);
/** How a holder takes a stance, verbs the segmenter may tag as nouns: 投票支持, 表态反对. */
const ACTS_BY = /^(?:投票|表态|联名|发文|撰文|发声)$/;

/** A degree word run together with the verb it qualifies (高度评价, 坚决反对): a verb phrase
 * whatever part of speech the segmenter gives it. */
const DEGREE_AND_VERB = new RegExp(
  `^(?:${DEGREE_WORDS})[\\u4e00-\\u9fff]{0,1}[^性者度化\\P{Script=Han}]$`,
  'u',
);

/** Whether a text opens with a cue word. */
function startsWithCue(text: string): boolean {
  for (let n = Math.min(4, text.length); n >= 1; n--)
    if (CUE_WORDS.has(text.slice(0, n))) return true;
  return false;
}

/** Whether a word is or ends in a cue verb (全力支持 tagged as a noun). */
function endsInCue(word: string): boolean {
  for (let n = Math.min(4, word.length); n >= 1; n--)
    if (CUE_WORDS.has(word.slice(-n))) return true;
  return false;
}

/** Nouns that name who acts without naming anyone (data/cues/agents.tsv), at the end of the
 * nouns that open a clause: 官员, 专家, 律师协会. */
const AGENT = new RegExp(`(?:${[...AGENTS].sort((a, b) => b.length - a.length).join('|')})$`);

/** Words that may open a clause before its subject: conjunctions, adverbs, time words,
 * numbers and measure words, locatives. */
const LEAD_POS = /^(?:c|d|t|tg|m|mq|q|f|zg|ul|uj|x)$/;

/** Whom a clause is about when the name its subject opens with is followed by another: the
 * second, when what stands between says so. */
const NAMED_AFTER: readonly { from: Ref['type']; to: Ref['type']; between: RegExp }[] = [
  // 习近平夫人彭丽媛, 拜登之子亨特: a person's kin.
  {
    from: 'PER',
    to: 'PER',
    between: /^(?:的)?(?:夫人|妻子|丈夫|太太|遗孀|女儿|儿子|之子|之女|母亲|父亲)$/,
  },
  // 欧盟轮值主席国匈牙利: a state's role in a body.
  {
    from: 'ORG',
    to: 'LOC',
    between: /^(?:的)?(?:轮值主席国|主席国|成员国|东道国|观察员国|创始成员国)$/,
  },
];

/** Whether the clause `[from, to)` opens (after lead words) with a noun that no mention
 * starts at: a subject the text gives but we cannot resolve. */
/** A clause opening on a counted, unnamed someone: 一位…, 两名…, 有几个…, 另一名…, 超过一百位…,
 * 部分渔民…. */
const INDEFINITE =
  /^\s*(?:而|但|但是|不过|同时|此外|另外|其中)?\s*(?:[\d０-９]+年)?\s*(?:有)?(?:(?:超过|逾|近|约|多达|上)?(?:另一|另外一|[\d０-９一二三四五六七八九十百千万两几数多某]+)(?:多|余)?(?:位|名|个|些|批|群)|部分|许多|不少|很多|一些|大批|多数|少数|大部分|大多数|绝大多数|大多|绝大部分|其他|其余|其它)/;

/** A clause opening on someone no name covers: 对方, 有人, 外界, 大家, 有民众…. */
const UNNAMED =
  /^\s*(?:而|但|但是|不过|同时|此外|另外|其中)?\s*(?:对方|有人|没有人|没人|无人|外界|大家|人们|众人|有(?:民众|网友|学者|专家|议员|官员|人士|市民|居民|业者|家长|读者|观众|舆论|媒体))/;

/** Parts of speech of a noun (n, ns, nr, vn is not). */
const NOUN_POS = /^n/;
/** Nouns, names, unknown words and verbal nouns that run together into a noun phrase. */
const NAME_OR_NOUN_POS = /^(?:n[a-z]*|x|j|vn)$/;

/** Where the run of words of `pos` from `from` ends, before `to`: with `text`, only words of
 * Han characters (no marks or digits read as unknown words). */
function nounRunEnd(
  edges: WordEdges,
  from: number,
  to: number,
  pos: RegExp,
  text?: string,
): number {
  let end = from;
  for (
    let n = edges.wordAt(end);
    n !== undefined && n.end <= to && pos.test(n.pos);
    n = edges.wordAt(end)
  ) {
    if (text !== undefined && !/^[\u4e00-\u9fff]+$/.test(text.slice(end, n.end))) break;
    end = n.end;
  }
  return end;
}

/** Whether `[from, to)` opens on people no name covers: someone counted or unnamed (一些
 *家长, 有人), or a run of nouns that ends in an agent (市民, 广大市民, 当地居民, 年轻人). */
export function opensOnPeople(text: string, from: number, to: number, edges: WordEdges): boolean {
  if (edges.isEmpty()) return false;
  let start = from;
  // 广大市民, 当地居民, 小/区内/其他居民: words of degree or place before the nouns.
  for (let w = edges.wordAt(start); w !== undefined && w.end < to && /^[asbf]$/.test(w.pos); ) {
    start = w.end;
    w = edges.wordAt(start);
  }
  if (INDEFINITE.test(text.slice(start, Math.min(to, start + 12)))) return true;
  if (UNNAMED.test(text.slice(start, Math.min(to, start + 8)))) return true;
  // (广大市民/理性: the run of nouns may go on past the people, into what they are asked.)
  for (let w = edges.wordAt(start); w !== undefined && w.end <= to; w = edges.wordAt(w.end)) {
    if (!NAME_OR_NOUN_POS.test(w.pos) || !/^[\u4e00-\u9fff]+$/.test(text.slice(start, w.end)))
      return false;
    if (AGENT.test(text.slice(start, w.end))) return true;
  }
  return false;
}

/** Verbs that qualify people by where they are or what they did (与会人员, 涉事警员). */
const QUALIFYING_VERB =
  /^(?:与会|参会|在场|涉事|涉案|执勤|当值|在职|退休|获奖|参赛|参展|出席|受访|受伤|遇难|被捕)$/;

function opensWithNoun(
  text: string,
  from: number,
  to: number,
  refs: readonly Ref[],
  edges?: WordEdges,
): boolean {
  // 一位自称业主的男子…表示, 有两名官员说: someone the text counts but does not name, however
  // long what qualifies them.
  if (INDEFINITE.test(text.slice(from, Math.min(to, from + 12)))) return true;
  // 对方要求…, 有人认为…, 有民众担心…: someone the text does not name.
  if (UNNAMED.test(text.slice(from, Math.min(to, from + 8)))) return true;
  if (edges === undefined || edges.isEmpty()) return false;
  for (let i = from; i < to; ) {
    const w = edges.wordAt(i);
    if (w === undefined) {
      if (/\s/.test(text[i] as string)) {
        i++;
        continue;
      }
      return false;
    }
    // A cue verb the segmenter tagged otherwise (反对/d, 同意/d) opens a predicate.
    if (endsInCue(text.slice(i, w.end))) return false;
    // x is punctuation, or a word outside the dictionary: Han text of that kind is an
    // unknown name or noun (两人), never a lead word.
    // 愿同/x (愿 | 同中方): a modal and a preposition the segmenter glued are function words,
    // each one a modal, an adverb, a conjunction or a preposition (FUNCTION_UNITS): no noun.
    const glued =
      w.pos === 'x' &&
      w.end - i >= 2 &&
      w.end - i <= 3 &&
      FUNCTION_UNITS.test(text.slice(i, w.end));
    if (glued) {
      i = w.end;
      continue;
    }
    const unknown = w.pos === 'x' && /[\u4e00-\u9fff]/.test(text[i] as string);
    // 「這實際上是…」: an opening mark stands before the clause's words, which are read on.
    if (/^[「“『]$/.test(text.slice(i, w.end))) {
      i = w.end;
      continue;
    }
    if (LEAD_POS.test(w.pos) && !unknown && !/^[「“『]/.test(text[i] as string)) {
      i = w.end;
      continue;
    }
    // 当地民众, 海外华人, 小/区内其他居民: words of place (s) and adjectives qualify the noun
    // after them (a cue after them opens a predicate: 积极支持).
    if (/^[asb]$/.test(w.pos) && w.end < to) {
      i = w.end;
      continue;
    }
    // A pronoun no mention resolves (各方, 这, 其): a subject we cannot name; 我 is the
    // speaker and 我们 the voice of a statement, which the stance reader resolves.
    if (w.pos === 'r' && !/^(?:我|本人|自己)/.test(text.slice(i, i + 2))) {
      const k = firstAtOrAfter(refs, i);
      return (refs[k]?.start ?? -1) !== i;
    }
    // 与会人员, 涉事警员: a verb that qualifies people by where they are or what they did,
    // before nouns ending in someone no one names, is a group we cannot name.
    if (QUALIFYING_VERB.test(text.slice(i, w.end))) {
      const end = nounRunEnd(edges, w.end, to, NOUN_POS);
      if (end > w.end && AGENT.test(text.slice(w.end, end))) return true;
    }
    // 冲突各方, 参战各国: a verb or verbal noun qualifying a pronoun no mention resolves is
    // a group we cannot name.
    if (/^v/.test(w.pos) && w.end < to) {
      const n = edges.wordAt(w.end);
      if (
        n !== undefined &&
        n.pos === 'r' &&
        n.end <= to &&
        !/^[我你他她它]/.test(text[w.end] as string)
      ) {
        const k = firstAtOrAfter(refs, w.end);
        if ((refs[k]?.start ?? -1) !== w.end) return true;
      }
    }
    // 各界人士/l: a set phrase that ends in an agent is a group no one names, as is one that
    // opens on 各 (各级党委/l, 各国人民/l).
    if (w.pos === 'l' && (AGENT.test(text.slice(i, w.end)) || text[i] === '各')) return true;
    if (!/^n/.test(w.pos) && !unknown) return false;
    const k = firstAtOrAfter(refs, i);
    if ((refs[k]?.start ?? -1) === i) return false;
    if (unknown) return true;
    // A proper noun the finder missed, or a run of nouns ending in an agent (官员, 律师协会).
    if (/^(?:nt|nz|nr|nrt|nrfg|ns)$/.test(w.pos)) return true;
    const end = nounRunEnd(edges, w.end, to, NOUN_POS);
    if (AGENT.test(text.slice(i, end))) return true;
    // A title alone (秘书长对…深感忧虑, 总统支持…): a person the clause names only by office,
    // not the speaker whose words hold it.
    return officeAt(text, i) !== null && skipOffices(text, i) >= end;
  }
  return false;
}

function subjectIn(
  text: string,
  clause: number,
  cue: number,
  refs: readonly Ref[],
  options: SubjectOptions,
): Subject {
  for (let k = firstAtOrAfter(refs, clause); k < refs.length; k++) {
    const r = refs[k] as Ref;
    if (r.start >= cue) break;
    if (r.end > cue) continue;
    // （记者 周文华）卫生署表示: a credit or an aside in brackets that closes before the cue
    // is no part of the clause.
    if (inAside(text, clause, r, cue)) continue;
    const titles = titlesBefore(text, r.start, clause);
    // 对于国台办发言人日前批评台湾…: the name a topic's preposition opens on, with nothing but
    // its title and when between it and the cue, is the subject of the clause in the topic.
    const topicSubject =
      options.topic === true &&
      TOPIC_OPENS.test(text.slice(clause, titles).trim()) &&
      SUBJECT_TO_CUE.test(text.slice((refs[chainEnd(text, refs, k, cue) - 1] as Ref).end, cue));
    if (
      !topicSubject &&
      ((governs(text, Math.max(clause, titles - 4), titles, refs) &&
        !CONJUNCTION.test(text.slice(Math.max(clause, titles - 2), titles))) ||
        GOVERNED.test(beforeTime(text, clause, titles, options.edges)) ||
        (text[r.end] === '的' &&
          (!SPEAKS_THROUGH.test(text.slice(r.end)) || namedSpokesperson(text, r.end, refs))))
    ) {
      // Not a subject, nor is the name its titles lead to (会见俄罗斯总统普京).
      k = chainEnd(text, refs, k, cue) - 1;
      continue;
    }
    // A name after a verb of the clause is its object (维护以联合国为核心的…), not its subject.
    const phrase = relativeHead(text, clause, titles, cue, options.edges);
    if (
      !topicSubject &&
      verbBetween(text, options.edges, phrase, titles) &&
      !abbreviatedOwner(text, clause, titles, cue, options.edges) &&
      !verbQualifiesNoun(text, options.edges, phrase, titles)
    ) {
      k = chainEnd(text, refs, k, cue) - 1;
      continue;
    }
    // A place that qualifies a title (美国国务卿蓬佩奥): the person after it may hold.
    if (!isHolder(text, r, cue, options, refs)) continue;
    // Read on through titles and names: 外交部发言人汪文斌, 叙利亚 外交部.
    let head = r;
    const all: Ref[] = [r];
    let j = k + 1;
    const readOn = () => {
      let tail = head.end;
      // 外交部长王毅: a body read inside an office title leads through the title to the name.
      const within = officeAt(text, head.start);
      if (within !== null && head.start + within.length > tail) tail = head.start + within.length;
      for (; j < refs.length && head.type !== 'PER'; j++) {
        const n = refs[j] as Ref;
        // 助理处长（新界南）: a place inside a bracket after the office qualifies it.
        if (n.start < cue && inBracketAfterOffice(text, tail, n)) continue;
        // 香港民主促进会（民促会）主席X: the body's short form in brackets right after it is
        // passed over, and its closing bracket with it.
        if (
          n.start < cue &&
          /^[（(]$/.test(text.slice(tail, n.start)) &&
          /^[）)]/.test(text[n.end] ?? '')
        ) {
          tail = n.end + 1;
          continue;
        }
        if (n.start >= cue) break;
        if (!joins(text, tail, n.start, head.type === 'LOC', options.edges)) {
          // 北岛社会科学院数量经济与技术经济研究所分析室主任X: a body read inside the units
          // before the office (经济研究所) is passed over to the person the office leads to.
          const m = refs[j + 1];
          if (
            n.type === 'ORG' &&
            m !== undefined &&
            m.start < cue &&
            m.type === 'PER' &&
            m.kind === 'name' &&
            joins(text, tail, m.start, head.type === 'LOC', options.edges)
          ) {
            head = m;
            tail = m.end;
            j++;
            continue;
          }
          break;
        }
        if ((n.type === 'PER' && n.kind !== 'pronoun') || n.type === 'ORG') {
          head = n;
          tail = n.end;
          continue;
        }
        // 联合国也门问题特使X: a place inside the title is passed over on the way to the name.
        const m = refs[j + 1];
        if (
          n.type === 'LOC' &&
          m !== undefined &&
          m.start < cue &&
          ((m.type === 'PER' && m.kind !== 'pronoun') || m.type === 'ORG') &&
          joins(text, n.end, m.start, false, options.edges)
        ) {
          tail = n.end;
          continue;
        }
        break;
      }
    };
    readOn();
    // Who the clause is about, named right after: a person's kin (习近平夫人彭丽媛), a state
    // after the role it holds in a body (欧盟轮值主席国匈牙利).
    for (const step of NAMED_AFTER) {
      const next = refs[j];
      if (
        head.type === step.from &&
        next?.type === step.to &&
        next.end <= cue &&
        step.between.test(text.slice(head.end, next.start))
      ) {
        head = next;
        j++;
      }
    }
    // X引述Y指, X今天转述Y的话说: the source is Y.
    const cited = CITED_BY.exec(text.slice(head.end, cue));
    let via: Ref | undefined;
    // 路透社引述一名美国官员称: someone the text counts but does not name is no source.
    if (cited !== null && INDEFINITE.test(text.slice(head.end + cited[0].length, cue))) {
      return { kind: 'none', clause, blocked: true };
    }
    if (cited !== null) {
      const n = refs[j];
      const after = head.end + cited[0].length;
      // 法新社引述知情人士说, 引述消息人士称: a source the text does not name, no name in
      // it, is no source either (GUIDELINES §3: anonymous sources).
      const unnamed = text.slice(after, cue).replace(/(?:的话|之言)?(?:称|说|表示|指|指出)?$/, '');
      if (
        (n === undefined || n.start >= cue) &&
        unnamed.length >= 2 &&
        unnamed.length <= 12 &&
        !/[，,。；]/.test(unnamed) &&
        AGENT.test(unnamed)
      )
        return { kind: 'none', clause, blocked: true };
      // 引述外长林国栋: the titles before the person cited are passed over.
      if (
        n !== undefined &&
        (n.start === after || n.start === skipOffices(text, after)) &&
        n.end <= cue
      ) {
        // 路透社引述美国官员表示: an official no one names is no source (GUIDELINES §3).
        const rest = text
          .slice(skipOffices(text, n.end), cue)
          .trim()
          .replace(/(?:的话|之言)$/, '');
        if (rest !== '' && rest.length <= 6 && AGENT.test(rest)) {
          return { kind: 'none', clause, blocked: true };
        }
        via = head;
        head = n;
        j++;
        // 引述美国国务卿布林肯: on through the titles to the person cited.
        readOn();
      }
    }
    // 前民主党主席何俊仁的代表律师表示: the name a title leads to qualifies, with 的,
    // whoever speaks (their lawyer); neither it nor the names before it are the subject
    // (not so one relayed: 陈美玲转述林国栋的话说).
    if (
      head !== r &&
      via === undefined &&
      text[head.end] === '的' &&
      (!SPEAKS_THROUGH.test(text.slice(head.end)) || namedSpokesperson(text, head.end, refs))
    ) {
      k = j - 1;
      continue;
    }
    // A和B: several holders.
    for (; j < refs.length; j++) {
      const n = refs[j] as Ref;
      if (n.start >= cue) break;
      const between = text.slice(head.end, n.start);
      const afterTitles = text.slice(skipOffices(text, head.end), n.start);
      // X与Y会晤时表示: a meeting between the second name and the cue makes 与 its
      // counterpart's preposition, as for a meeting's own cue.
      const and =
        options.meeting === true || MEETING_AFTER.test(text.slice(n.end, cue)) ? AND_MEETING : AND;
      // 中日 (两国): abbreviations written together are one pair of holders.
      const pair =
        between === '' &&
        (head.type === 'LOC' || head.type === 'group') &&
        (n.type === 'LOC' || n.type === 'group');
      // 参议员X与众议员Y共同…: the second name's own titles after the 与.
      const titled = /^(?:和|与|及|以及|、)/.exec(between);
      const andTitled =
        titled !== null &&
        and.test(titled[0]) &&
        joins(text, head.end + titled[0].length, n.start, false, options.edges) &&
        n.start > head.end + titled[0].length &&
        n.type === 'PER';
      if (!pair && !and.test(between) && !and.test(afterTitles) && !andTitled) break;
      // B may be a title's person: 和日本外长山田一郎, 和民进党立委沈伯洋.
      let second = n;
      const m = refs[j + 1];
      if (
        !pair &&
        (n.type === 'LOC' || n.type === 'ORG') &&
        m !== undefined &&
        m.start < cue &&
        (m.type === 'PER' || m.type === 'ORG') &&
        joins(text, n.end, m.start, true, options.edges)
      ) {
        second = m;
        j++;
      }
      if (!isHolder(text, second, cue, options, refs)) break;
      all.push(second);
      head = second;
    }
    // 民建联及工联会议员联署要求…: members of both bodies, no one named (GUIDELINES §4).
    if (head.type === 'ORG' && MEMBERS_AFTER_AND.test(text.slice(head.end, cue)))
      return { kind: 'none', clause, blocked: true };
    head = asState(head);
    for (let x = 0; x < all.length; x++) all[x] = asState(all[x] as Ref);
    if (all.length > 1) {
      const ids = new Set(all.flatMap((x) => x.ids));
      // 中日双方: the group names the pair again.
      if (ids.size === 1) return { kind: 'one', ref: all[0] as Ref, clause };
      return { kind: 'many', refs: all, clause };
    }
    if (head.type === 'group') {
      return options.groups === true
        ? { kind: 'many', refs: [head], clause }
        : { kind: 'none', clause };
    }
    return via === undefined
      ? { kind: 'one', ref: head, clause }
      : { kind: 'one', ref: head, clause, via };
  }
  return { kind: 'none', clause };
}

/** Characters that never stand inside a title between two names. */
const NOT_IN_TITLE = /[，。、；：,:和与同及向对在把被将从为给「」“”（）()]/;
/** Verbs of citing, which the segmenter may tag as nouns (援引/vn): no part of a title
 * (路透社援引X的话说: the outlet cites X, it is not X's title). */
const CITING_VERBS = '引述|援引|引用|转述|转引';
const CITING = new RegExp(CITING_VERBS);
/** X引述Y指, X今天转述Y的话说: what stands between the one who cites and the one cited. */
const CITED_BY = new RegExp(
  `^[》」”]?\\s*(?:今天|今日|昨天|昨日|当天|稍后|随后)?(?:又|也|还|并|亦)?(?:${CITING_VERBS})`,
);
/** Parts of speech that never stand inside a title: verbs, prepositions, conjunctions,
 * adverbs, time words, pronouns, particles, numerals. */
const NOT_TITLE_POS = /^(?:v|vd|p|c|d|t|r|u|ul|uj|uz|ug|m|q|y)$/;

/** A body's head noun the segmenter tags as a verb (国际组织代表, 常驻维也纳国际组织代表). */
const HEAD_NOUN = /^组织$/;

/** Where someone stands politically, before their office (极右翼国家安全部长X, 亲美派议员X). */
const LEANING =
  /^(?:极右翼|极左翼|极右|极左|右翼|左翼|中间派|保守派|强硬派|温和派|改革派|鹰派|鸽派)/;

/** Verbs that qualify a title rather than act: 执政党, 时任部长, 常驻代表. */
const QUALIFIER = /^(?:执政|在野|主管|常驻|现任|前任|时任|代理|候任|署理|驻[\u4e00-\u9fff]?)$/;

/** The inside of a short bracket that qualifies an office (处长（新界南）): no marks. */
const BRACKETED_INSIDE = '[^（）()，。、；：「」“”\\s]';
/** Such a bracket closing right before a name; one left open; one's rest, closing. */
const BRACKETED_BEFORE_NAME = new RegExp(`[（(]${BRACKETED_INSIDE}{1,8}[）)]$`);
const BRACKETED_OPEN = new RegExp(`[（(]${BRACKETED_INSIDE}*$`);
const BRACKETED_CLOSE = new RegExp(`^${BRACKETED_INSIDE}{0,6}[）)]`);

/** Whether `n` stands inside a short bracket that opens within a title's length after
 * `from` (处长（新界南）): a region or a portfolio that qualifies the office. */
function inBracketAfterOffice(text: string, from: number, n: Ref): boolean {
  const open = text.slice(from, n.start).search(BRACKETED_OPEN);
  if (open < 1 || open > 8) return false;
  return BRACKETED_CLOSE.test(text.slice(n.end, n.end + 8));
}

/** Whether the text between `from` and `to` joins two names as title and name: nothing, a
 * run of office titles, or (by the segmenter's words) a short run of nouns and qualifiers
 * (台灣 執政 民進黨 發言人 李明俐); after a place, a longer one (联合国也门问题特使X). */
function joins(
  text: string,
  from: number,
  to: number,
  afterPlace: boolean,
  edges?: WordEdges,
): boolean {
  // 国民力量党首X: a party's name that took the 党 of 党首 or 党魁 leaves the rest of the
  // title.
  if (from < to && text[from - 1] === '党' && /[首魁]/.test(text[from] as string)) from++;
  // 越共中央总书记苏林, 老挝人民革命党中央总书记X: a party's central committee (中央) before
  // the office its head holds.
  if (text.startsWith('中央', from) && skipOffices(text, from + 2) > from + 2) from += 2;
  // 眾議院「X委員會」主席Y: the marks a body's name is quoted in stand outside the gap.
  if (from < to && /[」”]/.test(text[from] as string)) from++;
  if (from < to && /[「“]/.test(text[to - 1] as string)) to--;
  if (to === from) return true;
  // 路透社援引外长X的话说: the outlet cites X; it is no title of X's.
  if (CITING.test(text.slice(from, to))) return false;
  // 联合国负责人道主义事务的副秘书长X: the portfolio an office is in charge of, in a relative
  // clause before it, is passed over.
  const inCharge = IN_CHARGE_OF.exec(text.slice(from, to));
  if (inCharge !== null && skipOffices(text, from + inCharge[0].length) > from + inCharge[0].length)
    from += inCharge[0].length;
  // 以色列极右翼国家安全部长X: where a holder of an office stands politically is passed over.
  const leaning = LEANING.exec(text.slice(from, to));
  if (leaning !== null && from + leaning[0].length < to) from += leaning[0].length;
  // 研究中心（CSIS）主任X, 工程处（近东救济工程处）负责人X: a name's Latin form or
  // abbreviation in brackets is passed over.
  const latin = /^[（(](?:[A-Za-z][A-Za-z .&-]{0,40}|[\u4e00-\u9fff]{2,12})[）)]/.exec(
    text.slice(from, to),
  );
  if (latin !== null) from += latin[0].length;
  // 助理处长（新界南）陈志明: a region or a portfolio in brackets right before the name
  // qualifies the title: passed over.
  const qualifier = BRACKETED_BEFORE_NAME.exec(text.slice(from, to));
  if (qualifier !== null && qualifier.index > 0) to = from + qualifier.index;
  let at = skipOffices(text, from);
  // 盐城市委副书记、代市长X: one person's offices listed with 、 after the first.
  while (at > from && at < to && text[at] === '、') {
    const next = skipOffices(text, at + 1);
    if (next === at + 1) break;
    at = next;
  }
  if (at === to) return true;
  const gap = text.slice(at, to);
  // 欧盟外交与安全政策高级代表X: a portfolio of nouns (joined by 与／和) before an office title.
  if (portfolioBefore(text, at, to, edges)) return true;
  // 眾議院「對華政策特別委員會」主席X: one of the body's committees, quoted or not, before
  // the office its head holds.
  if (committeeBefore(text, at, to)) return true;
  // 亲善大使、著名演员X: titles listed with 、 between them, each a title of its own (never a
  // 、 alone or at either end: 王毅、林国栋 are two people).
  const listed = /^[^、]+(?:、[^、]+)+$/.test(gap);
  const longest = (afterPlace ? 8 : 6) + (listed ? 6 : 0);
  const marks = listed ? gap.replaceAll('、', '') : gap;
  if (to < at || gap.length > longest || NOT_IN_TITLE.test(marks)) return false;
  if (edges === undefined || edges.isEmpty()) return false;
  for (let i = at; i < to; ) {
    if (listed && text[i] === '、') {
      i++;
      continue;
    }
    const w = edges.wordAt(i);
    // Inside a word the segmenter glued from what it did not know (民进党 团总召 柯建铭, the
    // name's last character and the title): its characters are read as title, one by one.
    // …, or ran the title's last unit into the name after it (国家安全部 长本 | -格维尔).
    if ((w === undefined && edges.unknownAt(i)) || (w?.pos === 'x' && w.end > to)) {
      i++;
      continue;
    }
    if (w === undefined || w.end > to) return false;
    const word = text.slice(i, w.end);
    if (NOT_TITLE_POS.test(w.pos) && !QUALIFIER.test(word) && !HEAD_NOUN.test(word)) return false;
    i = w.end;
  }
  return true;
}

/** Modals, adverbs, conjunctions and prepositions the segmenter may glue into one unknown
 * word before a name (愿同, 将与, 并向, 而系 of Cantonese 而係): no noun. */
const FUNCTION_UNITS = /^[愿将要会可能应须并也还又再亦都就才与同和跟向对在把被为从于而但却是系]+$/;

/** What an office is in charge of, before it: 负责人道主义事务的, 主管经济的. */
const IN_CHARGE_OF = /^(?:主管|负责|分管)[^，。；：、「」“”（）()\s]{1,14}?的/;

/** A committee, a group or a unit inside a body, named in marks or not: …委员会, …小组,
 * …党团, and a research unit (数量经济与技术经济研究所分析室, 东亚研究中心). */
const COMMITTEE =
  /^[「“]?[^，。、；：,:「」“”（）()\s]{0,22}(?:委员会|小组|工作组|党团|办公室|研究所|研究室|研究院|研究中心|实验室|分析室)[」”]?$/;

/** Whether `[from, to)` is a committee's name (COMMITTEE) and office titles running to `to`. */
function committeeBefore(text: string, from: number, to: number): boolean {
  for (let k = from + 3; k < to && k - from <= 26; k++) {
    if (officeAt(text, k) !== null && skipOffices(text, k) === to) {
      return COMMITTEE.test(text.slice(from, k));
    }
  }
  return false;
}

/**
 * Whether `[from, to)` is a portfolio and an office title (外交与安全政策 高级代表): up to ten
 * units of nouns, two of them perhaps joined by 与, 和 or 及, then titles running to `to`.
 */
function portfolioBefore(text: string, from: number, to: number, edges?: WordEdges): boolean {
  if (edges === undefined || edges.isEmpty()) return false;
  let office = -1;
  for (let k = from + 2; k < to && k - from <= 10; k++) {
    if (officeAt(text, k) !== null && skipOffices(text, k) === to) {
      office = k;
      break;
    }
  }
  if (office === -1 || /[，。、；：,:「」“”（）()]/.test(text.slice(from, office))) return false;
  let nouns = 0;
  let last = '';
  for (let i = from; i < office; ) {
    const w = edges.wordAt(i);
    if (w === undefined || w.end > office) return false;
    const word = text.slice(i, w.end);
    if (/^(?:与|和|及)$/.test(word)) {
      if (last !== 'n') return false;
      last = 'c';
    } else if (/^(?:n|nz|nt|vn|j|an|b)$/.test(w.pos)) {
      nouns++;
      last = 'n';
    } else return false;
    i = w.end;
  }
  return nouns >= 1 && last === 'n';
}

/** The four units before `to`, after dropping the time words that end there (就昨晚X). */
function beforeTime(text: string, from: number, to: number, edges?: WordEdges): string {
  if (edges === undefined || edges.isEmpty()) return '';
  let end = to;
  // Walk the clause's words, remembering where the last run of time words began.
  let runStart = -1;
  for (let i = from; i < to; ) {
    const w = edges.wordAt(i);
    if (w === undefined || w.end > to) {
      i++;
      runStart = -1;
      continue;
    }
    if (w.pos === 't' || w.pos === 'm') {
      if (runStart === -1) runStart = i;
    } else runStart = -1;
    i = w.end;
  }
  if (runStart === -1) return '';
  end = runStart;
  return text.slice(Math.max(from, end - 4), end);
}

/** Whether the segmenter reads a verb between `from` and `to`. */
/**
 * Where the head of a noun phrase starts when a relative clause qualifies it (正在中国访问的
 * 美国国防部长马蒂斯, 来自台湾的立委X): after the last 的 before `to` that closes words
 * holding a verb; else `from`.
 */
function relativeHead(
  text: string,
  from: number,
  to: number,
  cue: number,
  edges: WordEdges | undefined,
): number {
  // Looked for in the clause's last 40 units only: a page of one unpunctuated line stays linear.
  let de = to - 1;
  const stop = Math.max(from, to - 40);
  while (de >= stop && text[de] !== '的') de--;
  if (de < stop) return from;
  const verbs = verbsBetween(text, edges, from, de);
  // (昨天)在机场等候的游客X: a place opening the relative clause, after a time or not, its
  // verb read as a noun (等候/n).
  let opening = from;
  for (let w = edges?.wordAt(opening); w !== undefined && w.pos === 't' && w.end < de; ) {
    opening = w.end;
    w = edges?.wordAt(opening);
  }
  const located = verbs === 0 && /^在[\u4e00-\u9fff]{2,}$/.test(text.slice(opening, de));
  return ((verbs >= 1 && verbs <= 2) || located) && !timeClause(text, from, cue, edges)
    ? de + 1
    : from;
}

/**
 * Whether a clause opening with a verb runs into 时 before its cue (会见来访的X时表示): a time
 * clause, whose verb governs the names in it; its subject stands outside it.
 */
function timeClause(
  text: string,
  from: number,
  cue: number,
  edges: WordEdges | undefined,
): boolean {
  if (edges === undefined || edges.isEmpty()) return false;
  let i = from;
  while (i < cue && /\s/.test(text[i] as string)) i++;
  const w = edges.wordAt(i);
  return (
    w !== undefined &&
    (/^v/.test(w.pos) || endsInCue(text.slice(i, w.end))) &&
    /[时時]/.test(text.slice(w.end, cue))
  );
}

/**
 * Whether what opens a clause before an office title is an organisation's short name the
 * segmenter cut into a one-character verb and a word (教协会长X: 教/v 协会/n 长): one such
 * verb first in the clause, at most two units on to the title, and no time clause.
 */
function abbreviatedOwner(
  text: string,
  clause: number,
  titles: number,
  cue: number,
  edges: WordEdges | undefined,
): boolean {
  if (edges === undefined || edges.isEmpty()) return false;
  let i = clause;
  while (i < titles && /\s/.test(text[i] as string)) i++;
  const w = edges.wordAt(i);
  if (w === undefined || w.end - i !== 1 || !/^v/.test(w.pos)) return false;
  if (titles - w.end < 1 || titles - w.end > 2 || officeAt(text, titles) === null) return false;
  if (!/^[\u4e00-\u9fff]+$/.test(text.slice(i, titles))) return false;
  return !timeClause(text, clause, cue, edges) && !verbBetween(text, edges, w.end, titles);
}

/** How many words tagged as verbs lie between `from` and `to` (up to 3). A relative clause
 * has one or two (正在中国访问的X, 前来参加会议的X). */
function verbsBetween(
  text: string,
  edges: WordEdges | undefined,
  from: number,
  to: number,
): number {
  if (edges === undefined || edges.isEmpty()) return 0;
  let n = 0;
  for (let i = from; i < to && n < 3; ) {
    const w = edges.wordAt(i);
    if (w === undefined) {
      i++;
      continue;
    }
    if (w.end <= to && (/^v/.test(w.pos) || endsInCue(text.slice(i, w.end)))) n++;
    i = w.end;
  }
  return n;
}

/** 校长 | 会 | 主席X: the 会 of a body's name that the segmenter cut off and read as a modal,
 * a noun before it and an office after it. */
function bodyEndsInHui(text: string, word: string, prevPos: string, end: number): boolean {
  return word === '会' && /^(?:n|vn|nt)$/.test(prevPos) && officeAt(text, end) !== null;
}

function verbBetween(
  text: string,
  edges: WordEdges | undefined,
  from: number,
  to: number,
): boolean {
  if (edges === undefined || edges.isEmpty()) return false;
  let prevPos = '';
  for (let i = from; i < to; ) {
    const w = edges.wordAt(i);
    if (w === undefined) {
      i++;
      prevPos = '';
      continue;
    }
    // 驻美国大使, 驻港部队: 驻 opens a title or a body's name, no verb of the clause, nor do
    // 常驻 or 时任 (常驻维也纳国际组织代表), nor 组织 after a noun; 战略与国际研究中心: 与
    // between two common nouns joins them.
    const word = text.slice(i, w.end);
    if (
      w.end <= to &&
      (w.pos === 'v' || w.pos === 'p') &&
      word !== '驻' &&
      !QUALIFIER.test(word) &&
      !(HEAD_NOUN.test(word) && /^(?:n|vn|ns|nt)$/.test(prevPos)) &&
      !bodyEndsInHui(text, word, prevPos, w.end) &&
      !(w.pos === 'v' && SPOKESPERSON_AFTER.test(text.slice(w.end, w.end + 5))) &&
      !(
        /^(?:与|和|及)$/.test(text.slice(i, w.end)) &&
        /^(?:n|vn)$/.test(prevPos) &&
        /^(?:n|vn)$/.test(edges.wordAt(w.end)?.pos ?? '')
      )
    )
      return true;
    prevPos = w.pos;
    i = w.end;
  }
  return false;
}

/**
 * Whether `[from, to)` is a verb and one common noun it qualifies, the noun the name after
 * it is (退休教师何先生说, 离职员工陈小姐表示): the name holds the cue; a verb taking the name
 * as its object reads with the name right after it or a title (会见总统X), not a common noun.
 */
function verbQualifiesNoun(
  text: string,
  edges: WordEdges | undefined,
  from: number,
  to: number,
): boolean {
  const verb = edges?.wordAt(from);
  if (verb === undefined || verb.pos !== 'v' || verb.end - from !== 2) return false;
  const noun = edges?.wordAt(verb.end);
  return (
    noun !== undefined &&
    noun.pos === 'n' &&
    noun.end === to &&
    /^[\u4e00-\u9fff]+$/.test(text.slice(from, to))
  );
}

/** Where the office titles right before `at` begin (与外长林国栋 → before 外长), not before
 * `floor`. */
function titlesBefore(text: string, at: number, floor: number): number {
  if (at <= floor || !/[\u4e00-\u9fff]/.test(text[at - 1] as string)) return at;
  for (let k = Math.min(8, at - floor); k > 0; k--) {
    if (officeAt(text, at - k) !== null && skipOffices(text, at - k) === at) return at - k;
  }
  return at;
}

/** The index after the run of mentions that titles join to refs[k] (俄罗斯 总统 普京). */
function chainEnd(text: string, refs: readonly Ref[], k: number, cue: number): number {
  let end = (refs[k] as Ref).end;
  let j = k + 1;
  for (; j < refs.length; j++) {
    const n = refs[j] as Ref;
    if (n.start >= cue || (n.start !== end && n.start !== skipOffices(text, end))) break;
    end = n.end;
  }
  return j;
}

/** A capital holding for its state (莫斯科认为 → 俄罗斯), else the mention itself. */
function asState(r: Ref): Ref {
  if (r.type !== 'LOC' || r.ids.length !== 1) return r;
  const id = r.ids[0] as string;
  const state = CAPITALS.get(id.slice(id.indexOf(':') + 1));
  return state === undefined ? r : { ...r, kind: 'alias', ids: [`LOC:${state}`] };
}

/** Whether a mention can hold a statement or a stance. */
function isHolder(
  text: string,
  r: Ref,
  cue: number,
  options: SubjectOptions,
  refs: readonly Ref[] = [],
): boolean {
  if (r.type === 'PER') return true;
  // 民进党立委批评…, 欧盟成员国同意…, 北约多名官员表示…: members no one named, not the body,
  // are the subject (GUIDELINES §4: unnamed groups are skipped); its spokesperson speaks for it.
  if (r.type === 'ORG') return !MEMBERS_OF.test(text.slice(r.end, r.end + 8));
  // 双方官员表示, 绿营立委批评…: members of the sides no one named, as for a body.
  if (r.type === 'group') return !MEMBERS_OF.test(text.slice(r.end, r.end + 8));
  if (r.type !== 'LOC') return false;
  // A place that qualifies what follows it (也门冲突方, 也门外长, 北京市卫生局, 北京组委会)
  // is not the holder, unless another name follows and makes a pair (中日双方).
  const qualifies = (): boolean => {
    // 特区政府发言人, 中央政府官员: a state organ named generically speaks for its state,
    // through whoever speaks for it.
    if (r.kind === 'title') return false;
    // 中方正告日方: right before the cue the place is its subject, whatever part of speech
    // the segmenter gives the cue (正告 is a noun to jieba).
    if (r.end === cue) return false;
    // 中方发言人批评…: a side's spokesperson speaks for the side.
    if (text[r.end - 1] === '方' && /^(?:新闻)?发言人/.test(text.slice(r.end, r.end + 5)))
      return false;
    // 法国代表说, 俄罗斯代表团则批评…: a state's delegate no name follows speaks for the state,
    // as a spokesperson does.
    if (DELEGATE_OF_STATE.test(text.slice(r.end, cue))) return false;
    if (officeAt(text, r.end) !== null) return true;
    // 英国七位前外相, 美国两名议员: a count of people of the place, a group no one named.
    if (
      /^(?:[一二三四五六七八九十两几数多]+|\d+)(?:位|名|个|家|批)/.test(
        text.slice(r.end, r.end + 5),
      )
    )
      return true;
    if (refs[firstAtOrAfter(refs, r.end)]?.start === r.end) return false;
    // 中国政府, 以色列方面: the state itself, whatever the words.
    if (PLACE_AS_SIDE.test(text.slice(r.end, r.end + 2))) return false;
    // Inside a longer word (北京市卫生局 read whole): part of a body's name.
    if (options.edges !== undefined && !options.edges.isEmpty() && !options.edges.startsAt(r.end))
      return true;
    const w = options.edges?.wordAt(r.end);
    const word = w === undefined ? '' : text.slice(r.end, w.end);
    // 台湾高度关切: a degree word the segmenter tags as a noun, right before a cue; 英国投票
    // 支持, 日本表态反对: how the state acts, a verb the segmenter tags as a noun.
    if (
      (DEGREE.test(word) || ACTS_BY.test(word)) &&
      startsWithCue(text.slice(w?.end ?? r.end, (w?.end ?? r.end) + 4))
    )
      return false;
    // 哈方高度评价…: a degree word and a verb that the segmenter's dictionary has as one noun.
    if (DEGREE_AND_VERB.test(word)) return false;
    // 法国干邑白兰地出口商担心…: a run of nouns after the place that ends in someone no one
    // names (出口商, 企业, 官员): the place qualifies them.
    if (options.edges !== undefined && !options.edges.isEmpty()) {
      const end = nounRunEnd(options.edges, r.end, cue, NAME_OR_NOUN_POS, text);
      if (end > r.end && AGENT.test(text.slice(r.end, end))) return true;
    }
    return (
      /^[市省县区州]/.test(word) ||
      (w !== undefined &&
        (w.pos === 'n' || w.pos === 'ng' || w.pos === 'nt' || w.pos === 'vn') &&
        !/^(?:方面|政府|当局|人民|方)$/.test(word))
    );
  };
  // A capital for its government: 莫斯科认为, 北京批评.
  if (CAPITALS.has((r.ids[0] ?? '').slice((r.ids[0] ?? '').indexOf(':') + 1))) {
    // Only as the subject of a verb right after it (北京批评, 莫斯科这边认为), not 北京市七成居民.
    const w = options.edges?.wordAt(r.end);
    const word = w === undefined ? '' : text.slice(r.end, w.end);
    const acts = w === undefined || /^(?:v|vd|d|p|c|r)$/.test(w.pos) || CUE_WORDS.has(word);
    return acts && !qualifies();
  }
  if (options.places === true) return !qualifies();
  return (
    r.kind === 'abbreviation' ||
    // 特区政府, 中央政府: a state organ named generically is its state as a speaker too.
    r.kind === 'title' ||
    text[r.end - 1] === '方' ||
    PLACE_AS_SIDE.test(text.slice(r.end, cue)) ||
    DELEGATE_OF_STATE.test(text.slice(r.end, cue))
  );
}

/** Whether `r` stands inside brackets opened after `from` that close before `cue`. */
function inAside(
  text: string,
  from: number,
  r: { start: number; end: number },
  cue: number,
): boolean {
  const before = text.slice(from, r.start);
  const opened = Math.max(before.lastIndexOf('（'), before.lastIndexOf('('));
  if (opened === -1) return false;
  const between = before.slice(opened + 1);
  if (/[）)]/.test(between)) return false;
  const close = text.slice(r.end, cue).search(/[）)]/);
  return close !== -1;
}
