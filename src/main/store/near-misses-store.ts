// Near misses (issue 12): a failed streak that a success ended before it reached `down_after`. The
// monitor records one row per streak (batched with its other writes); the near-miss detector reads
// them. They never change states, outages or availability.
import type Database from 'better-sqlite3';

export interface NearMissRecord {
  endpointId: string;
  /** Epoch ms of the streak's first failed check. */
  startedAt: number;
  /** Epoch ms of the successful check that ended the streak. */
  endedAt: number;
  /** Failed checks in the streak (1 .. down_after - 1). */
  failedChecks: number;
}

export interface NearMissStore {
  insertMany(records: readonly NearMissRecord[]): void;
  /** Near misses with `endedAt` in [fromMs, toMs), per endpoint, each list in end order. */
  listForWindow(fromMs: number, toMs: number): Map<string, NearMissRecord[]>;
  /** One endpoint's near misses with `endedAt` in [fromMs, toMs), in end order. */
  listForEndpoint(endpointId: string, fromMs: number, toMs: number): NearMissRecord[];
}

interface NearMissRow {
  endpoint_id: string;
  started_at: number;
  ended_at: number;
  failed_checks: number;
}

const fromRow = (row: NearMissRow): NearMissRecord => ({
  endpointId: row.endpoint_id,
  startedAt: row.started_at,
  endedAt: row.ended_at,
  failedChecks: row.failed_checks,
});

export function createNearMissStore(db: Database.Database): NearMissStore {
  const insertOne = db.prepare<[string, number, number, number]>(
    'INSERT INTO near_misses (endpoint_id, started_at, ended_at, failed_checks) VALUES (?, ?, ?, ?)',
  );
  const selectWindow = db.prepare<[number, number], NearMissRow>(
    `SELECT endpoint_id, started_at, ended_at, failed_checks FROM near_misses
     WHERE ended_at >= ? AND ended_at < ? ORDER BY ended_at, id`,
  );
  const selectEndpoint = db.prepare<[string, number, number], NearMissRow>(
    `SELECT endpoint_id, started_at, ended_at, failed_checks FROM near_misses
     WHERE endpoint_id = ? AND ended_at >= ? AND ended_at < ? ORDER BY ended_at, id`,
  );
  // One transaction for a batch (a savepoint inside the monitor's flush).
  const insertAll = db.transaction((records: readonly NearMissRecord[]) => {
    for (const r of records) insertOne.run(r.endpointId, r.startedAt, r.endedAt, r.failedChecks);
  });
  return {
    insertMany(records) {
      if (records.length > 0) insertAll(records);
    },
    listForWindow(fromMs, toMs) {
      const out = new Map<string, NearMissRecord[]>();
      for (const row of selectWindow.all(fromMs, toMs)) {
        const list = out.get(row.endpoint_id);
        if (list) list.push(fromRow(row));
        else out.set(row.endpoint_id, [fromRow(row)]);
      }
      return out;
    },
    listForEndpoint(endpointId, fromMs, toMs) {
      return selectEndpoint.all(endpointId, fromMs, toMs).map(fromRow);
    },
  };
}
