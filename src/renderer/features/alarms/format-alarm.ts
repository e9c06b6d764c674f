// Words for alarms and engine health, short enough to read from across the room.
import type { ConfigIssue } from '../../../shared/contract';
import type { EndpointType } from '../../../shared/domain/endpoint';
import { TYPE_LABEL } from '../../live/format-live';

/** "14:03" in the site's zone (the wall's clock shows that zone too), local time if it is unknown. */
export function formatClockTime(iso: string, timeZone: string | undefined): string {
  const options: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hour12: false };
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return '';
  try {
    return new Intl.DateTimeFormat(undefined, { ...options, timeZone }).format(at);
  } catch {
    return new Intl.DateTimeFormat(undefined, options).format(at);
  }
}

/** "+3 behind this switch": how many devices are down only because this one is. */
export function formatSuppressed(count: number, type: EndpointType | undefined): string | null {
  if (count <= 0) return null;
  const noun = type ? TYPE_LABEL[type].toLowerCase() : 'device';
  return `+${count} behind this ${noun}`;
}

export function formatLag(ms: number): string {
  return `Checks running ${(ms / 1_000).toFixed(1)} s late`;
}

export function formatConfigHeadline(errorCount: number): string {
  const errors = errorCount === 1 ? '1 error' : `${errorCount} errors`;
  return `Configuration has ${errors} — still monitoring with the last good configuration`;
}

/** The compiler-style line IT can paste into a search or jump to in an editor. */
export function formatConfigIssue(issue: ConfigIssue): string {
  return `${issue.file}:${issue.line}:${issue.col} ${issue.message}`;
}

export function formatAcknowledged(
  by: string | null,
  at: string | null,
  note: string | null,
  timeZone?: string,
) {
  const when = at ? ` ${formatClockTime(at, timeZone)}` : '';
  const text = `ACK by ${by ?? 'unknown'}${when}`;
  return note ? `${text} — ${note}` : text;
}
