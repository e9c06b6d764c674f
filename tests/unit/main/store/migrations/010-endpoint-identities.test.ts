import { describe, expect, it } from 'vitest';
import { migrateTo } from '../../../../support/migrate-to';
import { useEmptyDatabases } from '../../../../support/temp-store';

describe('migration 010 endpoint-identities', () => {
  const emptyDatabase = useEmptyDatabases();
  const insert = `INSERT INTO endpoint_identities
    (endpoint_id, identity, first_seen, last_seen, note, previous_identity, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)`;

  it('adds endpoint_identities next to the data of 009', () => {
    const db = emptyDatabase();
    migrateTo(db, 9);
    db.exec(
      `INSERT INTO near_misses (endpoint_id, started_at, ended_at, failed_checks) VALUES ('plc', 10, 20, 1)`,
    );
    migrateTo(db, 10);
    expect(db.prepare('SELECT endpoint_id FROM near_misses').all()).toEqual([{ endpoint_id: 'plc' }]);
    db.prepare(insert).run('drive', '{"source":"enip"}', 5, 9, null, null, null);
    expect(db.prepare('SELECT endpoint_id, first_seen, last_seen FROM endpoint_identities').all()).toEqual([
      { endpoint_id: 'drive', first_seen: 5, last_seen: 9 },
    ]);
  });

  it('refuses text that is not JSON, last_seen before first_seen, and a previous without its time', () => {
    const db = emptyDatabase();
    migrateTo(db, 10);
    const run =
      (...values: unknown[]) =>
      () =>
        db.prepare(insert).run(...values);
    expect(run('a', 'not json', 1, 1, null, null, null)).toThrow(/CHECK constraint failed/);
    expect(run('b', '{}', 5, 4, null, null, null)).toThrow(/CHECK constraint failed/);
    expect(run('c', '{}', 1, 1, null, '{}', null)).toThrow(/CHECK constraint failed/);
    expect(run('d', '{}', 1, 1, null, null, 3)).toThrow(/CHECK constraint failed/);
    expect(run('e', '{}', 1, 1, 'minor', '{}', 1)).not.toThrow();
  });
});
