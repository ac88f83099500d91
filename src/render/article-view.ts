import { findDates, formatIso, readCredits, readPublisher } from '../html/index.ts';
import { mostWritten, placeForms } from '../text/place-forms.ts';
import type { ArticleAnnotations } from '../tree/annotations.ts';
import {
  ARTICLE_VIEW_VERSION,
  type ArticleView,
  type ArticleViewArticle,
  type ArticleViewBlock,
  type ArticleViewCaption,
  type ArticleViewCredit,
  type ArticleViewSource,
  type ArticleViewSourceLine,
} from '../tree/article-view.ts';
import type {
  ArticleNode,
  BlockNode,
  BlockType,
  CreditRole,
  PageNode,
  SourceInfo,
} from '../tree/types.ts';

/** What one article is gathered into while its children are walked in order. */
interface Collector {
  headline: string | null;
  subheadlines: string[];
  bylines: string[];
  sources: string[];
  sourceLines: ArticleViewSourceLine[];
  blocks: ArticleViewBlock[];
  captions: ArticleViewCaption[];
  /** The caption written by the previous child, waiting for a credit that directly follows. */
  openCaption: ArticleViewCaption | null;
}

type Handlers = {
  [K in BlockType]: (node: Extract<BlockNode, { type: K }>, into: Collector) => void;
};

function addSource(into: Collector, outlet: string): void {
  const name = outlet.trim();
  if (name !== '' && !into.sources.includes(name)) into.sources.push(name);
}

// One handler per node kind: a new kind without a handler fails to compile.
const handlers: Handlers = {
  headline(node, into) {
    // A second headline node is kept as a subheadline rather than dropped.
    if (into.headline === null) into.headline = node.text;
    else into.subheadlines.push(node.text);
  },
  subheadline(node, into) {
    into.subheadlines.push(node.text);
  },
  byline(node, into) {
    into.bylines.push(node.text);
    for (const outlet of node.outlets) addSource(into, outlet);
  },
  source(node, into) {
    addSource(into, node.outlet);
    // The line itself too: a reader shows the story's credit where the page prints it.
    into.sourceLines.push({
      text: node.text,
      outlet: node.outlet,
      start: node.start,
      end: node.end,
    });
  },
  caption(node, into) {
    const caption = { text: node.text, credit: null, start: node.start, end: node.end };
    into.captions.push(caption);
    into.openCaption = caption;
  },
  credit(node, into) {
    // A credit belongs to the caption right before it; a stray credit has no place in the view.
    if (into.openCaption !== null) into.openCaption.credit = node.text;
  },
  furniture() {
    // A breadcrumb, share buttons, related links: the page's, not the story's; not read.
  },
  heading(node, into) {
    into.blocks.push({ type: 'heading', text: node.text, start: node.start, end: node.end });
  },
  paragraph(node, into) {
    into.blocks.push({ type: 'paragraph', text: node.text, start: node.start, end: node.end });
  },
  dialogue(node, into) {
    into.blocks.push({
      type: 'dialogue',
      speaker: node.speaker,
      text: node.text,
      start: node.start,
      end: node.end,
    });
  },
  'list-item'(node, into) {
    into.blocks.push({
      type: 'list-item',
      level: node.level,
      text: node.text,
      emphasis: node.emphasis.map((e) => e.text),
      start: node.start,
      end: node.end,
    });
  },
};

function dispatch(node: BlockNode, into: Collector): void {
  // The mapped type guarantees handlers[node.type] takes exactly this kind of node.
  const handle = handlers[node.type] as (node: BlockNode, into: Collector) => void;
  handle(node, into);
}

function articleView(article: ArticleNode): ArticleViewArticle {
  const into: Collector = {
    headline: null,
    subheadlines: [],
    bylines: [],
    sources: [],
    sourceLines: [],
    blocks: [],
    captions: [],
    openCaption: null,
  };
  for (const node of article.children) {
    const caption = into.openCaption;
    dispatch(node, into);
    // Only the child directly after a caption may credit it.
    if (into.openCaption === caption) into.openCaption = null;
  }
  const meta = metaView(article, into.bylines);
  return {
    headline: into.headline ?? '',
    subheadlines: into.subheadlines,
    bylines: into.bylines,
    sources: into.sources,
    sourceLines: into.sourceLines,
    blocks: into.blocks,
    captions: into.captions,
    ...meta,
    start: article.start,
    end: article.end,
    ...(article.annotations === undefined ? {} : annotationView(article.annotations)),
  };
}

/** Roles whose people wrote the article: they are its `authors`. */
const WRITING_ROLES: ReadonlySet<CreditRole> = new Set(['author', 'reporter', 'correspondent']);

type MetaFields = Pick<ArticleViewArticle, 'published' | 'authors' | 'credits' | 'outlet' | 'url'>;

/**
 * The metadata fields of an article (version 3): what an HTML page's markup and header gave
 * (`article.meta`), completed from the article's own bylines, which is all a text page has:
 * 香港文匯報記者 葛沖 北京報道 → reporter 葛沖, outlet 香港文匯報; a dated dateline gives
 * `published`.
 */
