import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/**
 * Driving the system's Chromium for the end-to-end tests: never a downloaded browser (CI
 * installs Debian's chromium), a fresh profile per run, no network beyond loopback, and the
 * web UI built first when dist/web is missing or older than its sources.
 */

/** Where Debian installs Chromium. */
export const CHROMIUM = process.env.JIEDU_CHROMIUM ?? '/usr/bin/chromium';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Screenshots and downloads of the end-to-end tests (gitignored). */
export const ARTIFACTS = join(ROOT, 'test-artifacts');

/** Why the browser tests cannot run here, or null when they can. */
export function browserMissing(): string | null {
  if (existsSync(CHROMIUM)) return null;
  return `${CHROMIUM} not found: install Debian's chromium (apt-get install chromium) to run the browser tests`;
}

function newestMtime(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

/**
 * Builds the web UI into dist/web unless it is there and newer than everything in web/
 * (and the package's lock file, which pins the libraries it bundles). A fresh clone has it
 * from `npm ci` (prepare runs the build); an edited source rebuilds it.
 */
export function ensureWebBuilt(): void {
  const index = join(ROOT, 'dist/web/index.html');
  const sources = [join(ROOT, 'web'), join(ROOT, 'package-lock.json')];
  if (existsSync(index)) {
    const built = statSync(index).mtimeMs;
    if (sources.every((s) => !existsSync(s) || newestMtime(s) <= built)) return;
  }
  execFileSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'web/vite.config.ts',
      '--logLevel',
      'warn',
    ],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  );
}

/**
 * Launches headless Chromium with nothing that phones home. playwright's launch gives every
 * browser a fresh temporary profile (user-data-dir) of its own and removes it on close.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

/** Viewports the UI must read well at. */
export const LAPTOP = { width: 1366, height: 800 };
export const PHONE = { width: 390, height: 844 };

/** A page context at a viewport, downloads allowed, every request outside `origin` refused. */
export async function newContext(
  browser: Browser,
  origin: string,
  viewport: { width: number; height: number },
): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport,
    acceptDownloads: true,
    deviceScaleFactor: 1,
    isMobile: viewport.width < 600,
    hasTouch: viewport.width < 600,
  });
  // A step that waits longer than this has failed; the default (30 s) would let one stuck
  // page hold the whole suite.
  context.setDefaultTimeout(15_000);
  // The UI must work with no internet: a request anywhere else fails the page, and the test
  // sees it in `blocked`.
  await context.route(
    (url) => url.origin !== origin && url.protocol !== 'data:' && url.protocol !== 'blob:',
    (route) => route.abort('blockedbyclient'),
  );
  return context;
}

/** The path for a screenshot under test-artifacts/, the folder made if needed. */
export function artifactPath(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, name);
}

/** A composed page: its file name, the day it is filed under, the outlet its byline names. */
export interface E2EPage {
  name: string;
  date: string;
  /** What ingest should read off the page's byline (香港文匯報訊 → 香港文匯報). */
  outlet: string;
  text: string;
}

/**
 * Pages composed for the browser tests: China–Russia, China–US, China–EU and ASEAN coverage
 * on five days in both scripts (quotes, stances with actors and targets, a negated one,
 * dates for a timeline), a hard-wrapped page, and a page whose text carries markup that must
 * stay text.
 */
