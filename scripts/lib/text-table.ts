/**
 * Rows of cells as an aligned plain-text table, for the eval reports: columns two spaces
 * apart, each as wide as its widest cell (counted in UTF-16 units, as the reports are
 * read in a terminal or a file), trailing spaces trimmed. `right(i)` says which columns
 * are numbers, set flush right.
 */
export function textTable(
  rows: readonly (readonly string[])[],
  right: (column: number) => boolean = () => false,
): string {
  const columns = Math.max(0, ...rows.map((r) => r.length));
  const widths = Array.from({ length: columns }, (_, i) =>
    Math.max(...rows.map((r) => (r[i] ?? '').length)),
  );
  return rows
    .map((cells) =>
      cells
        .map((cell, i) => (right(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
