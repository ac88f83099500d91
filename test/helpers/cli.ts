import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root and the binary the CLI tests run. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/jiedu.js', import.meta.url));

/** What a run of the binary gave back. */
export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Spawns the real `jiedu` binary from the sources (a stale dist/ must not hide a change),
 * feeding `input` on standard input, and collects its exit code and output.
 */
export function runJiedu(
  args: readonly string[],
  options: { input?: string | Uint8Array; cwd?: string; env?: Record<string, string> } = {},
): Promise<Run> {
  return runNode([BIN, ...args], {
    ...options,
    env: { JIEDU_FROM_SOURCE: '1', NO_COLOR: '1', ...options.env },
  });
}

/** Spawns this Node with `args`, feeds `input`, and collects the exit code and output. */
export function runNode(
  args: readonly string[],
  options: { input?: string | Uint8Array; cwd?: string; env?: Record<string, string> } = {},
): Promise<Run> {
  return new Promise<Run>((resolve, reject) => {
    const child = spawn(process.execPath, [...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, ...options.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}
