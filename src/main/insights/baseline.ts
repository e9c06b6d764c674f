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
//   apply.
// - Day of week: the history is one week, so each local weekday has about one day of it, and one odd
//   day (a holiday, a stopped line) must not become "usual" for that weekday next week. So weekdays
//   are not learnt one by one but split into two classes, quieter and busier days: the medians of
//   the local weekdays with at least WEEKDAY_MIN_MINUTES samples are sorted, and where the widest
//   gap between neighbours exceeds WEEKDAY_PATTERN_K × the all-day spread and leaves at least
//   WEEKDAY_CLASS_MIN_DAYS weekdays on each side (a quiet weekend against five working days), each
//   class is learnt like a whole history of its own: its median and spread, and its hour-of-day
//   levels by the hour rule above (against the class's median and spread). A moment on a weekday of
//   a class expects the class's level for its hour, else the class's level. Without such a gap, and
//   on a weekday without enough samples, the all-day and hour-of-day figures apply unchanged.
// - Within a class, the weekdays may disagree at an hour (a Saturday morning shift, a quiet Sunday):
//   the class's median for the hour then sits at whichever day has more minutes, and the other
//   day's shift would be a false warning every week. So where the busiest weekday of the class
//   (with at least WEEKDAY_HOUR_MIN_MINUTES in the hour) has a median above the class's hour median
//   by more than HOUR_PATTERN_K × the class's spread, the hour gets its own level with its spread
//   widened to that difference.
// - Shifts start and end on the hour but not to the minute (a line winding down 22:00-22:15), and
//   an hour's median is that of its majority of minutes. So where the history shows a weekly
//   pattern, a moment expects the most tolerant (highest median + spread) of the levels at it and
//   HOUR_EDGE_MS either side: the nearer neighbouring hour, or weekday, counts too.
// - A weekly pattern within one weekday's hours (a Sunday-night backup) is not modelled.
// - Nothing is judged before MIN_HISTORY_MINUTES minute samples exist (6 hours of data).
import { toLocalParts, weekdayOf } from '../../shared/time';

export const MIN_HISTORY_MINUTES = 360;
export const HOUR_MIN_MINUTES = 60;
// 1, not 3: the all-day spread already holds the load pattern, so 3 of them hid real daily patterns
// (measured by `npm run bench:insights`; README "Measured quality").
export const HOUR_PATTERN_K = 1;
/** Half a day: a weekday with fewer samples (a monitoring gap) has no class. */
export const WEEKDAY_MIN_MINUTES = 720;
/** The gap between the quieter and the busier days' medians, in all-day spreads (as HOUR_PATTERN_K). */
export const WEEKDAY_PATTERN_K = 1;
/** Two: a single odd weekday in the one-week history is not a weekly pattern. */
export const WEEKDAY_CLASS_MIN_DAYS = 2;
/** Half an hour: a weekday with fewer minutes in an hour does not speak for it. */
export const WEEKDAY_HOUR_MIN_MINUTES = 30;
export const HOUR_EDGE_MS = 30 * 60_000;
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

/** Levels learnt from some samples: all of them, and per local hour where a daily pattern shows. */
export interface DayLevels {
  rtt: RttLevel;
  /** Per local hour 0-23: its own level where the data shows a daily pattern, else null. */
  rttByHour: (RttLevel | null)[];
}

export interface Baseline extends DayLevels {
  /**
   * Per local weekday 0 (Sunday)-6: the levels of its class (the quieter or the busier days) where
   * the data shows a weekly pattern, else null (then `rtt` and `rttByHour`, of all days, apply).
   */
  rttByWeekday: (DayLevels | null)[];
  /** Share of failed checks, 0-1. */
  loss: number;
  minutes: number;
}

export function median(sorted: ArrayLike<number>): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const mid = Math.floor(n / 2);
  return n % 2 === 1 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

/** Median and floored robust spread of some RTTs; null when there are none. */
export function rttLevel(values: ArrayLike<number>): RttLevel | null {
  if (values.length === 0) return null;
  // A typed array sorts numerically and several times faster than number[] with a comparator.
  const sorted = Float64Array.from(values).sort();
  const medianMs = median(sorted);
  const deviations = sorted.map((v) => Math.abs(v - medianMs)).sort();
  const spreadMs = Math.max(
    MAD_TO_SIGMA * median(deviations),
    SPREAD_FLOOR_SHARE * medianMs,
    SPREAD_FLOOR_MS,
  );
  return { medianMs, spreadMs };
}

/** One minute's RTT and where it falls in the site's week. */
interface LocalRtt {
  rttMs: number;
  hour: number;
  weekday: number;
}

/** The level of these RTTs and, by the hour rule, of their local hours; null when there are none. */
function dayLevels(rtts: readonly LocalRtt[]): DayLevels | null {
  const rtt = rttLevel(rtts.map((r) => r.rttMs));
  if (rtt === null) return null;
  const byHour: number[][] = Array.from({ length: 24 }, () => []);
  for (const r of rtts) byHour[r.hour]?.push(r.rttMs);
  const rttByHour = byHour.map((values) => {
    if (values.length < HOUR_MIN_MINUTES) return null;
    const level = rttLevel(values);
    return level && Math.abs(level.medianMs - rtt.medianMs) > HOUR_PATTERN_K * rtt.spreadMs ? level : null;
  });
  return { rtt, rttByHour };
}

/**
 * A weekday class's levels: dayLevels of its minutes, with the hours where its weekdays disagree
 * widened (the rule at the top).
 */
