import type { HtmlParagraph } from './collect-paragraphs.ts';
import { findDates } from './normalize-date.ts';

/*
 * Passes over the extracted paragraphs, each small and named: what general extractors keep
 * from Chinese pages but a reader would not call the article.
 */

/** Page controls: 【打印】【关闭窗口】, 字号：大 中 小, 分享到, 上一篇, 返回顶部 … */
const UI_WORDS =
  /^(?:[【[［(（]?\s*(?:打印(?:本(?:页|頁|文|稿))?|上一(?:页|頁|篇)|下一(?:页|頁|篇)|第\s*\d+\s*(?:页|頁)\s*[/／]\s*共\s*\d+\s*(?:页|頁)|<<|>>|关闭(?:窗口)?|關閉(?:視窗|窗口)?|收藏(?:本(?:页|頁|文))?|推荐给朋友|推薦給朋友|分享到|分享|字号|字號|大|中|小|返回(?:顶部|頂部|首页|首頁)|发表评论|發表評論|我要评论|我要評論|纠错|糾錯|举报|舉報|复制链接|複製鏈接|点击(?:进入|進入)?|點擊(?:進入)?|进入(?:论坛|論壇)|更多|订阅|訂閱)\s*[】\]］)）]?[\s:：|｜/]*)+$/;

/** A paragraph that is only page controls. */
export function isUiLine(text: string): boolean {
  return text.length <= 60 && UI_WORDS.test(text);
}

/** Copyright and licence footers: 版权所有, Copyright ©, ICP备, 未经授权不得转载. */
const COPYRIGHT =
  /版权所有|版權所有|copyright|©|ICP备|ICP證|ICP证|未经(?:授权|許可|许可)|未經(?:授權|許可)|不得(?:转载|轉載)|禁止(?:转载|轉載)|All Rights Reserved/i;

/** A short paragraph that is a copyright or licence notice. */
export function isCopyrightLine(text: string): boolean {
  return text.length <= 120 && COPYRIGHT.test(text);
}

/** Labels of the metadata line under a headline: 发布时间, 来源, 作者, 编辑, 浏览次数 … */
const META_LABEL =
  /(?:發佈|发布|發表|发表|更新|刊登|出版)(?:時間|时间|日期|于|於)|時間[:：]|时间[:：]|日期[:：]|來源[:：]|来源[:：]|作者[:：]|編輯[:：]|编辑[:：]|(?:瀏覽|浏览|閱讀|阅读|點擊|点击)(?:次數|次数|量|数|數)?[:：]/;

/**
 * A metadata line of the header: short, no full stop, and holding a label or a date
 * (2021-06-29 08:15 来源：新华网 作者：王五).
 */
export function isMetaLine(text: string): boolean {
  if (text.length > 100 || /[。！？]/.test(text)) return false;
  return META_LABEL.test(text) || findDates(text).some((d) => d.parts.hour !== undefined);
}

/** The heading of a notice that closes a page: 版权声明, 免責聲明, 反侵权公告：. */
const NOTICE_HEADING =
  /^[【[［]?\s*(?:版权|版權|免责|免責|反侵权|反侵權|侵权|侵權|法律|转载|轉載)(?:声明|聲明|公告|说明|說明|须知|須知)\s*[】\]］]?\s*[:：]?$/;

/** Whether a paragraph heads a legal notice (and everything from it on is not the article). */
export function isNoticeHeading(text: string): boolean {
  return NOTICE_HEADING.test(text);
}

/** A paragraph this link-heavy is a link, not prose. */
const LINK_PARAGRAPH = 0.6;

/**
 * Drops the runs of link paragraphs that open or close the extracted text: related-story
 * lists and section menus that share the article's container. A link inside the body, with
 * prose on both sides, stays.
 */
function trimLinkRuns(paragraphs: readonly HtmlParagraph[]): HtmlParagraph[] {
  const isLink = (p: HtmlParagraph) => (p.linkShare ?? 0) >= LINK_PARAGRAPH;
  let start = 0;
  let end = paragraphs.length;
  while (start < end && isLink(paragraphs[start] as HtmlParagraph)) start++;
  // A closing run counts only with its short non-link separators (- , 性福) among the links.
  let cut = end;
  for (let i = end - 1; i >= start; i--) {
    const p = paragraphs[i] as HtmlParagraph;
    if (isLink(p)) cut = i;
    else if (p.text.length > 12) break;
  }
  end = cut;
  return paragraphs.slice(start, end);
}

