// Counting instants in a window of a sorted list, by binary search: the near-miss and flapping
// detectors ask it once per minute judged, over weeks of history.

/** Index of the first value > x. */
export function upperBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? Number.POSITIVE_INFINITY) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Count of sorted values in (lo, hi]. */
export function countIn(sorted: readonly number[], lo: number, hi: number): number {
  return upperBound(sorted, hi) - upperBound(sorted, lo);
}
