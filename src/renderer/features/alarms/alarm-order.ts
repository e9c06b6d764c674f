// The order of the strip and the alarm list: an operator chases the worst fault first, and among
// equally bad ones the one that has been down longest (it has cost the most and is furthest past
// its repair time). So: still down before back up (a device that answers again needs a note, not
// a hand), then severity as main computed it (critical, high, medium, low; an alarm in maintenance
// is never above low there), then the oldest outage first, the id breaking ties so rows never jitter.
// Acknowledged alarms keep their place: being answered does not make a fault less severe.
import { SEVERITIES, type AlarmView, type Severity } from '../../../shared/contract';

/** 0 for critical … 3 for low. */
export const severityRank = (severity: Severity): number => SEVERITIES.indexOf(severity);

export const isDown = (alarm: AlarmView): boolean => alarm.clearedAt === null;

export function compareAlarms(a: AlarmView, b: AlarmView): number {
  const down = Number(isDown(b)) - Number(isDown(a));
  if (down !== 0) return down;
  const severity = severityRank(a.impact.severity) - severityRank(b.impact.severity);
  if (severity !== 0) return severity;
  const older = Date.parse(a.startedAt) - Date.parse(b.startedAt);
  if (older !== 0) return older;
  return a.id - b.id;
}

/** The most severe of a non-empty set of alarms. */
export function worstSeverity(alarms: readonly AlarmView[]): Severity {
  let worst: Severity = 'low';
  for (const alarm of alarms) {
    if (severityRank(alarm.impact.severity) < severityRank(worst)) worst = alarm.impact.severity;
  }
  return worst;
}

/**
 * What a set of alarms costs per minute: a line's rate counts once, however many of its alarms
 * take it down (the line is down or it is not), so a group never shows more than it loses.
 */
export function costPerMinute(alarms: readonly AlarmView[]): number {
  const byLine = new Map<string, number>();
  for (const alarm of alarms) {
    if (!isDown(alarm)) continue;
    byLine.set(alarm.lineId, Math.max(byLine.get(alarm.lineId) ?? 0, alarm.impact.costPerMinute));
  }
  let total = 0;
  for (const rate of byLine.values()) total += rate;
  return total;
}
