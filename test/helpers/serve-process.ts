import { spawn } from 'node:child_process';
import { BIN, ROOT, type Run } from './cli.ts';

/** A `jiedu serve` or `jiedu start` process that printed its URL. */
export interface Serving {
  url: string;
  /** Output so far. */
  stdout(): string;
  /** Sends the signal (SIGTERM by default) and resolves with the exit code and output. */
  stop(signal?: NodeJS.Signals): Promise<Run>;
}

/**
 * Spawns the binary from the sources with `args` (give `--port 0`) and resolves once it
 * prints the URL it serves; rejects with its output when it exits first or takes longer
 * than `timeoutMs`.
 */
export function spawnServing(
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<Serving> {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, JIEDU_FROM_SOURCE: '1', NO_COLOR: '1', ...options.env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    stdout += d;
  });
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
  });
  const exited = new Promise<Run>((resolve) => {
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  return new Promise<Serving>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no URL within ${options.timeoutMs ?? 30_000} ms:\n${stdout}\n${stderr}`));
    }, options.timeoutMs ?? 30_000);
    const look = () => {
      const url = /serving (http:\/\/\S+)/.exec(stdout)?.[1];
      if (url === undefined) return;
      clearTimeout(timer);
      child.stdout.off('data', look);
      resolve({
        url,
        stdout: () => stdout,
        stop: (signal = 'SIGTERM') => {
          child.kill(signal);
          return exited;
        },
      });
    };
    child.stdout.on('data', look);
    exited.then((run) => {
      clearTimeout(timer);
      reject(new Error(`exited ${run.code} before serving:\n${run.stdout}\n${run.stderr}`));
    });
  });
}
