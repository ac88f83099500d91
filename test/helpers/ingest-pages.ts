/**
 * Pages composed for the ingest tests: short news pages in either script, each different
 * from the others (so each has its own content hash), with a headline, a dateline, two
 * paragraphs and a caption.
 */

const PLACES = ['深圳', '廈門', '廣州', '珠海', '汕頭', '福州', '杭州', '寧波'];
const TOPICS = ['海洋公園', '科學館', '圖書館', '體育館', '博物館', '藝術中心'];

/** A Traditional page, different for every `n`. */
export function traditionalPage(n: number): string {
  const place = PLACES[n % PLACES.length] as string;
  const topic = TOPICS[n % TOPICS.length] as string;
  return [
    `${place}${topic}第${n + 1}期工程下月啟用`,
    '',
    `香港文匯報訊 據中通社報道，${place}市政府昨日宣布，${topic}第${n + 1}期工程已經完工，將於下月初向公眾開放。`,
    '',
    `市政府發言人表示，新館共有${3 + (n % 5)}個展區，預計每日可接待${1000 + n}名市民，並將為學生提供免費導賞。`,
    '',
    `●${place}${topic}新館外觀。 網上圖片`,
    '',
  ].join('\n');
}

/** A Simplified page, different for every `n`. */
export function simplifiedPage(n: number): string {
  const place = ['深圳', '厦门', '广州', '珠海', '汕头', '福州', '杭州', '宁波'][n % 8] as string;
  return [
    `${place}新建公园第${n + 1}号园区开放`,
    '',
    `新华社${place}3月${1 + (n % 28)}日电（记者 王立）${place}市第${n + 1}号公园园区今天正式开放，园内设有${2 + (n % 6)}条步道。`,
    '',
    `园区负责人表示，开放首日共接待游客${2000 + n}人次，将继续完善配套设施。`,
    '',
  ].join('\n');
}

/** `count` distinct pages, alternating scripts. */
export function pages(count: number, from = 0): string[] {
  return Array.from({ length: count }, (_, i) =>
    (from + i) % 2 === 0 ? traditionalPage(from + i) : simplifiedPage(from + i),
  );
}
