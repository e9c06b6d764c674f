import { describe, expect, it } from 'vitest';
import { ALL_MIGRATIONS, createNotificationDeliveryStore, type SqliteDatabase } from '@src/main/store';
import { notificationDeliveriesMigration } from '@src/main/store/migrations/007-notification-deliveries';
import { migrateTo } from '../../../../support/migrate-to';
import { useEmptyDatabases } from '../../../../support/temp-store';

describe('migration 007 notification deliveries', () => {
  const emptyDatabase = useEmptyDatabases();

  function migratedDb(): SqliteDatabase {
    const db = emptyDatabase();
    migrateTo(db, 6);
    db.prepare(
      "INSERT INTO settings (key, value, updated_at) VALUES ('kiosk.rotationSeconds', '15', 1)",
    ).run();
    expect(migrateTo(db, 7).applied).toEqual([7]);
    return db;
  }

  it('is registered in the app list, creates two STRICT tables and keeps older data', () => {
    expect(ALL_MIGRATIONS).toContain(notificationDeliveriesMigration);
    const db = migratedDb();
    const tables = db
      .prepare<[], { name: string; strict: number }>(
        "SELECT name, strict FROM pragma_table_list WHERE name LIKE 'notification_%' ORDER BY name",
      )
      .all();
    expect(tables).toEqual([
      { name: 'notification_deliveries', strict: 1 },
      { name: 'notification_delivery_alarms', strict: 1 },
    ]);
    expect(db.prepare('SELECT value FROM settings').pluck().get()).toBe('15');
  });

  it('refuses an unknown status and deletes the alarm links with their delivery', () => {
    const db = migratedDb();
    const deliveries = createNotificationDeliveryStore(db);
    const id = deliveries.create({
      channelId: 'hook',
      channelKind: 'webhook',
      type: 'alarm.raised',
      alarmIds: [3, 1],
      createdAt: 10,
    });
    expect(() =>
      db.prepare("UPDATE notification_deliveries SET status = 'lost' WHERE id = ?").run(id),
    ).toThrow(/CHECK/);
    expect(deliveries.pruneBefore(11)).toBe(1);
    expect(db.prepare('SELECT COUNT(*) FROM notification_delivery_alarms').pluck().get()).toBe(0);
  });
});
