import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { storyRuns } from '../scripts/lib/eval-stories.ts';
import { annotate } from '../src/annotate/index.ts';
import { parse } from '../src/pipeline.ts';
import {
  type DocumentInput,
  openStore,
  SCHEMA_VERSION,
  type SqliteStore,
} from '../src/store/index.ts';
import { migrate } from '../src/store/sqlite/migrations.ts';
import { headlineOf, prepareArticles, simplifiedOf, storyInput } from '../src/store/story-input.ts';
import { writeV1 } from './helpers/old-archive.ts';
import { hashOf } from './helpers/store-pages.ts';
import { composedStories, type StoryCopy, storyDocument, storySet } from './helpers/story-set.ts';

/*
 * Stories at ingest: copies of one article (other outlets, encodings, scripts, light edits)
 * share a story, different stories of one topic do not; ids are stable, storing again
 * stores nothing twice, and an archive of the schema before stories gets them when opened.
 */

let dir = '';
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jiedu-stories-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Two topics of the composed set: four stories, seven pages each. */
const PAGES = storySet(['eu-tariffs', 'hang-seng']);

/** Stores pages, and says which article each page became. */
function store(archive: SqliteStore, pages: readonly StoryCopy[]): Map<string, number> {
  const articles = new Map<string, number>();
  for (const page of pages) {
    const { documentId } = archive.putDocument(storyDocument(page));
    const [id] = archive.documentArticles(documentId);
    assert.ok(id !== undefined, page.source);
    articles.set(page.source, id);
  }
  return articles;
}

/** The story of every article, from the listing. */
function storyOf(archive: SqliteStore): Map<number, number> {
  const out = new Map<number, number>();
  for (const row of archive.stories({ limit: 1000 })) {
    for (const a of row.articles) out.set(a.id, row.story);
  }
  return out;
}

/** A page of text, parsed, as ingest would store it. */
function textDocument(text: string, source: string, outlet?: string): DocumentInput {
  return {
    hash: hashOf(text),
    source,
    bytes: Buffer.byteLength(text),
    page: parse(text, { path: source }),
    ...(outlet === undefined ? {} : { outlet }),
  };
}

