import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import {
  migrate,
  migrationChecksum,
  MigrationChecksumError,
  MigrationFailedError,
  UnknownAppliedMigrationError,
} from '@src/main/store/migrate';
import { ALL_MIGRATIONS, type Migration } from '@src/main/store/migrations';
import { useTempDirs } from '../../../support/temp-store';

const first: Migration = {
  id: 1,
  name: 'first',
  sql: 'CREATE TABLE first_table (id INTEGER PRIMARY KEY) STRICT;',
};
const second: Migration = {
  id: 2,
  name: 'second',
  sql: 'CREATE TABLE second_table (id INTEGER PRIMARY KEY) STRICT;',
};
// Creates a table, then fails: the table must not survive the rollback.
const broken: Migration = {
  id: 3,
  name: 'broken',
  sql: 'CREATE TABLE half_done (id INTEGER PRIMARY KEY) STRICT; INSERT INTO no_such_table VALUES (1);',
};

describe('migrate', () => {
  const newTempDir = useTempDirs();
  const opened: Database.Database[] = [];
  afterEach(() => {
    for (const db of opened.splice(0)) db.close();
  });

  function openFile(file: string): Database.Database {
    const db = new Database(file);
    opened.push(db);
    return db;
  }
  const newDb = (): Database.Database => openFile(path.join(newTempDir(), 'test.sqlite'));
  const tableExists = (db: Database.Database, name: string): boolean =>
    db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(name) !== undefined;
  const appliedIds = (db: Database.Database): number[] =>
    db
      .prepare<[], { id: number }>('SELECT id FROM schema_migrations ORDER BY id')
      .all()
      .map((row) => row.id);

  it('applies pending migrations in id order and records name, checksum and time', () => {
    const db = newDb();
    expect(migrate(db, [second, first], () => 1_700_000_000_000)).toEqual({ applied: [1, 2] });
    expect(tableExists(db, 'first_table') && tableExists(db, 'second_table')).toBe(true);
    expect(db.prepare('SELECT * FROM schema_migrations ORDER BY id').all()).toEqual([
      { id: 1, name: 'first', checksum: migrationChecksum(first), applied_at: 1_700_000_000_000 },
      { id: 2, name: 'second', checksum: migrationChecksum(second), applied_at: 1_700_000_000_000 },
    ]);
  });

  it('stores the sha256 of the sql as checksum', () => {
    expect(migrationChecksum(first)).toMatch(/^[0-9a-f]{64}$/);
    expect(migrationChecksum({ ...first, sql: first.sql + ' ' })).not.toBe(migrationChecksum(first));
  });

  it('keeps schema_migrations STRICT', () => {
    const db = newDb();
    migrate(db, []);
    const info = db
      .prepare<[], { strict: number }>(
        "SELECT strict FROM pragma_table_list WHERE name = 'schema_migrations'",
      )
      .get();
    expect(info?.strict).toBe(1);
  });

  it('is idempotent: a second run, also after reopening the file, applies nothing', () => {
    const file = path.join(newTempDir(), 'test.sqlite');
    const db = openFile(file);
    expect(migrate(db).applied).toEqual(ALL_MIGRATIONS.map((m) => m.id));
    expect(migrate(db)).toEqual({ applied: [] });
    db.close();
    expect(migrate(openFile(file))).toEqual({ applied: [] });
  });

  it('applies only the new migration when the code gains one', () => {
    const db = newDb();
    migrate(db, [first]);
    expect(migrate(db, [first, second])).toEqual({ applied: [2] });
    expect(appliedIds(db)).toEqual([1, 2]);
  });

  it('refuses an applied migration whose sql was edited, and applies nothing after the refusal', () => {
    const db = newDb();
    migrate(db, [first]);
    const edited: Migration = { ...first, sql: first.sql.replace('first_table', 'renamed_table') };

    let refusal: unknown;
    try {
      migrate(db, [edited, second]);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(MigrationChecksumError);
    expect((refusal as Error).message).toMatch(/^migration 1 'first' was edited after it was applied: /);
    expect(tableExists(db, 'second_table')).toBe(false);
    expect(tableExists(db, 'renamed_table')).toBe(false);
    expect(appliedIds(db)).toEqual([1]);
  });

  it('refuses when the stored checksum no longer matches the real initial migration', () => {
    const db = newDb();
    migrate(db);
    db.prepare("UPDATE schema_migrations SET checksum = 'tampered' WHERE id = 1").run();
    expect(() => migrate(db)).toThrow(MigrationChecksumError);
    expect(() => migrate(db)).toThrow("migration 1 'initial' was edited after it was applied");
  });

  it('refuses a database that has a migration this code does not know (written by a newer app)', () => {
    const db = newDb();
    migrate(db, [first, second]);
    expect(() => migrate(db, [first])).toThrow(UnknownAppliedMigrationError);
    expect(() => migrate(db, [first])).toThrow(/migration 2 'second' applied, which this version/);
  });

  it('rolls a failing migration back entirely: no table, no bookkeeping row; earlier ones stay', () => {
    const db = newDb();
    let failure: unknown;
    try {
      migrate(db, [first, broken, { ...second, id: 4 }]);
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(MigrationFailedError);
    expect((failure as Error).message).toMatch(
      /^migration 3 'broken' failed and was rolled back: .*no_such_table/,
    );
    expect(tableExists(db, 'half_done')).toBe(false);
    expect(tableExists(db, 'second_table')).toBe(false);
    expect(tableExists(db, 'first_table')).toBe(true);
    expect(appliedIds(db)).toEqual([1]);
    expect(db.inTransaction).toBe(false);
  });

  it('rejects a migration list with duplicate ids before touching the database', () => {
    const db = newDb();
    expect(() => migrate(db, [first, { ...second, id: 1 }])).toThrow(/share id 1/);
    expect(tableExists(db, 'schema_migrations')).toBe(false);
  });
});
