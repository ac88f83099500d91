import type { Encoding } from '../tree/types.ts';
import { big5Boundary, decodeBig5 } from './big5-hkscs.ts';
import {
  CLASS_COMMON,
  CLASS_CONTROL,
  CLASS_COUNT,
  CLASS_HAN,
  CLASS_REPLACEMENT,
  CLASS_SKIP,
  CLASS_WEIGHTS,
  classifyChars,
} from './classify-chars.ts';
import type { Span } from './pick-sample.ts';

/** How plausible one decoding of the sample is as Chinese text. */
export interface Score {
  encoding: Encoding;
  /** Sum of the class weights of the decoded characters: higher is more plausible. */
  sum: number;
  /** Characters decoded (surrogate pairs count once). */
  chars: number;
  /** Characters in the common table, and other CJK ideographs. */
  common: number;
  han: number;
  /** Control characters and U+FFFD. */
  broken: number;
}

const counts = new Int32Array(CLASS_COUNT);

/**
 * Decodes each span of the sample leniently (invalid sequences become U+FFFD, a character cut
 * at the end of a span is left out) and scores the characters by class.
 */
export function scoreDecoding(
  bytes: Uint8Array,
  spans: readonly Span[],
  encoding: Encoding,
): Score {
  const classes = classifyChars();
  counts.fill(0);
  for (const [start, end] of spans) {
    const text =
      encoding === 'big5'
        ? decodeBig5(bytes.subarray(start, big5Boundary(bytes, start, end)))
        : new TextDecoder(encoding, { fatal: false, ignoreBOM: true }).decode(
            bytes.subarray(start, end),
            { stream: true },
          );
    for (let i = 0; i < text.length; i++) {
      const cls = classes[text.charCodeAt(i)] as number;
      counts[cls] = (counts[cls] as number) + 1;
    }
  }
  let sum = 0;
  let chars = 0;
  for (let cls = 0; cls < CLASS_COUNT; cls++) {
    const n = counts[cls] as number;
    sum += n * (CLASS_WEIGHTS[cls] as number);
    if (cls !== CLASS_SKIP) chars += n;
  }
  return {
    encoding,
    sum,
    chars,
    common: counts[CLASS_COMMON] as number,
    han: counts[CLASS_HAN] as number,
    broken: (counts[CLASS_CONTROL] as number) + (counts[CLASS_REPLACEMENT] as number),
  };
}

/** Fewer ideographs than this and the common-character share is not judged. */
const MIN_IDEOGRAPHS = 20;
/** Real Chinese text has far more; random ideographs about 3%. */
const MIN_COMMON_SHARE = 0.12;
/** Below this average weight per character the decoding is garbage. */
const MIN_AVERAGE = 0;
/** More broken characters than this share and the decoding is not text. */
const MAX_BROKEN_SHARE = 0.01;

/** Whether a scored decoding could be real text at all. */
export function isPlausible(score: Score): boolean {
  if (score.chars === 0) return true;
  if (score.sum / score.chars < MIN_AVERAGE) return false;
  if (score.broken > 1 && score.broken > score.chars * MAX_BROKEN_SHARE) return false;
  const ideographs = score.common + score.han;
  return ideographs < MIN_IDEOGRAPHS || score.common >= ideographs * MIN_COMMON_SHARE;
}
