// Endpoint figures of the report (spec §3 "Endpoint figures"). Durations go out in seconds, not
// rounded; ratios are computed from the very seconds values that are reported, so a script that
// recomputes `up_s / (up_s + down_s)` from the JSON gets the identical number.
import type { EndpointFigures } from '../../shared/report/report-schema';
import type { KpiOutageRecord } from '../store';
import type { ClassTotals } from './timeline';

export const seconds = (ms: number): number => ms / 1000;

/** `null` when the denominator is 0: no data is not 100% (spec §3). */
export const availabilityOf = (upS: number, downS: number): number | null =>
  upS + downS === 0 ? null : upS / (upS + downS);

/** Means of nothing are null (spec §3). */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** `up_s / failures`, null when there are no failures (spec §3). */
export const mtbfOf = (upS: number, failures: number): number | null =>
  failures === 0 ? null : upS / failures;

/** Class totals in seconds, in the report's field names. */
export function classSeconds(totals: ClassTotals): {
  up_s: number;
  down_s: number;
  maintenance_s: number;
  unknown_s: number;
} {
  return {
    up_s: seconds(totals.up),
    down_s: seconds(totals.down),
    maintenance_s: seconds(totals.maintenance),
    unknown_s: seconds(totals.unknown),
  };
}

/**
 * `counted` are the endpoint's counted outages: started_at in [from, to) and not inside maintenance
 * (the caller decides that with the same maintenance windows that produced `totals`).
 */
export function endpointFigures(
  id: string,
  lineId: string,
  totals: ClassTotals,
  counted: readonly KpiOutageRecord[],
  toMs: number,
): EndpointFigures {
  const times = classSeconds(totals);
  // Plain loops rather than map/flatMap + mean: ~80 K outages per 90-day report, no temporary arrays.
  // Sums run in outage order from 0, exactly as `mean` would, so the figures are bit-identical.
  let detect = 0;
  let ack = 0;
  let acked = 0;
  let repair = 0;
  let repaired = 0;
  for (const o of counted) {
    detect += seconds(o.detectedAt - o.startedAt);
    // mtta: only acknowledged outages (secondary ones raise no alarm, so they never have one).
    if (o.acknowledgedAt !== null) {
      ack += seconds(o.acknowledgedAt - o.detectedAt);
      acked++;
    }
    // mttr: ended by `to`, and not cut by a monitoring gap (a gap end is no repair).
    if (o.endedAt !== null && o.endedAt <= toMs && !o.endedByGap) {
      repair += seconds(o.endedAt - o.startedAt);
      repaired++;
    }
  }
  return {
    id,
    line: lineId,
    ...times,
    availability: availabilityOf(times.up_s, times.down_s),
    failures: counted.length,
    mttd_s: counted.length === 0 ? null : detect / counted.length,
    mtta_s: acked === 0 ? null : ack / acked,
    mttr_s: repaired === 0 ? null : repair / repaired,
    mtbf_s: mtbfOf(times.up_s, counted.length),
  };
}
