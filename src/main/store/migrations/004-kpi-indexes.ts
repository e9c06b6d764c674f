import type { Migration } from './migration';

// Frozen once shipped. KPI reports read state changes by (endpoint, since): the state in force at
// the window's start is the last change at or before it, and the window's changes are a `since`
// range per endpoint (state-changes-store `listForWindow`). 001's index is on decided_at, which
// backdating makes differ from since, so it cannot serve these seeks. `id` (the rowid) follows
// `since` so `ORDER BY since, id` needs no sort, and `state`, `decided_at` make the index covering:
// a 90-day report reads ~150 K changes straight from the index, without a table lookup per row
// (rows are in id = time order, so one endpoint's rows are scattered over the table).
export const kpiIndexesMigration: Migration = {
  id: 4,
  name: 'kpi-indexes',
  sql: `
CREATE INDEX state_changes_by_endpoint_since ON state_changes (endpoint_id, since, id, state, decided_at);
`,
};