/** The same text for comparison: no spaces or punctuation. */
function bare(text: string): string {
  return text.replace(/[\s\p{P}\p{S}]/gu, '');
}

/**
 * Tidies extracted paragraphs: drops a closing legal notice (反侵权公告： and what follows),
 * page controls and copyright lines anywhere, runs of links at either end, the headline
 * repeated as the first paragraph, and the metadata lines between headline and
 * text (read for metadata before they are dropped). Trailing credits (（记者 王五）,
 * 责任编辑：赵六) and the story's own source line (來源：中央社) are part of the article and
 * stay.
 */
export function tidyParagraphs(
  paragraphs: readonly HtmlParagraph[],
  title: string,
): HtmlParagraph[] {
  const noticeAt = paragraphs.findIndex(
    (p, i) => i >= paragraphs.length / 2 && isNoticeHeading(p.text),
  );
  const beforeNotice = noticeAt < 0 ? paragraphs : paragraphs.slice(0, noticeAt);
  const kept = beforeNotice.filter((p) => !isUiLine(p.text) && !isCopyrightLine(p.text));
  // Links first (a section link may open the text above the headline), then the header,
  // then links again (a promotion box may sit right under the header).
  return trimDatedList(trimLinkRuns(dropHeader(trimLinkRuns(kept), title)));
}

/** Labels a site puts before a repeated headline: 原创, 独家, 置顶. */
const TITLE_TAG = /^(?:原创|原創|独家|獨家|置顶|置頂|转载|轉載|推荐|推薦)/;

/**
 * A line that is the story's own source line and nothing else: 來源：中央社, （來源：明報）,
 * 資料來源：政府統計處. A site's metadata line also holds a date or other labels
 * (2021-06-29 08:15 来源：新华网 作者：王五).
 */
const OWN_SOURCE_LINE =
  /^[（(【[［]?\s*(?:資料|资料|新聞|新闻|消息|文章|本文|稿件)?(?:來源|来源|稿源)\s*[:：]\s*[^\s:：]{1,30}?\s*[）)】\]］]?$/;

/**
 * Drops the leading lines that repeat the headline or hold its metadata (at most four). A
 * source line of the story's own (來源：中央社 under the headline) is kept: it is part of
 * the story, and the reader shows it.
 */
function dropHeader(paragraphs: readonly HtmlParagraph[], title: string): HtmlParagraph[] {
  const titleBare = bare(title);
  const kept: HtmlParagraph[] = [];
  let start = 0;
  while (start < paragraphs.length && start < 4) {
    const p = paragraphs[start] as HtmlParagraph;
    const b = bare(p.text).replace(TITLE_TAG, '');
    const isTitle =
      titleBare !== '' && b !== '' && (b === titleBare || (b.length >= 6 && titleBare.includes(b)));
    if (!isTitle && !isMetaLine(p.text)) break;
    if (!isTitle && OWN_SOURCE_LINE.test(p.text.trim())) kept.push(p);
    start++;
  }
  return [...kept, ...paragraphs.slice(start)];
}

/** A line that is a date and nothing else: 2019-09-09, 2019年9月9日 10:20. */
function isBareDate(text: string): boolean {
  const found = findDates(text)[0];
  if (found === undefined) return false;
  const rest = text.slice(0, found.index) + text.slice(found.index + found.length);
  return bare(rest).length <= 2;
}

/**
 * Drops a closing list of other stories, each a short title line followed by a line that is
 * only its date (美国农民警告白宫… ⏎ 2019-09-09), when at least two such pairs close the text.
 */
export function trimDatedList(paragraphs: readonly HtmlParagraph[]): HtmlParagraph[] {
  let end = paragraphs.length;
  let pairs = 0;
  while (end >= 2) {
    const date = paragraphs[end - 1] as HtmlParagraph;
    const item = paragraphs[end - 2] as HtmlParagraph;
    if (!isBareDate(date.text) || item.text.length > 60 || /[。！？]/.test(item.text)) break;
    end -= 2;
    pairs++;
  }
  return pairs >= 2 ? paragraphs.slice(0, end) : [...paragraphs];
}
