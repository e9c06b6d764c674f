// The delivery log's contract handler (read-only): the newest deliveries and the configured
// channels, for the alarms page. Channel settings (URLs, addresses) are not sent: the page needs
// only ids and kinds, and the config view already shows the file to those who may read it.
import type { ContractHandlers } from '../../shared/contract';
import { formatCount } from '../../shared/format';
import { isoTime, isoTimeOrNull } from '../../shared/time';
import { locateEndpoints, NO_NOTIFICATIONS, type LinewatchConfig } from '../config';
import type { Store } from '../store';

export interface DeliveryHandlerDeps {
  store: Pick<Store, 'notificationDeliveries' | 'alarms'>;
  config: () => LinewatchConfig;
}

export function createNotificationDeliveryHandlers(
  deps: DeliveryHandlerDeps,
): Pick<ContractHandlers, 'listNotificationDeliveries'> {
  return {
    listNotificationDeliveries: ({ limit }) => {
      const config = deps.config();
      const lineOf = locateEndpoints(config);
      /** The device's name for one alarm, a count for a group. */
      const about = (alarmIds: readonly number[]): string => {
        const [only] = alarmIds;
        if (alarmIds.length !== 1 || only === undefined) return `${formatCount(alarmIds.length)} alarms`;
        const alarm = deps.store.alarms.get(only);
        if (alarm === null) return `alarm ${only}`;
        return lineOf.get(alarm.endpointId)?.endpoint.name ?? alarm.endpointId;
      };
      return {
        channels: (config.notifications ?? NO_NOTIFICATIONS).channels.map((c) => ({
          id: c.id,
          kind: c.kind,
        })),
        deliveries: deps.store.notificationDeliveries.recent(limit).map((d) => ({
          id: d.id,
          channelId: d.channelId,
          channelKind: d.channelKind,
          type: d.type,
          alarmIds: d.alarmIds,
          about: about(d.alarmIds),
          status: d.status,
          attempts: d.attempts,
          lastError: d.lastError,
          createdAt: isoTime(d.createdAt),
          lastAttemptAt: isoTimeOrNull(d.lastAttemptAt),
          deliveredAt: isoTimeOrNull(d.deliveredAt),
        })),
      };
    },
  };
}
