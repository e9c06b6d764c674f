// A sustained RTT rise (issue 12): a one-sided CUSUM on robust z-scores of the minute mean RTT
// against the endpoint's baseline (baseline.ts), not a fixed threshold.
//
// Rule (documented constants below):
// - z = (minute mean RTT - expected median) / expected spread, clipped to [Z_MIN, Z_MAX] so one
//   wild minute adds at most Z_MAX - k; minutes without an RTT add nothing.
// - CUSUM with allowance RTT_CUSUM.k; raise when it passes h; clear (hysteresis) once it has stayed
//   below clearBelow for clearMinutes. started_at is where the sum last left zero before the alarm.
// - While a warning is active its span is kept out of the baseline (history ends at started_at).
// - A step to a new stable level (a reconfiguration) is accepted as usual: at each hour of data
//   while active, once ADAPT_AFTER_MS of the warning have passed, if the last ADAPT_AFTER_MS are
//   steady (their spread at most twice max(old spread, 10 % of the new median) and the median of
//   their last hour within one spread of their first hour's), the warning ends there and the
//   baseline is re-learnt from those hours on. A ramp is never steady, so it keeps warning.
// - Until the new level has a full BASELINE_HISTORY_MS of its own, its learnt baseline has no daily
//   or weekly shape yet (hour levels need an hour of data each, weekday classes days of them), so
//   the next shift start or load peak at the new level would read as a fresh rise. Meanwhile a
//   moment expects the OLD baseline's shape (its hour and weekday levels: the baseline the step
//   was judged against) scaled by the step's ratio: the median, over the new level's minutes so
//   far (at least the steady hours that accepted it; re-read with every re-learn of the baseline,
//   so a level that falls back is followed), of each minute's RTT over what the old baseline
//   expected at that minute. The spread is the scaled one, at least the spread the new level's own
//   learnt baseline (from its first steady hour on) expects at that moment. Scaling, not adding:
//   a step measured at a quiet hour then expects at least as much load rise as before, so it errs
//   towards tolerance, never towards a false warning. Once the new level has a full history, the
//   usual learnt baseline takes over. A second accepted step scales the scaled baseline again.
// - Judging starts only once the baseline has MIN_HISTORY_MINUTES of samples (baseline.ts).
import { HOUR_MS, MINUTE_MS } from '../../shared/time';
import {
  expectedRtt,
  median,
  rttLevel,
  SPREAD_FLOOR_MS,
  SPREAD_FLOOR_SHARE,
  type Baseline,
  type DayLevels,
  type MinuteSample,
  type RttLevel,
} from './baseline';
import {
  BASELINE_HISTORY_MS,
  BASELINE_RELEARN_MS,
  createBaselineSchedule,
  cusumScore,
  HysteresisCusum,
  plainNumber,
  plainTime,
  runDetector,
  type CusumSettings,
  type CusumSpan,
  type MinuteDetector,
  type MinuteDetectorInput,
  type MinuteDetectorTarget,
  type MinuteHistory,
} from './detectors';
import type { InsightWarning } from './warning';

// k = 2, not 1: on `npm run bench:insights`'s daily load patterns k = 1 raised 231 false warnings per
// 1,000 healthy endpoint-days (a morning ramp of 1-2 spreads adds up); real faults are far above 2.
export const RTT_CUSUM: CusumSettings = { k: 2, h: 20, cap: 60, clearBelow: 5, clearMinutes: 15 };
export const Z_MIN = -4;
export const Z_MAX = 6;
export const ADAPT_AFTER_MS = 3 * HOUR_MS;
/** After a new level is accepted, this many minute samples are enough to judge again. */
const ADAPTED_MIN_MINUTES = 150;
/** The observed RTT of a warning: the median of its last this-many minutes (up to its last strong one). */
export const OBSERVED_MINUTES = 30;
const OBSERVED_MS = OBSERVED_MINUTES * MINUTE_MS;

/** What the minutes are judged against: a baseline, and the level it expects at a moment. */
interface Expectation {
  /** The baseline whose medians are expected (learnt, or an old one scaled to a new level). */
  baseline: Baseline;
  levelAt(ms: number): RttLevel;
}

