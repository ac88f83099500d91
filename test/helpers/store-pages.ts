import { createHash } from 'node:crypto';
import { annotate } from '../../src/annotate/index.ts';
import { parse } from '../../src/pipeline.ts';
import type { DocumentInput, Store } from '../../src/store/types.ts';

/**
 * Pages composed for the archive tests, in both scripts, and the documents a Store gets for
 * them (parsed and annotated as ingest would).
 */

/** Traditional, two articles: a meeting (with a quote and stances) and an aquarium. */
export const TRAD_PAGE = [
  '習近平會見俄羅斯總統普京',
  '',
  '香港文匯報訊 據新華社報道，國家主席習近平昨日在北京會見俄羅斯總統普京。習近平表示，中俄堅持睦鄰友好，雙方支持彼此維護核心利益。',
  '',
  '普京說：「俄方反對單邊制裁，願同中方加強合作。」',
  '',
  '●香港文匯報記者 葛沖 北京報道',
  '',
  '',
  '',
  '海洋公園新館下月開幕',
  '',
  '香港文匯報訊 據中通社報道，海洋公園昨日宣布，全新水族館將於下月初開幕。',
  '',
  '館方表示，新館設有三個展區，預計每日可接待一萬名遊客。',
  '',
].join('\n');

/** Simplified: the foreign ministry on China–Russia relations; two sides oppose sanctions. */
export const SIMP_PAGE = [
  '外交部就中俄关系答记者问',
  '',
  '新华社北京5月17日电 外交部长王毅指出，中俄关系保持高水平运行，两国睦邻友好。',
  '',
  '王毅表示，中方反对单边制裁，支持通过对话解决问题。俄罗斯外交部发言人扎哈罗娃说，俄方同样反对单边制裁。',
  '',
].join('\n');

/** Simplified, no outlet or date: Latin words, digits, and 凌|驾 split by a line break. */
export const G20_PAGE = [
  'G20峰会在里约热内卢开幕',
  '',
  '新华社里约热内卢11月18日电 二十国集团领导人第十九次峰会18日开幕。与会领导人讨论了COVID-19疫情后的经济复苏，',
  '各方一致认为，任何国家都不能凌',
  '驾于国际法之上，应当坚持多边主义。',
  '',
].join('\n');

/** SHA-256 of a page's UTF-8 bytes, as ingest hashes input. */
export function hashOf(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A parsed and annotated document for a page. */
export function documentFor(
  text: string,
  meta: { source: string; outlet?: string; date?: string; url?: string; externalId?: string },
): DocumentInput {
  const page = annotate(
    parse(text, { path: meta.source }),
    meta.date === undefined ? {} : { date: meta.date },
  );
  return {
    hash: hashOf(text),
    bytes: Buffer.byteLength(text),
    page,
    ...meta,
  };
}

/** The three test documents. */
export function testDocuments(): DocumentInput[] {
  return [
    documentFor(TRAD_PAGE, {
      source: 'wenwei/2024-05-16.txt',
      outlet: '文匯報',
      date: '2024-05-16',
    }),
    documentFor(SIMP_PAGE, {
      source: 'feed.jsonl:1',
      outlet: '新华社',
      date: '2024-05-17',
      url: 'https://example.org/a/1',
      externalId: 'xh-1',
    }),
    documentFor(G20_PAGE, { source: 'g20.txt' }),
  ];
}

/** Stores the test documents in order: article ids 1–2 (Traditional), 3, 4. */
export function fillStore(store: Store): void {
  for (const doc of testDocuments()) store.putDocument(doc);
}
