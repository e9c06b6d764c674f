// Interval arithmetic for the KPIs (spec §3): class timelines that tile a span exactly, the
// maintenance overlay, the line sweep and class totals. Everything works on sorted boundaries in
// integer epoch ms, so a 90-day window costs O(changes + windows), never a per-second loop.
// computeReport uses the typed-array twins in packed-timeline.ts (no object per segment); these
// object-based forms remain the readable reference, with `covers` and `mergeIntervals` shared.
import type { Interval } from '../calendar';

export type TimeClass = 'up' | 'down' | 'maintenance' | 'unknown';
export type EndpointStateName = 'unknown' | 'up' | 'down';

/** [start, end) in epoch ms with one time class. Lists of segments are sorted and contiguous. */
export interface Segment {
  start: number;
  end: number;
  cls: TimeClass;
}

/** Milliseconds per class. */
export interface ClassTotals {
  up: number;
  down: number;
  maintenance: number;
  unknown: number;
}

export const emptyTotals = (): ClassTotals => ({ up: 0, down: 0, maintenance: 0, unknown: 0 });

/** Appends [start, end) with `cls`, merging with the previous segment when contiguous and equal. */
function push(out: Segment[], cls: TimeClass, start: number, end: number): void {
  if (end <= start) return;
  const last = out[out.length - 1];
  if (last !== undefined && last.cls === cls && last.end === start) last.end = end;
  else out.push({ start, end, cls });
}

/**
 * An endpoint's state timeline tiling [lo, hi). Spec §3 "Segments": each change holds until the
 * next one; the last holds until `lastEnd` (last check + interval, or now while live); time before
 * the first change and after `lastEnd` is unknown, and so is time in 'unknown' rows (gap starts).
 */
export function stateSegments(
  changes: readonly { state: EndpointStateName; since: number }[],
  lastEnd: number,
  lo: number,
  hi: number,
): Segment[] {
  const out: Segment[] = [];
  let cursor = lo;
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i];
    if (change === undefined) continue;
    const end = changes[i + 1]?.since ?? lastEnd;
    const start = Math.max(change.since, cursor);
    const stop = Math.min(end, hi);
    if (stop <= start) continue;
    push(out, 'unknown', cursor, start);
    push(out, change.state, start, stop);
    cursor = stop;
  }
  push(out, 'unknown', cursor, hi);
  return out;
}

/**
 * Spec §3 "Maintenance": any time inside a maintenance window is `maintenance`, whatever the state.
 * `windows` must be sorted and disjoint (the calendar's merged windows are).
 */
export function overlayMaintenance(segments: readonly Segment[], windows: readonly Interval[]): Segment[] {
  if (windows.length === 0) return segments.map((s) => ({ ...s }));
  const out: Segment[] = [];
  let j = 0;
  for (const seg of segments) {
    let t = seg.start;
    while (t < seg.end) {
      while (j < windows.length && (windows[j]?.end ?? Infinity) <= t) j++;
      const w = windows[j];
      if (w === undefined || w.start >= seg.end) {
        push(out, seg.cls, t, seg.end);
        break;
      }
      if (w.start > t) push(out, seg.cls, t, w.start);
      const stop = Math.min(w.end, seg.end);
      push(out, 'maintenance', Math.max(t, w.start), stop);
      t = stop;
    }
  }
  return out;
}

/** Time per class of `segments` inside [from, to). */
export function classTotals(segments: readonly Segment[], from: number, to: number): ClassTotals {
  return totalsWithin(segments, [{ start: from, end: to }]);
}

/** Time per class of `segments` inside the sorted, disjoint `intervals` (shift occurrences). */
export function totalsWithin(segments: readonly Segment[], intervals: readonly Interval[]): ClassTotals {
  const totals = emptyTotals();
  let i = 0;
  for (const iv of intervals) {
    while (i < segments.length && (segments[i]?.end ?? Infinity) <= iv.start) i++;
    for (let k = i; k < segments.length; k++) {
      const seg = segments[k];
      if (seg === undefined || seg.start >= iv.end) break;
      const overlap = Math.min(seg.end, iv.end) - Math.max(seg.start, iv.start);
      if (overlap > 0) totals[seg.cls] += overlap;
    }
  }
  return totals;
}

// Line sweep events packed as time * 8 + code in one Float64Array: a numeric typed-array sort is
// far cheaper than sorting objects, and ms timestamps * 8 stay exact integers (< 2^53).
const CODE_OF: Record<TimeClass, number> = { up: -1, down: 0, maintenance: 1, unknown: 2 };

/**
 * The line's class timeline over [lo, hi) from its critical endpoints' class timelines (each tiling
 * [lo, hi)). Spec §3 "Line state": down if any is down, else maintenance if any is in maintenance,
 * else unknown if any is unknown, else up. No critical endpoint at all means no data: unknown.
 */
export function lineSegments(endpoints: readonly (readonly Segment[])[], lo: number, hi: number): Segment[] {
  const out: Segment[] = [];
  if (endpoints.length === 0) {
    push(out, 'unknown', lo, hi);
    return out;
  }
  let n = 0;
  for (const segs of endpoints) for (const s of segs) if (s.cls !== 'up') n += 2;
  const events = new Float64Array(n);
  let k = 0;
  for (const segs of endpoints) {
    for (const s of segs) {
      const code = CODE_OF[s.cls];
      if (code < 0) continue;
      events[k++] = s.start * 8 + code * 2; // enters the class
      events[k++] = s.end * 8 + code * 2 + 1; // leaves it
    }
  }
  events.sort();
  const counts = [0, 0, 0]; // down, maintenance, unknown
  let t = lo;
  let i = 0;
  while (t < hi) {
    for (; i < n; i++) {
      const ev = events[i] ?? 0;
      const time = Math.floor(ev / 8);
      if (time > t) break;
      const code = ev - time * 8;
      const cls = code >> 1;
      counts[cls] = (counts[cls] ?? 0) + (code & 1 ? -1 : 1);
    }
    const nextEvent = i < n ? Math.floor((events[i] ?? 0) / 8) : hi;
    const next = Math.min(nextEvent, hi);
    const cls: TimeClass =
      (counts[0] ?? 0) > 0
        ? 'down'
        : (counts[1] ?? 0) > 0
          ? 'maintenance'
          : (counts[2] ?? 0) > 0
            ? 'unknown'
            : 'up';
    push(out, cls, t, next);
    t = next;
  }
  return out;
}

/** Maximal runs of `cls` (segments are already merged, so each matching segment is one run). */
export function runsOf(segments: readonly Segment[], cls: TimeClass): Interval[] {
  return segments.filter((s) => s.cls === cls).map((s) => ({ start: s.start, end: s.end }));
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
