// Conversions between instants (epoch ms) and wall-clock time in an IANA zone, using only Intl
// (no timezone library ships with the app). Pure: no clock reads, no I/O.
//
// DST conventions (the same as Temporal's default `disambiguation: 'compatible'`):
// - A local time that does not exist (spring-forward gap) is shifted FORWARD by the gap length:
//   Europe/Berlin 2026-03-29 02:30 -> 03:30 CEST (01:30Z); 02:00 -> 03:00 CEST (01:00Z).
// - A local time that occurs twice (fall-back overlap) maps to the FIRST (earlier) occurrence:
//   Europe/Berlin 2026-10-25 02:30 -> 02:30 CEST (00:30Z), not 02:30 CET (01:30Z).

import { DAY_MS } from './instant';

export interface LocalParts {
  y: number;
  /** 1-12 */
  m: number;
  /** 1-31 */
  d: number;
  hh: number;
  mm: number;
  ss: number;
}

export interface LocalDate {
  y: number;
  m: number;
  d: number;
}

// Building a DateTimeFormat costs far more than using one, and the calendars call this thousands of
// times per report, so keep one per zone for the life of the process (zones are few).
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      // h23 so midnight is 00, never the "24" some hour12:false formats produce.
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** Wall-clock parts of the instant `ms` in `zone` (seconds precision; ms are dropped). */
export function toLocalParts(ms: number, zone: string): LocalParts {
  const out: LocalParts = { y: 0, m: 0, d: 0, hh: 0, mm: 0, ss: 0 };
  for (const p of formatterFor(zone).formatToParts(ms)) {
    switch (p.type) {
      case 'year':
        out.y = Number(p.value);
        break;
      case 'month':
        out.m = Number(p.value);
        break;
      case 'day':
        out.d = Number(p.value);
        break;
      case 'hour':
        out.hh = Number(p.value);
        break;
      case 'minute':
        out.mm = Number(p.value);
        break;
      case 'second':
        out.ss = Number(p.value);
        break;
    }
  }
  return out;
}

// 400 Gregorian years are exactly 146,097 days: the calendar, leap days included, repeats.
const GREGORIAN_CYCLE_MS = 146_097 * DAY_MS;

/**
 * The parts read as a UTC time (`millis` added): for parts that carry their own offset, and the
 * zone-free "local ms" used for arithmetic below. Unlike Date.UTC, years 0-99 are those years.
 */
export function utcMsOf(p: LocalParts, millis = 0): number {
  if (p.y >= 0 && p.y < 100) {
    return Date.UTC(p.y + 400, p.m - 1, p.d, p.hh, p.mm, p.ss, millis) - GREGORIAN_CYCLE_MS;
  }
  return Date.UTC(p.y, p.m - 1, p.d, p.hh, p.mm, p.ss, millis);
}

/** Days in month `m` (1-12) of year `y`. */
export function daysInMonth(y: number, m: number): number {
  // Day 0 of the next month is this month's last; 2000 + y % 400 has y's leap rule and no 0-99 trap.
  return new Date(Date.UTC(2000 + (((y % 400) + 400) % 400), m, 0)).getUTCDate();
}

const wallMs = (p: LocalParts): number => utcMsOf(p);

/** Offset of `zone` from UTC at instant `ms`, in ms (east positive; +3_600_000 for CET). */
export function zoneOffsetMs(ms: number, zone: string): number {
  // Whole seconds only: formatToParts drops the ms, so compare against the truncated instant.
  const truncated = Math.floor(ms / 1000) * 1000;
  return wallMs(toLocalParts(ms, zone)) - truncated;
}

// Resolving the same local time in the same zone recurs constantly (every endpoint's line shares a
// schedule, every report re-asks for the same days), so memoise. Bounded: cleared when full, which
// is cheap to refill and keeps a long-running monitor from growing without limit.
const LOCAL_CACHE_MAX = 20_000;
const localCache = new Map<string, number>();

/**
 * The instant a wall-clock time in `zone` denotes, under the conventions at the top of this file.
 * Assumes at most one offset change within ±1 day of the time, true of every real zone rule.
 */
export function localToEpochMs(parts: LocalParts, zone: string): number {
  const wall = wallMs(parts);
  const key = `${zone}|${wall}`;
  const hit = localCache.get(key);
  if (hit !== undefined) return hit;
  // The offsets in force a day either side bracket any change near `wall`; each is a candidate.
  const before = zoneOffsetMs(wall - DAY_MS, zone);
  const after = zoneOffsetMs(wall + DAY_MS, zone);
  if (before === after) return remember(key, wall - before); // no change nearby: the common case
  const candidates = [wall - before, wall - after].filter((c) => zoneOffsetMs(c, zone) === wall - c);
  let result: number;
  if (candidates.length > 0) {
    // Two valid candidates = an overlap; the earlier instant is the first occurrence.
    result = Math.min(...candidates);
  } else {
    // A gap: read the time with the offset from before the change, which lands gap-length later on
    // the clock (02:30 CET = 01:30Z = 03:30 CEST).
    result = wall - before;
  }
  return remember(key, result);
}

function remember(key: string, result: number): number {
  if (localCache.size >= LOCAL_CACHE_MAX) localCache.clear();
  localCache.set(key, result);
  return result;
}

/** The local calendar date of instant `ms` in `zone`. */
export function localDateOf(ms: number, zone: string): LocalDate {
  const { y, m, d } = toLocalParts(ms, zone);
  return { y, m, d };
}

/** `date` moved by `days` calendar days (month/year roll-over handled by Date.UTC). */
export function addDays(date: LocalDate, days: number): LocalDate {
  const t = new Date(Date.UTC(date.y, date.m - 1, date.d + days));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** 0 = sunday ... 6 = saturday, as in the config's `weekday`. */
export function weekdayOf(date: LocalDate): number {
  return new Date(Date.UTC(date.y, date.m - 1, date.d)).getUTCDay();
}

/** Whole calendar days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((Date.UTC(b.y, b.m - 1, b.d) - Date.UTC(a.y, a.m - 1, a.d)) / DAY_MS);
}

/** Parses "HH:MM" (already validated by the config schema) into hours and minutes. */
export function parseClock(text: string): { hh: number; mm: number } {
  const match = text.match(/^(\d{2}):(\d{2})$/);
  if (!match) throw new Error(`expected a clock time "HH:MM", got "${text}"`);
  return { hh: Number(match[1]), mm: Number(match[2]) };
}

/** Wall-clock time `clock` on `date` in `zone` as an instant (DST conventions as above). */
export function atLocal(date: LocalDate, clock: { hh: number; mm: number }, zone: string): number {
  return localToEpochMs({ ...date, hh: clock.hh, mm: clock.mm, ss: 0 }, zone);
}
