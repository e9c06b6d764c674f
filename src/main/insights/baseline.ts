// An endpoint's usual RTT and loss (issue 12), learnt from its MINUTE rollups only (never raw checks).
//
// Rule (documented constants below):
// - One sample per minute bucket: the bucket's mean RTT (buckets without an RTT give none) and its
//   checks and failures. Fully failed minutes (an outage, not a degradation) are left out of the loss.
// - RTT: the median of the minute means and a robust spread, 1.4826 × MAD (the standard deviation for
//   normal data), floored at SPREAD_FLOOR_SHARE of the median and SPREAD_FLOOR_MS, so a very steady
//   device does not turn a 0.1 ms wobble into an alarm.
// - Loss: failed / all checks over the history (fully failed minutes excluded).
// - Hour of day: for each local hour (site timezone) with at least HOUR_MIN_MINUTES minute samples,
//   the hour gets its own median and spread when its median differs from the all-day median by more
//   than HOUR_PATTERN_K × the all-day spread (a daily load pattern); otherwise the all-day figures
//   apply. Day-of-week patterns are not modelled yet.
// - Nothing is judged before MIN_HISTORY_MINUTES minute samples exist (6 hours of data).
import { toLocalParts } from '../../shared/time';

export const MIN_HISTORY_MINUTES = 360;
export const HOUR_MIN_MINUTES = 60;
// 1, not 3: the all-day spread already holds the load pattern, so 3 of them hid real daily patterns
// (measured by `npm run bench:insights`; README "Measured quality").
export const HOUR_PATTERN_K = 1;
export const SPREAD_FLOOR_SHARE = 0.1;
export const SPREAD_FLOOR_MS = 0.05;
const MAD_TO_SIGMA = 1.4826;

/** What a detector needs of a minute rollup bucket. */
export interface MinuteSample {
  start: number;
  count: number;
  okCount: number;
  rttAvgMs: number | null;
}

export interface RttLevel {
  medianMs: number;
  spreadMs: number;
}

export interface Baseline {
  rtt: RttLevel;
  /** Per local hour 0-23: its own level where the data shows a daily pattern, else null. */
  rttByHour: (RttLevel | null)[];
  /** Share of failed checks, 0-1. */
  loss: number;
  minutes: number;
}

export function median(sorted: readonly number[]): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const mid = Math.floor(n / 2);
  return n % 2 === 1 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

/** Median and floored robust spread of some RTTs; null when there are none. */
export function rttLevel(values: readonly number[]): RttLevel | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const medianMs = median(sorted);
  const deviations = sorted.map((v) => Math.abs(v - medianMs)).sort((a, b) => a - b);
  const spreadMs = Math.max(
    MAD_TO_SIGMA * median(deviations),
    SPREAD_FLOOR_SHARE * medianMs,
    SPREAD_FLOOR_MS,
  );
  return { medianMs, spreadMs };
}

/** The baseline of these minute samples, or null when there are fewer than MIN_HISTORY_MINUTES. */
export function learnBaseline(
  samples: readonly MinuteSample[],
  timezone: string,
  minMinutes = MIN_HISTORY_MINUTES,
): Baseline | null {
  const rtts: number[] = [];
  const byHour: number[][] = Array.from({ length: 24 }, () => []);
  let checks = 0;
  let failed = 0;
  for (const sample of samples) {
    if (sample.okCount > 0) {
      checks += sample.count;
      failed += sample.count - sample.okCount;
    }
    if (sample.rttAvgMs === null) continue;
    rtts.push(sample.rttAvgMs);
    byHour[localHour(sample.start, timezone)]?.push(sample.rttAvgMs);
  }
  const rtt = rttLevel(rtts);
  if (rtt === null || rtts.length < minMinutes) return null;
  const rttByHour = byHour.map((values) => {
    if (values.length < HOUR_MIN_MINUTES) return null;
    const level = rttLevel(values);
    return level && Math.abs(level.medianMs - rtt.medianMs) > HOUR_PATTERN_K * rtt.spreadMs ? level : null;
  });
  return { rtt, rttByHour, loss: checks > 0 ? failed / checks : 0, minutes: rtts.length };
}

/** The RTT level expected at `ms`: the hour's own where it has one, else the all-day level. */
export function expectedRtt(baseline: Baseline, ms: number, timezone: string): RttLevel {
  return baseline.rttByHour[localHour(ms, timezone)] ?? baseline.rtt;
}

// Hours of a zone are cached per UTC hour: toLocalParts goes through Intl and is slow per minute.
const hourCache = new Map<string, number>();
function localHour(ms: number, timezone: string): number {
  const utcHour = Math.floor(ms / 3_600_000);
  const key = `${timezone}|${String(utcHour)}`;
  let hour = hourCache.get(key);
  if (hour === undefined) {
    hour = toLocalParts(utcHour * 3_600_000, timezone).hh;
    if (hourCache.size > 50_000) hourCache.clear();
    hourCache.set(key, hour);
  }
  return hour;
}
