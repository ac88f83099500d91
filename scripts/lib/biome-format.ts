import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * A generated JSON text laid out by the repository's formatter (Biome), as it would lay out
 * `path`, so that `npm run lint` accepts the file as generated and a regenerated file differs
 * only where the data did. Without Biome the text comes back as it is, with a warning naming
 * the generator `by`.
 */
export function biomeFormat(json: string, path: string, by: string): string {
  const biome = join(ROOT, 'node_modules', '.bin', 'biome');
  const formatted = spawnSync(biome, ['format', `--stdin-file-path=${path}`], {
    cwd: ROOT,
    input: json,
    encoding: 'utf8',
  });
  if (formatted.status === 0 && formatted.stdout !== '') return formatted.stdout;
  console.error(`${by}: biome is not available; writing unformatted JSON`);
  return json;
}
