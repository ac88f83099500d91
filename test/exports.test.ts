import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as jiedu from '../src/index.ts';

// The public surface is a contract: adding or removing a runtime export must be deliberate.
test('the package root exports exactly the public API', () => {
  assert.deepEqual(Object.keys(jiedu).sort(), [
    'ARTICLE_VIEW_VERSION',
    'DecodeError',
    'QueryError',
    'SCHEMA_VERSION',
    'StoreError',
    'annotate',
    'decode',
    'entities',
    'ingest',
    'loadDictionaryFile',
    'openStore',
    'parse',
    'renderHtml',
    'renderMarkdown',
    'renderText',
    'segment',
    'segmentWords',
    'toArticleView',
  ]);
});

test('the exports are what they claim to be', () => {
  assert.equal(jiedu.ARTICLE_VIEW_VERSION, 4);
  assert.ok(new jiedu.DecodeError('x.txt', 3, 'binary') instanceof Error);
  const functions = [
    jiedu.annotate,
    jiedu.entities,
    jiedu.ingest,
    jiedu.openStore,
    jiedu.loadDictionaryFile,
    jiedu.segment,
    jiedu.segmentWords,
    jiedu.decode,
    jiedu.parse,
    jiedu.renderHtml,
    jiedu.renderMarkdown,
    jiedu.renderText,
    jiedu.toArticleView,
  ];
  for (const fn of functions) assert.equal(typeof fn, 'function');
});

test('the documented library example works: parse, then the article view', () => {
  const page = jiedu.parse('標題一行\n\n香港文匯報訊 這是正文的第一段，說明一件事。\n');
  const view = jiedu.toArticleView(page);
  assert.equal(view.version, jiedu.ARTICLE_VIEW_VERSION);
  assert.ok(view.articles.length >= 1);
  assert.equal(typeof jiedu.renderMarkdown(view), 'string');
});
