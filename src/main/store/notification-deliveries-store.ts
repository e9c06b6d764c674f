// The delivery log of alarm notifications (migration 007): one row per message handed to a
// channel, with the alarms it carried, updated after every attempt. The dispatcher writes it; the
// alarms page reads the newest rows; escalation asks it what was already sent (so a restart does
// not escalate an alarm twice).
import type Database from 'better-sqlite3';
import { DELIVERY_STATUSES } from '../../shared/contract/notification-schemas';

export { DELIVERY_STATUSES };
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export interface NotificationDeliveryRecord {
  id: number;
  channelId: string;
  channelKind: string;
  type: string;
  alarmIds: number[];
  /** pending: queued or between retries; delivered; failed: gave up; dropped: never attempted to the end. */
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  createdAt: number;
  lastAttemptAt: number | null;
  deliveredAt: number | null;
}

export type NewNotificationDelivery = Pick<
  NotificationDeliveryRecord,
  'channelId' | 'channelKind' | 'type' | 'alarmIds' | 'createdAt'
>;

export interface DeliveryAttempt {
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  at: number;
}

export interface NotificationDeliveryStore {
  /** Logs a message as pending; returns its id. */
  create(delivery: NewNotificationDelivery): number;
  /** Records the outcome of an attempt (or a drop, without one: then `attempts` is unchanged by the caller). */
  update(id: number, attempt: DeliveryAttempt): void;
  /** Newest first. */
  recent(limit: number): NotificationDeliveryRecord[];
  /** Whether the alarm already had a message of `type` on `channelId` that was not dropped. */
  wasSent(channelId: string, type: string, alarmId: number): boolean;
  /** Marks what was still pending (the app stopped before it went out) as dropped; returns how many. */
  dropPending(at: number, reason: string): number;
  /** Deletes rows created before `beforeMs`; returns how many. */
  pruneBefore(beforeMs: number): number;
}

interface DeliveryRow {
  id: number;
  channel_id: string;
  channel_kind: string;
  type: string;
  status: DeliveryStatus;
  attempts: number;
  last_error: string | null;
  created_at: number;
  last_attempt_at: number | null;
  delivered_at: number | null;
  alarm_ids: string | null;
}

const fromRow = (row: DeliveryRow): NotificationDeliveryRecord => ({
  id: row.id,
  channelId: row.channel_id,
  channelKind: row.channel_kind,
  type: row.type,
  alarmIds: row.alarm_ids === null ? [] : row.alarm_ids.split(',').map(Number),
  status: row.status,
  attempts: row.attempts,
  lastError: row.last_error,
  createdAt: row.created_at,
  lastAttemptAt: row.last_attempt_at,
  deliveredAt: row.delivered_at,
});

export function createNotificationDeliveryStore(db: Database.Database): NotificationDeliveryStore {
  const insertStmt = db.prepare<[string, string, string, number, number]>(
    `INSERT INTO notification_deliveries (channel_id, channel_kind, type, alarm_count, status, created_at)
     VALUES (?, ?, ?, ?, 'pending', ?)`,
  );
  const linkStmt = db.prepare<[number, number]>(
    'INSERT OR IGNORE INTO notification_delivery_alarms (delivery_id, alarm_id) VALUES (?, ?)',
  );
  const updateStmt = db.prepare<[string, number, string | null, number, string, number, number]>(
    `UPDATE notification_deliveries
        SET status = ?, attempts = ?, last_error = ?, last_attempt_at = ?,
            delivered_at = CASE WHEN ? = 'delivered' THEN ? ELSE delivered_at END
      WHERE id = ?`,
  );
  const recentStmt = db.prepare<[number], DeliveryRow>(
    `SELECT d.*, (SELECT group_concat(alarm_id, ',') FROM
                    (SELECT alarm_id FROM notification_delivery_alarms WHERE delivery_id = d.id ORDER BY alarm_id)
                 ) AS alarm_ids
       FROM notification_deliveries d ORDER BY d.created_at DESC, d.id DESC LIMIT ?`,
  );
  const dropStmt = db.prepare<[number, string]>(
    `UPDATE notification_deliveries SET status = 'dropped', last_attempt_at = ?, last_error = ?
      WHERE status = 'pending'`,
  );
  const sentStmt = db.prepare<[number, string, string], { one: number }>(
    `SELECT 1 AS one FROM notification_delivery_alarms a
       JOIN notification_deliveries d ON d.id = a.delivery_id
      WHERE a.alarm_id = ? AND d.channel_id = ? AND d.type = ? AND d.status != 'dropped' LIMIT 1`,
  );
  const pruneStmt = db.prepare<[number]>('DELETE FROM notification_deliveries WHERE created_at < ?');
  const create = db.transaction((delivery: NewNotificationDelivery): number => {
    const { lastInsertRowid } = insertStmt.run(
      delivery.channelId,
      delivery.channelKind,
      delivery.type,
      delivery.alarmIds.length,
      delivery.createdAt,
    );
    const id = Number(lastInsertRowid);
    for (const alarmId of delivery.alarmIds) linkStmt.run(id, alarmId);
    return id;
  });
  return {
    create: (delivery) => create(delivery),
    update(id, attempt) {
      updateStmt.run(
        attempt.status,
        attempt.attempts,
        attempt.lastError,
        attempt.at,
        attempt.status,
        attempt.at,
        id,
      );
    },
    recent: (limit) => recentStmt.all(limit).map(fromRow),
    wasSent: (channelId, type, alarmId) => sentStmt.get(alarmId, channelId, type) !== undefined,
    dropPending: (at, reason) => dropStmt.run(at, reason).changes,
    pruneBefore: (beforeMs) => pruneStmt.run(beforeMs).changes,
  };
}
