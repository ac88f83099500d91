import { queueStatus } from '../queue/page-queue.ts';
import { openPgArchive, shownUrl } from '../store/index.ts';
import { stringFlag } from './archive.ts';
import type { Io } from './io.ts';
import { countFlag, queueUrl } from './run-worker.ts';
import { type CommandArgs, EXIT } from './schema.ts';

/** `jiedu queue --db postgres://… [--failures N] [--format table|json]`: the ingest queue's
 * jobs by state, and the newest pages that failed. */
export async function run(args: CommandArgs, io: Io): Promise<number> {
  const url = queueUrl('queue', args, io);
  const shown = countFlag('queue', args.flags.failures, 'failures', 10);
  let status: Awaited<ReturnType<typeof queueStatus>>;
  let failures: { source: string; reason: string; at: string }[];
  try {
    status = await queueStatus(url);
    const archive = await openPgArchive(url, { max: 1 });
    try {
      failures = await archive.failures(shown);
    } finally {
      await archive.close();
    }
  } catch (err) {
    io.stderr.write(`jiedu queue: ${(err as Error).message}\n`);
    return EXIT.failed;
  }
  if (stringFlag(args.flags, 'format') === 'json') {
    io.stdout.write(`${JSON.stringify({ ...status, failures }, null, 2)}\n`);
    return EXIT.ok;
  }
  io.stdout.write(
    [
      `queue      ${shownUrl(url)}`,
      `waiting    ${status.waiting}`,
      `active     ${status.active}`,
      `completed  ${status.completed}`,
      `failed     ${status.failed}`,
      ...(failures.length === 0
        ? []
        : [
            '',
            'failures (newest first):',
            ...failures.map((f) => `  ${f.at}  ${f.source}: ${f.reason}`),
          ]),
      '',
    ].join('\n'),
  );
  return EXIT.ok;
}
