import { QUOTE_CUE_ALTERNATION, QUOTE_CUES, type QuoteCue, STANCE_CUE_LIST } from './cues.ts';
import { officeAt, skipOffices } from './gazetteer.ts';
import {
  clauseStartOf,
  clauseSubject,
  datelineEnd,
  isSentenceMark,
  opensOnPeople,
  PASSIVE,
  type Subject,
  WordEdges,
} from './read-clauses.ts';
import { CREDIT_AFTER, firstAtOrAfter, type Ref } from './resolve-references.ts';

/** The character before 称 that makes it "be called": 俗称, 简称, 统称, 号称, 堪称, 自称, 或称
 * (（或称临时工）); and in brackets after a name, （又称X）. */
const NAMING_CHENG = /^[俗简统号堪通昵别泛总谦美戏尊爱自或]$/;
/** 人称 of naming (人称“小诸葛”): 人 on its own, not the end of an agent noun (发言人称,
 * 负责人称, 当事人称: a person speaking). */
const NAMING_REN = /(?:^|[^\u4e00-\u9fff])人$/;

/** What a statement's text brought in by 如下 is called, or the verb that brings it. */
const STATEMENT_AS_FOLLOWS = /(?:全文|原文|声明|讲话|谈话|致辞|表示|指出|说|称|强调)$/;

/** What makes 指 "refer to", not "say": 是指, 不是指, 并非指, 主要指, 泛指, 特指, 专指, 系指,
 * 意指, 乃指, 多指. */
const REFERS_TO = /(?:是|非|要|泛|特|专|系|意|乃|多|即)$/;

/** What makes 说 part of a turn of phrase: 说实在的, 说真的, 说白了, 说穿了, 说不定, and how something
 * is said (说得最多的, 说得好), no report of what. */
const SAYING_IDIOM_AFTER = /^(?:实在|真的|实话|白了|穿了|不定|起来|得)/;
/** …and before it: 老实说, 坦白说, 换句话说, 也就是说, 比如说, 据说, 听说, 可以说, 不用说. */
const SAYING_IDIOM_BEFORE =
  /(?:老实|坦白|简单|换句话|也就是|比如|[据听]|可以|不用|不必|虽|或者|就是|应该)$/;

/** A quote in Simplified-text offsets, before mapping back. */
export interface RawQuote {
  start: number;
  end: number;
  speaker: Ref | null;
  kind: 'direct' | 'reported';
  cue: string;
  /** Where the cue stands (the colon of 普京：「…」). */
  cueAt: number;
  contentStart: number;
  contentEnd: number;
}

/** One line of the article text: a block, and whether it is a dialogue line. */
export interface Line {
  from: number;
  to: number;
  dialogue: boolean;
}

const CUE_BY_WORD = new Map(QUOTE_CUES.map((c) => [c.cue, c]));
const CUE_PATTERN = new RegExp(QUOTE_CUE_ALTERNATION, 'g');
/** Adverbs the segmenter may glue to a one-character cue (并称, 又说, 坚称), and the
 * locatives that end a time or place phrase before it (会谈时说, 会后说, 讲话中说). */
const GLUED = /^[并又还亦则也更再坚声宣时后中]$/;
/** Two units the segmenter keeps as one word with the cue after them: a cue of its own
 * (强调指出) or a manner of saying (明确指出, 一再强调, 反复强调, 特别强调, 着重指出). */
const MANNER_GLUED = /^(?:强调|明确|一再|反复|特别|着重|郑重|严正|深刻|再次|多次|公开|坦率)$/;
/** Words after 表示 that make it "express" a stance, not bring in speech: 表示欢迎. */
const EXPRESSES =
  /^(?:欢迎|关切|关注|祝贺|感谢|支持|反对|赞赏|赞同|赞许|嘉许|赞扬|钦佩|敬佩|认可|同情|哀悼|慰问|遗憾|惋惜|痛心|不满|谴责|抗议|担忧|担心|忧虑|理解|尊重|愤慨|震惊|满意|肯定|敬意|谢意|歉意|失望|悲痛|悼念|哀思|欣慰|感激|问候|祝愿|关心|衷心|诚挚|由衷|真诚|沉痛|深深|极大|极为|十分|非常|热烈|强烈|严正|坚决|高度|严重|深切|深表|深感)/;
/** A mark and another cue right after a cue that takes one (回应，认为…; 回应：表示…), with an
 * adverb between or not; not a turn of phrase (说实在的, 说真的). */
const CUE_AFTER_MARK = new RegExp(
  `^[，,：:]\\s*(?:并|又|也|还|则)?(?:认为|表示|指出|强调|称|说(?!${SAYING_IDIOM_AFTER.source.slice(1)}|句)|指)`,
);
/** A clause opening on a stance cue, adverbs of degree or manner before it: 强烈谴责, 并批评. */
const ACT_CLAUSE = new RegExp(
  `^[，,]\\s*(?:并|也|还|又|亦)?(?:高度|强烈|坚决|严厉|严正|深切|衷心|热烈|公开|明确)?(?:${STANCE_CUE_LIST.map(
    (c) => c.cue,
  )
    .sort((x, y) => y.length - x.length)
    .join('|')})`,
);

/** Whether the mark at `from` opens a clause of what the speaker did (强烈谴责美方的言论)
 * whose next clause is brought in by a verb of speech (，指…): that verb brings the words. */
function actThenSpeech(text: string, from: number, to: number): boolean {
  if (!ACT_CLAUSE.test(text.slice(from, from + 12))) return false;
  const comma = text.slice(from + 1, to).search(/[，,。；！？]/);
  if (comma === -1) return false;
  const at = from + 1 + comma;
  return /[，,]/.test(text[at] as string) && CUE_AFTER_MARK.test(text.slice(at, at + 6));
}

/** Citing someone no one names: 援引一名汽车业分析师的话, 引述知情人士, 援引一名不愿具名的外交官
 * (someone counted, not named). */
const CITES_UNNAMED =
  /(?:引述|援引|引用|转述|转引)(?:[^，。；]{0,14}?(?:人士|官员|外交官|高官|专家|分析师|学者|消息|来源|人员|知情者)(?:的话)?$|(?:[一两几数多某][名位个]|多名|多位)[^，。；]{0,16}$)/;

/** What a body's office holder is called after its name, no name of their own (国家安全委员会
 * 前亚洲事务主管): a person identified only by title (GUIDELINES §3: no quote). */
const TITLE_ONLY =
  /^(?:前|原|现任|一名|一位)?[^，。；「」“”]{0,10}?(?:主管|主任|官员|顾问|助理|幕僚|高官|高层|部长|大使|议员|总监|局长|处长|司长|主席|委员|成员|代表|教授|研究员|专家|人士)(?:的话|之言)?$/;

/** Whether the clause before a cue cites a body's office holder by title alone
 * (…引用国家安全委员会前亚洲事务主管的话说): the words are no one's we can name. */
function citesByTitle(text: string, refs: readonly Ref[], from: number, to: number): boolean {
  const c = citation(text, refs, from, to);
  if (c === null || c.cited.type !== 'ORG') return false;
  const tail = text
    .slice(c.cited.end, to)
    .replace(/(?:说|称|表示|指出)$/, '')
    .trim();
  return TITLE_ONLY.test(tail);
}

/** The newspaper last named before `at`: a body whose name ends in 报 (解放报, 朝日新闻 aside). */
function paperBefore(text: string, refs: readonly Ref[], at: number): Ref | null {
  for (let k = firstAtOrAfter(refs, at) - 1; k >= 0; k--) {
    const r = refs[k] as Ref;
    if (r.type === 'ORG' && r.kind !== 'pronoun' && text[r.end - 1] === '报') return r;
  }
  return null;
}

/** What makes a cue clause anonymous or not a statement of its subject: 据…报道, 有记者问. */
const NOT_A_SOURCE = /^(?:据|有)/;
/** 等人, 等多人, 等三名议员 right after a name: it and others speak (GUIDELINES §3: several
 * speakers at once give no quote). */
const AND_OTHERS = /^等(?:人|多人|[一二三四五六七八九十两几数多\d]+(?:人|名|位|个))/;
/** Words that stand for a statement's issuer: 声明说 → whoever issued the statement. */
/** What a body issues and is then reported speaking through: 声明, 社评, 公报, 白皮书; a
 * court's 判决 (判决书, 裁定, 判词). */
const DOCUMENT =
  '(?:声明|社评|社论|公报|公告|文告|新闻稿|白皮书|报告|通报|文章|判决书|判决|判词|裁定书|裁定|决议)';
export const ISSUED = new RegExp(
  `^(?:该|这份|其|这篇|该份)?(?:${DOCUMENT}|报纸|该报)|^(?:本次|此次|这次|该次)?会议(?:还|也|并|同时|进一步|一致)?$`,
);
/** Issuing a statement: 发表声明, 发布联合公报, 发出一份新闻稿, 发表《…》白皮书, 发表题为《…》的
 * 社评, 刊登一篇评论文章, 刊文 and 撰文 (an article, 文章 after), a paper's editorial (世界报的
 * 社论); passing a resolution (通过一项决议); convening a meeting: 召开会议, 主持召开国务院常务
 * 会议; a court's sentence or ruling (一审判处, 宣判, 裁定), whose 判决 speaks for it. */
const ISSUES = new RegExp(
  `(?:一审|二审|三审|终审|更审)?(?:判处|宣判|改判|裁定(?![书])|判决(?![书]))|(?:发表|发布|发出|公布|刊出|刊登)了?(?:一份|一项|一篇)?(?:书面|正式|联合|评论|署名|长篇)?(?=(?:《[^》]{1,40}》|题为[《“][^》”]{1,40}[》”]的)?${DOCUMENT})|(?<=报》?)的(?=(?:一篇)?(?:社论|社评|评论|文章))|以[“「《][^”」》]{1,40}[”」》]为题|(?:刊|撰|发)文|(?:召开|举行)了?(?=[^，。；！？]{0,20}?会议)|(?:通过|表决通过)了?(?=[^，。；！？]{0,20}?决议)`,
  'g',
);
/** A cue used as a noun: 做上述表示, 他的说法, 对X的严正警告, after a light verb (作出回应, 予以回应); not
 * 此 as "regarding this" (对此表示, 就此表示). */
