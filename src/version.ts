import { readFileSync } from 'node:fs';

/** The package version, read from the package.json one folder up (from src or dist). */
export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  return String(pkg.version);
}
