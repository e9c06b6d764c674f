// Strict parsing of ISO 8601 date-times, by hand rather than with Date.parse: Date.parse quietly
// rolls "02-30" over into March and reads "24:00" as the next day, and a typo must not shift a
// report window or a maintenance entry. Two dialects:
// - instants (`parseIsoWithOffset`): Z or an explicit offset is required, because a bare local time
//   would be ambiguous between the operator's PC, the server and the site zone. Used by the report
//   CLI and the contract's request schemas.
// - site date-times (`parseSiteDateTime`): the config's one-off maintenance `from`/`to`, site-local
//   unless written with an offset, to the second.
import { isoTime } from './instant';
import { daysInMonth, localToEpochMs, utcMsOf, type LocalParts } from './zoned-time';

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|([+-])(\d{2}):(\d{2}))?$/;

export const ISO_EXPECTED =
  'an ISO 8601 time with Z or an offset, e.g. 2026-01-05T14:00:00Z or 2026-01-05T15:00:00+01:00';

interface WrittenDateTime {
  local: LocalParts;
  /** The fraction of a second as written (truncated to ms, as Date.parse does); null when absent. */
  millis: number | null;
  /** Minutes east of UTC ("Z" = 0); null when the text carries no offset. */
  offsetMinutes: number | null;
}

/** The parts of "YYYY-MM-DDTHH:MM[:SS[.fff]][Z|±HH:MM]", or null unless each names a real value. */
function readDateTime(text: string): WrittenDateTime | null {
  const match = text.match(DATE_TIME);
  if (!match) return null;
  const [, y, m, d, hh, mm, ss = '0', fraction, zone, sign, offH = '0', offM = '0'] = match;
  const local: LocalParts = {
    y: Number(y),
    m: Number(m),
    d: Number(d),
    hh: Number(hh),
    mm: Number(mm),
    ss: Number(ss),
  };
  if (local.hh > 23 || local.mm > 59 || local.ss > 59 || Number(offH) > 23 || Number(offM) > 59) {
    return null;
  }
  if (local.m < 1 || local.m > 12 || local.d < 1 || local.d > daysInMonth(local.y, local.m)) return null;
  const millis = fraction === undefined ? null : Number(fraction.padEnd(3, '0').slice(0, 3));
  const offsetMinutes =
    zone === undefined ? null : (sign === '-' ? -1 : 1) * (Number(offH) * 60 + Number(offM));
  return { local, millis, offsetMinutes };
}

/**
 * Epoch ms of an ISO time with Z or an offset ("2026-01-05T15:00:00+01:00", seconds and fraction
 * optional, surrounding spaces and letter case ignored), or null when it is anything else.
 */
export function parseIsoWithOffset(text: string): number | null {
  const written = readDateTime(text.trim().toUpperCase());
  if (written === null || written.offsetMinutes === null) return null;
  return utcMsOf(written.local, written.millis ?? 0) - written.offsetMinutes * 60_000;
}

/**
 * Epoch ms of an ISO time that is known to be one: a zod `iso.datetime` field, or a time this
 * program wrote itself (a contract response). Throws instead of returning NaN when it is not.
 */
export function epochMsOfIso(text: string): number {
  const ms = parseIsoWithOffset(text);
  if (ms === null) throw new Error(`expected ${ISO_EXPECTED}; got "${text}"`);
  return ms;
}

export interface IsoWindow {
  fromMs: number;
  toMs: number;
}

export type IsoWindowResult = { ok: true; window: IsoWindow } | { ok: false; message: string };

/** Parses a `from`/`to` pair (the CLI's `--from`/`--to` by default) and checks from < to. */
export function parseIsoWindow(
  from: string,
  to: string,
  names = { from: '--from', to: '--to' },
): IsoWindowResult {
  const fromMs = parseIsoWithOffset(from);
  if (fromMs === null)
    return { ok: false, message: `${names.from}: expected ${ISO_EXPECTED}; got "${from}"` };
  const toMs = parseIsoWithOffset(to);
  if (toMs === null) return { ok: false, message: `${names.to}: expected ${ISO_EXPECTED}; got "${to}"` };
  if (fromMs >= toMs) {
    return {
      ok: false,
      message: `${names.from} must be before ${names.to}: ${isoTime(fromMs)} is not before ${isoTime(toMs)}`,
    };
  }
  return { ok: true, window: { fromMs, toMs } };
}

/** A config date-time: wall-clock parts in the site zone, or an absolute time when it has an offset. */
export interface SiteDateTime {
  local: LocalParts;
  /** Minutes east of UTC when the text carried an offset ("Z" = 0); null for site-local times. */
  offsetMinutes: number | null;
}

/** Parses "YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM]" (no fraction); null when malformed or not a real time. */
export function parseSiteDateTime(text: string): SiteDateTime | null {
  const written = readDateTime(text);
  if (written === null || written.millis !== null) return null;
  return { local: written.local, offsetMinutes: written.offsetMinutes };
}

/**
 * The instant a config date-time denotes: its own offset when written with one, else site-local
 * under the zoned-time DST rules (a skipped time moves forward, a repeated one takes its first
 * occurrence), so config validation and the maintenance calendar agree.
 */
export function siteDateTimeToEpochMs(dt: SiteDateTime, zone: string): number {
  if (dt.offsetMinutes !== null) return utcMsOf(dt.local) - dt.offsetMinutes * 60_000;
  return localToEpochMs(dt.local, zone);
}
