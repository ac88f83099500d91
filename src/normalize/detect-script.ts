import type { Script } from '../tree/types.ts';
import { convertPieces, sameShape } from './convert-pieces.ts';
import { type Convert, openccConverter } from './convert-script.ts';
import { isHan } from './is-han.ts';
import { sampleText } from './sample-text.ts';
import { simplifyPiece } from './simplify-piece.ts';

/** How much of the text is looked at. */
const SAMPLE_UNITS = 20_000;
/** The smaller script makes a text `mixed` when it has at least this many characters… */
const MIXED_MIN = 3;
/** …and at least this share of all the evidence. */
const MIXED_SHARE = 0.15;

/**
 * Which script a text is written in. A sample of the text is converted both ways: Han
 * characters that change under Traditional→Simplified are Traditional evidence, those that
 * change under Simplified→Traditional are Simplified evidence. Text without Han characters,
 * or with only characters both scripts share, is `unknown`.
 */
export function detectScript(text: string): Script {
  const sample = sampleText(text, SAMPLE_UNITS);
  const traditional = countChanged(sample, simplifyPiece);
  const simplified = countChanged(sample, traditionalizeStrictly);
  return decideScript(traditional, simplified);
}

/**
 * Simplified → Traditional keeping only the changes both the Hong Kong and the Taiwan
 * standard make. Characters one region writes as they are (台, 群, 峰, 床, 着 in Hong Kong)
 * are not Simplified evidence, though opencc-js's default Traditional would change them.
 */
function traditionalizeStrictly(text: string): string {
  const hk = openccConverter('cn-to-hk')(text);
  if (hk === text) return text;
  const tw = openccConverter('cn-to-tw')(text);
  if (!sameShape(text, hk) || !sameShape(text, tw)) return hk;
  let out = '';
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (hk.charCodeAt(i) !== c && tw.charCodeAt(i) !== c) {
      out += text.slice(last, i) + hk[i];
      last = i + 1;
    }
  }
  return last === 0 ? text : out + text.slice(last);
}

/** The verdict from the two evidence counts. */
export function decideScript(traditional: number, simplified: number): Script {
  const total = traditional + simplified;
  if (total === 0) return 'unknown';
  const minority = Math.min(traditional, simplified);
  if (minority >= MIXED_MIN && minority / total >= MIXED_SHARE) return 'mixed';
  // A tie of a few characters goes to Traditional: Simplified evidence is the noisier kind
  // (游, 占, 范, 周 are Traditional characters too), while Simplified text gives almost no
  // Traditional evidence.
  return traditional >= simplified ? 'traditional' : 'simplified';
}

/** Han characters of `text` that `convert` changes; a chunk that changes length counts once. */
function countChanged(text: string, convert: Convert): number {
  let count = 0;
  convertPieces(text, convert, {
    same(out, from) {
      if (out === text.slice(from, from + out.length)) return;
      for (let k = 0; k < out.length; ) {
        const cp = text.codePointAt(from + k) ?? 0;
        const width = cp > 0xffff ? 2 : 1;
        const changed =
          out.charCodeAt(k) !== text.charCodeAt(from + k) ||
          (width === 2 && out.charCodeAt(k + 1) !== text.charCodeAt(from + k + 1));
        if (changed && isHan(cp)) count++;
        k += width;
      }
    },
    whole(out, from, to) {
      const source = text.slice(from, to);
      if (out !== source && hasHan(source)) count++;
    },
  });
  return count;
}

function hasHan(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i) ?? 0;
    if (isHan(cp)) return true;
    if (cp > 0xffff) i++;
  }
  return false;
}
