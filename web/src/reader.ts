import type { ArticleViewArticle, ArticleViewBlock } from '../../src/tree/article-view.ts';
import type { Script } from '../../src/tree/types.ts';
import { alignText, identity } from './align.ts';
import type { Repair } from './api.ts';
import { type Child, h, srOnly } from './dom.ts';
import { quoteWords } from './lists.ts';
import {
  ENTITY_TYPES,
  type EntityMark,
  entityLegendItem,
  legendGroup,
  type Marks,
  renderMarked,
  STANCE_CLASSES,
} from './marks.ts';
import { articlePath, entityPath } from './routes.ts';
import { zh, zhLang } from './script.ts';
import { panel } from './ui.ts';

/**
 * The article reader: the clean view (what the parser made of the page, annotations laid
 * over it) beside the original layout (the decoded page as it came, the article's range
 * marked), with the parser's repairs shown on demand. The same component shows a stored
 * article and a pasted page.
 */

export interface ReaderInput {
  article: ArticleViewArticle;
  /** The document's whole decoded text: every offset of the article points into it. */
  text: string;
  repairs: readonly Repair[];
  script: Script;
  /** Facts about where the article comes from, shown under the headline. */
  meta?: { label: string; value: string }[];
  /** Starts the ids of this reader's elements: several readers can share a page. */
  idPrefix?: string;
  /** Blocks that repeat, word for word, an earlier article of another story (a stored
   * article's `repeats`): each gets a quiet note linking that article. */
  repeats?: readonly { start: number; end: number; article: number }[];
}

/** The note after a block that repeats an earlier article's passage, or null. */
function repeatNote(input: ReaderInput, start: number, end: number): HTMLElement | null {
  const r = input.repeats?.find((p) => p.start === start && p.end === end);
  if (r === undefined) return null;
  return h(
    'a',
    {
      class: 'repeat-note',
      href: articlePath(r.article),
      title:
        'This passage repeats, word for word, an earlier article: its quotes and stances are counted there',
    },
    `repeats #${r.article}`,
  );
}

function marksOf(input: ReaderInput): Marks {
  const a = input.article;
  const entities: EntityMark[] = (a.entities ?? []).map((e) => ({
    start: e.start,
    end: e.end,
    type: e.type,
    canonical: e.canonical,
    href: entityPath(e.type, e.canonical),
  }));
  // Dates are marks too, with their resolved value; where an entity already covers the
  // characters, the entity wins (it comes first).
  for (const d of a.dates ?? []) {
    entities.push({
      start: d.start,
      end: d.end,
      type: 'DATE',
      canonical: d.text,
      href: null,
      detail: d.value ?? d.unresolved ?? 'unresolved',
    });
  }
  return {
    entities,
    quotes: (a.quotes ?? []).map((q) => ({ ...q })),
    stances: (a.stances ?? []).map((s) => ({
      start: s.start,
      end: s.end,
      cls: s.class,
      actors: s.actors,
      cue: s.cue,
      negated: s.negated,
      target: s.target,
    })),
    repairs: input.repairs.filter((r) => r.end > a.start && r.start < a.end),
    emphasis: [],
  };
}

/** One line of shown text with its marks, aligned into `[from, to)` of the decoded text. */
function marked(text: string, source: string, from: number, to: number, marks: Marks): Child[] {
  return renderMarked(text, alignText(text, source, from, to), marks);
}

function emphasisMarks(
  text: string,
  offsets: readonly number[],
  emphasis: readonly string[],
): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let at = 0;
  for (const em of emphasis) {
    const found = em === '' ? -1 : text.indexOf(em, at);
    if (found < 0) continue;
    const first = offsets[found] ?? -1;
    const last = offsets[found + em.length - 1] ?? -1;
    if (first >= 0 && last >= first) out.push({ start: first, end: last + 1 });
    at = found + em.length;
  }
  return out;
}

