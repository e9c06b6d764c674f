import { describe, expect, it } from 'vitest';
import { migrateTo } from '../../../../support/migrate-to';
import { useEmptyDatabases, useTempStores } from '../../../../support/temp-store';

describe('migration 008 outages-by-parent', () => {
  const emptyDatabase = useEmptyDatabases();
  const tempStore = useTempStores();

  it('keeps the outages of 007 and lets the secondary lookup seek the new index, never scan', () => {
    const db = emptyDatabase();
    migrateTo(db, 7);
    db.exec(`INSERT INTO outages (id, endpoint_id, started_at, detected_at, secondary_of_outage)
             VALUES (1, 'router', 0, 5, NULL), (2, 'plc', 1, 6, 1)`);
    migrateTo(db, 8);
    expect(db.prepare('SELECT id, secondary_of_outage FROM outages ORDER BY id').all()).toEqual([
      { id: 1, secondary_of_outage: null },
      { id: 2, secondary_of_outage: 1 },
    ]);
    const plan = db
      .prepare<[], { detail: string }>(
        'EXPLAIN QUERY PLAN SELECT id FROM outages WHERE secondary_of_outage IN (1, 2, 3)',
      )
      .all()
      .map((r) => r.detail)
      .join('\n');
    expect(plan).toMatch(/SEARCH outages USING (COVERING )?INDEX outages_by_parent/);
  });

  it('byIds and secondariesOf find the outages asked for and only those', () => {
    const { store } = tempStore();
    const outage = (id: number, parent: number | null) => ({
      id,
      endpointId: `ep-${id}`,
      startedAt: id,
      detectedAt: id,
      endedAt: null,
      endedByGap: false,
      inMaintenance: false,
      secondaryOfEndpoint: parent === null ? null : `ep-${parent}`,
      secondaryOfOutage: parent,
      failureKind: null,
      failureMessage: null,
    });
    store.transaction(() => {
      for (const [id, parent] of [
        [1, null],
        [2, 1],
        [3, 1],
        [4, 2],
        [5, null],
      ] as const) {
        store.outages.insert(outage(id, parent));
      }
    });
    const ids = (rows: { id: number }[]) => rows.map((r) => r.id).sort((a, b) => a - b);
    expect(ids(store.outages.byIds([1, 4, 99]))).toEqual([1, 4]);
    expect(ids(store.outages.secondariesOf([1]))).toEqual([2, 3]);
    expect(ids(store.outages.secondariesOf([2, 5]))).toEqual([4]);
  });
});
