/**
 * npm run train:ner:curve [-- --fractions 0.1,0.25,0.5,1 --epochs N --bag K]
 *
 * The tagger's learning curve: trains it (scripts/train-ner.ts, the shipped settings) on
 * about each fraction of every corpus's training sentences, scores the models it would write
 * on the dev sentences, and writes the overall F1 per corpus and fraction to
 * eval/ner-learning-curve.json, which `npm run eval` prints beside the live NER figures.
 * One perceptron per point (--bag 1) unless told otherwise: the shipped model averages three,
 * which adds about the same to every point and would triple the time.
 * The models themselves go to a temporary folder; the shipped ones are not touched. Takes
 * about as long as one training per fraction (minutes each on one core).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Row } from './lib/eval-ner.ts';
import { CURVE_FILE, type LearningCurve } from './lib/ner-curve.ts';
import { scriptArgs } from './lib/script-args.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function main(): number {
  const { values } = scriptArgs(import.meta.url, {
    options: {
      fractions: { type: 'string', default: '0.1,0.25,0.5,1' },
      epochs: { type: 'string' },
      bag: { type: 'string', default: '1' },
    },
  });
  const fractions = (values.fractions as string).split(',').map(Number);
  if (fractions.some((f) => !(f > 0 && f <= 1))) {
    console.error('ner-learning-curve: --fractions takes numbers in (0, 1]');
    return 2;
  }
  const dir = mkdtempSync(join(tmpdir(), 'jiedu-curve-'));
  const curve: LearningCurve = {
    made: new Date().toISOString().slice(0, 10),
    bag: Number(values.bag),
    points: [],
  };
  try {
    for (const fraction of fractions) {
      const report = join(dir, `report-${fraction}.json`);
      const args = [
        '--max-old-space-size=16000',
        '--import',
        'tsx',
        join(ROOT, 'scripts', 'train-ner.ts'),
        '--fraction',
        String(fraction),
        '--out',
        join(dir, `model-${fraction}.bin.gz`),
        '--report',
        report,
        '--bag',
        values.bag as string,
        ...(values.epochs !== undefined ? ['--epochs', values.epochs] : []),
      ];
      console.error(`fraction ${fraction}: training…`);
      const run = spawnSync(process.execPath, args, { stdio: ['ignore', 'inherit', 'inherit'] });
      if (run.status !== 0) {
        console.error(`ner-learning-curve: training at fraction ${fraction} failed`);
        return 1;
      }
      const got = JSON.parse(readFileSync(report, 'utf8')) as {
        trainedOn: Record<string, number>;
        rows: Row[];
      };
      curve.points.push({
        fraction,
        trainedOn: got.trainedOn,
        f1: Object.fromEntries(
          got.rows.filter((r) => r.type === 'overall').map((r) => [r.corpus, r.f1]),
        ),
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  writeFileSync(join(ROOT, CURVE_FILE), `${JSON.stringify(curve, null, 2)}\n`);
  console.error(`wrote ${CURVE_FILE}`);
  return 0;
}

process.exitCode = main();
