import { h } from './dom.ts';

/**
 * The hover and focus card of a marked entity: one floating element for the whole app,
 * filled from the mark's data-tip (as text) and kept inside the viewport, so a card near the
 * right edge of a phone never widens the page. It shows while annotations are on, follows
 * the pointer or the keyboard focus, and Escape dismisses it.
 */

const GAP = 6;
const MARGIN = 8;

let tip: HTMLElement | null = null;
let anchor: HTMLElement | null = null;

function card(): HTMLElement {
  if (tip === null) {
    tip = h('div', { class: 'tooltip', id: 'tooltip', role: 'tooltip', hidden: true });
    document.body.append(tip);
  }
  return tip;
}

/** The marked element under `node` whose card should show, if annotations are on. */
function markAt(node: EventTarget | null): HTMLElement | null {
  if (!(node instanceof Element)) return null;
  const mark = node.closest<HTMLElement>('[data-tip]');
  if (mark === null || mark.closest('.show-marks') === null) return null;
  return mark;
}

function place(target: HTMLElement, box: HTMLElement): void {
  const rect = target.getBoundingClientRect();
  const size = box.getBoundingClientRect();
  const width = document.documentElement.clientWidth;
  const left = Math.max(MARGIN, Math.min(rect.left, width - size.width - MARGIN));
  // Above the mark when it fits, else below it.
  const above = rect.top - size.height - GAP;
  const top = above >= MARGIN ? above : rect.bottom + GAP;
  box.style.left = `${Math.round(left + window.scrollX)}px`;
  box.style.top = `${Math.round(top + window.scrollY)}px`;
}

function show(target: HTMLElement): void {
  const box = card();
  anchor = target;
  box.textContent = target.dataset.tip ?? '';
  // The card names the entity in the mark's script: the same glyph forms as the text.
  box.lang = target.closest('[lang]')?.getAttribute('lang') ?? '';
  box.hidden = false;
  target.setAttribute('aria-describedby', box.id);
  place(target, box);
}

function hide(): void {
  if (tip !== null) tip.hidden = true;
  anchor?.removeAttribute('aria-describedby');
  anchor = null;
}

/** Starts listening; call once. */
export function startTooltips(): void {
  document.addEventListener('mouseover', (event) => {
    const mark = markAt(event.target);
    if (mark !== null && mark !== anchor) show(mark);
    else if (mark === null && anchor !== null && anchor !== document.activeElement) hide();
  });
  document.addEventListener('focusin', (event) => {
    const mark = markAt(event.target);
    if (mark !== null) show(mark);
    else hide();
  });
  document.addEventListener('focusout', () => hide());
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') hide();
  });
  // A card left over from a page that is gone, or a scrolled mark: hide rather than drift.
  window.addEventListener(
    'scroll',
    () => {
      if (anchor !== null && !anchor.isConnected) hide();
      else if (anchor !== null && tip !== null) place(anchor, tip);
    },
    { passive: true },
  );
}

/** Hides the card (a new page is drawn). */
export function hideTooltip(): void {
  hide();
}
