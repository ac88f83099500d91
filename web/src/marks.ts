import { type Child, h, srOnly } from './dom.ts';
import { zh } from './script.ts';

/**
 * Marks laid over a text: entities, quotes, stances, matches and the parser's repairs, all
 * as ranges of the decoded text. {@link renderMarked} cuts a shown text into runs that carry
 * the same marks and writes each run as one element around one text node, so nothing from
 * the page is ever parsed as markup and each run is converted to the reader's script alone.
 */

export interface EntityMark {
  start: number;
  end: number;
  type: string;
  /** The canonical name in the page's script. */
  canonical: string;
  /** Where the entity page is; none for a date. */
  href: string | null;
  /** Extra words for the hover card (a date's resolved value). */
  detail?: string;
}

export interface QuoteMark {
  start: number;
  end: number;
  speaker: string | null;
  kind: 'direct' | 'reported';
  cue: string;
}

export interface StanceMark {
  start: number;
  end: number;
  cls: string;
  actors: string[];
  cue: string;
  negated: boolean;
  target: string;
}

export interface RepairMark {
  start: number;
  end: number;
  kind: string;
  note: string;
}

/** Everything that can be marked; offsets are into the decoded text. */
export interface Marks {
  entities: EntityMark[];
  quotes: QuoteMark[];
  stances: StanceMark[];
  repairs: RepairMark[];
  /** Emphasis (**…**) and search matches. */
  emphasis: { start: number; end: number }[];
  /**
   * Gives the first chip of each quote an id, `${prefix}quote-${index}`, so a list of the
   * quotes can link to where each is in the text; `done` holds the quotes that have one.
   */
  anchors?: { prefix: string; done: Set<number> };
}

/** Readable names of the entity types, for legends and hover cards. */
export const ENTITY_TYPES: Record<string, string> = {
  PER: 'Person',
  ORG: 'Organisation',
  LOC: 'Place',
  WORK: 'Work',
  EVENT: 'Event',
  DATE: 'Date',
};

/** A titled group of a legend (the reader's bar, the actor graph's caption). */
export function legendGroup(title: string, ...items: (Child | Child[])[]): HTMLElement {
  return h(
    'span',
    { class: 'legend-group' },
    h('span', { class: 'legend-title' }, title),
    ...items,
  );
}

/** A legend's sample of an entity type, coloured as its marks are. */
export function entityLegendItem(type: string): HTMLElement {
  return h('span', { class: `legend-item ent ent-${type}` }, ENTITY_TYPES[type] ?? type);
}

/** The stance classes, grouped by how they colour: warm for hostility, green for accord. */
export const STANCE_CLASSES: Record<string, { label: string; zh: string }> = {
  support: { label: 'support', zh: '支持' },
  praise: { label: 'praise', zh: '讚揚' },
  agree: { label: 'agree', zh: '同意' },
  welcome: { label: 'welcome', zh: '歡迎' },
  thank: { label: 'thank', zh: '感謝' },
  congratulate: { label: 'congratulate', zh: '祝賀' },
  cooperate: { label: 'cooperate', zh: '合作' },
  meet: { label: 'meet', zh: '會見' },
  appeal: { label: 'appeal', zh: '呼籲' },
  demand: { label: 'demand', zh: '要求' },
  concern: { label: 'concern', zh: '關切' },
  criticize: { label: 'criticize', zh: '批評' },
  oppose: { label: 'oppose', zh: '反對' },
  reject: { label: 'reject', zh: '拒絕' },
};

function covering<T extends { start: number; end: number }>(
  list: readonly T[],
  offset: number,
): number {
  if (offset < 0) return -1;
  for (let i = 0; i < list.length; i++) {
    const mark = list[i] as T;
    if (mark.start <= offset && offset < mark.end) return i;
  }
  return -1;
}

/** The marks covering one shown character, as indexes into the lists (-1: none). */
interface State {
  entity: number;
  quote: number;
  stance: number;
  repair: number;
  emphasis: number;
}

function stateAt(marks: Marks, offset: number): State {
  return {
    entity: covering(marks.entities, offset),
    quote: covering(marks.quotes, offset),
    stance: covering(marks.stances, offset),
    repair: covering(marks.repairs, offset),
    emphasis: covering(marks.emphasis, offset),
  };
}

function sameState(a: State, b: State): boolean {
  return (
    a.entity === b.entity &&
    a.quote === b.quote &&
    a.stance === b.stance &&
    a.repair === b.repair &&
    a.emphasis === b.emphasis
  );
}

/** The hover card of an entity: canonical name and type. */
function entityTip(entity: EntityMark): string {
  const type = ENTITY_TYPES[entity.type] ?? entity.type;
  const detail = entity.detail === undefined ? '' : ` · ${entity.detail}`;
  return `${zh(entity.canonical)} · ${type}${detail}`;
}

function stanceTitle(stance: StanceMark): string {
  const actors = stance.actors.length === 0 ? '?' : stance.actors.map(zh).join('、');
  const negated = stance.negated ? ' (negated)' : '';
  return `Stance: ${actors} ${stance.cls}${negated} · cue ${zh(stance.cue)} · ${zh(stance.target)}`;
}

