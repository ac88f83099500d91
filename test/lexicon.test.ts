import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  DictionaryError,
  LEXICON_TYPES,
  lexicon,
  loadUserDictionary,
  lookup,
  userDictionary,
} from '../src/annotate/lexicon/index.ts';
import { toSimplified, toTraditional } from '../src/normalize/index.ts';
import { assertGeneratedUpToDate } from './helpers/generated.ts';

describe('the shipped lexicon', () => {
  test('the generated file is what the script makes of data/lexicon', () => {
    assertGeneratedUpToDate('build-lexicon.ts');
  });

  test('entries are well formed: unique ids, Simplified names, forms in both scripts', () => {
    const ids = new Set<string>();
    for (const entry of lexicon().entries) {
      assert.ok(!ids.has(entry.id), `${entry.id} twice`);
      ids.add(entry.id);
      assert.equal(entry.id, `${entry.type}:${entry.name}`);
      assert.ok(LEXICON_TYPES.includes(entry.type));
      assert.equal(toSimplified(entry.name), entry.name, `${entry.id}: name in Simplified`);
      assert.ok(entry.forms.includes(entry.name));
      assert.ok(entry.forms.includes(toTraditional(entry.name)), `${entry.id}: Traditional form`);
      if (entry.abbr !== undefined) assert.equal([...entry.abbr].length, 1);
    }
    assert.ok(ids.size > 500);
  });

  test('the names the field needs are there, with their types', () => {
    const expected: [string, string][] = [
      ['中国', 'LOC'],
      ['俄罗斯', 'LOC'],
      ['阿富汗', 'LOC'],
      ['亚太', 'LOC'],
      ['中东', 'LOC'],
      ['香港', 'LOC'],
      ['联合国', 'ORG'],
      ['北约', 'ORG'],
      ['上海合作组织', 'ORG'],
      ['欧亚经济联盟', 'ORG'],
      ['金砖国家', 'ORG'],
      ['二十国集团', 'ORG'],
      ['世卫组织', 'ORG'],
      ['全国人大', 'ORG'],
      ['民进党', 'ORG'],
      ['新华社', 'ORG'],
      ['大公报', 'ORG'],
      ['法新社', 'ORG'],
      ['国家主席', 'OFFICE'],
      ['外长', 'OFFICE'],
      ['评论员', 'OFFICE'],
      ['联合国宪章', 'WORK'],
      ['北京冬奥会', 'EVENT'],
      ['进博会', 'EVENT'],
      ['一带一路', 'TERM'],
      ['人类命运共同体', 'TERM'],
    ];
    for (const [form, type] of expected) assert.equal(lookup(form)?.type, type, form);
  });

  test('one-character abbreviations are marked on their countries', () => {
    const abbreviations: [string, string][] = [
      ['中', '中国'],
      ['俄', '俄罗斯'],
      ['美', '美国'],
      ['日', '日本'],
      ['朝', '朝鲜'],
      ['韩', '韩国'],
      ['印', '印度'],
    ];
    for (const [abbr, name] of abbreviations) {
      assert.equal(lookup(name)?.abbr, abbr, name);
      assert.equal(lookup(abbr)?.name, name, abbr);
    }
    // In Traditional too.
    assert.equal(lookup('韓')?.name, '韩国');
    // 欧 stands for Europe and for the EU alike: no abbreviation.
    assert.equal(lookup('欧洲')?.abbr, undefined);
  });
});

describe('lookup', () => {
  test('finds an entry by any spelling in either script', () => {
    for (const form of ['俄羅斯', '俄罗斯', '俄', '俄方', '俄羅斯聯邦']) {
      assert.equal(lookup(form)?.id, 'LOC:俄罗斯', form);
    }
    assert.equal(lookup('聯合國')?.id, 'ORG:联合国');
    assert.equal(lookup('上合組織')?.id, 'ORG:上海合作组织');
    assert.equal(lookup('外交部長')?.id, 'OFFICE:外交部长');
    assert.equal(lookup('一帶一路')?.id, 'TERM:一带一路');
  });

  test('a Taiwan spelling is found through its Simplified form', () => {
    assert.equal(lookup('臺灣')?.id, 'LOC:台湾');
    assert.equal(lookup('紐西蘭')?.id, 'LOC:新西兰');
  });

  test('unknown words are undefined', () => {
    assert.equal(lookup('蘋果'), undefined);
    assert.equal(lookup(''), undefined);
  });
});

