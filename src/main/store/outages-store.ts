// Outages as the KPI spec defines them. Ids are allocated by the monitor (single writer per data
// folder) so an outage, its alarm and the checks that caused it commit in one transaction.
import type Database from 'better-sqlite3';

export interface OutageRecord {
  id: number;
  endpointId: string;
  startedAt: number;
  detectedAt: number;
  endedAt: number | null;
  endedByGap: boolean;
  inMaintenance: boolean;
  secondaryOfEndpoint: string | null;
  secondaryOfOutage: number | null;
  failureKind: string | null;
  failureMessage: string | null;
  /** From the outage's alarm, when there is one and it was acknowledged. */
  acknowledgedAt: number | null;
}

export interface OutageStore {
  insert(outage: Omit<OutageRecord, 'acknowledgedAt'>): void;
  close(id: number, endedAt: number, endedByGap: boolean): void;
  maxId(): number;
  open(): OutageRecord[];
  /** Outages that overlap [fromMs, toMs), oldest first. */
  overlapping(fromMs: number, toMs: number): OutageRecord[];
}

interface OutageRow {
  id: number;
  endpoint_id: string;
  started_at: number;
  detected_at: number;
  ended_at: number | null;
  ended_by_gap: number;
  in_maintenance: number;
  secondary_of_endpoint: string | null;
  secondary_of_outage: number | null;
  failure_kind: string | null;
  failure_message: string | null;
  acknowledged_at: number | null;
}

const fromRow = (row: OutageRow): OutageRecord => ({
  id: row.id,
  endpointId: row.endpoint_id,
  startedAt: row.started_at,
  detectedAt: row.detected_at,
  endedAt: row.ended_at,
  endedByGap: row.ended_by_gap === 1,
  inMaintenance: row.in_maintenance === 1,
  secondaryOfEndpoint: row.secondary_of_endpoint,
  secondaryOfOutage: row.secondary_of_outage,
  failureKind: row.failure_kind,
  failureMessage: row.failure_message,
  acknowledgedAt: row.acknowledged_at,
});

const SELECT = `SELECT o.*, a.acknowledged_at FROM outages o LEFT JOIN alarms a ON a.outage_id = o.id`;

export function createOutageStore(db: Database.Database): OutageStore {
  const insertStmt = db.prepare(
    `INSERT INTO outages (id, endpoint_id, started_at, detected_at, ended_at, ended_by_gap, in_maintenance,
       secondary_of_endpoint, secondary_of_outage, failure_kind, failure_message)
     VALUES (@id, @endpointId, @startedAt, @detectedAt, @endedAt, @endedByGap, @inMaintenance,
       @secondaryOfEndpoint, @secondaryOfOutage, @failureKind, @failureMessage)`,
  );
  const closeStmt = db.prepare<[number, number, number]>(
    'UPDATE outages SET ended_at = ?, ended_by_gap = ? WHERE id = ? AND ended_at IS NULL',
  );
  const maxStmt = db.prepare<[], { max: number | null }>('SELECT MAX(id) AS max FROM outages');
  const openStmt = db.prepare<[], OutageRow>(`${SELECT} WHERE o.ended_at IS NULL ORDER BY o.started_at`);
  const overlapStmt = db.prepare<[number, number], OutageRow>(
    `${SELECT} WHERE o.started_at < ? AND (o.ended_at IS NULL OR o.ended_at > ?) ORDER BY o.started_at, o.id`,
  );
  return {
    insert(outage) {
      insertStmt.run({
        ...outage,
        endedByGap: outage.endedByGap ? 1 : 0,
        inMaintenance: outage.inMaintenance ? 1 : 0,
      });
    },
    close(id, endedAt, endedByGap) {
      closeStmt.run(endedAt, endedByGap ? 1 : 0, id);
    },
    maxId: () => maxStmt.get()?.max ?? 0,
    open: () => openStmt.all().map(fromRow),
    overlapping: (fromMs, toMs) => overlapStmt.all(toMs, fromMs).map(fromRow),
  };
}
