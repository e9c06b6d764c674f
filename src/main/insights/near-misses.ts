// Rising near misses (issue 12): failed streaks that ended with a success before reaching
// `down_after` (the monitor records them, store `nearMisses`). A device whose port or card is
// failing shows more and more of them before its first outage, so the detector compares an
// endpoint's recent rate with its own usual rate, never with a fixed number.
//
// For the judge (engineer A) — signatures:
//   detectNearMisses(input: NearMissDetectorInput): InsightWarning[]
//     input.nearMisses: this endpoint's near misses with `endedAt` in
//       [from - NEAR_MISS_HISTORY_MS, to), any order (store: nearMisses.listForWindow).
//   nearMissTrend(nearMisses, at, monitoredSince?): NearMissTrend   (C's "plan a replacement" rule)
//
// Rule (documented constants below; deterministic, time from the data only):
// - A near miss counts at its `endedAt` (the success that ended it: when the monitor knew).
// - At each moment t the detector compares `recent` = near misses in (t - 24 h, t] with the usual
//   daily rate over the 7 days before that, floored at NEAR_MISS_FLOOR_PER_DAY (a week without any
//   is not evidence that one a day is abnormal).
// - It raises when recent >= NEAR_MISS_MIN_COUNT and a Poisson count that high at the usual rate
//   has probability <= NEAR_MISS_RAISE_P; it clears (hysteresis) when recent < NEAR_MISS_CLEAR_COUNT
//   or that probability rises above NEAR_MISS_CLEAR_P. Once a burst is a week old it is part of the
//   usual rate, so a new steady level stops warning by itself.
// - Judging starts NEAR_MISS_MIN_HISTORY_MS after `monitoredSince` when that is given.
// - Evaluation starts NEAR_MISS_EVAL_LOOKBACK_MS before `from`, so a warning already active at
//   `from` is reported with its true start.
import { formatCount } from '../../shared/format';
import { DAY_MS } from '../../shared/time';
import { countIn } from './sorted-times';
import type { InsightWarning } from './warning';

export const NEAR_MISS_RECENT_MS = DAY_MS;
export const NEAR_MISS_USUAL_MS = 7 * DAY_MS;
export const NEAR_MISS_FLOOR_PER_DAY = 0.5;
export const NEAR_MISS_MIN_COUNT = 5;
export const NEAR_MISS_RAISE_P = 1e-4;
export const NEAR_MISS_CLEAR_COUNT = 2;
export const NEAR_MISS_CLEAR_P = 0.05;
export const NEAR_MISS_MIN_HISTORY_MS = 2 * DAY_MS;
export const NEAR_MISS_EVAL_LOOKBACK_MS = 7 * DAY_MS;
/** Weeks compared by nearMissTrend. */
export const NEAR_MISS_TREND_WEEKS = 3;
const WEEK_MS = 7 * DAY_MS;
/** How far before `from` the judge must read near misses (evaluation lookback + its baseline, and the trend). */
export const NEAR_MISS_HISTORY_MS = Math.max(
  NEAR_MISS_EVAL_LOOKBACK_MS + NEAR_MISS_RECENT_MS + NEAR_MISS_USUAL_MS,
  NEAR_MISS_TREND_WEEKS * WEEK_MS,
);

/** One near miss: the first failed check, the success that ended the streak, the failed checks. */
export interface NearMissEvent {
  startedAt: number;
  endedAt: number;
  failedChecks: number;
}

export interface NearMissDetectorInput {
  endpointId: string;
  lineId: string;
  nearMisses: readonly NearMissEvent[];
  from: number;
  to: number;
  /** First check of the endpoint, when known: judging waits NEAR_MISS_MIN_HISTORY_MS after it. */
  monitoredSince?: number | null;
  /** Near misses that end inside planned work are ignored. */
  isInMaintenance?: (ts: number) => boolean;
}

export interface NearMissTrend {
  /** Near misses per week, oldest first; the last is the week ending at `at`. */
  weeklyCounts: number[];
  /**
   * Every week strictly more than the one before, the last at least NEAR_MISS_MIN_COUNT, and all of
   * them monitored (when `monitoredSince` is known).
   */
  growing: boolean;
}

/**
 * Weekly near-miss counts over (at - 3 weeks, at]. With `monitoredSince`, weeks the endpoint was not
 * monitored for in full are not evidence of growth (an empty first week would look like a rise).
 */
export function nearMissTrend(
  nearMisses: readonly NearMissEvent[],
  at: number,
  monitoredSince?: number | null,
): NearMissTrend {
  const weeklyCounts = new Array<number>(NEAR_MISS_TREND_WEEKS).fill(0);
  for (const miss of nearMisses) {
    const age = at - miss.endedAt;
    if (age < 0) continue;
    // Weeks are (at - 7 d, at], (at - 14 d, at - 7 d], ...: the same closed end as the detector's day.
    const week = age === 0 ? 0 : Math.ceil(age / WEEK_MS) - 1;
    if (week < NEAR_MISS_TREND_WEEKS) {
      const slot = NEAR_MISS_TREND_WEEKS - 1 - week;
      weeklyCounts[slot] = (weeklyCounts[slot] ?? 0) + 1;
    }
  }
  const fullyMonitored = monitoredSince == null || monitoredSince <= at - NEAR_MISS_TREND_WEEKS * WEEK_MS;
  const growing =
    fullyMonitored &&
    (weeklyCounts[NEAR_MISS_TREND_WEEKS - 1] ?? 0) >= NEAR_MISS_MIN_COUNT &&
    weeklyCounts.every((count, i) => i === 0 || count > (weeklyCounts[i - 1] ?? 0));
  return { weeklyCounts, growing };
}

