import type { Migration } from './migration';

// Frozen once shipped. The alarm list (run on every alarm change) reads each alarm's outage tree:
// its outage by id, then the outages secondary of it, level by level (outages-store `secondariesOf`).
// Without this index each level scanned every outage ever kept; secondary outages are a minority,
// so the index is partial.
export const outagesByParentMigration: Migration = {
  id: 8,
  name: 'outages-by-parent',
  sql: `
CREATE INDEX outages_by_parent ON outages (secondary_of_outage) WHERE secondary_of_outage IS NOT NULL;
`,
};
