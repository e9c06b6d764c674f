import { describe, expect, it } from 'vitest';
import { ALL_MIGRATIONS, type SqliteDatabase } from '@src/main/store';
import { settingsMigration } from '@src/main/store/migrations/006-settings';
import { createSettingsStore } from '@src/main/store/settings-store';
import { migrateTo } from '../../../../support/migrate-to';
import { useEmptyDatabases } from '../../../../support/temp-store';

describe('migration 006 settings', () => {
  const emptyDatabase = useEmptyDatabases();

  function migratedDb(): SqliteDatabase {
    const db = emptyDatabase();
    migrateTo(db, 5);
    expect(migrateTo(db, 6).applied).toEqual([6]);
    return db;
  }

  it('is registered in the app list and creates a STRICT key-value table', () => {
    expect(ALL_MIGRATIONS).toContain(settingsMigration);
    const table = migratedDb()
      .prepare<[], { name: string; strict: number }>(
        "SELECT name, strict FROM pragma_table_list WHERE name = 'settings'",
      )
      .get();
    expect(table).toEqual({ name: 'settings', strict: 1 });
  });

  it('stores JSON values by key, upserts and deletes them', () => {
    const settings = createSettingsStore(migratedDb());
    expect(settings.get('kiosk.rotationSeconds')).toBeUndefined();
    settings.set('kiosk.rotationSeconds', 15, 1);
    settings.set('kiosk.rotationSeconds', 30, 2);
    expect(settings.get('kiosk.rotationSeconds')).toBe(30);
    settings.delete('kiosk.rotationSeconds');
    expect(settings.get('kiosk.rotationSeconds')).toBeUndefined();
  });
});
