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

/** Seconds left at the pace so far: by bytes settled of the bytes to read; NaN unknown. */
function etaSeconds(stats: IngestStats): number {
  if (stats.totalBytes === null || stats.totalBytes <= 0) return Number.NaN;
  const share = Math.min(1, stats.bytes / stats.totalBytes);
  return share > 0 ? (stats.elapsedMs / 1000) * ((1 - share) / share) : Number.NaN;
}

/** Shown after the counts once no page has settled for a while (a slow page holds the run),
 * so the line does not keep promising the ETA it gave before. */
function waiting(stalledMs: number, afterMs: number): string {
  return stalledMs >= afterMs ? `, no page finished for ${formatDuration(stalledMs / 1000)}` : '';
}

/** Time since the last update counts as time spent: the ETA grows while nothing settles. */
function aged(stats: IngestStats, sinceMs: number): IngestStats {
  return { ...stats, elapsedMs: stats.elapsedMs + sinceMs };
}

/**
 * The plain progress line printed every few seconds when standard error is not a terminal;
 * `stalledMs`: how long since a page last settled (said once it reaches `stallMs`).
 */
export function progressLine(stats: IngestStats, stalledMs = 0, stallMs = STALL_MS): string {
  const rate = rates(stats);
  let line =
    `jiedu ingest: ${stats.documents} documents (${stats.stored} stored, ${stats.present} already present, ${stats.failed} failed), ` +
    `${megabytes(stats.bytes)} MB`;
  if (stats.totalBytes !== null && stats.totalBytes > 0) {
    const share = Math.min(1, stats.bytes / stats.totalBytes);
    line += ` of ${megabytes(stats.totalBytes)} MB (${(share * 100).toFixed(0)}%), ETA ${formatDuration(etaSeconds(stats))}`;
  }
  return `${line}, ${rate.docs.toFixed(1)} documents/s, ${rate.mb.toFixed(2)} MB/s${waiting(stalledMs, stallMs)}`;
}

/** How long without a settled page before the display says so: 10 s. */
const STALL_MS = 10_000;

/**
 * A progress bar (cli-progress) on a terminal: documents, MB, rate and ETA, the ETA by
 * bytes read of the bytes to read. Elsewhere (a log file, a pipe), a plain line every
 * `intervalMs` (5 s by default) while the counts move.
 */
export function showProgress(
  stream: ProgressStream,
  intervalMs = 5000,
  stallMs = STALL_MS,
): ProgressDisplay {
  if (stream.isTTY === true) return barDisplay(stream, stallMs);
  let latest: IngestStats | null = null;
  let updatedAt = 0;
  let printed = -1;
  const timer = setInterval(() => {
    if (latest === null) return;
    const stalled = performance.now() - updatedAt;
    // A new line when the counts moved, or, while a slow page holds the run, to say so.
    if (latest.documents === printed && stalled < stallMs) return;
    printed = latest.documents;
    stream.write(`${progressLine(aged(latest, stalled), stalled, stallMs)}\n`);
  }, intervalMs);
  timer.unref();
  return {
    update(stats) {
      latest = { ...stats };
      updatedAt = performance.now();
    },
    log(line) {
      stream.write(`${line}\n`);
    },
    stop() {
      clearInterval(timer);
    },
  };
}

function barDisplay(stream: ProgressStream, stallMs: number): ProgressDisplay {
  const multi = new cliProgress.MultiBar(
    {
      stream: stream as NodeJS.WritableStream,
      format: (options, params, payload) => {
        const known = params.total > 0;
        const bar = known ? `${cliProgress.Format.BarFormat(params.progress, options)} ` : '';
        const share = known ? `${(params.progress * 100).toFixed(0).padStart(3)}% | ` : '';
        // Our own ETA (bytes settled of bytes to read, time so far), which keeps growing while
        // a slow page holds the run; cli-progress's would stay where the last page left it.
        const eta = known ? ` | ETA ${formatDuration(payload.eta)}` : '';
        return `${bar}${share}${payload.docs} docs | ${payload.mb} MB | ${payload.rate} docs/s${eta}${payload.waiting}`;
      },
      hideCursor: true,
      clearOnComplete: false,
      gracefulExit: false,
      etaBuffer: 100,
    },
    cliProgress.Presets.shades_classic,
  );
  let bar: cliProgress.SingleBar | null = null;
  let latest: IngestStats | null = null;
  let updatedAt = 0;
  const draw = () => {
    if (latest === null) return;
    const stalled = performance.now() - updatedAt;
    const stats = aged(latest, stalled);
    const payload = {
      docs: stats.documents,
      mb:
        stats.totalBytes === null
          ? megabytes(stats.bytes)
          : `${megabytes(stats.bytes)}/${megabytes(stats.totalBytes)}`,
      rate: rates(stats).docs.toFixed(1),
      eta: etaSeconds(stats),
      waiting: waiting(stalled, stallMs),
    };
    bar ??= multi.create(stats.totalBytes ?? 0, 0, payload);
    bar.update(stats.bytes, payload);
  };
  // Redrawn every second even when nothing settles: the ETA and the wait stay true.
  const timer = setInterval(draw, 1000);
  timer.unref();
  return {
    update(stats) {
      latest = { ...stats };
      updatedAt = performance.now();
      draw();
    },
    log(line) {
      // Lines wait for the bar's next redraw; before there is a bar they go straight out.
      if (bar === null) stream.write(`${line}\n`);
      else multi.log(`${line}\n`);
    },
    stop() {
      clearInterval(timer);
      if (bar === null) return;
      multi.update(); // flushes lines still waiting for a redraw
      multi.stop();
    },
  };
}
