import { NER_TYPES, type NerType, type TagSpan } from './tags.ts';

/**
 * Small word lists the tagger's features consult, composed for jiedu in Simplified script
 * (the tagger reads the Simplified view): surnames, the characters and words that end
 * place and organisation names, titles that stand next to names, and a core of countries, regions, cities, waters,
 * international bodies and people the news names often. They are hints, not verdicts: the model learns how far to trust a
 * match in context (中国 alone is a place, inside 中国共产党 part of an organisation).
 */

const words = (list: string): string[] => list.split(/\s+/).filter((w) => w !== '');

/** Single-character surnames, the common ones first. */
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶' +
  '程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎' +
  '贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧' +
  '耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍' +
  '华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏' +
  '宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝习胥' +
  '郁储丰蔺杭洪诸封谈那乐厉滑奚薄庚鄢闻荆宣曼嵇邰郜竺栗茅揭';

/** Two-character surnames. */
export const COMPOUND_SURNAMES = words(
  '欧阳 司马 诸葛 上官 东方 皇甫 令狐 慕容 公孙 尉迟 长孙 宇文 夏侯 司徒 端木 独孤 南宫 ' +
    '西门 轩辕 呼延 澹台 公冶 申屠 太史 钟离 闻人 万俟',
);

/** Characters that end place names: 河北省, 深圳市, 长江, 泰山. */
const PLACE_SUFFIXES = '省市县区镇乡村州国岛山河江湖海洋港湾路街峡岭峰洲城庄屯寨郡邦道盟坡';

/** Characters that end organisation names: 外交部, 新华社, 人民法院, 国民党. */
const ORG_SUFFIX_CHARS = '部委会局院社党厂所署厅处办队团军司行报台馆校组社盟';

/** Words that end organisation names. */
const ORG_SUFFIX_WORDS = words(
  '公司 集团 银行 大学 学院 中学 小学 医院 研究所 研究院 委员会 协会 学会 基金会 联合会 ' +
    '总会 组织 中心 联盟 法院 检察院 政府 议会 国会 内阁 俱乐部 通讯社 电视台 日报 晚报 ' +
    '时报 出版社 工会 商会 办公室 代表团 代表处 大使馆 领事馆 联合国 球队 实验室 事务所',
);

/** Titles and forms of address that stand next to a person's name: 总统普京, 王先生. */
const TITLES = words(
  '主席 国家主席 总统 副总统 总理 副总理 首相 总书记 书记 部长 外长 外交部长 国务卿 大使 ' +
    '议长 委员长 委员 省长 市长 县长 区长 镇长 局长 厅长 处长 主任 院长 校长 董事长 总经理 ' +
    '经理 总裁 主编 教授 副教授 博士 研究员 工程师 记者 评论员 发言人 特首 行政长官 国王 ' +
    '女王 王子 公主 亲王 陛下 殿下 先生 女士 小姐 夫人 太太 同志 将军 上将 中将 少将 司令 ' +
    '司令员 政委 主教 教皇 法官 检察官 律师 医生 教练 主教练 队长 选手 运动员 作家 诗人 ' +
    '画家 导演 演员 歌手 专家 学者 老师 大师 秘书长 代表 特使 总督 元帅 总长 会长 社长 ' +
    '党魁 领导人 首脑',
);

