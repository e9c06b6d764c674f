// The delivery log's contract handler (read-only): the newest deliveries and the configured
// channels, for the alarms page. Channel settings (URLs, addresses) are not sent: the page needs
// only ids and kinds, and the config view already shows the file to those who may read it.
import type { ContractHandlers } from '../../shared/contract';
import { isoTime, isoTimeOrNull } from '../../shared/time';
import { NO_NOTIFICATIONS, type LinewatchConfig } from '../config';
import type { Store } from '../store';

export interface DeliveryHandlerDeps {
  store: Pick<Store, 'notificationDeliveries'>;
  config: () => LinewatchConfig;
}

export function createNotificationDeliveryHandlers(
  deps: DeliveryHandlerDeps,
): Pick<ContractHandlers, 'listNotificationDeliveries'> {
  return {
    listNotificationDeliveries: ({ limit }) => ({
      channels: (deps.config().notifications ?? NO_NOTIFICATIONS).channels.map((c) => ({
        id: c.id,
        kind: c.kind,
      })),
      deliveries: deps.store.notificationDeliveries.recent(limit).map((d) => ({
        id: d.id,
        channelId: d.channelId,
        channelKind: d.channelKind,
        type: d.type,
        alarmIds: d.alarmIds,
        status: d.status,
        attempts: d.attempts,
        lastError: d.lastError,
        createdAt: isoTime(d.createdAt),
        lastAttemptAt: isoTimeOrNull(d.lastAttemptAt),
        deliveredAt: isoTimeOrNull(d.deliveredAt),
      })),
    }),
  };
}