function blockNode(block: ArticleViewBlock, input: ReaderInput, marks: Marks): HTMLElement {
  const { text } = input;
  switch (block.type) {
    case 'heading':
      return h(
        'h3',
        { class: 'blk-heading' },
        marked(block.text, text, block.start, block.end, marks),
      );
    case 'paragraph':
      return h('p', {}, marked(block.text, text, block.start, block.end, marks));
    case 'dialogue':
      return h(
        'p',
        { class: 'blk-dialogue' },
        h('span', { class: 'dialogue-speaker' }, zh(block.speaker)),
        '：',
        marked(block.text, text, block.start, block.end, marks),
      );
    case 'list-item': {
      const offsets = alignText(block.text, text, block.start, block.end);
      const withEmphasis = {
        ...marks,
        emphasis: emphasisMarks(block.text, offsets, block.emphasis),
      };
      return h(
        'li',
        { class: `lvl-${Math.min(4, Math.max(1, Math.floor(block.level) || 1))}` },
        renderMarked(block.text, offsets, withEmphasis),
      );
    }
  }
}

/**
 * The story's source lines (來源：中央社): a credit, shown where the page prints it. A view
 * stored before article view 4 has only the outlets (`sources`); those a byline does not
 * already name get a line at the foot, as the text renderers print them.
 */
function sourceLines(input: ReaderInput, marks: Marks): { at: number; node: HTMLElement }[] {
  const a = input.article;
  const line = (children: Child[]) => h('p', { class: 'source-line' }, children);
  if (a.sourceLines !== undefined) {
    return a.sourceLines.map((s) => ({
      at: s.start,
      node: line(marked(s.text, input.text, s.start, s.end, marks)),
    }));
  }
  const label = input.script === 'simplified' ? '来源' : '來源';
  return a.sources
    .filter((name) => !a.bylines.some((b) => b.includes(name)))
    .map((name) => ({ at: a.end, node: line(headerLine(`${label}：${name}`, input, marks)) }));
}

/** Body blocks and source lines in reading order; runs of list items become one list. */
function bodyNodes(input: ReaderInput, marks: Marks): HTMLElement[] {
  const out: HTMLElement[] = [];
  const credits = sourceLines(input, marks);
  let list: HTMLUListElement | null = null;
  for (const block of input.article.blocks) {
    for (let credit = credits[0]; credit !== undefined && credit.at < block.start; ) {
      out.push(credit.node);
      list = null;
      credits.shift();
      credit = credits[0];
    }
    const node = blockNode(block, input, marks);
    const note = repeatNote(input, block.start, block.end);
    if (note !== null) node.append(' ', note);
    if (block.type === 'list-item') {
      if (list === null) {
        list = h('ul', { class: 'blk-list' });
        out.push(list);
      }
      list.append(node);
      continue;
    }
    list = null;
    out.push(node);
  }
  for (const credit of credits) out.push(credit.node);
  return out;
}

/** Where a header line (headline, byline: the view gives no range) sits in the article. */
function headerLine(line: string, input: ReaderInput, marks: Marks): Child[] {
  return marked(line, input.text, input.article.start, input.article.end, marks);
}

function cleanView(input: ReaderInput, marks: Marks, prefix: string): HTMLElement {
  const a = input.article;
  const lang = zhLang(input.script);
  return h(
    'section',
    { class: 'pane pane-clean', 'aria-labelledby': `${prefix}pane-clean-title` },
    h('h2', { class: 'pane-title', id: `${prefix}pane-clean-title` }, 'Clean view'),
    h(
      'div',
      { class: 'clean', lang },
      a.subheadlines.map((s) => h('p', { class: 'subheadline' }, headerLine(s, input, marks))),
      a.bylines.map((s) => h('p', { class: 'byline' }, headerLine(s, input, marks))),
      bodyNodes(input, marks),
      a.captions.map((c) =>
        h(
          'figure',
          { class: 'caption' },
          h(
            'figcaption',
            {},
            h('span', { class: 'caption-label' }, zh(input.script === 'simplified' ? '图' : '圖')),
            marked(c.text, input.text, c.start, c.end, marks),
            c.credit === null ? null : h('span', { class: 'credit' }, `（${zh(c.credit)}）`),
            repeatNote(input, c.start, c.end),
          ),
        ),
      ),
      a.blocks.length === 0 && a.captions.length === 0
        ? h('p', { class: 'muted' }, 'This article has no body text.')
        : null,
    ),
  );
}

