// Words for alarms and engine health, short enough to read from across the room.
import type { AlarmImpact, ConfigIssue } from '../../../shared/contract';
import { formatCost, formatCount } from '../../../shared/format';
import type { EndpointType } from '../../../shared/domain/endpoint';
import { TYPE_LABEL } from '../../live/format-live';

/** "14:03" (or "14:03:27") in the site's zone (the wall's clock shows that zone too), local time if it is unknown. */
export function formatClockTime(iso: string, timeZone: string | undefined, withSeconds = false): string {
  const options: Intl.DateTimeFormatOptions = {
    hour: '2-digit',
    minute: '2-digit',
    ...(withSeconds ? { second: '2-digit' } : {}),
    hour12: false,
  };
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return '';
  try {
    return new Intl.DateTimeFormat(undefined, { ...options, timeZone }).format(at);
  } catch {
    return new Intl.DateTimeFormat(undefined, options).format(at);
  }
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

/** "1,200/min": what a line loses per minute while it is down (no currency: the config names none). */
export const formatCostRate = (perMinute: number): string => `${formatCost(perMinute)}/min`;

/**
 * The impact at `nowMs`: an active alarm's cost keeps counting at its rate from the instant main
 * computed it, so a strip left open does not show the cost of its last answer for minutes.
 */
export function impactAt(impact: AlarmImpact, active: boolean, nowMs: number): AlarmImpact {
  if (!active || impact.asOf === undefined || impact.costPerMinute === 0) return impact;
  const sinceMs = Math.max(0, nowMs - Date.parse(impact.asOf));
  return { ...impact, costSoFar: impact.costSoFar + (sinceMs / 60_000) * impact.costPerMinute };
}

/**
 * The compact impact of one alarm for its row: "1,200/min · 36,000 so far · affects 4 devices,
 * 2 lines". Parts that are zero are left out (a camera that stops no line costs nothing); null
 * when nothing is left.
 */
export function formatImpact(impact: AlarmImpact): string | null {
  const parts: string[] = [];
  if (impact.costPerMinute > 0) parts.push(formatCostRate(impact.costPerMinute));
  if (impact.costSoFar > 0) parts.push(`${formatCost(impact.costSoFar)} so far`);
  const devices = impact.affected.endpointIds.length;
  const lines = impact.affected.lineIds.length;
  const affected: string[] = [];
  if (devices > 0) affected.push(`${formatCount(devices)} ${devices === 1 ? 'device' : 'devices'}`);
  if (lines > 0) affected.push(`${formatCount(lines)} ${lines === 1 ? 'line' : 'lines'}`);
  if (affected.length > 0) parts.push(`affects ${affected.join(', ')}`);
  return parts.length > 0 ? parts.join(' · ') : null;
}

/**
 * "+3 devices down behind this switch": the devices whose own alarms are held back because this
 * one is down ("behind it" when the type is unknown).
 */
export function formatBehind(count: number, type: EndpointType | undefined): string {
  const devices = `${formatCount(count)} ${count === 1 ? 'device' : 'devices'}`;
  const behind = type ? `this ${TYPE_LABEL[type].toLowerCase()}` : 'it';
  return `+${devices} down behind ${behind}`;
}