describe('stories at ingest', () => {
  test('copies share a story whose id is its first article; stories of one topic stay apart', () => {
    const archive = openStore(':memory:');
    const articles = store(archive, PAGES);
    const stories = storyOf(archive);
    for (const id of ['eu-tariffs-a', 'eu-tariffs-b', 'hang-seng-a', 'hang-seng-b']) {
      const own = PAGES.filter((p) => p.story === id).map((p) => articles.get(p.source) as number);
      const first = Math.min(...own);
      assert.deepEqual(
        own.map((a) => stories.get(a)),
        own.map(() => first),
        `${id}: every copy in the story of its first article`,
      );
    }
    assert.equal(archive.totalStories(), 4);
    // Most copies first; every story here has seven.
    const rows = archive.stories();
    assert.deepEqual(
      rows.map((r) => r.copies),
      [7, 7, 7, 7],
    );
    const first = rows.find((r) => r.story === articles.get('stories/eu-tariffs-a/original.txt'));
    assert.equal(first?.headline, '外交部回应欧盟对华电动汽车加征临时关税');
    // An outlet once, in the script it was first written in; the articles in order stored.
    assert.deepEqual(first?.outlets, [
      '新华社',
      '大公報',
      '人民日报',
      '中新网',
      '环球时报',
      '澎湃新闻',
      '東方日報',
    ]);
    assert.deepEqual(first?.articles[1], {
      id: articles.get('stories/eu-tariffs-a/other-script.txt'),
      outlet: '大公報',
      date: '2024-06-13',
      path: 'stories/eu-tariffs-a/other-script.txt',
    });
    archive.close();
  });

  test('the id stays the first article’s whichever copy came first; later copies join it', () => {
    const archive = openStore(':memory:');
    const pages = PAGES.filter((p) => p.story === 'hang-seng-b').reverse();
    const articles = store(archive, pages.slice(0, 3));
    const first = articles.get(pages[0]?.source ?? '') as number;
    assert.deepEqual(
      archive.stories().map((r) => [r.story, r.copies]),
      [[first, 3]],
    );
    // A search of no rows leaves the connection free to write.
    assert.deepEqual(archive.search({ limit: 0 }), []);
    assert.deepEqual(archive.search({ text: '恒指', limit: 0, sort: 'newest' }), []);
    store(archive, pages.slice(3));
    assert.deepEqual(
      archive.stories().map((r) => [r.story, r.copies]),
      [[first, 7]],
    );
    archive.close();
  });

  test('storing the same bytes again stores nothing twice', () => {
    const archive = openStore(':memory:');
    store(archive, PAGES);
    const before = archive.stories({ limit: 100 });
    for (const page of PAGES) {
      assert.equal(archive.putDocument(storyDocument(page)).created, false, page.source);
    }
    const batch = archive.putDocuments(PAGES.slice(0, 5).map(storyDocument));
    assert.ok(batch.every((b) => b.result?.created === false));
    assert.deepEqual(archive.stories({ limit: 100 }), before);
    assert.equal(archive.stats().articles, PAGES.length);
    archive.close();
  });

  test('short articles are stories of their own', () => {
    const archive = openStore(':memory:');
    const notice =
      '停水通知\n\n因管道维修，本市东区明日上午9时至下午5时停止供水，请居民提前储水。\n';
    archive.putDocument(textDocument(notice, 'a.txt', '本报'));
    archive.putDocument(textDocument(notice.replace('本市', '全市'), 'b.txt', '晚报'));
    assert.deepEqual(
      archive.stories().map((r) => r.copies),
      [1, 1],
    );
    archive.close();
  });

  test('a batch: copies in one commit join each other; a page that fails leaves no trace', () => {
    const archive = openStore(':memory:');
    const [a, aCopy] = PAGES.filter((p) => p.story === 'eu-tariffs-a').map(storyDocument);
    const [b, bCopy] = PAGES.filter((p) => p.story === 'hang-seng-a').map(storyDocument);
    assert.ok(a && aCopy && b && bCopy);
    // A copy of a whose second article cannot be stored: its first joined a's story before
    // the page failed, and was rolled back with it.
    const [article] = aCopy.page.children;
    assert.ok(article !== undefined);
    const broken = { ...article, children: [{ ...article.children[0], pieces: undefined }] };
    const failing = {
      ...aCopy,
      page: { ...aCopy.page, children: [article, broken] },
    } as unknown as DocumentInput;
    const results = archive.putDocuments([a, failing, b, bCopy]);
    assert.deepEqual(
      results.map((r) => r.error === undefined),
      [true, false, true, true],
    );
    // b took the id the failed page's article had: b's copy is found as b's, not as a's.
    assert.deepEqual(
      archive.stories().map((r) => [r.story, r.copies]),
      [
        [2, 2],
        [1, 1],
      ],
    );
    archive.close();
  });
});