function runElement(marks: Marks, state: State, text: string): HTMLElement | Text {
  const classes: string[] = [];
  const attrs: Record<string, string | undefined> = {};
  const entity = marks.entities[state.entity];
  const stance = marks.stances[state.stance];
  const repair = marks.repairs[state.repair];
  if (stance !== undefined) {
    classes.push('st', `st-${stance.cls}`);
    if (stance.negated) classes.push('st-neg');
    attrs.title = stanceTitle(stance);
  }
  if (state.quote >= 0) classes.push('q');
  if (state.emphasis >= 0) classes.push('em');
  if (repair !== undefined) {
    classes.push('rep');
    attrs['data-repair'] = repair.kind;
  }
  const shown = zh(text);
  if (entity !== undefined) {
    classes.push('ent', `ent-${entity.type}`);
    const attributes = {
      ...attrs,
      class: classes.join(' '),
      'data-tip': entityTip(entity),
      'data-entity': entity.canonical,
    };
    if (entity.href === null) return h('span', { ...attributes, tabindex: 0 }, shown);
    return h('a', { ...attributes, href: entity.href }, shown);
  }
  if (classes.length === 0) return document.createTextNode(shown);
  return h('span', { ...attrs, class: classes.join(' ') }, shown);
}

function quoteChip(quote: QuoteMark, id: string | undefined): HTMLElement {
  const who = quote.speaker === null ? 'unattributed' : zh(quote.speaker);
  return h(
    'span',
    {
      id,
      class: `chip chip-quote chip-${quote.kind}`,
      title: `${quote.kind === 'direct' ? 'Direct quote' : 'Reported speech'} · cue ${zh(quote.cue)}`,
    },
    h('span', { class: 'chip-icon', 'aria-hidden': 'true' }, quote.kind === 'direct' ? '❝' : '↳'),
    who,
    srOnly(quote.kind === 'direct' ? ' says:' : ' (reported):'),
  );
}

/** What a badge says for each kind of repair: line ends get a mark, rarer repairs a word. */
const REPAIR_LABELS: Record<string, { short: string; long: string }> = {
  wrap: { short: '↵', long: 'line end of a hard-wrapped column removed' },
  join: { short: '↵', long: 'line break inside a sentence removed' },
  'blank-dropped': { short: 'blank lines dropped', long: 'blank lines inside a paragraph removed' },
  'caption-moved': { short: 'caption moved', long: 'a photo caption moved out of the paragraph' },
};

function repairBadge(repair: RepairMark): HTMLElement {
  const label = REPAIR_LABELS[repair.kind] ?? { short: repair.kind, long: repair.kind };
  return h(
    'span',
    { class: 'repair-badge', title: `${label.long}: ${repair.note}`, 'data-kind': repair.kind },
    h('span', { 'aria-hidden': 'true' }, label.short),
    srOnly(` (repair: ${label.long}) `),
  );
}

/**
 * Writes `text` with its marks. `offsets[i]` is where character i came from in the decoded
 * text (-1 when nowhere). A quote gets its speaker chip before its first character here; a
 * repair gets a badge where it begins (shown only when repairs are switched on).
 */
export function renderMarked(text: string, offsets: readonly number[], marks: Marks): Child[] {
  const out: Child[] = [];
  const chipped = new Set<number>();
  const badged = new Set<number>();
  let runStart = 0;
  let runState: State | null = null;
  let previous = -1;

  const flush = (until: number) => {
    if (runState !== null && until > runStart) {
      out.push(runElement(marks, runState, text.slice(runStart, until)));
    }
    runStart = until;
  };

  for (let i = 0; i < text.length; i++) {
    const offset = offsets[i] ?? -1;
    const state = stateAt(marks, offset);
    const inserts: HTMLElement[] = [];
    if (offset >= 0) {
      marks.repairs.forEach((repair, index) => {
        // A repair begins here when this character is its first one, or when it lies in the
        // gap the shown text jumped over (a dropped line end) just before this character.
        if (badged.has(index) || offset < repair.start || previous >= repair.end) return;
        if (previous < 0 && repair.start < offset && repair.end <= offset) return;
        badged.add(index);
        inserts.push(repairBadge(repair));
      });
      const quote = marks.quotes[state.quote];
      if (quote !== undefined && !chipped.has(state.quote)) {
        chipped.add(state.quote);
        const anchors = marks.anchors;
        let id: string | undefined;
        if (anchors !== undefined && !anchors.done.has(state.quote)) {
          anchors.done.add(state.quote);
          id = `${anchors.prefix}quote-${state.quote}`;
        }
        inserts.push(quoteChip(quote, id));
      }
      previous = offset;
    }
    if (inserts.length > 0 || runState === null || !sameState(runState, state)) {
      flush(i);
      out.push(...inserts);
      runState = state;
    }
  }
  flush(text.length);
  return out;
}
