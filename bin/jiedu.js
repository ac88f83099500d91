#!/usr/bin/env node
// The jiedu command. Runs the built CLI (dist/) when there is one; in a fresh checkout
// before `npm run build`, or with JIEDU_FROM_SOURCE=1, it runs the TypeScript sources
// through tsx instead.
import { existsSync } from 'node:fs';

const built = new URL('../dist/cli/main.js', import.meta.url);
let cli;
if (existsSync(built) && !process.env.JIEDU_FROM_SOURCE) {
  cli = await import(built.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import(new URL('../src/cli/main.ts', import.meta.url).href);
}
process.exitCode = await cli.main(process.argv.slice(2));
