import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '@src/main/store/migrate';
import { ALL_MIGRATIONS } from '@src/main/store/migrations';
import { settingsMigration } from '@src/main/store/migrations/006-settings';
import { createSettingsStore } from '@src/main/store/settings-store';
import { useTempDataDirs } from '../../../../support/temp-data-dir';

describe('migration 006 settings', () => {
  const newTempDir = useTempDataDirs();
  let db: Database.Database | undefined;
  afterEach(() => db?.close());

  function migratedDb(): Database.Database {
    db = new Database(path.join(newTempDir(), 'test.sqlite'));
    const before = ALL_MIGRATIONS.filter((m) => m.id < 6);
    migrate(db, before);
    expect(migrate(db, [...before, settingsMigration]).applied).toEqual([6]);
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
