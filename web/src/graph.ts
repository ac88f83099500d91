import type { GraphResponse } from './api.ts';
import { h } from './dom.ts';
import { entityLegendItem, legendGroup, STANCE_CLASSES } from './marks.ts';
import { entityIdPath } from './routes.ts';
import { zh } from './script.ts';

/**
 * The actor graph: who takes a stance on whom, drawn with cytoscape on a canvas. An edge
 * goes from an actor to an entity named in the stance's target, as thick as the stances
 * behind it and coloured by their most frequent class. The same edges are listed in a
 * table for keyboards and screen readers.
 */

/** Colours shared with the stylesheet (the canvas cannot read CSS variables). */
const TYPE_COLOURS: Record<string, string> = {
  PER: '#2563a8',
  ORG: '#7b3fa0',
  LOC: '#23805a',
  WORK: '#a8641a',
  EVENT: '#b3362e',
  DATE: '#5f6b76',
};

const CLASS_COLOURS: Record<string, string> = {
  support: '#1a7a50',
  praise: '#1a7a50',
  agree: '#23805e',
  welcome: '#23805e',
  thank: '#3aa38a',
  congratulate: '#3aa38a',
  cooperate: '#0f7c8c',
  meet: '#4a6fa5',
  appeal: '#6a5acd',
  demand: '#8a4fbf',
  concern: '#946200',
  criticize: '#b8441c',
  oppose: '#c0392b',
  reject: '#9e2a2b',
};

function dominantClass(classes: Record<string, number>): string {
  let best = '';
  let bestCount = -1;
  for (const [cls, count] of Object.entries(classes)) {
    if (count > bestCount) {
      best = cls;
      bestCount = count;
    }
  }
  return best;
}

function edgeTable(graph: GraphResponse): HTMLElement {
  const names = new Map(graph.nodes.map((n) => [n.id, n.name]));
  // The table is the keyboard's way into the graph: every entity in it is a link.
  const entityLink = (id: string) => h('a', { href: entityIdPath(id) }, zh(names.get(id) ?? id));
  return h(
    'details',
    { class: 'chart-data' },
    h('summary', {}, `Links as a table (${graph.edges.length})`),
    h(
      'table',
      { class: 'data-table' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ['Actor', 'About', 'Stances', 'Classes'].map((c) => h('th', { scope: 'col' }, c)),
        ),
      ),
      h(
        'tbody',
        {},
        graph.edges.map((e) =>
          h(
            'tr',
            {},
            h('td', { lang: 'zh' }, entityLink(e.source)),
            h('td', { lang: 'zh' }, entityLink(e.target)),
            h('td', {}, e.weight),
            h(
              'td',
              {},
              Object.entries(e.classes)
                .map(([c, n]) => `${STANCE_CLASSES[c]?.label ?? c} ${n}`)
                .join(', '),
            ),
          ),
        ),
      ),
    ),
  );
}

/** The graph figure; cytoscape draws into it once loaded. `open` follows a node. */
export function actorGraph(graph: GraphResponse, open: (id: string) => void): HTMLElement {
  const box = h('div', {
    class: 'graph-box',
    role: 'img',
    'aria-label': `Actor graph: ${graph.nodes.length} entities, ${graph.edges.length} links`,
  });
  const legend = h(
    'p',
    { class: 'legend' },
    legendGroup(
      'Nodes',
      Object.keys(TYPE_COLOURS)
        .filter((t) => graph.nodes.some((n) => n.type === t))
        .map(entityLegendItem),
    ),
    legendGroup(
      'Links',
      'coloured by their most frequent class, thicker for more stances; select a node to open it.',
    ),
  );
  void drawGraph(box, graph, open);
  return h('figure', { class: 'graph' }, box, h('figcaption', {}, legend), edgeTable(graph));
}

/** The graph on screen, if any: destroyed before another page draws (its animation frames
 * and listeners would otherwise outlive its detached container). */
let live: { destroy(): void } | null = null;

/** Stops and drops the graph on screen. */
export function disposeGraph(): void {
  live?.destroy();
  live = null;
}

async function drawGraph(
  box: HTMLElement,
  graph: GraphResponse,
  open: (id: string) => void,
): Promise<void> {
  const { default: cytoscape } = await import('cytoscape');
  // A canvas does not make the browser fetch the font subsets its labels need (the CSS of
  // a bundled CJK font is split by unicode-range), so they are loaded first: else the
  // labels are drawn in a fallback font, or as empty boxes where there is none.
  const labels = graph.nodes.map((n) => zh(n.name)).join('');
  await Promise.allSettled([
    document.fonts.load('13px "Noto Sans TC"', labels),
    document.fonts.load('13px "Noto Sans SC"', labels),
  ]);
  // A redraw in another script builds the page off screen and swaps it in when complete:
  // wait for the box to be in the document (cytoscape measures it), a second at most; if
  // it never comes, the reader has moved on.
  for (let frame = 0; frame < 60 && !box.isConnected; frame++) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  if (!box.isConnected) return;
  disposeGraph();
  const maxWeight = Math.max(1, ...graph.edges.map((e) => e.weight));
  const maxStances = Math.max(1, ...graph.nodes.map((n) => n.stances));
  const cy = cytoscape({
    container: box,
    elements: [
      ...graph.nodes.map((n) => ({
        data: {
          id: n.id,
          label: zh(n.name),
          colour: TYPE_COLOURS[n.type] ?? '#5f6b76',
          size: 18 + 26 * Math.sqrt(n.stances / maxStances),
        },
      })),
      ...graph.edges.map((e, i) => ({
        data: {
          id: `e${i}`,
          source: e.source,
          target: e.target,
          colour: CLASS_COLOURS[dominantClass(e.classes)] ?? '#7a8794',
          width: 1.5 + 5 * (e.weight / maxWeight),
        },
      })),
    ],
    style: [
      {
        selector: 'node',
        style: {
          'background-color': 'data(colour)',
          width: 'data(size)',
          height: 'data(size)',
          label: 'data(label)',
          'font-family': '"Noto Sans TC", "Noto Sans SC", sans-serif',
          'font-size': 13,
          color: '#1f2933',
          'text-valign': 'bottom',
          'text-margin-y': 4,
          'text-outline-color': '#ffffff',
          'text-outline-width': 2,
        },
      },
      {
        selector: 'edge',
        style: {
          width: 'data(width)',
          'line-color': 'data(colour)',
          'target-arrow-color': 'data(colour)',
          'target-arrow-shape': 'triangle',
          'curve-style': 'bezier',
          opacity: 0.85,
        },
      },
      { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#111' } },
    ],
    layout: { name: 'cose', animate: false, padding: 24, nodeRepulsion: () => 9000 },
    // Fitting two or three nodes to the box would blow them up to fill it.
    maxZoom: 1.6,
    minZoom: 0.2,
  });
  live = cy;
  cy.on('tap', 'node', (event) => open(event.target.id()));
  cy.on('mouseover', 'node', () => {
    box.style.cursor = 'pointer';
  });
  cy.on('mouseout', 'node', () => {
    box.style.cursor = '';
  });
  box.dataset.drawn = 'true';
}
