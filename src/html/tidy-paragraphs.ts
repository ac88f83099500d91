import type { HtmlParagraph } from './collect-paragraphs.ts';
import { findDates } from './normalize-date.ts';

/*
 * Passes over the extracted paragraphs, each small and named: what general extractors keep
 * from Chinese pages but a reader would not call the article.
 */

/** Page controls: 【打印】【关闭窗口】, 字号：大 中 小, 分享到, 上一篇, 返回顶部 … */
const UI_WORDS =
  /^(?:[【[［(（]?\s*(?:打印(?:本(?:页|頁|文|稿))?|关闭(?:窗口)?|關閉(?:視窗|窗口)?|收藏(?:本(?:页|頁|文))?|推荐给朋友|推薦給朋友|分享到|分享|字号|字號|大|中|小|返回(?:顶部|頂部|首页|首頁)|发表评论|發表評論|我要评论|我要評論|纠错|糾錯|举报|舉報|复制链接|複製鏈接|点击(?:进入|進入)?|點擊(?:進入)?|进入(?:论坛|論壇)|更多|订阅|訂閱)\s*[】\]］)）]?[\s:：|｜/]*)+$/;

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

/** The same text for comparison: no spaces or punctuation. */
function bare(text: string): string {
  return text.replace(/[\s\p{P}\p{S}]/gu, '');
}

/**
 * Tidies extracted paragraphs: drops page controls and copyright notices anywhere, the
 * headline repeated as the first paragraph, and the metadata lines between headline and
 * text (read for metadata before they are dropped). Trailing credits (（记者 王五）,
 * 责任编辑：赵六) are part of the article and stay.
 */
export function tidyParagraphs(
  paragraphs: readonly HtmlParagraph[],
  title: string,
): HtmlParagraph[] {
  const kept = paragraphs.filter((p) => !isUiLine(p.text) && !isCopyrightLine(p.text));
  const titleBare = bare(title);
  let start = 0;
  // Leading lines: the headline again, subtitles of the page chrome, the metadata line.
  while (start < kept.length && start < 4) {
    const p = kept[start] as HtmlParagraph;
    const b = bare(p.text);
    const isTitle =
      titleBare !== '' && b !== '' && (b === titleBare || (b.length >= 6 && titleBare.includes(b)));
    if (!isTitle && !isMetaLine(p.text)) break;
    start++;
  }
  return kept.slice(start);
}