const NOUN_USE =
  /(?:做|作|作出|做出|予以|给予|有所|的(?:(?:一次|一个|这次|又一次)?(?:严正|强烈|严厉|郑重|最后|严重|明确|公开|有力))?|上述|(?<![对就为因借藉于特])此|这番|该)$/;
/** A light verb and its degree words before a stance verb: 予以严厉谴责, 表示强烈抗议. */
const LIGHT_BEFORE =
  /(?:予以|表示|表达|提出|进行|加以|深表)(?:强烈|严厉|严正|坚决|高度|最)?(?:的)?$/;
/** A mark and a word that adds another doing of the subject (，并呼吁…, ，同时要求…). */
const DOING_TOO = /^[，,]\s*(?:并且|并|同时|亦|也|还|另|更|随即|进而)/;
/** A clause of when after a cue of speaking of something, then a mark or another cue:
 * (谈到)房屋问题时表示, (提到)此事时，, (谈到)自己兄长的时候说. */
const WHEN_SPEAKING =
  /^[^，。；：:,！？「」“”]{1,30}?(?:时|的时候)(?:[，,]|(?:又|也|还|并)?(?:表示|说|指出|称|强调|认为|重申|透露|坦言|回应))/;
/** After 称: what is called, 为, and the name it is called by, in marks or short and closing
 * its clause (称X为「…」, 称此举为挑衅。). */
const CALLED_AS =
  /^[^，,。；：:「」“”！？]{1,12}?为(?!了|何|什么|此|止)(?:[「“『]|[^，,。；：:「」“”！？]{1,6}(?:[，,。；！？]|$))/;

/** Stance verbs that make a quote only when a mark brings in a clause after them: the quote
 * cues of data/cues/speech.tsv in `punct` mode that are stance cues too (批评, 呼吁, 促 …). */
const STANCE_VERB: ReadonlySet<string> = new Set(
  QUOTE_CUES.filter((c) => c.mode === 'punct' && STANCE_CUE_LIST.some((s) => s.cue === c.cue)).map(
    (c) => c.cue,
  ),
);
/** After such a verb, a short object and the mark that opens a quotation (陈美玲「). */
const OBJECT_THEN_QUOTATION = /^[^，,。；：:「」“”！？\s]{1,10}[「“]/;
/** Verbs of speech that Cantonese 话 may follow (佢补充话，…, 佢回应话，…). */
const SPEECH_BEFORE_HUA = /(?:补充|回应|解释|强调|重申)$/;
/** Negation or refusal right before a cue: 并未表示, 没有说, 拒绝透露, 不愿透露. */
const UNSAID =
  /(?:未|未有|没有|没|并未|从未|尚未|不愿|不肯|拒绝|无意|不便)(?:正面|直接|公开|明确|具体|进一步|就此|对此|作出|做出|再)*$/;
/** Content shorter than this is not a quote (GUIDELINES §3: 「無無無！」). */
const MIN_CONTENT = 8;

const OPENERS: Record<string, string> = { '「': '」', '“': '”', '『': '』', '‘': '’' };

interface Cue {
  at: number;
  end: number;
  cue: QuoteCue;
}

/**
 * Finds who said what, driven by punctuation and paragraph structure:
 * - X表示／称／指出…, with a comma, a colon, a quotation mark or (for most cues) nothing after
 *   the cue; the speaker is the subject of the cue's clause (read-clauses), so 在…上表示 and
 *   …時表示 find a subject that stands far before the cue, and an addressee (向X表示) or a
 *   dateline's outlet never speaks;
 * - 「…」X說。 and …，他說。, the speaker after the content;
 * - X：「…」 inline, and dialogue lines;
 * - X表示： at the end of a paragraph, with the content in the next one;
 * - a clause with no subject of its own (並表示, 今天向媒體表示) continues the speaker of the
 *   quote just before it; a quote whose speaker cannot be found is dropped, never given to
 *   the last speaker by default.
 * Reported content runs to the next quote of the paragraph or its end; direct content to the
 * matching closing mark.
 */
