import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ingest } from '../src/ingest/index.ts';
import { type RunningServer, startServer } from '../src/serve/index.ts';
import { openStore, type SqliteStore } from '../src/store/index.ts';
import {
  browserMissing,
  E2E_HTML_PAGE,
  E2E_PAGES,
  ensureWebBuilt,
  INERT_MARKUP,
  LAPTOP,
  launchBrowser,
  newContext,
  PHONE,
  screenshot,
  sidewaysOverflow,
} from './helpers/browser.ts';
import { encodeBig5 } from './helpers/encode.ts';

/**
 * The web UI end to end, in Debian's headless Chromium against the real server and a
 * temporary archive of composed pages: search → article → entity page → stance table → CSV,
 * paste a page (text and a Big5 file), the 繁/简 switch, phone width, and a page carrying
 * <script> and onerror= that must stay text. Screenshots go to test-artifacts/.
 */

const missing = browserMissing();
if (missing !== null) console.log(`# skipping the browser tests: ${missing}`);

/** What a page did that a test should fail on: errors, dialogs, requests leaving loopback. */
interface Watch {
  errors: string[];
  dialogs: string[];
  outside: string[];
}

describe('web UI in Chromium', { skip: missing ?? false, timeout: 180_000 }, () => {
  let dir: string;
  let archive: SqliteStore;
  let server: RunningServer;
  let browser: Browser;
  let base: string;

  before(async () => {
    ensureWebBuilt();
    dir = mkdtempSync(join(tmpdir(), 'jiedu-e2e-'));
    archive = openStore(join(dir, 'archive.db'));
    // The pages go in as `jiedu ingest --date-from-path` takes them: files under
    // YYYY/MM/DD/, parsed and annotated on a worker, the outlet read off each page.
    const pages = join(dir, 'pages');
    for (const p of E2E_PAGES) {
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
    assert.equal(summary.stored, E2E_PAGES.length, 'every composed page is stored');
    const outlets = archive.stats().outlets.map((o) => o.key);
    for (const p of E2E_PAGES) assert.ok(outlets.includes(p.outlet), `${p.name}: ${p.outlet}`);
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

  /** A fresh context (own storage) at a viewport, and a page on it that is watched. */
  async function open(
    viewport = LAPTOP,
  ): Promise<{ context: BrowserContext; page: Page; watch: Watch }> {
    const context = await newContext(browser, new URL(base).origin, viewport);
    const page = await context.newPage();
    const watch: Watch = { errors: [], dialogs: [], outside: [] };
    page.on('console', (m) => {
      if (m.type() === 'error') watch.errors.push(m.text());
    });
    page.on('pageerror', (e) => watch.errors.push(e.message));
    page.on('dialog', (d) => {
      watch.dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('requestfailed', (r) => {
      if (!r.url().startsWith(base)) watch.outside.push(r.url());
    });
    return { context, page, watch };
  }

  function assertClean(watch: Watch): void {
    assert.deepEqual(watch.dialogs, [], 'no dialog opened');
    assert.deepEqual(watch.outside, [], 'no request left the server');
    assert.deepEqual(watch.errors, [], 'no console error (a CSP violation is one)');
  }

  /** True when the canvas under `selector` has a pixel that is not transparent. */
  function painted(page: Page, selector: string): Promise<boolean> {
    return page.evaluate((sel) => {
      for (const canvas of document.querySelectorAll<HTMLCanvasElement>(`${sel} canvas`)) {
        const ctx = canvas.getContext('2d');
        if (ctx === null || canvas.width === 0 || canvas.height === 0) continue;
        const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
        for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) return true;
      }
      return false;
    }, selector);
  }

  test('search → article → entity page → stance table → CSV download', async () => {
    const { context, page, watch } = await open();
    await page.goto(`${base}/`);
    // The bundled CJK font draws the page: this machine's Chromium has none of its own.
    const fontReady = await page.evaluate(async () => {
      await document.fonts.load('16px "Noto Sans TC"', '王毅會談');
      return document.fonts.check('16px "Noto Sans TC"', '王毅會談');
    });
    assert.equal(fontReady, true, 'Noto Sans TC is served and loads');

    const query = page.getByRole('searchbox', { name: 'Search the archive' });
    await query.fill('王毅 會談');
    await query.press('Enter');
    await page.waitForURL(/q=/);
    const hit = page.locator('.hit').first();
    await hit.waitFor();
    assert.match(
      (await hit.locator('.hit-title').textContent()) ?? '',
      /王毅同俄羅斯外長拉夫羅夫舉行會談/,
    );
    const marks = await hit.locator('.snippet mark').allTextContents();
    assert.ok(marks.includes('王毅'), `the snippet highlights the query: ${marks.join(',')}`);
    // Where the page is among every match.
    const hitCount = await page.locator('.hit').count();
    assert.match(
      (await page.locator('.result-count').textContent()) ?? '',
      new RegExp(`^1–${hitCount} of ${hitCount} stor(?:y|ies)$`),
    );
    await screenshot(page, 'laptop-search.png');

    await hit.locator('.hit-title a').click();
    await page.waitForURL(/\/article\/\d+$/);
    await page.locator('.reader').waitFor();
    assert.equal(
      await page.locator('h1.headline').textContent(),
      '王毅同俄羅斯外長拉夫羅夫舉行會談',
    );
    const clean = page.locator('.pane-clean');
    // Entities coloured by type with the canonical entity on hover and focus.
    const wang = clean.locator('a.ent-PER[data-entity="王毅"]').first();
    assert.equal(await wang.getAttribute('data-tip'), '王毅 · Person');
    const card = page.locator('#tooltip');
    await wang.hover();
    assert.equal(await card.textContent(), '王毅 · Person', 'hovering shows the card');
    assert.equal(await card.isVisible(), true);
    await page.mouse.move(1, 1);
    assert.equal(await card.isVisible(), false, 'the card goes with the pointer');
    await wang.focus();
    assert.equal(await card.isVisible(), true, 'focus shows the card');
    assert.equal(await wang.getAttribute('aria-describedby'), 'tooltip');
    await page.keyboard.press('Escape');
    assert.equal(await card.isVisible(), false, 'Escape dismisses it');
    assert.ok((await clean.locator('a.ent-LOC').count()) > 0, 'places are marked');
    // Entity links spell the id in Simplified, as the archive does, from a Traditional page.
    const lavrov = clean.locator('a.ent-PER[data-entity="拉夫羅夫"]').first();
    assert.equal(
      await lavrov.getAttribute('href'),
      `/entity/${encodeURIComponent('PER:拉夫罗夫')}`,
    );
    // Quotes with a speaker chip; stance sentences underlined by class.
    const chips = await clean.locator('.chip-quote').allTextContents();
    assert.ok(
      chips.some((c) => c.includes('王毅')),
      `a quote chip names 王毅: ${chips.join('|')}`,
    );
    assert.ok((await clean.locator('.st-oppose').count()) > 0, 'the oppose stance is underlined');
    assert.ok((await page.locator('.legend .st-oppose').count()) > 0, 'the legend explains it');
    // The original layout holds the decoded page with the article's range marked.
    const range = await page.locator('.pane-original .article-range').textContent();
    assert.match(range ?? '', /拉夫羅夫說，俄方讚賞/);
    // Annotations can be switched off for plain reading, the headline included.
    const headlineMark = page.locator('h1.headline .ent').first();
    const tint = () => headlineMark.evaluate((el) => getComputedStyle(el).backgroundColor);
    const marked = await tint();
    await page.getByLabel('Annotations').uncheck();
    assert.equal(await tint(), 'rgba(0, 0, 0, 0)');
    assert.equal(await clean.locator('.chip-quote').first().isVisible(), false);
    await page.getByLabel('Annotations').check();
    assert.equal(await tint(), marked);
    // Repairs are hidden until asked for.
    await page.getByLabel(/Parser repairs/).check();
    assert.match((await page.locator('.reader').getAttribute('class')) ?? '', /show-repairs/);
    await screenshot(page, 'laptop-article.png');
    // The list of quotes links to where each one is in the text.
    await page.locator('.quote-list .jump').first().click();
    await page.waitForURL(/#r-quote-0$/);
    const target = page.locator('.pane-clean .chip-quote').first();
    assert.equal(await target.evaluate((el) => el.matches(':target')), true);
    assert.equal(await page.locator('.reader').count(), 1, 'a #fragment does not redraw the page');

    await wang.click();
    await page.waitForURL(/\/entity\//);
    await page.locator('.entity-head').waitFor();
    assert.match((await page.locator('h1').textContent()) ?? '', /王毅/);
    await page.locator('.chart canvas[data-drawn="true"]').waitFor();
    assert.equal(await painted(page, '.chart'), true, 'the mentions chart is drawn');
    const quotesBy = page.locator('section[aria-labelledby="sec-quotes-by"]');
    assert.match((await quotesBy.textContent()) ?? '', /中俄關係不針對第三方/);
    assert.match(
      (await page.locator('section[aria-labelledby="sec-cooccur"]').textContent()) ?? '',
      /拉夫罗夫/,
    );
    await screenshot(page, 'laptop-entity.png');

    await page.getByRole('link', { name: 'Stances by' }).click();
    await page.waitForURL(/\/stances\?actor=/);
    const rows = page.locator('.stance-table tbody tr');
    await rows.first().waitFor();
    assert.match((await rows.first().textContent()) ?? '', /王毅/);

    // The whole table, then only what is opposed.
    await page.getByRole('link', { name: 'Stances', exact: true }).click();
    await page.waitForURL(/\/stances$/);
    await page.locator('.stance-table').waitFor();
    await page.getByLabel('Class', { exact: true }).selectOption('oppose');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/class=oppose/);
    await page.locator('.stance-table').waitFor();
    const opposed = await page.locator('.stance-table tbody tr').count();
    assert.ok(opposed >= 2, `at least the two pages' oppose stances: ${opposed}`);
    const classes = await page.locator('.stance-table tbody .class-chip').allTextContents();
    assert.ok(
      classes.every((c) => /oppose/.test(c)),
      classes.join(','),
    );

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page
        .getByRole('group', { name: 'Export these stances' })
        .getByRole('link', { name: 'CSV' })
        .click(),
    ]);
    assert.equal(download.suggestedFilename(), 'stances.csv');
    const csv = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.trim().split(/\r?\n/);
    assert.match(lines[0] ?? '', /class/, 'a header row');
    assert.equal(lines.length - 1, opposed, 'the CSV has the rows the table shows');
    assert.ok(
      lines.slice(1).every((l) => l.includes('oppose')),
      csv,
    );
    assert.ok(csv.includes('任何單邊制裁'), 'targets in the page script');

    // The actor graph draws on a canvas without a GPU.
    await page.locator('.graph-box[data-drawn="true"]').waitFor();
    assert.equal(await painted(page, '.graph-box'), true, 'the actor graph is drawn');
    await screenshot(page, 'laptop-stances.png');
    assertClean(watch);
    await context.close();
  });

  test('paste a page: text, a Big5 file and a web page, shown at once in the reader', async () => {
    const { context, page, watch } = await open();
    await page.goto(`${base}/paste`);
    const tariffs = E2E_PAGES[1]?.text ?? '';
    await page.getByLabel('Page text').fill(tariffs);
    await page.getByRole('button', { name: 'Parse and annotate' }).click();
    await page.locator('.reader').waitFor();
    assert.equal(
      await page.locator('h1.headline').textContent(),
      '外交部：中方坚决反对美方加征关税',
    );
    assert.ok((await page.locator('.pane-clean a.ent-PER[data-entity="毛宁"]').count()) > 0);
    assert.ok((await page.locator('.pane-clean .st-oppose').count()) > 0);
    assert.match(
      (await page.locator('.parse-summary').textContent()) ?? '',
      /1 article · utf-8 · simplified/,
    );
    await screenshot(page, 'laptop-paste.png');

    // A file in Big5: the server detects the encoding; the reader shows the same article.
    const lavrov = E2E_PAGES[0]?.text ?? '';
    await page.getByLabel('Or choose a file').setInputFiles({
      name: 'lavrov-big5.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(encodeBig5(lavrov)),
    });
    assert.match((await page.locator('.file-note').textContent()) ?? '', /lavrov-big5\.txt/);
    await page.getByRole('button', { name: 'Parse and annotate' }).click();
    await page.locator('.parse-summary', { hasText: 'lavrov-big5.txt' }).waitFor();
    assert.match((await page.locator('.parse-summary').textContent()) ?? '', /big5/);
    assert.equal(
      await page.locator('h1.headline').textContent(),
      '王毅同俄羅斯外長拉夫羅夫舉行會談',
    );

    // A web page: its story extracted, with the author and time its meta tags give.
    await page.getByLabel('Or choose a file').setInputFiles({
      name: 'kai-tak.html',
      mimeType: 'text/html',
      buffer: Buffer.from(E2E_HTML_PAGE),
    });
    await page.getByRole('button', { name: 'Parse and annotate' }).click();
    await page.locator('.parse-summary', { hasText: 'kai-tak.html' }).waitFor();
    assert.match((await page.locator('.parse-summary').textContent()) ?? '', /web page, 1 article/);
    assert.equal(await page.locator('h1.headline').textContent(), '啟德體育園下月開幕');
    const facts = (await page.locator('.meta-list').textContent()) ?? '';
    assert.match(facts, /By林曉彤/);
    assert.match(facts, /Published2026-03-12 09:30/);
    assert.doesNotMatch((await page.locator('.pane-clean').textContent()) ?? '', /首頁|版權所有/);
    await screenshot(page, 'laptop-paste-html.png', false);
    assertClean(watch);
    await context.close();
  });

  test('the 繁/简 switch converts every text and is remembered', async () => {
    const { context, page, watch } = await open();
    await page.goto(`${base}/?q=${encodeURIComponent('俄羅斯')}`);
    await page.locator('.hit').first().waitFor();
    await page.getByRole('button', { name: '简' }).click();
    await page.locator('h1.headline, .hit-title', { hasText: '俄罗斯' }).first().waitFor();
    // Highlights stay on the converted words: each piece is converted on its own.
    const marks = await page.locator('.hit .snippet mark').allTextContents();
    assert.ok(marks.length > 0 && marks.every((m) => m === '俄罗斯'), marks.join(','));
    assert.equal(
      await page.getByRole('button', { name: '简' }).getAttribute('aria-pressed'),
      'true',
    );

    await page.locator('.hit-title a', { hasText: '拉夫罗夫' }).click();
    await page.locator('.reader').waitFor();
    assert.equal(
      await page.locator('h1.headline').textContent(),
      '王毅同俄罗斯外长拉夫罗夫举行会谈',
    );
    const lavrov = page.locator('.pane-clean a.ent-PER', { hasText: '拉夫罗夫' }).first();
    assert.equal(await lavrov.getAttribute('data-tip'), '拉夫罗夫 · Person');
    assert.equal(await page.locator('.pane-clean').getAttribute('lang'), null);
    assert.equal(await page.locator('.pane-clean .clean').getAttribute('lang'), 'zh-Hans');
    await screenshot(page, 'laptop-article-simplified.png');

    // Remembered across a reload; Traditional converts a Simplified page.
    await page.reload();
    await page.locator('.reader').waitFor();
    assert.equal(
      await page.locator('h1.headline').textContent(),
      '王毅同俄罗斯外长拉夫罗夫举行会谈',
    );
    await page.goto(`${base}/?q=${encodeURIComponent('关税')}`);
    await page.locator('.hit').first().waitFor();
    await page.getByRole('button', { name: '繁' }).click();
    await page.locator('.hit-title', { hasText: '堅決反對' }).first().waitFor();
    await page.getByRole('button', { name: '原文' }).click();
    await page.locator('.hit-title', { hasText: '坚决反对' }).first().waitFor();
    assertClean(watch);
    await context.close();
  });

  test('phone width: every page fits, nothing scrolls sideways', async () => {
    const { context, page, watch } = await open(PHONE);
    const pages: [string, string, string][] = [
      ['/', '.hit', 'phone-search.png'],
      [`/?q=${encodeURIComponent('王毅')}`, '.hit', 'phone-results.png'],
      ['/entity/PER%3A%E7%8E%8B%E6%AF%85', '.chart canvas[data-drawn="true"]', 'phone-entity.png'],
      ['/stances', '.graph-box[data-drawn="true"]', 'phone-stances.png'],
      ['/paste', 'textarea', 'phone-paste.png'],
    ];
    for (const [path, ready, name] of pages) {
      await page.goto(`${base}${path}`);
      await page.locator(ready).first().waitFor();
      const overflow = await sidewaysOverflow(page);
      assert.ok(overflow <= 0, `${path} is ${overflow}px wider than the phone`);
      await screenshot(page, name);
    }
    await page.goto(`${base}/`);
    await page.locator('.hit-title a').first().click();
    await page.locator('.reader').waitFor();
    const overflow = await sidewaysOverflow(page);
    assert.ok(overflow <= 0, `the reader is ${overflow}px wider than the phone`);
    // Stacked, not side by side.
    const [cleanBox, originalBox] = await Promise.all([
      page.locator('.pane-clean').boundingBox(),
      page.locator('.pane-original').boundingBox(),
    ]);
    assert.ok(
      cleanBox !== null && originalBox !== null && originalBox.y > cleanBox.y + cleanBox.height - 1,
    );
    // Entity cards stay inside the screen wherever the mark sits on its line.
    const entityMarks = page.locator('.pane-clean a.ent');
    const count = Math.min(12, await entityMarks.count());
    for (let i = 0; i < count; i++) {
      await entityMarks.nth(i).focus();
      const box = await page.locator('#tooltip').boundingBox();
      assert.ok(box !== null && box.x >= 0 && box.x + box.width <= PHONE.width, `card ${i} fits`);
      const wider = await sidewaysOverflow(page);
      assert.ok(wider <= 0, `card ${i} does not widen the page`);
    }
    await screenshot(page, 'phone-article.png');
    assertClean(watch);
    await context.close();
  });

  test('keyboard: the skip link, Enter in the query box, paging', async () => {
    const { context, page, watch } = await open();
    await page.goto(`${base}/`);
    await page.locator('.hit').first().waitFor();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to content');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'q');
    await page.keyboard.type('關稅');
    await page.keyboard.press('Enter');
    await page.waitForURL(/q=/);
    await page.locator('.hit-title', { hasText: '关税' }).first().waitFor();
    // Paging: two results a page, Next and Previous by keyboard.
    await page.goto(`${base}/?limit=2`);
    await page.locator('.hit').first().waitFor();
    assert.equal(await page.locator('.hit').count(), 2);
    const first = await page.locator('.hit-title').allTextContents();
    await page.getByRole('link', { name: 'Next →' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/offset=2/);
    await page.locator('.pager-status', { hasText: '3–4' }).waitFor();
    const second = await page.locator('.hit-title').allTextContents();
    assert.equal(second.length, 2);
    assert.ok(
      second.every((t) => !first.includes(t)),
      'the next page has other articles',
    );
    await page.getByRole('link', { name: '← Previous' }).click();
    await page.locator('.pager-status', { hasText: '1–2' }).waitFor();

    // A query the search cannot read is explained, not a blank page.
    const box = page.getByRole('searchbox', { name: 'Search the archive' });
    await box.fill('(中方');
    await box.press('Enter');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match((await alert.textContent()) ?? '', /unclosed \(/);
    watch.errors = watch.errors.filter((e) => !/status of 400/.test(e));
    assertClean(watch);
    await context.close();
  });

  test('repairs: the rejoined line ends of a hard-wrapped page, shown on demand', async () => {
    const { context, page, watch } = await open();
    await page.goto(`${base}/?q=${encodeURIComponent('数字经济')}`);
    await page.locator('.hit-title a', { hasText: '数字经济合作论坛' }).click();
    await page.locator('.reader').waitFor();
    const badges = page.locator('.pane-clean .repair-badge[data-kind="wrap"]');
    assert.equal(await badges.count(), 6, 'a badge for each of the 6 rejoined line ends');
    assert.equal(await badges.first().isVisible(), false, 'hidden until asked for');
    await page.getByLabel(/Parser repairs \(6\)/).check();
    assert.equal(await badges.first().isVisible(), true);
    assert.match((await badges.first().getAttribute('title')) ?? '', /hard-wrapped/);
    // The clean paragraph reads on across the line ends: 东|盟 is one word again.
    const paragraph = await page
      .locator('.pane-clean p')
      .last()
      .evaluate((p) => {
        const copy = p.cloneNode(true) as HTMLElement;
        for (const badge of copy.querySelectorAll('.repair-badge')) badge.remove();
        return copy.textContent ?? '';
      });
    assert.match(paragraph, /第五届中国—东盟数字经济合作论坛/);
    assert.ok((await page.locator('.pane-original .rep').count()) >= 6, 'the original marks them');
    await screenshot(page, 'laptop-repairs.png', false);
    assertClean(watch);
    await context.close();
  });

  test('negated stances: filtered in the explorer, wavy in the reader', async () => {
    const { context, page, watch } = await open();
    await page.goto(`${base}/stances`);
    await page.getByLabel('Negation').selectOption('true');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/negated=true/);
    const rows = page.locator('.stance-table tbody tr');
    await rows.first().waitFor();
    assert.equal(await rows.count(), 1);
    assert.equal(await rows.first().locator('.class-chip').textContent(), 'not support');
    assert.match((await rows.first().textContent()) ?? '', /對華加徵關稅/);
    await rows.first().locator('.row-source').click();
    await page.locator('.reader').waitFor();
    assert.match((await page.locator('.pane-clean .st-neg').first().textContent()) ?? '', /對華/);
    assert.equal(await page.locator('.legend .st-neg').textContent(), 'negated (wavy)');
    assertClean(watch);
    await context.close();
  });

  test('a page with <script> and onerror= stays text, archived or pasted', async () => {
    const { context, page, watch } = await open();
    const phishing = E2E_PAGES[3]?.text ?? '';
    const checkInert = async (where: string) => {
      const text = (await page.locator('.pane-clean').textContent()) ?? '';
      for (const markup of INERT_MARKUP)
        assert.ok(text.includes(markup), `${where} shows ${markup} literally`);
      const injected = await page.evaluate(() => ({
        pwned: (window as unknown as { __jieduPwned?: number }).__jieduPwned ?? null,
        scripts: document.querySelectorAll('main script').length,
        images: document.querySelectorAll('main img').length,
        handlers: document.querySelectorAll('main [onerror], main [onload], main [onclick]').length,
      }));
      assert.deepEqual(injected, { pwned: null, scripts: 0, images: 0, handlers: 0 }, where);
    };

    await page.goto(`${base}/?q=${encodeURIComponent('釣魚')}`);
    await page.locator('.hit-title a').first().click();
    await page.locator('.reader').waitFor();
    await checkInert('the archived article');
    const original = (await page.locator('.pane-original').textContent()) ?? '';
    assert.ok(
      original.includes(INERT_MARKUP[1] ?? '?'),
      'the original layout shows it literally too',
    );
    await screenshot(page, 'laptop-inert-markup.png');

    await page.goto(`${base}/paste`);
    await page.getByLabel('Page text').fill(phishing);
    await page.getByRole('button', { name: 'Parse and annotate' }).click();
    await page.locator('.reader').waitFor();
    await checkInert('the pasted page');
    await page.waitForTimeout(200);
    assertClean(watch);
    await context.close();
  });
});
