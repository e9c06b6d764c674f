import type { Migration } from './migration';

// Frozen once shipped. Replaces the row-per-check `checks` table (~35 bytes a check: 60 M rows for
// 7 days of 1,000 endpoints at 10 s would be ~2 GB) with one compact blob per endpoint-hour, and adds
// minute/hour/day rollups so charts and KPIs never need raw checks.
//
// The old rows are dropped, not converted: nothing has shipped with 001's `checks`, and the blob
// encoding (zigzag varints, see check-chunks-codec.ts) cannot be produced in plain SQL.
//
// Layout choices:
// - `endpoint_keys` maps the text endpoint id to a small integer so every chunk and rollup row
//   carries 1-2 bytes instead of the id string. Keys are never deleted (a few bytes per endpoint).
// - `check_chunks` is a rowid table, not WITHOUT ROWID: a full chunk (~1-2 KB) is larger than the
//   ~1 KB an index b-tree keeps in-page, and would spill into mostly empty overflow pages.
//   `last_ts`/`last_step` let an append continue the delta encoding without decoding the blob.
// - `check_failures` holds the error text only where it changes within a chunk, so a plant that is
//   switched off for a week costs a few bytes per check, not a message per check.
// - Minute buckets live 60 to a blob per endpoint-hour and hour buckets 24 to a blob per endpoint-day
//   (rollups-codec.ts): as plain rows, 30 days of minutes alone would be 43 M rows (~1.5 GB) and a
//   year of hours 8.8 M rows (~300 MB). Day buckets are plain rows (365 K rows a year).
// - RTT values in rollups are integers in 0.01 ms units, so sums (for averages) stay exact.
// - Every tier has an index on its period start: retention deletes by age across all endpoints.
export const compactChecksRollupsMigration: Migration = {
  id: 3,
  name: 'compact-checks-rollups',
  sql: `
DROP TABLE checks;

CREATE TABLE endpoint_keys (
  endpoint_key INTEGER PRIMARY KEY,
  endpoint_id TEXT NOT NULL UNIQUE
) STRICT;

CREATE TABLE check_chunks (
  endpoint_key INTEGER NOT NULL,
  hour_start INTEGER NOT NULL,
  count INTEGER NOT NULL CHECK (count > 0),
  last_ts INTEGER NOT NULL,
  last_step INTEGER NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (endpoint_key, hour_start)
) STRICT;

CREATE INDEX check_chunks_by_hour ON check_chunks (hour_start);

CREATE TABLE check_failures (
  endpoint_key INTEGER NOT NULL,
  ts INTEGER NOT NULL,
  error_kind TEXT,
  error TEXT,
  PRIMARY KEY (endpoint_key, ts)
) STRICT, WITHOUT ROWID;

CREATE INDEX check_failures_by_ts ON check_failures (ts);

CREATE TABLE rollup_minute (
  endpoint_key INTEGER NOT NULL,
  hour_start INTEGER NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (endpoint_key, hour_start)
) STRICT, WITHOUT ROWID;

CREATE INDEX rollup_minute_by_hour ON rollup_minute (hour_start);

CREATE TABLE rollup_hour (
  endpoint_key INTEGER NOT NULL,
  day_start INTEGER NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (endpoint_key, day_start)
) STRICT, WITHOUT ROWID;

CREATE INDEX rollup_hour_by_day ON rollup_hour (day_start);

CREATE TABLE rollup_day (
  endpoint_key INTEGER NOT NULL,
  day_start INTEGER NOT NULL,
  count INTEGER NOT NULL CHECK (count > 0),
  ok_count INTEGER NOT NULL CHECK (ok_count BETWEEN 0 AND count),
  rtt_count INTEGER NOT NULL CHECK (rtt_count BETWEEN 0 AND count),
  rtt_min INTEGER,
  rtt_sum INTEGER NOT NULL,
  rtt_max INTEGER,
  PRIMARY KEY (endpoint_key, day_start)
) STRICT, WITHOUT ROWID;

CREATE INDEX rollup_day_by_day ON rollup_day (day_start);
`,
};
