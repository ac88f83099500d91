import * as api from '../api.ts';
import type { PageContext } from '../context.ts';
import { type Child, field, h, replace } from '../dom.ts';
import { pathWith } from '../routes.ts';
import { simplified, zh } from '../script.ts';
import { errorBox, loading, panel } from '../ui.ts';

/**
 * Compare two statements: each pasted, a file, or an archive article by id. The server
 * aligns their sentences and positions (stances and quotes); the page lists what changed
 * (each position same, changed, added or dropped, with the sentence in A and in B) and shows
 * the two side by side, sentence by sentence, the characters cut or added marked. /compare
 * ?a=12&b=40 compares two archive articles at once.
 */

type Comparison = api.Comparison;
type Position = Comparison['positions'][number];
type SentenceRow = Comparison['sentences'][number];
type Status = SentenceRow['status'];

const STATUS_TEXT: Record<Status, string> = {
  same: 'same',
  changed: 'changed',
  added: 'added in B',
  dropped: 'dropped from B',
};

/** The last result and the form's contents, kept so a change of script redraws them. */
let last: Comparison | null = null;
const drafts = { a: '', b: '', aId: '', bId: '' };

/** What changed, in words: "negated", "modality +將繼續", "target widened". */
function changeWords(p: Position): string {
  if (p.status !== 'changed') return STATUS_TEXT[p.status];
  return (p.changes ?? [])
    .map((c) => {
      if (c === 'target') return `target ${p.targetChange ?? 'changed'}`;
      if (c === 'modality') {
        const words = [
          ...(p.modalityAdded ?? []).map((w) => `+${zh(w)}`),
          ...(p.modalityRemoved ?? []).map((w) => `−${zh(w)}`),
        ];
        return `modality ${words.join(' ')}`;
      }
      if (c === 'negated') return p.b?.negated === true ? 'negated' : 'negation removed';
      return 'class changed';
    })
    .join(', ');
}

export function badge(status: Status, text: string = STATUS_TEXT[status]): HTMLElement {
  return h('span', { class: `cmp-badge cmp-${status}` }, text);
}

/**
 * The characters of `a` and `b` each marked kept or not: a longest common subsequence of
 * their Simplified characters, so a sentence in the other script differs only where its
 * words do. Sentences are short; a pair too long to align is marked whole.
 */
function charDiff(a: string, b: string): { a: boolean[]; b: boolean[] } {
  const ca = [...a].map((c) => simplified(c));
  const cb = [...b].map((c) => simplified(c));
  const n = ca.length;
  const m = cb.length;
  if (n * m > 250_000) return { a: ca.map(() => false), b: cb.map(() => false) };
  const width = m + 1;
  const best = new Uint16Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      best[i * width + j] =
        ca[i] === cb[j]
          ? (best[(i + 1) * width + j + 1] as number) + 1
          : Math.max(best[(i + 1) * width + j] as number, best[i * width + j + 1] as number);
    }
  }
  const keptA = ca.map(() => false);
  const keptB = cb.map(() => false);
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (ca[i] === cb[j]) {
      keptA[i++] = true;
      keptB[j++] = true;
    } else if ((best[(i + 1) * width + j] as number) >= (best[i * width + j + 1] as number)) i++;
    else j++;
  }
  return { a: keptA, b: keptB };
}

/** A sentence with the characters not kept wrapped in `tag` (del in A, ins in B). */
function marked(text: string, kept: boolean[], tag: 'del' | 'ins'): Child[] {
  const chars = [...text];
  const out: Child[] = [];
  let run = '';
  let runKept = true;
  const flush = () => {
    if (run === '') return;
    out.push(runKept ? zh(run) : h(tag, {}, zh(run)));
    run = '';
  };
  chars.forEach((c, k) => {
    const isKept = kept[k] ?? true;
    if (isKept !== runKept) flush();
    runKept = isKept;
    run += c;
  });
  flush();
  return out;
}

/** A sentence row's two cells, changes marked. */
function sentenceCells(row: SentenceRow): [Child[], Child[]] {
  if (row.status === 'changed' && row.a !== null && row.b !== null) {
    const diff = charDiff(row.a.text, row.b.text);
    return [marked(row.a.text, diff.a, 'del'), marked(row.b.text, diff.b, 'ins')];
  }
  return [[row.a === null ? '' : zh(row.a.text)], [row.b === null ? '' : zh(row.b.text)]];
}

