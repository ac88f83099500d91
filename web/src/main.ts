import '@fontsource/noto-sans-tc/400.css';
import '@fontsource/noto-sans-tc/700.css';
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import './styles.css';
import type { PageContext } from './context.ts';
import { h, replace } from './dom.ts';
import { disposeGraph } from './graph.ts';
import { articlePage } from './pages/article.ts';
import { comparePage } from './pages/compare.ts';
import { entitiesPage } from './pages/entities.ts';
import { entityPage } from './pages/entity.ts';
import { pastePage } from './pages/paste.ts';
import { quotesPage } from './pages/quotes.ts';
import { searchPage } from './pages/search.ts';
import { stancesPage } from './pages/stances.ts';
import { storyPage } from './pages/story.ts';
import { parseRoute, type Route } from './routes.ts';
import { loadConverters, type ScriptChoice, scriptChoice, setScriptChoice } from './script.ts';
import { hideTooltip, startTooltips } from './tooltip.ts';

/**
 * The app shell: history routing over the pages, the header's navigation and the script
 * switch. Links inside the app are plain <a href="/…">; a click on one is taken over here
 * so the page changes without a reload, and a modified click (new tab) is left alone.
 */

const main = document.getElementById('main') as HTMLElement;
/** Counts draws, so a slow page that finishes after the reader moved on draws nothing. */
let drawing = 0;
/** The path drawn last: a change of only the #fragment is not a new page. */
let drawnPath = '';

function navKey(route: Route): string {
  if (route.page === 'entity') return 'entities';
  if (route.page === 'article' || route.page === 'missing' || route.page === 'story') {
    return 'search';
  }
  return route.page;
}

function markNav(route: Route): void {
  const key = navKey(route);
  for (const link of document.querySelectorAll<HTMLAnchorElement>('.site-nav a')) {
    if (link.dataset.nav === key) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

/** Puts a drawn page on screen, first dropping what belonged to the page it replaces. */
function showPage(page: HTMLElement): void {
  hideTooltip();
  disposeGraph();
  replace(main, page);
}

function markScriptSwitch(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('.script-switch button')) {
    button.setAttribute('aria-pressed', String(button.dataset.script === scriptChoice()));
  }
}

async function draw(options: { focus: boolean; keepScroll?: boolean }): Promise<void> {
  const token = ++drawing;
  const { pathname, search } = window.location;
  drawnPath = pathname + search;
  const route = parseRoute(pathname);
  markNav(route);
  const scroll = window.scrollY;
  // Each page draws into its own element, swapped in when the page is done (or a fast
  // page shows its loading state), so a stale draw never lands in the live page.
  const target = h('div', { class: 'page' });
  const ctx: PageContext = {
    main: target,
    params: new URLSearchParams(search),
    navigate,
    setTitle: (title) => {
      if (token === drawing) document.title = `${title} · jiedu 解讀`;
    },
  };
  // A navigation shows the new page at once (with its loading line); a redraw in another
  // script swaps the page in when it is complete, so the reader's place does not jump.
  const attachNow = options.keepScroll !== true;
  if (attachNow) showPage(target);
  switch (route.page) {
    case 'search':
      await searchPage(ctx);
      break;
    case 'article':
      await articlePage(ctx, route.id);
      break;
    case 'entity':
      await entityPage(ctx, route.id);
      break;
    case 'stances':
      await stancesPage(ctx);
      break;
    case 'entities':
      await entitiesPage(ctx);
      break;
    case 'quotes':
      await quotesPage(ctx);
      break;
    case 'paste':
      pastePage(ctx);
      break;
    case 'compare':
      await comparePage(ctx);
      break;
    case 'story':
      await storyPage(ctx, route.id);
      break;
    case 'missing':
      ctx.setTitle('Not found');
      replace(
        target,
        h('h1', { class: 'page-title' }, 'Page not found'),
        h(
          'p',
          {},
          'There is no page at ',
          h('code', {}, route.path),
          '. ',
          h('a', { href: '/' }, 'Go to search.'),
        ),
      );
      break;
  }
  if (token !== drawing) return;
  if (!attachNow) showPage(target);
  if (options.keepScroll) window.scrollTo(0, scroll);
  if (options.focus) {
    // After a navigation, focus goes to the page's heading so a screen reader announces it.
    const heading = target.querySelector<HTMLElement>('h1');
    const focusTarget = heading ?? main;
    if (heading !== null) heading.tabIndex = -1;
    focusTarget.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }
}

/** Goes to a path of the app. */
export function navigate(path: string): void {
  const url = new URL(path, window.location.href);
  if (url.pathname + url.search === drawnPath && url.hash === '') return void draw({ focus: true });
  window.history.pushState(null, '', url.pathname + url.search + url.hash);
  void draw({ focus: true });
}

function isAppLink(event: MouseEvent): HTMLAnchorElement | null {
  if (event.defaultPrevented || event.button !== 0) return null;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const link = (event.target as Element | null)?.closest?.('a');
  if (link === null || link === undefined || !(link instanceof HTMLAnchorElement)) return null;
  if (link.target !== '' || link.hasAttribute('download')) return null;
  const url = new URL(link.href, window.location.href);
  if (url.origin !== window.location.origin) return null;
  // The API (a CSV, the OpenAPI document) and a view's .csv / .json twin are not pages of
  // the app.
  if (url.pathname.startsWith('/api/') || /\.(?:csv|json)$/.test(url.pathname)) return null;
  // A link to a #fragment of this page scrolls as usual.
  if (
    url.pathname + url.search === window.location.pathname + window.location.search &&
    url.hash !== ''
  ) {
    return null;
  }
  return link;
}

function start(): void {
  startTooltips();
  document.addEventListener('click', (event) => {
    const link = isAppLink(event);
    if (link === null) return;
    event.preventDefault();
    navigate(link.href);
  });
  window.addEventListener('popstate', () => {
    const { pathname, search } = window.location;
    if (pathname + search !== drawnPath) void draw({ focus: true });
  });
  // The skip link moves focus to the content without changing the path.
  document.querySelector('.skip-link')?.addEventListener('click', (event) => {
    event.preventDefault();
    main.focus();
  });
  for (const button of document.querySelectorAll<HTMLButtonElement>('.script-switch button')) {
    button.addEventListener('click', async () => {
      const choice = button.dataset.script as ScriptChoice;
      if (choice === scriptChoice()) return;
      await setScriptChoice(choice);
      markScriptSwitch();
      document.documentElement.dataset.script = choice;
      await draw({ focus: false, keepScroll: true });
    });
  }
  markScriptSwitch();
  document.documentElement.dataset.script = scriptChoice();
  void loadConverters().then(() => draw({ focus: false }));
}

start();
