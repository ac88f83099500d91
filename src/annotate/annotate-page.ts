import { toSimplified, toTraditional } from '../normalize/index.ts';
import { isDate } from '../text/dates.ts';
import { mostWritten, placeForms, QUALIFIED_PART } from '../text/place-forms.ts';
import type {
  ArticleAnnotations,
  DateMention,
  Entity,
  EntityType,
  Mention,
  Quote,
  Role,
  Stance,
  Token,
} from '../tree/annotations.ts';
import type { ArticleNode, PageNode } from '../tree/types.ts';
import { type ArticleText, articleText, originalText, toSource } from './article-text.ts';
import { QUOTE_CUE_ALTERNATION } from './cues.ts';
import { extractKeywords, type Sentence, summarize } from './extract-keywords.ts';
import { findCaptionStatements } from './find-caption-statements.ts';
import { findDates, type PageDate, pageDateIn, parsePageDate } from './find-dates.ts';
import { type EntityContext, findEntities, type TagSpans } from './find-entities.ts';
import { editorialOf, findQuotes, type Line } from './find-quotes.ts';
import { findRoles } from './find-roles.ts';
import { findStances } from './find-stances.ts';
import { tagWords } from './ner/index.ts';
import { tokensToViewWords } from './ner/word-info.ts';
import { WordEdges } from './read-clauses.ts';
import { newPageMemory, resolveReferences, splitId } from './resolve-references.ts';
import { segment } from './segment/index.ts';

/** Options for {@link annotate}. */
export interface AnnotateOptions {
  /** The page's date (YYYY-MM-DD) for relative dates; else the date a web page says it was
   * published; else the first full date on the page. */
  date?: string;
  /**
   * The statistical tagger for names the rules and lexicon miss: by default the shipped one,
   * in the conventions of the page's script; null for the rules and lexicon alone.
   */
  tagger?: TagSpans | null;
}

/** Interview roles that speak dialogue lines but name nobody. */
const INTERVIEW_ROLES = /^(?:問|答|问|記者|记者|主持人)$/;

/** Blocks that carry no statements of the body: captions and subheads (read apart, see
 * find-caption-statements.ts), credits, bylines and source lines, and the headlines, which
 * repeat the body in fewer words (GUIDELINES §0 of the annotation set). */
const NO_STATEMENTS = new Set([
  'caption',
  'credit',
  'byline',
  'source',
  'headline',
  'subheadline',
  'heading',
]);
/** Blocks read apart for what they say that the body does not: captions and subheads. */
const READ_APART = new Set(['caption', 'subheadline', 'heading']);

/**
 * Annotates every article of a parsed page: tokens, entities with canonical ids, mentions
 * with aliases and references resolved, quotes, stances, dates, keywords and a summary.
 * Works the same on Traditional and Simplified pages; names are given in the page's script.
 * Returns a new page; the input is not changed.
 */
export function annotate(page: PageNode, options: AnnotateOptions = {}): PageNode {
  if (page?.type !== 'page' || typeof page.text !== 'string') {
    throw new TypeError('annotate: `page` must be a page tree from parse()');
  }
  const texts = page.children.map((article) => articleText(article, page.text));
  let date = options.date !== undefined ? parsePageDate(options.date) : null;
  // A web page says when it was published (its meta tags, JSON-LD or header line): 昨日 is
  // the day before that, whatever dates its text mentions.
  for (let i = 0; date === null && i < page.children.length; i++) {
    const published = page.children[i]?.meta?.published?.slice(0, 10);
    if (published !== undefined && isDate(published)) {
      date = parsePageDate(published);
    }
  }
  for (let i = 0; date === null && i < texts.length; i++) {
    date = pageDateIn((texts[i] as ArticleText).simplified.text);
  }
  const traditional = page.source.script === 'traditional' || page.source.script === 'mixed';
  const script = traditional ? 'traditional' : 'simplified';
  const tagger: TagSpans | null =
    options.tagger === undefined
      ? (text, words) => tagWords(text, words, { script })
      : options.tagger;
  const context: EntityContext = {
    people: new Set(),
    works: [],
    ...(tagger !== null ? { tagger } : {}),
  };
  const memory = newPageMemory();
  const entities = new Map<string, Entity>();
  const orgsNamed = new Set<string>();
  const children = page.children.map((article, i) => ({
    ...article,
    annotations: annotateArticle(article, texts[i] as ArticleText, {
      date,
      traditional,
      context,
      memory,
      entities,
      orgsNamed,
    }),
  }));
  placesAsWritten(children, entities, orgsNamed);
  return { ...page, children };
}