/** The positions that differ, each with its sentence in A and in B. */
export function changesList(c: Comparison): HTMLElement {
  const differ = c.positions.filter((p) => p.status !== 'same');
  if (differ.length === 0) {
    return h('p', { class: 'muted' }, 'Every position of A is in B as it was.');
  }
  return h(
    'ol',
    { class: 'cmp-changes' },
    differ.map((p) =>
      h(
        'li',
        { class: `cmp-change cmp-${p.status}` },
        h(
          'p',
          { class: 'cmp-position' },
          badge(p.status, changeWords(p)),
          ' ',
          h('span', { lang: 'zh' }, p.actors.map(zh).join('、') || '—'),
          ' ',
          h('span', { class: 'cmp-class' }, p.type === 'quote' ? 'said' : p.class),
          ' ',
          h('span', { lang: 'zh', class: 'cmp-target' }, zh(p.target)),
        ),
        h(
          'div',
          { class: 'cmp-pair' },
          h(
            'p',
            { lang: 'zh', class: 'cmp-said' },
            h('span', { class: 'cmp-side' }, 'A'),
            p.a === null ? h('span', { class: 'muted' }, 'not in A') : zh(p.a.text),
          ),
          h(
            'p',
            { lang: 'zh', class: 'cmp-said' },
            h('span', { class: 'cmp-side' }, 'B'),
            p.b === null ? h('span', { class: 'muted' }, 'not in B') : zh(p.b.text),
          ),
        ),
      ),
    ),
  );
}

/** The changed positions of each sentence row, by where the sentence starts in A or B. */
function rowNotes(c: Comparison): { a: Map<number, Position[]>; b: Map<number, Position[]> } {
  const a = new Map<number, Position[]>();
  const b = new Map<number, Position[]>();
  for (const p of c.positions) {
    if (p.status === 'same') continue;
    const [map, at] = p.a !== null ? [a, p.a.start] : [b, (p.b as { start: number }).start];
    const list = map.get(at) ?? [];
    list.push(p);
    map.set(at, list);
  }
  return { a, b };
}

/** The two statements side by side, a row per aligned sentence. */
export function sideBySide(c: Comparison): HTMLElement {
  const notes = rowNotes(c);
  const rows = c.sentences.map((row) => {
    const [left, right] = sentenceCells(row);
    const positions = [
      ...(row.a === null ? [] : (notes.a.get(row.a.start) ?? [])),
      ...(row.b === null ? [] : (notes.b.get(row.b.start) ?? [])),
    ];
    return h(
      'tr',
      { class: `cmp-row cmp-${row.status}` },
      h('td', { lang: 'zh', class: 'cmp-cell cmp-text' }, left),
      h(
        'td',
        { class: 'cmp-cell cmp-status' },
        badge(row.status),
        positions.map((p) =>
          h(
            'span',
            { class: 'cmp-note' },
            `${p.type === 'quote' ? 'quote' : p.class}: ${changeWords(p)}`,
          ),
        ),
      ),
      h('td', { lang: 'zh', class: 'cmp-cell cmp-text' }, right),
    );
  });
  return h(
    'div',
    {
      class: 'table-scroll',
      role: 'region',
      'aria-label': 'The two statements side by side',
      tabindex: 0,
    },
    h(
      'table',
      { class: 'cmp-table' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col', lang: 'zh' }, `A: ${zh(c.a.headline || c.a.label)}`),
          h('th', { scope: 'col' }, 'Sentence'),
          h('th', { scope: 'col', lang: 'zh' }, `B: ${zh(c.b.headline || c.b.label)}`),
        ),
      ),
      h('tbody', {}, rows),
    ),
  );
}

function counts(label: string, tally: Record<Status, number>): HTMLElement {
  return h(
    'p',
    { class: 'cmp-counts' },
    h('strong', {}, `${label}: `),
    (['same', 'changed', 'added', 'dropped'] as const).map((s) => badge(s, `${tally[s]} ${s}`)),
  );
}

function resultView(c: Comparison): HTMLElement {
  return h(
    'div',
    { class: 'cmp-result' },
    h(
      'p',
      { class: 'parse-summary', role: 'status' },
      `A: ${c.a.label} (${c.a.script}, ${c.a.sentences} sentences, ${c.a.stances} stances, ${c.a.quotes} quotes) · B: ${c.b.label} (${c.b.script}, ${c.b.sentences} sentences, ${c.b.stances} stances, ${c.b.quotes} quotes)`,
    ),
    counts('Positions', c.summary.positions),
    counts('Sentences', c.summary.sentences),
    h(
      'p',
      { class: 'muted cmp-legend' },
      'Colours: ',
      badge('same'),
      ' ',
      badge('changed'),
      ' ',
      badge('added'),
      ' ',
      badge('dropped'),
      ' · in a changed sentence, ',
      h('del', {}, 'cut'),
      ' and ',
      h('ins', {}, 'added'),
      ' characters are marked.',
    ),
    panel('cmp-changes-title', 'What changed', changesList(c)),
    panel('cmp-sides-title', 'Side by side', sideBySide(c)),
  );
}