/** P(X >= n) for X ~ Poisson(lambda), summed from the tail so small values keep their precision. */
export function poissonTail(n: number, lambda: number): number {
  if (n <= 0) return 1;
  let term = Math.exp(-lambda + n * Math.log(lambda) - logFactorial(n));
  let sum = 0;
  for (let k = n; term > 0 && term > sum * 1e-15; k += 1) {
    sum += term;
    term *= lambda / (k + 1);
  }
  return Math.min(1, sum);
}

/** ln(n!): exact sums up to 64, Stirling's series beyond (relative error below 1e-12 there). */
function logFactorial(n: number): number {
  if (n <= 64) {
    let sum = 0;
    for (let k = 2; k <= n; k += 1) sum += Math.log(k);
    return sum;
  }
  return n * Math.log(n) - n + 0.5 * Math.log(2 * Math.PI * n) + 1 / (12 * n) - 1 / (360 * n ** 3);
}

// A usual rate reads best with one decimal ("0.4 a day"); shared/format has counts, not rates.
const round1 = (value: number): string => (Math.round(value * 10) / 10).toString();

export function detectNearMisses(input: NearMissDetectorInput): InsightWarning[] {
  const inMaintenance = input.isInMaintenance;
  const ends = input.nearMisses
    .filter((miss) => !inMaintenance?.(miss.endedAt))
    .map((miss) => miss.endedAt)
    .sort((a, b) => a - b);
  const judgeFrom = Math.max(
    input.from - NEAR_MISS_EVAL_LOOKBACK_MS,
    input.monitoredSince == null ? Number.NEGATIVE_INFINITY : input.monitoredSince + NEAR_MISS_MIN_HISTORY_MS,
  );
  // The counts change only when a near miss enters the recent day, leaves it, or leaves the week.
  const moments = new Set<number>();
  for (const end of ends) {
    for (const t of [end, end + NEAR_MISS_RECENT_MS, end + NEAR_MISS_RECENT_MS + NEAR_MISS_USUAL_MS]) {
      if (t >= judgeFrom && t < input.to) moments.add(t);
    }
  }
  const warnings: InsightWarning[] = [];
  let active: InsightWarning | null = null;
  for (const t of [...moments].sort((a, b) => a - b)) {
    const recent = countIn(ends, t - NEAR_MISS_RECENT_MS, t);
    const usualSince = Math.max(
      t - NEAR_MISS_RECENT_MS - NEAR_MISS_USUAL_MS,
      input.monitoredSince ?? Number.NEGATIVE_INFINITY,
    );
    const usualDays = Math.max(0, t - NEAR_MISS_RECENT_MS - usualSince) / DAY_MS;
    const usualCount = countIn(ends, usualSince, t - NEAR_MISS_RECENT_MS);
    const usualPerDay = usualDays > 0 ? usualCount / usualDays : 0;
    const lambda = Math.max(usualPerDay, NEAR_MISS_FLOOR_PER_DAY);
    // At or below the usual rate a count is no evidence (P >= about 0.5): skip the tail sum, which
    // would be long for a busy endpoint.
    const p = recent <= lambda ? 1 : poissonTail(recent, lambda);
    if (active === null) {
      if (recent >= NEAR_MISS_MIN_COUNT && p <= NEAR_MISS_RAISE_P) {
        active = warningAt(input, t, recent, usualPerDay, lambda, p);
        warnings.push(active);
      }
    } else if (recent < NEAR_MISS_CLEAR_COUNT || p > NEAR_MISS_CLEAR_P) {
      active.endedAt = t;
      finishReason(active, input, t);
      active = null;
    } else {
      const next = warningAt(input, active.startedAt, recent, usualPerDay, lambda, p);
      if (next.score > active.score) Object.assign(active, { score: next.score, reason: next.reason });
    }
  }
  if (active) finishReason(active, input, input.to);
  return warnings.filter((w) => w.startedAt < input.to && (w.endedAt === null || w.endedAt > input.from));
}

function warningAt(
  input: NearMissDetectorInput,
  startedAt: number,
  recent: number,
  usualPerDay: number,
  lambda: number,
  p: number,
): InsightWarning {
  // Strength (how far above usual) times confidence (how unlikely by chance; 1e-8 and below is sure).
  const strength = 1 - lambda / recent;
  const confidence = Math.min(1, -Math.log10(Math.max(p, 1e-300)) / 8);
  return {
    endpointId: input.endpointId,
    lineId: input.lineId,
    kind: 'near_misses',
    score: Math.max(0, Math.min(1, strength * confidence)),
    startedAt,
    endedAt: null,
    baseline: { rttMs: null, loss: null },
    observed: { rttMs: null, loss: null },
    reason: `${formatCount(recent)} short failed streaks in the last 24 h against ${round1(usualPerDay)} a day usual`,
  };
}

/** Adds the weekly trend, judged where the warning ended (or at the end of what was judged). */
function finishReason(warning: InsightWarning, input: NearMissDetectorInput, at: number): void {
  const trend = nearMissTrend(input.nearMisses, at, input.monitoredSince);
  if (trend.growing) warning.reason += `; growing week over week (${trend.weeklyCounts.join(', ')})`;
}