export function findQuotes(
  text: string,
  lines: readonly Line[],
  refs: readonly Ref[],
  edges: WordEdges = new WordEdges(text.length, []),
  editorial: Ref | null = null,
): RawQuote[] {
  const quotes: RawQuote[] = [];
  // Where people's names end: a cue may start there, however the segmenter cut.
  const nameEnds = new Set<number>();
  for (const r of refs) if (r.type === 'PER' && r.kind === 'name') nameEnds.add(r.end);
  let last: { speaker: Ref; line: number; cueEnd: number } | null = null;
  /** The last cue whose speaker no one named (一名官員說): a 他 right after is that source. */
  let anonymous: { line: number; at: number } | null = null;
  // An editorial's headline names its paper (环球时报社评：…): 社评说 speaks as it.
  let issuer: Ref | null = editorial;
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li] as Line;
    if (line.dialogue) {
      const q = dialogueQuote(text, line, refs);
      if (q !== null) {
        // 他補充：「…」 read as a dialogue line: 他 is the speaker of the paragraph before.
        if (q.speaker?.kind === 'pronoun' && last !== null && li - last.line <= 1) {
          q.speaker = last.speaker;
        }
        quotes.push(q);
        if (q.speaker !== null) last = { speaker: q.speaker, line: li, cueEnd: q.contentStart };
        continue;
      }
      // 记者：菲律宾总统X表示，…: a line whose speaker names no one (a journalist's question)
      // is read for the statements it reports, as any paragraph.
    }
    const cues = cuesIn(text, line, edges, nameEnds);
    // Most lines hold no cue and no colon: nothing to read there.
    const colon = hasColon(text, line);
    if (cues.length === 0 && !colon) continue;
    const depth = quoteDepth(text, line.from, line.to);
    const found: {
      cue: Cue;
      speaker: Ref;
      clause: number;
      after: boolean;
      also: Ref | null;
      /** Whether the cue's clause has no subject of its own (…，但认为…). */
      carried?: boolean;
    }[] = [];
    let prevEnd = line.from;
    // Clauses of cues whose speaker is several people or no one named (一位网友表示): what
    // they close is not an earlier speaker's.
    const unnamed: number[] = [];
    // The cues come in order: the line is scanned for sentence ends once, not back from each.
    let sentenceStart = line.from;
    let scanned = line.from;
    for (let cue of cues) {
      // 曾经说过，…: a cue with its aspect mark and a comma after it brings in speech.
      if (/^[了过][，,：:]/.test(text.slice(cue.end, cue.end + 2)))
        cue = { ...cue, end: cue.end + 1 };
      // 提醒市民，…, 警告外界，…: a cue of warning with its addressee before the comma.
      const addressee = ADDRESSED_CUES.has(cue.cue.cue) ? addresseeEnd(text, cue.end, edges) : -1;
      if (addressee > 0) cue = { ...cue, end: addressee };
      for (; scanned < cue.at; scanned++) {
        if (isSentenceEnd(text, scanned, depth, line.from)) sentenceStart = scanned + 1;
      }
      const sentenceFloor = Math.max(sentenceStart, datelineEnd(text, sentenceStart, line.to));
      const floor = Math.max(sentenceFloor, prevEnd);
      // 批評陳美玲「每句話都…」，: a stance verb, its object and a quotation closing its
      // clause: the quotation is the words of the one who criticizes (GUIDELINES §3).
      if (STANCE_VERB.has(cue.cue.cue)) {
        const object = OBJECT_THEN_QUOTATION.exec(
          text.slice(cue.end, Math.min(line.to, cue.end + 12)),
        );
        if (object !== null) {
          const open = cue.end + object[0].length - 1;
          const close = matchingClose(text, open, line.to);
          const quoted = close === -1 ? '' : text.slice(open + 1, close);
          // Words, not a noun phrase the critic names in marks (「對平民的無差別轟炸」), nor
          // labels listed with 、 (「捕風捉影、抹黑中國」): a characterization.
          if (
            close !== -1 &&
            /^(?:$|[，,。；！？\n])/.test(text.slice(close + 1, close + 2)) &&
            !/的[^，,。；！？的]{1,6}$/.test(quoted) &&
            !/^[^，,。；！？、]{1,6}(?:、[^，,。；！？、]{1,6})+$/.test(quoted)
          )
            cue = { ...cue, end: open };
        }
      }
      const next = text[cue.end] ?? '';
      const afterMark = /[，,：:「“]/.test(next);
      const closes = next === '' || /[。！？\n]/.test(next) || cue.end >= line.to;
      if (cue.cue.mode === 'punct' && !afterMark && !closes) continue;
      // 强调说，…, 表示称，…, 强调指，…: the cue with 说 (称, 道, 指) after it is one verb of
      // speech; the 说 brings the words in (one cue, one quote).
      if (/^[说称道指][，,：:「“]/.test(text.slice(cue.end, cue.end + 2))) continue;
      // 陈家驹话，: Cantonese 话 is a verb only right after a person (a name or 佢); 这种话，,
      // 的话， are the noun.
      // 佢又话，: with one adverb between (又, 亦, 仲, 都) after a name or a pronoun.
      if (cue.cue.cue === '话') {
        // 佢补充话，: after a verb of speech that needs a mark of its own to speak.
        const verb = SPEECH_BEFORE_HUA.exec(text.slice(Math.max(line.from, cue.at - 2), cue.at));
        const at = verb === null ? cue.at : cue.at - verb[0].length;
        // 林小明今日话：: with a time word between (今日, 昨日, 日前).
        const when = /(?:今日|昨日|今天|昨天|日前|早前|近日|稍后|随后)$/.exec(
          text.slice(Math.max(line.from, at - 2), at),
        );
        const at2 = when === null ? at : at - when[0].length;
        const after = /[又亦也就再仲都还]/.test(text[at2 - 1] ?? '') ? at2 - 1 : at2;
        // X接受电台访问时话，: after a time phrase of the clause a person opens, after
        // offices and the body they are of at most (民建联立法会议员X接受…时话).
        let clause = /[时后]/.test(text[cue.at - 1] ?? '')
          ? clauseStartOf(text, cue.at, line.from)
          : -1;
        if (clause !== -1) {
          const body = refs.find((o) => o.start === clause && o.type !== 'PER');
          clause = skipOffices(text, body === undefined ? clause : body.end);
        }
        if (
          !refs.some(
            (r) =>
              r.type === 'PER' &&
              (r.end === cue.at ||
                r.end === at ||
                r.end === at2 ||
                r.end === after ||
                r.start === clause),
          )
        )
          continue;
      }
      // 予以严厉谴责，并…: a stance verb a light verb takes as its object brings in no clause.
      if (
        STANCE_VERB.has(cue.cue.cue) &&
        LIGHT_BEFORE.test(text.slice(Math.max(line.from, cue.at - 6), cue.at))
      )
        continue;
      // 对此严厉谴责，并呼吁…: the mark brings in another doing of the same subject, no words.
      if (STANCE_VERB.has(cue.cue.cue) && DOING_TOO.test(text.slice(cue.end, cue.end + 6)))
        continue;
      // 俗称, 简称, 号称, 自称: what something is called or claims to be, no one speaking.
      if (
        cue.cue.cue === '称' &&
        (NAMING_CHENG.test(text.slice(Math.max(line.from, cue.at - 1), cue.at)) ||
          NAMING_REN.test(text.slice(Math.max(line.from, cue.at - 2), cue.at)) ||
          /[（(][又也亦]?$/.test(text.slice(Math.max(line.from, cue.at - 2), cue.at)) ||
          // 称其为“危险的战争演练”: calling something a name, no words of one's own.
          /^[其之它此这该][^，。；]{0,6}?为/.test(text.slice(cue.end, cue.end + 9)))
      )
        continue;
      // 全文如下：「…」: a statement's text, brought in whole; not a list (名单如下：一、…).
      if (
        cue.cue.cue === '如下' &&
        (!STATEMENT_AS_FOLLOWS.test(text.slice(Math.max(line.from, cue.at - 4), cue.at)) ||
          !/^[：:]\s*[「“『]/.test(text.slice(cue.end, cue.end + 8)))
      )
        continue;
      // 不是指, 主要指, 泛指, 特指: 指 of what a word refers to, no one speaking.
      if (
        cue.cue.cue === '指' &&
        REFERS_TO.test(text.slice(Math.max(line.from, cue.at - 2), cue.at))
      )
        continue;
      // 说实在的, 老实说, 换句话说, 据说: a turn of phrase or hearsay, not a source speaking.
      if (
        cue.cue.cue === '说' &&
        (SAYING_IDIOM_AFTER.test(text.slice(cue.end, cue.end + 3)) ||
          SAYING_IDIOM_BEFORE.test(text.slice(Math.max(line.from, cue.at - 3), cue.at)))
      )
        continue;
      // 谈到房屋问题时表示…, 在提到此事时，…: speaking of something in a clause of when; the
      // words come with the cue after it. 说到这里, 说到自己的主任，…: talk reaching a point or
      // a matter, no words brought in by it.
      if (
        ((cue.cue.cue === '谈到' || cue.cue.cue === '提到') &&
          WHEN_SPEAKING.test(text.slice(cue.end, cue.end + 40))) ||
        (cue.cue.cue === '说' && text[cue.end] === '到') ||
        // 称林国栋为「最可靠的伙伴」, 称此举为挑衅: calling someone or something a name,
        // no words said (称中国为维护和平做出贡献 goes on to say something: a quote).
        (cue.cue.cue === '称' && CALLED_AS.test(text.slice(cue.end, cue.end + 30)))
      )
        continue;
      if (!afterMark && !closes && EXPRESSES.test(text.slice(cue.end, cue.end + 4))) continue;
      if (
        NOUN_USE.test(text.slice(Math.max(line.from, cue.at - 7), cue.at)) ||
        /^[的了过着]$/.test(next) ||
        // 他被网友批评，…: what was done to him, not what he said.
        PASSIVE.test(text.slice(Math.max(line.from, cue.at - 10), cue.at)) ||
        // 共同社报道称，…: an outlet's report is a source line, not a quote (GUIDELINES §3).
        /(?:报道|报导)$/.test(text.slice(Math.max(line.from, cue.at - 2), cue.at))
      )
        continue;
      const inside = depth[cue.at - line.from] !== 0;
      const subject: Subject = clauseSubject(text, floor, cue.at, refs, { edges });
      // 并未表示, 拒绝透露, 未有正面回应: what someone did not say, or would not. What the
      // same sentence goes on to have them say (…，只说：「…」) is still theirs.
      if (UNSAID.test(text.slice(Math.max(line.from, cue.at - 10), cue.at))) {
        prevEnd = cue.end;
        if (subject.kind === 'one' && subject.carried !== true && subject.ref.type === 'PER')
          last = { speaker: subject.ref, line: li, cueEnd: cue.end };
        continue;
      }
      const lead = text.slice(subject.clause, cue.at);
      if (
        subject.kind === 'many' ||
        NOT_A_SOURCE.test(lead) ||
        // 该报援引一名分析师的话说: a source cited that no one names.
        CITES_UNNAMED.test(lead) ||
        citesByTitle(text, refs, subject.clause, cue.at) ||
        // 林国栋等人表示: the one named and others, several speakers at once.
        (subject.kind === 'one' && AND_OTHERS.test(text.slice(subject.ref.end, cue.at))) ||
        // 林国栋与陈美玲会谈后共同会见记者时表示: the one named and the counterpart, jointly.
        (subject.kind === 'one' && jointly(text, refs, subject.ref, cue.at))
      ) {
        // Several speakers at once, or an anonymous or second-hand source: no quote, and the
        // quotes after it do not continue an earlier speaker.
        prevEnd = cue.end;
        last = null;
        unnamed.push(subject.clause);
        if (NOT_A_SOURCE.test(lead)) anonymous = { line: li, at: cue.end };
        continue;
      }
      if (subject.kind === 'none' || (inside && subject.carried === true)) {
        prevEnd = cue.end;
        if (inside) continue;
        // …，会尽快回应。: a verb of speech ending its sentence with no subject and nothing
        // after it brings in no words, and starts no other source's.
        // (An unnamed source closing a quotation, 「…」一位网友表示。, still ends the words
        // before it.)
        if (
          closes &&
          subject.kind === 'none' &&
          !/[」”』]\s*$/.test(text.slice(line.from, subject.clause)) &&
          !ISSUED.test(lead)
        )
          continue;
        // 聲明引述外長林國棟的言論，指…: a clause citing someone's words right before the
        // cue's: the one cited speaks, and the one citing them (the statement's issuer, a
        // body that is no outlet) with them (GUIDELINES §3: a nested quote counts for both).
        const citing =
          /^(?:并|又|还|亦|也)?$/.test(lead.trim()) && /[，,]/.test(text[subject.clause - 1] ?? '')
            ? citingClause(
                text,
                refs,
                clauseStartOf(text, subject.clause - 1, floor),
                subject.clause - 1,
              )
            : null;
        if (citing !== null) {
          let by: Ref | null | undefined = citing.by;
          if (by === null && ISSUED.test(text.slice(citing.from, citing.verb))) {
            const issuerOf = issuedBy(
              text,
              lines[li - 1]?.from ?? line.from,
              citing.from,
              refs,
              edges,
            );
            if (issuerOf !== undefined) issuer = issuerOf;
            by = issuer;
          }
          found.push({
            cue,
            speaker: citing.cited,
            clause: subject.clause,
            after: closes,
            also: by !== null && by !== undefined && !isOutletName(text, by) ? by : null,
            carried: true,
          });
          last = { speaker: citing.cited, line: li, cueEnd: cue.end };
          continue;
        }
        // No subject at all: the statement goes on (並表示…), or it is the issuer's
        // (聲明說); a clause that names someone we cannot resolve breaks the chain.
        let issued: Ref | null = null;
        const cited = ISSUED.test(lead) ? citedIn(text, refs, subject.clause, cue.at) : null;
        if (cited !== null) {
          // 该报援引外长林国栋的话说: the one the paper cites speaks (an outlet citing someone
          // only reports it).
          issued = cited;
        } else if (ISSUED.test(lead)) {
          // 该报: the paper last named before it; else the issuer of the document.
          const paper = /^该报/.test(lead) ? paperBefore(text, refs, subject.clause) : null;
          const by =
            paper ?? issuedBy(text, lines[li - 1]?.from ?? line.from, subject.clause, refs, edges);
          // Found, it stays the issuer of the document's later words (文章指出 a paragraph on);
          // a document issued by several or by no one we can name has none.
          if (by !== undefined) issuer = by;
          issued = issuer;
        }
        const carried: Ref | null =
          issued ??
          (last !== null &&
          li - last.line <= 1 &&
          // 辯方律師求情時稱: a clause opening on someone we cannot name is no one's
          // continuation (並指出 or 但強調 after such a clause still is the speaker's).
          !(
            subject.kind === 'none' &&
            subject.blocked === true &&
            !/^(?:并|并且|还|又|也|亦|同时|此外|另外|而|则|更|再|但|但是|不过)/.test(lead)
          ) &&
          continues(lead) &&
          !namesSomeone(refs, subject.clause, cue.at)
            ? last.speaker
            : null);
        if (carried !== null) {
          found.push({
            cue,
            speaker: carried,
            clause: subject.clause,
            after: closes,
            also: null,
            carried: true,
          });
          last = { speaker: carried, line: li, cueEnd: cue.end };
        } else {
          last = null;
          unnamed.push(subject.clause);
          if (subject.kind === 'none' && subject.blocked === true) {
            anonymous = { line: li, at: cue.end };
          }
        }
        continue;
      }
      let speaker = subject.ref;
      // 他說: the person last named as a subject since the last quote of this paragraph or the
      // one before (else since the paragraph before began), else that quote's speaker; not
      // 特朗普 of 特朗普政府, named since as a modifier. (Not 他（林国栋）表示: the name in
      // brackets after the pronoun said who it is, as the references read it.)
      if (
        speaker.kind === 'pronoun' &&
        subject.carried !== true &&
        !/^[（(]/.test(text[speaker.end] ?? '')
      ) {
        // 一名官員說…。他還說: 他 is the source no one named, whom no quote is given to.
        if (
          anonymous !== null &&
          li - anonymous.line <= 1 &&
          (last === null || anonymous.at > last.cueEnd) &&
          subjectSince(text, refs, anonymous.at, speaker.start, edges) === null
        ) {
          prevEnd = cue.end;
          continue;
        }
        const recent =
          last !== null &&
          li - last.line <= 1 &&
          (last.speaker.type === 'PER' || speaksThroughPerson(text, last.speaker));
        // Not a person named inside those words (陳美玲說，林國棟堅持…。她並表示: 陳美玲).
        const from =
          recent && last !== null
            ? wordsEnd(text, last.cueEnd, speaker.start)
            : (lines[li - 1]?.from ?? line.from);
        speaker =
          subjectSince(text, refs, from, speaker.start, edges) ??
          (recent && last !== null ? last.speaker : speaker);
      }
      if (/声明|社评|社论|公报|文章|报告/.test(text.slice(speaker.end, cue.at))) issuer = speaker;
      // 「…」X說。: the clause holds the speaker and little else; a stance verb ending a
      // sentence (…予以譴責。) brings in nothing.
      const after =
        closes &&
        subject.carried !== true &&
        cue.at - subject.ref.end <= 12 &&
        !STANCE_VERB.has(cue.cue.cue);
      if (closes && !after) {
        prevEnd = cue.end;
        continue;
      }
      // 回应，认为…, 回应说: the content opens on another cue of the same speaker, which is
      // the one that brings it in (one quote, not two).
      // 回应，强烈谴责美方的言论，指…: nor when it opens on what the speaker did (a stance
      // cue's clause) before another cue of theirs brings the words in.
      if (
        !after &&
        cue.cue.mode === 'punct' &&
        (CUE_AFTER_MARK.test(text.slice(cue.end, cue.end + 6)) ||
          actThenSpeech(text, cue.end, line.to))
      ) {
        last = { speaker, line: li, cueEnd: cue.end };
        prevEnd = cue.end;
        continue;
      }
      found.push({
        cue,
        speaker,
        clause: subject.clause,
        after,
        also: subject.via ?? null,
        carried: subject.kind === 'one' && subject.carried === true,
      });
      last = { speaker, line: li, cueEnd: cue.end };
      prevEnd = cue.end;
    }
    /** Where a sentence that quotes another speaker ends (see emit). */
    let nestedUntil = -1;
    const emit = (f: (typeof found)[number], k: number): void => {
      const { cue, speaker } = f;
      const nextClause = found[k + 1]?.clause ?? line.to;
      if (f.after) {
        // 「…」X說。 — the content is the quotation closing before the speaker's clause;
        // …，他說。 — the clauses of the sentence before it.
        const q = contentBefore(text, f.clause, line.from, depth);
        if (q === null) return;
        pushQuote(quotes, text, {
          start: q.start,
          end: cue.end,
          speaker,
          kind: q.direct ? 'direct' : 'reported',
          cue: cue.cue.cue,
          cueAt: cue.at,
          contentStart: q.start + (q.direct ? 1 : 0),
          contentEnd: q.end - (q.direct ? 1 : 0),
        });
        return;
      }
      // 「…」趙明強調，…: the quotation closing right before the speaker's clause is theirs too.
      const before = contentBefore(text, f.clause, line.from, depth);
      // Not one the cue before brings in (林國棟說：「…。」陳美玲表示，…: 林國棟's).
      const prior = found[k - 1];
      const claimed =
        prior !== undefined &&
        before !== null &&
        prior.cue.end <= before.start &&
        (/^[，,：:\s]*$/.test(text.slice(prior.cue.end, before.start)) ||
          // 林國棟反駁指，…，「…」他認為，…: nor one that goes on with its words.
          (!prior.after && goesOnWith(text, prior.cue.end, before.start)));
      // 眾議院「X委員會」主席Y說: a quoted name inside the subject's phrase, glued to it with no
      // mark in or after it and opening no sentence, is a term, not a quotation.
      const term =
        before !== null &&
        !/[，,。！？!?…；;]$/.test(text.slice(before.start + 1, before.end - 1)) &&
        !/(?:^|[。！？!?\n：:，,；;])$/.test(text.slice(line.from, before.start).trimEnd());
      const interrupted = before?.direct === true && before.end === f.clause && !claimed && !term;
      // A quotation of its own: long enough, or a sentence the attribution cuts at a comma
      // (「我們會繼續爭取，」X說，「…」), opening its sentence (not 以“小炜伊”的名义).
      const ownQuotation =
        interrupted &&
        before !== null &&
        (letterCount(text, before.start + 1, before.end - 1) >= MIN_CONTENT ||
          /[，,]$/.test(text.slice(before.start + 1, before.end - 1))) &&
        /^$|[。！？\n]$/.test(text.slice(line.from, before.start).trimEnd());
      if (ownQuotation && before !== null) {
        // 「…，」陳家駒話，「…」: a quotation the attribution interrupts is one quote (one cue,
        // one quote: GUIDELINES §3).
        let open = cue.end;
        while (open < line.to && /[，,：:\s]/.test(text[open] as string)) open++;
        const close = OPENERS[text[open] ?? ''];
        const end = close === undefined ? -1 : matchingClose(text, open, line.to);
        // The second part is a quotation of its own (「…」 then a mark or the end), not a term
        // that opens reported speech (指，「一帶一路」倡議…).
        const whole =
          end !== -1 &&
          (/^(?:$|[。！？，,；\s])/.test(text.slice(end + 1, end + 2)) ||
            isSentenceMark(text.charCodeAt(end - 1)));
        if (end !== -1 && end < nextClause + 1 && whole) {
          pushQuote(quotes, text, {
            start: before.start,
            end: end + 1,
            speaker,
            kind: 'direct',
            cue: cue.cue.cue,
            cueAt: cue.at,
            contentStart: before.start + 1,
            contentEnd: end,
          });
          return;
        }
      }
      if (interrupted && before !== null) {
        pushQuote(quotes, text, {
          start: before.start,
          end: cue.end,
          speaker,
          kind: 'direct',
          cue: cue.cue.cue,
          cueAt: cue.at,
          contentStart: before.start + 1,
          contentEnd: before.end - 1,
        });
      }
      let contentStart = cue.end;
      while (contentStart < line.to && /[，,：:\s]/.test(text[contentStart] as string))
        contentStart++;
      const opener = text[contentStart] ?? '';
      const close = OPENERS[opener];
      if (close !== undefined) {
        const end = matchingClose(text, contentStart, line.to);
        // X說：「… ¶ 「…」: a quotation running over paragraphs, each opening with the mark
        // again and the last closing it, is one quote; one the paragraph leaves open with no
        // paragraph going on with it (a closing mark lost in scraping) runs to its end.
        const over = end === -1 ? closeInLaterParagraph(text, lines, li, opener) : -1;
        if (end === -1 && (over !== -1 || found[k + 1] === undefined)) {
          pushQuote(quotes, text, {
            start: Math.min(speaker.start, cue.at),
            end: over === -1 ? line.to : over + 1,
            speaker,
            kind: 'direct',
            cue: cue.cue.cue,
            cueAt: cue.at,
            contentStart: contentStart + 1,
            contentEnd: over === -1 ? line.to : over,
          });
          return;
        }
        // 他指出「一帶一路」是…: a quotation that the sentence goes on after is part of it,
        // also after a comma (他強調，「絕對沒有」，所有開發案仍需…), unless only the next
        // speaker's clause follows (「…」，他說，…). A quotation that is a whole sentence
        // (「…。」王大明說) is whole whatever follows it.
        const goesOn =
          end !== -1 &&
          /[，,]/.test(text.slice(cue.end, contentStart)) &&
          /^[，,]/.test(text.slice(end + 1, end + 2)) &&
          !DOING_TOO.test(text.slice(end + 1, end + 8)) &&
          LETTER.test(text.slice(end + 2, Math.min(nextClause, line.to)));
        const whole =
          end === -1 ||
          (/^(?:$|[。！？，,；」”』\s])/.test(text.slice(end + 1, end + 2)) && !goesOn) ||
          isSentenceMark(text.charCodeAt(end - 1));
        if (end !== -1 && end < nextClause + 1 && whole) {
          pushQuote(quotes, text, {
            start: Math.min(speaker.start, cue.at),
            end: end + 1,
            speaker,
            kind: 'direct',
            cue: cue.cue.cue,
            cueAt: cue.at,
            contentStart: contentStart + 1,
            contentEnd: end,
          });
          return;
        }
      }
      // …需求。「我們希望…」趙鵬林說。: a quotation the next speaker's clause closes is theirs.
      let limit = nextClause;
      const nextFound = found[k + 1];
      // 克里姆林宫欢迎…，但认为…: a cue with no subject of its own, carrying a subject the
      // content named, within the sentence the content opens, goes on with the words quoted:
      // the content runs to that sentence's end. (The speaker's own 并指出… is a quote of its
      // own, which the content stops before.)
      if (
        nextFound !== undefined &&
        nextFound.carried === true &&
        !nextFound.speaker.ids.some((id) => speaker.ids.includes(id)) &&
        nextFound.clause > contentStart &&
        !/[。！？]/.test(text.slice(contentStart, nextFound.clause))
      ) {
        limit = sentenceEndAfter(text, nextFound.cue.end, line, depth);
      }
      // Inside another speaker's sentence that quotes it: no further than that sentence.
      if (nestedUntil > f.clause) limit = Math.min(limit, nestedUntil);
      // The first unnamed source's clause after the content starts (they come in order).
      const u = firstAfter(unnamed, contentStart);
      const later = u !== undefined && u < nextClause ? [u] : [];
      // …。有分析人士認為，…: reported speech ends before a clause of another, unnamed source.
      for (const u of later) limit = Math.min(limit, u);
      // 黃國昌表示，美國在台協會曾說，…: the content opens with another speaker's speech, which
      // is the first speaker's words too (GUIDELINES: a nested quote counts for both), to the
      // end of that sentence.
      if (nextFound !== undefined && nextFound.clause <= contentStart && later.length === 0) {
        limit = sentenceEndAfter(text, nextFound.cue.end, line, depth);
        nestedUntil = limit;
      }
      const closers = [...(nextFound === undefined ? [] : [nextFound.clause]), ...later];
      for (const clause of closers) {
        const theirs = contentBefore(text, clause, line.from, depth);
        // …指，條例參考了海外做法，「外國都有…？」他認為，…: a quotation the words go on
        // with after a comma, before a speaker who has words of their own after their cue,
        // is still these words.
        if (
          theirs?.direct === true &&
          nextFound !== undefined &&
          clause === nextFound.clause &&
          !nextFound.after &&
          goesOnWith(text, cue.end, theirs.start)
        )
          continue;
        if (theirs?.direct === true && theirs.end === clause && theirs.start > contentStart) {
          limit = Math.min(limit, theirs.start);
        }
      }
      // …。民進黨團則批評…, …。民眾黨發表聲明…: a later sentence that opens on another named
      // actor doing something of their own ends the reported speech; so does the speaker
      // named again with what the reporter tells they did (…。林海還呼籲…).
      limit = Math.min(limit, actorTurn(text, refs, contentStart, limit, speaker));
      // …。其他居民聽說此事後，也表示擔心: people no name covers speaking or taking a stance
      // in a sentence of their own are another source, not more of these words.
      limit = Math.min(limit, peopleTurn(text, contentStart, limit, edges));
      // …。据了解，…, …。记者看到，…, …。中方对此有何评论？: the reporter's own voice again.
      limit = Math.min(limit, reporterTurn(text, contentStart, limit));
      // …。会议要求，…, …。林国栋要求，…: the same source opening a sentence of its own with
      // a demand (no quote cue, GUIDELINES §3) is a new statement, not more of these words.
      const demand = DEMAND_TURN.exec(text.slice(contentStart, limit));
      if (demand !== null) {
        const opener = text.slice(
          contentStart + demand.index + 1,
          contentStart + demand.index + 1 + 12,
        );
        const named =
          opener.startsWith(text.slice(speaker.start, speaker.end)) ||
          /^(?:会议|声明|公报|社评|社论|报告|文章)/.test(opener);
        if (named) limit = Math.min(limit, contentStart + demand.index + 1);
      }
      // …，并呼吁当局…: what the speaker went on to ask for, told by the reporter, with no mark
      // bringing in words of their own (GUIDELINES §3), ends what they said.
      const asked = text.slice(contentStart, limit).search(AND_ASKED);
      let contentEnd = limit < line.to ? sentenceEndBefore(text, limit, contentStart) : line.to;
      // X一再声称维护航行自由，实际上是…: what a claim is said to be, told after it (实际上,
      // 事实上, 其实), is the teller's own voice again, not the claim.
      if (CLAIMS.has(cue.cue.cue)) {
        const rebuttal = text.slice(contentStart, contentEnd).search(REBUTTAL);
        if (rebuttal > 0) contentEnd = contentStart + rebuttal;
      }
      // (Unless too little is left before it to quote: 表示，对判刑感到遗憾，并呼吁… is one
      // statement, the appeal in it.)
      if (asked > 0 && letterCount(text, contentStart, contentStart + asked) >= MIN_CONTENT)
        contentEnd = Math.min(contentEnd, contentStart + asked);
      // A sentence ending inside a quotation (…，「…唔可以有？」他認為): its closing mark too.
      if (
        contentEnd < limit &&
        /[」”』]/.test(text[contentEnd] ?? '') &&
        (depth[contentEnd - line.from] ?? 0) > 0 &&
        contentStart < contentEnd
      )
        contentEnd++;
      while (contentEnd > contentStart && /\s/.test(text[contentEnd - 1] as string)) contentEnd--;
      /** The next paragraph as the speech itself (X表示： ¶ …). */
      const nextParagraph = (start: number, kind: RawQuote['kind']): void => {
        const nextLine = lines[li + 1];
        if (nextLine === undefined || nextLine.dialogue) return;
        // A paragraph that is one quotation: its words inside the marks.
        const close = OPENERS[text[nextLine.from] ?? ''];
        const whole =
          close !== undefined &&
          text[nextLine.to - 1] === close &&
          matchingClose(text, nextLine.from, nextLine.to) === nextLine.to - 1;
        pushQuote(quotes, text, {
          start,
          end: nextLine.to,
          speaker,
          kind,
          cue: cue.cue.cue,
          cueAt: cue.at,
          contentStart: nextLine.from + (whole ? 1 : 0),
          contentEnd: nextLine.to - (whole ? 1 : 0),
        });
      };
      if (
        contentStart >= line.to ||
        (/[：:]$/.test(text.slice(contentStart - 1, contentStart)) && contentEnd === contentStart)
      ) {
        // X表示： at the end of the paragraph: the content is the next paragraph.
        const first = text[lines[li + 1]?.from ?? -1] ?? '';
        nextParagraph(
          Math.min(speaker.start, cue.at),
          OPENERS[first] !== undefined ? 'direct' : 'reported',
        );
        return;
      }
      pushQuote(quotes, text, {
        start: Math.min(speaker.start, cue.at),
        end: contentEnd,
        speaker,
        kind: 'reported',
        cue: cue.cue.cue,
        cueAt: cue.at,
        contentStart,
        contentEnd,
      });
      // 他強調要…： ¶ the block: the paragraph after a cue's content ending in a colon is
      // the speech itself, quoted verbatim.
      if (/[：:]$/.test(text.slice(contentStart, contentEnd)) && contentEnd === line.to) {
        nextParagraph(lines[li + 1]?.from ?? 0, 'direct');
      }
    };
    found.forEach((f, k) => {
      const n = quotes.length;
      emit(f, k);
      // X引述Y指…: the content is Y's, and X's who cites it.
      // An outlet citing someone (新華網引述X指) only reports it: the words are X's alone.
      if (
        f.also !== null &&
        (f.also.type === 'PER' || f.also.type === 'ORG') &&
        !isOutletName(text, f.also)
      )
        for (const q of quotes.slice(n)) quotes.push({ ...q, speaker: f.also });
    });
    // X：「…」 inside a paragraph: a named speaker, a colon and a quotation.
    if (colon)
      for (const q of inlineColonQuotes(text, line, refs, depth, edges)) pushQuote(quotes, text, q);
  }
  return dedupe(quotes).sort((a, b) => a.contentStart - b.contentStart);
}

