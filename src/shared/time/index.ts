// One clock-and-calendar module for main and renderer: fixed lengths and the ISO formatter
// (instant.ts), strict ISO parsing (iso-parse.ts), wall-clock time in an IANA zone with the DST
// conventions (zoned-time.ts), local day starts (local-day.ts) and shift occurrences (shifts.ts).
export { DAY_MS, HOUR_MS, MINUTE_MS, isoTime, isoTimeOrNull } from './instant';
export {
  ISO_EXPECTED,
  epochMsOfIso,
  parseIsoWindow,
  parseIsoWithOffset,
  parseSiteDateTime,
  siteDateTimeToEpochMs,
  type IsoWindow,
  type IsoWindowResult,
  type SiteDateTime,
} from './iso-parse';
export {
  addDays,
  atLocal,
  daysBetween,
  localDateOf,
  localToEpochMs,
  parseClock,
  toLocalParts,
  weekdayOf,
  zoneOffsetMs,
  type LocalDate,
  type LocalParts,
} from './zoned-time';
export { localDayStart, startOfLocalDay, startOfLocalWeek, startOfNextLocalDay } from './local-day';
export {
  crossesMidnight,
  shiftOccurrenceAt,
  shiftOccurrenceOn,
  shiftRule,
  type ShiftRule,
  type ShiftSpan,
  type ShiftTimes,
} from './shifts';
