/** A half-open range `[start, end)` of UTF-16 code units in the decoded text. */
export interface Range {
  start: number;
  end: number;
}