/** The first of ascending `values` above `at`, by binary search. */
function firstAfter(values: readonly number[], at: number): number | undefined {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((values[mid] as number) > at) hi = mid;
    else lo = mid + 1;
  }
  return values[lo];
}

/** A credit glued to the end of the last paragraph ((编辑：陈美玲)1140610, （记者 王五）):
 * the page's, not the speaker's words. */
const TRAILING_CREDIT =
  /\s*[（(](?:责任编辑|编辑|编译|记者|摄影|撰稿|撰文|翻译|校对|来源|整理)[：:\s][^（）()]{0,24}[）)][\s\d]*$/;

/** Adds a quote whose content is long enough to be one, without a credit glued after it. */
function pushQuote(quotes: RawQuote[], text: string, q: RawQuote): void {
  const credit = TRAILING_CREDIT.exec(text.slice(q.contentStart, q.contentEnd));
  const quote =
    credit === null
      ? q
      : {
          ...q,
          contentEnd: q.contentStart + credit.index,
          end: Math.min(q.end, q.contentStart + credit.index),
        };
  if (letterCount(text, quote.contentStart, quote.contentEnd) < MIN_CONTENT) return;
  // 「…好處，」他說, …合作，「…」陳美玲補充說。: words an attribution or another's quotation
  // cuts at a comma end without it (and so does a quote that ends where its words do).
  let contentEnd = quote.contentEnd;
  while (contentEnd > quote.contentStart && /[，,、\s]/.test(text[contentEnd - 1] as string))
    contentEnd--;
  if (contentEnd === quote.contentEnd) quotes.push(quote);
  else
    quotes.push({
      ...quote,
      contentEnd,
      end: quote.end === quote.contentEnd ? contentEnd : quote.end,
    });
}

