import type { Credit, CreditRole } from '../tree/types.ts';

/**
 * Chinese credit lines → people with roles: 记者 王建宏 张文攀 → two reporters; 责任编辑：孙桂芳
 * → an editor; 作者：茉莉 → an author; ●香港文匯報記者 葛沖 北京報道 → reporter 葛沖. Both
 * scripts. Only names the pattern is sure of are taken: a run too long to be a name with no
 * space to cut it at is left out rather than guessed.
 */

/** A role label and what follows it up to the end of the credit. */
interface RolePattern {
  role: CreditRole;
  label: RegExp;
}

// Longer labels first, so 责任编辑 is not read as 编辑 and 特约记者 not as 记者.
const ROLE_PATTERNS: readonly RolePattern[] = [
  { role: 'editor', label: /(?:責任編輯|责任编辑|責編|责编|編輯|编辑)\s*[:：]?/g },
  {
    role: 'reporter',
    label: /(?:特約記者|特约记者|實習記者|实习记者|見習記者|见习记者|記者|记者)\s*[:：]?/g,
  },
  { role: 'correspondent', label: /(?:通訊員|通讯员)\s*[:：]?/g },
  { role: 'photographer', label: /(?:攝影|摄影)\s*[:：]|(?:攝影記者|摄影记者)/g },
  { role: 'translator', label: /(?:翻譯|翻译|編譯|编译)\s*[:：]/g },
  { role: 'author', label: /(?:作者|撰文|撰稿|發表者|发表者|文)\s*[:：／/]/g },
];

/** Words that end a run of names: the place and verb of a reporter line, punctuation. */
const RUN_END =
  /[（）()【】[\]|，,。；;！!？?「」“”『』<>《》]|報道|报道|報導|报导|發自|发自|攝$|摄$|電$|电$|專電|专电|來源|来源|時間|时间|日期|發佈|发布|發表|发表|更新|點擊|点击|閱讀|阅读|字號|字号|編輯|编辑|記者|记者|通訊員|通讯员|\d/;

/** One name: 2–4 Han characters (a · allowed for transliterated names), or a Latin handle. */
const NAME = /^(?:[\u3400-\u9fff](?:[\u3400-\u9fff·・]){1,5}|[A-Za-z][\w.&-]{1,30})$/;

/** Han names longer than this are a name and a place run together (葛沖北京), not a name. */
const MAX_HAN_NAME = 4;

/** Words that a credit run can hold but are not names. */
const NOT_NAMES = new Set([
  '本報',
  '本报',
  '本台',
  '本網',
  '本网',
  '综合',
  '綜合',
  '報道',
  '报道',
  '實習生',
  '实习生',
  '未知',
  '佚名',
  '匿名',
  '網友',
  '网友',
  '不詳',
  '不详',
  '责任',
  '責任',
  '指出',
  '关注',
  '關注',
  '订阅',
  '訂閱',
]);

/**
 * What follows 记者 in a sentence rather than in a credit: 记者了解到, 记者从…获悉,
 * 记者们, 记者日前走访. A run opening with one of these holds no name.
 */
const NOT_A_CREDIT =
  /^(?:了解|獲悉|获悉|看到|發現|发现|注意到|採訪|采访|從|从|在|向|對|对|日前|近日|昨天|昨日|今天|今日|走訪|走访|來到|来到|調查|调查|隨機|随机|一行|們|们|會|会|招待|節|节|站|證|证)/;

/**
 * Common Chinese surnames, both scripts: a bare line of two or three characters is taken
 * for a name only when it starts with one (胡平 is a name; 指出, 昨天 are words).
 */
export const SURNAMES: ReadonlySet<string> = new Set(
  [
    '王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何林高罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾肖萧蕭',
    '田董袁潘于蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖贾賈夏韦韋付方白邹鄒孟熊',
    '秦邱江尹薛闫閻段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬钱錢严嚴覃武戴莫孔向汤湯常温溫康施文牛樊葛邢',
    '安齐齊易乔喬伍庞龐颜顏倪庄莊聂聶章鲁魯岳翟殷詹申欧歐耿关關兰蘭焦俞左柳甘祝包宁寧尚符舒阮柯纪紀梅',
    '童凌毕畢单單季裴霍涂成苗谷盛曲翁冉骆駱蓝藍路游辛靳管柴蒙鲍鮑华華喻祁蒲房滕屈饶饒解牟艾尤阳陽时時',
    '穆农農司卓古吉缪繆简簡车車项項连連芦蘆麦麥褚娄婁窦竇戚岑景党党宫宮费費卜冷晏席卫衛米柏宗瞿桂全佟',
    '应應臧闵閔苟邬鄔边邊卞姬师師和仇栾欒隋商刁沙荣榮巫寇桑郎甄丛叢仲虞敖巩鞏明佘池查麻苑迟遲邝鄺风風',
  ].join(''),
);

