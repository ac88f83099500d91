import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

/** The scripts behind `npm run bench`, `eval`, `train:ner` … answer --help and a wrong option
 * as commands do (scripts/lib/script-args.ts), without loading what they measure. */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const run = (script: string, ...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });

test('--help prints the usage the script opens with, and exits 0', () => {
  const r = run('build-lexicon', '--help');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^node --import tsx scripts\/build-lexicon\.ts \[--check\]\n/);
  assert.match(r.stdout, /Generates src\/annotate\/lexicon\/lexicon\.generated\.json/);
  assert.doesNotMatch(r.stdout, /^\s*\*/m);
});

test('an option the script does not take is named, with the usage, exit 2, no stack trace', () => {
  const r = run('build-lexicon', '--chek');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^build-lexicon\.ts: Unknown option '--chek'/);
  assert.match(r.stderr, /\[--check\]/);
  assert.doesNotMatch(r.stderr, /at .*parse_args/);
});
