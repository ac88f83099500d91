import type { DayCount } from './api.ts';
import { h } from './dom.ts';

/**
 * Mentions over time as a bar chart (chart.js, loaded with the entity page). Days without
 * mentions are drawn as zero so gaps show; a span of more than 120 days is counted by month.
 */

const DAY_MS = 86_400_000;

function dayNumber(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

function dayString(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The bars to draw: every day (or month) from the first to the last, zeros included. */
function buckets(days: readonly DayCount[]): DayCount[] {
  const dated = days.filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d.date));
  if (dated.length === 0) return [];
  const numbers = dated.map((d) => dayNumber(d.date));
  const first = Math.min(...numbers);
  const last = Math.max(...numbers);
  const byMonth = last - first > 120;
  const totals = new Map<string, number>();
  const keyOf = (date: string) => (byMonth ? date.slice(0, 7) : date);
  for (let day = first; day <= last; day++) totals.set(keyOf(dayString(day)), 0);
  for (const d of dated) totals.set(keyOf(d.date), (totals.get(keyOf(d.date)) ?? 0) + d.count);
  return [...totals.entries()].map(([date, count]) => ({ date, count }));
}

/** Draws the chart into a new figure; returns the figure at once, the chart follows. */
export function mentionsChart(days: readonly DayCount[], label: string): HTMLElement {
  const bars = buckets(days);
  const total = bars.reduce((sum, b) => sum + b.count, 0);
  const canvas = h('canvas', {
    role: 'img',
    'aria-label': `${label}: ${total} over ${bars.length} ${bars[0]?.date.length === 7 ? 'months' : 'days'}`,
  });
  const figure = h(
    'figure',
    { class: 'chart' },
    h('div', { class: 'chart-box' }, canvas),
    h(
      'details',
      { class: 'chart-data' },
      h('summary', {}, 'Data table'),
      h(
        'table',
        {},
        h(
          'thead',
          {},
          h('tr', {}, h('th', { scope: 'col' }, 'Date'), h('th', { scope: 'col' }, 'Articles')),
        ),
        h(
          'tbody',
          {},
          bars
            .filter((b) => b.count > 0)
            .map((b) => h('tr', {}, h('td', {}, b.date), h('td', {}, b.count))),
        ),
      ),
    ),
  );
  void drawChart(canvas, bars, label);
  return figure;
}

async function drawChart(
  canvas: HTMLCanvasElement,
  bars: DayCount[],
  label: string,
): Promise<void> {
  const { Chart, BarController, BarElement, CategoryScale, LinearScale, Tooltip } = await import(
    'chart.js'
  );
  Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);
  Chart.defaults.font.family = getComputedStyle(document.documentElement).fontFamily;
  Chart.defaults.color = '#5b6673';
  new Chart(canvas, {
    type: 'bar',
    data: {
      labels: bars.map((b) => b.date),
      datasets: [
        {
          label,
          data: bars.map((b) => b.count),
          backgroundColor: '#2f6f9f',
          hoverBackgroundColor: '#1d4f75',
          borderRadius: 3,
          maxBarThickness: 28,
        },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: { legend: { display: false }, tooltip: { intersect: false } },
      scales: {
        x: {
          grid: { display: false },
          ticks: { maxRotation: 0, autoSkip: true, maxTicksLimit: 8 },
        },
        y: { beginAtZero: true, ticks: { precision: 0 }, grid: { color: '#e6e8eb' } },
      },
    },
  });
  canvas.dataset.drawn = 'true';
}