function originalView(input: ReaderInput, marks: Marks, prefix: string): HTMLElement {
  const { text, article } = input;
  const before = text.slice(0, article.start);
  const inside = text.slice(article.start, article.end);
  const after = text.slice(article.end);
  const mark = h(
    'span',
    { class: 'article-range' },
    renderMarked(inside, identity(article.start, article.end), marks),
  );
  const pre = h(
    'pre',
    {
      class: 'original',
      lang: zhLang(input.script),
      tabindex: 0,
      'aria-label': 'Original layout of the page',
    },
    before === '' ? null : h('span', { class: 'outside' }, zh(before)),
    mark,
    after === '' ? null : h('span', { class: 'outside' }, zh(after)),
  );
  return h(
    'section',
    { class: 'pane pane-original', 'aria-labelledby': `${prefix}pane-original-title` },
    h(
      'h2',
      { class: 'pane-title', id: `${prefix}pane-original-title` },
      'Original layout',
      h(
        'span',
        { class: 'pane-note' },
        `characters ${article.start}–${article.end} of ${text.length}`,
      ),
    ),
    pre,
  );
}

function legend(marks: Marks): HTMLElement {
  const types = [...new Set(marks.entities.map((e) => e.type))];
  const classes = [...new Set(marks.stances.map((s) => s.cls))];
  const negated = marks.stances.some((s) => s.negated);
  const none = h('span', { class: 'muted' }, 'none found');
  return h(
    'div',
    { class: 'legend', role: 'group', 'aria-label': 'Legend' },
    legendGroup('Entities', types.length === 0 ? [none] : types.map(entityLegendItem)),
    legendGroup(
      'Stances',
      [
        classes.length === 0
          ? none.cloneNode(true)
          : classes.map((c) =>
              h('span', { class: `legend-item st st-${c}` }, STANCE_CLASSES[c]?.label ?? c),
            ),
        negated ? h('span', { class: 'legend-item st st-neg st-oppose' }, 'negated (wavy)') : null,
      ].flat(),
    ),
    legendGroup('Quotes', [
      marks.quotes.length === 0
        ? none.cloneNode(true)
        : h(
            'span',
            { class: 'chip chip-quote chip-direct' },
            h('span', { class: 'chip-icon' }, '❝'),
            'speaker',
          ),
    ]),
  );
}

function toggle(label: string, checked: boolean, onChange: (on: boolean) => void): HTMLElement {
  const box = h('input', { type: 'checkbox', checked });
  box.addEventListener('change', () => onChange(box.checked));
  return h('label', { class: 'toggle' }, box, h('span', {}, label));
}

function entityPanel(input: ReaderInput, prefix: string): HTMLElement | null {
  const counts = new Map<string, { type: string; canonical: string; count: number }>();
  for (const e of input.article.entities ?? []) {
    const key = `${e.type}:${e.canonical}`;
    const entry = counts.get(key) ?? { type: e.type, canonical: e.canonical, count: 0 };
    entry.count++;
    counts.set(key, entry);
  }
  if (counts.size === 0) return null;
  const sorted = [...counts.values()].sort((x, y) => y.count - x.count);
  return panel(
    `${prefix}panel-entities`,
    'Entities',
    h(
      'ul',
      { class: 'tag-list', lang: zhLang(input.script) },
      sorted.map((e) =>
        h(
          'li',
          {},
          h(
            'a',
            { class: `tag ent ent-${e.type}`, href: entityPath(e.type, e.canonical) },
            zh(e.canonical),
            h('span', { class: 'tag-count' }, `×${e.count}`),
            srOnly(` (${ENTITY_TYPES[e.type] ?? e.type})`),
          ),
        ),
      ),
    ),
  );
}

function quotePanel(
  input: ReaderInput,
  anchored: ReadonlySet<number>,
  prefix: string,
): HTMLElement | null {
  const quotes = input.article.quotes ?? [];
  if (quotes.length === 0) return null;
  return panel(
    `${prefix}panel-quotes`,
    `Quotes (${quotes.length})`,
    h(
      'ul',
      { class: 'quote-list', lang: zhLang(input.script) },
      quotes.map((q, i) =>
        h(
          'li',
          {},
          anchored.has(i)
            ? h(
                'a',
                { class: 'jump', href: `#${prefix}quote-${i}`, title: 'Show it in the text' },
                h('span', { 'aria-hidden': 'true' }, '↑'),
                srOnly('Show in the text'),
              )
            : null,
          h(
            'span',
            { class: `chip chip-quote chip-${q.kind}` },
            q.speaker === null ? 'unattributed' : zh(q.speaker),
          ),
          quoteWords(q),
        ),
      ),
    ),
  );
}

