import type { Migration } from './migration';

// Frozen once shipped: fix mistakes with a new numbered migration, never by editing this text.
// `checks` is keyed by (endpoint_id, ts) without a rowid so per-endpoint time ranges are read straight
// from the primary key; the ts index serves retention pruning across all endpoints.
export const initialMigration: Migration = {
  id: 1,
  name: 'initial',
  sql: `
CREATE TABLE checks (
  endpoint_id TEXT NOT NULL,
  ts INTEGER NOT NULL,
  ok INTEGER NOT NULL CHECK (ok IN (0, 1)),
  rtt_ms REAL,
  error_kind TEXT,
  error TEXT,
  PRIMARY KEY (endpoint_id, ts)
) STRICT, WITHOUT ROWID;

CREATE INDEX checks_by_ts ON checks (ts);

CREATE TABLE state_changes (
  id INTEGER PRIMARY KEY,
  endpoint_id TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('unknown', 'up', 'down')),
  since INTEGER NOT NULL,
  decided_at INTEGER NOT NULL
) STRICT;

CREATE INDEX state_changes_by_endpoint ON state_changes (endpoint_id, decided_at);

CREATE TABLE config_versions (
  id INTEGER PRIMARY KEY,
  hash TEXT NOT NULL,
  applied_at INTEGER NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('file', 'demo')),
  path TEXT,
  text TEXT NOT NULL,
  endpoint_count INTEGER NOT NULL CHECK (endpoint_count >= 0)
) STRICT;

CREATE INDEX config_versions_by_applied_at ON config_versions (applied_at);
`,
};