/** A new level accepted as usual, while it has less than a full history of its own (rule at the top). */
interface NewLevel {
  /** Where its history begins: the start of the steady hours that accepted it. */
  from: number;
  /** When it was accepted: the ratio is read over [from, at least this). */
  acceptedAt: number;
  /** The baseline the step was judged against, whose shape it keeps. */
  before: Baseline;
  /** `before` scaled to the new level, re-read per ratio window (`key`). */
  scaled: Baseline | null;
  key: string;
}

/** The sustained-RTT-rise detector of one endpoint, judging one minute at a time. */
export class RttRiseDetector implements MinuteDetector {
  readonly ended: InsightWarning[] = [];
  private readonly baselineAt: ReturnType<typeof createBaselineSchedule>;
  private readonly cusum = new HysteresisCusum(RTT_CUSUM);
  private newLevel: NewLevel | null = null;
  private expectationOfSpan: Expectation | null = null;
  private lastCheckedHour = -1;
  private lastStart = -Infinity;
  // active() is asked on every live request: its evidence is read again only after a new minute.
  private activeCache: { at: number; warnings: InsightWarning[] } | null = null;

  constructor(private readonly target: MinuteDetectorTarget) {
    this.baselineAt = createBaselineSchedule(target.history, target.timezone);
  }

  step(sample: MinuteSample): void {
    this.lastStart = sample.start;
    if (sample.rttAvgMs === null) return;
    const { cusum } = this;
    const active = cusum.active;
    const hour = Math.floor(sample.start / HOUR_MS);
    if (
      active &&
      this.expectationOfSpan &&
      hour !== this.lastCheckedHour &&
      sample.start - active.startedAt >= ADAPT_AFTER_MS
    ) {
      this.lastCheckedHour = hour;
      const steadyFrom = sample.start - ADAPT_AFTER_MS;
      const before = this.expectationOfSpan.baseline;
      if (isSteady(this.target.history, steadyFrom, sample.start, before)) {
        const span = cusum.close(sample.start);
        if (span) this.finish(span, true);
        this.newLevel = { from: steadyFrom, acceptedAt: sample.start, before, scaled: null, key: '' };
      }
    }
    const expectation = this.expectationAt(sample.start, cusum.active ? cusum.active.startedAt : Infinity);
    if (expectation === null) return;
    const level = expectation.levelAt(sample.start);
    const z = Math.min(Z_MAX, Math.max(Z_MIN, (sample.rttAvgMs - level.medianMs) / level.spreadMs));
    const wasActive = cusum.active !== null;
    const cleared = cusum.step(sample.start, z);
    if (!wasActive && cusum.active) this.expectationOfSpan = expectation;
    if (cleared) this.finish(cleared, false);
  }

  /**
   * What the minute at `ms` is judged against, with history up to `until` (an active warning's
   * start): the learnt baseline, or while a new level is young its scaled old one (rule at the top).
   */
  private expectationAt(ms: number, until: number): Expectation | null {
    const { timezone } = this.target;
    const slotStart = Math.floor(ms / BASELINE_RELEARN_MS) * BASELINE_RELEARN_MS;
    // A full history of the new level: the usual baseline takes over.
    if (this.newLevel && slotStart - BASELINE_HISTORY_MS >= this.newLevel.from) this.newLevel = null;
    const fresh = this.newLevel;
    const learnt = fresh
      ? this.baselineAt(ms, until, fresh.from, ADAPTED_MIN_MINUTES)
      : this.baselineAt(ms, until);
    const scaled = fresh
      ? this.scaledAt(fresh, Math.max(fresh.acceptedAt, Math.min(slotStart, until)))
      : null;
    if (scaled === null)
      return learnt && { baseline: learnt, levelAt: (at) => expectedRtt(learnt, at, timezone) };
    return {
      baseline: scaled,
      levelAt(at) {
        const level = expectedRtt(scaled, at, timezone);
        if (learnt === null) return level;
        return { ...level, spreadMs: Math.max(level.spreadMs, expectedRtt(learnt, at, timezone).spreadMs) };
      },
    };
  }