const LOCATIONS = words(
  // Countries and regions of the world.
  '中国 美国 俄罗斯 日本 韩国 朝鲜 英国 法国 德国 意大利 西班牙 葡萄牙 荷兰 比利时 瑞士 ' +
    '瑞典 挪威 丹麦 芬兰 冰岛 爱尔兰 奥地利 波兰 捷克 斯洛伐克 匈牙利 罗马尼亚 保加利亚 希腊 ' +
    '土耳其 乌克兰 白俄罗斯 立陶宛 拉脱维亚 爱沙尼亚 摩尔多瓦 塞尔维亚 克罗地亚 斯洛文尼亚 ' +
    '波黑 黑山 阿尔巴尼亚 马其顿 北马其顿 卢森堡 摩纳哥 梵蒂冈 马耳他 塞浦路斯 格鲁吉亚 ' +
    '亚美尼亚 阿塞拜疆 哈萨克斯坦 乌兹别克斯坦 吉尔吉斯斯坦 塔吉克斯坦 土库曼斯坦 蒙古 印度 ' +
    '巴基斯坦 孟加拉国 孟加拉 斯里兰卡 尼泊尔 不丹 马尔代夫 阿富汗 伊朗 伊拉克 叙利亚 黎巴嫩 ' +
    '约旦 以色列 巴勒斯坦 沙特阿拉伯 沙特 也门 阿曼 阿联酋 卡塔尔 巴林 科威特 越南 老挝 ' +
    '柬埔寨 泰国 缅甸 马来西亚 新加坡 印度尼西亚 印尼 菲律宾 文莱 东帝汶 澳大利亚 澳洲 新西兰 ' +
    '巴布亚新几内亚 斐济 加拿大 墨西哥 古巴 危地马拉 洪都拉斯 萨尔瓦多 尼加拉瓜 哥斯达黎加 ' +
    '巴拿马 牙买加 海地 多米尼加 巴西 阿根廷 智利 秘鲁 哥伦比亚 委内瑞拉 厄瓜多尔 玻利维亚 ' +
    '巴拉圭 乌拉圭 圭亚那 苏里南 埃及 利比亚 突尼斯 阿尔及利亚 摩洛哥 苏丹 南苏丹 埃塞俄比亚 ' +
    '索马里 肯尼亚 坦桑尼亚 乌干达 卢旺达 布隆迪 刚果 安哥拉 赞比亚 津巴布韦 莫桑比克 马拉维 ' +
    '纳米比亚 博茨瓦纳 南非 莱索托 马达加斯加 毛里求斯 尼日利亚 加纳 科特迪瓦 塞内加尔 马里 ' +
    '尼日尔 乍得 喀麦隆 加蓬 几内亚 塞拉利昂 利比里亚 多哥 贝宁 布基纳法索 毛里塔尼亚 冈比亚 ' +
    '厄立特里亚 吉布提 苏联 南斯拉夫 欧洲 亚洲 非洲 美洲 北美 南美 拉美 拉丁美洲 大洋洲 ' +
    '南极 北极 中东 东南亚 南亚 中亚 西亚 东亚 东欧 西欧 北欧 亚太 ' +
    // China: provinces, regions and major cities.
    '北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 ' +
    '湖南 广东 海南 四川 贵州 云南 陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆 香港 澳门 ' +
    '石家庄 太原 沈阳 长春 哈尔滨 南京 杭州 合肥 福州 南昌 济南 郑州 武汉 长沙 广州 海口 成都 ' +
    '贵阳 昆明 西安 兰州 西宁 呼和浩特 南宁 拉萨 银川 乌鲁木齐 台北 深圳 大连 青岛 宁波 厦门 ' +
    '苏州 无锡 唐山 洛阳 珠海 汕头 温州 烟台 桂林 三亚 延安 高雄 台中 台南 九龙 新界 湾仔 ' +
    '中环 铜锣湾 尖沙咀 旺角 沙田 东莞 佛山 惠州 中山 江门 湛江 徐州 常州 南通 扬州 绍兴 ' +
    '嘉兴 金华 台州 泉州 漳州 潍坊 淄博 临沂 保定 邯郸 秦皇岛 包头 鄂尔多斯 大同 吉林 齐齐哈尔 ' +
    '大庆 绵阳 宜昌 襄阳 岳阳 株洲 柳州 遵义 喀什 伊犁 ' +
    // Cities of the world.
    '华盛顿 纽约 洛杉矶 芝加哥 旧金山 波士顿 西雅图 休斯敦 费城 伦敦 巴黎 柏林 罗马 马德里 ' +
    '莫斯科 东京 大阪 京都 首尔 釜山 平壤 曼谷 河内 胡志明市 雅加达 马尼拉 新德里 孟买 ' +
    '伊斯兰堡 德黑兰 巴格达 大马士革 贝鲁特 耶路撒冷 特拉维夫 开罗 内罗毕 约翰内斯堡 悉尼 ' +
    '墨尔本 堪培拉 渥太华 多伦多 温哥华 蒙特利尔 墨西哥城 哈瓦那 巴西利亚 里约热内卢 圣保罗 ' +
    '布宜诺斯艾利斯 圣地亚哥 利马 日内瓦 维也纳 布鲁塞尔 阿姆斯特丹 斯德哥尔摩 奥斯陆 ' +
    '哥本哈根 赫尔辛基 华沙 布拉格 布达佩斯 雅典 安卡拉 伊斯坦布尔 基辅 明斯克 阿斯塔纳 ' +
    '塔什干 喀布尔 利雅得 迪拜 多哈 金边 仰光 万象 吉隆坡 海牙 法兰克福 慕尼黑 米兰 威尼斯 ' +
    '圣彼得堡 海参崴 汉城 ' +
    // Waters, mountains and other places.
    '长江 黄河 珠江 淮河 太湖 洞庭湖 鄱阳湖 泰山 黄山 华山 峨眉山 喜马拉雅山 珠穆朗玛峰 ' +
    '长城 太平洋 大西洋 印度洋 北冰洋 地中海 南海 东海 黄海 渤海 台湾海峡 朝鲜半岛 巴尔干 ' +
    '波斯湾 红海 黑海 里海 加勒比 天安门 中南海 钓鱼岛',
);

