// What the minute-rollup detectors (RTT rise, loss rise, thresholds) share: their input, the
// baseline at a moment (re-learnt on a schedule of the data's time, cached), and a one-sided CUSUM with
// hysteresis. Everything runs on the time of the data: no clock is read here.
import { DAY_MS, HOUR_MS, toLocalParts } from '../../shared/time';
import { learnBaseline, MIN_HISTORY_MINUTES, type Baseline, type MinuteSample } from './baseline';

/** The trailing history a baseline is learnt from. */
export const BASELINE_HISTORY_MS = 7 * DAY_MS;

export interface MinuteDetectorInput {
  endpointId: string;
  lineId: string;
  timezone: string;
  /** Minute samples, oldest first, from at least BASELINE_HISTORY_MS before judgeFrom up to the end. */
  samples: readonly MinuteSample[];
  /** Minutes before this only feed baselines. */
  judgeFrom: number;
}

/** Index of the first sample starting at or after `ms` (samples are in time order). */
export function firstIndexAt(samples: readonly MinuteSample[], ms: number): number {
  let lo = 0;
  let hi = samples.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((samples[mid]?.start ?? Infinity) < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The RTT baseline is re-learnt once per this much data time (a 7-day median barely moves in a few
 * hours, and each re-learn sorts a week of minutes), and whenever its history bounds change.
 */
export const BASELINE_RELEARN_MS = 6 * HOUR_MS;

/**
 * Baselines learnt from [max(slotStart - 7 d, floor), min(slotStart, until)) of the samples, where
 * slotStart is the start of the BASELINE_RELEARN_MS slot (UTC) of the moment judged.
 * `until` excludes an active warning's span (the change must not teach itself as usual); `floor`
 * starts the history at a new accepted level (then `minMinutes` may be lower than the usual 6 hours).
 */
export function createBaselineSchedule(samples: readonly MinuteSample[], timezone: string) {
  let lastKey = '';
  let last: Baseline | null = null;
  return (
    ms: number,
    until = Infinity,
    floor = -Infinity,
    minMinutes = MIN_HISTORY_MINUTES,
  ): Baseline | null => {
    const slotStart = Math.floor(ms / BASELINE_RELEARN_MS) * BASELINE_RELEARN_MS;
    const from = Math.max(slotStart - BASELINE_HISTORY_MS, floor);
    const to = Math.min(slotStart, until);
    const key = `${String(from)}|${String(to)}|${String(minMinutes)}`;
    if (key !== lastKey) {
      lastKey = key;
      last =
        to > from
          ? learnBaseline(
              samples.slice(firstIndexAt(samples, from), firstIndexAt(samples, to)),
              timezone,
              minMinutes,
            )
          : null;
    }
    return last;
  };
}

/**
 * The usual loss over [max(hourStart - 7 d), min(hourStart, until)), from running sums (no sorting,
 * so it is re-learnt every hour), by the rule of learnBaseline: fully failed minutes left out, and
 * null before MIN_HISTORY_MINUTES minutes with an RTT.
 */
export function createLossSchedule(samples: readonly MinuteSample[]) {
  const checks = [0];
  const failed = [0];
  const measured = [0];
  for (const s of samples) {
    const answered = s.okCount > 0;
    checks.push((checks.at(-1) ?? 0) + (answered ? s.count : 0));
    failed.push((failed.at(-1) ?? 0) + (answered ? s.count - s.okCount : 0));
    measured.push((measured.at(-1) ?? 0) + (s.rttAvgMs === null ? 0 : 1));
  }
  return (ms: number, until = Infinity): number | null => {
    const hourStart = Math.floor(ms / HOUR_MS) * HOUR_MS;
    const lo = firstIndexAt(samples, hourStart - BASELINE_HISTORY_MS);
    const hi = firstIndexAt(samples, Math.min(hourStart, until));
    if (hi <= lo || (measured[hi] ?? 0) - (measured[lo] ?? 0) < MIN_HISTORY_MINUTES) return null;
    const n = (checks[hi] ?? 0) - (checks[lo] ?? 0);
    return n > 0 ? ((failed[hi] ?? 0) - (failed[lo] ?? 0)) / n : 0;
  };
}

export interface CusumSettings {
  /** Allowance subtracted from every increment: drift below it never accumulates. */
  k: number;
  /** Raise when the sum passes this. */
  h: number;
  /** The sum never exceeds this, so that it can come down within a reasonable time. */
  cap: number;
  /** Clear once the sum has stayed below this ... */
  clearBelow: number;
  /** ... for this many consecutive minutes. */
  clearMinutes: number;
}

export interface CusumSpan {
  /** Start of the minute where the sum last left zero before the alarm: where the change began. */
  startedAt: number;
  /** Start of the first minute of the calm run that cleared it; null while active. */
  endedAt: number | null;
  /** The highest sum while active. */
  peak: number;
  /** The last minute that pushed the sum up (increment above k): the evidence is read up to here. */
  strongUntil: number;
}

/** One-sided CUSUM with hysteresis: S = min(cap, max(0, S + x - k)); raise at h, clear below a lower level. */
export class HysteresisCusum {
  private sum = 0;
  private leftZeroAt: number | null = null;
  private calmSince: number | null = null;
  private calmMinutes = 0;
  active: CusumSpan | null = null;

  constructor(private readonly settings: CusumSettings) {}

  /** Feeds one minute's increment (before the allowance); returns a span when it clears. */
  step(minuteStart: number, increment: number): CusumSpan | null {
    const { k, h, cap, clearBelow, clearMinutes } = this.settings;
    const before = this.sum;
    this.sum = Math.min(cap, Math.max(0, this.sum + increment - k));
    if (this.sum === 0) this.leftZeroAt = null;
    else if (before === 0) this.leftZeroAt = minuteStart;
    if (this.active === null) {
      if (this.sum >= h)
        this.active = {
          startedAt: this.leftZeroAt ?? minuteStart,
          endedAt: null,
          peak: this.sum,
          strongUntil: minuteStart,
        };
      return null;
    }
    this.active.peak = Math.max(this.active.peak, this.sum);
    if (increment > k) this.active.strongUntil = minuteStart;
    if (this.sum >= clearBelow) {
      this.calmSince = null;
      this.calmMinutes = 0;
      return null;
    }
    this.calmSince ??= minuteStart;
    this.calmMinutes += 1;
    if (this.calmMinutes < clearMinutes) return null;
    return this.close(this.calmSince);
  }

  /** Ends the active span at `ms` (a new level accepted as usual) and starts again from zero. */
  close(ms: number): CusumSpan | null {
    const span = this.active;
    if (span) span.endedAt = ms;
    this.active = null;
    this.sum = 0;
    this.leftZeroAt = null;
    this.calmSince = null;
    this.calmMinutes = 0;
    return span;
  }
}

/** 0.5 when the sum just reached h, 1 when it reached the cap. */
export function cusumScore(peak: number, settings: CusumSettings): number {
  return Math.min(1, Math.max(0, 0.5 + (0.5 * (peak - settings.h)) / (settings.cap - settings.h)));
}

/** A number for a reason: two significant digits below 10, whole numbers above. */
export function plainNumber(value: number): string {
  return value >= 10 ? String(Math.round(value)) : String(Number(value.toPrecision(2)));
}

/** "14:10" in the site's zone, with the date in front when it is not the day of `reference`. */
export function plainTime(ms: number, timezone: string, reference: number): string {
  const at = toLocalParts(ms, timezone);
  const ref = toLocalParts(reference, timezone);
  const pad = (n: number) => String(n).padStart(2, '0');
  const clock = `${pad(at.hh)}:${pad(at.mm)}`;
  return at.y === ref.y && at.m === ref.m && at.d === ref.d
    ? clock
    : `${String(at.y)}-${pad(at.m)}-${pad(at.d)} ${clock}`;
}

/** Share of failed checks in these samples, fully failed minutes (outages) left out; null if none. */
export function lossOf(samples: readonly MinuteSample[]): number | null {
  let checks = 0;
  let failed = 0;
  for (const s of samples) {
    if (s.okCount === 0) continue;
    checks += s.count;
    failed += s.count - s.okCount;
  }
  return checks > 0 ? failed / checks : null;
}
