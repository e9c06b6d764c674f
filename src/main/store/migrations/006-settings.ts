import type { Migration } from './migration';

// Frozen once shipped. Console settings edited in the app (kiosk rotation, display, PIN hash) as
// key -> JSON value rows: a handful of rows, read at startup and on the settings page, so a
// key-value table keeps new settings free of further migrations.
export const settingsMigration: Migration = {
  id: 6,
  name: 'settings',
  sql: `
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
`,
};