/** People the news names often: leaders of China and of the world, past and present. */
const PEOPLE = words(
  '孙中山 毛泽东 周恩来 刘少奇 朱德 邓小平 陈云 叶剑英 华国锋 胡耀邦 赵紫阳 杨尚昆 江泽民 ' +
    '李鹏 朱镕基 乔石 李瑞环 胡锦涛 温家宝 吴邦国 贾庆林 习近平 李克强 李强 张德江 俞正声 ' +
    '栗战书 汪洋 赵乐际 王沪宁 韩正 丁薛祥 李希 蔡奇 王岐山 王毅 秦刚 杨洁篪 华春莹 ' +
    '赵立坚 汪文斌 毛宁 林剑 蒋介石 蒋经国 李登辉 陈水扁 马英九 蔡英文 赖清德 董建华 曾荫权 ' +
    '梁振英 林郑月娥 李家超 何厚铧 崔世安 贺一诚 林肯 罗斯福 肯尼迪 尼克松 里根 ' +
    '卡特 克林顿 布什 奥巴马 特朗普 拜登 希拉里 蓬佩奥 布林肯 哈里斯 列宁 斯大林 ' +
    '赫鲁晓夫 勃列日涅夫 戈尔巴乔夫 叶利钦 普京 梅德韦杰夫 拉夫罗夫 米舒斯京 佩斯科夫 ' +
    '丘吉尔 撒切尔 布莱尔 卡梅伦 约翰逊 特拉斯 苏纳克 斯塔默 戴高乐 密特朗 希拉克 萨科齐 ' +
    '奥朗德 马克龙 科尔 施罗德 默克尔 朔尔茨 安倍晋三 岸田文雄 菅义伟 石破茂 文在寅 尹锡悦 ' +
    '李在明 朴槿惠 金日成 金正日 金正恩 莫迪 甘地 尼赫鲁 泽连斯基 埃尔多安 内塔尼亚胡 ' +
    '阿拉法特 阿巴斯 卡斯特罗 曼德拉 卢拉 博索纳罗 米莱 特鲁多 阿尔巴尼斯 莫里森 李显龙 ' +
    '黄循财 佐科 苏哈托 杜特尔特 小马科斯 洪森 洪玛奈 昂山素季 古特雷斯 潘基文 安南',
);

