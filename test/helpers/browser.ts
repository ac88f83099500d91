import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';

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
