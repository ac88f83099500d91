import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { ingest } from '../src/ingest/index.ts';
import { type RunningServer, startServer } from '../src/serve/index.ts';
import { openStore, type SqliteStore } from '../src/store/index.ts';
import {
  browserMissing,
  E2E_PAGES,
  ensureWebBuilt,
  LAPTOP,
  launchBrowser,
  newContext,
  PHONE,
  screenshot,
  sidewaysOverflow,
} from './helpers/browser.ts';
import { readCsv } from './helpers/csv.ts';

/**
 * The listings in Chromium: the entity directory and the quote browser reached from the
 * home tiles, search with its sort and facets, and every listing's CSV and JSON: the file
 * a reader downloads holds exactly the rows the page shows, in the same order. Screenshots
 * at laptop and phone width go to test-artifacts/.
 */

const missing = browserMissing();
if (missing !== null) console.log(`# skipping the browser tests: ${missing}`);

describe('listings and exports in Chromium', { skip: missing ?? false, timeout: 180_000 }, () => {
  let dir: string;
  let archive: SqliteStore;
  let server: RunningServer;
  let browser: Browser;
  let base: string;

  before(async () => {
    ensureWebBuilt();
    dir = mkdtempSync(join(tmpdir(), 'jiedu-e2e-lists-'));
    archive = openStore(join(dir, 'archive.db'));
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
    assert.equal(summary.stored, E2E_PAGES.length);
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

  /** Clicks an export link and reads the file it downloads. */
  async function download(
    page: Page,
    group: string,
    name: 'CSV' | 'JSON',
  ): Promise<{ file: Download; text: string }> {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('group', { name: group }).getByRole('link', { name }).click(),
    ]);
    return { file, text: readFileSync(await file.path(), 'utf8') };
  }

  /** The data-id of every row of a table, in order. */
  function rowIds(page: Page, table: string): Promise<string[]> {
    return page.$$eval(`${table} tbody tr`, (rows) =>
      rows.map((r) => r.getAttribute('data-id') ?? ''),
    );
  }

  test('the entity directory: reached from the home tiles, narrowed by type, roles shown, its CSV and JSON are the rows on screen', async () => {
    const { context, page, errors } = await open();
    await page.goto(`${base}/`);
    await page
      .getByRole('link', { name: /entities/ })
      .first()
      .click();
    await page.waitForURL(/\/entities$/);
    await page.locator('.entity-table').waitFor();
    assert.equal(await page.locator('h1').textContent(), 'Entities');
    assert.match(
      (await page.locator('.result-count').textContent()) ?? '',
      /^1–\d+ of \d+ entities$/,
    );

    await page.getByLabel('Type').selectOption('PER');
    await page.getByRole('button', { name: 'Find' }).click();
    await page.waitForURL(/type=PER/);
    await page.locator('.entity-table').waitFor();
    const types = await page.$$eval('.entity-table tbody tr td:nth-child(2)', (cells) =>
      cells.map((c) => c.textContent),
    );
    assert.ok(types.length >= 3 && types.every((t) => t === 'Person'), types.join(','));
    // The roles a page wrote with the name: 外交部發言人 with 毛宁, 外長 with 拉夫羅夫.
    const roleOf = async (id: string) =>
      (await page.locator(`.entity-table tr[data-id="${id}"] .roles`).textContent()) ?? '';
    assert.match(await roleOf('PER:毛宁'), /外交部发言人|外交部發言人/);
    assert.match(await roleOf('PER:拉夫罗夫'), /外長|外长/);

    const ids = await rowIds(page, '.entity-table');
    const csv = await download(page, 'Export these entities', 'CSV');
    assert.equal(csv.file.suggestedFilename(), 'entities.csv');
    const rows = readCsv(csv.text);
    assert.deepEqual(rows[0], ['id', 'type', 'name', 'articles', 'mentions', 'roles']);
    assert.deepEqual(
      rows.slice(1).map((r) => r[0]),
      ids,
      'the CSV holds the rows on screen, in order',
    );
    const json = await download(page, 'Export these entities', 'JSON');
    assert.equal(json.file.suggestedFilename(), 'entities.json');
    const body = JSON.parse(json.text) as { entities: { id: string }[]; total: number };
    assert.deepEqual(
      body.entities.map((e) => e.id),
      ids,
    );
    assert.equal(body.total, ids.length);
    await screenshot(page, 'lists-entities-laptop.png');

    // A story counts once unless every copy is asked for: the switch sends copies=1, and
    // no entity then counts fewer articles.
    const articles = async () =>
      new Map(
        await page.$$eval('.entity-table tbody tr', (rows) =>
          rows.map((r): [string, number] => [
            r.getAttribute('data-id') ?? '',
            Number(r.querySelector('td:nth-child(4)')?.textContent?.replaceAll(',', '')),
          ]),
        ),
      );
    const once = await articles();
    await page.getByLabel(/Every copy/).check();
    await page.getByRole('button', { name: 'Find' }).click();
    await page.waitForURL(/copies=1/);
    await page.locator('.entity-table').waitFor();
    const every = await articles();
    for (const [id, n] of once) assert.ok((every.get(id) ?? n) >= n, id);
    assert.ok(await page.getByLabel(/Every copy/).isChecked());
    await screenshot(page, 'lists-entities-every-copy-laptop.png', false);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the quote browser: by speaker, counted, CSV and JSON equal to the table', async () => {
    const { context, page, errors } = await open();
    await page.goto(`${base}/`);
    await page
      .getByRole('link', { name: /quotes/ })
      .first()
      .click();
    await page.waitForURL(/\/quotes$/);
    await page.locator('.quote-table').waitFor();
    const all = await rowIds(page, '.quote-table');
    assert.ok(all.length >= 3, 'the composed pages hold quotes');

    await page.getByLabel('Speaker').fill('王毅');
    await page.getByRole('button', { name: 'Find' }).click();
    await page.waitForURL(/speaker=/);
    await page.locator('.quote-table').waitFor();
    const speakers = await page.$$eval('.quote-table tbody .speaker', (cells) =>
      cells.map((c) => c.textContent),
    );
    assert.ok(speakers.length >= 1 && speakers.every((s) => s === '王毅'), speakers.join(','));
    assert.equal(
      await page.locator('.result-count').textContent(),
      `1–${speakers.length} of ${speakers.length} ${speakers.length === 1 ? 'quote' : 'quotes'}`,
    );
    const ids = await rowIds(page, '.quote-table');
    const csv = await download(page, 'Export these quotes', 'CSV');
    const rows = readCsv(csv.text);
    assert.equal(rows[0]?.[0], 'id');
    assert.deepEqual(
      rows.slice(1).map((r) => r[0]),
      ids,
    );
    assert.ok(
      rows.slice(1).every((r) => r[6] === '王毅'),
      'speaker column',
    );
    const json = JSON.parse((await download(page, 'Export these quotes', 'JSON')).text) as {
      quotes: { id: number }[];
    };
    assert.deepEqual(
      json.quotes.map((q) => String(q.id)),
      ids,
    );
    // A speaker's name opens the entity page.
    await page.locator('.quote-table tbody .speaker a').first().click();
    await page.waitForURL(/\/entity\//);
    await page.locator('#sec-quotes-by').waitFor();
    await screenshot(page, 'lists-quotes-entity-laptop.png');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('search: sort by date, facets narrow, the CSV is the hits on screen', async () => {
    const { context, page, errors } = await open();
    await page.goto(`${base}/?q=${encodeURIComponent('王毅')}`);
    await page.locator('.hits').waitFor();
    await page.locator('.facets-panel').waitFor();
    // Facets: the outlets of the matches, each narrowing the search.
    const outlet = page.locator('.facet', { hasText: 'Outlet' }).locator('a').first();
    const label = (await outlet.locator('.facet-label').textContent()) ?? '';
    const count = Number(await outlet.locator('.facet-count').textContent());
    await outlet.click();
    await page.waitForURL(/outlet=/);
    await page.locator('.hits').waitFor();
    assert.equal(await page.locator('.hits > li').count(), count, `${label}: the facet's count`);

    await page.goto(`${base}/?q=${encodeURIComponent('中方')}`);
    await page.locator('.hits').waitFor();
    await page.getByLabel('Order').selectOption('oldest');
    await page.waitForURL(/sort=oldest/);
    await page.locator('.hits').waitFor();
    const dates = await page.$$eval('.hits .hit-meta span:first-child', (spans) =>
      spans.map((s) => (/\d{4}-\d{2}-\d{2}/.exec(s.textContent ?? '') ?? [''])[0]),
    );
    assert.ok(dates.length >= 2);
    assert.deepEqual(dates, [...dates].sort(), 'oldest first');
    const shown = await page.$$eval('.hits .hit-title a', (links) =>
      links.map((a) => (a.getAttribute('href') ?? '').replace('/article/', '')),
    );
    const rows = readCsv((await download(page, 'Export these results', 'CSV')).text);
    assert.deepEqual(
      rows.slice(1).map((r) => r[0]),
      shown,
      'the CSV holds the hits on screen, in their order',
    );
    await screenshot(page, 'lists-search-facets-laptop.png');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("an entity page's lists export what they show, with totals in their headings", async () => {
    const { context, page, errors } = await open();
    await page.goto(`${base}/entity/${encodeURIComponent('PER:王毅')}`);
    await page.locator('#sec-quotes-by').waitFor();
    const heading = (await page.locator('#sec-quotes-by').textContent()) ?? '';
    const shown = await page
      .locator('section[aria-labelledby="sec-quotes-by"] .quote-list li')
      .count();
    assert.match(heading, new RegExp(`\\(${shown}\\)$`));
    const csv = readCsv((await download(page, 'Export quotes by', 'CSV')).text);
    assert.equal(csv.length - 1, shown, 'the CSV holds the quotes the panel shows');
    assert.match(
      (await page.locator('.entity-roles').textContent()) ?? '',
      /外交部長|外交部长/,
      'the roles pages gave him',
    );
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('phone width: the new pages fit, screenshots taken', async () => {
    const { context, page, errors } = await open(PHONE);
    for (const [path, name] of [
      ['/entities', 'lists-entities-phone.png'],
      ['/quotes', 'lists-quotes-phone.png'],
      [`/?q=${encodeURIComponent('中方')}`, 'lists-search-phone.png'],
    ] as const) {
      await page.goto(`${base}${path}`);
      await page.locator('.results h2').waitFor();
      await screenshot(page, name);
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll('body *')]
          .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
          .filter((e) => e.closest('.table-scroll') === null)
          .slice(0, 5)
          .map((e) => `${e.tagName}.${e.className}`),
      );
      assert.ok((await sidewaysOverflow(page)) <= 0, `${path} fits a phone: ${wide.join(' ')}`);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });
});
