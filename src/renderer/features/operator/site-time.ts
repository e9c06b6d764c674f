// Local calendar arithmetic in the site's zone (the plant's "today" and "this shift" are its own,
// whatever zone the screen's PC is set to). The Intl work and the DST rules live in
// src/shared/time/zoned-time.ts.
import { atLocal, toLocalParts, weekdayOf } from '../../../shared/time/zoned-time';

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
}

export function localParts(ms: number, timeZone: string): LocalParts {
  const { y, m, d, hh, mm, ss } = toLocalParts(ms, timeZone);
  return { year: y, month: m, day: d, hour: hh, minute: mm, second: ss, weekday: weekdayOf({ y, m, d }) };
}

/**
 * Epoch ms of a local wall-clock time. DST as in zoned-time: a time in a spring-forward gap moves
 * forward by the gap, a time that occurs twice resolves to the first occurrence.
 */
export function localToMs(
  date: { year: number; month: number; day: number },
  hour: number,
  minute: number,
  timeZone: string,
): number {
  return atLocal({ y: date.year, m: date.month, d: date.day }, { hh: hour, mm: minute }, timeZone);
}

export function startOfLocalDay(ms: number, timeZone: string, daysBack = 0): number {
  const p = localParts(ms, timeZone);
  const date = new Date(Date.UTC(p.year, p.month - 1, p.day - daysBack));
  return localToMs(
    { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() },
    0,
    0,
    timeZone,
  );
}

/** Monday 00:00 local of the week holding `ms`, `weeksBack` weeks earlier. */
export function startOfLocalWeek(ms: number, timeZone: string, weeksBack = 0): number {
  const sinceMonday = (localParts(ms, timeZone).weekday + 6) % 7;
  return startOfLocalDay(ms, timeZone, sinceMonday + 7 * weeksBack);
}

export interface ShiftDef {
  id: string;
  name: string;
  /** "HH:MM" local. */
  start: string;
  end: string;
}

const minutesOf = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/** The occurrence of a shift that contains `ms`, or null when that shift is not on now. */
export function shiftOccurrenceAt(
  shift: ShiftDef,
  ms: number,
  timeZone: string,
): { fromMs: number; toMs: number } | null {
  const start = minutesOf(shift.start);
  const end = minutesOf(shift.end);
  const length = end > start ? end - start : end + 1440 - start;
  // It started today or (crossing midnight) yesterday.
  for (const daysBack of [0, 1]) {
    const day = localParts(startOfLocalDay(ms, timeZone, daysBack), timeZone);
    const fromMs = localToMs(day, Math.floor(start / 60), start % 60, timeZone);
    const endDay = new Date(Date.UTC(day.year, day.month - 1, day.day) + (start + length) * 60_000);
    const toMs = localToMs(
      { year: endDay.getUTCFullYear(), month: endDay.getUTCMonth() + 1, day: endDay.getUTCDate() },
      endDay.getUTCHours(),
      endDay.getUTCMinutes(),
      timeZone,
    );
    if (fromMs <= ms && ms < toMs) return { fromMs, toMs };
  }
  return null;
}

export function currentShift(
  shifts: readonly ShiftDef[],
  ms: number,
  timeZone: string,
): { shift: ShiftDef; fromMs: number; toMs: number } | null {
  for (const shift of shifts) {
    const occurrence = shiftOccurrenceAt(shift, ms, timeZone);
    if (occurrence) return { shift, ...occurrence };
  }
  return null;
}
