import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { toSimplified } from '../src/normalize/index.ts';
import { type RunningServer, startServer } from '../src/serve/index.ts';
import { openStore, type SqliteStore } from '../src/store/index.ts';
import {
  browserMissing,
  ensureWebBuilt,
  LAPTOP,
  launchBrowser,
  newContext,
  screenshot,
} from './helpers/browser.ts';
import { documentFor, TRAD_PAGE } from './helpers/store-pages.ts';

/**
 * A story counted once in Chromium: the meeting page in three outlets. Search, the quote
 * browser and the stance explorer show it once with "3 copies in 3 outlets"; the "Every
 * copy" switch lists every copy's rows; the entity page compares the outlets. Screenshots go to test-artifacts/.
 */

const missing = browserMissing();
if (missing !== null) console.log(`# skipping the browser tests: ${missing}`);

describe('a story counted once in Chromium', { skip: missing ?? false, timeout: 120_000 }, () => {
  let dir: string;
  let archive: SqliteStore;
  let server: RunningServer;
  let browser: Browser;
  let base: string;

  before(async () => {
    ensureWebBuilt();
    dir = mkdtempSync(join(tmpdir(), 'jiedu-e2e-copies-'));
    archive = openStore(join(dir, 'archive.db'));
    const copies = [
      [TRAD_PAGE, '文匯報'],
      [toSimplified(TRAD_PAGE), '大公报'],
      [TRAD_PAGE.replace(/\n/g, '\r\n'), '星島日報'],
    ] as const;
    copies.forEach(([text, outlet], i) => {
      archive.putDocument(
        documentFor(text, { source: `copy-${i}.txt`, outlet, date: '2024-05-16' }),
      );
    });
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

  async function open(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    const context = await newContext(browser, new URL(base).origin, LAPTOP);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    return { context, page, errors };
  }

  test('quotes: once with its copies and outlets; the switch lists every copy', async () => {
    const { context, page, errors } = await open();
    try {
      await page.goto(`${base}/quotes`);
      await page.locator('.quote-table tbody tr').first().waitFor();
      const once = await page.locator('.quote-table tbody tr').count();
      assert.equal(once, archive.totalQuotes({}));
      const notes = await page.locator('.quote-table .copies-note').allTextContents();
      assert.equal(notes.length, once);
      assert.ok(
        notes.every((n) => n === '3 copies in 3 outlets'),
        notes.join('|'),
      );
      await screenshot(page, 'copies-quotes.png');
      await page.getByLabel(/Every copy/).check();
      await page.getByRole('button', { name: 'Find' }).click();
      await page.waitForURL(/copies=1/);
      await page.locator('.quote-table tbody tr').nth(once).waitFor();
      assert.equal(await page.locator('.quote-table tbody tr').count(), 3 * once);
      assert.equal(await page.locator('.quote-table .copies-note').count(), 0);
      assert.equal(await page.getByLabel(/Every copy/).isChecked(), true);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('stances: once, and every copy with the switch', async () => {
    const { context, page, errors } = await open();
    try {
      await page.goto(`${base}/stances`);
      await page.locator('.stance-table tbody tr').first().waitFor();
      const once = await page.locator('.stance-table tbody tr').count();
      assert.equal(once, archive.totalStances({}));
      assert.equal(await page.locator('.stance-table .copies-note').count(), once);
      await page.getByLabel(/Every copy/).check();
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.waitForURL(/copies=1/);
      await page.locator('.stance-table tbody tr').nth(once).waitFor();
      assert.equal(await page.locator('.stance-table tbody tr').count(), 3 * once);
      await screenshot(page, 'copies-stances.png');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('the entity page compares the outlets: whom each quotes, its stances', async () => {
    const { context, page, errors } = await open();
    try {
      await page.goto(`${base}/entity/${encodeURIComponent('PER:普京')}`);
      const table = page.locator('.outlet-table');
      await table.waitFor();
      const rows = table.locator('tbody tr');
      assert.equal(await rows.count(), 3);
      const first = (await rows.first().textContent()) ?? '';
      assert.match(first, /普京1/);
      assert.match(first, /习近平1|習近平1/);
      // Quotes by 普京 count the story once, with its copies.
      assert.match(
        (await page.locator('#sec-quotes-by').locator('xpath=..').textContent()) ?? '',
        /3 copies in 3 outlets/,
      );
      await table.scrollIntoViewIfNeeded();
      await screenshot(page, 'copies-entity-outlets.png', false);
      // The switch: every copy's quotes, three of 普京's.
      const quotesBy = page.locator('#sec-quotes-by').locator('xpath=..');
      assert.equal(await quotesBy.locator('.quote-list li').count(), 1);
      await page.getByRole('link', { name: 'Count every copy' }).click();
      await page.waitForURL(/copies=1/);
      await page.getByRole('link', { name: 'Count a story once' }).waitFor();
      assert.equal(
        await page.locator('#sec-quotes-by').locator('xpath=..').locator('.quote-list li').count(),
        3,
      );
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('search: the story is one hit with its copies; the switch lists all three', async () => {
    const { context, page, errors } = await open();
    try {
      await page.goto(`${base}/?q=${encodeURIComponent('普京')}`);
      await page.locator('.hit').first().waitFor();
      assert.equal(await page.locator('.hit').count(), 1);
      assert.equal(await page.locator('.hit .copies-note').textContent(), '3 copies');
      assert.match((await page.locator('.result-count').textContent()) ?? '', /of 1 story$/);
      await screenshot(page, 'copies-search.png');
      await page.goto(`${base}/?q=${encodeURIComponent('普京')}&copies=1`);
      await page.locator('.hit').nth(2).waitFor();
      assert.equal(await page.locator('.hit').count(), 3);
      assert.match((await page.locator('.result-count').textContent()) ?? '', /of 3 articles$/);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
});
