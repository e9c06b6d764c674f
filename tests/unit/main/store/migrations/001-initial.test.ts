import { describe, expect, it } from 'vitest';
import type { SqliteDatabase } from '@src/main/store';
import { migrateTo } from '../../../../support/migrate-to';
import { useEmptyDatabases } from '../../../../support/temp-store';

interface TableInfo {
  name: string;
  strict: 0 | 1;
  wr: 0 | 1;
}

describe('migration 001 initial', () => {
  const emptyDatabase = useEmptyDatabases();

  function migratedDb(): SqliteDatabase {
    const db = emptyDatabase();
    migrateTo(db, 1);
    return db;
  }

  it('creates exactly the checks, state_changes and config_versions tables, all STRICT', () => {
    const tables = migratedDb()
      .prepare<[], TableInfo>(
        "SELECT name, strict, wr FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all();
    expect(tables).toEqual([
      { name: 'checks', strict: 1, wr: 1 },
      { name: 'config_versions', strict: 1, wr: 0 },
      { name: 'schema_migrations', strict: 1, wr: 0 },
      { name: 'state_changes', strict: 1, wr: 0 },
    ]);
  });

  it('gives each table the planned columns', () => {
    const database = migratedDb();
    const columns = (table: string): string[] =>
      database
        .prepare<[string], { name: string }>('SELECT name FROM pragma_table_info(?) ORDER BY cid')
        .all(table)
        .map((column) => column.name);
    expect(columns('checks')).toEqual(['endpoint_id', 'ts', 'ok', 'rtt_ms', 'error_kind', 'error']);
    expect(columns('state_changes')).toEqual(['id', 'endpoint_id', 'state', 'since', 'decided_at']);
    expect(columns('config_versions')).toEqual([
      'id',
      'hash',
      'applied_at',
      'source',
      'path',
      'text',
      'endpoint_count',
    ]);
  });

  it('creates the indexes', () => {
    const indexes = migratedDb()
      .prepare<[], { name: string; tbl_name: string }>(
        "SELECT name, tbl_name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name",
      )
      .all();
    expect(indexes).toEqual([
      { name: 'checks_by_ts', tbl_name: 'checks' },
      { name: 'config_versions_by_applied_at', tbl_name: 'config_versions' },
      { name: 'state_changes_by_endpoint', tbl_name: 'state_changes' },
    ]);
  });

  it('rejects a text in an INTEGER column (STRICT)', () => {
    const database = migratedDb();
    expect(() =>
      database.prepare("INSERT INTO checks (endpoint_id, ts, ok) VALUES ('plc-1', 'yesterday', 1)").run(),
    ).toThrow(/cannot store TEXT value in INTEGER column/);
    expect(() =>
      database
        .prepare(
          "INSERT INTO state_changes (endpoint_id, state, since, decided_at) VALUES ('plc-1', 'up', 'x', 1)",
        )
        .run(),
    ).toThrow(/cannot store TEXT value in INTEGER column/);
  });

  it('enforces the CHECK constraints on ok, state and source', () => {
    const database = migratedDb();
    expect(() =>
      database.prepare("INSERT INTO checks (endpoint_id, ts, ok) VALUES ('a', 1, 2)").run(),
    ).toThrow(/CHECK constraint failed/);
    expect(() =>
      database
        .prepare(
          "INSERT INTO state_changes (endpoint_id, state, since, decided_at) VALUES ('a', 'flapping', 1, 1)",
        )
        .run(),
    ).toThrow(/CHECK constraint failed/);
    expect(() =>
      database
        .prepare(
          "INSERT INTO config_versions (hash, applied_at, source, text, endpoint_count) VALUES ('h', 1, 'web', '', 0)",
        )
        .run(),
    ).toThrow(/CHECK constraint failed/);
  });
});
