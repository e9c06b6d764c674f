import { describe, expect, it } from 'vitest';
import type { SqliteDatabase } from '@src/main/store';
import { migrateTo } from '../../../../support/migrate-to';
import { useEmptyDatabases } from '../../../../support/temp-store';

describe('migration 002 outages-alarms-audit', () => {
  const emptyDatabase = useEmptyDatabases();

  function migratedDb(): SqliteDatabase {
    const db = emptyDatabase();
    migrateTo(db, 2);
    return db;
  }

  it('creates outages, alarms, audit_log and endpoint_progress as STRICT tables and adds config_versions.diff', () => {
    const db = migratedDb();
    const tables = db
      .prepare<[], { name: string; strict: number }>(
        "SELECT name, strict FROM pragma_table_list WHERE schema = 'main'",
      )
      .all();
    for (const name of ['outages', 'alarms', 'audit_log', 'endpoint_progress']) {
      expect(tables.find((t) => t.name === name)).toMatchObject({ strict: 1 });
    }
    const configColumns = db
      .prepare<[], { name: string }>("SELECT name FROM pragma_table_info('config_versions')")
      .all();
    expect(configColumns.map((c) => c.name)).toContain('diff');
  });

  it('enforces outage ordering, types and the alarm-to-outage reference', () => {
    const db = migratedDb();
    const insertOutage = db.prepare(
      'INSERT INTO outages (endpoint_id, started_at, detected_at, ended_at) VALUES (?, ?, ?, ?)',
    );
    expect(() => insertOutage.run('plc', 100, 50, null)).toThrow(/CHECK/);
    expect(() => insertOutage.run('plc', 100, 150, 90)).toThrow(/CHECK/);
    expect(() => insertOutage.run('plc', 'soon', 150, null)).toThrow(/cannot store TEXT/);
    const { lastInsertRowid } = insertOutage.run('plc', 100, 150, 200);
    const insertAlarm = db.prepare('INSERT INTO alarms (outage_id, endpoint_id, raised_at) VALUES (?, ?, ?)');
    insertAlarm.run(lastInsertRowid, 'plc', 150);
    expect(() => insertAlarm.run(lastInsertRowid, 'plc', 150)).toThrow(/UNIQUE/);
    expect(() => insertAlarm.run(9999, 'plc', 150)).toThrow(/FOREIGN KEY/);
  });
});
