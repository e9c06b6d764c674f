// Value checks that zod has no built-in for. Each returns a boolean so the schema can attach
// its own "expected ..." message.
import { isIP } from 'node:net';

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
