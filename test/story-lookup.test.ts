import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { ingest } from '../src/ingest/index.ts';
import { openStore, type Store } from '../src/store/index.ts';
import { StoryLookup } from '../src/store/sqlite/story-lookup.ts';
import { prepareArticles } from '../src/store/story-input.ts';
import { storyDocument, storySet } from './helpers/story-set.ts';

/**
 * Story candidates looked up by the ingest workers (store/sqlite/story-lookup.ts): the
 * writer then looks only at what was stored since. The stories must come out as the writer
 * alone finds them.
 */

const dirs: string[] = [];
after(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});
async function folder(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'jiedu-story-lookup-'));
  dirs.push(d);
  return d;
}

/** Each stored article's story, by source and position on the page. */
function storiesOf(path: string): Map<string, string> {
  const db = new Database(path, { readonly: true });
  const rows = db
    .prepare(
      `SELECT d.source || '#' || a.idx AS key, s.source || '#' || f.idx AS story
         FROM articles a JOIN documents d ON d.id = a.document
         JOIN articles f ON f.id = a.story JOIN documents s ON s.id = f.document`,
    )
    .all() as { key: string; story: string }[];
  db.close();
  return new Map(rows.map((r) => [r.key, r.story]));
}

describe('story candidates looked up before the writer stores', () => {
  test('what a lookup finds among the stored articles is the story the writer gives', async () => {
    const set = storySet(['putin', 'tariff']);
    const path = join(await folder(), 'a.db');
    const store = openStore(path);
    const half = Math.floor(set.length / 2);
    for (const copy of set.slice(0, half)) store.putDocument(storyDocument(copy));
    const lookup = new StoryLookup(path);
    try {
      for (const copy of set.slice(half)) {
        const doc = storyDocument(copy);
        const prepared = prepareArticles(doc.page);
        const seen = prepared.map((p) => lookup.seen(p.story));
        const top = (
          new Database(path, { readonly: true })
            .prepare('SELECT max(id) AS id FROM articles')
            .get() as {
            id: number;
          }
        ).id;
        // Stored by the writer alone, without what the lookup saw.
        const { documentId } = store.putDocument(doc);
        const db = new Database(path, { readonly: true });
        const given = db
          .prepare('SELECT id, story FROM articles WHERE document = ? ORDER BY idx')
          .all(documentId) as { id: number; story: number }[];
        db.close();
        for (const [i, s] of seen.entries()) {
          if (s === undefined) continue;
          assert.equal(s.upTo, top);
          const own = given[i] as { id: number; story: number };
          // A copy of a story stored before the lookup looked: the lookup names it.
          if (own.story !== own.id && own.story <= top) assert.equal(s.story, own.story);
          if (own.story === own.id) assert.equal(s.story, null);
        }
      }
    } finally {
      lookup.close();
      store.close();
    }
  });

  test('ingest with the lookup puts every page in the same story as the writer alone', async () => {
    const set = storySet(['putin', 'tariff', 'typhoon']);
    const root = await folder();
    const pages = join(root, 'pages');
    for (const [i, copy] of set.entries()) {
      const dir = join(pages, String(i).padStart(3, '0'));
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, copy.source.replaceAll('/', '_')), copy.bytes);
    }
    const run = async (path: string, hideLookup: boolean) => {
      const opened = openStore(path);
      // The same store, saying it has no file for workers to read.
      const store: Store = hideLookup
        ? new Proxy(opened, {
            get(target, key) {
              if (key === 'storyLookupPath') return () => null;
              const value = Reflect.get(target, key, target);
              return typeof value === 'function' ? value.bind(target) : value;
            },
          })
        : opened;
      try {
        await ingest({ store, inputs: [pages], workers: 1, stdin: Readable.from([]) });
        return opened.storyTiming();
      } finally {
        opened.close();
      }
    };
    const looked = (await run(join(root, 'with.db'), false)).looked;
    assert.equal((await run(join(root, 'without.db'), true)).looked, 0);
    // The workers looked every comparable article up.
    assert.ok(looked > set.length / 2, String(looked));
    const withLookup = storiesOf(join(root, 'with.db'));
    const without = storiesOf(join(root, 'without.db'));
    assert.equal(withLookup.size, set.length);
    assert.deepEqual(withLookup, without);
    // Copies were found: fewer stories than pages.
    assert.ok(new Set(withLookup.values()).size < set.length / 2);
  });
});
