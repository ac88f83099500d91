/**
 * Joint statements composed for the compare tests, in both scripts: a statement (A) and a
 * later version of it (B) that keeps one position, adds 將繼續 to one, negates one, widens
 * one's target, turns a welcome into support, drops a sentence with its stance and adds a
 * sentence. The Simplified pages say the same as the Traditional ones.
 */

export const STATEMENT_A_TRAD = [
  '東盟與中國發表聯合聲明',
  '',
  '本報訊 東盟與中國外長昨日在吉隆坡舉行會議，會後發表聯合聲明。',
  '',
  '雙方強調，中國和東盟支持多邊貿易體制。雙方歡迎區域全面經濟夥伴關係協定生效。雙方反對單邊制裁。',
  '',
  '聲明指出，中國支持東盟在區域合作中的中心地位。中國讚賞馬來西亞為會議所作的安排。',
  '',
  '中國和東盟歡迎湄公河合作機制取得的進展。',
  '',
].join('\n');

export const STATEMENT_B_TRAD = [
  '東盟與中國發表聯合聲明',
  '',
  '本報訊 東盟與中國外長昨日在吉隆坡舉行會議，會後發表聯合聲明。',
  '',
  '雙方強調，中國和東盟將繼續支持多邊貿易體制。雙方不歡迎區域全面經濟夥伴關係協定生效。雙方反對單邊制裁和長臂管轄。',
  '',
  '聲明指出，中國支持東盟在區域合作中的中心地位。',
  '',
  '中國和東盟支持湄公河合作機制取得的進展。雙方同意加強海上合作。',
  '',
].join('\n');

export const STATEMENT_A_SIMP = [
  '东盟与中国发表联合声明',
  '',
  '本报讯 东盟与中国外长昨日在吉隆坡举行会议，会后发表联合声明。',
  '',
  '双方强调，中国和东盟支持多边贸易体制。双方欢迎区域全面经济伙伴关系协定生效。双方反对单边制裁。',
  '',
  '声明指出，中国支持东盟在区域合作中的中心地位。中国赞赏马来西亚为会议所作的安排。',
  '',
  '中国和东盟欢迎湄公河合作机制取得的进展。',
  '',
].join('\n');

export const STATEMENT_B_SIMP = [
  '东盟与中国发表联合声明',
  '',
  '本报讯 东盟与中国外长昨日在吉隆坡举行会议，会后发表联合声明。',
  '',
  '双方强调，中国和东盟将继续支持多边贸易体制。双方不欢迎区域全面经济伙伴关系协定生效。双方反对单边制裁和长臂管辖。',
  '',
  '声明指出，中国支持东盟在区域合作中的中心地位。',
  '',
  '中国和东盟支持湄公河合作机制取得的进展。双方同意加强海上合作。',
  '',
].join('\n');
