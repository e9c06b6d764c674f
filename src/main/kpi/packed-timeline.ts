// The report's class timelines packed into typed arrays (spec §3 "Segments", "Maintenance", "Line
// state"). A 90-day report over 2,000 endpoints walks ~500 K segments; as one object each they made
// the garbage collector the biggest cost of the report. Here one reused builder holds an endpoint's
// timeline while its totals are taken, and only critical endpoints' timelines (needed for the line
// sweep) and the lines' own are copied out.
import type { Interval } from '../calendar';
import type { ClassTotals, EndpointStateName } from './timeline';

/** Class codes; the line sweep relies on down < maintenance < unknown (its precedence order). */
export const UP = 0;
export const DOWN = 1;
export const MAINTENANCE = 2;
export const UNKNOWN = 3;
type ClassCode = typeof UP | typeof DOWN | typeof MAINTENANCE | typeof UNKNOWN;
const STATE_CODE: Record<EndpointStateName, ClassCode> = { up: UP, down: DOWN, unknown: UNKNOWN };

/** Segment i is [starts[i], starts[i + 1]) with class classes[i]; the last one ends at `end`. */
export interface PackedTimeline {
  readonly length: number;
  readonly starts: Float64Array;
  readonly classes: Uint8Array;
  readonly end: number;
}

const segmentEnd = (t: PackedTimeline, i: number): number =>
  i + 1 < t.length ? (t.starts[i + 1] ?? t.end) : t.end;

/** A growable timeline, reused from endpoint to endpoint so that building one allocates nothing. */
export class TimelineBuilder implements PackedTimeline {
  length = 0;
  starts = new Float64Array(256);
  classes = new Uint8Array(256);
  end = -Infinity;

  reset(): void {
    this.length = 0;
    this.end = -Infinity;
  }

  /** Appends [start, end) (contiguous with what is there), merging with an equal last segment. */
  push(cls: number, start: number, end: number): void {
    if (end <= start) return;
    const n = this.length;
    if (n > 0 && this.classes[n - 1] === cls) {
      this.end = end;
      return;
    }
    if (n === this.starts.length) {
      const starts = new Float64Array(n * 2);
      starts.set(this.starts);
      this.starts = starts;
      const classes = new Uint8Array(n * 2);
      classes.set(this.classes);
      this.classes = classes;
    }
    this.starts[n] = start;
    this.classes[n] = cls;
    this.length = n + 1;
    this.end = end;
  }

  /** An exact-size copy that survives the next reset. */
  snapshot(): PackedTimeline {
    const n = this.length;
    return { length: n, starts: this.starts.slice(0, n), classes: this.classes.slice(0, n), end: this.end };
  }
}

/**
 * An endpoint's state timeline: each change holds until the next one, the last until `lastEnd`; time
 * before the first change, after `lastEnd` and in 'unknown' rows is unknown. Tiles [lo, hi).
 */
export function buildStates(
  out: TimelineBuilder,
  changes: readonly { state: EndpointStateName; since: number }[],
  lastEnd: number,
  lo: number,
  hi: number,
): void {
  out.reset();
  let cursor = lo;
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i];
    if (change === undefined) continue;
    const end = changes[i + 1]?.since ?? lastEnd;
    const start = Math.max(change.since, cursor);
    const stop = Math.min(end, hi);
    if (stop <= start) continue;
    out.push(UNKNOWN, cursor, start);
    out.push(STATE_CODE[change.state], start, stop);
    cursor = stop;
  }
  out.push(UNKNOWN, cursor, hi);
}

/** Maintenance overrides any state (spec §3), written into `out`; `windows` sorted and disjoint. */
export function overlayWindows(
  src: PackedTimeline,
  windows: readonly Interval[],
  out: TimelineBuilder,
): void {
  out.reset();
  let j = 0;
  for (let i = 0; i < src.length; i++) {
    const cls = src.classes[i] ?? UNKNOWN;
    const segEnd = segmentEnd(src, i);
    let t = src.starts[i] ?? segEnd;
    while (t < segEnd) {
      while (j < windows.length && (windows[j]?.end ?? Infinity) <= t) j++;
      const w = windows[j];
      if (w === undefined || w.start >= segEnd) {
        out.push(cls, t, segEnd);
        break;
      }
      if (w.start > t) out.push(cls, t, w.start);
      const stop = Math.min(w.end, segEnd);
      out.push(MAINTENANCE, Math.max(t, w.start), stop);
      t = stop;
    }
  }
}