describe('search counts a story once', () => {
  let archive: SqliteStore;
  let articles: Map<string, number>;
  before(() => {
    archive = openStore(':memory:');
    articles = store(archive, PAGES);
  });
  after(() => archive.close());

  test('one hit per story, the best ranked copy, with how many copies it has', () => {
    const hits = archive.search({ text: '关税' });
    assert.equal(hits.length, 2);
    assert.deepEqual(
      hits.map((h) => h.copies),
      [7, 7],
    );
    assert.deepEqual(new Set(hits.map((h) => h.story)).size, 2);
    assert.equal(archive.countMatches({ text: '关税' }), 2);
    // Every copy that says 关税 (a's first half does not).
    const every = archive.search({ text: '关税', copies: true, limit: 50 });
    assert.equal(every.length, 11);
    assert.equal(archive.countMatches({ text: '關稅', copies: true }), 11);
    // The best ranked copy of each story is the first of its copies in the full ranking.
    for (const hit of hits) {
      assert.equal(every.find((h) => h.story === hit.story)?.articleId, hit.articleId);
    }
  });

  test('by date and without text: the newest (or oldest) copy that passes the filters', () => {
    const oldest = archive.search({ text: '恒指', sort: 'oldest' });
    assert.equal(oldest.length, 2);
    for (const hit of oldest) assert.equal(hit.articleId, hit.story);
    const newest = archive.search({ text: '恒指', sort: 'newest' });
    assert.deepEqual(
      newest.map((h) => h.date),
      ['2024-07-13', '2024-07-12'],
    );
    // Of a story's copies, the one the outlet filter lets through stands for it.
    const inOutlet = archive.search({ outlet: '东方日报' });
    assert.deepEqual(
      inOutlet.map((h) => h.articleId).sort((x, y) => x - y),
      [
        'eu-tariffs-a/all-at-once',
        'eu-tariffs-b/all-at-once',
        'hang-seng-a/headline-dateline',
        'hang-seng-b/headline-dateline',
      ].map((s) => articles.get(`stories/${s}.txt`)),
    );
    assert.equal(archive.search({ limit: 100 }).length, 4);
    assert.equal(archive.countMatches({}), 4);
    assert.equal(archive.search({ limit: 100, copies: true }).length, PAGES.length);
    assert.deepEqual(archive.search({ limit: 2, offset: 3 }).map((h) => h.story).length, 1);
  });
});

describe('an archive of the schema before stories', () => {
  test('is upgraded in place: every article joins its story, as ingest would have put it', () => {
    const path = join(dir, 'v6.db');
    const old = new Database(path);
    old.pragma('journal_mode = WAL');
    assert.equal(migrate(old, 6), 6);
    const tables = old
      .prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table'")
      .all()
      .map((t) => t.name);
    assert.ok(!tables.includes('stories') && !tables.includes('story_bands'));
    old.transaction(() => {
      for (const page of PAGES) writeV1(old, storyDocument(page));
    })();
    old.close();

    const upgraded = openStore(path, { create: false });
    assert.equal(upgraded.stats().schemaVersion, SCHEMA_VERSION);
    const fresh = openStore(':memory:');
    store(fresh, PAGES);
    assert.deepEqual(upgraded.stories({ limit: 100 }), fresh.stories({ limit: 100 }));
    // The upgraded archive takes new pages into its stories.
    const more = storySet(['typhoon']).filter((p) => p.story === 'typhoon-a');
    store(upgraded, more.slice(0, 2));
    assert.deepEqual(
      upgraded.stories({ minCopies: 2 }).map((r) => r.copies),
      [7, 7, 7, 7, 2],
    );
    upgraded.close();
    fresh.close();

    // Opening it again changes nothing.
    const again = openStore(path);
    assert.equal(again.totalStories(), 5);
    again.close();
  });
});

