// The plant's calendar days, weeks and their starts in the site zone. A local day is 23-25 h long
// across DST (23.5 or 24.5 h on Lord Howe), so day starts are always resolved from the local date,
// never by adding DAY_MS.
//
// Where midnight itself is moved by DST (America/Havana, America/Santiago change their clocks at
// 00:00), the day starts at:
// - the FIRST occurrence of 00:00 when midnight happens twice (Havana 2024-11-03: 00:00 CDT, 04:00Z;
//   the clock goes back at 01:00 CDT to 00:00 CST, 05:00Z, which is not a new day);
// - the first valid instant after the skipped one when midnight does not exist (Havana 2024-03-10:
//   00:00 CST jumps to 01:00 CDT, so the day starts at 01:00 CDT, 05:00Z).
// Both follow from the zoned-time conventions (gap -> shifted forward, overlap -> first occurrence).
import { addDays, atLocal, localDateOf, weekdayOf, type LocalDate } from './zoned-time';

const MIDNIGHT = { hh: 0, mm: 0 } as const;

/** The instant local `date` begins in `zone` (see the DST rules above). */
export function localDayStart(date: LocalDate, zone: string): number {
  return atLocal(date, MIDNIGHT, zone);
}

/** The start of the local day holding `ms`, or of the day `daysBack` days before it. */
export function startOfLocalDay(ms: number, zone: string, daysBack = 0): number {
  return localDayStart(addDays(localDateOf(ms, zone), -daysBack), zone);
}

/**
 * The start of the local day after the one holding `ms`: the end of "today". Always after `ms`,
 * also on the rare day a clock set back at midnight briefly returns to the previous date
 * (America/Santiago in April: 00:00 -03 becomes 23:00 -04).
 */
export function startOfNextLocalDay(ms: number, zone: string): number {
  const date = addDays(localDateOf(ms, zone), 1);
  const next = localDayStart(date, zone);
  return next > ms ? next : localDayStart(addDays(date, 1), zone);
}

/** Monday 00:00 local of the week holding `ms`, or of the week `weeksBack` weeks before it. */
export function startOfLocalWeek(ms: number, zone: string, weeksBack = 0): number {
  const sinceMonday = (weekdayOf(localDateOf(ms, zone)) + 6) % 7;
  return startOfLocalDay(ms, zone, sinceMonday + 7 * weeksBack);
}
