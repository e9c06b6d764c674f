// Value checks that zod has no built-in for. Each returns a boolean so the schema can attach
// its own "expected ..." message.
import { isIP } from 'node:net';
import { localToEpochMs } from '../calendar/zoned-time';

export const ID_RE = /^[a-z0-9][a-z0-9-]*$/;

const HOST_LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const HOSTNAME_RE = new RegExp(`^${HOST_LABEL}(?:\\.${HOST_LABEL})*\\.?$`);

/**
 * A hostname, IPv4 or IPv6 address. The host ends up as an argument to `ping`, so anything that
 * starts with '-' (an option to ping) or contains spaces/shell characters is refused outright.
 */
export function isValidHost(host: string): boolean {
  if (host.startsWith('-')) return false;
  if (isIP(host) !== 0) return true;
  return host.length <= 253 && HOSTNAME_RE.test(host);
}

/** An IANA zone name Intl knows. Raw UTC offsets ("+01:00") are refused: they have no DST rules. */
export function isValidTimezone(zone: string): boolean {
  if (!/^[A-Za-z]/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const HHMM_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isValidClockTime(value: string): boolean {
  return HHMM_RE.test(value);
}

export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Minutes east of UTC when the text carried an offset ("Z" = 0); null for site-local times. */
  offsetMinutes: number | null;
}

const LOCAL_DT_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})?$/;

/** Parses "YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM]"; null when malformed or not a real calendar date. */
export function parseLocalDateTime(text: string): LocalDateTime | null {
  const m = LOCAL_DT_RE.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (hour > 23 || minute > 59 || second > 59) return null;
  // Date.UTC rolls 2026-02-30 over to March; a round trip catches impossible dates.
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    return null;
  }
  return { year, month, day, hour, minute, second, offsetMinutes: parseOffset(m[7]) };
}

function parseOffset(text: string | undefined): number | null {
  if (text === undefined) return null;
  if (text === 'Z') return 0;
  const sign = text.startsWith('-') ? -1 : 1;
  const [h, min] = text.slice(1).split(':').map(Number) as [number, number];
  return sign * (h * 60 + min);
}

export function localDateTimeToEpochMs(dt: LocalDateTime, zone: string): number {
  if (dt.offsetMinutes !== null) {
    return Date.UTC(dt.year, dt.month - 1, dt.day, dt.hour, dt.minute, dt.second) - dt.offsetMinutes * 60_000;
  }
  // One DST convention everywhere: the calendar's (a skipped time moves forward, a repeated one
  // takes its first occurrence), so config validation and maintenance windows agree.
  return localToEpochMs(
    { y: dt.year, m: dt.month, d: dt.day, hh: dt.hour, mm: dt.minute, ss: dt.second },
    zone,
  );
}