/**
 * A place the page never calls by the lexicon's name is called by the name the page writes
 * most for it (北韓 for 朝鮮 on a Taiwan page, 印尼 for 印度尼西亞): speakers and holders
 * are named as the page names them. Never an official long form, a qualified part (中國大陸
 * is still 中國), a side (X方) or an abbreviation. The entities are shared by the articles.
 */
function placesAsWritten(
  children: readonly { annotations: ArticleAnnotations }[],
  entities: ReadonlyMap<string, Entity>,
  orgsNamed: ReadonlySet<string>,
): void {
  const counts = placeForms(children.flatMap((c) => c.annotations.mentions));
  for (const [id, forms] of counts) {
    const e = entities.get(id);
    if (e === undefined || forms.has(e.canonical)) continue;
    const best = mostWritten(forms, '', (form) => !QUALIFIED_PART.test(form));
    if (best === '') continue;
    // A body named for the place by the lexicon's name, not as the page writes it (北韓外務省
    // read as the country's 外務省, 朝鮮外務省): the place as the page writes it.
    for (const o of entities.values()) {
      if (o.type === 'ORG' && !orgsNamed.has(o.id) && o.canonical.startsWith(e.canonical))
        o.canonical = best + o.canonical.slice(e.canonical.length);
    }
    e.canonical = best;
  }
}

interface Shared {
  date: PageDate | null;
  traditional: boolean;
  context: EntityContext;
  memory: ReturnType<typeof newPageMemory>;
  /** Entities of the page so far, by id: one canonical name for all articles. */
  entities: Map<string, Entity>;
  /** Organisations whose canonical name is one the page writes (not the lexicon's). */
  orgsNamed: Set<string>;
}

