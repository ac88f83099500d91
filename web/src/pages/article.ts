import * as api from '../api.ts';
import type { PageContext } from '../context.ts';
import { h, replace } from '../dom.ts';
import { renderReader, revealArticleRange } from '../reader.ts';
import { pathWith } from '../routes.ts';
import { zh } from '../script.ts';
import { errorBox, loading } from '../ui.ts';

/** The reader for an article of the archive: /article/:id. */
export async function articlePage(ctx: PageContext, id: string): Promise<void> {
  ctx.setTitle('Article');
  replace(ctx.main, loading('Loading the article…'));
  let data: api.ArticleResponse;
  try {
    data = await api.article(id);
  } catch (error) {
    replace(
      ctx.main,
      h('h1', { class: 'page-title' }, 'Article'),
      errorBox(error, 'This article cannot be shown'),
    );
    return;
  }
  const { article, text, repairs } = data;
  const view = article.view.articles[0];
  if (view === undefined) {
    replace(
      ctx.main,
      errorBox(new Error('The stored view has no article.'), 'This article cannot be shown'),
    );
    return;
  }
  const doc = article.document;
  ctx.setTitle(view.headline === '' ? `Article ${article.id}` : zh(view.headline));
  const meta = [
    { label: 'Outlet', value: doc.outlet === null ? '—' : zh(doc.outlet) },
    { label: 'Date', value: doc.date ?? '—' },
    { label: 'Source', value: doc.url ?? doc.source },
    { label: 'Encoding', value: `${doc.encoding}, ${doc.script}` },
    { label: 'Article', value: `${article.index + 1} on its page · id ${article.id}` },
  ];
  const reader = renderReader({
    article: view,
    text,
    repairs,
    script: doc.script,
    meta,
    repeats: article.repeats ?? [],
  });
  const back = h(
    'nav',
    { class: 'crumbs', 'aria-label': 'Breadcrumb' },
    h('a', { href: '/' }, 'Search'),
    ' / ',
    doc.outlet === null
      ? null
      : h('a', { href: pathWith('/', { outlet: doc.outlet }) }, zh(doc.outlet)),
    doc.outlet === null ? null : ' / ',
    h('span', { 'aria-current': 'page' }, `Article ${article.id}`),
  );
  replace(ctx.main, back, reader);
  requestAnimationFrame(() => revealArticleRange(reader));
}
