import OpenCC from 'opencc-js';

/**
 * The only file that touches opencc-js. Converters are built on first use (building one
 * loads its dictionaries into tries, which takes tens of milliseconds) and then cached.
 */

/** A plain string-to-string conversion. */
export type Convert = (text: string) => string;

/** Conversions jiedu uses: Hong Kong Traditional → Simplified, and Simplified → the Hong
 * Kong and Taiwan standards. */
export type Direction = 'hk-to-cn' | 'cn-to-hk' | 'cn-to-tw';

const OPTIONS: Record<Direction, { from: string; to: string }> = {
  'hk-to-cn': { from: 'hk', to: 'cn' },
  'cn-to-hk': { from: 'cn', to: 'hk' },
  'cn-to-tw': { from: 'cn', to: 'tw' },
};

const cache = new Map<Direction, Convert>();

/** The opencc-js converter for `direction`, built lazily and cached. */
export function openccConverter(direction: Direction): Convert {
  const cached = cache.get(direction);
  if (cached !== undefined) return cached;
  // opencc-js's bundled types do not resolve under NodeNext; pin the shape we rely on.
  const convert: Convert = OpenCC.Converter(OPTIONS[direction]);
  cache.set(direction, convert);
  return convert;
}