export const E2E_PAGES: readonly E2EPage[] = [
  {
    name: 'wang-lavrov.txt',
    date: '2026-03-02',
    outlet: '香港文匯報',
    text: [
      '王毅同俄羅斯外長拉夫羅夫舉行會談',
      '',
      '香港文匯報訊 據新華社報道，國家主席習近平的特使、外交部長王毅3月1日在北京同俄羅斯外長拉夫羅夫舉行會談。雙方就烏克蘭局勢和亞太安全交換意見。',
      '',
      '王毅表示，中方支持俄羅斯和烏克蘭通過談判解決分歧，反對任何單邊制裁。他說：「中俄關係不針對第三方，也不受第三方干擾。」',
      '',
      '拉夫羅夫說，俄方讚賞中方在聯合國安理會的公正立場，歡迎中方為政治解決危機發揮建設性作用。',
      '',
      '●王毅在北京同拉夫羅夫會談。 新華社',
      '',
      '●香港文匯報記者 葛沖 北京報道',
      '',
    ].join('\n'),
  },
  {
    name: 'tariffs.txt',
    date: '2026-03-05',
    outlet: '新华社',
    text: [
      '外交部：中方坚决反对美方加征关税',
      '',
      '新华社北京3月5日电 外交部发言人毛宁5日在例行记者会上表示，中方坚决反对美国对中国输美商品加征关税，敦促美方立即纠正错误做法。',
      '',
      '毛宁指出，美方的做法违反世界贸易组织规则，损害两国企业和消费者利益。中方将采取必要措施，坚定维护自身正当权益。',
      '',
      '欧盟委员会发言人说，欧盟关切美国的关税政策对全球贸易的影响，呼吁各方通过对话解决争端。',
      '',
    ].join('\n'),
  },
  {
    name: 'china-eu.txt',
    date: '2026-03-09',
    outlet: '香港文匯報',
    text: [
      '中歐高層對話在布魯塞爾舉行',
      '',
      '香港文匯報訊 外交部長王毅3月9日在布魯塞爾同歐盟外交與安全政策高級代表舉行中歐高層戰略對話。',
      '',
      '王毅表示，中方歡迎歐盟堅持戰略自主，願同歐方加強在氣候變化和綠色發展領域的合作。歐方表示，歐盟支持多邊主義，反對貿易保護主義，不支持對華加徵關稅。',
      '',
      '美國國務院發言人米勒批評中歐合作，中方對此表示不滿。',
      '',
    ].join('\n'),
  },
  {
    name: 'phishing.txt',
    date: '2026-03-10',
    outlet: '香港文匯報',
    text: [
      '網絡安全周開幕 專家提醒提防釣魚網頁',
      '',
      '香港文匯報訊 網絡安全周昨日在香港開幕。專家提醒市民，不要打開來歷不明的連結，有的網頁會藏有<script>alert("pwned");window.__jieduPwned = 1</script>這類代碼。',
      '',
      '另一種手法是在圖片中加入<img src=x onerror="alert(2);window.__jieduPwned = 2">，一旦瀏覽器執行，就會盜取資料。',
      '',
    ].join('\n'),
  },
  {
    // Hard-wrapped at 18 characters, as text copied out of a PDF column: the parser rejoins
    // the lines, and the reader shows each rejoined line end on demand.
    name: 'digital-forum.txt',
    date: '2026-03-06',
    outlet: '新华社',
    text: [
      '中国—东盟数字经济合作论坛在杭州开幕',
      '',
      '新华社杭州3月6日电 第五届中国—东',
      '盟数字经济合作论坛6日在杭州开幕，来',
      '自东盟十国的政府官员、企业代表和专家',
      '学者共三百余人出席。与会代表表示，东',
      '盟欢迎中方在数字基础设施、跨境电商和',
      '人才培训等领域扩大合作，支持建设更加',
      '开放包容的区域数字市场。',
      '',
    ].join('\n'),
  },
];

/** Markup the phishing page carries, as it must appear on screen: literally. */
export const INERT_MARKUP = [
  '<script>alert("pwned");window.__jieduPwned = 1</script>',
  '<img src=x onerror="alert(2);window.__jieduPwned = 2">',
];

/**
 * A web page as a news site serves it: navigation, footer, a script in the head, the story
 * in <article>, its author and publication time in meta tags.
 */
export const E2E_HTML_PAGE = [
  '<!doctype html>',
  '<html lang="zh-Hant">',
  '<head>',
  '<meta charset="utf-8">',
  '<title>啟德體育園下月開幕 - 香港文匯報</title>',
  '<meta name="author" content="林曉彤">',
  '<meta property="article:published_time" content="2026-03-12T09:30:00+08:00">',
  '<script>window.__jieduPwned = 3</script>',
  '</head>',
  '<body>',
  '<nav><a href="/">首頁</a> <a href="/news">要聞</a></nav>',
  '<article>',
  '<h1>啟德體育園下月開幕</h1>',
  '<p class="byline">香港文匯報記者 林曉彤</p>',
  '<p>香港文匯報訊 啟德體育園管理公司昨日宣布，園區將於下月初正式開幕，首場活動為國際足球邀請賽。主場館可容納五萬名觀眾，設有可開合的屋頂。</p>',
  '<p>體育園行政總裁表示，開幕首月將舉辦十多場體育和文化活動，並開放部分設施予市民免費使用。公司已與運輸署商討，在大型活動期間加開巴士和港鐵班次。</p>',
  '<p>立法會議員對體育園的落成表示歡迎，認為有助推動本港體育盛事經濟。</p>',
  '</article>',
  '<footer>版權所有 © 香港文匯報</footer>',
  '</body>',
  '</html>',
].join('\n');

/** Saves a screenshot under test-artifacts/: the fonts in, and two frames for canvases (a
 * chart, the graph) to finish a pending redraw. */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
    for (let i = 0; i < 2; i++) await new Promise((r) => requestAnimationFrame(r));
  });
  await page.screenshot({ path: artifactPath(name), fullPage });
}

/** How many pixels the document is wider than the viewport (0 or less: it fits). */
export function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}
