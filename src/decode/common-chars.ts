/**
 * Very common Chinese characters, used to judge whether a decoding reads as Chinese.
 *
 * How this table was composed: about 500 of the most frequent characters of modern Chinese
 * news prose were listed by hand in Simplified form, in rough order of frequency. Each was
 * converted to Traditional with opencc-js (both the Taiwan and the Hong Kong standards) and
 * every form that differs was added, together with a few hand-picked variants that the
 * converters do not produce for single characters (乾/幹, 後, 裏/裡, 臺/颱, 係/繫, 隻, 著/着,
 * 綫/線, 衞/衛, 爲/為, 説/說, 髮, 夥, 衝). The union was deduplicated and sorted by code point,
 * 40 characters per row. Every character is in the BMP.
 */
const ROWS: readonly string[] = [
  '一万三上下不与专且世业东两並个中为主么义之乎九也书乾了争事二于五亚些亞交产亲人什',
  '仅今从他代令以们件价任企会传似但位住体何作你使來便係保信個們候做備傳僅像價儿元先',
  '光克兒党入內全兩八公六共关兵其具内再写军农决况准几出击分切列则別利别到制則前力办',
  '功加务动動務包化北区医區十华单南即却卻历原去又及反发取受变口另只叫可台史号司吃各',
  '合同名后向吗吧听告员呢周命和品員商問單嗎器四回因团国图國圖團在地场城基報場增士声',
  '处备复外多夥大天太夫失头女她好如始委子字存学學它安完官定实家容實寫对导将將專對導',
  '小少尔就尽局展山工己已市布师带師帶常干平年并幹幾广应府度廣建开式引张張強强当形影',
  '往很後得從復徵德心必快念怎思性总息情想意愛感應成我或战戰所手才打找技把报拉持指据',
  '接提擊據支收改放政教数整數文断斯新斷方於无日早时明易是显時更書曾最會月有服望期未',
  '本术机权李条来東极林果查标样根格條業極標樣機權次正此步歷死每比民气氣水求決沒没治',
  '況法注活流济海消深清準满滿濟火点為無然照爭爱爲爾片物特王现現理生產用由电界當病發',
  '白百的盡目直相看真眼着知石研确確示社神离种科称程種稱究空突立笑第等算管範类精系約',
  '級組結給統經綫線總繫约级线组经结给统罗羅美義老考者而联聯聲聽能自至臺與色花英華萬',
  '落著處號行術衛衝衞表被装裏裝裡西要見規視親覺觀见观规视觉解言計記設許話該認語說説',
  '調談請論證識議變讓计认让议记许论设证识话该语说请调谈象費資質质费资走起越路身車軍',
  '較輕轉车转轻较辦農边达过运近还这进远连选這通造連進運過道達遠選還邊那部都醫里重量',
  '金長长門開間關门问间队阿际院除隊随際隨隻难集離難電需青非面須領頭題類顯须领题風颱',
  '风飛飞首馬马體高髮麼點黨',
];

/** All the common characters in one string, Traditional and Simplified forms mixed. */
export const COMMON_CHARS: string = ROWS.join('');
