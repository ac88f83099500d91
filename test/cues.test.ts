import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { AGENTS, BODIES, CAPITALS, QUOTE_CUES, STANCE_CUE_LIST } from '../src/annotate/cues.ts';
import { toSimplified } from '../src/normalize/index.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SCRIPT = join(ROOT, 'scripts', 'build-cues.ts');

function build(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['--import', 'tsx', SCRIPT, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
}

describe('the cue lists (data/cues)', () => {
  test('the generated file is what the script makes of data/cues', () => {
    const run = build(['--check']);
    assert.equal(run.status, 0, run.stderr);
  });

  test('cues are Simplified, listed once, longest first, with the guidelines’ classes', () => {
    for (const list of [QUOTE_CUES.map((c) => c.cue), STANCE_CUE_LIST.map((c) => c.cue)]) {
      assert.equal(new Set(list).size, list.length);
      for (const cue of list) assert.equal(toSimplified(cue), cue);
      for (let i = 1; i < list.length; i++) {
        assert.ok((list[i - 1] as string).length >= (list[i] as string).length);
      }
    }
    const classes = new Set(STANCE_CUE_LIST.map((c) => c.class));
    assert.deepEqual([...classes].sort(), [
      'agree',
      'appeal',
      'concern',
      'criticize',
      'demand',
      'meet',
      'oppose',
      'praise',
      'support',
      'welcome',
    ]);
    // GUIDELINES §3: 宣布, 解釋, 質疑, 指責 and 提出 report no speech; §4: 警告 and 肯定 are no stance.
    for (const verb of ['宣布', '解释', '质疑', '指责', '提出']) {
      assert.ok(!QUOTE_CUES.some((c) => c.cue === verb), verb);
    }
    for (const verb of ['警告', '肯定', '重视']) {
      assert.ok(!STANCE_CUE_LIST.some((c) => c.cue === verb), verb);
    }
    assert.equal(CAPITALS.get('莫斯科'), '俄罗斯');
    assert.ok(AGENTS.includes('官员') && BODIES.includes('警方'));
  });

  test('a bad row is refused with one line naming the file and line, and nothing is written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jiedu-cues-'));
    try {
      cpSync(join(ROOT, 'data', 'cues'), dir, { recursive: true });
      const cases: [string, string, RegExp][] = [
        ['stance.tsv', '支持\tsupport\tSUPPORT\tagain\n', /stance\.tsv:\d+: 支持 is listed twice/],
        [
          'stance.tsv',
          '痛恨\thate\tACCUSE\tno such class\n',
          /stance\.tsv:\d+: unknown class hate/,
        ],
        ['speech.tsv', '說明\tany\tTraditional\n', /speech\.tsv:\d+: 說明 is not Simplified/],
        ['speech.tsv', '告知\n', /speech\.tsv:\d+: expected 3 tab-separated columns/],
      ];
      for (const [file, row, why] of cases) {
        cpSync(join(ROOT, 'data', 'cues', file), join(dir, file));
        writeFileSync(join(dir, file), row, { flag: 'a' });
        const before = readFileSync(join(ROOT, 'src', 'annotate', 'cues.generated.json'), 'utf8');
        const run = build([], { JIEDU_CUES_DIR: dir });
        assert.equal(run.status, 1, row);
        assert.match(run.stderr, why);
        assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
        assert.equal(
          readFileSync(join(ROOT, 'src', 'annotate', 'cues.generated.json'), 'utf8'),
          before,
        );
        cpSync(join(ROOT, 'data', 'cues', file), join(dir, file));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