/** One side of the form: a text box, a file, or an archive article id. */
function sideFields(name: 'a' | 'b') {
  const label = name.toUpperCase();
  const textarea = h('textarea', {
    name: `text-${name}`,
    rows: 8,
    spellcheck: 'false',
    placeholder: `貼上聲明 ${label} 的原文。\nPaste statement ${label}.`,
  });
  textarea.value = name === 'a' ? drafts.a : drafts.b;
  textarea.addEventListener('input', () => {
    drafts[name] = textarea.value;
  });
  const file = h('input', {
    type: 'file',
    name: `file-${name}`,
    accept: '.txt,text/plain,.html,.htm',
  });
  const id = h('input', { type: 'text', name: `id-${name}`, inputmode: 'numeric', size: 8 });
  id.value = name === 'a' ? drafts.aId : drafts.bId;
  id.addEventListener('input', () => {
    if (name === 'a') drafts.aId = id.value;
    else drafts.bId = id.value;
  });
  const box = h(
    'fieldset',
    { class: 'cmp-side-form' },
    h('legend', {}, `Statement ${label}`),
    field(`Text of ${label}`, textarea),
    h(
      'div',
      { class: 'paste-options' },
      field(`Or a file for ${label}`, file),
      field(`Or archive article ${label}`, id, 'Its id, as in /article/12.'),
    ),
  );
  /** The side as the API takes it, or an error message. */
  const read = (): api.CompareSide | string => {
    const chosen = file.files?.[0];
    if (chosen !== undefined) return { page: chosen, name: chosen.name };
    if (textarea.value.trim() !== '') return { page: textarea.value };
    const raw = id.value.trim().replace(/^#/, '');
    if (/^\d+$/.test(raw)) return { id: raw };
    if (raw !== '') return `Statement ${label}: an article id is a whole number, not '${raw}'.`;
    return `Statement ${label}: paste its text, choose a file or give an article id.`;
  };
  return { box, read, id };
}

/** Draws /compare. */
export async function comparePage(ctx: PageContext): Promise<void> {
  ctx.setTitle('Compare two statements');
  const a = sideFields('a');
  const b = sideFields('b');
  const output = h('div', { class: 'paste-output', 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', class: 'button primary' }, 'Compare');
  const form = h(
    'form',
    { class: 'paste-form cmp-form', 'aria-label': 'Compare two statements' },
    h('div', { class: 'cmp-sides' }, a.box, b.box),
    h('div', { class: 'form-actions' }, submit),
  );
  replace(
    ctx.main,
    h('h1', { class: 'page-title' }, 'Compare two statements'),
    h(
      'p',
      { class: 'muted' },
      'Two statements (joint statements of different years, one story in two outlets): their sentences aligned, and each stance and quote same, changed (negated, class, modality, target), added or dropped.',
    ),
    form,
    output,
  );
  const show = async (left: api.CompareSide, right: api.CompareSide) => {
    submit.disabled = true;
    replace(output, loading('Comparing…'));
    try {
      last = await api.compare(left, right);
      replace(output, resultView(last));
    } catch (err) {
      replace(output, errorBox(err, 'Could not compare'));
    } finally {
      submit.disabled = false;
    }
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const left = a.read();
    const right = b.read();
    if (typeof left === 'string' || typeof right === 'string') {
      replace(
        output,
        errorBox(
          new Error(typeof left === 'string' ? left : (right as string)),
          'Nothing to compare',
        ),
      );
      return;
    }
    // Two archive articles have an address of their own.
    if ('id' in left && 'id' in right) {
      ctx.navigate(pathWith('/compare', { a: left.id, b: right.id }));
      return;
    }
    void show(left, right);
  });
  const idA = ctx.params.get('a');
  const idB = ctx.params.get('b');
  if (idA !== null && idB !== null) {
    a.id.value = idA;
    b.id.value = idB;
    drafts.aId = idA;
    drafts.bId = idB;
    await show({ id: idA }, { id: idB });
  } else if (last !== null) {
    replace(output, resultView(last));
  }
}
