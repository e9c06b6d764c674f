import { describe, expect, it } from 'vitest';
import type { SqliteDatabase } from '@src/main/store';
import { migrateTo } from '../../../../support/migrate-to';
import { useEmptyDatabases } from '../../../../support/temp-store';

const NEW_TABLES = [
  'check_chunks',
  'check_failures',
  'endpoint_keys',
  'rollup_day',
  'rollup_hour',
  'rollup_minute',
];

describe('migration 003 compact-checks-rollups', () => {
  const emptyDatabase = useEmptyDatabases();

  /** A version-2 database holding a row of the old row-per-check table, migrated to 3. */
  function migratedDb(): SqliteDatabase {
    const db = emptyDatabase();
    migrateTo(db, 2);
    db.prepare("INSERT INTO checks (endpoint_id, ts, ok) VALUES ('plc-1', 1, 1)").run();
    expect(migrateTo(db, 3)).toEqual({ applied: [3] });
    return db;
  }

  it('drops the row-per-check table and creates the compact tables, all STRICT', () => {
    const tables = migratedDb()
      .prepare<[], { name: string; strict: number }>(
        "SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%'",
      )
      .all();
    const names = tables.map((t) => t.name);
    expect(names).not.toContain('checks');
    for (const name of NEW_TABLES) expect(tables.find((t) => t.name === name)).toEqual({ name, strict: 1 });
  });

  it('indexes every tier by period start, for retention', () => {
    const indexes = migratedDb()
      .prepare<[], { name: string }>(
        "SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL AND name LIKE '%_by_%' ORDER BY name",
      )
      .all()
      .map((row) => row.name);
    expect(indexes).toEqual(
      expect.arrayContaining([
        'check_chunks_by_hour',
        'check_failures_by_ts',
        'rollup_day_by_day',
        'rollup_hour_by_day',
        'rollup_minute_by_hour',
      ]),
    );
  });

  it('enforces types, unique endpoint ids and the day-bucket checks', () => {
    const database = migratedDb();
    database.prepare("INSERT INTO endpoint_keys (endpoint_id) VALUES ('plc-1')").run();
    expect(() => database.prepare("INSERT INTO endpoint_keys (endpoint_id) VALUES ('plc-1')").run()).toThrow(
      /UNIQUE/,
    );
    expect(() =>
      database
        .prepare(
          "INSERT INTO check_chunks (endpoint_key, hour_start, count, last_ts, last_step, data) VALUES (1, 0, 1, 0, 0, 'text')",
        )
        .run(),
    ).toThrow(/cannot store TEXT value in BLOB column/);
    expect(() =>
      database
        .prepare(
          'INSERT INTO rollup_day (endpoint_key, day_start, count, ok_count, rtt_count, rtt_sum) VALUES (1, 0, 1, 2, 0, 0)',
        )
        .run(),
    ).toThrow(/CHECK constraint failed/);
  });
});
