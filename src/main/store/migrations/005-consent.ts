import type { Migration } from './migration';

// Frozen once shipped. The telemetry consent of this installation: one row (id = 1), written when
// a person decides in the first-run dialog or in Settings. No row means "never asked", which the
// app treats as everything off. Time and app version record what the person agreed to, and when.
// identity_epoch counts "Forget me" presses so every renderer can reset its analytics identity.
export const consentMigration: Migration = {
  id: 5,
  name: 'consent',
  sql: `
CREATE TABLE consent (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  error_diagnostics INTEGER NOT NULL CHECK (error_diagnostics IN (0, 1)),
  performance INTEGER NOT NULL CHECK (performance IN (0, 1)),
  usage_analytics INTEGER NOT NULL CHECK (usage_analytics IN (0, 1)),
  decided_at INTEGER NOT NULL,
  app_version TEXT NOT NULL,
  identity_epoch INTEGER NOT NULL DEFAULT 0 CHECK (identity_epoch >= 0)
) STRICT;
`,
};