  /** The new level's old baseline scaled by its ratio over [from, to), cached per window. */
  private scaledAt(fresh: NewLevel, to: number): Baseline | null {
    const key = String(to);
    if (key !== fresh.key) {
      fresh.key = key;
      const { before } = fresh;
      const { timezone } = this.target;
      const ratios = this.target.history
        .slice(fresh.from, to)
        .flatMap((s) =>
          s.rttAvgMs === null ? [] : [s.rttAvgMs / expectedRtt(before, s.start, timezone).medianMs],
        );
      const ratio = median(Float64Array.from(ratios).sort());
      fresh.scaled = Number.isFinite(ratio) ? scaledBaseline(before, ratio) : null;
    }
    return fresh.scaled;
  }

  active(): InsightWarning[] {
    if (this.activeCache?.at !== this.lastStart) {
      const span = this.cusum.active;
      const warning = span ? this.warningOf(span, false) : null;
      this.activeCache = { at: this.lastStart, warnings: warning ? [warning] : [] };
    }
    return this.activeCache.warnings;
  }

  private finish(span: CusumSpan, accepted: boolean): void {
    const warning = this.warningOf(span, accepted);
    if (warning) this.ended.push(warning);
  }

  // Observed: the minutes up to the last strong one (a cleared warning's last minutes are calm again).
  private warningOf(span: CusumSpan, accepted: boolean): InsightWarning | null {
    const { expectationOfSpan } = this;
    const { timezone, history } = this.target;
    if (expectationOfSpan === null) return null;
    const recent = history
      .slice(Math.max(span.startedAt, span.strongUntil + 1 - OBSERVED_MS), span.strongUntil + 1)
      .flatMap((s) => (s.rttAvgMs === null ? [] : [s.rttAvgMs]));
    const level = expectationOfSpan.levelAt(span.startedAt);
    const observed = rttLevel(recent)?.medianMs ?? null;
    const last = span.endedAt ?? span.strongUntil;
    const reason =
      `RTT ${observed === null ? '?' : plainNumber(observed)} ms against ${plainNumber(level.medianMs)} ± ` +
      `${plainNumber(level.spreadMs)} ms usual since ${plainTime(span.startedAt, timezone, last)}` +
      (accepted && span.endedAt !== null
        ? `; steady at the new level, accepted as usual from ${plainTime(span.endedAt, timezone, last)}`
        : '');
    return {
      endpointId: this.target.endpointId,
      lineId: this.target.lineId,
      kind: 'rtt_rise',
      score: cusumScore(span.peak, RTT_CUSUM),
      startedAt: span.startedAt,
      endedAt: span.endedAt,
      baseline: { rttMs: level.medianMs, loss: null },
      observed: { rttMs: observed, loss: null },
      reason,
    };
  }
}

export function detectRttRise(input: MinuteDetectorInput): InsightWarning[] {
  return runDetector(input, (target) => new RttRiseDetector(target));
}

/** Whether the RTT in [from, to) sits steadily at one level (see the rule at the top). */
function isSteady(history: MinuteHistory, from: number, to: number, old: Baseline): boolean {
  const span = history.slice(from, to);
  const rtts = (part: typeof span) => part.flatMap((s) => (s.rttAvgMs === null ? [] : [s.rttAvgMs]));
  const whole = rttLevel(rtts(span));
  const first = rttLevel(rtts(span.filter((s) => s.start < from + HOUR_MS)));
  const last = rttLevel(rtts(span.filter((s) => s.start >= to - HOUR_MS)));
  if (!whole || !first || !last || span.length < ADAPTED_MIN_MINUTES) return false;
  const allowed = 2 * Math.max(old.rtt.spreadMs, SPREAD_FLOOR_SHARE * whole.medianMs);
  return whole.spreadMs <= allowed && Math.abs(last.medianMs - first.medianMs) <= whole.spreadMs;
}

/** A baseline with every RTT level multiplied by `ratio` (spreads kept above the floor). */
function scaledBaseline(baseline: Baseline, ratio: number): Baseline {
  const scale = (level: RttLevel): RttLevel => ({
    medianMs: level.medianMs * ratio,
    spreadMs: Math.max(level.spreadMs * ratio, SPREAD_FLOOR_MS),
  });
  const scaleDay = (levels: DayLevels): DayLevels => ({
    rtt: scale(levels.rtt),
    rttByHour: levels.rttByHour.map((level) => level && scale(level)),
  });
  return {
    ...baseline,
    ...scaleDay(baseline),
    rttByWeekday: baseline.rttByWeekday.map((d) => d && scaleDay(d)),
  };
}
