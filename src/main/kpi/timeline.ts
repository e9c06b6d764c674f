// The KPI timeline vocabulary (spec §3): time classes, class totals and the interval helpers
// `covers` and `mergeIntervals`. The timelines themselves (states, maintenance overlay, line sweep,
// totals) are built in packed-timeline.ts on typed arrays, with no object per segment.
import type { Interval } from '../calendar';

export type EndpointStateName = 'unknown' | 'up' | 'down';

/** Milliseconds per class. */
export interface ClassTotals {
  up: number;
  down: number;
  maintenance: number;
  unknown: number;
}

/** Whether `ts` lies inside one of the sorted, disjoint half-open `intervals` (binary search). */
export function covers(intervals: readonly Interval[], ts: number): boolean {
  let lo = 0;
  let hi = intervals.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const iv = intervals[mid];
    if (iv === undefined) return false;
    if (ts < iv.start) hi = mid - 1;
    else if (ts >= iv.end) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Sorts and merges overlapping or touching intervals. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const iv of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && iv.start <= last.end) last.end = Math.max(last.end, iv.end);
    else out.push({ ...iv });
  }
  return out;
}