/** What follows the place of a wire dateline: 29日電, 6月29日电. */
const DATELINE_AFTER = /^(?:\d{1,2}月)?\d{1,2}日(?:專電|专电|電|电)/;

/** The names in the text after a role label, up to where the credit ends. */
function readNames(run: string): string[] {
  if (NOT_A_CREDIT.test(run)) return [];
  const endMatch = RUN_END.exec(run);
  const head = (endMatch === null ? run : run.slice(0, endMatch.index)).slice(0, 40);
  const names: string[] = [];
  const pieces = head.split(/[\s\u3000、，,/／和及與与]+/).filter((p) => p !== '');
  for (const [i, piece] of pieces.entries()) {
    // After a space, a piece ending in a place and 報道 was cut at 報道 already; what is left
    // past the first names (北京) is a place unless it comes before any name.
    // A Latin handle (zboygirl) is a name only as the first piece: 韩保林 PK155 is one name
    // and a staff code.
    const latin = /^[A-Za-z]/.test(piece);
    if (latin && names.length > 0) break;
    if (!NAME.test(piece) || NOT_NAMES.has(piece)) {
      if (names.length > 0) break;
      continue;
    }
    const isHan = /^[\u3400-\u9fff]/.test(piece);
    // A wire dateline runs name and place together before the date: 王小明台北29日電,
    // 张华北京6月29日电. The place is taken to be the last two characters.
    if (
      isHan &&
      i === pieces.length - 1 &&
      endMatch !== null &&
      DATELINE_AFTER.test(run.slice(endMatch.index))
    ) {
      const chars = [...piece];
      if (chars.length >= 4 && chars.length <= 6) {
        names.push(chars.slice(0, -2).join(''));
        break;
      }
    }
    if (isHan && [...piece].length > MAX_HAN_NAME) break;
    // The first name may be a pen name (魑皇); a later piece must start with a surname, or
    // it is a button or word beside the credit (魑皇 关注).
    if (isHan && names.length > 0 && !SURNAMES.has(piece[0] as string)) break;
    // A spaced reporter line ends with the place the story was filed from: 葛沖 北京報道.
    if (
      i === pieces.length - 1 &&
      endMatch !== null &&
      /^(?:報道|报道|報導|报导|發自|发自|電|电)/.test(run.slice(endMatch.index)) &&
      names.length > 0 &&
      isHan &&
      pieces.length > 1
    )
      break;
    names.push(piece);
  }
  return names;
}

/**
 * The credits a line names, in order, without repeats: each role label followed by the
 * names it introduces. A line with no label gives none.
 */
export function readCredits(line: string): Credit[] {
  const found: { index: number; credit: Credit }[] = [];
  const taken: [number, number][] = [];
  for (const { role, label } of ROLE_PATTERNS) {
    label.lastIndex = 0;
    for (let m = label.exec(line); m !== null; m = label.exec(line)) {
      const at = m.index;
      // A shorter label inside a longer one already read (编辑 inside 责任编辑) is skipped.
      if (taken.some(([s, e]) => at >= s && at < e)) continue;
      // 文／X needs 文 to stand alone: 全文：, 原文： are not credits.
      if (
        role === 'author' &&
        m[0].startsWith('文') &&
        at > 0 &&
        /[\u3400-\u9fff]/.test(line[at - 1] as string)
      )
        continue;
      taken.push([at, at + m[0].length]);
      for (const name of readNames(line.slice(at + m[0].length))) {
        found.push({ index: at, credit: { role, name } });
      }
    }
  }
  found.sort((a, b) => a.index - b.index);
  const out: Credit[] = [];
  for (const { credit } of found) {
    if (!out.some((c) => c.role === credit.role && c.name === credit.name)) out.push(credit);
  }
  return out;
}

// 香港文匯報記者 陳卓言, 香港文汇报讯, 聯合報／記者 王小明: the publisher before 訊 or 記者.
const PUBLISHER =
  /^[●■◆]?\s*([^\s（(：:，,●／/]{2,12}?)\s*[／/]?\s*(?:訊|讯|記者|记者|特約記者|特约记者)/;

/** The outlet a byline names as its publisher: 香港文匯報記者 葛沖 → 香港文匯報. */
export function readPublisher(line: string): string | undefined {
  const name = PUBLISHER.exec(line)?.[1];
  if (name === undefined || /^(?:本報|本报|本台|本網|本网|本刊)$/.test(name)) return undefined;
  return name;
}

/** 来源：新华网 / 來源：央視網 → the outlet named as the source. */
const SOURCE_LINE = /(?:來源|来源|稿源|出處|出处)\s*[:：]\s*([^\s　|｜，,。;；)）\]】]{2,20})/;

/** The outlet a 来源： line names, or undefined. */
export function readSourceOutlet(line: string): string | undefined {
  return SOURCE_LINE.exec(line)?.[1];
}
