import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Corpus } from './archive-corpus.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** What `bench-archive.ts --generate-only` leaves in its folder, as corpus.json. */
export interface Generated {
  corpus: Corpus;
  vocabulary: { headlines: number; paragraphs: number; people: number; places: number };
  queries: string[];
}

/**
 * Composes the archive benchmarks' corpus (pages under `dir`/input) and queries in a child
 * process, `bench-archive.ts --generate-only`: the composer loads the annotator's tables
 * (some 300 MB), which must not count in the memory of what the parent then measures.
 */
export function composeInChild(
  dir: string,
  options: { articles: number; queries: number; seed: number },
): Generated {
  execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      join(ROOT, 'scripts', 'bench-archive.ts'),
      '--generate-only',
      '--dir',
      dir,
      '--articles',
      String(options.articles),
      '--queries',
      String(options.queries),
      '--seed',
      String(options.seed),
    ],
    { stdio: ['ignore', 'ignore', 'inherit'], cwd: ROOT },
  );
  return JSON.parse(readFileSync(join(dir, 'corpus.json'), 'utf8')) as Generated;
}
