// Line and site figures (spec §3 "Line state", "Site"). A line's figures come from its class
// timeline (packed-timeline.ts `lineTimeline`); the site's are sums of the lines' reported figures.
import type { Interval } from '../calendar';
import type { LineFigures, SiteFigures } from '../../shared/report/report-schema';
import { availabilityOf, classSeconds, mean, mtbfOf, seconds } from './endpoint-figures';
import { downRuns, type PackedTimeline } from './packed-timeline';
import type { ClassTotals } from './timeline';

/** A maximal line-down interval that starts in the window; `end` may lie past `to`. */
export interface LineFailure extends Interval {
  /** Ended at or before `to`: only these have a repair time (spec: "those ending by `to`"). */
  endsByTo: boolean;
}

/**
 * Line failures: the maximal down runs that START in [from, to). `timeline` tiles [from - 1, to + 1),
 * so a run already down at from - 1 (down just before `from`) starts before the window and does not
 * count, and a run still down at the instant `to` (end > to) has not ended by `to`.
 */
export function lineFailures(timeline: PackedTimeline, fromMs: number, toMs: number): LineFailure[] {
  return downRuns(timeline)
    .filter((run) => run.start >= fromMs && run.start < toMs)
    .map((run) => ({ start: run.start, end: run.end, endsByTo: run.end <= toMs }));
}

/** Repair times in seconds of the failures that ended by `to`. */
const repairSeconds = (failures: readonly LineFailure[]): number[] =>
  failures.flatMap((f) => (f.endsByTo ? [seconds(f.end - f.start)] : []));

/**
 * `totals` is the line's class time over the span being reported (the window, or a shift's time);
 * `failures` the line failures that belong to it.
 */
export function lineFigures(
  id: string,
  costPerMinute: number | null,
  totals: ClassTotals,
  failures: readonly LineFailure[],
): LineFigures {
  const times = classSeconds(totals);
  return {
    id,
    ...times,
    availability: availabilityOf(times.up_s, times.down_s),
    failures: failures.length,
    mttr_s: mean(repairSeconds(failures)),
    mtbf_s: mtbfOf(times.up_s, failures.length),
    // Spec: down_s / 60 * downtime_cost_per_minute, in that order.
    downtime_cost: costPerMinute === null ? null : (times.down_s / 60) * costPerMinute,
  };
}

/**
 * Spec §3 "Site": sums of the lines' up/down/maintenance/unknown seconds, failures and costs (summed
 * in config order from the reported values); availability from those sums; mttr the mean over all
 * the lines' failures that ended by `to`; mtbf = up_s / failures.
 */
export function siteFigures(
  siteId: string,
  lines: readonly LineFigures[],
  failures: readonly LineFailure[],
): SiteFigures {
  let up = 0;
  let down = 0;
  let maintenance = 0;
  let unknown = 0;
  let count = 0;
  let cost: number | null = null;
  for (const line of lines) {
    up += line.up_s;
    down += line.down_s;
    maintenance += line.maintenance_s;
    unknown += line.unknown_s;
    count += line.failures;
    // null only when no line has a cost configured.
    if (line.downtime_cost !== null) cost = (cost ?? 0) + line.downtime_cost;
  }
  return {
    id: siteId,
    up_s: up,
    down_s: down,
    maintenance_s: maintenance,
    unknown_s: unknown,
    availability: availabilityOf(up, down),
    failures: count,
    mttr_s: mean(repairSeconds(failures)),
    mtbf_s: mtbfOf(up, count),
    downtime_cost: cost,
  };
}
