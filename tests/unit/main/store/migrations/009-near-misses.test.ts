import { describe, expect, it } from 'vitest';
import { migrateTo } from '../../../../support/migrate-to';
import { useEmptyDatabases } from '../../../../support/temp-store';

describe('migration 009 near-misses', () => {
  const emptyDatabase = useEmptyDatabases();

  it('adds the near_misses table next to the data of 008, and the window read seeks its index', () => {
    const db = emptyDatabase();
    migrateTo(db, 8);
    db.exec(`INSERT INTO outages (id, endpoint_id, started_at, detected_at) VALUES (1, 'plc', 0, 5)`);
    migrateTo(db, 9);
    expect(db.prepare('SELECT id FROM outages').all()).toEqual([{ id: 1 }]);
    db.exec(
      `INSERT INTO near_misses (endpoint_id, started_at, ended_at, failed_checks) VALUES ('plc', 10, 20, 1)`,
    );
    expect(
      db.prepare('SELECT endpoint_id, started_at, ended_at, failed_checks FROM near_misses').all(),
    ).toEqual([{ endpoint_id: 'plc', started_at: 10, ended_at: 20, failed_checks: 1 }]);
    const plan = (sql: string) =>
      db
        .prepare<[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
        .all()
        .map((r) => r.detail)
        .join('\n');
    expect(plan('SELECT * FROM near_misses WHERE ended_at >= 0 AND ended_at < 100')).toMatch(
      /SEARCH near_misses USING INDEX near_misses_by_end/,
    );
    expect(
      plan(`SELECT * FROM near_misses WHERE endpoint_id = 'plc' AND ended_at >= 0 AND ended_at < 9`),
    ).toMatch(/SEARCH near_misses USING INDEX near_misses_by_endpoint/);
  });

  it('refuses a streak without failed checks or ending before it started', () => {
    const db = emptyDatabase();
    migrateTo(db, 9);
    const insert = db.prepare(
      'INSERT INTO near_misses (endpoint_id, started_at, ended_at, failed_checks) VALUES (?, ?, ?, ?)',
    );
    expect(() => insert.run('plc', 10, 20, 0)).toThrow(/CHECK constraint failed/);
    expect(() => insert.run('plc', 30, 20, 1)).toThrow(/CHECK constraint failed/);
  });
});
