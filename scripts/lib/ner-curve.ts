/**
 * The tagger's learning curve as scripts/ner-learning-curve.ts records it, and the table
 * `npm run eval` prints of it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { textTable } from './text-table.ts';

/** Where the curve is kept, relative to the project root. */
export const CURVE_FILE = 'eval/ner-learning-curve.json';

export interface LearningCurve {
  /** The day it was recorded (YYYY-MM-DD). */
  made: string;
  /** Perceptrons averaged per point. */
  bag: number;
  points: {
    fraction: number;
    /** Training sentences per corpus at this fraction. */
    trainedOn: Record<string, number>;
    /** Overall dev F1 per corpus. */
    f1: Record<string, number>;
  }[];
}

/** The recorded curve under `root`, or null when there is none. */
export function readLearningCurve(root: string): LearningCurve | null {
  const path = join(root, CURVE_FILE);
  if (!existsSync(path)) return null;
  return JSON.parse(readFileSync(path, 'utf8')) as LearningCurve;
}

/** A row per fraction, a column per corpus: overall dev F1. */
export function formatLearningCurve(curve: LearningCurve): string {
  const corpora = [...new Set(curve.points.flatMap((p) => Object.keys(p.f1)))];
  const head = ['fraction', 'sentences', ...corpora];
  const body = curve.points.map((p) => [
    String(p.fraction),
    String(Object.values(p.trainedOn).reduce((a, b) => a + b, 0)),
    ...corpora.map((c) => (p.f1[c] === undefined ? '—' : (p.f1[c] as number).toFixed(3))),
  ]);
  return [
    textTable([head, ...body], (i) => i >= 1),
    '',
    `Overall dev F1 of the tagger trained on a fraction of each corpus's training sentences`,
    `(recorded ${curve.made} by npm run train:ner:curve, ${curve.bag === 1 ? 'one perceptron' : `a bag of ${curve.bag}`} per point;`,
    'not re-run here: each point is a training of minutes).',
  ].join('\n');
}
