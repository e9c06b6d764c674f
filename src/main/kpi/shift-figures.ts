// Shift figures (spec §3 "Shifts"): each configured shift id covers its local-time occurrences
// inside the window (the calendar resolves DST, so a night can be 7 or 9 real hours); line and site
// figures are computed over that time only, and a failure belongs to the shift in which it started.
import { shiftOccurrences, type Interval } from '../calendar';
import type { LinewatchConfig } from '../config';
import type { ShiftFigures } from '../../shared/report/report-schema';
import { lineFigures, siteFigures, type LineFailure } from './line-figures';
import { packedTotals, type PackedTimeline } from './packed-timeline';
import { covers, mergeIntervals } from './timeline';

/** What the window computation already knows about one line. */
export interface LineTimeline {
  id: string;
  costPerMinute: number | null;
  /** The line's class timeline tiling [from - 1, to + 1). */
  timeline: PackedTimeline;
  /** Its failures over the whole window (started in [from, to)). */
  failures: readonly LineFailure[];
}

export function shiftFigures(
  config: LinewatchConfig,
  fromMs: number,
  toMs: number,
  lines: readonly LineTimeline[],
): ShiftFigures[] {
  const occurrences = shiftOccurrences(config.shifts, config.site.timezone, fromMs, toMs);
  // Only shifts that occur in the window, in config order: the spec's example report for a
  // 15:00-15:30 local window lists just "late" although the example config has three shifts.
  const occurring = config.shifts.filter((s) => occurrences.some((o) => o.shiftId === s.id));
  return occurring.map((shift) => {
    // Already clipped to [from, to) by the calendar; merged so a shift's time is never counted twice.
    const own: Interval[] = mergeIntervals(
      occurrences.filter((o) => o.shiftId === shift.id).map((o) => ({ start: o.start, end: o.end })),
    );
    const allFailures: LineFailure[] = [];
    const lineFigs = lines.map((line) => {
      const failures = line.failures.filter((f) => covers(own, f.start));
      allFailures.push(...failures);
      return lineFigures(line.id, line.costPerMinute, packedTotals(line.timeline, own), failures);
    });
    return { id: shift.id, site: siteFigures(config.site.id, lineFigs, allFailures), lines: lineFigs };
  });
}