/** Letters and digits in `[from, to)` (很榮幸再到北京。 is seven), counted up to MIN_CONTENT. */
function letterCount(text: string, from: number, to: number): number {
  let letters = 0;
  for (let i = from; i < to && letters < MIN_CONTENT; i++) {
    if (LETTER.test(text[i] as string)) letters++;
  }
  return letters;
}

/** A letter or a digit of any script. */
const LETTER = /[\p{L}\p{N}]/u;

/** Whether a line holds a colon (X：「…」 can quote without a cue word). */
function hasColon(text: string, line: Line): boolean {
  for (let i = line.from; i < line.to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xff1a || c === 0x3a) return true;
  }
  return false;
}

/** Cues of warning that take an addressee before what is said (提醒市民，…). */
const ADDRESSED_CUES = new Set(['提醒', '警告', '寄语', '告诉', '忠告']);

/**
 * Where the addressee right after a cue ends, when a comma or colon follows it, or the
 * sentence's end (「…」林国栋告诉记者。: the words before are theirs): two to eight units of
 * nouns and pronouns (市民, 广大市民, 外界, 美方, 年轻人, 大家, 记者), no verb; else -1.
 */
function addresseeEnd(text: string, from: number, edges: WordEdges): number {
  if (edges.isEmpty()) return -1;
  let i = from;
  while (i < from + 8 && i < text.length && !/[，,：:。！？\n]/.test(text[i] as string)) {
    const w = edges.wordAt(i);
    if (w === undefined || !/^(?:n|nr|ns|nt|nz|r|j|eng|x)/.test(w.pos)) return -1;
    i = w.end;
  }
  return i - from >= 2 && /^(?:[，,：:。！？\n]|$)/.test(text[i] ?? '') ? i : -1;
}

