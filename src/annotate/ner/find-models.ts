import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package's models/ folder: the nearest folder above this module that holds a
 * package.json and models/, so it is found from src/annotate/ner (through tsx) and from
 * dist/annotate/ner (after tsc) alike, wherever jiedu is installed.
 */
export function findModelsDir(from: string = fileURLToPath(import.meta.url)): string {
  let dir = dirname(from);
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'models'))) {
      return join(dir, 'models');
    }
    const up = dirname(dir);
    if (up === dir) throw new Error(`no models/ folder above ${dirname(from)}`);
    dir = up;
  }
}
