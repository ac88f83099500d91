import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { describe, test } from 'node:test';
import { DecodeError, decode } from '../src/decode/index.ts';
import type { Encoding } from '../src/tree/types.ts';
import { encodeBig5, encodeGb18030, encodeUtf8, encodeUtf16 } from './helpers/encode.ts';

const TRADITIONAL = [
  '香港特區政府昨日公布新一輪經濟發展計劃',
  '本報訊 香港特區政府昨日公布新一輪經濟發展計劃，財政司司長表示，面對外圍環境變化，政府會繼續與業界合作，推動創新科技及金融服務發展。他指出，今年首季本地生產總值按年增長百分之二點七，反映經濟穩步復甦，但中美關係及環球利率走勢仍然充滿不確定因素，市民不宜掉以輕心。',
  '',
  '記者了解到，新計劃涵蓋交通、房屋及醫療三大範疇。運輸及物流局局長在記者會上說，北部都會區的鐵路工程將提前展開，預計可為區內居民節省大量交通時間。有立法會議員認為，計劃方向正確，但當局必須交代資金來源，並追溯過往工程超支的原因。',
  '',
  '另一方面，多名商界人士對前景看法審慎樂觀。一名從事進出口貿易多年的老闆說：「我們和內地夥伴合作了二十多年，關係一向篤厚。只要兩地往來暢順，生意自然會好轉。」不過，亦有學者提醒，全球供應鏈重組帶來衝擊，中小企業應及早部署，加強風險管理。',
  '●圖為維多利亞港夜景。 網上圖片',
].join('\n');

const SIMPLIFIED = [
  '上半年经济运行总体平稳',
  '新华社北京电 国家统计局今天发布数据显示，上半年全国规模以上工业增加值同比增长百分之五点三，社会消费品零售总额稳步回升，就业形势总体稳定。专家认为，随着一系列稳增长政策持续发力，经济运行呈现向好态势。',
  '',
  '记者在多个城市走访时看到，商场和餐馆的客流明显增加，不少企业正加紧招聘。一家制造企业负责人说：“订单比去年同期多了三成，我们正忙着扩大生产线。”与此同时，部分地区的房地产市场仍在调整，有关部门表示将因城施策，支持居民合理住房需求。',
  '',
  '分析人士指出，外部环境依然复杂严峻，世界经济复苏乏力，贸易保护主义抬头，对出口造成一定冲击。下一阶段，要坚持稳中求进工作总基调，着力扩大国内需求，推动科技创新和产业升级，确保全年目标任务顺利完成。',
  '（来源：新华网）',
].join('\n');

const LINE_ENDS = { lf: '\n', crlf: '\r\n', cr: '\r' } as const;

function withLineEnd(text: string, end: string): string {
  return text.replaceAll('\n', end);
}

type Encoder = (text: string) => Uint8Array;
type ScriptName = 'traditional' | 'simplified';

const TEXTS: Record<ScriptName, string> = { traditional: TRADITIONAL, simplified: SIMPLIFIED };
const BOTH: ScriptName[] = ['traditional', 'simplified'];

interface Case {
  name: string;
  encoding: Encoding;
  bom: boolean;
  encode: Encoder;
  /** Big5 cannot hold Simplified text. */
  scripts: ScriptName[];
}

function utf8(bom: boolean): Encoder {
  return (text) => encodeUtf8(text, bom);
}

function utf16(order: 'le' | 'be', bom: boolean): Encoder {
  return (text) => encodeUtf16(text, order, bom);
}

const CASES: Case[] = [
  { name: 'UTF-8', encoding: 'utf-8', bom: false, encode: utf8(false), scripts: BOTH },
  { name: 'UTF-8 + BOM', encoding: 'utf-8', bom: true, encode: utf8(true), scripts: BOTH },
  { name: 'UTF-16LE', encoding: 'utf-16le', bom: false, encode: utf16('le', false), scripts: BOTH },
  {
    name: 'UTF-16LE + BOM',
    encoding: 'utf-16le',
    bom: true,
    encode: utf16('le', true),
    scripts: BOTH,
  },
  { name: 'UTF-16BE', encoding: 'utf-16be', bom: false, encode: utf16('be', false), scripts: BOTH },
  {
    name: 'UTF-16BE + BOM',
    encoding: 'utf-16be',
    bom: true,
    encode: utf16('be', true),
    scripts: BOTH,
  },
  { name: 'Big5', encoding: 'big5', bom: false, encode: encodeBig5, scripts: ['traditional'] },
  { name: 'GB18030', encoding: 'gb18030', bom: false, encode: encodeGb18030, scripts: BOTH },
];