/** Adds the time per class inside the sorted, disjoint `intervals` to `ms` (indexed by class code). */
function addWithin(t: PackedTimeline, intervals: readonly Interval[], ms: Float64Array): void {
  let i = 0;
  for (const iv of intervals) {
    while (i < t.length && segmentEnd(t, i) <= iv.start) i++;
    for (let k = i; k < t.length; k++) {
      const start = t.starts[k] ?? Infinity;
      if (start >= iv.end) break;
      const overlap = Math.min(segmentEnd(t, k), iv.end) - Math.max(start, iv.start);
      const cls = t.classes[k] ?? UNKNOWN;
      if (overlap > 0) ms[cls] = (ms[cls] ?? 0) + overlap;
    }
  }
}

/** Time per class inside the sorted, disjoint `intervals` (the window, or a shift's occurrences). */
export function packedTotals(t: PackedTimeline, intervals: readonly Interval[]): ClassTotals {
  const ms = new Float64Array(4);
  addWithin(t, intervals, ms);
  return {
    up: ms[UP] ?? 0,
    down: ms[DOWN] ?? 0,
    maintenance: ms[MAINTENANCE] ?? 0,
    unknown: ms[UNKNOWN] ?? 0,
  };
}

/** The maximal down runs (segments are merged, so each down segment is one run). */
export function downRuns(t: PackedTimeline): Interval[] {
  const runs: Interval[] = [];
  for (let i = 0; i < t.length; i++) {
    if (t.classes[i] === DOWN) runs.push({ start: t.starts[i] ?? 0, end: segmentEnd(t, i) });
  }
  return runs;
}

const sweepOut = new TimelineBuilder();

/**
 * The line's timeline over [lo, hi) from its critical endpoints'
 * timelines (each tiling [lo, hi)): down if any is down, else maintenance, else unknown, else up.
 * Events are packed as time * 8 + code in one Float64Array (a numeric sort, no objects); ms
 * timestamps * 8 stay exact integers.
 */
export function lineTimeline(endpoints: readonly PackedTimeline[], lo: number, hi: number): PackedTimeline {
  sweepOut.reset();
  if (endpoints.length === 0) {
    sweepOut.push(UNKNOWN, lo, hi);
    return sweepOut.snapshot();
  }
  let n = 0;
  for (const t of endpoints) for (let i = 0; i < t.length; i++) if (t.classes[i] !== UP) n += 2;
  const events = new Float64Array(n);
  let k = 0;
  for (const t of endpoints) {
    for (let i = 0; i < t.length; i++) {
      const cls = t.classes[i] ?? UP;
      if (cls === UP) continue;
      const code = (cls - 1) * 2; // down 0, maintenance 2, unknown 4; +1 when leaving
      events[k++] = (t.starts[i] ?? 0) * 8 + code;
      events[k++] = segmentEnd(t, i) * 8 + code + 1;
    }
  }
  events.sort();
  const counts = new Int32Array(3); // down, maintenance, unknown
  let time = lo;
  let i = 0;
  while (time < hi) {
    for (; i < n; i++) {
      const ev = events[i] ?? 0;
      const at = Math.floor(ev / 8);
      if (at > time) break;
      const code = ev - at * 8;
      const slot = code >> 1;
      counts[slot] = (counts[slot] ?? 0) + (code & 1 ? -1 : 1);
    }
    const next = Math.min(i < n ? Math.floor((events[i] ?? 0) / 8) : hi, hi);
    const cls = counts[0] ? DOWN : counts[1] ? MAINTENANCE : counts[2] ? UNKNOWN : UP;
    sweepOut.push(cls, time, next);
    time = next;
  }
  return sweepOut.snapshot();
}
