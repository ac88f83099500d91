import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { answer, subjectQuestions } from '../scripts/lib/eval-subjects.ts';

/** A treebank sentence of our own in CoNLL-U: 林國棟 (PROPN) the subject of 宣布 (VERB). */
const SENTENCE = [
  '# sent_id = t1',
  '# text = 昨天林國棟宣布辭職。',
  '1\t昨天\t昨天\tNOUN\tNT\t_\t3\tobl:tmod\t_\t_',
  '2\t林國棟\t林國棟\tPROPN\tNNP\t_\t3\tnsubj\t_\t_',
  '3\t宣布\t宣布\tVERB\tVV\t_\t0\troot\t_\t_',
  '4\t辭職\t辭職\tVERB\tVV\t_\t3\tobj\t_\t_',
  '5\t。\t。\tPUNCT\t.\t_\t3\tpunct\t_\t_',
].join('\n');

describe('clause subjects scored on a treebank', () => {
  test('a verb whose subject is a proper noun is a question, with both spans in the text', () => {
    const [q, ...rest] = subjectQuestions(`${SENTENCE}\n\n`);
    assert.equal(rest.length, 0);
    assert.deepEqual(q?.verb, { start: 5, end: 7 });
    assert.deepEqual(q?.subject, { start: 2, end: 5 });
  });

  test('a common-noun subject asks nothing', () => {
    const common = SENTENCE.replace('PROPN\tNNP', 'NOUN\tNN');
    assert.deepEqual(subjectQuestions(common), []);
  });

  test('the clause reader answers with the name before the verb', () => {
    const [q] = subjectQuestions(SENTENCE);
    assert.ok(q !== undefined);
    assert.deepEqual(answer(q), { start: 2, end: 5 });
  });
});