const ORGANISATIONS = words(
  '联合国 安理会 欧盟 北约 东盟 世界贸易组织 世贸组织 世界卫生组织 世卫组织 ' +
    '国际货币基金组织 世界银行 国际奥委会 上海合作组织 上合组织 金砖国家 二十国集团 七国集团 ' +
    '非盟 阿盟 亚太经合组织 欧佩克 红十字会 国务院 全国人大 全国政协 中共中央 中央军委 ' +
    '外交部 国防部 商务部 公安部 教育部 财政部 新华社 人民日报 中央电视台 央视 解放军 ' +
    '中国人民解放军 共产党 中国共产党 中共 国民党 民进党 共和党 民主党 工党 保守党 白宫 ' +
    '五角大楼 克里姆林宫 参议院 众议院 最高人民法院 最高人民检察院 中国人民银行 ' +
    '全国人民代表大会 中国人民政治协商会议 中央委员会 政治局 特区政府 立法会 行政会议 ' +
    '美联储 欧洲央行 路透社 美联社 法新社 塔斯社 共同社 中新社 中通社 彭博社',
);

/** Bit flags for one character: what it can be in a name. */
export const SURNAME = 1;
export const PLACE_SUFFIX = 2;
export const ORG_SUFFIX = 4;

let charFlags: Uint8Array | null = null;

/** Flags of every BMP character: surname, place suffix, organisation suffix. */
export function characterFlags(): Uint8Array {
  if (charFlags !== null) return charFlags;
  const flags = new Uint8Array(0x10000);
  const mark = (chars: string, bit: number) => {
    for (let i = 0; i < chars.length; i++) {
      const c = chars.charCodeAt(i);
      flags[c] = (flags[c] as number) | bit;
    }
  };
  mark(SURNAMES, SURNAME);
  mark(PLACE_SUFFIXES, PLACE_SUFFIX);
  mark(ORG_SUFFIX_CHARS, ORG_SUFFIX);
  charFlags = flags;
  return flags;
}

/** A node of the match trie: children by UTF-16 unit, and the type a word ending here has. */
interface TrieNode {
  next: Map<number, TrieNode>;
  /** 0: no word ends here; 1 + index in NER_TYPES otherwise; SUFFIX_WORD for a suffix. */
  type: number;
}

/** The trie value of words that end organisation names (公司, 委员会), not names. */
const SUFFIX_WORD = 8;
/** The trie value of compound surnames (欧阳, 司马). */
const SURNAME_WORD = 9;
/** The trie value of titles (总统, 记者, 先生). */
const TITLE_WORD = 10;

/** A dictionary of typed words, matched longest first. */
export class Gazetteer {
  private readonly root: TrieNode = { next: new Map(), type: 0 };

  /** Adds `word` with `type`; a later type for the same word replaces the earlier one. */
  add(word: string, type: NerType): void {
    this.insert(word, 1 + NER_TYPES.indexOf(type));
  }

  private insert(word: string, value: number): void {
    if (word.length === 0) return;
    let node = this.root;
    for (let i = 0; i < word.length; i++) {
      const c = word.charCodeAt(i);
      let child = node.next.get(c);
      if (child === undefined) {
        child = { next: new Map(), type: 0 };
        node.next.set(c, child);
      }
      node = child;
    }
    node.type = value;
  }

  /** The names of this dictionary in `text`, longest first, left to right, not overlapping. */
  find(text: string): TagSpan[] {
    const out: TagSpan[] = [];
    const n = text.length;
    for (let i = 0; i < n; ) {
      let node: TrieNode | undefined = this.root.next.get(text.charCodeAt(i));
      let best = 0;
      let bestEnd = i;
      for (let j = i + 1; node !== undefined; j++) {
        if (node.type > 0 && node.type <= NER_TYPES.length) {
          best = node.type;
          bestEnd = j;
        }
        if (j >= n) break;
        node = node.next.get(text.charCodeAt(j));
      }
      if (best === 0) {
        i++;
        continue;
      }
      out.push({ start: i, end: bestEnd, type: NER_TYPES[best - 1] as NerType });
      i = bestEnd;
    }
    return out;
  }

