/**
 * Building DOM nodes. Every piece of text becomes a text node, never markup: pages come from
 * anywhere, and a page that says `<script>` must show those characters, not run them. This
 * module is the only place that creates elements, and it has no way to set innerHTML.
 */

/** What can be a child: a node, text (made a text node), or nothing (skipped). */
export type Child = Node | string | number | null | undefined | false;

/** Attributes: strings, numbers, true for a bare attribute, and false/null/undefined for none. */
export type Attrs = Record<string, string | number | boolean | null | undefined>;

/** Appends children to `parent`: strings and numbers as text nodes, arrays flattened. */
export function append(parent: Node, ...children: (Child | Child[])[]): void {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(
      typeof child === 'string' || typeof child === 'number'
        ? document.createTextNode(String(child))
        : child,
    );
  }
}

/**
 * Creates an element with attributes and children. Attribute values are set with
 * setAttribute, so they are data too; an attribute named on… is refused, because no code
 * here should attach behaviour through markup (the CSP would block it anyway).
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    if (/^on/i.test(name)) throw new TypeError(`h: event attribute ${name} is not allowed`);
    element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, ...children);
  return element;
}

/** Replaces every child of `parent`. */
export function replace(parent: Node, ...children: (Child | Child[])[]): void {
  while (parent.firstChild !== null) parent.removeChild(parent.firstChild);
  append(parent, ...children);
}

/** A text shown only to screen readers. */
export function srOnly(text: string): HTMLSpanElement {
  return h('span', { class: 'sr-only' }, text);
}

/** A labelled form field: label above, control below, an optional hint tied by aria. */
export function field(
  label: string,
  control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement,
  hint?: string,
): HTMLDivElement {
  const id = control.id || `f-${Math.random().toString(36).slice(2, 9)}`;
  control.id = id;
  const hintEl = hint === undefined ? null : h('small', { id: `${id}-hint`, class: 'hint' }, hint);
  if (hintEl !== null) control.setAttribute('aria-describedby', hintEl.id);
  return h('div', { class: 'field' }, h('label', { for: id }, label), control, hintEl);
}

/** An options list for a select, with the current value selected. */
export function options(
  choices: readonly (readonly [value: string, label: string])[],
  current: string,
): HTMLOptionElement[] {
  return choices.map(([value, label]) =>
    h('option', { value, selected: value === current }, label),
  );
}
