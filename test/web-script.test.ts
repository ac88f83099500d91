import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConverters, setScriptChoice, zh } from '../web/src/script.ts';

/*
 * The UI's 繁 converts only Simplified text: Traditional text is shown as printed, never
 * converted again (葛沖 stays 葛沖, 衛 stays 衛); 原文 is the text untouched.
 */

test('繁 converts Simplified text and leaves Traditional text as printed', async () => {
  await loadConverters('traditional');
  await setScriptChoice('traditional');
  assert.equal(zh('葛沖在會上發言，保衛家園。'), '葛沖在會上發言，保衛家園。');
  assert.equal(zh('外交部发言人表示'), '外交部發言人表示');
  // Mixed: each character on its own.
  assert.equal(zh('香港衛生署与发言人'), '香港衛生署與發言人');
  await setScriptChoice('original');
  assert.equal(zh('外交部发言人表示'), '外交部发言人表示');
  await setScriptChoice('simplified');
  assert.equal(zh('葛沖在會上發言'), '葛冲在会上发言');
});
