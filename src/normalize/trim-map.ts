/** Shortens an offset map to `length` slots; copies only when much of it would be wasted. */
export function trimMap(map: Int32Array, length: number): Int32Array {
  if (length === map.length) return map;
  return length >= map.length - (map.length >> 3) ? map.subarray(0, length) : map.slice(0, length);
}
