import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root and the binary the CLI tests run. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/jiedu.js', import.meta.url));

/** What a run of the binary gave back. */
export interface Run {
  code: number | null;
  /** The signal that ended it, if one did. */
  signal?: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** A child of this Node whose output is being collected. */
export interface Captured {
  child: ChildProcessWithoutNullStreams;
  /** Output so far. */
  stdout(): string;
  stderr(): string;
  /** Its exit code, signal and whole output once it has closed; rejects if it cannot start. */
  exited: Promise<Run>;
}

/**
 * Spawns this Node with `args` (cwd the repository root unless given; `env` on top of this
 * process's) and collects what it writes; `onStderr` sees standard error so far as it grows.
 */
export function spawnCaptured(
  args: readonly string[],
  options: {
    cwd?: string;
    env?: Record<string, string>;
    onStderr?: (child: ChildProcessWithoutNullStreams, stderr: string) => void;
  } = {},
): Captured {
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
    options.onStderr?.(child, stderr);
  });
  const exited = new Promise<Run>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
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
  const run = spawnCaptured(args, options);
  // A child may stop reading early (input over a limit): what it left unread is its choice.
  run.child.stdin.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
  });
  run.child.stdin.end(options.input ?? '');
  return run.exited.then(({ code, stdout, stderr }) => ({ code, stdout, stderr }));
}