function annotateArticle(
  article: ArticleNode,
  at: ArticleText,
  shared: Shared,
): ArticleAnnotations {
  const s = at.simplified.text;
  // A dialogue line names its speaker: a person to look for everywhere (林國棟：「…」).
  for (const node of article.children) {
    if (node.type === 'dialogue' && !INTERVIEW_ROLES.test(node.speaker)) {
      shared.context.people.add(
        beforeCue(withoutSpeechVerb(remembered(SIMPLIFIED, node.speaker, toSimplified))),
      );
    }
  }
  // Words first: the entity rules ask them whether what follows a title can be a name.
  const tokens: Token[] = segment(at.original.text, { view: at.simplified });
  const words = tokensToViewWords(at.simplified, tokens);
  const raw = findEntities(s, shared.context, words);
  const refs = resolveReferences(s, raw, shared.memory);
  const lines = linesOf(at);
  const statementLines = lines.filter((l) => !NO_STATEMENTS.has(l.type));

  const used = new Map<string, Entity>();
  const entityOf = (id: string, surface: string): Entity => {
    let e = shared.entities.get(id);
    if (e === undefined) {
      const [type, key] = splitId(id);
      e = { id, type, canonical: canonicalName(type, key, surface, shared.traditional) };
      shared.entities.set(id, e);
    } else if (
      shared.traditional &&
      e.canonical === splitId(id)[1] &&
      surface !== e.canonical &&
      remembered(SIMPLIFIED, surface, toSimplified) === e.canonical
    ) {
      // First met through a short form or a pronoun (林鄭 before 林鄭月娥): the name as the
      // page spells it, once it does.
      e.canonical = surface;
    }
    used.set(id, e);
    return e;
  };
  /** The bodies whose full name was looked for in this article's text. */
  const fullSought = new Set<string>();
  const mentions: Mention[] = refs.map((r) => {
    const text = originalText(at, r.start, r.end);
    // The surface names the entity only where it spells its key (canonicalName checks).
    for (const id of r.ids) {
      // A person named only by an office (联合国秘书长): the office as the page's script
      // writes it, the surface being the office alone.
      const e = entityOf(
        id,
        r.kind === 'title' && r.type === 'PER' && shared.traditional
          ? remembered(TRADITIONAL, splitId(id)[1], toTraditional)
          : text,
      );
      // An organisation is called by the fullest name the page gives it (GUIDELINES 1): 中國外交部
      // for 外交部 when both are written, but 民眾黨 where the page never writes the
      // lexicon's 台灣民眾黨. Chinese names only: an acronym (CSIS) is an alias.
      if (
        e.type === 'ORG' &&
        r.type === 'ORG' &&
        (r.kind === 'name' || r.kind === 'alias') &&
        r.ids.length === 1 &&
        CHINESE_NAME.test(text) &&
        // 欧方, 美国方面: a side the page speaks of, not the body's name.
        !/方(?:面)?$/.test(text) &&
        (!shared.orgsNamed.has(e.id) || text.length > e.canonical.length)
      ) {
        e.canonical = text;
        shared.orgsNamed.add(e.id);
      }
      // 世卫 on its own where the page writes 世界卫生组织 only inside a title (世界卫生组织
      // 总干事X): the fullest name the page gives is still the lexicon's, as the page spells it.
      // Looked for once a body and article: a page may write the short form on every line.
      if (
        e.type === 'ORG' &&
        r.type === 'ORG' &&
        r.kind === 'alias' &&
        r.ids.length === 1 &&
        !fullSought.has(id)
      ) {
        fullSought.add(id);
        const full = splitId(id)[1];
        const k = full.length > e.canonical.length ? s.indexOf(full) : -1;
        if (k !== -1) {
          e.canonical = originalText(at, k, k + full.length);
          shared.orgsNamed.add(e.id);
        }
      }
    }
    // Spelled out rather than spread: a page has hundreds of mentions, and spreading into
    // an object literal is V8's slow path.
    const { start, end } = toSource(at, r.start, r.end);
    return { start, end, text, kind: r.kind, refersTo: r.ids };
  });

  // Spelled out rather than spread, as for mentions: the same keys in the same order.
  const edges = new WordEdges(s.length, words);
  const editorial = editorialOf(
    s,
    lines.find((l) => l.type === 'headline'),
    refs,
  );
  const bodyQuotes = findQuotes(s, statementLines, refs, edges, editorial);
  const bodyStances = findStances(s, statementLines, refs, edges, bodyQuotes);
  const captions = findCaptionStatements(
    s,
    lines.filter((l) => READ_APART.has(l.type)),
    refs,
    edges,
    { quotes: bodyQuotes, stances: bodyStances },
  );
  const byStart = (a: { start: number }, b: { start: number }) => a.start - b.start;
  const rawQuotes =
    captions.quotes.length === 0 ? bodyQuotes : [...bodyQuotes, ...captions.quotes].sort(byStart);
  const rawStances =
    captions.stances.length === 0
      ? bodyStances
      : [...bodyStances, ...captions.stances].sort(byStart);
  const quotes: Quote[] = rawQuotes.map((q) => {
    const { start, end } = toSource(at, q.start, q.end);
    const content = toSource(at, q.contentStart, q.contentEnd);
    return {
      start,
      end,
      speaker: q.speaker?.ids[0] ?? null,
      speakerText: q.speaker === null ? '' : originalText(at, q.speaker.start, q.speaker.end),
      kind: q.kind,
      cue: originalText(at, q.cueAt, q.cueAt + q.cue.length) || q.cue,
      content: {
        start: content.start,
        end: content.end,
        text: originalText(at, q.contentStart, q.contentEnd),
      },
    };
  });

  const stances: Stance[] = rawStances.map((st) => {
    const { start, end } = toSource(at, st.start, st.end);
    const target = toSource(at, st.targetStart, st.targetEnd);
    return {
      start,
      end,
      actors: st.actors,
      cue: originalCue(at, s, st.start, st.end, st.cue),
      class: st.class,
      plover: st.plover,
      target: {
        start: target.start,
        end: target.end,
        text: originalText(at, st.targetStart, st.targetEnd),
      },
      negated: st.negated,
      modality: st.modality.map((m) =>
        shared.traditional ? remembered(TRADITIONAL, m, toTraditional) : m,
      ),
    };
  });
  for (const st of stances) for (const id of st.actors) entityOf(id, '');

  const dates: DateMention[] = findDates(s, shared.date).map((d) => {
    const { start, end } = toSource(at, d.start, d.end);
    const date: DateMention = {
      start,
      end,
      text: originalText(at, d.start, d.end),
      value: d.value,
      relative: d.relative,
    };
    if (d.unresolved !== undefined) date.unresolved = d.unresolved;
    return date;
  });

  const roles: Role[] = findRoles(s, refs).map((r) => {
    const { start, end } = toSource(at, r.start, r.end);
    return { start, end, text: originalText(at, r.start, r.end), entity: r.entity };
  });

  for (const t of tokens) {
    // Offsets into the article view → into the page text, in place (tokens are ours).
    const s = at.original.starts[t.start] ?? 0;
    t.end = t.end > t.start ? (at.original.ends[t.end - 1] ?? s) : s;
    t.start = s;
  }
  const keywords = extractKeywords(tokens);
  const summary = summarize(sentencesOf(at, lines, tokens), keywords).map((x) => ({
    start: x.start,
    end: x.end,
    text: x.text,
  }));

  return {
    tokens,
    entities: [...used.values()],
    mentions,
    quotes,
    stances,
    dates,
    roles,
    keywords,
    summary,
  };
}

