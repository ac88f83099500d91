import type { TextView } from '../tree/view.ts';
import { convertPieces, type PieceSink } from './convert-pieces.ts';
import type { Convert } from './convert-script.ts';
import { trimMap } from './trim-map.ts';

/** Collects converted pieces and their offset maps into growing Int32Arrays. */
class MapBuilder implements PieceSink {
  parts: string[] = [];
  starts: Int32Array;
  ends: Int32Array;
  length = 0;

  constructor(capacity: number) {
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
  }

  private reserve(extra: number): void {
    const need = this.length + extra + 1;
    if (need <= this.starts.length) return;
    const size = Math.max(need, this.starts.length * 2);
    const starts = new Int32Array(size);
    const ends = new Int32Array(size);
    starts.set(this.starts.subarray(0, this.length));
    ends.set(this.ends.subarray(0, this.length));
    this.starts = starts;
    this.ends = ends;
  }

  same(out: string, from: number): void {
    this.reserve(out.length);
    const { starts, ends } = this;
    let m = this.length;
    const n = out.length;
    for (let k = 0; k < n; k++) {
      const c = out.charCodeAt(k);
      if (c >= 0xd800 && c <= 0xdbff && k + 1 < n) {
        const d = out.charCodeAt(k + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          // Both halves of a pair map to the whole pair.
          starts[m] = from + k;
          ends[m] = from + k + 2;
          starts[m + 1] = from + k;
          ends[m + 1] = from + k + 2;
          m += 2;
          k++;
          continue;
        }
      }
      starts[m] = from + k;
      ends[m] = from + k + 1;
      m++;
    }
    this.length = m;
    this.parts.push(out);
  }

  whole(out: string, from: number, to: number): void {
    this.reserve(out.length);
    const m = this.length;
    this.starts.fill(from, m, m + out.length);
    this.ends.fill(to, m, m + out.length);
    this.length = m + out.length;
    this.parts.push(out);
  }

  finish(sourceLength: number): TextView {
    const m = this.length;
    this.reserve(0);
    this.starts[m] = sourceLength;
    this.ends[m] = sourceLength;
    const text = this.parts.length === 1 ? (this.parts[0] as string) : this.parts.join('');
    return { text, starts: trimMap(this.starts, m + 1), ends: trimMap(this.ends, m + 1) };
  }
}

/**
 * Converts `text` and maps every unit of the result back into `text`: unit by unit where a
 * piece kept its shape, to the whole chunk where a conversion changed its length.
 */
export function mapConversion(text: string, convert: Convert): TextView {
  const builder = new MapBuilder(text.length + 16);
  convertPieces(text, convert, builder);
  return builder.finish(text.length);
}
