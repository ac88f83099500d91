/**
 * node --import tsx scripts/build-cues.ts [--check]
 *
 * Generates src/annotate/cues.generated.json from the cue lists in data/cues/*.tsv (our own
 * writing, one justified row per entry): speech.tsv (cue, mode, why), stance.tsv (cue, class,
 * PLOVER type, why), capitals.tsv (capital, state, why: a capital that holds a statement or
 * a stance for its state), agents.tsv (noun, why: who acts unnamed) and bodies.tsv (body, why:
 * generic bodies a place makes a source). Fails, naming file and line, on a row with too few columns, an unknown
 * mode or class, a cue that is not Simplified, or a cue listed twice. With --check it writes
 * nothing and exits 1 when the committed file is out of date. JIEDU_CUES_DIR reads the lists
 * from another folder (the tests use it for rows that must be refused).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toSimplified } from '../src/normalize/index.ts';
import { biomeFormat } from './lib/biome-format.ts';
import { scriptArgs } from './lib/script-args.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DATA = process.env.JIEDU_CUES_DIR ?? join(ROOT, 'data', 'cues');
const OUT = join(ROOT, 'src', 'annotate', 'cues.generated.json');

const MODES = new Set(['any', 'punct']);
const CLASSES = new Set([
  'support',
  'oppose',
  'criticize',
  'concern',
  'demand',
  'welcome',
  'praise',
  'agree',
  'meet',
  'appeal',
]);
const PLOVER = new Set(['SUPPORT', 'REJECT', 'ACCUSE', 'DEMAND', 'CONSULT', 'AGREE']);

async function rows(file: string, columns: number): Promise<{ line: number; cells: string[] }[]> {
  const text = await readFile(join(DATA, file), 'utf8');
  const out: { line: number; cells: string[] }[] = [];
  const seen = new Set<string>();
  text.split('\n').forEach((raw, i) => {
    const line = raw.trimEnd();
    if (line === '' || line.startsWith('#')) return;
    const cells = line.split('\t');
    const where = `data/cues/${file}:${i + 1}`;
    if (cells.length < columns || cells.slice(0, columns).some((c) => c.trim() === '')) {
      throw new Error(`${where}: expected ${columns} tab-separated columns, the last a reason`);
    }
    const cue = cells[0] as string;
    if (!/^[\u4e00-\u9fff]+$/.test(cue)) throw new Error(`${where}: a cue is Han characters only`);
    if (toSimplified(cue) !== cue) throw new Error(`${where}: ${cue} is not Simplified`);
    if (seen.has(cue)) throw new Error(`${where}: ${cue} is listed twice`);
    seen.add(cue);
    out.push({ line: i + 1, cells });
  });
  return out;
}

export async function buildCues(): Promise<string> {
  const speech = (await rows('speech.tsv', 3)).map(({ line, cells }) => {
    const [cue, mode] = cells as [string, string];
    if (!MODES.has(mode)) throw new Error(`data/cues/speech.tsv:${line}: unknown mode ${mode}`);
    return { cue, mode };
  });
  const stance = (await rows('stance.tsv', 4)).map(({ line, cells }) => {
    const [cue, cls, plover] = cells as [string, string, string];
    if (!CLASSES.has(cls)) throw new Error(`data/cues/stance.tsv:${line}: unknown class ${cls}`);
    if (!PLOVER.has(plover))
      throw new Error(`data/cues/stance.tsv:${line}: unknown PLOVER ${plover}`);
    return { cue, class: cls, plover };
  });
  const capitals = Object.fromEntries(
    (await rows('capitals.tsv', 3)).map(({ line, cells }) => {
      const [capital, state] = cells as [string, string];
      if (toSimplified(state) !== state || !/^[\u4e00-\u9fff]+$/.test(state))
        throw new Error(`data/cues/capitals.tsv:${line}: ${state} is not a Simplified name`);
      return [capital, state];
    }),
  );
  const words = async (file: string) =>
    (await rows(file, 2)).map(({ cells }) => cells[0] as string);
  const json = {
    generated: 'by scripts/build-cues.ts from data/cues/*.tsv; do not edit',
    speech,
    stance,
    capitals,
    agents: await words('agents.tsv'),
    bodies: await words('bodies.tsv'),
  };
  return biomeFormat(`${JSON.stringify(json, null, 2)}\n`, OUT, 'build-cues');
}

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const { values } = scriptArgs(import.meta.url, {
    options: { check: { type: 'boolean', default: false } },
  });
  let next: string;
  try {
    next = await buildCues();
  } catch (err) {
    // A bad row: say which, write nothing.
    console.error(`build-cues: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
  if (values.check) {
    const now = await readFile(OUT, 'utf8').catch(() => '');
    if (now !== next) {
      console.error('build-cues --check: src/annotate/cues.generated.json is out of date');
      process.exitCode = 1;
    }
  } else {
    await writeFile(OUT, next);
    console.log(`build-cues: wrote ${OUT}`);
  }
}
