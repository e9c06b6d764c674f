// What the minute-rollup detectors (RTT rise, loss rise, thresholds) share: their input, the
// baseline at a moment (re-learnt once per hour of data, cached), and a one-sided CUSUM with
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
 * Baselines learnt from [max(hourStart - 7 d, floor), min(hourStart, until)) of the samples, where
 * hourStart is the start of the UTC hour of the moment judged: re-learnt once an hour, not per minute.
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
    const hourStart = Math.floor(ms / HOUR_MS) * HOUR_MS;
    const from = Math.max(hourStart - BASELINE_HISTORY_MS, floor);
    const to = Math.min(hourStart, until);
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
