import type { Migration } from './migration';

// Frozen once shipped. Near misses (issue 12): failed streaks that ended with a success before
// reaching `down_after`. The near-miss detector reads them per window (by end time) and per
// endpoint; they are few (one row per short streak), so two small indexes serve both reads.
export const nearMissesMigration: Migration = {
  id: 9,
  name: 'near-misses',
  sql: `
CREATE TABLE near_misses (
  id INTEGER PRIMARY KEY,
  endpoint_id TEXT NOT NULL,
  started_at INTEGER NOT NULL,
  ended_at INTEGER NOT NULL,
  failed_checks INTEGER NOT NULL CHECK (failed_checks > 0),
  CHECK (ended_at >= started_at)
);
CREATE INDEX near_misses_by_end ON near_misses (ended_at);
CREATE INDEX near_misses_by_endpoint ON near_misses (endpoint_id, ended_at);
`,
};
