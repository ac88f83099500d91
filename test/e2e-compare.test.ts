import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { type RunningServer, startServer } from '../src/serve/index.ts';
import { openStore, type SqliteStore } from '../src/store/index.ts';
import {
  browserMissing,
  ensureWebBuilt,
  LAPTOP,
  launchBrowser,
  newContext,
  PHONE,
  screenshot,
  sidewaysOverflow,
} from './helpers/browser.ts';
import {
  STATEMENT_A_SIMP,
  STATEMENT_A_TRAD,
  STATEMENT_B_SIMP,
  STATEMENT_B_TRAD,
} from './helpers/statements.ts';
import { documentFor } from './helpers/store-pages.ts';

/**
 * The compare page in Chromium: two archive articles by address (/compare?a=1&b=2), and two
 * statements pasted into the form; what changed listed and coloured, the two side by side
 * with cut and added characters marked, redrawn in the script the reader picks. Screenshots
 * at laptop and phone width go to test-artifacts/.
 */

const missing = browserMissing();
if (missing !== null) console.log(`# skipping the browser tests: ${missing}`);

describe('the compare page in Chromium', { skip: missing ?? false, timeout: 120_000 }, () => {
  let dir: string;
  let archive: SqliteStore;
  let server: RunningServer;
  let browser: Browser;
  let base: string;

  before(async () => {
    ensureWebBuilt();
    dir = mkdtempSync(join(tmpdir(), 'jiedu-e2e-compare-'));
    archive = openStore(join(dir, 'archive.db'));
    archive.putDocument(documentFor(STATEMENT_A_TRAD, { source: 'a.txt', outlet: '本報' }));
    archive.putDocument(documentFor(STATEMENT_B_SIMP, { source: 'b.txt', outlet: '本报' }));
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

  async function open(
    viewport = LAPTOP,
  ): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    const context = await newContext(browser, new URL(base).origin, viewport);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    return { context, page, errors };
  }

  /** What every comparison of the composed statements shows. */
  async function checkResult(page: Page): Promise<void> {
    await page.locator('.cmp-result').waitFor();
    const counts = (await page.locator('.cmp-counts').first().textContent()) ?? '';
    assert.match(counts, /1 same/);
    assert.match(counts, /4 changed/);
    assert.match(counts, /1 added/);
    assert.match(counts, /1 dropped/);
    const changes = page.locator('.cmp-changes > li');
    assert.equal(await changes.count(), 6);
    assert.equal(await page.locator('.cmp-changes > li.cmp-dropped').count(), 1);
    assert.match(
      (await page.locator('.cmp-changes > li.cmp-dropped').textContent()) ?? '',
      /马来西亚|馬來西亞/,
    );
    assert.match(
      (await page.locator('.cmp-changes > li.cmp-dropped').textContent()) ?? '',
      /not in B/,
    );
    const changed = await page
      .locator('.cmp-changes > li.cmp-changed .cmp-badge')
      .allTextContents();
    assert.deepEqual(changed.map((t) => t.replace(/[+−]\S+/, 'W')).sort(), [
      'class changed',
      'modality W',
      'negated',
      'target widened',
    ]);
    // Side by side: a row per aligned sentence, coloured by status.
    assert.equal(await page.locator('tr.cmp-dropped').count(), 1);
    assert.equal(await page.locator('tr.cmp-added').count(), 1);
    assert.equal(await page.locator('tr.cmp-changed').count(), 4);
    const added = page.locator('tr.cmp-changed ins');
    const insTexts = await added.allTextContents();
    assert.ok(
      insTexts.some((t) => /将继续|將繼續/.test(t)),
      insTexts.join('|'),
    );
    assert.ok(insTexts.includes('不'), insTexts.join('|'));
    // The colours differ by status (a legend and words say the same).
    const colour = (sel: string) =>
      page
        .locator(sel)
        .first()
        .evaluate((el) => getComputedStyle(el).backgroundColor);
    const [dropped, addedRow, changedRow, same] = await Promise.all([
      colour('tr.cmp-dropped td'),
      colour('tr.cmp-added td'),
      colour('tr.cmp-changed td'),
      colour('tr.cmp-same td'),
    ]);
    assert.equal(new Set([dropped, addedRow, changedRow, same]).size, 4);
  }

  test('two archive articles by address: changes listed, side by side, coloured', async () => {
    const { context, page, errors } = await open();
    try {
      await page.goto(`${base}/compare?a=1&b=2`);
      await checkResult(page);
      assert.equal(await page.locator('textarea[name=text-a]').inputValue(), '');
      assert.equal(await page.locator('input[name=id-a]').inputValue(), '1');
      assert.equal(
        (await page.locator('.site-nav a[aria-current=page]').textContent()) ?? '',
        'Compare',
      );
      await screenshot(page, 'compare-laptop.png');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('two pasted statements, then the other script', async () => {
    const { context, page, errors } = await open();
    try {
      await page.goto(`${base}/compare`);
      await page.locator('textarea[name=text-a]').fill(STATEMENT_A_SIMP);
      await page.locator('textarea[name=text-b]').fill(STATEMENT_B_TRAD);
      await page.getByRole('button', { name: 'Compare', exact: true }).click();
      await checkResult(page);
      assert.match((await page.locator('tr.cmp-dropped').textContent()) ?? '', /中国赞赏马来西亚/);
      // 繁: the same comparison drawn in Traditional.
      await page.locator('.script-switch button[data-script=traditional]').click();
      await page.locator('tr.cmp-dropped', { hasText: '中國讚賞馬來西亞' }).waitFor();
      await checkResult(page);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('nothing to compare: said, no request', async () => {
    const { context, page, errors } = await open();
    try {
      await page.goto(`${base}/compare`);
      await page.locator('textarea[name=text-a]').fill(STATEMENT_A_TRAD);
      await page.getByRole('button', { name: 'Compare', exact: true }).click();
      const alert = page.getByRole('alert');
      await alert.waitFor();
      assert.match((await alert.textContent()) ?? '', /Statement B: paste its text/);
      await page.locator('input[name=id-b]').fill('99');
      await page.getByRole('button', { name: 'Compare', exact: true }).click();
      await page
        .getByRole('alert', { includeHidden: false })
        .filter({ hasText: 'no article 99' })
        .waitFor();
      assert.deepEqual(
        errors.filter((e) => !/404/.test(e)),
        [],
      );
    } finally {
      await context.close();
    }
  });

  test('a story: its copy side by side against the earliest, reached from search', async () => {
    const { context, page, errors } = await open();
    try {
      await page.goto(`${base}/?q=${encodeURIComponent('湄公河')}`);
      const copies = page.locator('.hit .copies-note');
      await copies.waitFor();
      assert.equal(await copies.textContent(), '2 copies');
      await copies.click();
      await page.waitForURL(/\/story\/\d+$/);
      const section = page.locator('.story-copy');
      await section.waitFor();
      assert.equal(await section.count(), 1);
      const counts = (await section.locator('.cmp-counts').textContent()) ?? '';
      assert.match(counts, /3 same/);
      assert.match(counts, /4 changed/);
      assert.match(counts, /1 cut/);
      assert.match(counts, /1 added/);
      assert.equal(await section.locator('tr.cmp-dropped').count(), 1);
      assert.equal(await section.locator('tr.cmp-added').count(), 1);
      assert.match((await section.locator('tr.cmp-dropped').textContent()) ?? '', /馬來西亞/);
      assert.equal(
        await section.getByRole('link', { name: 'Compare' }).getAttribute('href'),
        '/compare?a=1&b=2',
      );
      await screenshot(page, 'story-versions.png');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('a phone: the two sides stack, nothing wider than the screen', async () => {
    const { context, page, errors } = await open(PHONE);
    try {
      await page.goto(`${base}/compare?a=1&b=2`);
      await checkResult(page);
      assert.ok((await sidewaysOverflow(page)) <= 0, 'no sideways scrolling');
      await screenshot(page, 'compare-phone.png');
      await screenshot(page, 'compare-phone-top.png', false);
      await page.locator('.cmp-table').scrollIntoViewIfNeeded();
      await screenshot(page, 'compare-phone-table.png', false);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
});