describe('entities count a story once', () => {
  test('the directory, an entity and its mentions: stories by default, every copy with copies', () => {
    const archive = openStore(':memory:');
    // Annotated, as ingest stores them: the entities are the annotator's.
    for (const page of PAGES.filter((p) => p.story.startsWith('eu-tariffs'))) {
      const doc = storyDocument(page);
      archive.putDocument({ ...doc, page: annotate(doc.page, { date: page.date }) });
    }
    const storyOfArticle = storyOf(archive);
    const every = archive.entities({ limit: 1000, copies: true });
    const once = new Map(archive.entities({ limit: 1000 }).map((e) => [e.id, e]));
    let fewer = 0;
    for (const e of every) {
      const mentions = archive.entityMentions(e.id, { limit: 1000, copies: true });
      assert.equal(mentions.length, e.articles, e.id);
      const stories = new Set(mentions.map((m) => storyOfArticle.get(m.articleId)));
      const counted = once.get(e.id);
      assert.equal(counted?.articles, stories.size, e.id);
      assert.equal(archive.getEntity(e.id)?.articles, stories.size, e.id);
      assert.equal(archive.getEntity(e.id, { copies: true })?.articles, e.articles, e.id);
      // The list: one row per story, its newest copy, with how many copies mention it.
      const listed = archive.entityMentions(e.id, { limit: 1000 });
      assert.equal(listed.length, stories.size, e.id);
      assert.equal(
        listed.reduce((n, m) => n + (m.copies ?? 0), 0),
        e.articles,
        `${e.id}: the copies of the rows listed are every article`,
      );
      if (stories.size < e.articles) fewer++;
    }
    assert.ok(fewer > 5, `entities whose copies are counted once: ${fewer}`);
    // With a filter, among the copies it lets through (the same as counted without one
    // here, as every page passes it).
    const filtered = archive.entities({ limit: 1000, filter: { from: '1900-01-01' } });
    const dated = archive.entities({ limit: 1000, filter: { from: '1900-01-01' }, copies: true });
    assert.ok(dated.some((e) => e.articles > (once.get(e.id)?.articles ?? 0)));
    for (const e of filtered) assert.equal(e.articles, once.get(e.id)?.articles, e.id);
    archive.close();
  });

  test('an archive of schema 8 gets the counts of the entities it holds', () => {
    const path = join(dir, 'v8-entities.db');
    const archive = openStore(path);
    for (const page of PAGES.filter((p) => p.story === 'eu-tariffs-a')) {
      const doc = storyDocument(page);
      archive.putDocument({ ...doc, page: annotate(doc.page, { date: page.date }) });
    }
    const expected = archive.entities({ limit: 1000 });
    assert.ok(expected.some((e) => e.articles === 1 && e.mentions > 0));
    archive.close();
    const db = new Database(path);
    db.exec(
      `ALTER TABLE entities DROP COLUMN stories; ALTER TABLE entities DROP COLUMN story_mentions;
       DROP TABLE passage_repeats; DROP TABLE passage_keys; DROP TABLE story_pending;`,
    );
    db.pragma('user_version = 8');
    db.close();
    const upgraded = openStore(path);
    assert.deepEqual(upgraded.entities({ limit: 1000 }), expected);
    upgraded.close();
  });
});

describe('articles prepared beforehand (as ingest workers do)', () => {
  test('store as the writer would have: the same stories, search and story inputs', () => {
    const plain = openStore(':memory:');
    const prepared = openStore(':memory:');
    for (const page of PAGES) {
      const doc = storyDocument(page);
      plain.putDocument(doc);
      const ready = prepareArticles(doc.page);
      assert.equal(ready.length, doc.page.children.length);
      for (const [k, article] of doc.page.children.entries()) {
        const simplified = simplifiedOf(doc.page.text, article);
        assert.equal(ready[k]?.simplified, simplified);
        assert.deepEqual(ready[k]?.story, storyInput(simplified, headlineOf(article) !== ''));
      }
      prepared.putDocument({ ...doc, prepared: ready });
    }
    assert.deepEqual(prepared.stories({ limit: 100 }), plain.stories({ limit: 100 }));
    for (const q of ['关税', '恒指', '電動汽車']) {
      assert.deepEqual(
        prepared.search({ text: q, limit: 50 }),
        plain.search({ text: q, limit: 50 }),
      );
    }
    const doc = storyDocument(PAGES[0] as StoryCopy);
    assert.throws(
      () => prepared.putDocument({ ...doc, hash: 'other', prepared: [] }),
      /one entry per article/,
    );
    plain.close();
    prepared.close();
  });
});

