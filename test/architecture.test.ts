import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

/**
 * The shape of the source tree: no import circles (type imports included: a circle of
 * types is still two modules that cannot be read apart), and the two shells (the CLI and the
 * server) stay above the library: nothing below them imports either.
 */

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Relative imports and re-exports of every module, as paths under src. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const from = /^\s*(?:import|export)\b[^'"]*?from\s+'(\.{1,2}\/[^']+)'/gm;
  const bare = /^\s*import\s+'(\.{1,2}\/[^']+)'/gm;
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    const targets = [...text.matchAll(from), ...text.matchAll(bare)].map((m) =>
      relative(SRC, resolve(dirname(file), m[1] as string)),
    );
    graph.set(relative(SRC, file), targets);
  }
  return graph;
}

/** Strongly connected groups of more than one module (Tarjan). */
function circles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
      }
    }
    if (low.get(v) !== index.get(v)) return;
    const group: string[] = [];
    let w: string;
    do {
      w = stack.pop() as string;
      onStack.delete(w);
      group.push(w);
    } while (w !== v);
    if (group.length > 1) found.push(group.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

test('the import graph finds a circle when there is one', () => {
  const graph = new Map([
    ['a.ts', ['b.ts']],
    ['b.ts', ['c.ts']],
    ['c.ts', ['a.ts']],
    ['d.ts', ['a.ts']],
  ]);
  assert.deepEqual(circles(graph), [['a.ts', 'b.ts', 'c.ts']]);
});

test('no module of src imports itself back through others', () => {
  const graph = importGraph();
  assert.ok(graph.size > 100, 'the source tree was read');
  assert.deepEqual(circles(graph), []);
});

test('only the shells import the shells: nothing below cli and serve imports them', () => {
  const shells = ['cli/', 'serve/'];
  const wrong: string[] = [];
  for (const [file, targets] of importGraph()) {
    const own = shells.find((shell) => file.startsWith(shell));
    for (const target of targets) {
      const shell = shells.find((s) => target.startsWith(s));
      // cli starts the server (`jiedu serve`); serve never imports cli.
      if (shell === undefined || shell === own || (own === 'cli/' && shell === 'serve/')) continue;
      wrong.push(`${file} → ${target}`);
    }
  }
  assert.deepEqual(wrong, []);
});
