import { describe, expect, it } from 'vitest';
import { createConsentStore, type SqliteDatabase } from '@src/main/store';
import { migrateTo } from '../../../../support/migrate-to';
import { useEmptyDatabases } from '../../../../support/temp-store';

describe('migration 005 consent', () => {
  const emptyDatabase = useEmptyDatabases();

  function migratedDb(): SqliteDatabase {
    const db = emptyDatabase();
    migrateTo(db, 5);
    return db;
  }

  it('creates a STRICT single-row consent table that starts empty (never asked)', () => {
    const db = migratedDb();
    const table = db
      .prepare<[], { strict: number }>(
        "SELECT strict FROM pragma_table_list WHERE schema = 'main' AND name = 'consent'",
      )
      .get();
    expect(table).toEqual({ strict: 1 });
    expect(createConsentStore(db).get()).toBeNull();
    const insert = db.prepare(
      'INSERT INTO consent (id, error_diagnostics, performance, usage_analytics, decided_at, app_version) VALUES (?, ?, ?, ?, ?, ?)',
    );
    expect(() => insert.run(2, 0, 0, 0, 1, '1.0.0')).toThrow(/CHECK/);
    expect(() => insert.run(1, 2, 0, 0, 1, '1.0.0')).toThrow(/CHECK/);
    expect(() => insert.run(1, 0, 0, 0, 'now', '1.0.0')).toThrow(/cannot store TEXT/);
  });

  it('stores the choice with its time and app version, replaces it, and counts "Forget me"', () => {
    const db = migratedDb();
    const store = createConsentStore(db);
    expect(store.bumpIdentityEpoch()).toBeNull();
    const choice = { error_diagnostics: true, performance: false, usage_analytics: true };
    expect(store.save(choice, 1_700_000_000_000, '0.1.0')).toEqual({
      choice,
      decidedAt: 1_700_000_000_000,
      appVersion: '0.1.0',
      identityEpoch: 0,
    });
    expect(store.bumpIdentityEpoch()).toBe(1);
    const off = { error_diagnostics: false, performance: false, usage_analytics: false };
    expect(store.save(off, 1_700_000_100_000, '0.2.0')).toMatchObject({
      choice: off,
      appVersion: '0.2.0',
      identityEpoch: 1,
    });
    expect(db.prepare<[], { n: number }>('SELECT count(*) AS n FROM consent').get()?.n).toBe(1);
  });
});
