/**
 * The line patterns of a Chinese news page, in both scripts. Each is anchored and small;
 * the passes that use them decide with context (what came before, what follows).
 */

/** Marks that open a caption or a boxed byline: ●▲◆■. */
export const MARKER = /^[●▲◆■▼◎]\s*/;

/** A mainland caption: 圖為…, 图为…, 上圖：… */
export const CAPTION_LEAD = /^(?:圖為|图为|上圖|上图|下圖|下图|左圖|左图|右圖|右图|圖：|图：)/;

/** A story's end mark standing alone: （完）. */
export const END_MARK = /^[（(【]完[）)】]$/;

/** A web page's furniture copied with its text, in either script: a breadcrumb (首页 >
 * 新闻中心 > 国际, 当前位置：…), share buttons (分享到：微信 微博), a font-size switch (字号：大
 * 中 小), print and close links ([打印] [关闭窗口]). */
export const FURNITURE =
  /^(?:(?:当前位置|當前位置|您的位置|你的位置|您现在的位置|您現在的位置|现在位置)\s*[：:]|(?:首页|首頁|主页|主頁|网站首页|網站首頁)\s*[>＞»›/／|]|(?:分享到|分享至|转发到|轉發到|分享)\s*[：:]|(?:字号|字號|字体|字體)(?:大小)?\s*[：:]?\s*[【[]?[大小][】\]]?\s*[【[]?中[】\]]?\s*[【[]?[大小]|[【[](?:打印|列印|关闭|關閉|关闭窗口|關閉視窗|返回顶部|返回頂部)[】\]])/;
/** A line of share targets and page actions alone (分享 / Facebook / LINE, 微信 微博 QQ空间). */
export const SHARE_LINE =
  /^(?:(?:分享|分享到|轉寄|转发|Facebook|facebook|LINE|Line|Twitter|WhatsApp|Whatsapp|Telegram|Email|E-mail|微信|微博|朋友圈|QQ空间|QQ空間|複製連結|复制链接|列印|打印|收藏|看更多|更多)[\s|｜/／、·]*)+$/;
/** The labels of related links: 相關新聞, 延伸閱讀, 猜你喜歡 … */
const RELATED_LABEL =
  '[【[]?(?:相关新闻|相關新聞|相关阅读|相關閱讀|延伸阅读|延伸閱讀|推荐阅读|推薦閱讀|热门新闻|熱門新聞|相关报道|相關報導|相關報道|相关文章|相關文章|更多新闻|更多新聞|猜你喜欢|猜你喜歡|热点推荐|熱點推薦)[】\\]]?';
/** The heading of a list of related links (相关新闻, 延伸閱讀): the short titles after it are
 * links, not stories. */
export const RELATED_LINKS = new RegExp(`^${RELATED_LABEL}\\s*[：:]?$`);

/** A related link with its label: 延伸閱讀：港府回應人權報告; the title is group 1. */
export const RELATED_LINK_LINE = new RegExp(`^${RELATED_LABEL}\\s*[：:]\\s*(\\S.*)$`);

/** List bullets: `- `, `* `, `• `, `・`. */
export const BULLET = /^[-*•・]\s+/;

/**
 * A leading dateline: 香港文匯報訊 據新華社報道， / 本報訊（記者 張三）/ 大公報訊.
 * Group 1 is the dateline, group 2 the outlet after 據.
 */
export const DATELINE_HK =
  /^([^\s，。、；：「」,]{0,10}?(?:報|报|社|網|网|台|刊|通訊)[訊讯](?:\s*[（(][^）)\n]{1,24}[）)])?(?:\s*[據据]\s*(\S{2,12}?)(?:報道|报道|報導|报导|消息))?)(?:\s*[，,：:]|\s+|$|(?<=[）)]))/;

/**
 * A leading agency dateline: 新華社北京6月28日電（記者 王三）/ 新华社莫斯科6月28日电.
 * Group 1 is the dateline, group 2 the agency.
 */
export const DATELINE_AGENCY =
  /^(([^\s，。、；：「」,]{1,6}?(?:社|網|网|報|报|台))\s*[^\s，。、；：「」,]{0,10}?[\d〇一二三四五六七八九十]{1,3}月[\d〇一二三四五六七八九十]{1,3}日\s*(?:電|电|訊|讯)(?:\s*[（(][^）)\n]{1,30}[）)])?)(?:\s*[，,：:]|\s+|$|(?<=[）)]))/;

/** Outlets that mean "this paper" and so name no source: 本報. */
export const SELF_OUTLET = /^(?:本報|本报|本刊|本台|本網|本网)$/;

/**
 * A reporter or editor line: 香港文匯報記者 葛沖 北京報道 / 記者 張三、李四 / 責任編輯：王五 /
 * 文／記者 趙六 / 採訪、撰文：黃小華 / 攝影：吳志強, after a portal's date, time and outlet or
 * not (2025-12-06 14:32 聯合新聞網 記者張小文／即時報導). Anchored at both ends; the caller checks
 * it is short and not prose.
 */