/** Deterministic pseudo-random bytes (a linear congruential generator). */
function randomBytes(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let state = seed >>> 0;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    out[i] = state >>> 24;
  }
  return out;
}

function insertByte(bytes: Uint8Array, at: number, byte: number): Uint8Array {
  const out = new Uint8Array(bytes.length + 1);
  out.set(bytes.subarray(0, at));
  out[at] = byte;
  out.set(bytes.subarray(at), at + 1);
  return out;
}

/** Offset just after the n-th line feed: a character boundary in every byte encoding. */
function afterLine(bytes: Uint8Array, n: number): number {
  let seen = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a && ++seen === n) return i + 1;
  }
  throw new Error('not enough lines');
}

function assertDecodeError(fn: () => unknown, path: string | undefined, offset?: number) {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof DecodeError, `expected a DecodeError, got ${String(caught)}`);
  assert.equal(caught.path, path);
  assert.ok(caught.message.startsWith(`${path ?? '<input>'}: `), caught.message);
  assert.ok(caught.message.includes(`byte offset ${caught.offset}`), caught.message);
  assert.ok(caught.offset >= 0);
  if (offset !== undefined) assert.equal(caught.offset, offset, caught.message);
  return caught;
}

describe('decode: round trips of news text', () => {
  for (const c of CASES) {
    for (const script of c.scripts) {
      for (const [endName, end] of Object.entries(LINE_ENDS)) {
        test(`${c.name}, ${script}, ${endName}`, () => {
          const text = withLineEnd(TEXTS[script], end);
          const decoded = decode(c.encode(text), { path: 'news.txt' });
          assert.equal(decoded.encoding, c.encoding);
          assert.equal(decoded.bom, c.bom);
          assert.equal(decoded.text, text);
          if (c.bom) assert.equal(decoded.confidence, 1);
          else assert.ok(decoded.confidence > 0.9, `confidence ${decoded.confidence}`);
          assert.ok(decoded.confidence <= 1);
        });
      }
    }
  }

  test('Traditional text in GB18030 is GB18030', () => {
    const decoded = decode(encodeGb18030(TRADITIONAL));
    assert.equal(decoded.encoding, 'gb18030');
    assert.equal(decoded.text, TRADITIONAL);
  });

  test('line ends survive: CRLF and CR stay as they are', () => {
    const text = '第一行\r\n第二行\r第三行\n';
    for (const bytes of [encodeBig5(text), encodeGb18030(text), encodeUtf16(text, 'le', false)]) {
      assert.equal(decode(bytes).text, text);
    }
  });

  test('long input: sampled detection over several hundred KB', () => {
    const big5 = encodeBig5(`${withLineEnd(TRADITIONAL, '\r\n')}\r\n`.repeat(600));
    const gb = encodeGb18030(`${SIMPLIFIED}\n`.repeat(600));
    assert.ok(big5.length > 300_000 && gb.length > 300_000);
    const b = decode(big5);
    assert.equal(b.encoding, 'big5');
    assert.ok(b.confidence >= 0.99);
    assert.equal(decode(gb).encoding, 'gb18030');
  });

  test('characters GBK lacks go through GB18030 four-byte codes', () => {
    const text = '中文「€」與𠀀字、😀、ä';
    const decoded = decode(encodeGb18030(text), { encoding: 'gb18030' });
    assert.equal(decoded.text, text);
  });
});

