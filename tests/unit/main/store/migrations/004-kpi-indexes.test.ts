import { describe, expect, it } from 'vitest';
import { migrateTo } from '../../../../support/migrate-to';
import { useEmptyDatabases, useTempStores } from '../../../../support/temp-store';

describe('migration 004 kpi-indexes', () => {
  const emptyDatabase = useEmptyDatabases();
  const tempStore = useTempStores();

  it('indexes state changes by (endpoint, since) and the KPI window reads seek it, never scan', () => {
    const db = emptyDatabase();
    migrateTo(db, 4);
    const columns = db
      .prepare<[], { name: string }>("SELECT name FROM pragma_index_info('state_changes_by_endpoint_since')")
      .all()
      .map((c) => c.name);
    expect(columns).toEqual(['endpoint_id', 'since', 'id', 'state', 'decided_at']);
    const plan = db
      .prepare<[number, number], { detail: string }>(
        `EXPLAIN QUERY PLAN SELECT state, since, decided_at FROM state_changes
         WHERE endpoint_id = 'plc' AND since > ? AND since < ? ORDER BY since, id`,
      )
      .all(0, 1)
      .map((r) => r.detail)
      .join('\n');
    expect(plan).toMatch(/SEARCH state_changes USING COVERING INDEX state_changes_by_endpoint_since/);
    expect(plan).not.toMatch(/SCAN|TEMP B-TREE/);
  });

  it('listForWindow: the change in force at `from` plus the changes inside, per endpoint, by since then id', () => {
    const { store } = tempStore();
    const add = (endpointId: string, state: 'up' | 'down' | 'unknown', since: number, decidedAt = since) =>
      store.stateChanges.insert({ endpointId, state, since, decidedAt });
    add('a', 'up', 10);
    add('a', 'down', 50); // in force at from = 100
    add('a', 'up', 150);
    add('a', 'down', 300); // at `to`: excluded
    add('b', 'down', 100); // exactly at from: the head
    add('b', 'up', 120, 500);
    add('c', 'up', 200); // nothing at or before from: only the body
    add('d', 'up', 400); // after the window: nothing
    const window = store.stateChanges.listForWindow(100, 300);
    const brief = (id: string) => window.get(id)?.map((c) => [c.state, c.since]);
    expect([...window.keys()].sort()).toEqual(['a', 'b', 'c']);
    expect(brief('a')).toEqual([
      ['down', 50],
      ['up', 150],
    ]);
    expect(brief('b')).toEqual([
      ['down', 100],
      ['up', 120],
    ]);
    expect(brief('c')).toEqual([['up', 200]]);
    expect(brief('d')).toBeUndefined();
  });
});