describe('without story detection (to measure what it costs)', () => {
  test('each article is a story of its own, and nothing is prepared for finding copies', () => {
    const pages = storySet(['eu-tariffs']).slice(0, 3);
    assert.ok(pages.every((p) => p.story === pages[0]?.story));
    const archive = openStore(':memory:', { findStories: false });
    for (const page of pages) {
      const doc = storyDocument(page);
      const ready = prepareArticles(doc.page, false);
      assert.deepEqual(
        ready.map((r) => [r.story.keys.length, r.story.sketch]),
        doc.page.children.map(() => [0, null]),
      );
      archive.putDocument({ ...doc, prepared: ready });
    }
    const rows = archive.stories({ limit: 10 });
    assert.equal(rows.length, 3);
    assert.ok(rows.every((r) => r.copies === 1));
    assert.equal(archive.storyTiming().articles, 0);
    archive.close();
    // With it, the same pages are one story.
    const found = openStore(':memory:');
    for (const page of pages) found.putDocument(storyDocument(page));
    assert.equal(found.stories({ limit: 10 })[0]?.copies, 3);
    found.close();
  });
});

describe('an archive of schema 7 (band keys without their stories, no sketches)', () => {
  test('is upgraded in place: its stories stay, and new copies join them', () => {
    const path = join(dir, 'v7.db');
    const first = openStore(path);
    const older = PAGES.filter((p) => p.variant !== 'all-at-once');
    store(first, older);
    const before = first.stories({ limit: 100 });
    first.close();
    // Back to schema 7: the band rows lose their stories, the sketches go (and the entities'
    // counts of schema 9, the passages of schema 10, the waiting keys of schema 11: closing
    // merged them).
    const db = new Database(path);
    db.exec(`DROP TABLE story_sketches; ALTER TABLE story_bands DROP COLUMN story;
      ALTER TABLE entities DROP COLUMN stories; ALTER TABLE entities DROP COLUMN story_mentions;
      DROP TABLE passage_repeats; DROP TABLE passage_keys; DROP TABLE story_pending;`);
    db.pragma('user_version = 7');
    db.close();

    const upgraded = openStore(path);
    assert.equal(upgraded.stats().schemaVersion, SCHEMA_VERSION);
    assert.deepEqual(upgraded.stories({ limit: 100 }), before);
    // The pages left out join the stories already stored: their candidates come from band
    // rows without a story, verified on texts read back (which then get sketches).
    const rest = PAGES.filter((p) => p.variant === 'all-at-once');
    assert.ok(rest.length > 0);
    const added = store(upgraded, rest);
    const stories = storyOf(upgraded);
    for (const page of rest) {
      const story = stories.get(added.get(page.source) as number);
      assert.ok(story !== undefined && story !== added.get(page.source), page.source);
    }
    assert.ok(upgraded.storyTiming().reads > 0);
    upgraded.close();
    const after = new Database(path, { readonly: true });
    const sketched = after.prepare('SELECT count(*) AS n FROM story_sketches').get() as {
      n: number;
    };
    assert.ok(sketched.n >= rest.length, String(sketched.n));
    after.close();
  });
});

describe('what ingest keeps to find stories cheaply', () => {
  test("each band key's row carries its story, each article a sketch; candidates are mostly decided on sketches", () => {
    const path = join(dir, 'kept.db');
    const archive = openStore(path);
    const articles = store(archive, PAGES);
    const timing = archive.storyTiming();
    archive.close();
    const db = new Database(path, { readonly: true });
    const wrong = db
      .prepare(
        'SELECT count(*) AS n FROM story_bands sb JOIN articles a ON a.id = sb.article WHERE sb.story IS NOT a.story',
      )
      .get() as { n: number };
    assert.equal(wrong.n, 0);
    const sketches = db.prepare('SELECT count(*) AS n FROM story_sketches').get() as {
      n: number;
    };
    assert.equal(sketches.n, articles.size);
    db.close();
    assert.ok(timing.sketched > timing.reads, `${timing.sketched} > ${timing.reads}`);
  });
});

describe('measured on the composed set', () => {
  test('pairwise precision and recall of 0.95 or more, stored as composed and shuffled', () => {
    for (const { order, result } of storyRuns()) {
      assert.equal(result.pages, 168, order);
      assert.ok(result.precision >= 0.95, `${order}: precision ${result.precision}`);
      assert.ok(result.recall >= 0.95, `${order}: recall ${result.recall}`);
    }
  });
});

