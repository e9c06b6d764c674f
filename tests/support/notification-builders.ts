// Notification messages for channel and dispatcher tests: an alarm as the dispatcher hands it to a
// channel, with plausible impact figures, so a test names only what it is about.
import type { AlarmImpact } from '@src/shared/contract';
import type { NotificationMessage, NotificationType, NotifiedAlarm } from '@src/main/notifications/channel';

const T0 = Date.parse('2026-01-05T14:10:00Z');

export function anImpact(fields: Partial<AlarmImpact> = {}): AlarmImpact {
  return {
    costPerMinute: 0,
    costSoFar: 0,
    affected: { endpointIds: [], lineIds: [] },
    cascadeRisk: 'low',
    expectedRecoveryS: null,
    shift: null,
    severity: 'low',
    inMaintenance: false,
    ...fields,
  };
}

/** An active alarm on `endpointId` of line `press-1` ("Press line 1"), started 14:10Z, detected 14:10:10Z. */
export function aNotifiedAlarm(
  endpointId: string,
  fields: Partial<Omit<NotifiedAlarm, 'impact'>> & { impact?: Partial<AlarmImpact> } = {},
): NotifiedAlarm {
  const { impact, ...rest } = fields;
  const severity = rest.severity ?? impact?.severity ?? 'low';
  return {
    id: 1,
    endpoint: { id: endpointId, name: endpointId },
    line: { id: 'press-1', name: 'Press line 1' },
    startedAt: T0,
    detectedAt: T0 + 10_000,
    clearedAt: null,
    acknowledgedAt: null,
    acknowledgedBy: null,
    secondaryEndpointIds: [],
    ...rest,
    severity,
    impact: anImpact({ ...impact, severity }),
  };
}

/** One alarm is a single message; more are a group (with the count and a reason). */
export function aNotification(
  type: NotificationType,
  alarms: NotifiedAlarm[],
  fields: Partial<NotificationMessage> = {},
): NotificationMessage {
  return {
    type,
    sentAt: T0 + 12_000,
    site: { id: 'plant-a', name: 'Plant A' },
    alarms,
    group: alarms.length > 1 ? { reason: 'storm on Press line 1', count: alarms.length } : null,
    ...fields,
  };
}
