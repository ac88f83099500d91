import cliProgress from 'cli-progress';
import type { IngestStats } from './ingest.ts';

/** Where progress goes: standard error, or a test's stand-in. */
export interface ProgressStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

/** Shows an ingest run's progress; `log` prints a line without breaking the display. */
export interface ProgressDisplay {
  update(stats: IngestStats): void;
  log(line: string): void;
  stop(): void;
}

const MB = 1e6;

/** Megabytes with the precision a progress line needs: 0.03, 4.27, 153.2. */
function megabytes(bytes: number): string {
  const mb = bytes / MB;
  return mb < 10 ? mb.toFixed(2) : mb.toFixed(1);
}

/** `1m05s`, `42s`, `2h03m`: a duration for a progress line. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/** Documents per second and MB per second so far. */
export function rates(stats: IngestStats): { docs: number; mb: number } {
  const seconds = stats.elapsedMs / 1000;
  if (seconds <= 0) return { docs: 0, mb: 0 };
  return { docs: stats.documents / seconds, mb: stats.bytes / MB / seconds };
}

/** The plain progress line printed every few seconds when standard error is not a terminal. */
export function progressLine(stats: IngestStats): string {
  const rate = rates(stats);
  let line =
    `jiedu ingest: ${stats.documents} documents (${stats.stored} stored, ${stats.present} already present, ${stats.failed} failed), ` +
    `${megabytes(stats.bytes)} MB`;
  if (stats.totalBytes !== null && stats.totalBytes > 0) {
    const share = Math.min(1, stats.bytes / stats.totalBytes);
    const eta = share > 0 ? (stats.elapsedMs / 1000) * ((1 - share) / share) : Number.NaN;
    line += ` of ${megabytes(stats.totalBytes)} MB (${(share * 100).toFixed(0)}%), ETA ${formatDuration(eta)}`;
  }
  return `${line}, ${rate.docs.toFixed(1)} documents/s, ${rate.mb.toFixed(2)} MB/s`;
}

/**
 * A progress bar (cli-progress) on a terminal: documents, MB, rate and ETA, the ETA by
 * bytes read of the bytes to read. Elsewhere (a log file, a pipe), a plain line every
 * `intervalMs` (5 s by default) while the counts move.
 */
export function showProgress(stream: ProgressStream, intervalMs = 5000): ProgressDisplay {
  if (stream.isTTY === true) return barDisplay(stream);
  let latest: IngestStats | null = null;
  let printed = -1;
  const timer = setInterval(() => {
    if (latest === null || latest.documents === printed) return;
    printed = latest.documents;
    stream.write(`${progressLine(latest)}\n`);
  }, intervalMs);
  timer.unref();
  return {
    update(stats) {
      latest = stats;
    },
    log(line) {
      stream.write(`${line}\n`);
    },
    stop() {
      clearInterval(timer);
    },
  };
}

function barDisplay(stream: ProgressStream): ProgressDisplay {
  const multi = new cliProgress.MultiBar(
    {
      stream: stream as NodeJS.WritableStream,
      format: (options, params, payload) => {
        const known = params.total > 0;
        const bar = known ? `${cliProgress.Format.BarFormat(params.progress, options)} ` : '';
        const share = known ? `${(params.progress * 100).toFixed(0).padStart(3)}% | ` : '';
        // cli-progress gives the ETA in seconds, or 'NULL' / 'INF' while it cannot tell.
        const seconds = typeof params.eta === 'number' ? params.eta : Number.NaN;
        const eta = known ? ` | ETA ${formatDuration(seconds)}` : '';
        return `${bar}${share}${payload.docs} docs | ${payload.mb} MB | ${payload.rate} docs/s${eta}`;
      },
      hideCursor: true,
      clearOnComplete: false,
      gracefulExit: false,
      etaBuffer: 100,
    },
    cliProgress.Presets.shades_classic,
  );
  let bar: cliProgress.SingleBar | null = null;
  return {
    update(stats) {
      const rate = rates(stats);
      const payload = {
        docs: stats.documents,
        mb:
          stats.totalBytes === null
            ? megabytes(stats.bytes)
            : `${megabytes(stats.bytes)}/${megabytes(stats.totalBytes)}`,
        rate: rate.docs.toFixed(1),
      };
      bar ??= multi.create(stats.totalBytes ?? 0, 0, payload);
      bar.update(stats.bytes, payload);
    },
    log(line) {
      // Lines wait for the bar's next redraw; before there is a bar they go straight out.
      if (bar === null) stream.write(`${line}\n`);
      else multi.log(`${line}\n`);
    },
    stop() {
      if (bar === null) return;
      multi.update(); // flushes lines still waiting for a redraw
      multi.stop();
    },
  };
}
