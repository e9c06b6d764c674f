// The JSON body of a notification, as the webhook POSTs it and the MQTT channel publishes it
// (snake_case, ISO times, impact figures unrounded). One shape for one alarm and for a group:
//   alarm   the alarm the message is about; for a group the worst one (severity, then earliest)
//   alarms  every alarm of the message, worst first (one element for a single alarm)
//   group   null for a single alarm; { reason, count } for a group
// so a receiver that only reads `alarm` still sees the most important alarm of a storm.
import { isoTime, isoTimeOrNull } from '../../shared/time';
import { worstFirst, type NotificationMessage, type NotifiedAlarm } from './channel';

export interface NotificationBody {
  type: NotificationMessage['type'];
  sent_at: string;
  site: { id: string; name: string };
  alarm: AlarmBody;
  alarms: AlarmBody[];
  group: { reason: string; count: number } | null;
}

export interface AlarmBody {
  id: number;
  endpoint: { id: string; name: string };
  line: { id: string; name: string };
  severity: NotifiedAlarm['severity'];
  started_at: string;
  detected_at: string;
  cleared_at: string | null;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
  secondary_endpoint_ids: string[];
  impact: {
    cost_per_minute: number;
    cost_so_far: number;
    affected: { endpoint_ids: string[]; line_ids: string[] };
    cascade_risk: NotifiedAlarm['impact']['cascadeRisk'];
    expected_recovery_s: number | null;
    shift: { id: string; name: string } | null;
    severity: NotifiedAlarm['impact']['severity'];
    in_maintenance: boolean;
  };
}

export function alarmBody(alarm: NotifiedAlarm): AlarmBody {
  const { impact } = alarm;
  return {
    id: alarm.id,
    endpoint: alarm.endpoint,
    line: alarm.line,
    severity: alarm.severity,
    started_at: isoTime(alarm.startedAt),
    detected_at: isoTime(alarm.detectedAt),
    cleared_at: isoTimeOrNull(alarm.clearedAt),
    acknowledged_at: isoTimeOrNull(alarm.acknowledgedAt),
    acknowledged_by: alarm.acknowledgedBy,
    secondary_endpoint_ids: alarm.secondaryEndpointIds,
    impact: {
      cost_per_minute: impact.costPerMinute,
      cost_so_far: impact.costSoFar,
      affected: { endpoint_ids: impact.affected.endpointIds, line_ids: impact.affected.lineIds },
      cascade_risk: impact.cascadeRisk,
      expected_recovery_s: impact.expectedRecoveryS,
      shift: impact.shift,
      severity: impact.severity,
      in_maintenance: impact.inMaintenance,
    },
  };
}

export function notificationBody(message: NotificationMessage): NotificationBody {
  const alarms = worstFirst(message.alarms).map(alarmBody);
  const [first] = alarms;
  if (first === undefined) throw new Error('a notification needs at least one alarm');
  return {
    type: message.type,
    sent_at: isoTime(message.sentAt),
    site: message.site,
    alarm: first,
    alarms,
    group: message.group,
  };
}