describe('decode: short inputs', () => {
  const big5Lines = ['香港特區政府今日宣布', '立法會昨日通過議案', '警方拘捕兩名男子'];
  const gbLines = ['今天全国多地迎来降雨', '国务院召开常务会议', '记者从有关部门获悉'];
  for (const line of big5Lines) {
    test(`Big5: ${line}`, () => {
      const decoded = decode(encodeBig5(line));
      assert.equal(decoded.encoding, 'big5');
      assert.equal(decoded.text, line);
    });
  }
  for (const line of gbLines) {
    test(`GB18030: ${line}`, () => {
      const decoded = decode(encodeGb18030(line));
      assert.equal(decoded.encoding, 'gb18030');
      assert.equal(decoded.text, line);
    });
  }

  test('UTF-16 without BOM holding only ASCII is found by its zero bytes', () => {
    const text = 'Plain English, saved as UTF-16.\r\nSecond line.\r';
    for (const order of ['le', 'be'] as const) {
      const decoded = decode(encodeUtf16(text, order, false));
      assert.equal(decoded.encoding, `utf-16${order}`);
      assert.equal(decoded.text, text);
    }
  });

  test('UTF-16 without BOM and without any ASCII is found by its characters', () => {
    const line = '國家統計局今日公布數據，經濟穩步增長。';
    for (const order of ['le', 'be'] as const) {
      const decoded = decode(encodeUtf16(line, order, false));
      assert.equal(decoded.encoding, `utf-16${order}`);
      assert.equal(decoded.text, line);
    }
  });

  test('pure ASCII is UTF-8 with confidence 1', () => {
    const text = 'Hong Kong, 1 July (Xinhua)\r\nThe text is plain ASCII.\r';
    assert.deepEqual(decode(new TextEncoder().encode(text)), {
      text,
      encoding: 'utf-8',
      confidence: 1,
      bom: false,
    });
  });

  test('empty input is empty UTF-8 text', () => {
    assert.deepEqual(decode(new Uint8Array(0)), {
      text: '',
      encoding: 'utf-8',
      confidence: 1,
      bom: false,
    });
  });

  test('a BOM alone is empty text', () => {
    assert.deepEqual(decode(Uint8Array.of(0xef, 0xbb, 0xbf)), {
      text: '',
      encoding: 'utf-8',
      confidence: 1,
      bom: true,
    });
  });
});

describe('decode: forced encoding', () => {
  test('the caller’s encoding is used even when detection would say otherwise', () => {
    const bytes = encodeBig5(TRADITIONAL);
    const decoded = decode(bytes, { encoding: 'gb18030' });
    assert.equal(decoded.encoding, 'gb18030');
    assert.equal(decoded.confidence, 1);
    assert.equal(decoded.text, new TextDecoder('gb18030').decode(bytes));
  });

  test('a forced encoding strips its own BOM', () => {
    const decoded = decode(encodeUtf16(SIMPLIFIED, 'be', true), { encoding: 'utf-16be' });
    assert.equal(decoded.text, SIMPLIFIED);
    assert.equal(decoded.bom, true);
  });

  test('bytes invalid in the forced encoding throw with the offset', () => {
    const bytes = encodeBig5(TRADITIONAL);
    const error = assertDecodeError(
      () => decode(bytes, { path: 'a.txt', encoding: 'utf-8' }),
      'a.txt',
      0,
    );
    assert.match(error.reason, /utf-8/);
  });
});

