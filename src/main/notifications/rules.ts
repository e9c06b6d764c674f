// Which rules an alarm matches. A rule without `unacknowledged_for` sends raised, cleared and
// acknowledged to its channels; one with it is an escalation and sends only `alarm.escalated`
// (plus the clear/acknowledge of an alarm it escalated, so the person paged hears the end of it).
import type { NotificationRuleConfig } from '../config';
import { severityRank, type NotifiedAlarm } from './channel';

export function matchesRule(rule: NotificationRuleConfig, alarm: NotifiedAlarm): boolean {
  if (severityRank(alarm.severity) < severityRank(rule.minSeverity)) return false;
  if (rule.lines !== null && !rule.lines.includes(alarm.line.id)) return false;
  if (rule.endpoints !== null && !rule.endpoints.includes(alarm.endpoint.id)) return false;
  return true;
}

export const isEscalation = (
  rule: NotificationRuleConfig,
): rule is NotificationRuleConfig & { unacknowledgedForMs: number } => rule.unacknowledgedForMs !== null;

/** Channel ids of the non-escalation rules `alarm` matches. */
export function directChannels(rules: readonly NotificationRuleConfig[], alarm: NotifiedAlarm): Set<string> {
  const out = new Set<string>();
  for (const rule of rules) {
    if (isEscalation(rule) || !matchesRule(rule, alarm)) continue;
    for (const id of rule.channels) out.add(id);
  }
  return out;
}