/** One quote per content start: a colon block found twice is kept once. */
function dedupe(quotes: RawQuote[]): RawQuote[] {
  const seen = new Set<string>();
  return quotes.filter((q) => {
    const key = `${q.contentStart}:${q.speaker?.ids.join('+') ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The last person named between `from` and `to` as the subject of a clause. */
function subjectSince(
  text: string,
  refs: readonly Ref[],
  from: number,
  to: number,
  edges: WordEdges,
): Ref | null {
  let found: Ref | null = null;
  for (let k = firstAtOrAfter(refs, from); k < refs.length; k++) {
    const r = refs[k] as Ref;
    if (r.end > to) break;
    if (r.type !== 'PER' || r.kind !== 'name') continue;
    // A credit in brackets ((馮健文攝), (記者 王五)) names who took the picture or wrote the
    // story: never whom a later 他 refers to.
    if (CREDIT_AFTER.test(text.slice(r.end, r.end + 4))) continue;
    let clause = clauseStartOf(text, r.start, from);
    // Nor is a reporter in the dateline that opens the clause ((中央社记者林国栋台北3日电)
    // 议员张志强…): the clause starts after it.
    const dateline = datelineEnd(text, clause, r.start + 40);
    if (r.start < dateline) continue;
    clause = dateline;
    const s = clauseSubject(text, clause, r.end, refs, { edges });
    if (s.kind === 'one' && s.carried !== true && s.ref === r) found = r;
  }
  return found;
}

/** Titles of a person who speaks for the organisation named before them (外交部发言人). */
const SPOKESPERSON = /^的?(?:新闻)?(?:发言人|负责人|官员)/;

/**
 * Whether an organisation spoke through a person its page does not name (外交部发言人表示,
 * the quote is the ministry's, GUIDELINES §2): then 他 or 她 right after can only be that
 * person, and the quote is the organisation's again.
 */
function speaksThroughPerson(text: string, speaker: Ref): boolean {
  return speaker.type === 'ORG' && SPOKESPERSON.test(text.slice(speaker.end, speaker.end + 6));
}

/** Whether a person or an organisation is named between `from` and `to`. */
function namesSomeone(refs: readonly Ref[], from: number, to: number): boolean {
  for (let k = firstAtOrAfter(refs, from); k < refs.length; k++) {
    const r = refs[k] as Ref;
    if (r.end > to) return false;
    if (r.kind !== 'pronoun') return true;
  }
  return false;
}

/** A sentence opening on a name or a document and a demand with a mark after it (。会议要求，
 * 。林国栋还要求：); group-free, the match starts at the sentence mark. */
const DEMAND_TURN = /[。！？](?=[^，。；：！？「」“”]{1,12}?(?:还|也|同时|并|进一步)?要求[，,：:])/;

/** Cues of a claim the teller doubts (声称, 宣称): the teller often says next what it is. */
const CLAIMS = new Set(['声称', '宣称', '坚称']);
/** A clause after a claim saying what it really is: ，实际上…, ，事实上…, ，其实…, ，实则…. */
const REBUTTAL = /[，,](?=(?:但|而)?(?:实际上|事实上|其实|实则))/;

/** Verbs of citing someone (该报援引X的话说). */
const CITING = /(?:引述|援引|引用|转述|转引)/;

/**
 * The one a clause in `[from, to)` cites, right before the cue at `to`: the last person or
 * body named after a verb of citing, with nothing but a spokesperson's title and 的话 after it
 * (援引外长林国栋的话, 引述外交部发言人的话); null when it cites no one named.
 */
function citedIn(text: string, refs: readonly Ref[], from: number, to: number): Ref | null {
  const c = citation(text, refs, from, to);
  return c !== null &&
    /^(?:(?:新闻)?发言人|负责人)?(?:的话|之言)?\s*$/.test(text.slice(c.cited.end, to))
    ? c.cited
    : null;
}

/**
 * A verb of citing in `[from, to)` and the names around it: the last person or body named
 * after it (the one cited) and before it (who may be the one citing); null with no verb or
 * no one named after it.
 */
function citation(
  text: string,
  refs: readonly Ref[],
  from: number,
  to: number,
): { cited: Ref; before: Ref | null; verb: number } | null {
  const m = CITING.exec(text.slice(from, to));
  if (m === null) return null;
  const verb = from + m.index;
  let cited: Ref | null = null;
  let before: Ref | null = null;
  for (let k = firstAtOrAfter(refs, from); k < refs.length; k++) {
    const r = refs[k] as Ref;
    if (r.end > to) break;
    if (r.kind === 'pronoun' || (r.type !== 'PER' && r.type !== 'ORG')) continue;
    if (r.end <= verb) before = r;
    else if (r.start >= verb + m[0].length) cited = r;
  }
  return cited === null ? null : { cited, before, verb };
}

/** A clause citing someone's words: a verb of citing, the one cited and what they said
 * (引述外長林國棟的言論, 援引X的講話). */
const CITED_WORDS = /^(?:的)?(?:言论|讲话|谈话|话|表态|说法|发言|声明|文章|评论)$/;

/**
 * The clause `[from, to)` when it cites someone's words (声明引述外长林国栋的言论): the one
 * cited (a person or body named after the verb of citing, then only 的言论 or the like), and
 * the one citing when the clause names them before the verb (null when it does not: a
 * statement, 该报); null when the clause is no such citing.
 */
function citingClause(
  text: string,
  refs: readonly Ref[],
  from: number,
  to: number,
): { cited: Ref; by: Ref | null; from: number; verb: number } | null {
  const c = citation(text, refs, from, to);
  if (c === null || !CITED_WORDS.test(text.slice(c.cited.end, to).trim())) return null;
  const { cited, verb } = c;
  let by = c.before;
  // The one citing: a name opening the clause, with nothing but when between it and the verb.
  if (
    by !== null &&
    !/^[\s\d一二三四五六七八九十日月年今昨周週前后早晚上下午间]*(?:再|又|也|亦|还|并)?$/.test(
      text.slice(by.end, verb),
    )
  )
    by = null;
  return { cited, by, from, verb };
}

/** Whether a body is a news outlet (its name ends as outlets' do: 社, 报, 网, 电视台, 电台):
 * an outlet citing someone only reports their words. */
function isOutletName(text: string, r: Ref): boolean {
  return (
    r.type === 'ORG' &&
    /(?:社|报|网|台|电视|新闻|媒体|频道|杂志|周刊|时报|日报)$/.test(text.slice(r.start, r.end))
  );
}

/** Doing something together, before a verb of speech: 共同会见记者时表示, 一同表示. */
const JOINTLY = /(?:共同|一同|一起|联袂|联合)(?:会见|出席|举行|召开|接受|表示|发表|宣布|对)/;

/** Whether the clause between `speaker` and a cue at `at` says they speak jointly with another
 * person it names (林国栋与陈美玲会谈后共同会见记者时表示). */
function jointly(text: string, refs: readonly Ref[], speaker: Ref, at: number): boolean {
  if (!JOINTLY.test(text.slice(speaker.end, at))) return false;
  return refs.some(
    (r) =>
      r.type === 'PER' &&
      r.kind !== 'pronoun' &&
      r.start >= speaker.end &&
      r.end <= at &&
      !r.ids.some((id) => speaker.ids.includes(id)),
  );
}

/** Whether a clause with no subject continues the statement before it: nothing, adverbs or
 * time words before the cue (並表示, 他還說 is a pronoun and has a subject). */
function continues(lead: string): boolean {
  return /^(?:并|并且|还|又|也|亦|同时|此外|另外|而|则|更|再|最后|随后|接着|今天|今日|昨天|昨日|当天|日前|稍后|只|仅|只是|但|但是|不过)*(?:[^，。]{0,12}(?:时|上|中|后))?(?:向[^，。]{1,12})?$/.test(
    lead,
  );
}

/** Every cue in a line outside quotation marks, where the segmenter cuts it as a word. */
function cuesIn(text: string, line: Line, edges: WordEdges, nameEnds: ReadonlySet<number>): Cue[] {
  const out: Cue[] = [];
  // Searched in the line alone: a search of the whole text from the line would run on to
  // the next cue anywhere, for every line that has none.
  const seg = text.slice(line.from, line.to);
  CUE_PATTERN.lastIndex = 0;
  for (let m = CUE_PATTERN.exec(seg); m !== null; m = CUE_PATTERN.exec(seg)) {
    const at = line.from + m.index;
    const end = at + m[0].length;
    const glued =
      (at > line.from && GLUED.test(text[at - 1] as string) && edges.startsAt(at - 1)) ||
      // 强调指出, 明确指出, 一再强调: a manner or another cue the segmenter keeps as one word
      // with the cue.
      (at - 2 >= line.from &&
        edges.wordAt(at - 2)?.end === end &&
        MANNER_GLUED.test(text.slice(at - 2, at)));
    const inUnknown = edges.unknownAt(at) && edges.unknownAt(end - 1);
    // 陈立明说：“…”: the segmenter may read the name's last character and the cue as one
    // word (明说); a cue that a colon follows announces what is said, and a cue right after
    // a name the entity finder read starts where the name ends, whatever the words.
    const announced = /^[：:]/.test(text.slice(end, end + 1)) || nameEnds.has(at);
    if (
      !(edges.endsAt(end) || inUnknown) ||
      !(edges.startsAt(at) || glued || inUnknown || announced)
    )
      continue;
    out.push({ at, end, cue: CUE_BY_WORD.get(m[0]) as QuoteCue });
  }
  return out;
}

/** Nesting depth of quotation marks at each unit of a line (0 outside any). */
export function quoteDepth(text: string, from: number, to: number): Uint8Array {
  const depth = new Uint8Array(to - from + 1);
  let d = 0;
  for (let i = from; i < to; i++) {
    const c = text[i] as string;
    if (c === '「' || c === '“' || c === '『') d = Math.min(d + 1, 250);
    depth[i - from] = d;
    if ((c === '」' || c === '”' || c === '』') && d > 0) d--;
  }
  return depth;
}

/** 。！？ that end a sentence outside quotation marks. */
function isSentenceEnd(text: string, i: number, depth: Uint8Array, from: number): boolean {
  return isSentenceMark(text.charCodeAt(i)) && depth[i - from] === 0;
}

/** Paragraphs a quotation may run over (each opening with its mark again). */
const MAX_QUOTED_PARAGRAPHS = 12;

/**
 * Where a quotation opened in paragraph `li` and left open there closes: in the first later
 * paragraph that opens with the same mark again and closes it, each paragraph between
 * opening with the mark and leaving it open, as print runs a quotation over paragraphs.
 * -1 when the paragraphs after do not go on so.
 */
function closeInLaterParagraph(
  text: string,
  lines: readonly Line[],
  li: number,
  opener: string,
): number {
  for (let j = li + 1; j < lines.length && j <= li + MAX_QUOTED_PARAGRAPHS; j++) {
    const next = lines[j] as Line;
    if (next.dialogue) return -1;
    if (text[next.from] !== opener) {
      // A paragraph that lost its opening mark in scraping, closing the quotation at its end
      // with no other mark of it inside: still the quotation.
      const close = OPENERS[opener] as string;
      const body = text.slice(next.from, next.to).trimEnd();
      return !body.includes(opener) &&
        body.endsWith(close) &&
        body.indexOf(close) === body.length - 1
        ? next.from + body.length - 1
        : -1;
    }
    const end = matchingClose(text, next.from, next.to);
    if (end !== -1) return end;
  }
  return -1;
}

/** The index of the mark closing the quotation opened at `open`, or -1. */
function matchingClose(text: string, open: number, limit: number): number {
  const o = text[open] as string;
  const c = OPENERS[o] as string;
  let d = 0;
  for (let i = open; i < limit; i++) {
    if (text[i] === o) d++;
    else if (text[i] === c && --d === 0) return i;
  }
  return -1;
}

/** For 「…」X說。 / …，他說。: the quotation or the clauses right before the speaker's clause. */
function contentBefore(
  text: string,
  clause: number,
  floor: number,
  depth: Uint8Array,
): { start: number; end: number; direct: boolean } | null {
  let end = clause;
  while (end > floor && /[，,\s]/.test(text[end - 1] as string)) end--;
  if (end <= floor) return null;
  const c = text[end - 1] as string;
  if (c === '」' || c === '”') {
    const o = c === '」' ? '「' : '“';
    let d = 0;
    for (let i = end - 1; i >= floor; i--) {
      if (text[i] === c) d++;
      else if (text[i] === o && --d === 0) return { start: i, end, direct: true };
    }
    return null;
  }
  if (text[end] !== '，' && text[end] !== ',') return null;
  let start = end - 1;
  while (start > floor && !isSentenceEnd(text, start - 1, depth, floor)) start--;
  return { start, end, direct: false };
}

/**
 * Whether reported words after a cue ending at `from` run on, within their sentence, into
 * the quotation opening at `open`: words of their own, then a comma right before the mark
 * (指，條例參考了海外做法，「外國都有…」).
 */
function goesOnWith(text: string, from: number, open: number): boolean {
  const between = text.slice(from, open).replace(/^[，,：:\s]+/, '');
  return (
    between.length >= 2 && /[，,]\s*$/.test(between) && !/[。！？!?\n「」“”『』]/.test(between)
  );
}

/** 普京：「很高興見到您。」 — the speaker is the name before the colon. */
function dialogueQuote(text: string, line: Line, refs: readonly Ref[]): RawQuote | null {
  const colon = text.slice(line.from, line.to).search(/[：:]/);
  if (colon === -1) return null;
  const at = line.from + colon;
  const speaker =
    refs.find(
      (r) => r.start >= line.from && r.end <= at && (r.type === 'PER' || r.type === 'ORG'),
    ) ?? null;
  // A line whose speaker names no one (哥哥：, 問：) is no one's quote (GUIDELINES §3).
  if (speaker === null) return null;
  let start = at + 1;
  let end = line.to;
  while (start < end && /\s/.test(text[start] as string)) start++;
  if (text[start] === '「' || text[start] === '“') start++;
  if (text[end - 1] === '」' || text[end - 1] === '”') end--;
  return {
    start: line.from,
    end: line.to,
    speaker,
    kind: 'direct',
    cue: '：',
    cueAt: at,
    contentStart: start,
    contentEnd: end,
  };
}

/** X：「…」 inside a paragraph, X a person or an organisation named right before the colon. */
function inlineColonQuotes(
  text: string,
  line: Line,
  refs: readonly Ref[],
  depth: Uint8Array,
  edges: WordEdges,
): RawQuote[] {
  const out: RawQuote[] = [];
  for (let i = line.from + 1; i < line.to - 1; i++) {
    const c = text.charCodeAt(i);
    if ((c !== 0xff1a && c !== 0x3a) || depth[i - line.from] !== 0) continue;
    if (OPENERS[text[i + 1] as string] === undefined) continue;
    let speaker = refs.find((r) => r.end === i && (r.type === 'PER' || r.type === 'ORG'));
    if (speaker === undefined) continue;
    // 陳美玲反駁林小文：「…」: the name before the colon is the object of the clause's verb;
    // its subject speaks.
    const sentence = sentenceEndBefore(text, i, line.from);
    const subject = clauseSubject(text, sentence === i ? line.from : sentence, i, refs, {
      edges,
    });
    if (
      subject.kind === 'one' &&
      subject.carried !== true &&
      subject.ref.end <= speaker.start &&
      (subject.ref.type === 'PER' || subject.ref.type === 'ORG') &&
      /^[^，,。；：:「」“”]*?(?:反驳|回应|回击|批评|痛批|抨击|斥责|质问|反问|追问|问|告诉|提醒|警告)/.test(
        text.slice(subject.ref.end, speaker.start),
      )
    )
      speaker = subject.ref;
    const end = matchingClose(text, i + 1, line.to);
    if (end === -1) continue;
    out.push({
      start: speaker.start,
      end: end + 1,
      speaker,
      kind: 'direct',
      cue: '：',
      cueAt: i,
      contentStart: i + 2,
      contentEnd: end,
    });
  }
  return out;
}

/**
 * Where, in `[from, to)`, the first sentence starts that opens on a name other than the
 * speaker's followed by 则, a verb of issuing or one of telling ({@link TURN}: 民进党团则批评,
 * 民众党发表声明, 局长介绍): `to` when none.
 */
function actorTurn(
  text: string,
  refs: readonly Ref[],
  from: number,
  to: number,
  speaker: Ref,
): number {
  for (let k = firstAtOrAfter(refs, from); k < refs.length; k++) {
    const r = refs[k] as Ref;
    if (r.start >= to) break;
    if (r.kind === 'pronoun' || r.start === 0) continue;
    // The name opens its sentence, after office titles at most (局长王海平介绍), or after a
    // place or body and the office it gives (挪威常驻联合国代表林国栋批评…).
    let open = r.start;
    while (open > from && !/[。！？\n]/.test(text[open - 1] as string) && r.start - open < 20)
      open--;
    if (!/[。！？]/.test(text[open - 1] ?? '')) continue;
    // 不过，法国总统X则支持…: a word turning from what was said opens the sentence first.
    open += TURNING_OPEN.exec(text.slice(open, r.start))?.[0].length ?? 0;
    const titled = skipOffices(text, open) === r.start;
    if (!titled && !(r.type === 'PER' && officeOfOpener(text, refs, open, r.start))) continue;
    const after = text.slice(r.end, r.end + 8);
    if (r.ids.some((id) => speaker.ids.includes(id))) {
      // …。林海還呼籲…: the speaker named again, the reporter telling what they did.
      if ((r.type === 'PER' || r.type === 'ORG') && r.kind === 'name' && STANCE_TOLD.test(after))
        return r.start;
      continue;
    }
    // A person of their own doing what the reporter tells: 林国栋批评邻国…, with no mark
    // bringing in words of theirs.
    if (TURN.test(after) || (r.type === 'PER' && r.kind === 'name' && STANCE_TOLD.test(after)))
      return r.start;
    // 巴方重申…。中方支持…: where a state speaks as itself (a joint statement's sides), another
    // state opening a sentence with a stance of its own speaks in its own turn.
    if (speaker.type === 'LOC' && r.type === 'LOC' && r.start === open && STANCE_TOLD.test(after))
      return r.start;
  }
  return to;
}

/** A verb of speech or of stance (of two units or more), or one of telling that brings in
 * no quote of its own (GUIDELINES §3) but says who is talking: 反映, 透露, 抱怨. */
const ANY_CUE = new RegExp(
  `${QUOTE_CUE_ALTERNATION}|${STANCE_CUE_LIST.filter((c) => c.cue.length > 1)
    .map((c) => c.cue)
    .join('|')}|反映|透露|抱怨|投诉|质疑|介绍|解释`,
);

/**
 * Where, in `[from, to)`, the first sentence starts that opens (after a word that turns) on
 * people no name covers and holds a verb of speech or stance (…。其他居民也表示擔心,
 * …。不過，一些家長反映…): `to` when none.
 */
function peopleTurn(text: string, from: number, to: number, edges: WordEdges): number {
  for (let i = from; i < to - 1; i++) {
    if (!'。！？'.includes(text[i] as string)) continue;
    const start = i + 1;
    let end = start;
    while (end < to && !'。！？'.includes(text[end] as string)) end++;
    const open = start + (TURNING_OPEN.exec(text.slice(start, end))?.[0].length ?? 0);
    if (opensOnPeople(text, open, end, edges) && ANY_CUE.test(text.slice(open, end))) return start;
  }
  return to;
}

/** A word that turns from what was said before, opening a sentence (不过，, 另一方面，). */
const TURNING_OPEN = /^(?:不过|但是|但|然而|而|同时|此外|另外|另一方面|与此同时)[，,]?/;

/** A stance verb that takes its object with no mark between: the reporter telling what a
 * person did (林国栋批评邻国拖延谈判), not words of theirs. */
const STANCE_TOLD = new RegExp(
  `^(?:[^，。；：]{0,4}?)(?:${STANCE_CUE_LIST.filter((c) => c.cue.length > 1 && c.cue !== '希望')
    .map((c) => c.cue)
    .sort((a, b) => b.length - a.length)
    .join('|')})(?![，,：:「“])`,
);

/** Whether `[open, at)` is a place or body opening its sentence and an office it gives
 * (挪威常驻联合国代表, 欧盟驻华大使): the titles of the person named at `at`. */
function officeOfOpener(text: string, refs: readonly Ref[], open: number, at: number): boolean {
  const first = refs[firstAtOrAfter(refs, open)];
  if (first === undefined || first.start !== open || first.type === 'PER' || first.end >= at)
    return false;
  const between = text.slice(first.end, at);
  if (between.length > 14 || /[，。；：、,「」“”]/.test(between)) return false;
  // 代表, 大使: an envoy's title, which officeAt leaves to context (代表 is a verb too).
  if (ENVOY_BEFORE.test(between)) return true;
  for (let k = 2; k <= between.length; k++) {
    if (officeAt(text, at - k) !== null && skipOffices(text, at - k) === at) return true;
  }
  return false;
}

/** The title of a state's or body's envoy, right before the name. */
const ENVOY_BEFORE = /(?:代表|特使|大使|公使|参赞|领事)$/;

/** Where, in `[from, to)`, the first sentence starts in the reporter's own voice (据了解,
 * 据介绍, 记者看到, 记者了解到): `to` when none. */
function reporterTurn(text: string, from: number, to: number): number {
  // The look-ahead may read a few units past `to`; a sentence end past it does not count.
  const i = text.slice(from, to + 6).search(REPORTER_VOICE);
  // A journalist's question after what they report (…提供更多军事援助。中方对此有何评论？).
  const q = text.slice(from, to + 48).search(ASKS_FOR_COMMENT);
  const first = i < 0 ? q : q < 0 ? i : Math.min(i, q);
  return first >= 0 && from + first + 1 < to ? from + first + 1 : to;
}

/** A comma and the speaker's further asking or criticising, told by the reporter: 并呼吁当局…,
 * 并批评当局… with no mark after the verb (the text is the Simplified view). */
const AND_ASKED =
  /[，,](?=并(?:呼吁|要求|敦促|促请|吁请|批评|谴责|抨击|斥责|狠批|痛批)(?![，,：:「“]))/;

/** A sentence end and a question for comment after it, as a press conference's journalist
 * asks one after stating the news (中方对此有何评论？, 你怎么看？, 中方是否欢迎？). */
const ASKS_FOR_COMMENT =
  /[。！？；](?=[^。！？；]{0,40}(?:(?:有何|有什么|作何)(?:评论|回应|看法|评价|反应|表态)|怎么看|如何看待|能否介绍)[^。！？]{0,8}[？?]|(?:中方|你|您|贵方|贵国|发言人|外交部)(?:对此)?(?:是否|会否|能否|将如何|如何|怎样)[^。！？]{0,20}[？?])/;

/** A sentence end and a sentence in the reporter's own voice after it: one that tells what
 * the two who spoke did together (两人同意…, 两国总理共同见证…: no speaker calls themself and
 * another 两人), or what the speaker did besides (不过，他也对…表示关切: no speaker calls
 * themself 他; 他呼吁市民… with no mark after the verb is their stance told by the reporter),
 * or who attended (外交部长X、主任Y等参加会见: the closing formula of a
 * meeting's report), or what followed the meeting (会谈后，…), or what the words did (这一表态
 * 引发讨论), or an unnamed source brought in (有知情专家质疑…, 也有网民认为…). */
const REPORTER_VOICE =
  /[。！？](?=(?:这一|此一|这番|此番|该|其)(?:表态|言论|说法|讲话|发言|言辞)|此言一出|(?:会谈|会见|会晤|会面|会议|仪式|活动)(?:结束)?(?:后|前)[，,]|两国(?:元首|领导人|总理|总统|外长|部长)|[^。！？；]{2,80}(?:等(?:人)?(?:参加|出席|陪同)|(?:参加|出席|陪同)(?:了)?(?:会见|会谈|会晤))[^。！？；，]{0,8}[。！？]|据(?:介绍|了解|悉|报道|统计|透露|记者)|(?:也|亦|还|另)?有[^。！？，；]{0,6}?(?:专家|学者|人士|官员|网民|网友|议员|媒体|评论员|分析师)|记者(?:了解到|看到|注意到|获悉|发现|从|在|问|追问|询问)|本报记者|(?:两人|二人|两位)(?:还|也|都|均|并|随后|同意|一致|表示|认为|就|在|共同|签署)|(?:不过|但是|但|同时|此外|另外|而)?[，,]?[他她佢](?:也|还|又|则|并|同时|随后|稍后|当天|此前|亦|仲)(?!说|称|表示|指出|强调|认为|提到|重申|话|指)|[他她佢](?:呼吁|敦促|促请|要求|批评|谴责|抨击)(?![，,：:「“]))/;

/** What an actor named at a sentence's start does of their own: 则…, 发表声明, 发布, or
 * speaks by a verb that brings in no quote of theirs (介绍, 宣布, 解释: GUIDELINES §3), or a
 * cue the reporter tells as done (重申了上述立场, 表示了欢迎), or a meeting or a visit told as
 * done (会见了, 出席了), or what it did then or has done for others (随后…, 已为住户安排…). */
const TURN =
  /^(?:[^，。；：]{0,4}?)(?:则|发表|发布|介绍|宣布|解释|说明|补充|质疑|指责|告诉|提醒|警告|随即|随后|已(?:经)?为|(?:重申|表示|强调|指出|表达)了|(?:会见|会晤|会面|接见|出席|抵达|访问|主持|签署)了)/;

/** Just after the end of the sentence of the line in which offset `at` stands. */
function sentenceEndAfter(
  text: string,
  at: number,
  line: { from: number; to: number },
  depth: Uint8Array,
): number {
  let e = at;
  while (e < line.to && !isSentenceEnd(text, e, depth, line.from)) e++;
  return Math.min(line.to, e + 1);
}

/** Where the words a cue ending at `at` brings in end, before `limit`: after the quotation
 * that opens there, else after the first sentence mark outside quotation marks. */
function wordsEnd(text: string, at: number, limit: number): number {
  let depth = 0;
  for (let i = at; i < limit; i++) {
    const c = text[i] as string;
    if (c === '「' || c === '“' || c === '『') depth++;
    else if (c === '」' || c === '”' || c === '』') {
      depth = Math.max(0, depth - 1);
      if (depth === 0 && /^[「“『]/.test(text.slice(at, i).replace(/^[，,：:\s]+/, '')))
        return i + 1;
    } else if (depth === 0 && isSentenceMark(text.charCodeAt(i))) return i + 1;
  }
  return Math.min(at, limit);
}

/** The end of the last sentence before `at` (after its 。), or `at` when there is none. */
function sentenceEndBefore(text: string, at: number, floor: number): number {
  for (let i = at - 1; i > floor; i--) {
    if ('。！？'.includes(text[i] as string)) return i + 1;
  }
  return at;
}

/** A headline that names an outlet's editorial or commentary: 环球时报社评：…, 《南方晨报》社论｜…. */
const EDITORIAL_HEADLINE =
  /^[《]?[^》：:｜|]{2,12}[》]?(?:社评|社论|评论员文章|时评|短评)\s*[：:｜|]/;

/**
 * The outlet whose editorial a headline announces (环球时报社评：挑衅注定失败 → 环球时报), the
 * issuer of its later 社评说 when no sentence of the body says who published it; null when the
 * headline announces none or names no organisation at its start.
 */
export function editorialOf(
  text: string,
  headline: Line | undefined,
  refs: readonly Ref[],
): Ref | null {
  if (headline === undefined) return null;
  const line = text.slice(headline.from, headline.to);
  const m = EDITORIAL_HEADLINE.exec(line);
  if (m === null) return null;
  const open = line.startsWith('《') ? 1 : 0;
  for (let k = firstAtOrAfter(refs, headline.from + open); k < refs.length; k++) {
    const r = refs[k] as Ref;
    if (r.start !== headline.from + open) break;
    if (r.type === 'ORG' && r.end <= headline.from + m[0].length) return r;
  }
  return null;
}

/**
 * Who issued the statement a subjectless 声明说 goes on from: the one subject of the last
 * clause in `[from, to)` that issues one (法國外交部週一發表聲明，…。聲明說 → 法國外交部), or
 * convened the meeting a subjectless 会议指出 reports (中共中央政治局召开会议…。会议指出 → 中共
 * 中央政治局; a meeting named for a body, 国务院常务会议, is the body's). Undefined when no
 * clause there issues or convenes anything; null when one does but has several holders or
 * none we can name (北欧五国外长发表联合声明).
 */
export function issuedBy(
  text: string,
  from: number,
  to: number,
  refs: readonly Ref[],
  edges: WordEdges,
): Ref | null | undefined {
  const by = issuersOf(text, from, to, refs, edges);
  return by === undefined ? undefined : by.length === 1 ? (by[0] as Ref) : null;
}

/**
 * All who issued the statement or convened the meeting (issuedBy): several for a joint
 * statement (中国和智利发表联合声明, 两国发表联合声明 as one group); an empty list when the
 * issuing clause names no one we can name; undefined when no clause issues anything.
 */
export function issuersOf(
  text: string,
  from: number,
  to: number,
  refs: readonly Ref[],
  edges: WordEdges,
  /** Countries and groups of them may issue it (两国发表联合声明): for the holders of a joint
   * statement's stances. */
  places = false,
): Ref[] | undefined {
  let at = -1;
  let convened = '';
  ISSUES.lastIndex = from;
  for (let m = ISSUES.exec(text); m !== null && m.index < to; m = ISSUES.exec(text)) {
    at = m.index;
    convened = /^(?:召开|举行)/.test(m[0]) ? m[0] : '';
  }
  if (at < 0) return undefined;
  // 世界报的社论: the paper whose editorial it is.
  if (text[at] === '的') {
    const k = firstAtOrAfter(refs, at) - 1;
    const paper = refs[k];
    // (《世界报》的社论: the paper's name closed by its mark.)
    const end = text[at - 1] === '》' ? at - 1 : at;
    return paper !== undefined && paper.end === end && paper.type === 'ORG' ? [paper] : [];
  }
  // 主持召开国务院常务会议: a meeting named for a body is the body's.
  if (convened !== '') {
    const end = text.indexOf('会议', at);
    for (let k = firstAtOrAfter(refs, at + convened.length); k < refs.length; k++) {
      const r = refs[k] as Ref;
      if (r.end > end) break;
      if (r.type === 'ORG') return [r];
    }
  }
  let floor = at;
  while (floor > from && !/[。！？\n]/.test(text[floor - 1] as string)) floor--;
  const subject = clauseSubject(text, floor, at, refs, {
    edges,
    ...(places ? { places: true, groups: true } : {}),
  });
  if (subject.kind === 'many') return subject.refs.filter((r) => r.kind !== 'pronoun');
  return subject.kind === 'one' && subject.ref.kind !== 'pronoun' ? [subject.ref] : [];
}