function stancePanel(input: ReaderInput, prefix: string): HTMLElement | null {
  const stances = input.article.stances ?? [];
  if (stances.length === 0) return null;
  return panel(
    `${prefix}panel-stances`,
    `Stances (${stances.length})`,
    h(
      'ul',
      { class: 'stance-list', lang: zhLang(input.script) },
      stances.map((s) =>
        h(
          'li',
          {},
          h(
            'span',
            { class: 'stance-actors' },
            s.actors.length === 0 ? '?' : s.actors.map(zh).join('、'),
          ),
          h('span', { class: `class-chip cls-${s.class}` }, `${s.negated ? 'not ' : ''}${s.class}`),
          h('span', { class: 'stance-target' }, zh(s.target)),
        ),
      ),
    ),
  );
}

function keywordPanel(input: ReaderInput, prefix: string): HTMLElement | null {
  const keywords = input.article.keywords ?? [];
  const summary = input.article.summary ?? [];
  if (keywords.length === 0 && summary.length === 0) return null;
  return panel(
    `${prefix}panel-summary`,
    'Summary and keywords',
    summary.length === 0
      ? null
      : h(
          'ol',
          { class: 'summary', lang: zhLang(input.script) },
          summary.map((s) => h('li', {}, zh(s))),
        ),
    keywords.length === 0
      ? null
      : h(
          'ul',
          { class: 'tag-list', lang: zhLang(input.script) },
          keywords.slice(0, 12).map((k) => h('li', {}, h('span', { class: 'tag' }, zh(k.text)))),
        ),
  );
}

/**
 * What the caller knows of the article (outlet, source…), then what the page itself says:
 * when it was published, who wrote it, who else it credits. Views stored before article
 * view 3 have none of these.
 */
function articleFacts(input: ReaderInput): { label: string; value: string }[] {
  const a = input.article;
  const facts = [...(input.meta ?? [])];
  if (a.published) facts.push({ label: 'Published', value: a.published.replace('T', ' ') });
  const authors = a.authors ?? [];
  if (authors.length > 0) facts.push({ label: 'By', value: authors.map(zh).join('、') });
  const others = (a.credits ?? []).filter((c) => !authors.includes(c.name));
  if (others.length > 0) {
    facts.push({
      label: 'Credits',
      value: others.map((c) => `${zh(c.name)} (${c.role})`).join('、'),
    });
  }
  return facts;
}

/** The reader for one article. */
export function renderReader(input: ReaderInput): HTMLElement {
  const marks = marksOf(input);
  const facts = articleFacts(input);
  const prefix = input.idPrefix ?? 'r-';
  const anchors = { prefix, done: new Set<number>() };
  const a = input.article;
  const repairsHere = marks.repairs.length;
  const root = h('article', { class: 'reader show-marks' });
  const headline = a.headline === '' ? '(no headline)' : null;
  const controls = h(
    'div',
    { class: 'reader-controls' },
    toggle('Annotations', true, (on) => root.classList.toggle('show-marks', on)),
    toggle(`Parser repairs (${repairsHere})`, false, (on) =>
      root.classList.toggle('show-repairs', on),
    ),
  );
  root.append(
    h(
      'header',
      { class: 'reader-head' },
      h(
        'h1',
        { class: 'headline', lang: zhLang(input.script) },
        headline ?? headerLine(a.headline, input, marks),
      ),
      facts.length === 0
        ? null
        : h(
            'dl',
            { class: 'meta-list' },
            facts.map((m) => h('div', {}, h('dt', {}, m.label), h('dd', {}, m.value))),
          ),
      h('div', { class: 'reader-bar' }, legend(marks), controls),
    ),
    h(
      'div',
      { class: 'panes' },
      cleanView(input, { ...marks, anchors }, prefix),
      originalView(input, marks, prefix),
    ),
    h(
      'div',
      { class: 'panels' },
      entityPanel(input, prefix),
      quotePanel(input, anchors.done, prefix),
      stancePanel(input, prefix),
      keywordPanel(input, prefix),
    ),
  );
  return root;
}

/** Scrolls the original-layout pane so the article's range is at its top. */
export function revealArticleRange(root: HTMLElement): void {
  const pre = root.querySelector<HTMLElement>('pre.original');
  const range = root.querySelector<HTMLElement>('.article-range');
  if (pre === null || range === null) return;
  // Measured on screen, so it holds whatever the pane's offset parent is.
  const gap = range.getBoundingClientRect().top - pre.getBoundingClientRect().top;
  pre.scrollTop = Math.max(0, pre.scrollTop + gap - 12);
}
