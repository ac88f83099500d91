import { BIN, type Run, spawnCaptured } from './cli.ts';

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
  const {
    child,
    stdout: output,
    stderr: errors,
    exited,
  } = spawnCaptured([BIN, ...args], {
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    env: { JIEDU_FROM_SOURCE: '1', NO_COLOR: '1', ...options.env },
  });
  return new Promise<Serving>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(`no URL within ${options.timeoutMs ?? 30_000} ms:\n${output()}\n${errors()}`),
      );
    }, options.timeoutMs ?? 30_000);
    const look = () => {
      const url = /serving (http:\/\/\S+)/.exec(output())?.[1];
      if (url === undefined) return;
      clearTimeout(timer);
      child.stdout.off('data', look);
      resolve({
        url,
        stdout: output,
        stop: (signal = 'SIGTERM') => {
          child.kill(signal);
          return exited;
        },
      });
    };
    child.stdout.on('data', look);
    exited.then(
      (run) => {
        clearTimeout(timer);
        reject(new Error(`exited ${run.code} before serving:\n${run.stdout}\n${run.stderr}`));
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err);
      },
    );
  });
}
