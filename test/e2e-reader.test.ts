import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ingest } from '../src/ingest/index.ts';
import { type RunningServer, startServer } from '../src/serve/index.ts';
import { openStore, type SqliteStore } from '../src/store/index.ts';
import {
  browserMissing,
  E2E_PAGES,
  ensureWebBuilt,
  launchBrowser,
  newContext,
  PHONE,
  screenshot,
  sidewaysOverflow,
} from './helpers/browser.ts';

/**
 * The reader's layout in Debian's headless Chromium: on a wide screen the original layout
 * stays beside a long article's text while the page scrolls (sticky, scrolling inside);
 * the stance explorer puts the actor graph above its table; the story's own 來源 line is
 * shown; at phone width everything stacks and nothing scrolls sideways. Screenshots go to
 * test-artifacts/.
 */

const missing = browserMissing();
if (missing !== null) console.log(`# skipping the browser tests: ${missing}`);

/** A wide screen: the reader's two panes side by side. */
const WIDE = { width: 1280, height: 800 };

/** A long story (four sections, seventeen paragraphs) that closes with its source line. */
const LONG_HEADLINE = '啟德海濱長廊分階段開放 市民可沿海步行至觀塘';
const LONG_SOURCE = '來源：東區通訊社';
const LONG_PAGE = [
  LONG_HEADLINE,
  '啟德海濱長廊第一期工程昨日完工，下月起分階段開放予市民使用。長廊全長約四公里，由前跑道區伸延至觀塘海濱，沿途設有單車徑、緩跑徑和多個休憩平台。',
  '發展局發言人表示，工程團隊在施工期間保留了舊機場的部分設施，包括一段跑道燈和兩座導航塔，讓市民可以認識這一帶的歷史。',
  '長廊第一期開放時間為每日早上六時至晚上十一時，晚間會開啟沿岸照明。當局提醒市民在單車徑上注意速度，並避免在指定範圍以外垂釣。',
  '交通配套',
  '為配合長廊開放，運輸署將於周末及公眾假期加開兩條專線小巴路線，分別來往九龍灣港鐵站和土瓜灣街市。',
  '長廊東端亦會新增一個公共單車停泊處，可容納約三百輛單車。附近的公眾停車場則會提供少量電動車充電車位。',
  '有區議員認為交通安排大致足夠，但擔心節日期間人流過多，建議當局預先制訂人群管理措施，並在入口設置實時人流顯示屏。',
  '社區活動',
  '海濱事務委員會計劃在開放首月舉辦一連串社區活動，包括海濱音樂會、親子繪畫比賽和攝影導賞團。活動均免費參加，部分需要網上報名。',
  '委員會主席說，希望長廊不只是一條通道，而是居民日常散步、運動和聚會的地方。委員會亦會邀請區內學校參與設計部分公共藝術裝置。',
  '附近的長者中心已安排義工帶領長者參觀長廊，並教導他們使用沿途的健體設施。中心負責人表示，不少長者期待可以在海邊晨運。',
  '環境保育',
  '工程期間，承建商在海堤加設了生態磚，為小型海洋生物提供棲息空間。環保團體早前在海堤進行調查，發現已有藤壺和小魚聚集。',
  '環保團體建議當局定期監察水質，並在長廊設置資訊牌，介紹海堤的生態設計，讓市民了解海濱發展與保育可以並行。',
  '當局回應說，渠務署會每季公布附近海域的水質數據，並研究在第二期工程中擴大生態海堤的範圍。',
  '第二期工程',
  '長廊第二期工程預計明年中展開，將把長廊伸延至鯉魚門，並在沿途興建一個小型碼頭，供水上的士停靠。',
  '發展局表示，第二期工程的設計會參考第一期的使用情況和市民意見，當局將在下月舉行兩場公眾諮詢會，收集市民對碼頭位置和設施的看法。',
  '有商界人士認為，長廊連接多個新發展區，可望帶動沿岸餐飲和零售業務。不過亦有居民擔心商業活動增加會影響寧靜的環境。',
  '發展局發言人強調，長廊的規劃會以公共空間為主，商業設施只會佔很小的比例，並會在設計上盡量減少對附近住宅的影響。',
  '當局呼籲市民在長廊開放初期多加包涵，如發現設施損壞或安全問題，可致電政府熱線或透過流動應用程式報告。',
  LONG_SOURCE,
  '',
].join('\n\n');