describe('band keys merged in batches (story_pending)', () => {
  /** Every band row, in the index's order. */
  function bandRows(path: string): unknown[] {
    const db = new Database(path, { readonly: true });
    try {
      return db.prepare('SELECT key, article, story FROM story_bands ORDER BY key, article').all();
    } finally {
      db.close();
    }
  }
  function waiting(path: string): number {
    const db = new Database(path, { readonly: true });
    try {
      return (db.prepare('SELECT count(*) AS n FROM story_pending').get() as { n: number }).n;
    } finally {
      db.close();
    }
  }

  test('the same stories and the same index whether keys are merged after every page, every few pages or at close', () => {
    const pages = storySet(['eu-tariffs', 'hang-seng', 'typhoon']);
    const results = [1, 3, 4096].map((mergeEvery) => {
      const path = join(dir, `merge-${mergeEvery}.db`);
      const archive = openStore(path, { storyMergeEvery: mergeEvery });
      store(archive, pages);
      const stories = [...storyOf(archive)];
      const timing = archive.storyTiming();
      archive.close();
      return { mergeEvery, stories, rows: bandRows(path), waiting: waiting(path), timing };
    });
    const [each, few, atClose] = results;
    assert.ok(each && few && atClose);
    assert.ok(
      each.stories.some(([article, story]) => article !== story),
      'some copies joined',
    );
    assert.deepEqual(few.stories, each.stories);
    assert.deepEqual(atClose.stories, each.stories);
    assert.ok(each.rows.length > 32 * 10);
    assert.deepEqual(few.rows, each.rows);
    assert.deepEqual(atClose.rows, each.rows);
    for (const r of results) assert.equal(r.waiting, 0, `${r.mergeEvery}: nothing left waiting`);
    // Merged after every page (those with keys), after every third, and not before closing
    // (the closing merge is not in the writer's timing).
    assert.ok((each.timing.merges ?? 0) >= 10, `${each.timing.merges}`);
    assert.ok((few.timing.merges ?? 0) < (each.timing.merges ?? 0));
    assert.equal(atClose.timing.merges ?? 0, 0);
  });

  test('a writer that stops without closing leaves its keys waiting: another writer finds its copies there and merges them', () => {
    const path = join(dir, 'two-writers.db');
    const copies = PAGES.filter((p) => p.story === 'eu-tariffs-a');
    assert.ok(copies.length >= 5);
    const first = openStore(path);
    const firstArticles = store(first, copies.slice(0, 2));
    // As a killed process would: committed, never closed, nothing merged.
    assert.equal(waiting(path), 2);
    assert.equal(bandRows(path).length, 0);
    const second = openStore(path, { storyMergeEvery: 4 });
    const story = firstArticles.get(copies[0]?.source ?? '') as number;
    const secondArticles = store(second, copies.slice(2, 4));
    for (const id of secondArticles.values()) assert.equal(storyOf(second).get(id), story);
    // The second writer's merge (after its second page: four waiting) took the first's keys too.
    assert.equal(waiting(path), 0);
    const merged = new Set(bandRows(path).map((r) => (r as { article: number }).article));
    assert.deepEqual(
      [...merged].sort((a, b) => a - b),
      [...firstArticles.values(), ...secondArticles.values()].sort((a, b) => a - b),
    );
    // The first writer, still open, still finds the story (now in the index) and joins it once.
    const [lastId] = store(first, copies.slice(4, 5)).values();
    assert.equal(storyOf(first).get(lastId as number), story);
    assert.equal(first.stories().find((r) => r.story === story)?.copies, 5);
    second.close();
    first.close();
    assert.equal(waiting(path), 0);
  });

  test('keys held by more articles than are read per key: the newest are read, and copies keep joining the story', () => {
    const story = composedStories()[0];
    assert.ok(story !== undefined);
    const body = story.paragraphs.join('\n\n');
    for (const mergeEvery of [1, 4096]) {
      const archive = openStore(':memory:', { storyMergeEvery: mergeEvery });
      // Twenty copies of one story, each with its own last line (so its own bytes): every
      // key of the story is held by more than PER_KEY articles after the eighth.
      const ids = Array.from({ length: 20 }, (_, i) => {
        const doc = textDocument(
          `${story.headline}\n\n${body}\n\n（第${i + 1}版）\n`,
          `copy-${i}.txt`,
        );
        const { documentId } = archive.putDocument(doc);
        return archive.documentArticles(documentId)[0] as number;
      });
      const stories = storyOf(archive);
      assert.deepEqual(
        ids.map((id) => stories.get(id)),
        ids.map(() => ids[0]),
        `merge every ${mergeEvery}`,
      );
      assert.equal(archive.stories()[0]?.copies, 20);
      archive.close();
    }
  });

  test('with the band filter the same stories and the same index; keys it never saw are not looked up', () => {
    const pages = storySet(['eu-tariffs', 'hang-seng', 'typhoon']);
    const results = [0, Number.POSITIVE_INFINITY].map((filterAfter) => {
      const path = join(dir, `filter-${filterAfter}.db`);
      const archive = openStore(path, { storyMergeEvery: 3, storyFilterAfter: filterAfter });
      store(archive, pages);
      const stories = [...storyOf(archive)];
      const timing = archive.storyTiming();
      archive.close();
      return { stories, rows: bandRows(path), timing };
    });
    const [filtered, unfiltered] = results;
    assert.ok(filtered && unfiltered);
    assert.deepEqual(filtered.stories, unfiltered.stories);
    assert.deepEqual(filtered.rows, unfiltered.rows);
    assert.equal(filtered.timing.filterBuilds, 1);
    assert.ok((filtered.timing.skipped ?? 0) > 32, `${filtered.timing.skipped}`);
    assert.equal(unfiltered.timing.filterBuilds ?? 0, 0);
    assert.equal(unfiltered.timing.skipped ?? 0, 0);
  });

  test('once another writer commits, the band filter of a writer is dropped: it finds the copies the other stored', () => {
    const path = join(dir, 'filter-two-writers.db');
    const story = PAGES.filter((p) => p.story === 'eu-tariffs-a');
    const others = PAGES.filter((p) => p.story === 'hang-seng-a');
    assert.ok(story.length >= 3 && others.length >= 2);
    const first = openStore(path, { storyFilterAfter: 0 });
    store(first, others.slice(0, 2));
    assert.equal(first.storyTiming().filterBuilds, 1);
    // Another writer stores a copy of a story the first has never seen, and merges it.
    const second = openStore(path, { storyMergeEvery: 1 });
    const [storyId] = store(second, story.slice(0, 1)).values();
    second.close();
    // The first writer's filter holds none of its keys: kept, it would look none up.
    const [copy] = store(first, story.slice(1, 2)).values();
    assert.equal(storyOf(first).get(copy as number), storyId);
    // Rebuilt (it joins alone again), from the index, with the other writer's keys in it.
    assert.equal(first.storyTiming().filterBuilds, 2);
    const [again] = store(first, story.slice(2, 3)).values();
    assert.equal(storyOf(first).get(again as number), storyId);
    first.close();
  });

  test('a filter threshold that is not a whole number of articles (or Infinity) is refused', () => {
    for (const bad of [-1, 1.5, Number.NaN]) {
      assert.throws(
        () => openStore(join(dir, 'never.db'), { storyFilterAfter: bad }),
        /storyFilterAfter/,
      );
    }
  });

  test('a merge size that is not a whole number of articles is refused before the file is opened', () => {
    for (const bad of [0, -1, 1.5, Number.NaN]) {
      assert.throws(
        () => openStore(join(dir, 'never.db'), { storyMergeEvery: bad }),
        /storyMergeEvery/,
      );
    }
    assert.throws(() => new Database(join(dir, 'never.db'), { fileMustExist: true }));
  });
});