function classLevels(rtts: readonly LocalRtt[]): DayLevels | null {
  const levels = dayLevels(rtts);
  if (levels === null) return null;
  const cells: number[][][] = Array.from({ length: 24 }, () => Array.from({ length: 7 }, () => []));
  for (const r of rtts) cells[r.hour]?.[r.weekday]?.push(r.rttMs);
  const rttByHour = levels.rttByHour.map((own, hour) => {
    const days = cells[hour] ?? [];
    const hourLevel = own ?? rttLevel(days.flat());
    if (hourLevel === null || days.reduce((n, day) => n + day.length, 0) < HOUR_MIN_MINUTES) return own;
    const busiest = Math.max(
      ...days
        .filter((day) => day.length >= WEEKDAY_HOUR_MIN_MINUTES)
        .map((day) => median(Float64Array.from(day).sort())),
    );
    const above = busiest - hourLevel.medianMs;
    if (!(above > HOUR_PATTERN_K * levels.rtt.spreadMs)) return own;
    return { medianMs: hourLevel.medianMs, spreadMs: Math.max(hourLevel.spreadMs, above) };
  });
  return { rtt: levels.rtt, rttByHour };
}

/**
 * The quieter and the busier weekdays (each a set of local weekdays) where the history shows a
 * weekly pattern by the rule at the top, else null.
 */
function weekdayClasses(rtts: readonly LocalRtt[], allDays: RttLevel): number[][] | null {
  const byWeekday: number[][] = Array.from({ length: 7 }, () => []);
  for (const r of rtts) byWeekday[r.weekday]?.push(r.rttMs);
  const days = byWeekday
    .map((values, weekday) => ({ weekday, values }))
    .filter((day) => day.values.length >= WEEKDAY_MIN_MINUTES)
    .map((day) => ({ weekday: day.weekday, medianMs: median(Float64Array.from(day.values).sort()) }))
    .sort((a, b) => a.medianMs - b.medianMs);
  let split = -1;
  let widest = WEEKDAY_PATTERN_K * allDays.spreadMs;
  for (let i = WEEKDAY_CLASS_MIN_DAYS; i <= days.length - WEEKDAY_CLASS_MIN_DAYS; i++) {
    const gap = (days[i]?.medianMs ?? NaN) - (days[i - 1]?.medianMs ?? NaN);
    if (gap > widest) {
      widest = gap;
      split = i;
    }
  }
  if (split < 0) return null;
  const weekdays = days.map((day) => day.weekday);
  return [weekdays.slice(0, split), weekdays.slice(split)];
}

/** The baseline of these minute samples, or null when there are fewer than MIN_HISTORY_MINUTES. */
export function learnBaseline(
  samples: readonly MinuteSample[],
  timezone: string,
  minMinutes = MIN_HISTORY_MINUTES,
): Baseline | null {
  const rtts: LocalRtt[] = [];
  let checks = 0;
  let failed = 0;
  for (const sample of samples) {
    if (sample.okCount > 0) {
      checks += sample.count;
      failed += sample.count - sample.okCount;
    }
    if (sample.rttAvgMs === null) continue;
    const { hour, weekday } = localTime(sample.start, timezone);
    rtts.push({ rttMs: sample.rttAvgMs, hour, weekday });
  }
  if (rtts.length < minMinutes) return null;
  const allDays = dayLevels(rtts);
  if (allDays === null) return null;
  const rttByWeekday: (DayLevels | null)[] = Array.from({ length: 7 }, () => null);
  for (const weekdays of weekdayClasses(rtts, allDays.rtt) ?? []) {
    const levels = classLevels(rtts.filter((r) => weekdays.includes(r.weekday)));
    for (const weekday of weekdays) rttByWeekday[weekday] = levels;
  }
  return { ...allDays, rttByWeekday, loss: checks > 0 ? failed / checks : 0, minutes: rtts.length };
}

/** On a weekday of a weekly pattern its class's level for the hour, else the hour's own, else the all-day level. */
function levelAt(baseline: Baseline, ms: number, timezone: string): RttLevel {
  const { hour, weekday } = localTime(ms, timezone);
  const levels = baseline.rttByWeekday[weekday] ?? baseline;
  return levels.rttByHour[hour] ?? levels.rtt;
}

/**
 * The RTT level expected at `ms` (the rule at the top): levelAt, and where the history shows a
 * weekly pattern, the most tolerant of the levels at `ms` and HOUR_EDGE_MS either side.
 */
export function expectedRtt(baseline: Baseline, ms: number, timezone: string): RttLevel {
  let expected = levelAt(baseline, ms, timezone);
  if (baseline.rttByWeekday.every((levels) => levels === null)) return expected;
  for (const edge of [ms - HOUR_EDGE_MS, ms + HOUR_EDGE_MS]) {
    const level = levelAt(baseline, edge, timezone);
    if (level.medianMs + level.spreadMs > expected.medianMs + expected.spreadMs) expected = level;
  }
  return expected;
}

// Local hours and weekdays of a zone are cached per UTC hour: toLocalParts goes through Intl and is
// slow per minute. (A zone whose offset is not whole hours is read at the UTC hour's start.)
interface LocalTime {
  hour: number;
  weekday: number;
}
const localCache = new Map<string, Map<number, LocalTime>>();
function localTime(ms: number, timezone: string): LocalTime {
  const utcHour = Math.floor(ms / 3_600_000);
  let zone = localCache.get(timezone);
  if (zone === undefined) {
    zone = new Map();
    localCache.set(timezone, zone);
  }
  let local = zone.get(utcHour);
  if (local === undefined) {
    const parts = toLocalParts(utcHour * 3_600_000, timezone);
    local = { hour: parts.hh, weekday: weekdayOf(parts) };
    if (zone.size > 50_000) zone.clear();
    zone.set(utcHour, local);
  }
  return local;
}
