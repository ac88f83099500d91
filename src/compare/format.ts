import type { ComparedPosition, Comparison } from './types.ts';

/**
 * A comparison printed: `json` as the data, `md` a report in Markdown (counts, the
 * positions that differ, then the sentences), `html` a page of its own with the two
 * statements side by side, sentence by sentence, and the positions listed, coloured by
 * status.
 */

export type ComparisonFormat = 'json' | 'md' | 'html';

/** How a position's change reads. */
function changeText(p: ComparedPosition): string {
  if (p.status !== 'changed') return p.status;
  const parts = (p.changes ?? []).map((c) => {
    if (c === 'target' && p.targetChange !== undefined) return `target ${p.targetChange}`;
    if (c === 'modality') {
      const added = (p.modalityAdded ?? []).map((w) => `+${w}`);
      const removed = (p.modalityRemoved ?? []).map((w) => `−${w}`);
      return `modality ${[...added, ...removed].join(' ')}`;
    }
    if (c === 'negated')
      return p.b?.negated === true
        ? 'negated'
        : p.a?.negated === true
          ? 'negation removed'
          : 'negation changed';
    if (c === 'class') return 'class';
    return c;
  });
  return `changed: ${parts.join(', ')}`;
}

function positionLine(p: ComparedPosition): string {
  const who = p.actors.join('、') || '—';
  const what = p.type === 'quote' ? 'said' : p.class;
  return `${who} ${what} ${p.target}`;
}

/** Escapes a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function markdown(c: Comparison): string {
  const lines: string[] = [];
  const sp = c.summary.positions;
  const ss = c.summary.sentences;
  lines.push(`# Compare: ${c.a.label} → ${c.b.label}`, '');
  lines.push(
    `- A: ${c.a.label} (${c.a.script}), ${c.a.sentences} sentences, ${c.a.stances} stances, ${c.a.quotes} quotes`,
    `- B: ${c.b.label} (${c.b.script}), ${c.b.sentences} sentences, ${c.b.stances} stances, ${c.b.quotes} quotes`,
    `- Positions: ${sp.same} same, ${sp.changed} changed, ${sp.added} added, ${sp.dropped} dropped`,
    `- Sentences: ${ss.same} same, ${ss.changed} changed, ${ss.added} added, ${ss.dropped} dropped`,
    '',
    '## Positions that differ',
    '',
  );
  const differ = c.positions.filter((p) => p.status !== 'same');
  if (differ.length === 0) lines.push('None: every position of A is in B as it was.', '');
  else {
    lines.push('| status | position | A | B |', '|---|---|---|---|');
    for (const p of differ) {
      lines.push(
        `| ${cell(changeText(p))} | ${cell(positionLine(p))} | ${cell(p.a?.text ?? '')} | ${cell(p.b?.text ?? '')} |`,
      );
    }
    lines.push('');
  }
  lines.push('## Sentences', '');
  const marks = { same: ' ', changed: '~', added: '+', dropped: '-' } as const;
  for (const s of c.sentences) {
    if (s.status === 'changed') {
      lines.push(`- ~ A: ${s.a?.text ?? ''}`, `  ~ B: ${s.b?.text ?? ''}`);
    } else {
      lines.push(`- ${marks[s.status]} ${(s.a ?? s.b)?.text ?? ''}`);
    }
  }
  lines.push('');
  return lines.join('\n');
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

const STYLE = `body{font-family:system-ui,"Noto Sans TC","Noto Sans SC",sans-serif;margin:1.5rem;line-height:1.6;color:#1d1d1f}
table{border-collapse:collapse;width:100%;table-layout:fixed}td,th{border:1px solid #ccc;padding:.35rem .5rem;vertical-align:top;text-align:left}
.same{background:#fff}.changed{background:#fff4d6}.added{background:#dff3e3}.dropped{background:#fbe0e0}
.status{font-weight:600;white-space:nowrap}.counts span{margin-right:1rem}`;

function html(c: Comparison): string {
  const sp = c.summary.positions;
  const rows = c.sentences
    .map(
      (s) =>
        `<tr class="${s.status}"><td>${escapeHtml(s.a?.text ?? '')}</td><td class="status">${s.status}</td><td>${escapeHtml(s.b?.text ?? '')}</td></tr>`,
    )
    .join('\n');
  const positions = c.positions
    .map(
      (p) =>
        `<tr class="${p.status}"><td class="status">${escapeHtml(changeText(p))}</td><td>${escapeHtml(positionLine(p))}</td><td>${escapeHtml(p.a?.text ?? '')}</td><td>${escapeHtml(p.b?.text ?? '')}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="zh"><head><meta charset="utf-8"><title>Compare ${escapeHtml(c.a.label)} → ${escapeHtml(c.b.label)}</title>
<style>${STYLE}</style></head><body>
<h1>Compare</h1>
<p class="counts"><span>A: ${escapeHtml(c.a.label)}</span><span>B: ${escapeHtml(c.b.label)}</span></p>
<p class="counts"><span class="same">${sp.same} same</span><span class="changed">${sp.changed} changed</span><span class="added">${sp.added} added</span><span class="dropped">${sp.dropped} dropped</span></p>
<h2>Positions</h2>
<table><thead><tr><th style="width:12rem">status</th><th>position</th><th>A</th><th>B</th></tr></thead><tbody>
${positions}
</tbody></table>
<h2>Sentences</h2>
<table><thead><tr><th>A: ${escapeHtml(c.a.headline || c.a.label)}</th><th style="width:6rem"></th><th>B: ${escapeHtml(c.b.headline || c.b.label)}</th></tr></thead><tbody>
${rows}
</tbody></table>
</body></html>
`;
}

/** Prints a comparison in a format. */
export function formatComparison(c: Comparison, format: ComparisonFormat): string {
  if (format === 'json') return `${JSON.stringify(c, null, 2)}\n`;
  if (format === 'md') return markdown(c);
  return html(c);
}
