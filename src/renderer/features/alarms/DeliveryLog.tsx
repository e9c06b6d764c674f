// The notification delivery log under the alarm list (read-only): what was sent to which channel
// (webhook, email, MQTT, desktop), whether it arrived, how many attempts it took and the last
// error, so a channel that fails is visible here and not only in a log file on the server.
import type { NotificationDeliveryView } from '../../../shared/contract';
import { formatCount } from '../../../shared/format';
import { useClient } from '../../app/client-context';
import { formatDateTime } from '../operator/format-operator';
import { LoadStatus } from '../operator/OperatorPage';
import { useInterval, useRequest } from '../operator/use-request';
import { useAlarms } from './alarm-store';

const ROWS = 50;
/** Retries happen in the background: refresh often enough to watch a failing channel recover. */
const REFRESH_MS = 10_000;

const STATUS_TEXT: Record<NotificationDeliveryView['status'], string> = {
  pending: '… sending',
  delivered: '✓ delivered',
  failed: '✕ failed',
  dropped: '✕ dropped',
};

function statusText(delivery: NotificationDeliveryView): string {
  if (delivery.status === 'pending' && delivery.attempts > 0) return '↻ retrying';
  return STATUS_TEXT[delivery.status];
}

function what(delivery: NotificationDeliveryView): string {
  return `${delivery.type.replace(/^alarm\./, '')} · ${delivery.about}`;
}

export function DeliveryLog({ timeZone }: { timeZone: string | undefined }) {
  const client = useClient();
  // A new or changed alarm usually means a new delivery: reload with the list.
  const alarmsVersion = useAlarms((state) =>
    state.alarms.map((a) => `${a.id}${a.clearedAt ?? ''}${a.acknowledgedAt ?? ''}`).join(),
  );
  const log = useRequest(`deliveries-${alarmsVersion}`, () =>
    client.listNotificationDeliveries({ limit: ROWS }),
  );
  useInterval(log.reload, REFRESH_MS);
  const channels = log.data?.channels ?? [];
  const rows = log.data?.deliveries ?? [];
  return (
    <section className="op-section" aria-labelledby="deliveries-title" data-delivery-log="">
      <h2 id="deliveries-title" className="op-section__title">
        Notifications sent
      </h2>
      {log.status === 'ok' && channels.length === 0 ? (
        <p className="op-muted">
          No notification channels are configured (see “notifications” in the config file).
        </p>
      ) : (
        <>
          {channels.length > 0 && (
            <p className="op-muted">Channels: {channels.map((c) => `${c.id} (${c.kind})`).join(', ')}</p>
          )}
          <LoadStatus
            status={log.status}
            error={log.error}
            empty={rows.length === 0}
            what="notification deliveries"
            emptyText="Nothing has been sent yet."
          />
        </>
      )}
      {rows.length > 0 && (
        <table className="op-table">
          <thead>
            <tr>
              <th>Queued</th>
              <th>Channel</th>
              <th>Message</th>
              <th>Status</th>
              <th>Attempts</th>
              <th>Last error</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => (
              <tr key={d.id} data-delivery-status={d.status}>
                <td>{formatDateTime(d.createdAt, timeZone, true)}</td>
                <td>
                  {d.channelId} <span className="op-muted">({d.channelKind})</span>
                </td>
                <td>{what(d)}</td>
                <td>
                  {statusText(d)}
                  {d.deliveredAt !== null && (
                    <span className="op-muted"> {formatDateTime(d.deliveredAt, timeZone, true)}</span>
                  )}
                </td>
                <td className="op-num">{formatCount(d.attempts)}</td>
                <td>{d.lastError ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
