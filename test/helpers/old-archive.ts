import type Database from 'better-sqlite3';
import type { DocumentInput } from '../../src/store/index.ts';

/**
 * Stores a document the way a version-1 archive did: the tables of the first schema only
 * (no stance_actors, no search index, no stories), written with plain SQL so the tests of
 * upgrades do not lean on today's writer.
 */
export function writeV1(db: Database.Database, doc: DocumentInput): void {
  const { page } = doc;
  const { encoding, script, ...info } = page.source;
  const documentId = Number(
    db
      .prepare(
        `INSERT INTO documents (hash, source, encoding, script, outlet, outlet_key, date, url,
           external_id, bytes, info, stored_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        doc.hash,
        doc.source,
        encoding,
        script,
        doc.outlet ?? null,
        doc.outlet ?? null,
        doc.date ?? null,
        doc.url ?? null,
        doc.externalId ?? null,
        doc.bytes,
        JSON.stringify(info),
        '2024-05-18T00:00:00.000Z',
      ).lastInsertRowid,
  );
  db.prepare('INSERT INTO document_texts (document, text) VALUES (?, ?)').run(
    documentId,
    page.text,
  );
  const entity = (key: string, type?: string): number => {
    const found = db
      .prepare<[string], { id: number }>('SELECT id FROM entities WHERE key = ?')
      .get(key);
    if (found !== undefined) return found.id;
    const colon = key.indexOf(':');
    return Number(
      db
        .prepare('INSERT INTO entities (key, type, name) VALUES (?, ?, ?)')
        .run(key, type ?? key.slice(0, colon), key.slice(colon + 1)).lastInsertRowid,
    );
  };
  page.children.forEach((article, index) => {
    const a = article.annotations;
    const articleId = Number(
      db
        .prepare(
          `INSERT INTO articles (document, idx, date, outlet_key, headline, span_start, span_end,
             spans, annotated, dates, summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          documentId,
          index,
          doc.date ?? null,
          doc.outlet ?? null,
          article.children.find((b) => b.type === 'headline')?.text ?? '',
          article.start,
          article.end,
          JSON.stringify(article.children.map((b) => b.pieces.flatMap((p) => [p.start, p.end]))),
          a === undefined ? 0 : 1,
          a === undefined ? null : JSON.stringify(a.dates),
          a === undefined ? null : JSON.stringify(a.summary),
        ).lastInsertRowid,
    );
    article.children.forEach((block, k) => {
      const { type, start, end, text, ...data } = block;
      db.prepare(
        'INSERT INTO blocks (article, idx, type, span_start, span_end, text, data) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ).run(articleId, k, type, start, end, text, JSON.stringify(data));
    });
    // A page stored without annotating (parse only) has blocks and nothing more.
    if (a === undefined) return;
    const counts = new Map<string, number>();
    for (const e of a.entities) {
      entity(e.id, e.type);
      counts.set(e.id, 0);
    }
    for (const m of a.mentions) {
      for (const key of m.refersTo) {
        counts.set(key, (counts.get(key) ?? 0) + 1);
        db.prepare(
          'INSERT OR IGNORE INTO mentions (article, span_start, span_end, entity, kind, text) VALUES (?, ?, ?, ?, ?, ?)',
        ).run(articleId, m.start, m.end, entity(key), m.kind, m.text);
      }
    }
    for (const [key, n] of counts) {
      const name =
        a.entities.find((e) => e.id === key)?.canonical ?? key.slice(key.indexOf(':') + 1);
      db.prepare(
        'INSERT INTO article_entities (article, entity, name, mentions) VALUES (?, ?, ?, ?)',
      ).run(articleId, entity(key), name, n);
      db.prepare(
        'UPDATE entities SET articles = articles + 1, mentions = mentions + ? WHERE key = ?',
      ).run(n, key);
    }
    a.quotes.forEach((q, k) => {
      db.prepare(
        `INSERT INTO quotes (article, idx, span_start, span_end, speaker, speaker_text, kind, cue,
           content_start, content_end, content) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        articleId,
        k,
        q.start,
        q.end,
        q.speaker === null ? null : entity(q.speaker),
        q.speakerText,
        q.kind,
        q.cue,
        q.content.start,
        q.content.end,
        q.content.text,
      );
    });
    a.stances.forEach((s, k) => {
      for (const key of s.actors) entity(key);
      db.prepare(
        `INSERT INTO stances (article, idx, span_start, span_end, actors, cue, class, plover,
           target_start, target_end, target, negated, modality)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        articleId,
        k,
        s.start,
        s.end,
        JSON.stringify(s.actors),
        s.cue,
        s.class,
        s.plover,
        s.target.start,
        s.target.end,
        s.target.text,
        s.negated ? 1 : 0,
        JSON.stringify(s.modality),
      );
    });
    a.keywords.forEach((kw, k) => {
      db.prepare('INSERT INTO keywords (article, rank, text, score) VALUES (?, ?, ?, ?)').run(
        articleId,
        k,
        kw.text,
        kw.score,
      );
    });
  });
}
