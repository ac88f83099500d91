/**
 * Writes the archive benchmark's input to disk the way archives arrive: JSON Lines feeds
 * (one article a line, with id, url, outlet and, for half of them, a date) and, for one
 * article in twenty, a page file of its own in Big5 (Traditional), GB18030 (Simplified) or
 * UTF-8, in folders of a thousand. Streams: memory stays flat whatever the count.
 */
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { encodeBig5, encodeGb18030, encodeUtf8 } from '../../test/helpers/encode.ts';
import type { Article } from './archive-compose.ts';
import { big5Safe } from './big5.ts';

/** Articles per JSONL file. */
const SHARD = 50_000;
/** Every FILE_EVERY-th article is written as a page file instead of a JSONL line. */
const FILE_EVERY = 20;

/** What was written. */
export interface Corpus {
  articles: number;
  bytes: number;
  jsonlFiles: number;
  pageFiles: number;
  /** Page files per encoding. */
  encodings: Record<string, number>;
}

const toBig5Safe = big5Safe(encodeBig5);

/** Writes `count` articles from `next` under `dir` (which must be empty or absent). */
export function writeCorpus(dir: string, count: number, next: () => Article): Corpus {
  mkdirSync(dir, { recursive: true });
  const corpus: Corpus = { articles: 0, bytes: 0, jsonlFiles: 0, pageFiles: 0, encodings: {} };
  let fd: number | null = null;
  let batch: string[] = [];
  const flush = () => {
    if (fd !== null && batch.length > 0) writeSync(fd, batch.join(''));
    batch = [];
  };
  for (let i = 0; i < count; i++) {
    const article = next();
    corpus.articles++;
    if (i % FILE_EVERY === FILE_EVERY - 1) {
      const folder = join(
        dir,
        'pages',
        String(Math.floor(corpus.pageFiles / 1000)).padStart(4, '0'),
      );
      if (corpus.pageFiles % 1000 === 0) mkdirSync(folder, { recursive: true });
      const pick = corpus.pageFiles % 3;
      let bytes: Uint8Array;
      let encoding: string;
      if (pick === 0) {
        encoding = 'utf-8';
        bytes = encodeUtf8(article.text);
      } else if (article.script === 'trad') {
        encoding = 'big5';
        bytes = encodeBig5(toBig5Safe(article.text));
      } else {
        encoding = 'gb18030';
        bytes = encodeGb18030(article.text);
      }
      corpus.encodings[encoding] = (corpus.encodings[encoding] ?? 0) + 1;
      writeFileSync(join(folder, `${article.date}-${i}.txt`), bytes);
      corpus.pageFiles++;
      corpus.bytes += bytes.byteLength;
      continue;
    }
    if (i % SHARD === 0 || fd === null) {
      flush();
      if (fd !== null) closeSync(fd);
      fd = openSync(join(dir, `feed-${String(corpus.jsonlFiles).padStart(3, '0')}.jsonl`), 'w');
      corpus.jsonlFiles++;
    }
    const line = JSON.stringify({
      id: `bench-${i}`,
      url: `https://news.example/${article.date}/${i}`,
      outlet: article.outlet,
      ...(i % 2 === 0 ? { date: article.date } : {}),
      text: article.text,
    });
    batch.push(`${line}\n`);
    corpus.bytes += Buffer.byteLength(article.text);
    if (batch.length >= 1000) flush();
  }
  flush();
  if (fd !== null) closeSync(fd);
  return corpus;
}
