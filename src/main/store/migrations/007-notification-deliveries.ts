import type { Migration } from './migration';

// Frozen once shipped. The delivery log of alarm notifications: one row per message handed to a
// channel (a grouped storm message is one row naming all its alarms in the link table), updated
// on each attempt. The alarm link has no foreign key to `alarms`: the log outlives nothing there
// (alarms are never deleted), and a delivery is written before the engine's batch of alarm rows
// may have been flushed.
export const notificationDeliveriesMigration: Migration = {
  id: 7,
  name: 'notification-deliveries',
  sql: `
CREATE TABLE notification_deliveries (
  id INTEGER PRIMARY KEY,
  channel_id TEXT NOT NULL,
  channel_kind TEXT NOT NULL,
  type TEXT NOT NULL,
  alarm_count INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed', 'dropped')),
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  created_at INTEGER NOT NULL,
  last_attempt_at INTEGER,
  delivered_at INTEGER
) STRICT;
CREATE INDEX notification_deliveries_by_created ON notification_deliveries (created_at);
CREATE INDEX notification_deliveries_pending ON notification_deliveries (status) WHERE status = 'pending';

CREATE TABLE notification_delivery_alarms (
  delivery_id INTEGER NOT NULL REFERENCES notification_deliveries (id) ON DELETE CASCADE,
  alarm_id INTEGER NOT NULL,
  PRIMARY KEY (delivery_id, alarm_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX notification_delivery_alarms_by_alarm ON notification_delivery_alarms (alarm_id);
`,
};
