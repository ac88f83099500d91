/**
 * Taiwan writes the particle zhe (看着, 随着) and zhuó (着手, 着陆) with 著, the character
 * Hong Kong and the mainland keep for zhù (著名, 著作). The Hong Kong converter therefore
 * leaves every 著 alone. This pass, run on its Simplified output, turns 著 into 着 where
 * the context makes the particle or zhuó reading plain, and leaves zhù words untouched.
 */

const ZHE = 0x7740; // 着

const codes = (chars: string): Set<number> => {
  const set = new Set<number>();
  for (let i = 0; i < chars.length; i++) set.add(chars.charCodeAt(i));
  return set;
};

/** Verbs and prepositions that take the particle: 看著 → 看着, 随著 → 随着, 有著 → 有着. */
const PARTICLE_HOSTS = codes(
  '看接随有味对朝向本凭靠沿顺绕带拿跟等为怀抱握守忙笑说站坐躺住活睡试藏记想望盯走围冲' +
    '指穿沉执含披戴挂留存闭听唱跳哭喊叫开亮响闪摆放提推扶背顶领引跑飞流烧挨盼睁瞪捧端举' +
    '扛拖牵陪伴护撑跪趴蹲倚贴连缠吊插夹搂咬喝吃吹抽读画压盖罩遮掩锁敲打拍候熬在行载挥演' +
    '临历担动变证注待满系表志示征续做干过衣顾映透隔刻印标写练赶追逃装蕴呼吸聊谈讲问叹玩' +
    '摇转爬游漂浮躲瞧观闻摸抓拉',
);

/** What follows 著 in zhù words (著名, 著作, 著称, 著述, 著者, 著录, 著书, 著译, 著文). */
const ZHU_TAILS = codes('名作称述者录书译文');

/** What follows 著 in zhuó words: 着手, 着眼, 着重, 着陆, 着想, 着落, 着急, 着迷, … */
const ZHUO_TAILS = codes('手眼重陆想落急迷火凉实力装色墨笔地魔');

/** What precedes 著 in zhù words (显著, 卓著, 名著, 原著, 专著, 编著, 所著, …). */
const ZHU_HEADS = codes('显昭卓名原编专论巨新合译拙大遗土撰所宏杰佳旧近著');

/** Rewrites the particle and zhuó uses of 著 in Simplified text as 着. */
export function restoreZheParticle(text: string): string {
  let i = text.indexOf('著');
  if (i < 0) return text;
  let out = '';
  let last = 0;
  for (; i >= 0; i = text.indexOf('著', i + 1)) {
    const prev = i > 0 ? text.charCodeAt(i - 1) : 0;
    const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
    if (ZHU_TAILS.has(next)) continue;
    const particle = PARTICLE_HOSTS.has(prev);
    const zhuo = ZHUO_TAILS.has(next) && !ZHU_HEADS.has(prev);
    if (particle || zhuo) {
      out += `${text.slice(last, i)}${String.fromCharCode(ZHE)}`;
      last = i + 1;
    }
  }
  return last === 0 ? text : out + text.slice(last);
}
