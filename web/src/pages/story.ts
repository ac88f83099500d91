import * as api from '../api.ts';
import type { PageContext } from '../context.ts';
import { h, replace } from '../dom.ts';
import { articlePath, pathWith } from '../routes.ts';
import { simplified, zh, zhLang } from '../script.ts';
import { emptyState, errorBox, loading, metaLine, panel } from '../ui.ts';
import { badge, changesList, sideBySide } from './compare.ts';

/**
 * A story's versions: its copies (other outlets' prints, reworded or cut, in either script)
 * each side by side against the earliest, the sentences a copy cut, added and changed
 * marked, and the quotes and stances it dropped, added or changed listed.
 */

type Copy = api.StoryVersions['copies'][number];

function articleLine(a: { id: number; outlet: string | null; date: string | null }): HTMLElement {
  const meta = metaLine([a.outlet, a.date]);
  return h('a', { href: articlePath(a.id) }, meta === '' ? `Article ${a.id}` : meta);
}

function copySection(v: api.StoryVersions, copy: Copy, n: number): HTMLElement {
  const s = copy.sentences;
  const p = copy.comparison.summary.positions;
  const same = s.changed === 0 && s.cut === 0 && s.added === 0;
  const title = `story-copy-${n}`;
  return h(
    'section',
    { class: 'panel story-copy', 'aria-labelledby': title },
    h(
      'h2',
      { id: title },
      `Copy ${n}: `,
      h('span', { lang: zhLang(copy.script) }, articleLine(copy)),
    ),
    h(
      'p',
      { class: 'cmp-counts' },
      h('strong', {}, 'Sentences: '),
      badge('same', `${s.same} same`),
      badge('changed', `${s.changed} changed`),
      badge('dropped', `${s.cut} cut`),
      badge('added', `${s.added} added`),
      ' ',
      h('strong', {}, 'Positions: '),
      badge('changed', `${p.changed} changed`),
      badge('dropped', `${p.dropped} dropped`),
      badge('added', `${p.added} added`),
      ' ',
      h('a', { href: pathWith('/compare', { a: v.earliest.id, b: copy.id }) }, 'Compare'),
    ),
    same
      ? h('p', { class: 'muted' }, 'Every sentence as in the earliest copy.')
      : [
          p.changed + p.dropped + p.added === 0 ? null : changesList(copy.comparison),
          sideBySide(copy.comparison),
        ],
  );
}

/** Draws /story/ID. */
export async function storyPage(ctx: PageContext, id: string): Promise<void> {
  ctx.setTitle(`Story ${id}`);
  replace(ctx.main, h('h1', { class: 'page-title' }, 'Story'), loading('Reading its copies…'));
  let v: api.StoryVersions;
  try {
    v = await api.storyVersions(id);
  } catch (err) {
    replace(
      ctx.main,
      h('h1', { class: 'page-title' }, 'Story'),
      errorBox(err, 'The story could not be read'),
    );
    return;
  }
  ctx.setTitle(`${v.headline || `Story ${v.story}`} – versions`);
  // An outlet once, in either script (本報 and 本报 are one).
  const outlets = new Set(
    [v.earliest, ...v.copies].map((a) => simplified(a.outlet ?? '')).filter((o) => o !== ''),
  );
  replace(
    ctx.main,
    h('h1', { class: 'page-title', lang: 'zh' }, zh(v.headline || `Story ${v.story}`)),
    h(
      'p',
      { class: 'lede' },
      `${v.articles} ${v.articles === 1 ? 'copy' : 'copies'} in ${outlets.size} ${outlets.size === 1 ? 'outlet' : 'outlets'}. Each copy side by side against the earliest: `,
      h('span', { lang: 'zh' }, articleLine(v.earliest)),
      ` (${v.earliest.sentences} sentences).`,
      v.articles > v.copies.length + 1 ? ` The first ${v.copies.length + 1} are shown.` : '',
    ),
    v.copies.length === 0
      ? panel('story-alone', 'No other copy', emptyState('This story has one article.'))
      : v.copies.map((c, i) => copySection(v, c, i + 1)),
  );
}
