/**
 * node --import tsx scripts/eval-annot.ts [--pages] [--errors] [--holdout] [--convert] [--page ID]...
 *
 * Scores annotation on ../shared/eval/annot (issue 11's matching; see lib/eval-annot.ts):
 * P/R/F1 for entities, quotes and stances and their mean, on the dev pages, the held-out
 * pages (eval/annot-holdout.json) and per script. --pages adds a row per page; --errors lists
 * what was missed and what was wrong, for dev pages only unless --holdout is given (the
 * held-out fold is looked at only at the end of a piece of work). --convert reads each page
 * in the other script (Traditional pages converted to Simplified and the other way round):
 * a page that scores lower so has been read by something that holds in one script only.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  annotPageTable,
  annotSummaryTable,
  evalAnnot,
  readHoldout,
  seedAnnotRows,
} from './lib/eval-annot.ts';
import { scriptArgs } from './lib/script-args.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values } = scriptArgs(import.meta.url, {
  options: {
    pages: { type: 'boolean', default: false },
    errors: { type: 'boolean', default: false },
    holdout: { type: 'boolean', default: false },
    convert: { type: 'boolean', default: false },
    page: { type: 'string', multiple: true },
    dir: { type: 'string', default: join(ROOT, '..', 'shared', 'eval', 'annot') },
  },
});
const heldOut = await readHoldout(join(ROOT, 'eval', 'annot-holdout.json'));
const only = values.page === undefined ? undefined : new Set(values.page);
const rows = [
  ...(await evalAnnot(values.dir, heldOut, only, values.convert)),
  ...(only === undefined || only.has('seed')
    ? await seedAnnotRows(join(values.dir, '..', 'seed'))
    : []),
];
console.log(annotSummaryTable(rows));
if (values.pages)
  console.log(`\n${annotPageTable(values.holdout ? rows : rows.filter((r) => !r.heldOut))}`);
if (values.errors) {
  for (const r of rows) {
    if (r.heldOut && !values.holdout) continue;
    if (r.errors.length === 0) continue;
    console.log(`\n# ${r.page}`);
    for (const e of r.errors) console.log(`  ${e}`);
  }
}
