// The settings table: one JSON value per key. Callers validate what they read (the file may have
// been written by another version), so values come back as `unknown`.
import type Database from 'better-sqlite3';

export interface SettingsStore {
  get(key: string): unknown;
  set(key: string, value: unknown, at: number): void;
  delete(key: string): void;
}

export function createSettingsStore(db: Database.Database): SettingsStore {
  const getStmt = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const setStmt = db.prepare<[string, string, number]>(
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  );
  const deleteStmt = db.prepare<[string]>('DELETE FROM settings WHERE key = ?');
  return {
    get(key) {
      const row = getStmt.get(key);
      if (!row) return undefined;
      try {
        return JSON.parse(row.value) as unknown;
      } catch {
        return undefined;
      }
    },
    set: (key, value, at) => void setStmt.run(key, JSON.stringify(value), at),
    delete: (key) => void deleteStmt.run(key),
  };
}