describe('decode: not text', () => {
  test('a PNG-like header with NUL bytes is binary', () => {
    const png = Uint8Array.from(
      Buffer.from('89504e470d0a1a0a0000000d494844520000010000000100080600', 'hex'),
    );
    const error = assertDecodeError(() => decode(png, { path: 'photo.png' }), 'photo.png', 8);
    assert.match(error.message, /binary/);
  });

  test('without a path the message says <input>', () => {
    assertDecodeError(() => decode(Uint8Array.of(0x41, 0x00, 0x42, 0x43, 0x00)), undefined, 1);
  });

  test('NUL bytes in otherwise good Big5 text are binary', () => {
    const bytes = encodeBig5(TRADITIONAL);
    const at = afterLine(bytes, 2);
    assertDecodeError(() => decode(insertByte(bytes, at, 0), { path: 'x.txt' }), 'x.txt', at);
  });

  for (const seed of [1, 2, 3]) {
    test(`random bytes are rejected (seed ${seed})`, () => {
      assertDecodeError(() => decode(randomBytes(4096, seed), { path: 'r.bin' }), 'r.bin');
    });
    test(`random bytes without NULs are rejected (seed ${seed})`, () => {
      const bytes = randomBytes(4096, seed).map((b) => (b === 0 ? 1 : b));
      assertDecodeError(() => decode(bytes, { path: 'r.bin' }), 'r.bin');
    });
  }

  test('random high bytes (no controls, no NULs) are rejected', () => {
    const bytes = randomBytes(4096, 9).map((b) => 0x80 | b);
    assertDecodeError(() => decode(bytes, { path: 'h.bin' }), 'h.bin');
  });

  test('with strict, a byte invalid in every encoding is reported where Big5 fails', () => {
    const bytes = encodeBig5(TRADITIONAL);
    const at = afterLine(bytes, 3) + 10;
    const error = assertDecodeError(
      () => decode(insertByte(bytes, at, 0xff), { path: 'b.txt', strict: true }),
      'b.txt',
      at,
    );
    assert.match(error.reason, /big5/);
    // Not strict: the page is read, the byte counted where it is.
    const lenient = decode(insertByte(bytes, at, 0xff), { path: 'b.txt' });
    assert.equal(lenient.encoding, 'big5');
    assert.deepEqual(lenient.replaced, { count: 1, offset: at });
  });

  test('with strict, a byte invalid in every encoding is reported where GB18030 fails', () => {
    const bytes = encodeGb18030(SIMPLIFIED);
    const at = afterLine(bytes, 1) + 6;
    const error = assertDecodeError(
      () => decode(insertByte(bytes, at, 0xff), { path: 'g.txt', strict: true }),
      'g.txt',
      at,
    );
    assert.match(error.reason, /gb18030/);
  });

  test('with strict, a corrupt byte in UTF-8 text is reported where UTF-8 fails', () => {
    const bytes = encodeUtf8(SIMPLIFIED);
    const at = afterLine(bytes, 3) + 3;
    const error = assertDecodeError(
      () => decode(insertByte(bytes, at, 0xff), { path: 'u.txt', strict: true }),
      'u.txt',
      at,
    );
    assert.match(error.reason, /utf-8/);
  });

  test('with strict, Big5 text cut inside its last character fails at that character', () => {
    const bytes = encodeBig5(TRADITIONAL);
    const cut = bytes.subarray(0, bytes.length - 1);
    const error = assertDecodeError(
      () => decode(cut, { path: 'c.txt', strict: true }),
      'c.txt',
      cut.length - 1,
    );
    assert.match(error.reason, /big5/);
    assertDecodeError(
      () => decode(cut, { encoding: 'big5', strict: true }),
      undefined,
      cut.length - 1,
    );
  });

  test('with strict, bytes Node’s Big5 decoder lets through (0x80, 0xFF, lead 0x81) are invalid Big5', () => {
    const bytes = encodeBig5(TRADITIONAL);
    const at = afterLine(bytes, 1);
    for (const bad of [[0x80], [0xff], [0x81, 0x40]]) {
      const broken = new Uint8Array([...bytes.subarray(0, at), ...bad, ...bytes.subarray(at)]);
      assertDecodeError(() => decode(broken, { encoding: 'big5', strict: true }), undefined, at);
    }
  });

  test('16-bit binary samples with NULs on both sides are not UTF-16', () => {
    const samples = Int16Array.from({ length: 2000 }, (_, i) => Math.round(300 * Math.sin(i / 10)));
    assertDecodeError(
      () => decode(new Uint8Array(samples.buffer), { path: 'pcm.raw' }),
      'pcm.raw',
      0,
    );
  });

  test('Latin-1 text is not read as Chinese', () => {
    const latin1 = Uint8Array.from(Buffer.from('café naïve, déjà vu\n', 'latin1'));
    const error = assertDecodeError(() => decode(latin1, { path: 'l.txt' }), 'l.txt', 3);
    assert.match(error.reason, /does not read as Chinese/);
  });

  test('a UTF-16 BOM on binary data does not make it text', () => {
    const bytes = Uint8Array.of(0xff, 0xfe, 0x41, 0x00, 0x00, 0x00, 0x42, 0x00);
    assertDecodeError(() => decode(bytes, { path: 'w.bin' }), 'w.bin', 4);
  });
});

describe('Big5 as Hong Kong writes it (HKSCS)', () => {
  test('decodes Hong Kong characters that plain Big5 lacks', () => {
    const text = '特區政府表示，新綫路將於下月通車，衞生署呼籲市民注意，嘅字亦可讀出。';
    const decoded = decode(encodeBig5(text), { path: 'hk.txt' });
    assert.equal(decoded.encoding, 'big5');
    assert.equal(decoded.text, text);
  });
});
