// What the minute-rollup detectors (RTT rise, loss rise, thresholds) share: their input, the
// baseline at a moment (re-learnt on a schedule of the data's time, cached), and a one-sided CUSUM with
// hysteresis. Everything runs on the time of the data: no clock is read here.
import { DAY_MS, HOUR_MS, toLocalParts } from '../../shared/time';
import { learnBaseline, MIN_HISTORY_MINUTES, type Baseline, type MinuteSample } from './baseline';
import type { InsightWarning } from './warning';

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

/** Totals of some minutes by the baseline's loss rule: fully failed minutes (outages) left out. */
export interface LossTotals {
  /** Checks of minutes with at least one success. */
  checks: number;
  /** Failed checks among them. */
  failed: number;
  /** Minutes with an RTT. */
  measured: number;
}

/**
 * The minute samples a detector may look back at. Detectors step through minutes one at a time,
 * in a batch or live, and read their history only through this and never past the minute being
 * judged: in a batch it is the array they step through (arrayHistory), live the store
 * (minute-history.ts). Both give the same samples, so both give the same warnings.
 */
export interface MinuteHistory {
  /** Samples whose minute starts in [from, to), oldest first. */
  slice(from: number, to: number): readonly MinuteSample[];
  /** Loss totals of the samples in [from, to). */
  totals(from: number, to: number): LossTotals;
}

/** Who a minute detector judges, and where it reads the history its baselines and evidence need. */
export interface MinuteDetectorTarget {
  endpointId: string;
  lineId: string;
  timezone: string;
  history: MinuteHistory;
}

/** Something that judges minutes one at a time and keeps the warnings it raised. */
export interface MinuteDetector {
  /** Judges the next minute: each once, in time order. */
  step(sample: MinuteSample): void;
  /** The warnings that have ended so far, oldest first; the caller may drop old ones. */
  readonly ended: InsightWarning[];
  /** The warnings still active after the last minute judged, with their evidence so far. */
  active(): readonly InsightWarning[];
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

export const noTotals = (): LossTotals => ({ checks: 0, failed: 0, measured: 0 });

/** Adds one sample to loss totals (by the rule of LossTotals). */
export function addToTotals(totals: LossTotals, sample: MinuteSample): void {
  if (sample.okCount > 0) {
    totals.checks += sample.count;
    totals.failed += sample.count - sample.okCount;
  }
  if (sample.rttAvgMs !== null) totals.measured += 1;
}

/** The history of samples held in memory (time order): binary search, prefix sums for totals. */
export function arrayHistory(samples: readonly MinuteSample[]): MinuteHistory {
  const prefix: LossTotals[] = [noTotals()];
  for (const sample of samples) {
    const next = { ...(prefix.at(-1) ?? noTotals()) };
    addToTotals(next, sample);
    prefix.push(next);
  }
  return {
    slice: (from, to) => samples.slice(firstIndexAt(samples, from), firstIndexAt(samples, to)),
    totals(from, to) {
      const lo = firstIndexAt(samples, from);
      const a = prefix[lo] ?? noTotals();
      const b = prefix[Math.max(lo, firstIndexAt(samples, to))] ?? noTotals();
      return { checks: b.checks - a.checks, failed: b.failed - a.failed, measured: b.measured - a.measured };
    },
  };
}

/** A detector run over the input's samples from judgeFrom on: what the batch detect* functions are. */
export function runDetector(
  input: MinuteDetectorInput,
  create: (target: MinuteDetectorTarget) => MinuteDetector,
): InsightWarning[] {
  const { samples } = input;
  const detector = create({
    endpointId: input.endpointId,
    lineId: input.lineId,
    timezone: input.timezone,
    history: arrayHistory(samples),
  });
  for (let i = firstIndexAt(samples, input.judgeFrom); i < samples.length; i++) {
    const sample = samples[i];
    if (sample) detector.step(sample);
  }
  return [...detector.ended, ...detector.active()];
}

/**
 * The RTT baseline is re-learnt once per this much data time (a 7-day median barely moves in a few
 * hours, and each re-learn sorts a week of minutes), and whenever its history bounds change.
 */
export const BASELINE_RELEARN_MS = 6 * HOUR_MS;

/**
 * Baselines learnt from [max(slotStart - 7 d, floor), min(slotStart, until)) of the history, where
 * slotStart is the start of the BASELINE_RELEARN_MS slot (UTC) of the moment judged.
 * `until` excludes an active warning's span (the change must not teach itself as usual); `floor`
 * starts the history at a new accepted level (then `minMinutes` may be lower than the usual 6 hours).
 */
export function createBaselineSchedule(history: MinuteHistory, timezone: string) {
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
      last = to > from ? learnBaseline(history.slice(from, to), timezone, minMinutes) : null;
    }
    return last;
  };
}

/**
 * The usual loss over [hourStart - 7 d, min(hourStart, until)), from the history's totals (no
 * sorting, so it is re-learnt every hour), by the rule of learnBaseline: fully failed minutes left
 * out, and null before MIN_HISTORY_MINUTES minutes with an RTT. Cached per (from, to).
 */
export function createLossSchedule(history: MinuteHistory) {
  let lastKey = '';
  let last: number | null = null;
  return (ms: number, until = Infinity): number | null => {
    const hourStart = Math.floor(ms / HOUR_MS) * HOUR_MS;
    const from = hourStart - BASELINE_HISTORY_MS;
    const to = Math.min(hourStart, until);
    const key = `${String(from)}|${String(to)}`;
    if (key !== lastKey) {
      lastKey = key;
      const totals = to > from ? history.totals(from, to) : noTotals();
      last =
        totals.measured < MIN_HISTORY_MINUTES ? null : totals.checks > 0 ? totals.failed / totals.checks : 0;
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
