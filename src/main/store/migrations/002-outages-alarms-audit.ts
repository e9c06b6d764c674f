import type { Migration } from './migration';

// Frozen once shipped. Outages and alarms follow the KPI spec §3; `state_changes` (001) already is
// the exact log of state intervals (each row holds from its `since` until the next row's `since`),
// and `endpoint_progress` holds what the state machine needs to resume after a restart and where
// the last interval ends (last check + interval).
export const outagesAlarmsAuditMigration: Migration = {
  id: 2,
  name: 'outages-alarms-audit',
  sql: `
CREATE TABLE outages (
  id INTEGER PRIMARY KEY,
  endpoint_id TEXT NOT NULL,
  started_at INTEGER NOT NULL,
  detected_at INTEGER NOT NULL,
  ended_at INTEGER,
  ended_by_gap INTEGER NOT NULL DEFAULT 0 CHECK (ended_by_gap IN (0, 1)),
  in_maintenance INTEGER NOT NULL DEFAULT 0 CHECK (in_maintenance IN (0, 1)),
  secondary_of_endpoint TEXT,
  secondary_of_outage INTEGER,
  failure_kind TEXT,
  failure_message TEXT,
  CHECK (detected_at >= started_at),
  CHECK (ended_at IS NULL OR ended_at >= started_at)
) STRICT;

CREATE INDEX outages_by_endpoint ON outages (endpoint_id, started_at);
CREATE INDEX outages_by_start ON outages (started_at);
CREATE INDEX outages_open ON outages (endpoint_id) WHERE ended_at IS NULL;

CREATE TABLE alarms (
  id INTEGER PRIMARY KEY,
  outage_id INTEGER NOT NULL UNIQUE REFERENCES outages (id),
  endpoint_id TEXT NOT NULL,
  raised_at INTEGER NOT NULL,
  cleared_at INTEGER,
  acknowledged_at INTEGER,
  acknowledged_by TEXT,
  note TEXT
) STRICT;

CREATE INDEX alarms_open ON alarms (raised_at) WHERE acknowledged_at IS NULL OR cleared_at IS NULL;

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  ts INTEGER NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  subject TEXT,
  details TEXT NOT NULL DEFAULT '{}'
) STRICT;

CREATE INDEX audit_log_by_ts ON audit_log (ts);

CREATE TABLE endpoint_progress (
  endpoint_id TEXT PRIMARY KEY,
  state TEXT NOT NULL CHECK (state IN ('unknown', 'up', 'down')),
  since INTEGER,
  ok_streak INTEGER NOT NULL,
  ok_streak_start INTEGER,
  fail_streak INTEGER NOT NULL,
  fail_streak_start INTEGER,
  last_check_ts INTEGER,
  interval_ms INTEGER NOT NULL,
  open_outage_id INTEGER
) STRICT, WITHOUT ROWID;

ALTER TABLE config_versions ADD COLUMN diff TEXT;
`,
};
