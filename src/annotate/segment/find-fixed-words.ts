import type { ViewWord } from './types.ts';

/**
 * Expressions that are one word whatever jieba's dictionary says, found by pattern on the
 * segmenting view (Simplified, full-width digits folded). jieba cuts 2000年 into 2000|年
 * and ——  into —|—; the bakeoff standards and readers keep each together.
 */

/** Chinese numerals of a day of the month, 一 to 三十一. */
const DAY = '(?:三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])';

interface Rule {
  name: string;
  tag: string;
  pattern: string;
  /** Characters the match must not follow (checked outside the pattern, which keeps the
   * pattern free of lookbehinds and the scan fast). */
  notAfter?: string;
  /** Characters the match must follow; `\n` also stands for the start of the text. */
  onlyAfter?: string;
}

const NUMERALS = '零〇○一二三四五六七八九十百千万两几第';

const RULES: Rule[] = [
  // 2000年, 12月, 31日, 8时, 30分: a calendar year of four digits, a month, a day, a time
  // (but 10 年 and 30 分钟 are durations, 80 年代 a decade).
  {
    name: 'date-in-digits',
    tag: 't',
    pattern: '[0-9](?:[0-9]{3}年(?![代级度])|[0-9]?(?:[月日时]|分(?!钟)))',
    notAfter: '0123456789.',
  },
  // 90%, 50万, 1万亿, 3.5亿: a number with its percent sign or magnitude (not 500千伏:
  // 千 and 百 only before 万 or 亿).
  {
    name: 'number-with-magnitude',
    tag: 'm',
    pattern: '[0-9]+(?:[.,][0-9]+)*(?:%|[千百]?[万亿]+)',
    notAfter: '0123456789.',
  },
  // 1. at the start of a line: a list number with its point.
  { name: 'list-number', tag: 'm', pattern: '[0-9][0-9]?\\.(?![0-9])', onlyAfter: '\n' },
  // 一九九八年, 二○○一年: a year read digit by digit.
  {
    name: 'year-in-digits',
    tag: 't',
    pattern:
      '[一二三四五六七八九](?:[零〇○一二三四五六七八九]{3}|[零〇○][零〇○一二三四五六七八九]+)年',
  },
  // 八十四年: a two-digit year of an era (Minguo years in Taiwan papers); 五十年代 is a decade.
  {
    name: 'year-of-era',
    tag: 't',
    pattern: '[二三四五六七八九]十[一二三四五六七八九]?年(?![代级度])',
    notAfter: NUMERALS,
  },
  // 八月, 十二月: a month (not 三个月, 七月份, 五月三十天); then 三十一日, 十九号: its day.
  {
    name: 'month',
    tag: 't',
    pattern: '(?:十[一二]|[一二三四五六七八九十])月(?!份|[0-9零〇○一二三四五六七八九十]*[个天])',
    notAfter: `${NUMERALS}个这那每上下本`,
  },
  { name: 'day-after-month', tag: 't', pattern: `${DAY}[日号]`, onlyAfter: '月' },
  // 三．六％, 卅八．八, 三五．○二一: a decimal number written in Chinese numerals.
  {
    name: 'decimal-in-words',
    tag: 'm',
    pattern: '[〇○零一二三四五六七八九十廿卅百千万亿两]+\\.[〇○零一二三四五六七八九]+%?',
  },
  // 百分之五十: a percentage in words.
  { name: 'percent-in-words', tag: 'm', pattern: '百分之[零〇○一二三四五六七八九十百千点.0-9]+' },
  // ——, ……, ──: a run of the same dash or ellipsis mark.
  { name: 'mark-run', tag: 'x', pattern: '(?<mark>[—―─…－-])\\k<mark>+' },
];

/** One alternation, each rule in a named group r0, r1, … so a match says which rule it is. */
const PATTERN = new RegExp(RULES.map((r, i) => `(?<r${i}>${r.pattern})`).join('|'), 'gu');

function ruleOf(m: RegExpExecArray): Rule {
  const groups = m.groups ?? {};
  for (let i = 0; i < RULES.length; i++) if (groups[`r${i}`] !== undefined) return RULES[i] as Rule;
  return RULES[RULES.length - 1] as Rule;
}

/** The fixed words of `text`, in order, never overlapping. */
export function findFixedWords(text: string): ViewWord[] {
  const out: ViewWord[] = [];
  PATTERN.lastIndex = 0;
  for (let m = PATTERN.exec(text); m !== null; m = PATTERN.exec(text)) {
    const rule = ruleOf(m);
    const before = m.index === 0 ? '\n' : (text[m.index - 1] as string);
    if (
      rule.notAfter?.includes(before) ||
      (rule.onlyAfter !== undefined && !rule.onlyAfter.includes(before))
    ) {
      // Not here; a later rule may still match from the next unit on.
      PATTERN.lastIndex = m.index + 1;
      continue;
    }
    out.push({ start: m.index, end: m.index + m[0].length, text: '', pos: rule.tag });
  }
  return out;
}

/**
 * Lays fixed words over jieba's: a fixed word replaces the words it covers, and a word it
 * cuts into keeps its pieces outside (日电 under 1日 leaves 电). Both lists are in order.
 */
export function overlayWords(words: ViewWord[], fixed: ViewWord[]): ViewWord[] {
  if (fixed.length === 0) return words;
  const out: ViewWord[] = [];
  let f = 0;
  for (const w of words) {
    let start = w.start;
    while (f < fixed.length && (fixed[f] as ViewWord).end <= start) f++;
    while (start < w.end) {
      const x = fixed[f];
      if (x === undefined || x.start >= w.end) {
        out.push(start === w.start ? w : { start, end: w.end, text: '', pos: w.pos });
        break;
      }
      if (x.start > start) out.push({ start, end: x.start, text: '', pos: w.pos });
      // Emit the fixed word once, when the first word it touches is reached.
      if (out.length === 0 || (out[out.length - 1] as ViewWord) !== x) out.push(x);
      start = x.end;
      if (x.end <= w.end) f++;
    }
  }
  return out;
}