describe('userDictionary', () => {
  test('jieba lines "word freq tag", in Simplified', () => {
    const lines = userDictionary().split('\n');
    assert.ok(lines.length > 500);
    for (const line of lines) {
      const [word, freq, tag, ...rest] = line.split(' ');
      assert.equal(rest.length, 0, line);
      assert.equal(toSimplified(word as string), word, line);
      if (freq !== undefined && /^\d+$/.test(freq)) assert.ok(Number(freq) >= 1, line);
      assert.ok(tag === undefined || /^[a-z]+$/.test(tag), line);
    }
    assert.ok(lines.some((l) => l.startsWith('上海合作组织 ') && l.endsWith(' nt')));
    // A title made of two lexicon words is left to segment into them.
    assert.ok(!lines.some((l) => l.startsWith('联合国秘书长 ')));
  });
});

describe('loadUserDictionary', () => {
  test('a TSV row adds an entry with forms in both scripts, and its words', () => {
    const loaded = loadUserDictionary(
      '# name\ttype\taliases\tabbr\n\n中亚峰会秘书处\tORG\t中亚秘书处\n',
      'user.tsv',
    );
    assert.deepEqual(loaded, { entries: 1, words: 2 });
    const entry = lookup('中亞峰會秘書處');
    assert.equal(entry?.id, 'ORG:中亚峰会秘书处');
    assert.ok(entry?.forms.includes('中亞秘書處'));
    assert.ok(lexicon().entries.includes(entry as NonNullable<typeof entry>));
    assert.ok(userDictionary().split('\n').includes('中亚峰会秘书处 nt'));
  });

  test('a row for a known id extends that entry', () => {
    loadUserDictionary('俄罗斯\tLOC\t露西亚\n');
    assert.equal(lookup('露西亞')?.id, 'LOC:俄罗斯');
    assert.equal(lexicon().entries.filter((e) => e.id === 'LOC:俄罗斯').length, 1);
  });

  test('jieba lines: word, word freq, word tag, word freq tag; Traditional is simplified', () => {
    const loaded = loadUserDictionary(
      '澜湄周\n湄公河論壇 nz\n澜湄基金 300\n澜湄水资源中心 50 nt\n',
    );
    assert.deepEqual(loaded, { entries: 0, words: 4 });
    const lines = userDictionary().split('\n');
    for (const line of ['澜湄周', '湄公河论坛 nz', '澜湄基金 300', '澜湄水资源中心 50 nt']) {
      assert.ok(lines.includes(line), line);
    }
  });

  test('a bad line throws a DictionaryError naming the source and line; nothing loads', () => {
    const before = lexicon().entries.length;
    assert.throws(
      () => loadUserDictionary('甲组织\tORG\n乙\tPLACE\n', 'mine.tsv'),
      (err: unknown) =>
        err instanceof DictionaryError &&
        err.line === 2 &&
        /^mine\.tsv:2: unknown type/.test(err.message),
    );
    assert.throws(() => loadUserDictionary('词 12 n extra'), DictionaryError);
    assert.throws(() => loadUserDictionary('词 n 12'), DictionaryError);
    assert.throws(() => loadUserDictionary('甲\tLOC\t\t甲乙'), /not one character/);
    assert.equal(lexicon().entries.length, before);
    assert.equal(lookup('甲组织'), undefined);
  });

  test('a wrong argument is a TypeError', () => {
    assert.throws(() => loadUserDictionary(undefined as unknown as string), TypeError);
  });
});