/** The lines of the article text with the type of their block. */
function linesOf(at: ArticleText): (Line & { type: string })[] {
  // Block offsets are in the original view; the Simplified view keeps one line per block.
  const out: (Line & { type: string })[] = [];
  const s = at.simplified.text;
  let from = 0;
  for (const block of at.blocks) {
    const nl = s.indexOf('\n', from);
    const to = nl === -1 ? s.length : nl;
    out.push({ from, to, dialogue: block.node.type === 'dialogue', type: block.node.type });
    from = to + 1;
  }
  return out;
}

/** Body sentences for the summary, with the words they hold (decoded-text offsets). */
function sentencesOf(
  at: ArticleText,
  lines: readonly (Line & { type: string })[],
  tokens: readonly Token[],
): Sentence[] {
  const out: Sentence[] = [];
  let next = 0;
  for (const line of lines) {
    if (line.type !== 'paragraph' && line.type !== 'list-item') continue;
    let start = line.from;
    for (let i = line.from; i < line.to; i++) {
      const c = at.simplified.text.charCodeAt(i);
      const last = i === line.to - 1;
      if (c !== 0x3002 && c !== 0xff01 && c !== 0xff1f && !last) continue;
      const range = toSource(at, start, i + 1);
      // Tokens and sentences both run in reading order: walk them together.
      while (next < tokens.length && (tokens[next] as Token).start < range.start) next++;
      const words: string[] = [];
      for (let k = next; k < tokens.length && (tokens[k] as Token).end <= range.end; k++) {
        words.push((tokens[k] as Token).text);
      }
      const text = originalText(at, start, i + 1).trim();
      if (text.length > 0) out.push({ start: range.start, end: range.end, text, words });
      start = i + 1;
    }
  }
  return out;
}

function originalCue(at: ArticleText, s: string, start: number, end: number, cue: string): string {
  const i = s.indexOf(cue, start);
  return i === -1 || i >= end ? cue : originalText(at, i, i + cue.length);
}

/** The canonical name in the page's script: a person as written, a lexicon name converted. */
function canonicalName(
  type: EntityType,
  key: string,
  surface: string,
  traditional: boolean,
): string {
  if (surface !== '' && remembered(SIMPLIFIED, surface, toSimplified) === key) return surface;
  // A person only ever seen through 他 or 這位專家 keeps the name as first found.
  return traditional && type !== 'PER' ? remembered(TRADITIONAL, key, toTraditional) : key;
}

/** A name of two or more Chinese characters, nothing else. */
const CHINESE_NAME = /^[\u3400-\u9fff\uf900-\ufaff]{2,}$/;

/** Names converted so far, each way: the same few hundred names come back on every page,
 * and converting one costs far more than looking it up. Bounded: emptied when full. */
const SIMPLIFIED = new Map<string, string>();
const TRADITIONAL = new Map<string, string>();
const REMEMBERED = 1 << 14;

/** A verb of speech ending a dialogue line's speaker (陈家驹补充：「…」), with an adverb. */
const SPEECH_VERB_END = new RegExp(`(?:[又也还并续再])?(?:${QUOTE_CUE_ALTERNATION})$`);

/** A dialogue speaker without the verb of speech written after the name (陈家驹补充 → 陈家驹). */
function withoutSpeechVerb(speaker: string): string {
  let out = speaker;
  for (const end of [SPEECH_VERB_END, MANNER_END, TIME_END]) {
    const m = end.exec(out);
    if (m !== null && out.length - m[0].length >= 2) out = out.slice(0, out.length - m[0].length);
  }
  return out;
}

/** Ways of saying outside the cue list a dialogue line's speaker may end in: 笑言, 答道. */
const MANNER_END = /(?:笑言|笑道|答道|续道|问道|叹道|直言)$/;
/** A time word between a dialogue speaker's name and the verb: 黄大仙今日话 → 黄大仙. */
const TIME_END = /(?:今日|昨日|今天|昨天|今晨|昨晚|今早|日前|近日|(?:周|星期)[一二三四五六日天])$/;

/** A cue of speech or stance inside a dialogue line's speaker (陈家强批评政府：「…」). */
const CUE_INSIDE = new RegExp(
  `(?:${QUOTE_CUE_ALTERNATION}|批评|抨击|痛批|谴责|呼吁|敦促|反问|回应|质问)`,
);

/** The speaker of a dialogue line before a verb and its object written after the name: the
 * name alone (陈家强批评政府 → 陈家强), where two units at least stand before the verb. */
function beforeCue(speaker: string): string {
  const m = CUE_INSIDE.exec(speaker);
  return m !== null && m.index >= 2 ? speaker.slice(0, m.index) : speaker;
}

function remembered(
  memory: Map<string, string>,
  name: string,
  convert: (s: string) => string,
): string {
  let out = memory.get(name);
  if (out === undefined) {
    if (memory.size >= REMEMBERED) memory.clear();
    out = convert(name);
    memory.set(name, out);
  }
  return out;
}