  /** Adds the built-in organisation suffix words and compound surnames. */
  addAffixes(): void {
    for (const w of ORG_SUFFIX_WORDS) if (w.length > 1) this.insert(w, SUFFIX_WORD);
    for (const w of COMPOUND_SURNAMES) this.insert(w, SURNAME_WORD);
    for (const w of TITLES) this.insert(w, TITLE_WORD);
  }

  /**
   * Marks `hints` (one byte per unit of `text`) with the matches of this dictionary: at
   * each unit the longest word starting there; a unit already covered by a longer word is
   * left alone. Names: `1 + 4 * type + BIES position`; suffix words, compound surnames and
   * titles set their own codes (see `HINT_*`).
   */
  mark(text: string, hints: Uint8Array, cover: Uint8Array): void {
    const n = text.length;
    for (let i = 0; i < n; i++) {
      let node: TrieNode | undefined = this.root.next.get(text.charCodeAt(i));
      if (node === undefined) continue;
      let best = 0;
      let bestEnd = 0;
      for (let j = i + 1; ; j++) {
        if (node.type !== 0) {
          best = node.type;
          bestEnd = j;
        }
        if (j >= n) break;
        node = node.next.get(text.charCodeAt(j));
        if (node === undefined) break;
      }
      if (best === 0) continue;
      const length = bestEnd - i;
      if (best === SUFFIX_WORD || best === SURNAME_WORD || best === TITLE_WORD) {
        const code =
          best === SUFFIX_WORD
            ? HINT_ORG_SUFFIX
            : best === SURNAME_WORD
              ? HINT_SURNAME
              : HINT_TITLE;
        for (let k = i; k < bestEnd; k++) if ((hints[k] as number) === 0) hints[k] = code;
        continue;
      }
      // Keep the longer of two overlapping names.
      let covered = false;
      for (let k = i; k < bestEnd; k++) if ((cover[k] as number) >= length) covered = true;
      if (covered) continue;
      writeSpan(hints, cover, i, bestEnd, best - 1);
    }
  }
}

/** A unit inside an organisation suffix word (公司, 委员会). */
export const HINT_ORG_SUFFIX = 13;
/** A unit of a compound surname (欧阳). */
export const HINT_SURNAME = 14;
/** A unit of a title or form of address (总统, 先生). */
export const HINT_TITLE = 15;

/** Writes a name hint of `type` over `[start, end)`. */
function writeSpan(hints: Uint8Array, cover: Uint8Array, start: number, end: number, type: number) {
  const length = end - start;
  for (let k = start; k < end; k++) {
    const position = length === 1 ? 3 : k === start ? 0 : k === end - 1 ? 2 : 1;
    hints[k] = 1 + 4 * type + position;
    cover[k] = Math.min(255, length);
  }
}

/** Marks spans given by the caller (a lexicon's matches) like dictionary matches. */
export function markSpans(spans: readonly TagSpan[], hints: Uint8Array, cover: Uint8Array) {
  for (const s of spans) {
    const type = NER_TYPES.indexOf(s.type);
    if (type < 0 || s.start < 0 || s.end > hints.length || s.end <= s.start) continue;
    const length = s.end - s.start;
    let covered = false;
    for (let k = s.start; k < s.end; k++) if ((cover[k] as number) > length) covered = true;
    if (!covered) writeSpan(hints, cover, s.start, s.end, type);
  }
}

let builtIn: Gazetteer | null = null;

/** The built-in dictionary: places, people, organisations, affixes and titles. */
export function builtInGazetteer(): Gazetteer {
  if (builtIn !== null) return builtIn;
  const g = new Gazetteer();
  g.addAffixes();
  for (const w of LOCATIONS) g.add(w, 'LOC');
  for (const w of PEOPLE) g.add(w, 'PER');
  for (const w of ORGANISATIONS) g.add(w, 'ORG');
  builtIn = g;
  return g;
}
