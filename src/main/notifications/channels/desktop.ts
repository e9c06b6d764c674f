// The desktop channel: a short notice for the people at this machine. Where it shows is the host's
// business (`show`): the Electron shell pops a native Notification; the headless host hands it to
// the connected dashboards, which show it with the browser Notification API. `show` rejects when
// nothing could show it, so the delivery log says so instead of claiming success.
import { formatCost, formatCount } from '../../../shared/format';
import { worstAlarm, type Channel, type NotificationMessage, type NotificationType } from '../channel';

export interface DesktopNotice {
  title: string;
  body: string;
  /** Same tag = the OS replaces the older notice (one per alarm or group, not a pile). */
  tag: string;
  severity: NotificationMessage['alarms'][number]['severity'];
  type: NotificationType;
  alarmIds: number[];
}

export type ShowDesktopNotice = (notice: DesktopNotice) => Promise<void>;

const VERB: Record<NotificationType, string> = {
  'alarm.raised': 'down',
  'alarm.escalated': 'still down, not acknowledged',
  'alarm.cleared': 'up again',
  'alarm.acknowledged': 'acknowledged',
};

export function desktopNotice(message: NotificationMessage): DesktopNotice {
  const worst = worstAlarm(message.alarms);
  if (worst === undefined) throw new Error('a notification needs at least one alarm');
  const alarmIds = message.alarms.map((alarm) => alarm.id).sort((a, b) => a - b);
  const cost =
    worst.impact.costPerMinute > 0 && message.type !== 'alarm.cleared'
      ? ` · ${formatCost(message.alarms.reduce((sum, alarm) => sum + alarm.impact.costPerMinute, 0))}/min`
      : '';
  if (message.alarms.length === 1) {
    return {
      title: `${worst.endpoint.name} ${VERB[message.type]}`,
      body: `${worst.line.name} · ${worst.severity}${cost}`,
      tag: `linewatch-alarm-${worst.id}`,
      severity: worst.severity,
      type: message.type,
      alarmIds,
    };
  }
  const lines = [...new Set(message.alarms.map((alarm) => alarm.line.name))];
  return {
    title: `${formatCount(message.alarms.length)} alarms ${VERB[message.type]}`,
    body: `${lines.length === 1 ? (lines[0] ?? '') : `${formatCount(lines.length)} lines`} · worst: ${worst.endpoint.name} (${worst.severity})${cost}`,
    tag: `linewatch-group-${message.type}-${alarmIds[0] ?? 0}`,
    severity: worst.severity,
    type: message.type,
    alarmIds,
  };
}

export function createDesktopChannel(id: string, show: ShowDesktopNotice): Channel {
  return {
    id,
    kind: 'desktop',
    deliver: (message) => show(desktopNotice(message)),
    close: () => Promise.resolve(),
  };
}