describe('reader layout in Chromium', { skip: missing ?? false, timeout: 180_000 }, () => {
  let dir: string;
  let archive: SqliteStore;
  let server: RunningServer;
  let browser: Browser;
  let base: string;

  before(async () => {
    ensureWebBuilt();
    dir = mkdtempSync(join(tmpdir(), 'jiedu-e2e-reader-'));
    archive = openStore(join(dir, 'archive.db'));
    const pages = join(dir, 'pages');
    const files = [...E2E_PAGES, { name: 'harbourfront.txt', date: '2026-03-11', text: LONG_PAGE }];
    for (const p of files) {
      const folder = join(pages, ...p.date.split('-'));
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, p.name), p.text);
    }
    const summary = await ingest({
      inputs: [pages],
      store: archive,
      workers: 1,
      dateFromPath: true,
    });
    assert.equal(summary.stored, files.length, 'every composed page is stored');
    server = await startServer({ archive, port: 0 });
    base = server.url.replace(/\/$/, '');
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    archive?.close();
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  /** A fresh context at a viewport and a page on it whose errors are collected. */
  async function open(viewport: {
    width: number;
    height: number;
  }): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    const context = await newContext(browser, new URL(base).origin, viewport);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    return { context, page, errors };
  }

  /** Scrolls the window to `y` and waits for the frame that lays it out. */
  async function scrollTo(page: Page, y: number): Promise<void> {
    await page.evaluate(async (to) => {
      window.scrollTo(0, to);
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    }, y);
  }

  /** Opens the long story from a search. */
  async function openLongArticle(page: Page): Promise<void> {
    await page.goto(`${base}/?q=${encodeURIComponent('海濱長廊')}`);
    await page.locator('.hit-title a', { hasText: '啟德海濱長廊' }).first().click();
    await page.waitForURL(/\/article\/\d+$/);
    await page.locator('.reader').waitFor();
    await page.evaluate(() => document.fonts.ready);
  }

  test('wide: the original layout stays beside the text while a long article scrolls', async () => {
    const { context, page, errors } = await open(WIDE);
    await openLongArticle(page);
    assert.equal(await page.locator('h1.headline').textContent(), LONG_HEADLINE);
    // The story's own source line is shown, as a credit closing the text, not a heading.
    const source = page.locator('.pane-clean .source-line');
    assert.equal(await source.textContent(), LONG_SOURCE);
    assert.equal(await page.locator('.pane-clean :is(h1, h2, h3)', { hasText: '來源' }).count(), 0);

    const pane = page.locator('.pane-original');
    assert.equal(await pane.evaluate((el) => getComputedStyle(el).position), 'sticky');
    // Nothing above the pane clips or scrolls, which would stop it sticking to the window.
    const clipping = await pane.evaluate((el) => {
      const found: string[] = [];
      for (let up = el.parentElement; up !== null; up = up.parentElement) {
        const style = getComputedStyle(up);
        if (style.overflowX !== 'visible' || style.overflowY !== 'visible') {
          found.push(`${up.tagName.toLowerCase()}.${up.className}: ${style.overflow}`);
        }
      }
      return found;
    });
    assert.deepEqual(clipping, [], 'no ancestor of the pane clips overflow');

    const clean = await page.locator('.pane-clean').boundingBox();
    const first = await pane.boundingBox();
    assert.ok(clean !== null && first !== null);
    assert.ok(first.x >= clean.x + clean.width, 'the panes stand side by side');
    assert.ok(clean.height > 2 * WIDE.height, `the article is long: ${clean.height}px`);
    assert.ok(first.height <= WIDE.height, `the pane fits the window: ${first.height}px`);
    // The long original scrolls inside its pane.
    assert.ok(
      await page.locator('pre.original').evaluate((pre) => pre.scrollHeight > pre.clientHeight),
      'the original scrolls inside the pane',
    );

    const inView = async (where: string) => {
      const box = await pane.boundingBox();
      assert.ok(box !== null);
      assert.ok(
        box.y >= 0 && box.y + box.height <= WIDE.height + 0.5,
        `${where}: the pane is within the window (${box.y}–${box.y + box.height})`,
      );
      return box;
    };
    // Reading down the text (the page was at its top, so boxes are page positions): from
    // a quarter of the way to where the text's last line reaches the foot of the window,
    // the pane stays in view, in its column, sticking 1rem under the top until the text ends.
    const end = clean.y + clean.height - WIDE.height;
    for (const share of [0.25, 0.5, 0.75, 1]) {
      await scrollTo(page, end * share);
      const box = await inView(`${share * 100}% of the way down`);
      assert.ok(Math.abs(box.x - first.x) < 1, 'it stays in its column');
      if (share < 1) assert.ok(Math.abs(box.y - 16) <= 2, `it sticks 1rem below the top: ${box.y}`);
    }
    const scrolled = await page.evaluate(() => window.scrollY);
    assert.ok(scrolled > WIDE.height, `scrolled far down: ${scrolled}px`);
    // Beside the end of the text, the source line closing it in view too.
    const credit = await source.boundingBox();
    assert.ok(
      credit !== null && credit.y + credit.height <= WIDE.height,
      'the source line is seen',
    );
    await screenshot(page, 'reader-wide-scrolled.png', false);
    await scrollTo(page, 0);
    await screenshot(page, 'reader-wide.png', true);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('wide: the stance explorer shows the actor graph above the table', async () => {
    const { context, page, errors } = await open(WIDE);
    await page.goto(`${base}/stances`);
    await page.locator('.stance-table').waitFor();
    await page.locator('.graph-box[data-drawn="true"]').waitFor();
    const graph = await page.locator('section[aria-labelledby="actor-graph"]').boundingBox();
    const table = await page.locator('.stance-table').boundingBox();
    assert.ok(graph !== null && table !== null);
    assert.ok(graph.y < table.y, `the graph (${graph.y}) comes before the table (${table.y})`);
    assert.ok(graph.y < WIDE.height, 'the graph starts on the first screen');
    // Headings in the same order as the layout: page, graph, counts beside it, then rows.
    const headings = await page.locator('main h1, main h2').allTextContents();
    assert.ok(headings.indexOf('Actor graph') < headings.indexOf('Stances'), headings.join(' / '));
    assert.equal(headings[0], 'Stance explorer');
    await screenshot(page, 'reader-wide-stances.png', true);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('phone width: the panes stack, the graph leads, nothing scrolls sideways', async () => {
    const { context, page, errors } = await open(PHONE);
    await openLongArticle(page);
    assert.ok((await sidewaysOverflow(page)) <= 0, 'the reader fits the phone');
    const pane = page.locator('.pane-original');
    assert.equal(await pane.evaluate((el) => getComputedStyle(el).position), 'static');
    const [clean, original] = await Promise.all([
      page.locator('.pane-clean').boundingBox(),
      pane.boundingBox(),
    ]);
    assert.ok(clean !== null && original !== null);
    assert.ok(original.y >= clean.y + clean.height - 1, 'the original comes under the text');
    assert.equal(await page.locator('.pane-clean .source-line').textContent(), LONG_SOURCE);
    await screenshot(page, 'reader-phone.png', true);
    // One screen at the end of the text: the source line, then the original under it.
    await page.locator('.pane-clean .source-line').scrollIntoViewIfNeeded();
    await screenshot(page, 'reader-phone-foot.png', false);

    await page.goto(`${base}/stances`);
    await page.locator('.stance-table').waitFor();
    await page.locator('.graph-box[data-drawn="true"]').waitFor();
    assert.ok((await sidewaysOverflow(page)) <= 0, 'the stance explorer fits the phone');
    const graph = await page.locator('section[aria-labelledby="actor-graph"]').boundingBox();
    const table = await page.locator('.stance-table').boundingBox();
    assert.ok(graph !== null && table !== null && graph.y < table.y, 'the graph comes first');
    await screenshot(page, 'reader-phone-stances.png', true);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
