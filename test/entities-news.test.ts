import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { entities } from '../src/annotate/index.ts';
import { toSimplified } from '../src/normalize/index.ts';

/**
 * Entities of news pages as the annotation guidelines define them: credit lines, outlets,
 * courts and parties, landmarks, generic bodies, organisations inside job titles, fullest
 * names. Every sentence is composed for this test, in Traditional; each case is checked in
 * Simplified too.
 */

type Found = { type: string; text: string; canonical: string }[];

function found(text: string): Found {
  return entities(text).map((e) => ({ type: e.type, text: e.text, canonical: e.canonical }));
}

/** `TYPE:surface` of every entity found. */
function surfaces(text: string): string[] {
  return found(text).map((e) => `${e.type}:${e.text}`);
}

interface Case {
  text: string;
  /** `TYPE:surface` that must be found. */
  has: string[];
  /** `TYPE:surface` (or a bare surface, any type) that must not be. */
  not?: string[];
  why: string;
}

function check(cases: readonly Case[]): void {
  for (const c of cases) {
    for (const [script, text, conv] of [
      ['Traditional', c.text, (s: string) => s],
      ['Simplified', toSimplified(c.text), toSimplified],
    ] as const) {
      it(`${c.why} (${script})`, () => {
        const got = surfaces(text);
        for (const h of c.has) assert.ok(got.includes(conv(h)), `${conv(h)} in ${got.join(' ')}`);
        for (const n of c.not ?? []) {
          const bad = conv(n);
          const hit = got.some((g) => g === bad || g.slice(g.indexOf(':') + 1) === bad);
          assert.ok(!hit, `${bad} not in ${got.join(' ')}`);
        }
      });
    }
  }
}

describe('credits and datelines', () => {
  check([
    {
      text: '（中央社記者林國棟高雄3日電）市府今天宣布新措施。',
      has: ['PER:林國棟', 'LOC:高雄'],
      not: ['林國棟高雄'],
      why: 'a dateline: the reporter, then the place',
    },
    {
      text: '（本報記者陳美玲、張志強台中12日電）選情升溫。',
      has: ['PER:陳美玲', 'PER:張志強', 'LOC:台中'],
      not: ['張志強台中'],
      why: 'two reporters before the place',
    },
    {
      text: '市府今天宣布新措施。（編輯：吳秀蘭）1140203',
      has: ['PER:吳秀蘭'],
      why: 'an editor line with its date code',
    },
    {
      text: '旅客滯留機場。（編輯：黃志明/蔡佩君）1140203',
      has: ['PER:黃志明', 'PER:蔡佩君'],
      why: 'two editors',
    },
    {
      text: '示威者在廣場集會。何家豪攝\n警方其後封路。',
      has: ['PER:何家豪'],
      why: 'a photo credit closing a caption',
    },
    {
      text: '他拍攝的照片引起討論。',
      has: [],
      not: ['PER:他拍'],
      why: 'not a photo credit: 攝 inside a word',
    },
  ]);
});

describe('outlets, courts and parties', () => {
  check([
    {
      text: '請加入成為眾新聞的月費訂戶。',
      has: ['ORG:眾新聞'],
      why: 'an outlet in a footer',
    },
    {
      text: '北院今天裁定延長羈押，民眾黨表示不服，將向高院抗告。',
      has: ['ORG:北院', 'ORG:民眾黨', 'ORG:高院'],
      why: 'short names of Taiwan courts and a party',
    },
    {
      text: '大律師公會發表聲明，譴責破壞終審法院的行為。',
      has: ['ORG:大律師公會', 'ORG:終審法院'],
      why: 'a professional body and a court in Hong Kong',
    },
  ]);
});

describe('landmarks and generic bodies', () => {
  check([
    {
      text: '國家主席在中南海紫光閣會見外賓。',
      has: ['LOC:中南海', 'LOC:紫光閣'],
      not: ['LOC:南海'],
      why: 'landmarks, not the sea inside one',
    },
    {
      text: '特區政府和港府官員出席，香港特別行政區政府發言人表示歡迎。',
      has: [],
      not: ['特區政府', '港府', '香港特別行政區政府'],
      why: 'a government named generically is no entity',
    },
  ]);
});