function metaView(article: ArticleNode, bylines: readonly string[]): MetaFields {
  const credits: ArticleViewCredit[] = [...(article.meta?.credits ?? [])];
  for (const line of bylines) {
    for (const c of readCredits(line)) {
      if (!credits.some((x) => x.role === c.role && x.name === c.name)) credits.push(c);
    }
  }
  const authors: string[] = [];
  for (const c of credits) {
    if (WRITING_ROLES.has(c.role) && !authors.includes(c.name)) authors.push(c.name);
  }
  let outlet = article.meta?.outlet ?? null;
  for (const line of bylines) {
    if (outlet !== null) break;
    outlet = readPublisher(line) ?? null;
  }
  let published = article.meta?.published ?? null;
  for (const line of bylines) {
    if (published !== null) break;
    const date = findDates(line)[0];
    if (date !== undefined) published = formatIso(date.parts);
  }
  return { published, authors, credits, outlet, url: article.meta?.url ?? null };
}

/**
 * The name an organisation's mention lists it under: the fullest name the page gives, or, for
 * a shorter name the page also writes on its own, that name (GUIDELINES §1: 大律師公會 beside
 * 香港大律師公會, 安理會 beside 聯合國安理會) — the full name's end, three units or more, not
 * an abbreviation (公會, 北院 stay aliases of the full name).
 */
function shorterName(type: string, canonical: string, surface: string): string {
  return type === 'ORG' &&
    surface.length >= 3 &&
    surface.length < canonical.length &&
    canonical.endsWith(surface)
    ? surface
    : canonical;
}

/**
 * The name each place is listed by in the entity list: the standard name the article itself
 * writes (GUIDELINES §1) — the one it writes most, the canonical name when that is among the
 * most (中國大陸 where the article writes only that for 中國), never an official long form, a
 * side (X方) or an abbreviation. Speakers and holders keep the canonical name (中央政府 stands
 * for 中國 however the page writes the country).
 */
function placesAsWritten(
  a: ArticleAnnotations,
  names: ReadonlyMap<string, string>,
): Map<string, string> {
  const out = new Map<string, string>();
  for (const [id, forms] of placeForms(a.mentions)) {
    const best = mostWritten(forms, names.get(id) ?? '');
    if (best !== '') out.set(id, best);
  }
  return out;
}

/** The annotation fields of an article (version 2), names resolved to canonical ones. */
function annotationView(a: ArticleAnnotations): Partial<ArticleViewArticle> {
  const names = new Map(a.entities.map((e) => [e.id, e.canonical]));
  const types = new Map(a.entities.map((e) => [e.id, e.type]));
  const name = (id: string) => names.get(id) ?? id.slice(id.indexOf(':') + 1);
  const places = placesAsWritten(a, names);
  return {
    entities: a.mentions
      .filter(
        (m) =>
          m.refersTo.length === 1 &&
          (m.kind === 'name' || m.kind === 'abbreviation' || m.kind === 'alias'),
      )
      .map((m) => {
        const id = m.refersTo[0] as string;
        const type = types.get(id) ?? id.slice(0, id.indexOf(':'));
        return {
          text: m.text,
          type,
          canonical: places.get(id) ?? shorterName(type, name(id), m.text),
          start: m.start,
          end: m.end,
        };
      }),
    quotes: a.quotes.map((q) => ({
      speaker: q.speaker === null ? null : name(q.speaker),
      kind: q.kind,
      cue: q.cue,
      text: q.content.text,
      start: q.start,
      end: q.end,
    })),
    stances: a.stances.map((s) => ({
      actors: s.actors.map(name),
      cue: s.cue,
      class: s.class,
      plover: s.plover,
      target: s.target.text,
      negated: s.negated,
      modality: s.modality,
      start: s.start,
      end: s.end,
    })),
    dates: a.dates.map(({ text, value, relative, unresolved, start, end }) => ({
      text,
      value,
      relative,
      ...(unresolved === undefined ? {} : { unresolved }),
      start,
      end,
    })),
    roles: (a.roles ?? []).map((r) => ({
      person: name(r.entity),
      text: r.text,
      start: r.start,
      end: r.end,
    })),
    keywords: a.keywords,
    summary: a.summary.map((s) => s.text),
  };
}

function sourceView(source: SourceInfo): ArticleViewSource {
  // Spelled out so the JSON keeps the documented key order whatever the tree holds.
  return {
    ...(source.path === undefined ? {} : { path: source.path }),
    encoding: source.encoding,
    confidence: source.confidence,
    bom: source.bom,
    lineEnding: source.lineEnding,
    script: source.script,
    bytes: source.bytes,
    chars: source.chars,
    format: source.format ?? 'text',
    ...(source.declaredCharset === undefined ? {} : { declaredCharset: source.declaredCharset }),
    ...(source.url === undefined ? {} : { url: source.url }),
    ...(source.fetched === undefined ? {} : { fetched: source.fetched }),
  };
}

/**
 * Turns a page tree into the article view, the public contract `jiedu parse --format json`
 * prints: articles in order, each with its headline ('' when it has none), subheadlines,
 * bylines, outlet names (from source lines and bylines, de-duplicated in order), the source
 * lines as printed, body blocks in reading order and captions with the credit that directly
 * follows them.
 */
export function toArticleView(page: PageNode): ArticleView {
  if (page === null || typeof page !== 'object' || page.type !== 'page') {
    throw new TypeError('toArticleView: `page` must be a PageNode (type "page")');
  }
  return {
    version: ARTICLE_VIEW_VERSION,
    source: sourceView(page.source),
    articles: page.children.map(articleView),
  };
}
