// Half-open interval helpers shared by the maintenance and shift calendars.

/** Half-open [start, end) in epoch ms. */
export interface Interval {
  start: number;
  end: number;
}

/**
 * Clips each interval to [from, to), drops the empty ones, sorts and merges overlapping or touching
 * ones (touching windows are one continuous stretch of maintenance for the KPIs).
 */
export function clipAndMerge(intervals: readonly Interval[], from: number, to: number): Interval[] {
  const clipped = intervals
    .map((i) => ({ start: Math.max(i.start, from), end: Math.min(i.end, to) }))
    .filter((i) => i.end > i.start)
    .sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const i of clipped) {
    const last = out[out.length - 1];
    if (last !== undefined && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else out.push({ ...i });
  }
  return out;
}