export const REPORTER =
  /^(?:\d{4}\s*[-./年]\s*\d{1,2}\s*[-./月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?\s+(?:[^\s，。；]{2,12}\s+)?)?[（(【[]?\s*(?:[^\s，。；]{0,12}?(?:記者|记者|特派員|特派员|通訊員|通讯员|特約撰稿人|特约撰稿人)\s*(?![會会站證证節节招])[\u4e00-\u9fff]{2,4}(?:$|[\s、，,（(）)】\]／/])|(?:(?:責任編輯|责任编辑|編輯|编辑|撰文|文字|攝影|摄影|採訪|采访|整理|翻譯|翻译|編譯|编译|校對|校对)[、及和])*(?:(?:責任編輯|责任编辑|編輯|编辑|撰文)\s*[：:／/]?|(?:文字|攝影|摄影|採訪|采访|整理|翻譯|翻译|編譯|编译|校對|校对)\s*[：:／/])\s*\S|(?:文|圖|图)\s*[／/：:]\s*\S)/;

/** The last word of a reporter line when a wrap cut it off: 北京報道, 攝. */
export const REPORTER_TAIL = /^\S{0,8}(?:報道|报道|報導|报导|撰文|整理|發自|发自|攝|摄)$/;

/**
 * A source line: 來源：央視網, （來源：明報）, 資料來源：政府統計處, and the date line a portal
 * prints under a headline (2024年05月21日 09:30 来源：新华网). Group 1 is the outlet.
 */
export const SOURCE =
  /^(?:\d{4}\s*[-./年]\s*\d{1,2}\s*[-./月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?\s*)?[（(【[]?\s*(?:資料|资料|新聞|新闻|消息|文章|本文|稿件)?(?:來源|来源|稿源|出處|出处)\s*[：:]\s*([^）)】\]]{1,30}?)\s*[）)】\]]?$/;

/** A dialogue line: 普京：「…」 / 問：… Group 1 the speaker, group 2 the speech. */
export const DIALOGUE = /^([^\s：:「」『』“”，。、《》]{1,12})\s*[：:]\s*([「『“][\s\S]*)$/;
export const INTERVIEW = /^(問|答|问|記者|记者|主持人)\s*[：:]\s*(\S[\s\S]*)$/;

/**
 * A photo credit: 新華社, 網上圖片, 資料圖片, 中新社記者 張三 攝, Reuters. Anchored; the caller
 * checks the length.
 */
export const CREDIT =
  /^(?:\S{0,8}(?:圖片|图片|供圖|供图|截圖|截图|社|社發|社发)|\S{1,8}\s?(?:攝|摄)|\S{0,10}(?:記者|记者)\s*\S{1,10}\s*(?:攝|摄)|視覺中國|视觉中国|東方IC|东方IC|Reuters|AFP|AP|EPA|Getty Images|Xinhua)$/;

/** Longest text we take for a credit. */
export const MAX_CREDIT = 16;

/**
 * A formula that closes a news story: …等參加上述活動。, （完）, a trailing (記者 張三).
 */
export const CLOSING_FORMULA =
  /(?:等(?:人)?(?:參加|参加|出席|陪同|參與|参与)(?:了)?(?:上述|有關|有关|相關|相关)?(?:活動|活动|會見|会见|會談|会谈|儀式|仪式|會議|会议)[。．.]?$|[（(【](?:完|記者[^）)】]*|记者[^）)】]*|責任編輯[^）)】]*|责任编辑[^）)】]*)[）)】]$)/;

/**
 * A paragraph that opens by introducing a person with a full title and a speech verb
 * (風衛視評論員宋忠平指出): a cue that a new story starts. Group 1 is the name.
 */
export const TITLED_SPEAKER =
  /^\S{0,12}?(?:評論員|评论员|專家|专家|教授|學者|学者|研究員|研究员|發言人|发言人|主任|院長|院长|所長|所长|大使|議員|议员)([\u4e00-\u9fff]{2,3}?)(?:指出|表示|認為|认为|說|説|说|稱|称|強調|强调|介紹|介绍)/;

/** What stands before 对 in a word of two with it (应对, 面对, 针对, 相对, 反对, 核对, 派对), where
 * 对 is no preposition: the units, in the Simplified view. */
export const VERB_BEFORE_DUI = '应面针相绝反核校比派';

/** A Taiwan dateline or credit in the Simplified view: 中央社记者X台北5日电, 〔记者X／台北报导〕,
 * and the Taiwanese wire's datelines abroad (中央社记者X华盛顿6日专电, 中央社X地综合外电报导). */
export const TAIWAN_DATELINE =
  /(?:台北|高雄|台中|台南|新北|桃园|新竹|嘉义|花莲|宜兰|基隆|屏东|彰化|金门)(?:\d{1,2}日(?:专)?电|报导|报道)|中央社(?:记者|特派员|驻)?[\u4e00-\u9fff]{1,12}?(?:\d{1,2}日(?:专)?电|综合外电报导)/;
